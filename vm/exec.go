package vm

// This file runs the code objects of exec(), eval() and compile(): module
// bodies compiled in ModeExec, ModeEval or ModeSingle, with a locals
// mapping apart from their globals.

import (
	"fmt"
	"unsafe"

	"github.com/pyish/pyish/runtime"
)

// RunWithLocals executes a module body with globals as its globals and
// locals as the namespace its module-level names live in (nil: the
// globals), as exec(code, globals, locals) does. Code not compiled in
// one of exec's modes reaches its names as globals, so it cannot run
// with a separate locals mapping.
func RunWithLocals(th *runtime.Thread, code *Code, globals, locals *runtime.Dict) (runtime.Value, error) {
	if code.has(flagCoroutine) {
		return runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "code with top-level await must run as a coroutine")
	}
	f := newFrame(code, globals)
	if locals != nil && locals != globals {
		if !code.has(flagModuleNames) {
			return runtime.Value{}, runtime.Errorf(runtime.SystemError, "pyish: code compiled for globals only run with a separate locals mapping")
		}
		f.extra().ns = locals
		if code.has(flagModuleAnnotations) {
			setupLocalAnnotations(locals)
		}
	}
	return runFrame(th, f)
}

// setupLocalAnnotations gives locals the __annotations__ dict that
// CPython's SETUP_ANNOTATIONS looks for in the locals alone (the module
// body's own setup would find one in the globals).
func setupLocalAnnotations(locals *runtime.Dict) {
	if _, ok := locals.GetStr("__annotations__"); !ok {
		locals.SetStr("__annotations__", runtime.Obj(runtime.NewDict()))
	}
}

// Exec runs c for exec() and eval(): a module body, with locals as in
// RunWithLocals. The code of a function (its __code__) needs arguments
// and cells a bare run cannot give it, so it is refused.
func (c *Code) Exec(th *runtime.Thread, globals, locals *runtime.Dict) (runtime.Value, error) {
	if !c.has(flagModule) {
		return runtime.Value{}, runtime.Errorf(runtime.NotImplementedError,
			"exec() and eval() of a function's code object are not supported by pyish")
	}
	return RunWithLocals(th, c, globals, locals)
}

// Repr implements runtime.HasRepr, as CPython writes a code object.
func (c *Code) Repr(th *runtime.Thread) (string, error) {
	return fmt.Sprintf("<code object %s at %s, file \"%s\", line %d>", c.Name, addr(unsafe.Pointer(c)), c.Filename, c.firstLineNo()), nil
}

// firstLineNo is co_firstlineno: 1 for a module body, as in CPython,
// wherever its first statement is.
func (c *Code) firstLineNo() int {
	if c.has(flagModule) {
		return 1
	}
	return c.FirstLine
}
