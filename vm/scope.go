package vm

// This file implements the builtins that read the caller's scope:
// globals(), locals(), and vars() and dir() without an argument, and
// sys.exc_info() and sys.exception(), which read the exception the caller
// is handling. The compiler marks such calls (SCOPE_CALL); when the callee
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
	scopeSysExcInfo   // sys.exc_info
	scopeSysException // sys.exception
)

var scopeBuiltinNames = [...]string{"globals", "locals", "vars", "dir", "exc_info", "exception"}

// scopeBuiltinCall reports whether e is `globals()`, `locals()`, `vars()` or
// `dir()` with no arguments, or `exc_info()` or `exception()` with no
// arguments, called by name or as an attribute (sys.exc_info()).
func scopeBuiltinCall(e *ast.Call) (scopeBuiltin, bool) {
	if len(e.Args) > 0 || len(e.Keywords) > 0 {
		return 0, false
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
	for k := first; int(k) < len(scopeBuiltinNames); k++ {
		if id == scopeBuiltinNames[k] {
			return k, true
		}
	}
	return 0, false
}

// isScopeBuiltin reports whether fn is the builtin a SCOPE_CALL of kind
// stands for: the builtins module's function, or sys's for the exception
// readers.
func isScopeBuiltin(th *runtime.Thread, fn runtime.Value, kind scopeBuiltin) bool {
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

// scopeCall is SCOPE_CALL: fn() where fn was loaded by name.
func scopeCall(th *runtime.Thread, f *Frame, fn runtime.Value, kind scopeBuiltin) (runtime.Value, error) {
	if !isScopeBuiltin(th, fn, kind) {
		return runtime.Call(th, fn, nil, nil)
	}
	switch kind {
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
		names := runtime.NewList(frameLocals(f).Keys())
		if err := runtime.SortList(th, names, runtime.Value{}, false); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Obj(names), nil
	}
	return runtime.Obj(frameLocals(f)), nil
}

// frameLocals is locals() of f: the namespace of a module or class body,
// else a new dict of the bound local variables and cells (as CPython's
// snapshot; assigning into it does not change the variables).
func frameLocals(f *Frame) *runtime.Dict {
	if ns := f.ns(); ns != nil {
		return ns
	}
	if f.fn == nil { // a module body (also the REPL's, run as a coroutine)
		return f.globals
	}
	d := runtime.NewDict()
	for i, name := range f.code.VarNames {
		if locals := f.locals(); i < len(locals) && !locals[i].IsNull() {
			d.SetStr(name, locals[i])
		}
	}
	cellNames := append(append([]string(nil), f.code.CellVars...), f.code.FreeVars...)
	for i, name := range cellNames {
		if i < len(f.cells) && f.cells[i] != nil && !f.cells[i].v.IsNull() {
			d.SetStr(name, f.cells[i].v)
		}
	}
	return d
}
