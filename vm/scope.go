package vm

// This file implements the builtins that read the caller's scope:
// globals(), locals(), and vars() and dir() without an argument. The
// compiler marks such calls (SCOPE_CALL); when the name still means the
// builtin at run time, the vm answers from the calling frame, otherwise
// it is an ordinary call.

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
)

var scopeBuiltinNames = [...]string{"globals", "locals", "vars", "dir"}

// scopeBuiltinCall reports whether e is `globals()`, `locals()`, `vars()` or
// `dir()` with no arguments.
func scopeBuiltinCall(e *ast.Call) (scopeBuiltin, bool) {
	name, ok := e.Func.(*ast.Name)
	if !ok || len(e.Args) > 0 || len(e.Keywords) > 0 {
		return 0, false
	}
	for k, n := range scopeBuiltinNames {
		if name.Id == n {
			return scopeBuiltin(k), true
		}
	}
	return 0, false
}

// scopeCall is SCOPE_CALL: fn() where fn was loaded by name.
func scopeCall(th *runtime.Thread, f *Frame, fn runtime.Value, kind scopeBuiltin) (runtime.Value, error) {
	if b, ok := th.Builtins.GetStr(scopeBuiltinNames[kind]); !ok || !b.Is(fn) {
		return runtime.Call(th, fn, nil, nil)
	}
	switch kind {
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
	if f.ns != nil {
		return f.ns
	}
	if f.fn == nil { // a module body (also the REPL's, run as a coroutine)
		return f.globals
	}
	d := runtime.NewDict()
	for i, name := range f.code.VarNames {
		if i < len(f.locals) && !f.locals[i].IsNull() {
			d.SetStr(name, f.locals[i])
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
