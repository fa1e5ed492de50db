package vm

// This file is the entry point for running compiled module code.

import (
	"github.com/pyish/pyish/runtime"
)

// Run executes a compiled module body with globals as its namespace (the
// caller sets __name__ and friends). Uncaught exceptions come back as
// *runtime.Exception whose Traceback lists the frames outermost first.
//
// In ModeInteractive code, every top-level expression statement whose
// value is not None is shown: if builtins holds a callable
// "__displayhook__" it is called with the value; otherwise the value is
// remembered and the module body returns the last one (the result of Run,
// or of the coroutine of NewModuleCoroutine), None if there was none.
// Code with top-level await must be run with NewModuleCoroutine.
func Run(th *runtime.Thread, code *Code, globals *runtime.Dict) (runtime.Value, error) {
	if code.has(flagCoroutine) {
		return runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "code with top-level await must run as a coroutine")
	}
	f := newFrame(code, globals)
	return runFrame(th, f)
}
