package vm

// This file defines frames: the heap activation records the run loop
// switches between.

import (
	"github.com/pyish/pyish/runtime"
)

// Frame is one activation of a code object.
type Frame struct {
	code    *Code
	fn      *Function // nil for module and class bodies run directly
	globals *runtime.Dict
	ns      *runtime.Dict   // class body namespace (LOAD_NAME/STORE_NAME)
	vals    []runtime.Value // backing array of locals and stack
	locals  []runtime.Value
	stack   []runtime.Value
	cells   []*Cell
	sp, pc  int
	back    *Frame // the frame to return to inside the same run loop
	blocks  []block

	// handling is the exception an except/finally clause of this frame is
	// handling (the target of a bare raise and the implicit __context__).
	handling *runtime.Exception

	// entry frames end the run loop when they return or yield.
	entry bool
	// gen is the generator, coroutine or async generator running this frame.
	gen *genState
	// initSelf is set on __init__ frames pushed by a class call: the call's
	// result is this instance, and __init__ must return None.
	initSelf runtime.Value
	// atSend marks a frame suspended inside SEND (pc points at it).
	atSend bool
	// throwing is an exception to raise at the suspension point on resume.
	throwing *runtime.Exception
	// echo is the last value shown by PRINT_EXPR (interactive mode).
	echo runtime.Value
	// child caches the frame of this frame's last finished call, reused by
	// its next call so that steady-state calls allocate nothing.
	child *Frame
}

// block is an active exception handler of a frame.
type block struct {
	handler int32 // target pc
	level   int32 // stack depth to restore before pushing the exception
}

func newFrame(co *Code, globals *runtime.Dict) *Frame {
	n := len(co.VarNames)
	vals := make([]runtime.Value, n+co.StackSize)
	return &Frame{code: co, globals: globals, vals: vals, locals: vals[:n:n], stack: vals[n:]}
}

// reuseFrame returns old reset for co if it is big enough, else a new frame.
// old must be a finished plain-function frame (pushed by CALL, never an
// entry, generator or class body frame) that nothing else refers to.
func reuseFrame(old *Frame, co *Code, globals *runtime.Dict) *Frame {
	n := len(co.VarNames)
	if old == nil || len(old.vals) < n+co.StackSize {
		return newFrame(co, globals)
	}
	vals := old.vals
	clear(vals[:n])
	// Fields a finished plain-function frame may still hold; the others
	// (gen, ns, entry, echo, atSend, throwing, back) are zero for it.
	old.code, old.globals = co, globals
	old.locals, old.stack = vals[:n:n], vals[n:]
	old.cells, old.blocks, old.handling = nil, old.blocks[:0], nil
	old.sp, old.pc = 0, 0
	old.initSelf = runtime.Value{}
	return old
}

// line returns the current source line of f.
func (f *Frame) line() int {
	pc := f.pc - 1
	if pc < 0 {
		pc = 0
	}
	return f.code.Line(pc)
}

// traceEntry describes f for a traceback.
func (f *Frame) traceEntry() runtime.TraceEntry {
	return runtime.TraceEntry{File: f.code.Filename, Func: f.code.Name, Line: f.line()}
}

// handled returns the exception being handled by f or its callers.
func (f *Frame) handled() *runtime.Exception {
	for ; f != nil; f = f.back {
		if f.handling != nil {
			return f.handling
		}
	}
	return nil
}
