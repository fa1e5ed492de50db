package vm

// This file holds the compiler's state: one unit per code object being
// built, instruction emission, labels, stack-depth tracking and the stack
// of blocks that break/continue/return must unwind.

import (
	"fmt"
	"math"
	"math/big"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/runtime"
)

// Compile compiles a parsed module. Errors are *CompileError.
func Compile(mod *ast.Module, mode Mode) (code *Code, err error) {
	c := &compiler{filename: mod.Filename, mode: mode}
	defer func() {
		if r := recover(); r != nil {
			if ce, ok := r.(*CompileError); ok {
				code, err = nil, ce
				return
			}
			// A compiler bug: report it instead of crashing the host.
			code, err = nil, &InternalError{Filename: mod.Filename, Detail: fmt.Sprint(r)}
		}
	}()
	c.bindNames = mangleModule(mod)
	c.futureImports, c.futureAnnotations = scanFuture(c, mod.Body)
	st, err := buildSymtable(c, mod)
	if err != nil {
		return nil, err
	}
	c.st = st
	return c.compileModule(mod), nil
}

type compiler struct {
	filename string
	mode     Mode
	st       *symtable
	u        *unit
	// bindNames holds the mangled names that private defs and classes
	// are bound to (their __name__ keeps the name as written).
	bindNames map[ast.Stmt]string
	// futureImports are the `from __future__ import …` statements at the
	// start of the module; futureAnnotations is set by
	// `from __future__ import annotations` (annotations become strings).
	futureImports     map[*ast.ImportFrom]bool
	futureAnnotations bool
}

// bindName is the variable a def or class statement binds.
func (c *compiler) bindName(n ast.Stmt, name string) string {
	if b, ok := c.bindNames[n]; ok {
		return b
	}
	return name
}

// unit is the code object under construction.
type unit struct {
	s        *scope
	code     *Code
	consts   map[any]int
	names    map[string]int
	labels   []labelInfo
	span     ast.Pos // the node being compiled, its line included: see setLine
	depth    int
	maxDepth int
	// lastTarget is the last pc a label was bound to: the instruction
	// there may be jumped to, so it cannot be fused with the one before.
	lastTarget int
	fblocks    []fblock
	varIndex   map[string]int
	cellIndex  map[string]int
	parent     *unit
	// view is the innermost inlined comprehension being compiled into
	// this unit, or nil: its names are looked up first (see nameOp).
	view *scope
}

type label int

type labelInfo struct {
	pc    int // -1 until bound
	depth int // stack depth on arrival, -1 if unknown
	uses  []int
}

type fblockKind uint8

const (
	fbWhile fblockKind = iota
	fbFor
	fbTryExcept   // body of a try with handlers
	fbFinallyTry  // body of a try with a finally
	fbFinallyEnd  // inside a finally reached by an exception: prev exc below
	fbHandler     // inside an except clause: prev exc below
	fbHandlerName // inside `except … as name`
	fbWith        // inside a with body: exit below
	fbAsyncWith   // inside an async with body
	fbPopValue    // a pending return value sits on the stack
	fbHandlerStar // inside an except* clause (no break/continue/return)
)

type fblock struct {
	kind        fblockKind
	start, exit label
	final       []ast.Stmt // fbFinallyTry
	name        string     // fbHandlerName
	// closeIter (fbFor) marks a loop over a generator its own expression
	// created: leaving the loop early closes it, as CPython's refcounting
	// does when the last reference goes.
	closeIter bool
}

// errorf builds a SyntaxError at pos.
func (c *compiler) errorf(pos ast.Pos, format string, args ...any) *CompileError {
	return &CompileError{Filename: c.filename, Line: int(pos.Line), Col: int(pos.Col),
		EndLine: int(pos.EndLine), EndCol: int(pos.EndCol),
		Kind: "SyntaxError", Msg: fmt.Sprintf(format, args...)}
}

// fail aborts compilation with a SyntaxError (recovered by Compile).
func (c *compiler) fail(pos ast.Pos, format string, args ...any) {
	panic(c.errorf(pos, format, args...))
}

// ---- units ----

func (c *compiler) enter(s *scope, name string, firstLine int) {
	code := &Code{Name: name, QualName: s.qualname, Filename: c.filename, FirstLine: firstLine}
	u := &unit{s: s, code: code, consts: map[any]int{}, names: map[string]int{},
		varIndex: map[string]int{}, cellIndex: map[string]int{}, parent: c.u, span: ast.Pos{Line: int32(firstLine)}}
	// Only the scope's own names: the hidden slots of its inlined
	// comprehensions may repeat them (see scope.slots).
	for i, n := range s.varnames[:s.ownVars] {
		u.varIndex[n] = i
	}
	for i, n := range s.cellvars[:s.ownCells] {
		u.cellIndex[n] = i
	}
	for i, n := range s.freevars {
		if _, ok := u.cellIndex[n]; !ok {
			u.cellIndex[n] = len(s.cellvars) + i
		}
	}
	code.VarNames = s.varnames
	code.CellVars = s.cellvars
	code.FreeVars = s.freevars
	code.ownVars, code.ownCells = s.ownVars, s.ownCells
	code.Cell2Arg = make([]int, len(s.cellvars))
	for i, n := range s.cellvars {
		code.Cell2Arg[i] = -1
		if j, ok := u.varIndex[n]; ok && i < s.ownCells && contains(s.params, n) {
			code.Cell2Arg[i] = j
		}
	}
	c.u = u
}

func (c *compiler) leave() *Code {
	u := c.u
	// Exactly the deepest stack the code reaches (no slack): every frame,
	// and every parked coroutine, holds StackSize values.
	u.code.StackSize = u.maxDepth
	fuseSequences(u.code.Code)
	c.u = u.parent
	return u.code
}

// ---- emission ----

// setLine makes pos the location of the instructions emitted next: their
// line, and the span a traceback underlines.
func (c *compiler) setLine(pos ast.Pos) {
	if pos.Line > 0 {
		c.u.span = pos
	}
}

// spanLast gives the last instruction emitted the current span, for an
// instruction rewritten in place into one covering the current node.
func (c *compiler) spanLast() {
	u := c.u
	pc := int32(len(u.code.Code) - 1)
	if n := len(u.code.spans); n > 0 && u.code.spans[n-1].pc == pc {
		u.code.spans[n-1].pos = u.span
		if n > 1 && u.code.spans[n-2].pos == u.span {
			u.code.spans = u.code.spans[:n-1]
		}
		return
	}
	u.code.spans = append(u.code.spans, spanEntry{pc: pc, pos: u.span})
}

func (c *compiler) emit(op Opcode, arg int) int {
	u := c.u
	if arg < 0 || arg > maxArg {
		c.fail(ast.Pos{Line: u.span.Line}, "too many constants or names in one function")
	}
	pc := len(u.code.Code)
	if n := len(u.code.spans); n == 0 || u.code.spans[n-1].pos != u.span {
		u.code.spans = append(u.code.spans, spanEntry{pc: int32(pc), pos: u.span})
	}
	u.code.Code = append(u.code.Code, uint32(op)|uint32(arg)<<argShift)
	c.adjust(stackEffect(op, uint32(arg)))
	return pc
}

// Fused instructions: BINARY_OP_INT's argument layout.
const (
	binIntInplace = 1 << 4
	binIntShift   = 5
	binIntMax     = maxArg >> binIntShift
)

// emitBinary emits BINARY_OP or INPLACE_OP with operator bop. Right after
// a LOAD_INT of a small int on the same line that no jump lands on, it
// rewrites that LOAD_INT into one BINARY_OP_INT: one dispatch less for
// `n - 1`, `i += 1`, `x % 7`, and the same line in a traceback.
func (c *compiler) emitBinary(op Opcode, bop int) {
	u := c.u
	code := u.code.Code
	if n := len(code); n > 0 && u.lastTarget < n && Opcode(code[n-1]&0xff) == LOAD_INT &&
		code[n-1]>>argShift <= binIntMax && u.code.spans[len(u.code.spans)-1].pos.Line == u.span.Line {
		arg := uint32(bop) | code[n-1]>>argShift<<binIntShift
		if op == INPLACE_OP {
			arg |= binIntInplace
		}
		code[n-1] = uint32(BINARY_OP_INT) | arg<<argShift
		c.spanLast()
		c.adjust(-1) // the LOAD_INT's push
		return
	}
	c.emit(op, bop)
}

func (c *compiler) adjust(d int) {
	u := c.u
	u.depth += d
	if u.depth > u.maxDepth {
		u.maxDepth = u.depth
	}
	if u.depth < 0 {
		panic(fmt.Sprintf("vm: compiler stack depth below zero in %s", u.code.QualName))
	}
}

func (c *compiler) newLabel() label {
	c.u.labels = append(c.u.labels, labelInfo{pc: -1, depth: -1})
	return label(len(c.u.labels) - 1)
}

func (c *compiler) emitJump(op Opcode, l label) {
	u := c.u
	target := u.depth + jumpEffect(op)
	info := &u.labels[l]
	if info.depth < 0 {
		info.depth = target
	}
	if target > u.maxDepth {
		u.maxDepth = target
	}
	pc := c.fuseCompare(op)
	if pc < 0 {
		pc = c.emit(op, 0)
	}
	if info.pc >= 0 {
		c.patchJump(pc, info.pc)
		return
	}
	info.uses = append(info.uses, pc)
}

// fuseCompare turns a COMPARE_OP just emitted on the current line, that
// no jump lands on, and the conditional jump op into one COMPARE_JUMP
// (one dispatch and no bool for `if n < 2:` and `while i < n:`). It
// returns the pc of the fused jump, or -1 when it cannot fuse.
func (c *compiler) fuseCompare(op Opcode) int {
	u := c.u
	code := u.code.Code
	n := len(code)
	if (op != POP_JUMP_IF_FALSE && op != POP_JUMP_IF_TRUE) || n == 0 || u.lastTarget >= n ||
		Opcode(code[n-1]&0xff) != COMPARE_OP || u.code.spans[len(u.code.spans)-1].pos.Line != u.span.Line {
		return -1
	}
	arg := code[n-1] >> argShift
	if op == POP_JUMP_IF_TRUE {
		arg |= cmpJumpIfTrue
	}
	code[n-1] = uint32(COMPARE_JUMP) | arg<<argShift
	c.adjust(-1) // the jump's pop of the bool
	return n - 1
}

// patchJump sets the target of the jump at pc.
func (c *compiler) patchJump(pc, target int) {
	ins := c.u.code.Code[pc]
	if Opcode(ins&0xff) == COMPARE_JUMP {
		if target > maxArg>>cmpJumpShift {
			c.fail(ast.Pos{Line: c.u.span.Line}, "too many instructions in one function")
		}
		c.u.code.Code[pc] = ins | uint32(target)<<(argShift+cmpJumpShift)
		return
	}
	c.u.code.Code[pc] = ins | uint32(target)<<argShift
}

func (c *compiler) bind(l label) {
	u := c.u
	info := &u.labels[l]
	info.pc = len(u.code.Code)
	u.lastTarget = info.pc
	for _, use := range info.uses {
		c.patchJump(use, info.pc)
	}
	info.uses = nil
	if info.depth >= 0 {
		u.depth = info.depth
	} else {
		info.depth = u.depth
	}
}

// ---- tables ----

type constKey struct {
	kind byte
	v    any
}

func (c *compiler) constIndex(v any) int {
	u := c.u
	key := constKey{v: v}
	switch x := v.(type) {
	case float64:
		key = constKey{'f', math.Float64bits(x)}
	case *big.Int:
		key = constKey{'b', x.String()}
	case []byte:
		key = constKey{'y', string(x)}
	case int64:
		key = constKey{'i', x}
	case string:
		key = constKey{'s', x}
	case bool:
		key = constKey{'?', x}
	case nil:
		key = constKey{'n', nil}
	case ast.Ellipsis:
		key = constKey{'e', nil}
	case complex128:
		key = constKey{'c', x}
	}
	if i, ok := u.consts[key]; ok {
		return i
	}
	i := len(u.code.Consts)
	u.code.Consts = append(u.code.Consts, c.constValue(v))
	u.consts[key] = i
	return i
}

// constValue converts a literal from the tree into a runtime value.
func (c *compiler) constValue(v any) runtime.Value {
	switch x := v.(type) {
	case nil:
		return runtime.None
	case bool:
		return runtime.Bool(x)
	case int64:
		return runtime.Int(x)
	case *big.Int:
		return bigConst(x)
	case float64:
		return runtime.Float(x)
	case complex128:
		return runtime.NewComplex(x)
	case string:
		return runtime.Str(x)
	case []byte:
		return bytesConst(x)
	case ast.Ellipsis:
		return ellipsisConst()
	}
	c.fail(ast.Pos{Line: c.u.span.Line}, "unsupported literal %T", v)
	return runtime.Value{}
}

func (c *compiler) loadConst(v any) {
	if i, ok := v.(int64); ok && i >= 0 && i <= maxArg {
		c.emit(LOAD_INT, int(i))
		return
	}
	c.emit(LOAD_CONST, c.constIndex(v))
}

func (c *compiler) nameIndex(name string) int {
	u := c.u
	if i, ok := u.names[name]; ok {
		return i
	}
	i := len(u.code.Names)
	u.code.Names = append(u.code.Names, name)
	u.code.NameVals = append(u.code.NameVals, runtime.Str(name))
	u.names[name] = i
	return i
}

func (c *compiler) kwIndex(names []string) int {
	c.u.code.KwNames = append(c.u.code.KwNames, names)
	return len(c.u.code.KwNames) - 1
}

// ---- names ----

type nameCtx uint8

const (
	ctxLoad nameCtx = iota
	ctxStore
	ctxDel
)

func (c *compiler) nameOp(name string, ctx nameCtx) {
	u := c.u
	if v, kind := c.viewKind(name); v != nil {
		c.viewNameOp(v, name, kind, ctx)
		return
	}
	kind, ok := u.s.kinds[name]
	if !ok {
		kind = kindGlobal
		if u.s.kind == scopeClass || u.s.kind == scopeModule && c.mode.moduleNames() {
			kind = kindName
		}
	}
	switch kind {
	case kindLocal:
		c.emit([...]Opcode{LOAD_FAST, STORE_FAST, DELETE_FAST}[ctx], u.varIndex[name])
	case kindCell, kindFree:
		c.emit([...]Opcode{LOAD_DEREF, STORE_DEREF, DELETE_DEREF}[ctx], u.cellIndex[name])
	case kindName:
		c.emit([...]Opcode{LOAD_NAME, STORE_NAME, DELETE_NAME}[ctx], c.nameIndex(name))
	case kindClassDeref:
		if ctx == ctxLoad {
			c.nameIndex(name)
			c.emit(LOAD_CLASSDEREF, u.cellIndex[name])
			return
		}
		c.emit([...]Opcode{LOAD_NAME, STORE_NAME, DELETE_NAME}[ctx], c.nameIndex(name))
	default:
		c.emit([...]Opcode{LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL}[ctx], c.nameIndex(name))
	}
}

// scope returns the scope whose names the code being compiled sees: the
// innermost inlined comprehension, or the unit's own.
func (c *compiler) scope() *scope {
	if c.u.view != nil {
		return c.u.view
	}
	return c.u.s
}

// viewKind finds name in the inlined comprehensions being compiled,
// innermost first, skipping those that leave it to their enclosing scope.
// It returns nil when the unit's own scope decides.
func (c *compiler) viewKind(name string) (*scope, nameKind) {
	for v := c.u.view; v != nil && v != c.u.s; v = v.parent {
		if kind, ok := v.kinds[name]; ok && kind != kindOuter {
			return v, kind
		}
	}
	return nil, 0
}

// viewNameOp emits the access to name as comprehension v resolved it:
// its hidden slot or cell, a free variable of the host, or a global
// (LOAD_GLOBAL even in a class body, whose names it cannot see).
func (c *compiler) viewNameOp(v *scope, name string, kind nameKind, ctx nameCtx) {
	switch kind {
	case kindLocal:
		c.emit([...]Opcode{LOAD_FAST, STORE_FAST, DELETE_FAST}[ctx], v.slots[name])
	case kindCell:
		c.emit([...]Opcode{LOAD_DEREF, STORE_DEREF, DELETE_DEREF}[ctx], v.cells[name])
	case kindFree:
		c.emit([...]Opcode{LOAD_DEREF, STORE_DEREF, DELETE_DEREF}[ctx], c.u.cellIndex[name])
	default:
		c.emit([...]Opcode{LOAD_GLOBAL, STORE_GLOBAL, DELETE_GLOBAL}[ctx], c.nameIndex(name))
	}
}

// kindOf is how the code being compiled reaches name.
func (c *compiler) kindOf(name string) nameKind {
	if v, kind := c.viewKind(name); v != nil {
		return kind
	}
	return c.u.s.kinds[name]
}

// closureIndex is the cell index of name for LOAD_CLOSURE.
func (c *compiler) closureIndex(name string) int {
	if v, kind := c.viewKind(name); v != nil && kind == kindCell {
		return v.cells[name]
	}
	return c.u.cellIndex[name]
}

// ---- blocks ----

func (c *compiler) pushBlock(b fblock) { c.u.fblocks = append(c.u.fblocks, b) }

func (c *compiler) popBlock() { c.u.fblocks = c.u.fblocks[:len(c.u.fblocks)-1] }

// unwind emits the code that leaves block b early (break, continue,
// return); preserve keeps a return value on top of the stack.
func (c *compiler) unwind(b fblock, preserve bool) {
	switch b.kind {
	case fbFor:
		if preserve {
			c.emit(ROT_TWO, 0)
		}
		if b.closeIter {
			c.emit(POP_ITER, 0)
		} else {
			c.emit(POP_TOP, 0)
		}
	case fbTryExcept:
		c.emit(POP_BLOCK, 0)
	case fbFinallyTry:
		c.emit(POP_BLOCK, 0)
		if preserve {
			c.pushBlock(fblock{kind: fbPopValue})
		}
		c.stmts(b.final)
		if preserve {
			c.popBlock()
		}
	case fbFinallyEnd, fbHandler:
		c.emit(POP_BLOCK, 0)
		if preserve {
			c.emit(ROT_THREE, 0)
		}
		c.emit(POP_EXCEPT, 0)
	case fbHandlerName:
		c.emit(POP_BLOCK, 0)
		c.clearName(b.name)
	case fbWith, fbAsyncWith:
		c.emit(POP_BLOCK, 0)
		if preserve {
			c.emit(ROT_TWO, 0)
		}
		c.callExitNone(b.kind == fbAsyncWith)
	case fbPopValue:
		if preserve {
			c.emit(ROT_TWO, 0)
		}
		c.emit(POP_TOP, 0)
	}
}

// callExitNone calls the exit function on top of the stack with three Nones.
func (c *compiler) callExitNone(async bool) {
	c.loadConst(nil)
	c.loadConst(nil)
	c.loadConst(nil)
	c.emit(CALL, 3)
	if async {
		c.await()
	}
	c.emit(POP_TOP, 0)
}

// clearName runs `name = None; del name` after an except clause.
func (c *compiler) clearName(name string) {
	c.loadConst(nil)
	c.nameOp(name, ctxStore)
	c.nameOp(name, ctxDel)
}

// unwindTo unwinds blocks above the innermost loop (and the loop itself if
// breaking); it returns the loop block, or false if there is none.
func (c *compiler) unwindToLoop(breaking bool) (fblock, bool) {
	u := c.u
	saved := u.fblocks
	defer func() { u.fblocks = saved }()
	for i := len(saved) - 1; i >= 0; i-- {
		b := saved[i]
		u.fblocks = saved[:i:i] // appends while unwinding must not clobber saved
		if b.kind == fbWhile || b.kind == fbFor {
			if breaking {
				c.unwind(b, false)
			}
			return b, true
		}
		c.unwind(b, false)
	}
	return fblock{}, false
}

func (c *compiler) unwindAll(preserve bool) {
	u := c.u
	saved := u.fblocks
	defer func() { u.fblocks = saved }()
	for i := len(saved) - 1; i >= 0; i-- {
		u.fblocks = saved[:i:i] // appends while unwinding must not clobber saved
		c.unwind(saved[i], preserve)
	}
}

func (c *compiler) inLoop() bool {
	for _, b := range c.u.fblocks {
		if b.kind == fbWhile || b.kind == fbFor {
			return true
		}
	}
	return false
}
