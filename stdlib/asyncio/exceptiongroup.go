package asyncio

// This file gives TaskGroup the builtin exception groups of the runtime,
// so `except*` and `except ExceptionGroup` catch what a TaskGroup raises.

import "github.com/pyish/pyish/runtime"

// NewExceptionGroup returns BaseExceptionGroup(msg, excs): an
// ExceptionGroup when all of excs are Exceptions.
func NewExceptionGroup(msg string, excs []*runtime.Exception) *runtime.Exception {
	return runtime.NewExceptionGroup(msg, excs)
}
