package vm

// This file connects async generators to the event loop's hooks, as
// CPython's sys.set_asyncgen_hooks does for asyncio: a generator that
// starts while a loop runs is recorded there (firstiter), so
// shutdown_asyncgens can close it, and one that an `async for` over a
// call leaves suspended by break or return is closed in a task of its
// own, as CPython's finalizer does once the generator is dropped.

import (
	"fmt"
	"unsafe"

	"github.com/pyish/pyish/runtime"
)

// AsyncGenDone implements runtime.AsyncGen.
func (a *AsyncGenerator) AsyncGenDone() bool { return a.finished }

// ACloseCoroutine implements runtime.AsyncGen.
func (a *AsyncGenerator) ACloseCoroutine() runtime.Coroutine {
	return &acloseCoro{gen: a}
}

// asyncGenOf returns the async generator whose state g is (the state is
// its only field).
func asyncGenOf(g *genState) *AsyncGenerator { return (*AsyncGenerator)(unsafe.Pointer(g)) }

// firstIter records g, starting now, with the running loop.
func firstIter(th *runtime.Thread, g *genState) {
	if l := th.Loop; l != nil && l.IsRunning() {
		l.AddAsyncGen(asyncGenOf(g))
	}
}

// finalizeLoopAsyncGen closes a suspended async generator that an `async
// for` over a call has just let go of: CPython's finalizer hook runs
// call_soon_threadsafe(loop.create_task, agen.aclose()) when the
// generator is freed, which for such a loop is at once.
func finalizeLoopAsyncGen(th *runtime.Thread, a *AsyncGenerator) {
	l := th.Loop
	if !a.started || a.finished || a.running || l == nil || !l.IsRunning() {
		return
	}
	l.DropAsyncGen(a)
	l.CallSoon(func() {
		if !l.IsClosed() {
			l.CreateTask(a.ACloseCoroutine(), "")
		}
	})
}

// acloseCoro is the coroutine of ACloseCoroutine: it awaits
// agen.aclose(), or, when an exception is thrown in before it starts (a
// task cancelled before its first step), agen.athrow(exc), as CPython's
// athrow object hands such a throw to the generator.
type acloseCoro struct {
	gen *AsyncGenerator
	c   *Coroutine // awaits the operation, made on first resume
}

// Type implements runtime.Object.
func (a *acloseCoro) Type() *runtime.Type { return CoroutineType }

// Repr implements runtime.HasRepr.
func (a *acloseCoro) Repr(th *runtime.Thread) (string, error) {
	return fmt.Sprintf("<coroutine object aclose at %s>", addr(unsafe.Pointer(a))), nil
}

// Describe implements runtime.CoroutineDescriber, for task reprs.
func (a *acloseCoro) Describe() (qualname, file string, line int, finished bool) {
	return "aclose", "<asyncgen>", 0, a.c != nil && a.c.finished
}

// Resume implements runtime.Coroutine.
func (a *acloseCoro) Resume(th *runtime.Thread, send runtime.Value, exc *runtime.Exception) (runtime.Value, bool, error) {
	if a.c == nil {
		op := &asyncGenOp{gen: &a.gen.genState, exc: runtime.NewException(runtime.GeneratorExit), closing: true}
		if exc != nil {
			op = &asyncGenOp{gen: &a.gen.genState, exc: exc}
		}
		a.c, exc = awaitCoroutine(runtime.Obj(op)), nil
	}
	v, done, err := a.c.Resume(th, send, exc)
	if e, ok := err.(*runtime.Exception); ok && len(e.Traceback) > 0 && e.Traceback[0].File == awaitFile {
		e.Traceback = e.Traceback[1:] // CPython's athrow object has no frame of its own
	}
	return v, done, err
}

// Close implements runtime.Coroutine.
func (a *acloseCoro) Close(th *runtime.Thread) error {
	if a.c == nil {
		return nil
	}
	return a.c.Close(th)
}

// awaitFile is the file name of awaitCode's frames, left out of
// tracebacks.
const awaitFile = "<asyncgen>"

// awaitCode returns the body of awaitCoroutine, `return await op`: a
// fresh one each time, since a Code keeps caches and interpreters share
// no mutable state.
func awaitCode() *Code {
	return &Code{
		Name: "aclose", QualName: "aclose", Filename: awaitFile,
		Code: []uint32{
			uint32(LOAD_FAST), uint32(GET_AWAITABLE), uint32(LOAD_CONST), uint32(SEND), uint32(RETURN_VALUE),
		},
		Consts:    []runtime.Value{runtime.None},
		VarNames:  []string{"op"},
		ArgCount:  1,
		Flags:     flagCoroutine,
		StackSize: 2,
	}
}

// awaitCoroutine returns a coroutine that awaits aw and returns its
// result (CPython's _wrap_awaitable), for awaitables only the vm can
// drive, such as the operations of async generators.
func awaitCoroutine(aw runtime.Value) *Coroutine {
	code := awaitCode()
	f := newFrame(code, runtime.NewDict())
	f.locals()[0] = aw
	c := &Coroutine{genState{kind: kindCoroutine, frame: f, qual: &code.QualName}}
	f.gen = &c.genState
	return c
}
