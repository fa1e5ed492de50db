package asyncio

// This file defines as_completed with CPython 3.12's semantics: an
// iterator of coroutines, each waiting for the next future to complete
// (through a queue of completed futures, as CPython's uses a Queue).

import "github.com/pyish/pyish/runtime"

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
	todo      []*runtime.Future
	done      []*runtime.Future // completed futures; nil marks the timeout
	getters   []*runtime.Future
	timer     *runtime.Handle
	key       *int
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
	for _, f := range a.todo {
		f.AddDoneCallbackKey(func() { a.completed(f) }, a.key)
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
	a.todo = nil
	for _, f := range todo {
		f.RemoveDoneCallback(a.key)
		a.put(nil)
	}
}

// completed queues f, which is done.
func (a *asCompleted) completed(f *runtime.Future) {
	if len(a.todo) == 0 {
		return // timedOut was here first
	}
	for i, g := range a.todo {
		if g == f {
			a.todo = append(a.todo[:i], a.todo[i+1:]...)
			break
		}
	}
	a.put(f)
	if len(a.todo) == 0 && a.timer != nil {
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

// waitForOne is CPython's _wait_for_one(): `f = await done.get()`, then
// TimeoutError for the marker, else f's result.
func (a *asCompleted) waitForOne() *goCoro {
	var getter *runtime.Future
	return newGoCoro("_wait_for_one", func(th *runtime.Thread, v runtime.Value, err error) next {
		if getter != nil {
			g := getter
			getter = nil
			if err != nil {
				g.Cancel(runtime.None)
				a.removeGetter(g)
				if len(a.done) > 0 && !g.Cancelled() {
					a.wakeGetter()
				}
				return fail(err)
			}
		}
		if len(a.done) == 0 {
			getter = runtime.NewFuture(a.loop)
			a.getters = append(a.getters, getter)
			return awaitOn(getter)
		}
		f := a.done[0]
		a.done = a.done[1:]
		if f == nil {
			return fail(runtime.NewException(runtime.TimeoutError))
		}
		return finish(f.Result(th))
	})
}
