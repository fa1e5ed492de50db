package vm

// This file implements the builtins that read the caller's scope:
// globals(), locals(), and vars() and dir() without an argument, and
// sys.exc_info() and sys.exception(), which read the exception the caller
// is handling, and mod._caller_frame(level), a runtime.CallerFunction
// (warnings' stack levels, see caller.go). The compiler marks such calls (SCOPE_CALL); when the callee
// is still that builtin at run time, the vm answers from the calling
// frame, otherwise it is an ordinary call.

import (
	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/runtime"
)

// scopeBuiltin says which scope builtin a SCOPE_CALL stands for.
type scopeBuiltin uint8

const (
	scopeBuiltinGlobals scopeBuiltin = iota
	scopeBuiltinLocals
	scopeBuiltinVars
	scopeBuiltinDir
	scopeBuiltinEval  // eval(source): the caller's namespaces
	scopeBuiltinExec  // exec(source)
	scopeSysExcInfo   // sys.exc_info
	scopeSysException // sys.exception
	scopeCallerFrame  // mod._caller_frame(level): a runtime.CallerFunction
)

var scopeBuiltinNames = [...]string{"globals", "locals", "vars", "dir", "eval", "exec", "exc_info", "exception", "_caller_frame"}

// scopeArgs is how many arguments a SCOPE_CALL of kind passes.
func scopeArgs(kind scopeBuiltin) int {
	if kind == scopeBuiltinEval || kind == scopeBuiltinExec || kind == scopeCallerFrame {
		return 1
	}
	return 0
}

// scopeBuiltinCall reports whether e is `globals()`, `locals()`, `vars()` or
// `dir()` with no arguments, or `exc_info()` or `exception()` with no
// arguments, called by name or as an attribute (sys.exc_info()).
func scopeBuiltinCall(e *ast.Call) (scopeBuiltin, bool) {
	if len(e.Keywords) > 0 || len(e.Args) > 1 {
		return 0, false
	}
	if len(e.Args) == 1 {
		if a, ok := e.Func.(*ast.Attribute); ok && a.Attr == scopeBuiltinNames[scopeCallerFrame] {
			_, starred := e.Args[0].(*ast.Starred)
			return scopeCallerFrame, !starred
		}
		return evalExecCall(e)
	}
	var id string
	first := scopeBuiltinGlobals
	switch fn := e.Func.(type) {
	case *ast.Name:
		id = fn.Id
	case *ast.Attribute:
		id, first = fn.Attr, scopeSysExcInfo
	default:
		return 0, false
	}
	for k := first; k < scopeCallerFrame; k++ {
		if id == scopeBuiltinNames[k] {
			return k, true
		}
	}
	return 0, false
}

// evalExecCall reports whether e is eval(source) or exec(source) by name
// with one plain argument: the forms that read the caller's namespaces.
func evalExecCall(e *ast.Call) (scopeBuiltin, bool) {
	name, ok := e.Func.(*ast.Name)
	if _, starred := e.Args[0].(*ast.Starred); !ok || starred {
		return 0, false
	}
	switch name.Id {
	case "eval":
		return scopeBuiltinEval, true
	case "exec":
		return scopeBuiltinExec, true
	}
	return 0, false
}

// isScopeBuiltin reports whether fn is the builtin a SCOPE_CALL of kind
// stands for: the builtins module's function, sys's for the exception
// readers, any runtime.CallerFunction for _caller_frame.
func isScopeBuiltin(th *runtime.Thread, fn runtime.Value, kind scopeBuiltin) bool {
	if kind == scopeCallerFrame {
		_, ok := fn.Object().(*runtime.CallerFunction)
		return ok
	}
	d := th.Builtins
	if kind >= scopeSysExcInfo {
		sys, ok := th.Modules["sys"]
		if !ok {
			return false
		}
		d = sys.Dict
	}
	b, ok := d.GetStr(scopeBuiltinNames[kind])
	return ok && b.Is(fn)
}

// scopeCall is SCOPE_CALL: fn(args...) where fn was loaded by name (or as
// sys's attribute).
// view > 0 says the call is inside inlined comprehensions whose hidden
// variables are code.compViews[view-1].
func scopeCall(th *runtime.Thread, f *Frame, fn runtime.Value, args []runtime.Value, kind scopeBuiltin, view int) (runtime.Value, error) {
	if !isScopeBuiltin(th, fn, kind) {
		return runtime.Call(th, fn, copyValues(args), nil)
	}
	var cv *compView
	if view > 0 {
		cv = &f.code.compViews[view-1]
	}
	switch kind {
	case scopeCallerFrame:
		return callCallerFunction(th, f, fn.Object().(*runtime.CallerFunction), args)
	case scopeBuiltinEval, scopeBuiltinExec:
		return evalInCaller(th, f, fn, args[0], kind, cv)
	case scopeSysException:
		return excValue(f.handled()), nil
	case scopeSysExcInfo:
		exc := f.handled()
		if exc == nil {
			return runtime.Obj(runtime.NewTuple([]runtime.Value{runtime.None, runtime.None, runtime.None})), nil
		}
		tb, err := runtime.GetAttr(th, runtime.Obj(exc), "__traceback__")
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.Obj(runtime.NewTuple([]runtime.Value{runtime.Obj(exc.Type()), runtime.Obj(exc), tb})), nil
	case scopeBuiltinGlobals:
		return runtime.Obj(f.globals), nil
	case scopeBuiltinDir:
		names := runtime.NewList(frameLocals(f, cv).Keys())
		if err := runtime.SortList(th, names, runtime.Value{}, false); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Obj(names), nil
	}
	return runtime.Obj(frameLocals(f, cv)), nil
}

// frameLocals is locals() of f: the namespace of a module or class body,
// else a new dict of the bound local variables and cells (as CPython's
// snapshot; assigning into it does not change the variables). Inside
// inlined comprehensions (cv not nil) their variables are added, to a
// copy of the namespace in a module or class body, as in CPython 3.12.
func frameLocals(f *Frame, cv *compView) *runtime.Dict {
	ns := f.ns()
	if ns == nil && f.fn == nil { // a module body (also the REPL's, run as a coroutine)
		ns = f.globals
	}
	if ns != nil {
		if cv == nil {
			return ns
		}
		ns = ns.Copy()
	} else {
		ns = runtime.NewDict()
		addLocals(ns, f)
	}
	if cv != nil {
		addHidden(ns, f, cv)
	}
	return ns
}

// addLocals adds f's own bound variables and cells to d.
func addLocals(d *runtime.Dict, f *Frame) {
	co := f.code
	locals := f.locals()
	for i, name := range co.VarNames[:co.ownVars] {
		if !locals[i].IsNull() {
			d.SetStr(name, locals[i])
		}
	}
	for i, name := range co.CellVars[:co.ownCells] {
		setCell(d, f, i, name)
	}
	for i, name := range co.FreeVars {
		setCell(d, f, len(co.CellVars)+i, name)
	}
}

// addHidden adds the variables of the inlined comprehensions in cv to d.
func addHidden(d *runtime.Dict, f *Frame, cv *compView) {
	locals := f.locals()
	for _, i := range cv.vars {
		if !locals[i].IsNull() {
			d.SetStr(f.code.VarNames[i], locals[i])
		}
	}
	for _, i := range cv.cells {
		setCell(d, f, i, f.code.CellVars[i])
	}
}

// setCell sets d[name] to the value of f's cell i, if it is bound.
func setCell(d *runtime.Dict, f *Frame, i int, name string) {
	if i < len(f.cells) && f.cells[i] != nil && !f.cells[i].v.IsNull() {
		d.SetStr(name, f.cells[i].v)
	}
}

// isSource reports whether v is something exec() runs: a str, bytes or
// bytearray, or a code object (anything else gets exec's TypeError).
func isSource(v runtime.Value) bool {
	_, code := v.Object().(*Code)
	_, str := runtime.AsString(v)
	_, bytes := runtime.AsBytes(v)
	return code || str || bytes
}

// evalInCaller is eval(source) or exec(source) without namespaces: they
// run with the caller's globals and its locals() as CPython's do. At
// module level and in a class body (or code exec'd with a locals dict)
// that is the namespace itself. In a function, and in an inlined
// comprehension, eval sees a snapshot of the variables (so names it
// binds stay invisible to the function, as in CPython); exec there could
// rebind the caller's variables in ways the snapshot would lose, or that
// a later locals() shows in CPython, so it is refused.
func evalInCaller(th *runtime.Thread, f *Frame, fn, source runtime.Value, kind scopeBuiltin, cv *compView) (runtime.Value, error) {
	inFunction := f.fn != nil && !f.code.has(flagClassBody)
	if kind == scopeBuiltinExec && (inFunction || cv != nil) && isSource(source) {
		return runtime.Value{}, runtime.Errorf(runtime.NotImplementedError,
			"pyish: exec() without a globals dict inside a function is not supported; pass globals() or a dict")
	}
	locals := frameLocals(f, cv)
	return runtime.Call(th, fn, []runtime.Value{source, runtime.Obj(f.globals), runtime.Obj(locals)}, nil)
}
