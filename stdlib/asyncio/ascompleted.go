package asyncio

// This file defines as_completed with CPython 3.12's semantics: an
// iterator of coroutines, each waiting for the next future to complete
// (through a queue of completed futures, as CPython's uses a Queue).

import (
	"fmt"

	"github.com/pyish/pyish/runtime"
)

// asCompletedType is the type of as_completed's iterator (a generator in
// CPython).
var asCompletedType = runtime.NewType("generator", nil)

// asCompleted is the iterator as_completed returns. Like CPython's
// generator, it does its setup on the first next().
type asCompleted struct {
	st        *state
	fs        runtime.Value
	timeout   runtime.Value
	started   bool
	remaining int
	loop      *runtime.Loop
	// todo holds the futures in order, each set to nil once its
	// completion (or the timeout) is queued; ntodo counts the others.
	todo    []*runtime.Future
	ntodo   int
	done    []*runtime.Future // completed futures; nil marks the timeout
	getters []*runtime.Future
	timer   *runtime.Handle
	key     *int
}

func (st *state) asCompleted(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	var fs runtime.Value
	timeout := runtime.None
	if err := runtime.UnpackArgs("as_completed", args, kw, "fs", &fs, "timeout?", &timeout); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(&asCompleted{st: st, fs: fs, timeout: timeout, key: new(int)}), nil
}

// Type implements runtime.Object.
func (a *asCompleted) Type() *runtime.Type { return asCompletedType }

// Iter implements runtime.Iterable.
func (a *asCompleted) Iter(th *runtime.Thread) (runtime.Iterator, error) { return a, nil }

// Next implements runtime.Iterator: the next _wait_for_one() coroutine.
func (a *asCompleted) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	if !a.started {
		a.started = true
		if err := a.setup(th); err != nil {
			return runtime.Value{}, false, err
		}
	}
	if a.remaining == 0 {
		return runtime.Value{}, false, nil
	}
	a.remaining--
	return runtime.Obj(a.waitForOne()), true, nil
}

func (a *asCompleted) setup(th *runtime.Thread) error {
	items, err := distinct(th, a.fs, "an iterable")
	if err != nil {
		return err
	}
	if a.loop, err = a.st.eventLoop(th); err != nil {
		return err
	}
	for _, v := range items {
		f, err := a.st.ensureFuture(th, v, a.loop)
		if err != nil {
			return err
		}
		a.todo = append(a.todo, f.BaseFuture())
	}
	a.ntodo = len(a.todo)
	for i, f := range a.todo {
		f.AddDoneCallbackKey(func() { a.completed(i) }, a.key)
	}
	if len(a.todo) > 0 && !a.timeout.IsNone() {
		d, err := runtime.ToFloat(th, a.timeout)
		if err != nil {
			return err
		}
		a.timer = a.loop.CallAt(a.loop.Time()+d, a.timedOut)
	}
	a.remaining = len(a.todo)
	return nil
}

// timedOut queues a timeout marker for each future still to come.
func (a *asCompleted) timedOut() {
	todo := a.todo
	a.todo, a.ntodo = nil, 0
	for _, f := range todo {
		if f != nil {
			f.RemoveDoneCallback(a.key)
			a.put(nil)
		}
	}
}

// completed queues a.todo[i], which is done.
func (a *asCompleted) completed(i int) {
	if a.ntodo == 0 {
		return // timedOut was here first
	}
	f := a.todo[i]
	a.todo[i] = nil
	a.ntodo--
	a.put(f)
	if a.ntodo == 0 && a.timer != nil {
		a.timer.Cancel()
	}
}

// put is Queue.put_nowait: queue f and wake the first waiting getter.
func (a *asCompleted) put(f *runtime.Future) {
	a.done = append(a.done, f)
	a.wakeGetter()
}

func (a *asCompleted) wakeGetter() {
	for len(a.getters) > 0 {
		g := a.getters[0]
		a.getters = a.getters[1:]
		if !g.Done() {
			g.SetResult(runtime.None)
			return
		}
	}
}

func (a *asCompleted) removeGetter(g *runtime.Future) {
	for i, x := range a.getters {
		if x == g {
			a.getters = append(a.getters[:i], a.getters[i+1:]...)
			return
		}
	}
}

// waitForOne returns CPython's _wait_for_one() coroutine.
func (a *asCompleted) waitForOne() *waitForOne { return &waitForOne{a: a} }

// waitForOne is CPython's _wait_for_one(): `f = await done.get()`, then
// TimeoutError for the marker, else f's result. It is hand-written, not
// a goCoro, as as_completed makes one per future.
type waitForOne struct {
	a      *asCompleted
	getter *runtime.Future
	state  coroState
}

// Type implements runtime.Object.
func (w *waitForOne) Type() *runtime.Type { return goCoroType }

// Repr implements runtime.HasRepr.
func (w *waitForOne) Repr(th *runtime.Thread) (string, error) {
	return fmt.Sprintf("<coroutine object _wait_for_one at %p>", w), nil
}

// Describe implements runtime.CoroutineDescriber.
func (w *waitForOne) Describe() (qualname, file string, line int, finished bool) {
	return "_wait_for_one", "asyncio/tasks.py", 1, w.state == coroDone
}

// AwaitState implements runtime.AwaitState.
func (w *waitForOne) AwaitState() (string, bool) {
	return "as_completed.<locals>._wait_for_one", w.state != coroNew
}

// Resume implements runtime.Coroutine.
func (w *waitForOne) Resume(th *runtime.Thread, send runtime.Value, exc *runtime.Exception) (runtime.Value, bool, error) {
	switch w.state {
	case coroNew:
		if exc != nil {
			return w.end(runtime.Value{}, exc)
		}
	case coroWaiting:
		if exc == nil && !w.getter.Done() { // woken early: keep waiting
			return runtime.Obj(w.getter), false, nil
		}
		if exc == nil {
			if _, err := w.getter.Result(th); err != nil {
				exc = runtime.AsException(err)
			}
		}
		if exc != nil {
			w.abandon()
			return w.end(runtime.Value{}, exc)
		}
		w.getter = nil
	default:
		if exc != nil {
			return runtime.Value{}, true, exc
		}
		return runtime.Value{}, true, runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited coroutine")
	}
	a := w.a
	if len(a.done) == 0 {
		w.getter = runtime.NewFuture(a.loop)
		a.getters = append(a.getters, w.getter)
		w.state = coroWaiting
		return runtime.Obj(w.getter), false, nil
	}
	f := a.done[0]
	a.done[0] = nil
	a.done = a.done[1:]
	if f == nil {
		return w.end(runtime.Value{}, runtime.NewException(runtime.TimeoutError))
	}
	return w.end(f.Result(th))
}

// abandon is the except clause of Queue.get for the getter: drop it,
// and pass a wake-up it cannot use on to the next getter.
func (w *waitForOne) abandon() {
	g, a := w.getter, w.a
	w.getter = nil
	g.Cancel(runtime.None)
	a.removeGetter(g)
	if len(a.done) > 0 && !g.Cancelled() {
		a.wakeGetter()
	}
}

// end finishes the coroutine with v or err.
func (w *waitForOne) end(v runtime.Value, err error) (runtime.Value, bool, error) {
	w.state = coroDone
	if err != nil {
		return runtime.Value{}, true, err
	}
	return v, true, nil
}

// Close implements runtime.Coroutine: GeneratorExit at the await runs
// the except clause.
func (w *waitForOne) Close(th *runtime.Thread) error {
	if w.state == coroWaiting {
		w.abandon()
	}
	w.state = coroDone
	return nil
}
