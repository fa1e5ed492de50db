package vm

// This file resolves scopes: which names are local slots, cells, free
// variables, globals or namespace lookups, before code generation.

import (
	"github.com/pyish/pyish/ast"
)

type scopeKind uint8

const (
	scopeModule scopeKind = iota
	scopeFunction
	scopeClass
)

// Symbol flags collected by the first pass.
const (
	symAssigned = 1 << iota
	symParam
	symGlobal   // declared global
	symNonlocal // declared nonlocal
	symUsed
	symWalrus    // comprehension: the target of a := written in it
	symAnnotated // the target of a simple annotation (`x: int`)
)

// nameKind says how a scope's code reaches a name.
type nameKind uint8

const (
	kindGlobal     nameKind = iota // LOAD_GLOBAL / STORE_GLOBAL
	kindLocal                      // fast slot
	kindCell                       // cell owned by this frame
	kindFree                       // cell from the closure
	kindName                       // namespace dict, then globals, then builtins
	kindClassDeref                 // class body reading an enclosing function's variable
	// kindOuter: an inlined comprehension's name that belongs to the
	// enclosing scope running in the same frame (look it up there).
	kindOuter
)

// scope is the symbol table of one function, class or module body.
type scope struct {
	kind     scopeKind
	name     string
	qualname string
	node     ast.Node
	parent   *scope
	children []*scope

	syms   map[string]int
	order  []string // names in order of first appearance
	params []string

	isAsync, isGenerator, isComprehension, isLambda bool
	hasAwait                                        bool
	usesClassCell                                   bool // class: a method needs __class__
	firstArg                                        string

	// inlined marks a list, set or dict comprehension compiled into the
	// code of host, the nearest enclosing scope that is not inlined (PEP
	// 709). Its own variables are hidden slots of the host's frame:
	// slots maps them to local slots, cells to cell indexes.
	inlined bool
	host    *scope
	slots   map[string]int
	cells   map[string]int
	// ownVars and ownCells count the varnames and cellvars that are the
	// scope's own; the inlined comprehensions' hidden ones follow.
	ownVars, ownCells int

	declPos  map[string]ast.Pos // where nonlocal names were declared
	kinds    map[string]nameKind
	cellSet  map[string]bool
	freevars []string
	varnames []string
	cellvars []string
}

func newScope(kind scopeKind, name string, node ast.Node, parent *scope) *scope {
	s := &scope{kind: kind, name: name, node: node, parent: parent, syms: map[string]int{}}
	if parent != nil {
		parent.children = append(parent.children, s)
		if parent.inlined {
			parent = parent.host // no <listcomp> frame: names nest in the host's
		}
		s.qualname = qualify(parent, name)
	} else {
		s.qualname = name
	}
	return s
}

// qualify builds a __qualname__ the way CPython does.
func qualify(parent *scope, name string) string {
	switch parent.kind {
	case scopeModule:
		return name
	case scopeFunction:
		return parent.qualname + ".<locals>." + name
	}
	return parent.qualname + "." + name
}

func (s *scope) add(name string, flag int) {
	if _, ok := s.syms[name]; !ok {
		s.order = append(s.order, name)
	}
	s.syms[name] |= flag
}

// symtable holds the scopes of one module, by the node that opens them.
type symtable struct {
	c      *compiler
	top    *scope
	scopes map[ast.Node]*scope
	err    error
	// inIter counts the comprehension iterables being visited, where
	// := is not allowed (in nested scopes either, as in CPython).
	inIter int
}

func (st *symtable) fail(pos ast.Pos, format string, args ...any) {
	if st.err == nil {
		st.err = st.c.errorf(pos, format, args...)
	}
}

// buildSymtable runs both passes over mod.
func buildSymtable(c *compiler, mod *ast.Module) (*symtable, error) {
	st := &symtable{c: c, scopes: map[ast.Node]*scope{}}
	st.top = newScope(scopeModule, "<module>", nil, nil)
	st.stmts(st.top, mod.Body)
	if st.err != nil {
		return nil, st.err
	}
	st.resolve(st.top)
	if st.err != nil {
		return nil, st.err
	}
	st.finish(st.top)
	return st, nil
}

// ---- pass 1: collect ----

func (st *symtable) stmts(s *scope, body []ast.Stmt) {
	for _, n := range body {
		st.stmt(s, n)
	}
}

func (st *symtable) stmt(s *scope, n ast.Stmt) {
	switch n := n.(type) {
	case *ast.FunctionDef:
		st.exprs(s, n.Decorators)
		st.argDefaults(s, n.Args)
		s.add(st.c.bindName(n, n.Name), symAssigned)
		fs := newScope(scopeFunction, n.Name, n, s)
		fs.isAsync = n.IsAsync
		st.scopes[n] = fs
		st.params(fs, n.Args)
		st.stmts(fs, n.Body)
	case *ast.ClassDef:
		st.exprs(s, n.Decorators)
		st.exprs(s, n.Bases)
		for _, k := range n.Keywords {
			st.expr(s, k.Value)
		}
		s.add(st.c.bindName(n, n.Name), symAssigned)
		cs := newScope(scopeClass, n.Name, n, s)
		st.scopes[n] = cs
		st.stmts(cs, n.Body)
	case *ast.Return:
		if n.Value != nil {
			st.expr(s, n.Value)
		}
	case *ast.Delete:
		for _, t := range n.Targets {
			st.target(s, t)
		}
	case *ast.Assign:
		st.expr(s, n.Value)
		for _, t := range n.Targets {
			st.target(s, t)
		}
	case *ast.AugAssign:
		st.expr(s, n.Value)
		if name, ok := n.Target.(*ast.Name); ok {
			s.add(name.Id, symUsed)
		}
		st.target(s, n.Target)
	case *ast.AnnAssign:
		if n.Value != nil {
			st.expr(s, n.Value)
		}
		if name, ok := n.Target.(*ast.Name); ok && n.Simple {
			st.annotatedName(s, n, name.Id)
			if n.Value == nil {
				return
			}
		} else if ok && n.Value == nil {
			s.add(name.Id, symAssigned)
			return
		}
		st.target(s, n.Target)
	case *ast.For:
		st.expr(s, n.Iter)
		st.target(s, n.Target)
		st.stmts(s, n.Body)
		st.stmts(s, n.Orelse)
	case *ast.While:
		st.expr(s, n.Test)
		st.stmts(s, n.Body)
		st.stmts(s, n.Orelse)
	case *ast.If:
		st.expr(s, n.Test)
		st.stmts(s, n.Body)
		st.stmts(s, n.Orelse)
	case *ast.With:
		for _, it := range n.Items {
			st.expr(s, it.ContextExpr)
			if it.OptionalVars != nil {
				st.target(s, it.OptionalVars)
			}
		}
		st.stmts(s, n.Body)
	case *ast.Raise:
		if n.Exc != nil {
			st.expr(s, n.Exc)
		}
		if n.Cause != nil {
			st.expr(s, n.Cause)
		}
	case *ast.Match:
		st.match(s, n)
	case *ast.Try:
		st.stmts(s, n.Body)
		for _, h := range n.Handlers {
			if h.Type != nil {
				st.expr(s, h.Type)
			}
			if h.Name != "" {
				s.add(h.Name, symAssigned)
			}
			st.stmts(s, h.Body)
		}
		st.stmts(s, n.Orelse)
		st.stmts(s, n.Finalbody)
	case *ast.Assert:
		st.expr(s, n.Test)
		if n.Msg != nil {
			st.expr(s, n.Msg)
		}
	case *ast.Import:
		for _, a := range n.Names {
			st.bindAlias(s, a, true)
		}
	case *ast.ImportFrom:
		for _, a := range n.Names {
			if a.Name == "*" {
				if s.kind != scopeModule {
					st.fail(n.Pos, "import * only allowed at module level")
				}
				continue
			}
			st.bindAlias(s, a, false)
		}
	case *ast.Global:
		st.declare(s, n.Pos, n.Names, symGlobal, "global")
	case *ast.Nonlocal:
		if s.kind == scopeModule {
			st.fail(n.Pos, "nonlocal declaration not allowed at module level")
			return
		}
		st.declare(s, n.Pos, n.Names, symNonlocal, "nonlocal")
	case *ast.ExprStmt:
		st.expr(s, n.Value)
	}
}

func (st *symtable) bindAlias(s *scope, a *ast.Alias, dotted bool) {
	name := a.AsName
	if name == "" {
		name = a.Name
		if dotted {
			for i := 0; i < len(name); i++ {
				if name[i] == '.' {
					name = name[:i]
					break
				}
			}
		}
	}
	s.add(name, symAssigned)
}

// annotatedName records the target of a simple annotation; like
// CPython's symtable it refuses one declared global or nonlocal in a
// function or class.
func (st *symtable) annotatedName(s *scope, n *ast.AnnAssign, name string) {
	if cur := s.syms[name]; cur&(symGlobal|symNonlocal) != 0 && s.kind != scopeModule {
		what := "global"
		if cur&symNonlocal != 0 {
			what = "nonlocal"
		}
		st.fail(n.Pos, "annotated name '%s' can't be %s", name, what)
	}
	s.add(name, symAssigned|symAnnotated)
}

func (st *symtable) declare(s *scope, pos ast.Pos, names []string, flag int, what string) {
	for _, name := range names {
		cur := s.syms[name]
		switch {
		case cur&symParam != 0:
			st.fail(pos, "name '%s' is parameter and %s", name, what)
		case cur&symUsed != 0 && cur&(symGlobal|symNonlocal) == 0:
			st.fail(pos, "name '%s' is used prior to %s declaration", name, what)
		case cur&symAnnotated != 0 && cur&(symGlobal|symNonlocal) == 0:
			st.fail(pos, "annotated name '%s' can't be %s", name, what)
		case cur&symAssigned != 0 && cur&(symGlobal|symNonlocal) == 0:
			st.fail(pos, "name '%s' is assigned to before %s declaration", name, what)
		}
		s.add(name, flag)
		if s.declPos == nil {
			s.declPos = map[string]ast.Pos{}
		}
		s.declPos[name] = pos
	}
}

func (st *symtable) argDefaults(s *scope, a *ast.Arguments) {
	if a == nil {
		return
	}
	st.exprs(s, a.Defaults)
	for _, d := range a.KwDefaults {
		if d != nil {
			st.expr(s, d)
		}
	}
}

func (st *symtable) params(fs *scope, a *ast.Arguments) {
	if a == nil {
		return
	}
	add := func(arg *ast.Arg) {
		if arg == nil {
			return
		}
		if fs.syms[arg.Name]&symParam != 0 {
			st.fail(arg.Pos, "duplicate argument '%s' in function definition", arg.Name)
		}
		fs.add(arg.Name, symParam)
		fs.params = append(fs.params, arg.Name)
	}
	for _, p := range a.PosOnly {
		add(p)
	}
	for _, p := range a.Args {
		add(p)
	}
	for _, p := range a.KwOnly {
		add(p)
	}
	add(a.Vararg)
	add(a.Kwarg)
	if len(a.PosOnly) > 0 {
		fs.firstArg = a.PosOnly[0].Name
	} else if len(a.Args) > 0 {
		fs.firstArg = a.Args[0].Name
	} else if a.Vararg != nil {
		fs.firstArg = ""
	}
}

// target records the names bound by an assignment target.
func (st *symtable) target(s *scope, t ast.Expr) {
	switch t := t.(type) {
	case *ast.Name:
		s.add(t.Id, symAssigned)
	case *ast.Tuple:
		for _, e := range t.Elts {
			st.target(s, e)
		}
	case *ast.List:
		for _, e := range t.Elts {
			st.target(s, e)
		}
	case *ast.Starred:
		st.target(s, t.Value)
	default:
		st.expr(s, t)
	}
}

func (st *symtable) exprs(s *scope, es []ast.Expr) {
	for _, e := range es {
		if e != nil {
			st.expr(s, e)
		}
	}
}

func (st *symtable) expr(s *scope, e ast.Expr) {
	switch e := e.(type) {
	case *ast.Name:
		s.add(e.Id, symUsed)
	case *ast.BoolOp:
		st.exprs(s, e.Values)
	case *ast.NamedExpr:
		st.expr(s, e.Value)
		st.walrus(s, e)
	case *ast.BinOp:
		st.expr(s, e.Left)
		st.expr(s, e.Right)
	case *ast.UnaryOp:
		st.expr(s, e.Operand)
	case *ast.Lambda:
		st.argDefaults(s, e.Args)
		fs := newScope(scopeFunction, "<lambda>", e, s)
		fs.isLambda = true
		st.scopes[e] = fs
		st.params(fs, e.Args)
		st.expr(fs, e.Body)
	case *ast.IfExp:
		st.expr(s, e.Test)
		st.expr(s, e.Body)
		st.expr(s, e.Orelse)
	case *ast.Dict:
		st.exprs(s, e.Keys)
		st.exprs(s, e.Values)
	case *ast.Set:
		st.exprs(s, e.Elts)
	case *ast.ListComp:
		st.comprehension(s, e, "<listcomp>", e.Generators, e.Elt)
	case *ast.SetComp:
		st.comprehension(s, e, "<setcomp>", e.Generators, e.Elt)
	case *ast.DictComp:
		st.comprehension(s, e, "<dictcomp>", e.Generators, e.Key, e.Value)
	case *ast.GeneratorExp:
		cs := st.comprehension(s, e, "<genexpr>", e.Generators, e.Elt)
		cs.isGenerator = true
	case *ast.Await:
		s.hasAwait = true
		st.expr(s, e.Value)
	case *ast.Yield:
		s.isGenerator = true
		if e.Value != nil {
			st.expr(s, e.Value)
		}
	case *ast.YieldFrom:
		s.isGenerator = true
		st.expr(s, e.Value)
	case *ast.Compare:
		st.expr(s, e.Left)
		st.exprs(s, e.Comparators)
	case *ast.Call:
		st.expr(s, e.Func)
		st.exprs(s, e.Args)
		for _, k := range e.Keywords {
			st.expr(s, k.Value)
		}
		if isZeroArgSuper(e) {
			s.add("__class__", symUsed)
			s.add("super", symUsed)
		}
	case *ast.FormattedValue:
		st.expr(s, e.Value)
		if e.FormatSpec != nil {
			st.expr(s, e.FormatSpec)
		}
	case *ast.JoinedStr:
		st.exprs(s, e.Values)
	case *ast.Attribute:
		st.expr(s, e.Value)
	case *ast.Subscript:
		st.expr(s, e.Value)
		st.expr(s, e.Slice)
	case *ast.Starred:
		st.expr(s, e.Value)
	case *ast.List:
		st.exprs(s, e.Elts)
	case *ast.Tuple:
		st.exprs(s, e.Elts)
	case *ast.Slice:
		st.exprs(s, []ast.Expr{e.Lower, e.Upper, e.Step})
	}
}

func isZeroArgSuper(e *ast.Call) bool {
	n, ok := e.Func.(*ast.Name)
	return ok && n.Id == "super" && len(e.Args) == 0 && len(e.Keywords) == 0
}

// walrus binds the target of := in the nearest enclosing scope that is not
// a comprehension (PEP 572).
func (st *symtable) walrus(s *scope, e *ast.NamedExpr) {
	if st.inIter > 0 {
		st.fail(e.Pos, "assignment expression cannot be used in a comprehension iterable expression")
		return
	}
	if !s.isComprehension {
		s.add(e.Target.Id, symAssigned)
		return
	}
	s.add(e.Target.Id, symWalrus)
	t := s
	for t.isComprehension {
		if t.syms[e.Target.Id]&symAssigned != 0 {
			st.fail(e.Pos.Start(), "assignment expression cannot rebind comprehension iteration variable '%s'", e.Target.Id)
			return
		}
		t.add(e.Target.Id, symUsed)
		t = t.parent
	}
	if t.kind == scopeClass {
		st.fail(e.Pos.Start(), "assignment expression within a comprehension cannot be used in a class body")
		return
	}
	switch {
	case t.kind == scopeModule:
		// A global, as CPython's symtable marks it: exec's locals dict
		// does not get it.
		t.add(e.Target.Id, symAssigned|symGlobal)
	case t.syms[e.Target.Id]&(symGlobal|symNonlocal) == 0:
		t.add(e.Target.Id, symAssigned)
	}
}

// comprehension opens the scope of a comprehension: the first iterable is
// evaluated outside. A generator expression is a function that gets it
// as the parameter ".0"; the other comprehensions are inlined into the
// enclosing code, as CPython 3.12 does (PEP 709).
func (st *symtable) comprehension(s *scope, node ast.Expr, name string, gens []*ast.Comprehension, elts ...ast.Expr) *scope {
	st.iterable(s, gens[0].Iter)
	cs := newScope(scopeFunction, name, node, s)
	cs.isComprehension = true
	st.scopes[node] = cs
	if _, isGen := node.(*ast.GeneratorExp); isGen {
		cs.add(".0", symParam)
		cs.params = []string{".0"}
	} else {
		cs.inlined = true
		cs.host = s
		if s.inlined {
			cs.host = s.host
		}
		cs.slots, cs.cells = map[string]int{}, map[string]int{}
	}
	for i, g := range gens {
		if g.IsAsync {
			cs.isAsync = true
		}
		if i > 0 {
			st.iterable(cs, g.Iter)
		}
		st.checkInnerLoop(cs, g.Target)
		st.target(cs, g.Target)
		st.exprs(cs, g.Ifs)
	}
	st.exprs(cs, elts)
	if cs.hasAwait {
		cs.isAsync = true
	}
	if cs.inlined && cs.isAsync && s.isComprehension {
		s.isAsync = true // its code awaits: an enclosing genexpr is an async generator
	}
	return cs
}

// checkInnerLoop rejects a for clause of comprehension cs that binds the
// target of a := written earlier in cs.
func (st *symtable) checkInnerLoop(cs *scope, t ast.Expr) {
	switch t := t.(type) {
	case *ast.Name:
		if cs.syms[t.Id]&symWalrus != 0 {
			st.fail(t.Pos.Start(), "comprehension inner loop cannot rebind assignment expression target '%s'", t.Id)
		}
	case *ast.Tuple:
		for _, e := range t.Elts {
			st.checkInnerLoop(cs, e)
		}
	case *ast.List:
		for _, e := range t.Elts {
			st.checkInnerLoop(cs, e)
		}
	case *ast.Starred:
		st.checkInnerLoop(cs, t.Value)
	}
}

// iterable visits the iterable of a comprehension's for clause.
func (st *symtable) iterable(s *scope, e ast.Expr) {
	st.inIter++
	st.expr(s, e)
	st.inIter--
}

// ---- pass 2: resolve ----

func (st *symtable) resolve(s *scope) {
	s.kinds = map[string]nameKind{}
	s.cellSet = map[string]bool{}
	for _, name := range s.order {
		s.kinds[name] = st.resolveName(s, name)
	}
	for _, ch := range s.children {
		st.resolve(ch)
	}
}

func (st *symtable) resolveName(s *scope, name string) nameKind {
	if s.inlined {
		return st.resolveInlined(s, name)
	}
	f := s.syms[name]
	switch {
	case f&symGlobal != 0:
		return kindGlobal
	case f&symNonlocal != 0:
		d := findBinding(s.parent, name)
		if d == nil || d.kind != scopeFunction {
			st.fail(s.declPos[name], "no binding for nonlocal '%s' found", name)
			return kindGlobal
		}
		st.capture(s, d, name)
		return kindFree
	case f&(symAssigned|symParam) != 0:
		switch s.kind {
		case scopeModule:
			return st.moduleKind()
		case scopeClass:
			return kindName
		}
		return kindLocal
	}
	if s.kind == scopeModule {
		return st.moduleKind()
	}
	d := findBinding(s.parent, name)
	if name == "__class__" && s.kind == scopeFunction {
		d = findClass(s.parent)
	}
	if d == nil {
		if s.kind == scopeClass {
			return kindName
		}
		return kindGlobal
	}
	st.capture(s, d, name)
	if s.kind == scopeClass {
		return kindClassDeref
	}
	return kindFree
}

// moduleKind is how module-level code reaches a name not declared
// global: a global, or a namespace name in exec's modes.
func (st *symtable) moduleKind() nameKind {
	if st.c.mode.moduleNames() {
		return kindName
	}
	return kindGlobal
}

// resolveInlined resolves a name of an inlined comprehension s. Its
// targets are locals of s (hidden slots of the host's frame). Other names
// resolve as in a function nested where s is, except that a binding in a
// scope that runs in the same frame (the host function or an enclosing
// inlined comprehension) is used directly instead of through a cell.
// Names of a class body stay invisible, as in 3.12.
func (st *symtable) resolveInlined(s *scope, name string) nameKind {
	if s.syms[name]&(symAssigned|symParam) != 0 {
		return kindLocal
	}
	d := findBinding(s.parent, name)
	if name == "__class__" {
		d = findClass(s.parent)
		if d == s.host { // never free through the class body itself
			return kindGlobal
		}
	}
	if d == nil && s.host.kind == scopeModule && st.c.mode.moduleNames() {
		return kindOuter // the module's LOAD_NAME, as in CPython 3.12
	}
	if d == nil {
		return kindGlobal
	}
	for p := s.parent; p == d || p.inlined; p = p.parent {
		if p == d {
			return kindOuter
		}
	}
	st.capture(s, d, name)
	return kindFree
}

// findBinding returns the nearest enclosing function scope binding name,
// skipping class bodies, or nil when the name is global.
func findBinding(p *scope, name string) *scope {
	for ; p != nil; p = p.parent {
		switch p.kind {
		case scopeModule:
			return nil
		case scopeClass:
			continue
		}
		f := p.syms[name]
		if f&symGlobal != 0 {
			return nil
		}
		if f&(symAssigned|symParam|symNonlocal) != 0 {
			return p
		}
	}
	return nil
}

func findClass(p *scope) *scope {
	for ; p != nil; p = p.parent {
		if p.kind == scopeClass {
			return p
		}
	}
	return nil
}

// capture makes name a cell of d and a free variable of every scope from s
// up to (not including) d.
func (st *symtable) capture(s, d *scope, name string) {
	if d.kind == scopeClass {
		d.usesClassCell = true
	} else {
		d.cellSet[name] = true
	}
	for p := s; p != d; p = p.parent {
		if !contains(p.freevars, name) {
			p.freevars = append(p.freevars, name)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// finish lays out slots: parameters first, then other locals; cells.
// Inlined comprehensions append their hidden slots to their host's.
func (st *symtable) finish(s *scope) {
	if s.inlined {
		st.finishInlined(s)
	} else if s.kind == scopeFunction {
		s.varnames = append(s.varnames, s.params...)
		for _, name := range s.order {
			if s.kinds[name] == kindLocal && !contains(s.varnames, name) {
				s.varnames = append(s.varnames, name)
			}
		}
		for _, name := range s.order {
			if s.cellSet[name] && (s.kinds[name] == kindLocal) {
				s.kinds[name] = kindCell
				s.cellvars = append(s.cellvars, name)
			}
		}
	}
	if s.kind == scopeClass && s.usesClassCell {
		s.cellvars = append(s.cellvars, "__class__")
	}
	s.ownVars, s.ownCells = len(s.varnames), len(s.cellvars)
	for _, ch := range s.children {
		st.finish(ch)
	}
}

// finishInlined gives the variables of inlined comprehension s slots of
// its host's frame: a local slot, or a cell when a closure captures it.
// They are never shared with the host's own names, so the host's
// variable of the same name needs no saving and restoring.
func (st *symtable) finishInlined(s *scope) {
	h := s.host
	for _, name := range s.order {
		if s.kinds[name] != kindLocal {
			continue
		}
		if s.cellSet[name] {
			s.kinds[name] = kindCell
			s.cells[name] = len(h.cellvars)
			h.cellvars = append(h.cellvars, name)
			continue
		}
		s.slots[name] = len(h.varnames)
		h.varnames = append(h.varnames, name)
	}
}
