package vm

// This file compiles statements and function, class and module bodies.

import (
	"github.com/pyish/pyish/ast"
)

func (c *compiler) compileModule(mod *ast.Module) *Code {
	s := c.st.top
	c.enter(s, "<module>", 1)
	c.u.code.Flags |= flagModule
	if c.mode.moduleNames() {
		c.u.code.Flags |= flagModuleNames
	}
	if len(mod.Body) > 0 {
		c.setLine(mod.Body[0].Position())
		c.u.code.FirstLine = int(mod.Body[0].Position().Line)
	}
	if c.mode == ModeInteractive && s.hasAwait {
		c.u.code.Flags |= flagCoroutine
	}
	c.setupAnnotations(mod.Body)
	if c.mode == ModeEval {
		c.evalBody(mod)
		return c.leave()
	}
	c.stmts(mod.Body)
	c.loadConst(nil)
	c.emit(RETURN_VALUE, 0)
	return c.leave()
}

// evalBody compiles eval() input: the module holds one expression
// statement (the parser's ParseExpr result), whose value is returned.
func (c *compiler) evalBody(mod *ast.Module) {
	if len(mod.Body) != 1 {
		c.fail(ast.Pos{Line: 1, Col: 1}, "eval() input must be one expression")
	}
	e, ok := mod.Body[0].(*ast.ExprStmt)
	if !ok {
		c.fail(mod.Body[0].Position(), "eval() input must be one expression")
	}
	c.expr(e.Value)
	c.emit(RETURN_VALUE, 0)
}

func (c *compiler) stmts(body []ast.Stmt) {
	for _, s := range body {
		c.stmt(s)
	}
}

func (c *compiler) stmt(n ast.Stmt) {
	c.setLine(n.Position())
	switch n := n.(type) {
	case *ast.FunctionDef:
		c.functionDef(n)
	case *ast.ClassDef:
		c.classDef(n)
	case *ast.Return:
		c.returnStmt(n)
	case *ast.Delete:
		for _, t := range n.Targets {
			c.delete(t)
		}
	case *ast.Assign:
		c.expr(n.Value)
		for i, t := range n.Targets {
			if i < len(n.Targets)-1 {
				c.emit(DUP_TOP, 0)
			}
			c.assign(t)
		}
	case *ast.AugAssign:
		c.augAssign(n)
	case *ast.AnnAssign:
		c.annAssign(n)
	case *ast.For:
		if n.IsAsync {
			c.asyncFor(n)
		} else {
			c.forStmt(n)
		}
	case *ast.While:
		c.whileStmt(n)
	case *ast.If:
		c.ifStmt(n)
	case *ast.With:
		c.with(n, 0)
	case *ast.Raise:
		c.raise(n)
	case *ast.Try:
		c.try(n)
	case *ast.Assert:
		c.assert(n)
	case *ast.Import:
		c.importStmt(n)
	case *ast.ImportFrom:
		c.importFrom(n)
	case *ast.Global, *ast.Nonlocal, *ast.Pass:
	case *ast.ExprStmt:
		c.exprStmt(n)
	case *ast.Break:
		c.breakStmt(n)
	case *ast.Continue:
		c.continueStmt(n)
	case *ast.Match:
		c.matchStmt(n)
	default:
		c.fail(n.Position(), "unsupported statement %T", n)
	}
}

func (c *compiler) exprStmt(n *ast.ExprStmt) {
	c.expr(n.Value)
	if c.mode.echoes() && c.u.s.kind == scopeModule {
		display := 0 // the REPL's echo
		if c.mode == ModeSingle {
			display = 1 // sys.displayhook
		}
		c.emit(PRINT_EXPR, display)
		return
	}
	if _, ok := n.Value.(*ast.Call); ok {
		c.emit(POP_TOP, 1) // may drop a coroutine never awaited: see noteDiscarded
		return
	}
	c.emit(POP_TOP, 0)
}

// ---- functions and classes ----

func (c *compiler) functionDef(n *ast.FunctionDef) {
	for _, d := range n.Decorators {
		c.expr(d)
	}
	s := c.st.scopes[n]
	c.makeFunction(s, n.Args, n.Returns, n.Pos, func() { c.functionBody(s, n.Body) }, n.Name)
	c.applyDecorators(n.Pos, n.Decorators)
	c.nameOp(c.bindName(n, n.Name), ctxStore)
}

// functionBody compiles a def's statements, with its docstring.
func (c *compiler) functionBody(s *scope, body []ast.Stmt) {
	if doc, ok := docstring(body); ok {
		c.u.code.Doc = c.constValue(doc)
	}
	c.stmts(body)
	c.loadConst(nil)
	c.emit(RETURN_VALUE, 0)
}

func docstring(body []ast.Stmt) (string, bool) {
	if len(body) == 0 {
		return "", false
	}
	e, ok := body[0].(*ast.ExprStmt)
	if !ok {
		return "", false
	}
	k, ok := e.Value.(*ast.Constant)
	if !ok {
		return "", false
	}
	s, ok := k.Value.(string)
	return s, ok
}

// makeFunction pushes defaults and closure cells, compiles the body into a
// nested Code and emits MAKE_FUNCTION.
func (c *compiler) makeFunction(s *scope, args *ast.Arguments, returns ast.Expr, pos ast.Pos, body func(), name string) {
	pushed := 0
	var kwMask []bool
	if args != nil {
		for _, d := range args.Defaults {
			c.expr(d)
			pushed++
		}
		for _, d := range args.KwDefaults {
			kwMask = append(kwMask, d != nil)
			if d != nil {
				c.expr(d)
				pushed++
			}
		}
	}
	annotated := c.argAnnotations(args, returns)
	if annotated {
		pushed++
	}
	for _, fv := range s.freevars {
		c.emit(LOAD_CLOSURE, c.closureIndex(fv))
		pushed++
	}
	c.enter(s, name, int(pos.Line))
	code := c.u.code
	c.setupArgs(code, s, args)
	code.KwDefaultMask = kwMask
	code.Annotated = annotated
	code.MakeOperands = pushed
	c.setLine(pos)
	body()
	c.leave()
	c.u.code.Codes = append(c.u.code.Codes, code)
	c.setLine(pos)
	c.emit(MAKE_FUNCTION, len(c.u.code.Codes)-1)
	c.adjust(-pushed)
}

func (c *compiler) setupArgs(code *Code, s *scope, args *ast.Arguments) {
	switch {
	case s.isAsync && s.isGenerator:
		code.Flags |= flagAsyncGen
	case s.isAsync:
		code.Flags |= flagCoroutine
	case s.isGenerator:
		code.Flags |= flagGenerator
	}
	if s.isComprehension {
		code.ArgCount = 1
		code.Flags |= flagSimpleArgs
		return
	}
	if args == nil {
		code.Flags |= flagSimpleArgs
		return
	}
	code.PosOnlyCount = len(args.PosOnly)
	code.ArgCount = len(args.PosOnly) + len(args.Args)
	code.KwOnlyCount = len(args.KwOnly)
	code.NumDefaults = len(args.Defaults)
	if args.Vararg != nil {
		code.Flags |= flagVarArgs
	}
	if args.Kwarg != nil {
		code.Flags |= flagVarKw
	}
	if args.Vararg == nil && args.Kwarg == nil && len(args.KwOnly) == 0 {
		code.Flags |= flagSimpleArgs
	}
}

// applyDecorators calls the decorators on the stack, innermost first,
// each at its own line (a traceback points at the decorator that failed,
// as in CPython 3.12); the name is then bound at the statement's line.
func (c *compiler) applyDecorators(pos ast.Pos, decorators []ast.Expr) {
	for i := len(decorators) - 1; i >= 0; i-- {
		c.setLine(decorators[i].Position())
		c.emit(CALL, 1)
	}
	c.setLine(pos)
}

func (c *compiler) classDef(n *ast.ClassDef) {
	for _, d := range n.Decorators {
		c.expr(d)
	}
	s := c.st.scopes[n]
	c.makeFunction(s, nil, nil, n.Pos, func() { c.classBody(s, n) }, n.Name)
	c.u.code.Codes[len(c.u.code.Codes)-1].Flags |= flagClassBody
	c.loadConst(n.Name)
	for _, b := range n.Bases {
		if _, ok := b.(*ast.Starred); ok {
			c.fail(b.Position(), "starred base classes are not supported")
		}
		c.expr(b)
	}
	var kw []string
	for _, k := range n.Keywords {
		if k.Arg == "" {
			c.fail(k.Pos, "**kwargs in a class header are not supported")
		}
		kw = append(kw, k.Arg)
		c.expr(k.Value)
	}
	arg := len(n.Bases)
	if kw != nil {
		arg |= (c.kwIndex(kw) + 1) << 8
	}
	c.setLine(n.Pos)
	c.emit(BUILD_CLASS, arg)
	c.adjust(-1 - len(n.Bases) - len(kw))
	c.applyDecorators(n.Pos, n.Decorators)
	c.nameOp(c.bindName(n, n.Name), ctxStore)
}

// classBody compiles a class body: it runs with the namespace as its
// locals and returns the __class__ cell (or None).
func (c *compiler) classBody(s *scope, n *ast.ClassDef) {
	c.emit(LOAD_GLOBAL, c.nameIndex("__name__"))
	c.emit(STORE_NAME, c.nameIndex("__module__"))
	c.loadConst(s.qualname)
	c.emit(STORE_NAME, c.nameIndex("__qualname__"))
	c.setupAnnotations(n.Body)
	if doc, ok := docstring(n.Body); ok {
		c.loadConst(doc)
		c.emit(STORE_NAME, c.nameIndex("__doc__"))
	}
	c.stmts(n.Body)
	if s.usesClassCell {
		c.emit(LOAD_CLOSURE, c.u.cellIndex["__class__"])
	} else {
		c.loadConst(nil)
	}
	c.emit(RETURN_VALUE, 0)
}

func (c *compiler) returnStmt(n *ast.Return) {
	s := c.u.s
	if s.kind != scopeFunction {
		c.fail(n.Pos, "'return' outside function")
	}
	c.checkStarExit(n.Pos, false)
	if n.Value != nil && s.isAsync && s.isGenerator {
		c.fail(n.Pos, "'return' with value in async generator")
	}
	if n.Value != nil {
		c.expr(n.Value)
	} else {
		c.loadConst(nil)
	}
	d := c.u.depth
	c.unwindAll(true)
	c.emit(RETURN_VALUE, 0)
	c.u.depth = d - 1
}

// ---- assignment ----

// assign stores the value on top of the stack into target t.
func (c *compiler) assign(t ast.Expr) {
	switch t := t.(type) {
	case *ast.Name:
		c.nameOp(t.Id, ctxStore)
	case *ast.Attribute:
		c.expr(t.Value)
		c.setLine(attrLoc(t.Pos, t))
		c.emit(STORE_ATTR, c.nameIndex(t.Attr))
	case *ast.Subscript:
		c.expr(t.Value)
		c.subscriptKey(t.Slice)
		c.setLine(t.Pos)
		c.emit(STORE_SUBSCR, 0)
	case *ast.Tuple:
		c.unpack(t.Pos, t.Elts)
	case *ast.List:
		c.unpack(t.Pos, t.Elts)
	case *ast.Starred:
		c.fail(t.Pos, "starred assignment target must be in a list or tuple")
	default:
		c.fail(t.Position(), "cannot assign to %s", ast.Describe(t))
	}
}

func (c *compiler) unpack(pos ast.Pos, elts []ast.Expr) {
	star := -1
	for i, e := range elts {
		if _, ok := e.(*ast.Starred); ok {
			if star >= 0 {
				c.fail(e.Position(), "multiple starred expressions in assignment")
			}
			star = i
		}
	}
	c.setLine(pos)
	if star < 0 {
		c.emit(UNPACK_SEQUENCE, len(elts))
	} else {
		after := len(elts) - star - 1
		if star > 255 || after > 255 {
			c.fail(pos, "too many expressions in star-unpacking assignment")
		}
		c.emit(UNPACK_EX, star|after<<8)
	}
	for _, e := range elts {
		if s, ok := e.(*ast.Starred); ok {
			c.assign(s.Value)
			continue
		}
		c.assign(e)
	}
}

func (c *compiler) delete(t ast.Expr) {
	c.setLine(t.Position())
	switch t := t.(type) {
	case *ast.Name:
		c.nameOp(t.Id, ctxDel)
	case *ast.Attribute:
		c.expr(t.Value)
		c.setLine(attrLoc(t.Pos, t))
		c.emit(DELETE_ATTR, c.nameIndex(t.Attr))
	case *ast.Subscript:
		c.expr(t.Value)
		c.subscriptKey(t.Slice)
		c.setLine(t.Pos)
		c.emit(DELETE_SUBSCR, 0)
	case *ast.Tuple:
		for _, e := range t.Elts {
			c.delete(e)
		}
	case *ast.List:
		for _, e := range t.Elts {
			c.delete(e)
		}
	default:
		c.fail(t.Position(), "cannot delete %s", ast.Describe(t))
	}
}

func (c *compiler) augAssign(n *ast.AugAssign) {
	op := int(n.Op)
	switch t := n.Target.(type) {
	case *ast.Name:
		c.nameOp(t.Id, ctxLoad)
		c.expr(n.Value)
		c.setLine(n.Pos)
		c.emitBinary(INPLACE_OP, op)
		c.nameOp(t.Id, ctxStore)
	case *ast.Attribute: // the target's own instructions are at its span, as in CPython
		c.expr(t.Value)
		c.setLine(attrLoc(t.Pos, t))
		c.emit(DUP_TOP, 0)
		c.emit(LOAD_ATTR, c.nameIndex(t.Attr))
		c.expr(n.Value)
		c.setLine(n.Pos)
		c.emitBinary(INPLACE_OP, op)
		c.setLine(attrLoc(t.Pos, t))
		c.emit(ROT_TWO, 0)
		c.emit(STORE_ATTR, c.nameIndex(t.Attr))
	case *ast.Subscript:
		c.expr(t.Value)
		c.subscriptKey(t.Slice)
		c.setLine(t.Pos)
		c.emit(DUP_TOP2, 0)
		c.emit(BINARY_SUBSCR, 0)
		c.expr(n.Value)
		c.setLine(n.Pos)
		c.emitBinary(INPLACE_OP, op)
		c.setLine(t.Pos)
		c.emit(ROT_THREE, 0)
		c.emit(STORE_SUBSCR, 0)
	default:
		what := ast.Describe(n.Target)
		switch n.Target.(type) {
		case *ast.Tuple:
			what = "tuple"
		case *ast.List:
			what = "list"
		}
		c.fail(n.Target.Position(), "'%s' is an illegal expression for augmented assignment", what)
	}
}

func (c *compiler) annAssign(n *ast.AnnAssign) {
	switch n.Target.(type) {
	case *ast.Name, *ast.Attribute, *ast.Subscript:
	case *ast.Tuple:
		c.fail(n.Target.Position(), "only single target (not tuple) can be annotated")
	case *ast.List:
		c.fail(n.Target.Position(), "only single target (not list) can be annotated")
	default:
		c.fail(n.Target.Position(), "illegal target for annotation")
	}
	if n.Value != nil {
		c.expr(n.Value)
		c.assign(n.Target)
	}
	c.annotate(n)
}

// ---- control flow ----

func (c *compiler) ifStmt(n *ast.If) {
	end := c.newLabel()
	orelse := end
	if len(n.Orelse) > 0 {
		orelse = c.newLabel()
	}
	c.condJump(n.Test, false, orelse)
	c.stmts(n.Body)
	if len(n.Orelse) > 0 {
		c.emitJump(JUMP, end)
		c.bind(orelse)
		c.stmts(n.Orelse)
	}
	c.bind(end)
}

// condJump evaluates test and jumps to target when its truth equals when.
func (c *compiler) condJump(test ast.Expr, when bool, target label) {
	if u, ok := test.(*ast.UnaryOp); ok && u.Op == ast.Not {
		c.condJump(u.Operand, !when, target)
		return
	}
	c.expr(test)
	if when {
		c.emitJump(POP_JUMP_IF_TRUE, target)
	} else {
		c.emitJump(POP_JUMP_IF_FALSE, target)
	}
}

func (c *compiler) whileStmt(n *ast.While) {
	start, exit, orelse := c.newLabel(), c.newLabel(), c.newLabel()
	c.bind(start)
	if !isTrueConst(n.Test) {
		c.condJump(n.Test, false, orelse)
	}
	c.pushBlock(fblock{kind: fbWhile, start: start, exit: exit})
	c.stmts(n.Body)
	c.popBlock()
	c.emitJump(JUMP, start)
	c.bind(orelse)
	c.stmts(n.Orelse)
	c.bind(exit)
}

func isTrueConst(e ast.Expr) bool {
	k, ok := e.(*ast.Constant)
	if !ok {
		return false
	}
	switch v := k.Value.(type) {
	case bool:
		return v
	case int64:
		return v != 0
	}
	return false
}

func (c *compiler) forStmt(n *ast.For) {
	start, exit, orelse := c.newLabel(), c.newLabel(), c.newLabel()
	c.expr(n.Iter)
	c.setLine(n.Pos)
	c.emit(GET_ITER, 0)
	c.bind(start)
	c.setLine(n.Pos)
	c.emitJump(FOR_ITER, orelse)
	c.assign(n.Target)
	c.pushBlock(fblock{kind: fbFor, start: start, exit: exit, closeIter: isTemporaryIter(n.Iter)})
	c.stmts(n.Body)
	c.popBlock()
	c.emitJump(JUMP, start)
	c.bind(orelse)
	c.stmts(n.Orelse)
	c.bind(exit)
}

func (c *compiler) breakStmt(n *ast.Break) {
	if !c.inLoop() {
		c.fail(n.Pos, "'break' outside loop")
	}
	c.checkStarExit(n.Pos, true)
	d := c.u.depth
	loop, _ := c.unwindToLoop(true)
	c.emitJump(JUMP, loop.exit)
	c.u.depth = d
}

func (c *compiler) continueStmt(n *ast.Continue) {
	if !c.inLoop() {
		c.fail(n.Pos, "'continue' not properly in loop")
	}
	c.checkStarExit(n.Pos, true)
	d := c.u.depth
	loop, _ := c.unwindToLoop(false)
	c.emitJump(JUMP, loop.start)
	c.u.depth = d
}

func (c *compiler) raise(n *ast.Raise) {
	argc := 0
	if n.Exc != nil {
		c.expr(n.Exc)
		argc++
		if n.Cause != nil {
			c.expr(n.Cause)
			argc++
		}
	}
	c.setLine(n.Pos)
	c.emit(RAISE, argc)
}

func (c *compiler) assert(n *ast.Assert) {
	end := c.newLabel()
	c.condJump(n.Test, true, end)
	c.setLine(n.Pos)
	c.emit(LOAD_ASSERTION_ERROR, 0)
	if n.Msg != nil {
		c.expr(n.Msg)
		c.setLine(n.Pos)
		c.emit(CALL, 1)
	}
	c.emit(RAISE, 1)
	c.bind(end)
}

// ---- try ----

func (c *compiler) try(n *ast.Try) {
	if len(n.Finalbody) == 0 {
		c.tryHandlers(n)
		return
	}
	handler, end := c.newLabel(), c.newLabel()
	c.emitJump(SETUP_FINALLY, handler)
	c.pushBlock(fblock{kind: fbFinallyTry, final: n.Finalbody})
	if len(n.Handlers) > 0 {
		c.tryHandlers(n)
	} else {
		c.stmts(n.Body)
	}
	c.popBlock()
	c.emit(POP_BLOCK, 0)
	c.stmts(n.Finalbody)
	c.emitJump(JUMP, end)

	// The exceptional path: stack holds the exception.
	c.bind(handler)
	cleanup := c.newLabel()
	c.emit(PUSH_EXC_INFO, 0)
	c.emitJump(SETUP_FINALLY, cleanup)
	c.pushBlock(fblock{kind: fbFinallyEnd})
	c.stmts(n.Finalbody)
	c.popBlock()
	c.emit(RERAISE, 0) // caught by cleanup, which restores the handled exception
	c.bind(cleanup)
	c.emit(CLEANUP_RERAISE, 0)
	c.bind(end)
}

// tryHandlers compiles try/except or try/except* without the finally.
func (c *compiler) tryHandlers(n *ast.Try) {
	if n.IsStar {
		c.tryStar(n)
	} else {
		c.tryExcept(n)
	}
}

// tryStar compiles try/except* (PEP 654): the caught exception (wrapped
// in a group if naked) is split by each clause in turn; what no clause
// matched and what the clauses raised leave together at the end.
func (c *compiler) tryStar(n *ast.Try) {
	after, cleanup := c.tryBody(n)
	c.emit(EG_BEGIN, 0) // prev state
	for _, h := range n.Handlers {
		c.setLine(h.Pos)
		if h.Type == nil {
			c.fail(h.Pos, "expected one or more exception types")
		}
		c.starHandler(h)
	}
	c.emit(EG_END, 0)
	c.leaveHandler(after)
	c.endHandlers(after, cleanup)
}

// starHandler compiles one except* clause; the stack holds prev state.
func (c *compiler) starHandler(h *ast.ExceptHandler) {
	next, raised := c.newLabel(), c.newLabel()
	c.expr(h.Type)
	c.emitJump(EG_MATCH, next) // prev state match
	if h.Name != "" {
		c.nameOp(h.Name, ctxStore)
	} else {
		c.emit(POP_TOP, 0)
	}
	c.emitJump(SETUP_FINALLY, raised)
	c.pushBlock(fblock{kind: fbHandlerStar})
	c.stmts(h.Body)
	c.popBlock()
	c.emit(POP_BLOCK, 0)
	if h.Name != "" {
		c.clearName(h.Name)
	}
	c.emitJump(JUMP, next)
	c.bind(raised) // prev state exc2
	if h.Name != "" {
		c.clearName(h.Name)
	}
	c.emit(EG_RAISED, 0)
	c.bind(next)
}

func (c *compiler) tryExcept(n *ast.Try) {
	after, cleanup := c.tryBody(n)
	for i, h := range n.Handlers {
		c.setLine(h.Pos)
		if h.Type == nil && i < len(n.Handlers)-1 {
			c.fail(h.Pos, "default 'except:' must be last")
		}
		var next label
		if h.Type != nil {
			next = c.newLabel()
			c.expr(h.Type)
			c.emit(CHECK_EXC_MATCH, 0)
			c.emitJump(POP_JUMP_IF_FALSE, next)
		}
		c.handlerBody(h)
		c.leaveHandler(after)
		if h.Type != nil {
			c.bind(next)
		}
	}
	// A bare except (always last) catches everything, so nothing follows
	// it; binding an unreached label there would lose the stack depth.
	if n.Handlers[len(n.Handlers)-1].Type != nil {
		c.emit(RERAISE, 0) // no handler matched
	}
	c.endHandlers(after, cleanup)
}

// tryBody compiles the body and else clause of a try with handlers and
// the handlers' entry: on the stack the previous exception below the
// caught one, inside a block that cleans up if a handler raises.
func (c *compiler) tryBody(n *ast.Try) (after, cleanup label) {
	handlers := c.newLabel()
	after, cleanup = c.newLabel(), c.newLabel()
	c.emitJump(SETUP_FINALLY, handlers)
	c.pushBlock(fblock{kind: fbTryExcept})
	c.stmts(n.Body)
	c.popBlock()
	c.emit(POP_BLOCK, 0)
	c.stmts(n.Orelse)
	c.emitJump(JUMP, after)

	c.bind(handlers)         // stack: exc
	c.emit(PUSH_EXC_INFO, 0) // prev exc
	c.emitJump(SETUP_FINALLY, cleanup)
	return after, cleanup
}

// leaveHandler ends a handler that finished normally: the exception it
// handled is dropped and the previous one restored.
func (c *compiler) leaveHandler(after label) {
	c.emit(POP_BLOCK, 0)
	c.emit(POP_EXCEPT, 0)
	c.emitJump(JUMP, after)
}

// endHandlers emits the cleanup that re-raises from a failing handler and
// binds the end of the statement.
func (c *compiler) endHandlers(after, cleanup label) {
	c.bind(cleanup)
	c.emit(CLEANUP_RERAISE, 0)
	c.bind(after)
}

// handlerBody compiles one except clause's body; the stack holds prev exc.
func (c *compiler) handlerBody(h *ast.ExceptHandler) {
	if h.Name == "" {
		c.pushBlock(fblock{kind: fbHandler})
		c.stmts(h.Body)
		c.popBlock()
		return
	}
	c.emit(DUP_TOP, 0)
	c.nameOp(h.Name, ctxStore)
	nameCleanup, done := c.newLabel(), c.newLabel()
	c.emitJump(SETUP_FINALLY, nameCleanup)
	c.pushBlock(fblock{kind: fbHandler})
	c.pushBlock(fblock{kind: fbHandlerName, name: h.Name})
	c.stmts(h.Body)
	c.popBlock()
	c.popBlock()
	c.emit(POP_BLOCK, 0)
	c.clearName(h.Name)
	c.emitJump(JUMP, done)
	c.bind(nameCleanup) // prev exc exc2
	c.clearName(h.Name)
	c.emit(RERAISE, 0)
	c.bind(done)
}

// ---- with ----

func (c *compiler) with(n *ast.With, i int) {
	if i == len(n.Items) {
		c.stmts(n.Body)
		return
	}
	item := n.Items[i]
	async := n.IsAsync
	if async {
		c.checkAsync(n.Pos, "async with")
	}
	c.expr(item.ContextExpr)
	c.setLine(n.Pos)
	handler, end := c.newLabel(), c.newLabel()
	if async {
		c.emit(BEFORE_ASYNC_WITH, 0)
		c.await()
	} else {
		c.emit(BEFORE_WITH, 0)
	}
	c.emitJump(SETUP_WITH, handler)
	if item.OptionalVars != nil {
		c.assign(item.OptionalVars)
	} else {
		c.emit(POP_TOP, 0)
	}
	kind := fbWith
	if async {
		kind = fbAsyncWith
	}
	c.pushBlock(fblock{kind: kind})
	c.with(n, i+1)
	c.popBlock()
	c.setLine(n.Pos)
	c.emit(POP_BLOCK, 0)
	c.callExitNone(async)
	c.emitJump(JUMP, end)

	c.bind(handler) // exit exc
	cleanup, suppress := c.newLabel(), c.newLabel()
	c.emit(PUSH_EXC_INFO, 0) // exit prev exc
	c.emitJump(SETUP_FINALLY, cleanup)
	c.emit(WITH_EXCEPT_START, 0)
	if async {
		c.await()
	}
	c.emitJump(POP_JUMP_IF_TRUE, suppress)
	c.emit(RERAISE, 0)
	c.bind(suppress) // exit prev exc
	c.emit(POP_BLOCK, 0)
	c.emit(POP_EXCEPT, 0)
	c.emit(POP_TOP, 0)
	c.emitJump(JUMP, end)
	c.bind(cleanup)
	c.emit(CLEANUP_RERAISE, 0)
	c.bind(end)
}

// checkAsync rejects async constructs outside async functions.
func (c *compiler) checkAsync(pos ast.Pos, what string) {
	s := c.u.s
	if s.kind == scopeModule && c.mode == ModeInteractive {
		c.u.code.Flags |= flagCoroutine
		return
	}
	if s.kind != scopeFunction || !s.isAsync {
		c.fail(pos, "'%s' outside async function", what)
	}
}

func (c *compiler) asyncFor(n *ast.For) {
	c.checkAsync(n.Pos, "async for")
	start, exit, orelse, stop := c.newLabel(), c.newLabel(), c.newLabel(), c.newLabel()
	c.expr(n.Iter)
	c.setLine(n.Pos)
	c.emit(GET_AITER, 0)
	c.bind(start)
	c.setLine(n.Pos)
	c.emitJump(SETUP_FINALLY, stop)
	c.emit(GET_ANEXT, 0)
	c.await()
	c.emit(POP_BLOCK, 0)
	c.assign(n.Target)
	c.pushBlock(fblock{kind: fbFor, start: start, exit: exit, closeIter: isTemporaryIter(n.Iter)})
	c.stmts(n.Body)
	c.popBlock()
	c.emitJump(JUMP, start)
	c.bind(stop) // aiter exc
	c.emit(END_ASYNC_FOR, 0)
	c.emitJump(JUMP, orelse)
	c.bind(orelse)
	c.stmts(n.Orelse)
	c.bind(exit)
}

// ---- imports ----

func (c *compiler) importStmt(n *ast.Import) {
	for _, a := range n.Names {
		c.setLine(a.Pos)
		c.loadConst(int64(0))
		if a.AsName != "" {
			c.loadConst(true) // want the leaf module
		} else {
			c.loadConst(nil)
		}
		c.emit(IMPORT_NAME, c.nameIndex(a.Name))
		name := a.AsName
		if name == "" {
			name = a.Name
			for i := 0; i < len(name); i++ {
				if name[i] == '.' {
					name = name[:i]
					break
				}
			}
		}
		c.nameOp(name, ctxStore)
	}
}

func (c *compiler) importFrom(n *ast.ImportFrom) {
	if n.Module == "__future__" && n.Level == 0 && !c.futureImports[n] {
		c.fail(n.Pos, "from __future__ imports must occur at the beginning of the file")
	}
	c.loadConst(int64(n.Level))
	c.loadConst(true)
	c.emit(IMPORT_NAME, c.nameIndex(n.Module))
	if len(n.Names) == 1 && n.Names[0].Name == "*" {
		c.emit(IMPORT_STAR, 0)
		return
	}
	for _, a := range n.Names {
		c.setLine(a.Pos)
		c.emit(IMPORT_FROM, c.nameIndex(a.Name))
		name := a.AsName
		if name == "" {
			name = a.Name
		}
		c.nameOp(name, ctxStore)
	}
	c.emit(POP_TOP, 0)
}

// isTemporaryIter reports whether a for statement's iterable is a value
// only the loop holds (a call's result or a generator expression), so a
// generator it yields can be closed when the loop is left early.
func isTemporaryIter(e ast.Expr) bool {
	switch e.(type) {
	case *ast.Call, *ast.GeneratorExp:
		return true
	}
	return false
}

// checkStarExit refuses break/continue (toLoop: up to their loop) and
// return (all blocks) inside an except* clause, as CPython does.
func (c *compiler) checkStarExit(pos ast.Pos, toLoop bool) {
	blocks := c.u.fblocks
	for i := len(blocks) - 1; i >= 0; i-- {
		switch blocks[i].kind {
		case fbHandlerStar:
			c.fail(pos, "'break', 'continue' and 'return' cannot appear in an except* block")
		case fbWhile, fbFor:
			if toLoop {
				return
			}
		}
	}
}
