package asyncio

// This file defines wait, wait_for and as_completed (CPython 3.12's
// tasks.py: wait_for is `async with timeout(t): return await aw`).

import "github.com/pyish/pyish/runtime"

// releaseWaiter is CPython's _release_waiter.
func releaseWaiter(w *runtime.Future) {
	if !w.Done() {
		w.SetResult(runtime.None)
	}
}

// distinct returns the distinct items of the iterable fs, in order; a
// single future or coroutine is refused as CPython does.
func distinct(th *runtime.Thread, fs runtime.Value, what string) ([]runtime.Value, error) {
	switch fs.Object().(type) {
	case runtime.FutureLike, runtime.Coroutine:
		return nil, runtime.Errorf(runtime.TypeError, "expect %s of futures, not %s", what, fs.Type().Name)
	}
	items, err := runtime.ToSlice(th, fs)
	if err != nil {
		return nil, err
	}
	if distinctFutures(items) {
		return items, nil
	}
	out := make([]runtime.Value, 0, len(items))
	seen := make(map[runtime.Object]bool, len(items))
	for _, v := range items {
		if o := v.Object(); o != nil {
			if seen[o] {
				continue
			}
			seen[o] = true
		}
		out = append(out, v)
	}
	return out, nil
}

// futuresOf is wait()'s check of fs: distinct futures or tasks.
func futuresOf(th *runtime.Thread, fs runtime.Value) ([]runtime.FutureLike, error) {
	items, err := distinct(th, fs, "a list")
	if err != nil {
		return nil, err
	}
	out := make([]runtime.FutureLike, len(items))
	for i, v := range items {
		switch o := v.Object().(type) {
		case runtime.FutureLike:
			out[i] = o
		case runtime.Coroutine:
			return nil, runtime.Errorf(runtime.TypeError, "Passing coroutines is forbidden, use tasks explicitly.")
		default:
			return nil, runtime.Errorf(runtime.TypeError, "An asyncio.Future, a coroutine or an awaitable is required")
		}
	}
	return out, nil
}

// wait is asyncio.wait(fs, *, timeout=None, return_when=ALL_COMPLETED).
func wait(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	var fs runtime.Value
	timeoutArg, returnWhen := runtime.None, runtime.Str(allCompleted)
	if err := runtime.UnpackArgs("wait", args, kw, "fs", &fs, "timeout?", &timeoutArg, "return_when?", &returnWhen); err != nil {
		return runtime.Value{}, err
	}
	var timer *runtime.Handle
	var futs []runtime.FutureLike
	key := new(int)
	started := false
	return runtime.Obj(newGoCoro("wait", func(th *runtime.Thread, v runtime.Value, err error) next {
		if !started {
			started = true
			var s next
			futs, timer, s = startWait(th, fs, timeoutArg, returnWhen, key)
			return s
		}
		if timer != nil {
			timer.Cancel()
		}
		for _, f := range futs {
			f.BaseFuture().RemoveDoneCallback(key)
		}
		if err != nil {
			return fail(err)
		}
		return waitResult(th, futs)
	})), nil
}

// startWait is the body of wait() up to `await waiter` (CPython's wait
// and _wait).
func startWait(th *runtime.Thread, fs, timeoutArg, returnWhen runtime.Value, key any) ([]runtime.FutureLike, *runtime.Handle, next) {
	futs, err := futuresOf(th, fs)
	if err != nil {
		return nil, nil, fail(err)
	}
	if len(futs) == 0 {
		return nil, nil, failf(runtime.ValueError, "Set of Tasks/Futures is empty.")
	}
	rw, _ := runtime.AsString(returnWhen)
	if rw != firstCompleted && rw != firstException && rw != allCompleted {
		r, _ := runtime.StrOf(th, returnWhen)
		return nil, nil, failf(runtime.ValueError, "Invalid return_when value: %s", r)
	}
	loop, err := runtime.RunningLoop(th)
	if err != nil {
		return nil, nil, fail(err)
	}
	waiter := runtime.NewFuture(loop)
	var timer *runtime.Handle
	if !timeoutArg.IsNone() {
		d, err := runtime.ToFloat(th, timeoutArg)
		if err != nil {
			return nil, nil, fail(err)
		}
		timer = loop.CallAt(loop.Time()+d, func() { releaseWaiter(waiter) })
	}
	counter := len(futs)
	for _, fl := range futs {
		f := fl.BaseFuture()
		f.AddDoneCallbackKey(func() {
			counter--
			if counter <= 0 || rw == firstCompleted || rw == firstException && !f.Cancelled() && exceptionOf(f) != nil {
				if timer != nil {
					timer.Cancel()
				}
				releaseWaiter(waiter)
			}
		}, key)
	}
	return futs, timer, awaitOn(waiter)
}

// exceptionOf is f.exception() for a done, not cancelled future.
func exceptionOf(f *runtime.Future) *runtime.Exception {
	e, _ := f.Exception()
	return e
}

// waitResult returns the (done, pending) sets of wait().
func waitResult(th *runtime.Thread, futs []runtime.FutureLike) next {
	var done, pending []runtime.Value
	for _, f := range futs {
		if f.Done() {
			done = append(done, runtime.Obj(f))
		} else {
			pending = append(pending, runtime.Obj(f))
		}
	}
	d, err := runtime.NewSet(th, done)
	if err != nil {
		return fail(err)
	}
	p, err := runtime.NewSet(th, pending)
	if err != nil {
		return fail(err)
	}
	return finishWith(runtime.Obj(runtime.NewTuple([]runtime.Value{runtime.Obj(d), runtime.Obj(p)})))
}

// canceller is a future or task.
type canceller interface{ Cancel(msg runtime.Value) bool }

// cancelAndWait starts CPython's _cancel_and_wait(fut): it cancels f and
// returns the waiter to await (released when f is done; awaiting it
// rather than f keeps the wait itself cancellable) and the cleanup to run
// after the wait.
func cancelAndWait(f runtime.FutureLike) (*runtime.Future, func()) {
	bf := f.BaseFuture()
	waiter := runtime.NewFuture(bf.Loop())
	key := new(int)
	bf.AddDoneCallbackKey(func() { releaseWaiter(waiter) }, key)
	f.(canceller).Cancel(runtime.None)
	return waiter, func() { bf.RemoveDoneCallback(key) }
}

// waitFor is asyncio.wait_for(aw, timeout).
func waitFor(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	var aw, timeoutArg runtime.Value
	if err := runtime.UnpackArgs("wait_for", args, kw, "fut", &aw, "timeout", &timeoutArg); err != nil {
		return runtime.Value{}, err
	}
	var tm *Timeout
	var inner runtime.FutureLike
	var cleanup func()
	state := 0
	return runtime.Obj(newGoCoro("wait_for", func(th *runtime.Thread, v runtime.Value, err error) next {
		switch state {
		case 0:
			var d float64
			if !timeoutArg.IsNone() {
				if d, err = runtime.ToFloat(th, timeoutArg); err != nil {
					return fail(err)
				}
			}
			loop, err := runtime.RunningLoop(th)
			if err != nil {
				return fail(err)
			}
			if !timeoutArg.IsNone() && d <= 0 {
				// The special case: cancel at once, then report TimeoutError.
				if inner, err = ensureFutureOn(th, aw, loop); err != nil {
					return fail(err)
				}
				if inner.Done() {
					return finish(inner.Result(th))
				}
				state = 2
				var waiter *runtime.Future
				waiter, cleanup = cancelAndWait(inner)
				return awaitOn(waiter)
			}
			s := awaitValue(th, aw)
			if s.err != nil {
				return s
			}
			tm = newTimeout(runtime.None)
			if !timeoutArg.IsNone() {
				tm.when = runtime.Float(loop.Time() + d)
			}
			if err := tm.enter(th); err != nil {
				return fail(err)
			}
			state = 1
			return s
		case 1:
			state = 3
			if err := tm.exit(th, runtime.AsException(err)); err != nil {
				return fail(err)
			}
			return finish(v, err)
		case 2:
			state = 3
			cleanup()
			if err != nil {
				return fail(err)
			}
			r, err := inner.Result(th)
			if matches(err, runtime.CancelledError) {
				te := runtime.NewException(runtime.TimeoutError)
				te.Cause, te.Context, te.SuppressContext = runtime.AsException(err), runtime.AsException(err), true
				return fail(te)
			}
			return finish(r, err)
		}
		return fail(err)
	})), nil
}

// ensureFutureOn wraps a coroutine in a task on loop; futures pass.
func ensureFutureOn(th *runtime.Thread, v runtime.Value, loop *runtime.Loop) (runtime.FutureLike, error) {
	if f, ok := v.Object().(runtime.FutureLike); ok {
		return f, nil
	}
	return loop.NewTaskValue(th, v, runtime.None)
}
