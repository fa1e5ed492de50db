package vm

// This file compiles expressions.

import (
	"unicode/utf8"

	"math"
	"math/big"
	"slices"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/runtime"
)

func (c *compiler) exprs(es []ast.Expr) {
	for _, e := range es {
		c.expr(e)
	}
}

func (c *compiler) expr(e ast.Expr) {
	c.setLine(e.Position())
	switch e := e.(type) {
	case *ast.Constant:
		c.loadConst(e.Value)
	case *ast.Name:
		c.nameOp(e.Id, ctxLoad)
	case *ast.BinOp:
		if c.strChain(e) {
			break
		}
		c.expr(e.Left)
		c.expr(e.Right)
		c.setLine(e.Pos)
		c.emitBinary(BINARY_OP, int(e.Op))
	case *ast.UnaryOp:
		c.expr(e.Operand)
		c.setLine(e.Pos)
		if e.Op == ast.Not {
			c.emit(UNARY_NOT, 0)
		} else {
			c.emit(UNARY_OP, int(e.Op))
		}
	case *ast.BoolOp:
		end := c.newLabel()
		op := JUMP_IF_FALSE_OR_POP
		if e.Op == ast.Or {
			op = JUMP_IF_TRUE_OR_POP
		}
		for i, v := range e.Values {
			c.expr(v)
			if i < len(e.Values)-1 {
				c.emitJump(op, end)
			}
		}
		c.bind(end)
	case *ast.Compare:
		c.compare(e)
	case *ast.IfExp:
		orelse, end := c.newLabel(), c.newLabel()
		c.condJump(e.Test, false, orelse)
		c.expr(e.Body)
		c.emitJump(JUMP, end)
		c.bind(orelse)
		c.expr(e.Orelse)
		c.bind(end)
	case *ast.NamedExpr:
		c.expr(e.Value)
		c.emit(DUP_TOP, 0)
		c.nameOp(e.Target.Id, ctxStore)
	case *ast.Lambda:
		s := c.st.scopes[e]
		c.makeFunction(s, e.Args, nil, e.Pos, func() {
			c.expr(e.Body)
			c.emit(RETURN_VALUE, 0)
		}, "<lambda>")
	case *ast.Dict:
		c.dict(e)
	case *ast.Set:
		if t, ok := c.constTuple(e.Elts); ok && len(e.Elts) > 2 {
			// CPython builds such a display from a frozenset constant,
			// which orders the table differently from adding one by one.
			c.u.code.Consts = append(c.u.code.Consts, t)
			c.emit(BUILD_SET_CONST, len(c.u.code.Consts)-1)
			break
		}
		c.sequence(e.Elts, BUILD_SET, SET_ADD, SET_UPDATE)
	case *ast.List:
		c.sequence(e.Elts, BUILD_LIST, LIST_APPEND, LIST_EXTEND)
	case *ast.Tuple:
		if hasStarred(e.Elts) {
			c.sequence(e.Elts, BUILD_LIST, LIST_APPEND, LIST_EXTEND)
			c.emit(LIST_TO_TUPLE, 0)
		} else if t, ok := c.constTuple(e.Elts); ok {
			c.u.code.Consts = append(c.u.code.Consts, t)
			c.emit(LOAD_CONST, len(c.u.code.Consts)-1)
		} else {
			c.exprs(e.Elts)
			c.emit(BUILD_TUPLE, len(e.Elts))
		}
	case *ast.ListComp:
		c.comprehension(e, e.Generators)
	case *ast.SetComp:
		c.comprehension(e, e.Generators)
	case *ast.DictComp:
		c.comprehension(e, e.Generators)
	case *ast.GeneratorExp:
		c.comprehension(e, e.Generators)
	case *ast.Await:
		c.awaitExpr(e)
	case *ast.Yield:
		c.checkYield(e.Pos)
		if e.Value != nil {
			c.expr(e.Value)
		} else {
			c.loadConst(nil)
		}
		c.setLine(e.Pos)
		c.emit(YIELD_VALUE, 0)
	case *ast.YieldFrom:
		c.checkYield(e.Pos)
		if c.u.s.isAsync {
			c.fail(e.Pos, "'yield from' inside async function")
		}
		c.expr(e.Value)
		c.setLine(e.Pos)
		c.emit(GET_YIELD_FROM_ITER, 0)
		c.loadConst(nil)
		c.emit(SEND, 0)
	case *ast.Call:
		c.call(e)
	case *ast.JoinedStr:
		c.joinedStr(e)
	case *ast.FormattedValue:
		c.formattedValue(e)
	case *ast.Attribute:
		c.expr(e.Value)
		c.setLine(attrLoc(e.Pos, e))
		c.emit(LOAD_ATTR, c.nameIndex(e.Attr))
	case *ast.Subscript:
		c.expr(e.Value)
		if sl, ok := e.Slice.(*ast.Slice); ok && sl.Step == nil {
			c.sliceBounds(sl)
			c.setLine(e.Pos)
			c.emit(BINARY_SLICE, 0)
			break
		}
		c.subscriptKey(e.Slice)
		c.setLine(e.Pos)
		c.emit(BINARY_SUBSCR, 0)
	case *ast.Slice:
		c.slice(e)
	case *ast.Starred:
		c.fail(e.Pos, "can't use starred expression here")
	default:
		c.fail(e.Position(), "unsupported expression %T", e)
	}
}

// attrLoc is CPython's update_start_location_to_match_attr: when the
// attribute name is on another line than where loc starts (a method chain
// split over lines), the instruction belongs to the name's line and its
// span starts at the name.
func attrLoc(loc ast.Pos, attr *ast.Attribute) ast.Pos {
	if loc.Line == attr.EndLine || !attr.HasEnd() {
		return loc
	}
	loc.Line = attr.EndLine
	if n := int32(utf8.RuneCountInString(attr.Attr)); n <= attr.EndCol-1 {
		loc.Col = attr.EndCol - n
	} else {
		return ast.Pos{Line: loc.Line} // no columns, as CPython for odd trees
	}
	loc.EndLine = max(loc.Line, loc.EndLine)
	if loc.Line == loc.EndLine {
		loc.EndCol = max(loc.Col, loc.EndCol)
	}
	return loc
}

func (c *compiler) checkYield(pos ast.Pos) {
	s := c.scope()
	if s.kind != scopeFunction {
		c.fail(pos, "'yield' outside function")
	}
	if s.isComprehension {
		c.fail(pos, "'yield' inside %s", comprehensionKind(s.name))
	}
}

func comprehensionKind(name string) string {
	switch name {
	case "<listcomp>":
		return "list comprehension"
	case "<setcomp>":
		return "set comprehension"
	case "<dictcomp>":
		return "dict comprehension"
	}
	return "generator expression"
}

func (c *compiler) awaitExpr(e *ast.Await) {
	s := c.scope()
	switch {
	case s.kind == scopeModule && c.mode == ModeInteractive:
		c.u.code.Flags |= flagCoroutine
	case s.kind != scopeFunction:
		c.fail(e.Pos, "'await' outside function")
	case s.isComprehension && !s.isAsync:
		c.fail(e.Pos, "asynchronous comprehension outside of an asynchronous function")
	case !s.isAsync:
		c.fail(e.Pos, "'await' outside async function")
	}
	c.expr(e.Value)
	c.setLine(e.Pos)
	c.await()
}

// await awaits the value on top of the stack.
func (c *compiler) await() {
	c.emit(GET_AWAITABLE, 0)
	c.loadConst(nil)
	c.emit(SEND, 0)
}

// constTuple folds a tuple display of literals into one constant.
func (c *compiler) constTuple(elts []ast.Expr) (runtime.Value, bool) {
	if len(elts) == 0 {
		return runtime.Value{}, false
	}
	items := make([]runtime.Value, len(elts))
	for i, e := range elts {
		v, ok := c.literal(e)
		if !ok {
			return runtime.Value{}, false
		}
		items[i] = v
	}
	return runtime.Obj(runtime.NewTuple(items)), true
}

// literal is the value of a constant, a negated numeric constant (CPython
// folds -5 into a constant) or a complex literal `a+bj`/`a-bj` with
// real a (as in a complex literal pattern); ok is false for anything
// else.
func (c *compiler) literal(e ast.Expr) (runtime.Value, bool) {
	switch e := e.(type) {
	case *ast.Constant:
		return c.constValue(e.Value), true
	case *ast.UnaryOp:
		k, ok := e.Operand.(*ast.Constant)
		if !ok || e.Op != ast.USub {
			return runtime.Value{}, false
		}
		switch x := k.Value.(type) {
		case int64:
			if x != math.MinInt64 {
				return runtime.Int(-x), true
			}
		case *big.Int:
			return bigConst(new(big.Int).Neg(x)), true
		case float64:
			return runtime.Float(-x), true
		case complex128:
			return runtime.NewComplex(complex(-real(x), -imag(x))), true
		}
	case *ast.BinOp:
		return c.complexLiteral(e)
	}
	return runtime.Value{}, false
}

// complexLiteral folds `a+bj` and `a-bj`, a a real literal, as
// CPython's optimizer does.
func (c *compiler) complexLiteral(e *ast.BinOp) (runtime.Value, bool) {
	k, ok := e.Right.(*ast.Constant)
	if !ok || (e.Op != ast.Add && e.Op != ast.Sub) {
		return runtime.Value{}, false
	}
	im, isImag := k.Value.(complex128)
	if !isImag {
		return runtime.Value{}, false
	}
	l, ok := c.literal(e.Left)
	if !ok || (l.Type() != runtime.IntType && l.Type() != runtime.FloatType) {
		return runtime.Value{}, false
	}
	re, err := runtime.ToFloat(nil, l)
	if err != nil {
		return runtime.Value{}, false
	}
	if e.Op == ast.Sub {
		return runtime.NewComplex(complex(re-real(im), -imag(im))), true
	}
	return runtime.NewComplex(complex(re+real(im), imag(im))), true
}

func hasStarred(es []ast.Expr) bool {
	for _, e := range es {
		if _, ok := e.(*ast.Starred); ok {
			return true
		}
	}
	return false
}

// sequence builds a list or set display, with *x unpacking if present.
func (c *compiler) sequence(elts []ast.Expr, build, add, extend Opcode) {
	if !hasStarred(elts) {
		c.exprs(elts)
		c.emit(build, len(elts))
		return
	}
	c.emit(build, 0)
	for _, e := range elts {
		if s, ok := e.(*ast.Starred); ok {
			c.expr(s.Value)
			c.emit(extend, 1)
			continue
		}
		c.expr(e)
		c.emit(add, 1)
	}
}

func (c *compiler) dict(e *ast.Dict) {
	unpacking := false
	for _, k := range e.Keys {
		if k == nil {
			unpacking = true
		}
	}
	if !unpacking {
		for i := range e.Keys {
			c.expr(e.Keys[i])
			c.expr(e.Values[i])
		}
		c.emit(BUILD_MAP, len(e.Keys))
		return
	}
	c.emit(BUILD_MAP, 0)
	for i, k := range e.Keys {
		if k == nil {
			c.expr(e.Values[i])
			c.emit(DICT_UPDATE, 1)
			continue
		}
		c.expr(k)
		c.expr(e.Values[i])
		c.emit(MAP_ADD, 1)
	}
}

func (c *compiler) compare(e *ast.Compare) {
	c.expr(e.Left)
	if len(e.Ops) == 1 {
		c.expr(e.Comparators[0])
		c.setLine(e.Pos)
		c.cmpOp(e.Ops[0])
		return
	}
	cleanup, end := c.newLabel(), c.newLabel()
	for i, op := range e.Ops {
		c.expr(e.Comparators[i])
		c.setLine(e.Pos)
		if i == len(e.Ops)-1 {
			c.cmpOp(op)
			break
		}
		c.emit(DUP_TOP, 0)
		c.emit(ROT_THREE, 0)
		c.cmpOp(op)
		c.emitJump(JUMP_IF_FALSE_OR_POP, cleanup)
	}
	c.emitJump(JUMP, end)
	c.bind(cleanup)
	c.emit(ROT_TWO, 0)
	c.emit(POP_TOP, 0)
	c.bind(end)
}

func (c *compiler) cmpOp(op ast.CmpOperator) {
	switch op {
	case ast.Is:
		c.emit(IS_OP, 0)
	case ast.IsNot:
		c.emit(IS_OP, 1)
	case ast.In:
		c.emit(CONTAINS_OP, 0)
	case ast.NotIn:
		c.emit(CONTAINS_OP, 1)
	default:
		c.emit(COMPARE_OP, int(op))
	}
}

func (c *compiler) subscriptKey(e ast.Expr) {
	c.expr(e)
}

func (c *compiler) slice(e *ast.Slice) {
	c.sliceBounds(e)
	if e.Step != nil {
		c.expr(e.Step)
		c.emit(BUILD_SLICE, 3)
		return
	}
	c.emit(BUILD_SLICE, 2)
}

// sliceBounds pushes a slice's lower and upper bound (None if absent).
func (c *compiler) sliceBounds(e *ast.Slice) {
	for _, part := range []ast.Expr{e.Lower, e.Upper} {
		if part == nil {
			c.loadConst(nil)
		} else {
			c.expr(part)
		}
	}
}

// ---- calls ----

func (c *compiler) call(e *ast.Call) {
	if isZeroArgSuper(e) && c.superArgs(e) {
		return
	}
	if c.hashTuple(e) {
		return
	}
	if kind, ok := scopeBuiltinCall(e); ok {
		c.expr(e.Func)
		c.exprs(e.Args)
		c.setLine(e.Pos)
		c.emit(SCOPE_CALL, int(kind)|c.scopeView()<<scopeViewShift)
		return
	}
	unpack := hasStarred(e.Args)
	seen := map[string]bool{}
	for _, k := range e.Keywords {
		if k.Arg == "" {
			unpack = true
			continue
		}
		if seen[k.Arg] {
			c.fail(k.Pos, "keyword argument repeated: %s", k.Arg)
		}
		seen[k.Arg] = true
	}
	if unpack {
		c.expr(e.Func)
		c.callEx(e)
		return
	}
	n := len(e.Args) + len(e.Keywords)
	method := false
	if attr, ok := e.Func.(*ast.Attribute); ok && n < 256 {
		if sc, ok := attr.Value.(*ast.Call); ok && isZeroArgSuper(sc) && c.superLoads(sc) {
			c.emit(LOAD_SUPER_METHOD, c.nameIndex(attr.Attr))
		} else {
			c.expr(attr.Value)
			c.setLine(attrLoc(attr.Pos, attr))
			c.emit(LOAD_METHOD, c.nameIndex(attr.Attr))
		}
		method = true
	} else {
		c.expr(e.Func)
	}
	if n >= 256 {
		c.callEx(e)
		return
	}
	c.exprs(e.Args)
	var kw []string
	for _, k := range e.Keywords {
		c.expr(k.Value)
		kw = append(kw, k.Arg)
	}
	if method {
		c.setLine(attrLoc(e.Pos, e.Func.(*ast.Attribute)))
	} else {
		c.setLine(e.Pos)
	}
	switch {
	case method && kw == nil:
		c.emit(CALL_METHOD, n)
	case method:
		c.emit(CALL_METHOD_KW, n|c.kwIndex(kw)<<8)
	case kw == nil:
		c.emit(CALL, n)
	default:
		c.emit(CALL_KW, n|c.kwIndex(kw)<<8)
	}
}

// callEx compiles a call with *args or **kwargs unpacking; the callable is
// already on the stack.
func (c *compiler) callEx(e *ast.Call) {
	c.emit(BUILD_LIST, 0)
	for _, a := range e.Args {
		if s, ok := a.(*ast.Starred); ok {
			c.expr(s.Value)
			c.emit(LIST_EXTEND, 1)
			continue
		}
		c.expr(a)
		c.emit(LIST_APPEND, 1)
	}
	hasKw := len(e.Keywords) > 0
	if hasKw {
		c.emit(BUILD_MAP, 0)
		for _, k := range e.Keywords {
			if k.Arg == "" {
				c.expr(k.Value)
				c.emit(DICT_MERGE, 3)
				continue
			}
			c.loadConst(k.Arg)
			c.expr(k.Value)
			c.emit(MAP_ADD, 1)
		}
	}
	c.setLine(e.Pos)
	if hasKw {
		c.emit(CALL_EX, 1)
	} else {
		c.emit(CALL_EX, 0)
	}
}

// hashTuple compiles hash((x, y, ...)), the usual __hash__ body, to
// CALL_HASH_TUPLE, which needs no tuple when hash is the builtin; false
// when e is another call.
func (c *compiler) hashTuple(e *ast.Call) bool {
	fn, ok := e.Func.(*ast.Name)
	if !ok || fn.Id != "hash" || len(e.Args) != 1 || len(e.Keywords) != 0 {
		return false
	}
	t, ok := e.Args[0].(*ast.Tuple)
	if !ok || len(t.Elts) == 0 || len(t.Elts) > 255 || hasStarred(t.Elts) {
		return false
	}
	c.expr(e.Func)
	c.exprs(t.Elts)
	c.setLine(e.Pos)
	c.emit(CALL_HASH_TUPLE, len(t.Elts))
	return true
}

// superArgs compiles super() inside a method as super(__class__, first).
func (c *compiler) superArgs(e *ast.Call) bool {
	if !c.superLoads(e) {
		return false
	}
	c.emit(CALL, 2)
	return true
}

// superLoads pushes super, __class__ and the method's first argument for
// the zero-argument super() e, unless it is not inside a method (then
// super() is an ordinary call).
func (c *compiler) superLoads(e *ast.Call) bool {
	s := c.u.s
	if s.kind != scopeFunction || s.firstArg == "" || c.kindOf("__class__") != kindFree {
		return false
	}
	c.nameOp("super", ctxLoad)
	c.nameOp("__class__", ctxLoad)
	c.nameOp(s.firstArg, ctxLoad)
	c.setLine(e.Pos)
	return true
}

// maxChain bounds the operands of one ADD_CHAIN region (a longer chain's
// left part is an operand).
const maxChain = runtime.ConcatChainMax

// strChain compiles a + b + c + … with three or more operands, one of
// them a str literal or an f-string, as one concatenation: ADD_CHAIN
// after each operand from the second, ADD_CHAIN_END after the last. It
// reports false, emitting nothing, for any other expression.
func (c *compiler) strChain(e *ast.BinOp) bool {
	var adds []*ast.BinOp // outermost first
	for x := e; x.Op == ast.Add && len(adds) < maxChain-1; {
		adds = append(adds, x)
		l, ok := x.Left.(*ast.BinOp)
		if !ok {
			break
		}
		x = l
	}
	if len(adds) < 2 || !strOperand(adds[len(adds)-1].Left) && !slices.ContainsFunc(adds, func(a *ast.BinOp) bool { return strOperand(a.Right) }) {
		return false
	}
	c.expr(adds[len(adds)-1].Left)
	for k := 1; k <= len(adds); k++ {
		a := adds[len(adds)-k]
		c.expr(a.Right)
		c.setLine(a.Pos)
		if k < len(adds) {
			c.emit(ADD_CHAIN, k)
		} else {
			c.emit(ADD_CHAIN_END, k)
		}
	}
	return true
}

// strOperand reports whether e is a str literal or an f-string.
func strOperand(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Constant:
		_, ok := e.Value.(string)
		return ok
	case *ast.JoinedStr:
		return true
	}
	return false
}

// ---- f-strings ----

func (c *compiler) joinedStr(e *ast.JoinedStr) {
	if len(e.Values) == 1 {
		if fv, ok := e.Values[0].(*ast.FormattedValue); ok {
			c.formattedValue(fv)
			return
		}
	}
	for _, v := range e.Values {
		c.expr(v)
	}
	if len(e.Values) != 1 {
		c.emit(BUILD_STRING, len(e.Values))
	}
}

// Conversions in FORMAT_VALUE's argument.
const (
	fmtNone = iota
	fmtStr
	fmtRepr
	fmtASCII
	fmtHaveSpec = 4
)

func (c *compiler) formattedValue(e *ast.FormattedValue) {
	c.expr(e.Value)
	arg := fmtNone
	switch e.Conversion {
	case 's':
		arg = fmtStr
	case 'r':
		arg = fmtRepr
	case 'a':
		arg = fmtASCII
	case 0:
	default:
		c.fail(e.Pos, "f-string: invalid conversion character: expected 's', 'r', or 'a'")
	}
	if e.FormatSpec != nil {
		c.expr(e.FormatSpec)
		arg |= fmtHaveSpec
	}
	c.setLine(e.Pos)
	c.emit(FORMAT_VALUE, arg)
}

// ---- comprehensions ----

func (c *compiler) comprehension(e ast.Expr, gens []*ast.Comprehension) {
	s := c.st.scopes[e]
	_, isGen := e.(*ast.GeneratorExp)
	if s.isAsync && !isGen {
		c.checkAsyncComprehension(e.Position())
	}
	if s.inlined {
		c.inlineComprehension(e, s, gens)
		return
	}
	if s.isAsync && isGen {
		s.isGenerator = true
	}
	c.makeFunction(s, nil, nil, e.Position(), func() { c.comprehensionBody(e, s, gens) }, s.name)
	c.expr(gens[0].Iter)
	c.setLine(e.Position())
	c.getIter(gens[0])
	c.emit(CALL, 1)
}

// checkAsyncComprehension rejects an asynchronous list, set or dict
// comprehension whose code does not run in a coroutine; in the REPL it
// makes the statement one.
func (c *compiler) checkAsyncComprehension(pos ast.Pos) {
	outer := c.u.s
	if !(outer.kind == scopeFunction && outer.isAsync) && !(outer.kind == scopeModule && c.mode == ModeInteractive) {
		c.fail(pos, "asynchronous comprehension outside of an asynchronous function")
	}
	if outer.kind == scopeModule {
		c.u.code.Flags |= flagCoroutine
	}
}

// getIter turns the iterable on the stack into generator g's iterator.
func (c *compiler) getIter(g *ast.Comprehension) {
	if g.IsAsync {
		c.emit(GET_AITER, 0)
	} else {
		c.emit(GET_ITER, 0)
	}
}

// inlineComprehension compiles a list, set or dict comprehension into
// the enclosing code (PEP 709): no function, no frame. Its variables live
// in hidden slots of the frame, so the enclosing variables of the same
// name are untouched whatever happens inside; they are unbound before
// the loop when a later clause could read them first, and after it so
// the frame does not keep the last item alive.
func (c *compiler) inlineComprehension(e ast.Expr, s *scope, gens []*ast.Comprehension) {
	c.buildEmpty(e)
	c.expr(gens[0].Iter)
	c.setLine(e.Position())
	c.getIter(gens[0])
	saved := c.u.view
	c.u.view = s
	first, n := c.hiddenRange(s)
	if n > 0 && !bindsFirst(gens) {
		c.emit(CLEAR_FAST, first|n<<clearCountShift)
	}
	for _, name := range s.order {
		if s.kinds[name] == kindCell {
			c.emit(MAKE_CELL, s.cells[name])
		}
	}
	c.comprehensionLoop(e, gens, 0)
	c.u.view = saved
	c.setLine(e.Position())
	if n > 0 {
		c.emit(CLEAR_FAST, first|n<<clearCountShift)
	}
}

// hiddenRange returns the first hidden local slot of comprehension s and
// how many it has (they are consecutive, see finishInlined).
func (c *compiler) hiddenRange(s *scope) (first, n int) {
	first = -1
	for _, slot := range s.slots {
		if first < 0 || slot < first {
			first = slot
		}
	}
	if len(s.slots) >= 1<<(24-clearCountShift) || first >= 1<<clearCountShift {
		c.fail(ast.Pos{Line: c.u.span.Line}, "too many local variables in one function")
	}
	return max(first, 0), len(s.slots)
}

// bindsFirst reports whether a comprehension of gens binds all its
// variables before any of its code can read them: one for clause whose
// target is names only.
func bindsFirst(gens []*ast.Comprehension) bool {
	return len(gens) == 1 && namesOnly(gens[0].Target)
}

func namesOnly(t ast.Expr) bool {
	switch t := t.(type) {
	case *ast.Name:
		return true
	case *ast.Tuple:
		return allNames(t.Elts)
	case *ast.List:
		return allNames(t.Elts)
	case *ast.Starred:
		return namesOnly(t.Value)
	}
	return false
}

func allNames(elts []ast.Expr) bool {
	for _, e := range elts {
		if !namesOnly(e) {
			return false
		}
	}
	return true
}

// buildEmpty pushes the empty list, set or dict comprehension e fills.
func (c *compiler) buildEmpty(e ast.Expr) {
	switch e.(type) {
	case *ast.ListComp:
		c.emit(BUILD_LIST, 0)
	case *ast.SetComp:
		c.emit(BUILD_SET, 0)
	case *ast.DictComp:
		c.emit(BUILD_MAP, 0)
	}
}

// scopeView is the SCOPE_CALL view argument for the current point: 0
// outside inlined comprehensions, else 1 + the index in code.compViews
// of the hidden slots visible here, outermost comprehension first.
func (c *compiler) scopeView() int {
	u := c.u
	if u.view == nil {
		return 0
	}
	var chain []*scope
	for v := u.view; v != u.s; v = v.parent {
		chain = append(chain, v)
	}
	var cv compView
	for i := len(chain) - 1; i >= 0; i-- {
		v := chain[i]
		for _, name := range v.order {
			switch v.kinds[name] {
			case kindLocal:
				cv.vars = append(cv.vars, v.slots[name])
			case kindCell:
				cv.cells = append(cv.cells, v.cells[name])
			}
		}
	}
	u.code.compViews = append(u.code.compViews, cv)
	return len(u.code.compViews)
}

func (c *compiler) comprehensionBody(e ast.Expr, s *scope, gens []*ast.Comprehension) {
	c.buildEmpty(e)
	c.comprehensionLoop(e, gens, 0)
	if _, ok := e.(*ast.GeneratorExp); ok {
		c.loadConst(nil)
	}
	c.emit(RETURN_VALUE, 0)
}

// comprehensionLoop compiles generator i and the ones inside it.
func (c *compiler) comprehensionLoop(e ast.Expr, gens []*ast.Comprehension, i int) {
	g := gens[i]
	start, end := c.newLabel(), c.newLabel()
	switch {
	case i > 0:
		c.expr(g.Iter)
		c.getIter(g)
	case !c.st.scopes[e].inlined:
		c.emit(LOAD_FAST, 0) // .0; inlined, the iterator is on the stack
	}
	c.setLine(g.Pos)
	c.bind(start)
	var stop label
	if g.IsAsync {
		stop = c.newLabel()
		c.emitJump(SETUP_FINALLY, stop)
		c.emit(GET_ANEXT, 0)
		c.await()
		c.emit(POP_BLOCK, 0)
	} else {
		c.emitJump(FOR_ITER, end)
	}
	c.assign(g.Target)
	for _, cond := range g.Ifs {
		c.condJump(cond, false, start)
	}
	if i+1 < len(gens) {
		c.comprehensionLoop(e, gens, i+1)
	} else {
		c.comprehensionElt(e, len(gens)+1)
	}
	c.emitJump(JUMP, start)
	if g.IsAsync {
		c.bind(stop)
		c.emit(END_ASYNC_FOR, 0)
	}
	c.bind(end)
}

func (c *compiler) comprehensionElt(e ast.Expr, depth int) {
	switch e := e.(type) {
	case *ast.ListComp:
		c.expr(e.Elt)
		c.emit(LIST_APPEND, depth)
	case *ast.SetComp:
		c.expr(e.Elt)
		c.emit(SET_ADD, depth)
	case *ast.DictComp:
		c.expr(e.Key)
		c.expr(e.Value)
		c.emit(MAP_ADD, depth)
	case *ast.GeneratorExp:
		c.expr(e.Elt)
		c.emit(YIELD_VALUE, 0)
		c.emit(POP_TOP, 0)
	}
}
