package vm

// This file defines frames: the heap activation records the run loop
// switches between.

import (
	"github.com/pyish/pyish/runtime"
)

// Frame is one activation of a code object. A suspended coroutine keeps
// its frames alive for as long as it waits, so the fields every frame
// needs stay here (160 bytes) and the rarely used ones live in a lazily
// allocated frameExtra (see TestFrameSize).
type Frame struct {
	code    *Code
	fn      *Function // nil for module and class bodies run directly
	globals *runtime.Dict
	// vals holds the locals (len(code.VarNames) of them, see locals) and
	// then the value stack (see stack).
	vals   []runtime.Value
	cells  []*Cell
	blocks []block
	// sp indexes vals: the stack is vals[len(code.VarNames):sp], so an
	// empty stack has sp == len(code.VarNames).
	sp, pc int
	back   *Frame // the frame to return to inside the same run loop
	// child caches the frame of this frame's last finished call, reused by
	// its next call so that steady-state calls allocate nothing.
	child *Frame
	// gen is the generator, coroutine or async generator running this frame.
	gen *genState
	// handling is the exception an except/finally clause of this frame is
	// handling (the target of a bare raise and the implicit __context__).
	handling *runtime.Exception
	// x holds the rarely used fields (nil until one is set).
	x     *frameExtra
	flags frameFlags
}

// frameExtra holds the fields few frames use.
type frameExtra struct {
	// ns is the class body namespace (LOAD_NAME/STORE_NAME).
	ns *runtime.Dict
	// initSelf is set on __init__ frames pushed by a class call: the call's
	// result is this instance, and __init__ must return None (fInit).
	initSelf runtime.Value
	// throwing is an exception to raise at the suspension point on resume
	// (fThrowing).
	throwing *runtime.Exception
	// echo is the last value shown by PRINT_EXPR (interactive mode).
	echo runtime.Value
}

// frameFlags are a frame's boolean states.
type frameFlags uint8

const (
	// fEntry frames end the run loop when they return or yield.
	fEntry frameFlags = 1 << iota
	// fAtSend marks a frame suspended inside SEND (pc points at it).
	fAtSend
	// fThrowing says x.throwing is set.
	fThrowing
	// fInit says x.initSelf is set.
	fInit
	// fBinop marks the frame of an operator method pushed by BINARY_OP
	// (binaryFrame): the caller keeps the operands on its stack, and the
	// return goes through binaryReturned.
	fBinop

	// fSlowReturn are the flags whose frames return through leaveFrame.
	fSlowReturn = fEntry | fInit | fBinop
)

// block is an active exception handler of a frame.
type block struct {
	handler int32 // target pc
	level   int32 // sp to restore before pushing the exception
}

func newFrame(co *Code, globals *runtime.Dict) *Frame {
	var f *Frame
	switch n := len(co.VarNames) + co.StackSize; {
	case n <= 4:
		x := &frameVals4{}
		f = &x.f
		f.vals = x.v[:n]
	case n <= 6:
		x := &frameVals6{}
		f = &x.f
		f.vals = x.v[:n]
	case n <= 8:
		x := &frameVals8{}
		f = &x.f
		f.vals = x.v[:n]
	case n <= 12:
		x := &frameVals12{}
		f = &x.f
		f.vals = x.v[:n]
	case n <= 16:
		x := &frameVals16{}
		f = &x.f
		f.vals = x.v[:n]
	default:
		f = &Frame{vals: make([]runtime.Value, n)}
	}
	f.code, f.globals = co, globals
	f.sp = len(co.VarNames)
	return f
}

// A frame and its values in one allocation, for the frame sizes most
// code has: one allocation less per call that cannot reuse a frame (every
// coroutine, generator and task). The sizes are close enough together
// that the one object takes no more memory than the two did.
type (
	frameVals4 struct {
		f Frame
		v [4]runtime.Value
	}
	frameVals6 struct {
		f Frame
		v [6]runtime.Value
	}
	frameVals8 struct {
		f Frame
		v [8]runtime.Value
	}
	frameVals12 struct {
		f Frame
		v [12]runtime.Value
	}
	frameVals16 struct {
		f Frame
		v [16]runtime.Value
	}
)

// locals returns the local variable slots of f.
func (f *Frame) locals() []runtime.Value {
	n := len(f.code.VarNames)
	return f.vals[:n:n]
}

// push pushes v onto f's stack.
func (f *Frame) push(v runtime.Value) {
	f.vals[f.sp] = v
	f.sp++
}

// extra returns f.x, allocating it on first use.
func (f *Frame) extra() *frameExtra {
	if f.x == nil {
		f.x = &frameExtra{}
	}
	return f.x
}

func (f *Frame) is(fl frameFlags) bool { return f.flags&fl != 0 }

// setEntry marks or unmarks f as an entry frame.
func (f *Frame) setEntry(entry bool) {
	if entry {
		f.flags |= fEntry
	} else {
		f.flags &^= fEntry
	}
}

// ns returns the class body namespace of f, or nil.
func (f *Frame) ns() *runtime.Dict {
	if f.x == nil {
		return nil
	}
	return f.x.ns
}

// initSelf returns the instance an __init__ frame initializes, or the zero Value.
func (f *Frame) initSelf() runtime.Value {
	if f.flags&fInit == 0 {
		return runtime.Value{}
	}
	return f.x.initSelf
}

// setInitSelf marks f as the __init__ frame of a class call making self.
func (f *Frame) setInitSelf(self runtime.Value) {
	f.extra().initSelf = self
	f.flags |= fInit
}

// setThrowing makes f raise exc at its suspension point when it resumes.
func (f *Frame) setThrowing(exc *runtime.Exception) {
	f.extra().throwing = exc
	f.flags |= fThrowing
}

// takeThrowing returns and clears the exception set by setThrowing.
func (f *Frame) takeThrowing() *runtime.Exception {
	exc := f.x.throwing
	f.x.throwing = nil
	f.flags &^= fThrowing
	return exc
}

// echo returns the value PRINT_EXPR last showed in f, or the zero Value.
func (f *Frame) echo() runtime.Value {
	if f.x == nil {
		return runtime.Value{}
	}
	return f.x.echo
}

// reuseFrame returns old reset for co if it is big enough, else a new frame.
// old must be a finished plain-function frame (pushed by CALL, never an
// entry, generator or class body frame) that nothing else refers to.
func reuseFrame(old *Frame, co *Code, globals *runtime.Dict) *Frame {
	n := len(co.VarNames)
	if old == nil || len(old.vals) < n+co.StackSize {
		return newFrame(co, globals)
	}
	clear(old.vals[:n])
	old.resetFor(co, globals)
	return old
}

// resetFor clears what a finished plain-function frame may still hold
// (the others: gen, entry, atSend, throwing, back are zero for it) and
// sets it up for a call of co. The locals are the caller's business.
func (old *Frame) resetFor(co *Code, globals *runtime.Dict) {
	old.code, old.globals = co, globals
	old.cells, old.blocks, old.handling = nil, old.blocks[:0], nil
	old.sp, old.pc = len(co.VarNames), 0
	if old.x != nil {
		*old.x = frameExtra{}
	}
	old.flags = 0
}

// line returns the current source line of f.
func (f *Frame) line() int {
	pc := f.pc - 1
	if pc < 0 {
		pc = 0
	}
	return f.code.Line(pc)
}

// traceEntry describes f for a traceback: the line of the running
// instruction and the span to underline.
func (f *Frame) traceEntry() runtime.TraceEntry {
	sp := f.code.Span(max(f.pc-1, 0))
	e := runtime.TraceEntry{File: f.code.Filename, Func: f.code.Name, Line: f.code.lineOf(sp)}
	if sp.HasEnd() {
		e.Col, e.EndLine, e.EndCol = sp.Col, sp.EndLine, sp.EndCol
	}
	return e
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
