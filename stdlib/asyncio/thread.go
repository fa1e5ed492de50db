package asyncio

// This file defines asyncio.to_thread and the loop's default executor:
// run_in_executor(None, ...) and shutdown_default_executor, with
// CPython's scheduling: the call starts when it is submitted and its
// outcome reaches the future through a callback posted to the loop (one
// iteration later), as concurrent.futures' done callback posts it with
// call_soon_threadsafe.
//
// A function whose runtime.BuiltinFunction carries an Offload split (the
// root package's Go host functions, time.sleep) runs on a goroutine of
// its own. Anything else — a pyish function, a method, a builtin that
// touches pyish objects — runs on the loop's goroutine at submission,
// since pyish objects are not goroutine-safe: the loop is blocked while
// it runs, but what it prints comes in CPython's order for the common
// scripts.

import (
	"context"
	"io"

	"github.com/pyish/pyish/runtime"
)

func init() {
	runtime.LoopType.SetMethods(map[string]runtime.MethodFunc{
		"run_in_executor":           loop_run_in_executor,
		"shutdown_default_executor": loop_shutdown_default_executor,
		"shutdown_asyncgens":        loop_shutdown_asyncgens,
	})
}

// toThread is asyncio.to_thread(func, /, *args, **kwargs): a coroutine
// that, when it first runs, submits the call to the default executor and
// awaits its outcome.
func toThread(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	if len(args)-len(kw) < 1 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "to_thread() missing 1 required positional argument: 'func'")
	}
	fn := args[0]
	rest := append([]runtime.Value(nil), args[1:]...)
	kwnames := append([]string(nil), kw...)
	submitted := false
	return runtime.Obj(newGoCoro("to_thread", func(th *runtime.Thread, v runtime.Value, err error) next {
		if submitted {
			return finish(v, err)
		}
		submitted = true
		loop, err := runtime.RunningLoop(th)
		if err != nil {
			return fail(err)
		}
		fut, err := submitDefault(th, loop, fn, rest, kwnames)
		if err != nil {
			return fail(err)
		}
		return awaitOn(fut)
	})), nil
}

// loop_run_in_executor is loop.run_in_executor(executor, func, *args);
// only the default executor (None) exists.
func loop_run_in_executor(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
	loop, ok := self.Object().(*runtime.Loop)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "descriptor 'run_in_executor' requires an event loop")
	}
	if len(kw) > 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "BaseEventLoop.run_in_executor() got an unexpected keyword argument '%s'", kw[0])
	}
	if len(args) < 2 {
		missing := "'executor' and 'func'"
		if len(args) == 1 {
			missing = "'func'"
		}
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "BaseEventLoop.run_in_executor() missing %d required positional argument%s: %s", 2-len(args), plural(2-len(args)), missing)
	}
	if loop.IsClosed() {
		return runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "Event loop is closed")
	}
	if !args[0].IsNone() {
		return runtime.Value{}, runtime.Errorf(runtime.NotImplementedError, "run_in_executor() supports only the default executor (None)")
	}
	fut, err := submitDefault(th, loop, args[1], append([]runtime.Value(nil), args[2:]...), nil)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(fut), nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// submitDefault submits fn(*args, **kwargs) to loop's default executor
// and returns the future of its outcome.
func submitDefault(th *runtime.Thread, loop *runtime.Loop, fn runtime.Value, args []runtime.Value, kwnames []string) (*runtime.Future, error) {
	if err := loop.UseExecutor(); err != nil {
		return nil, err
	}
	fut := runtime.NewFuture(loop)
	if b, ok := fn.Object().(*runtime.BuiltinFunction); ok && b.Offload != nil {
		work, err := b.Offload(th, args, kwnames)
		if err != nil {
			postOutcome(loop, fut, runtime.Value{}, err)
			return fut, nil
		}
		if work != nil {
			offload(loop, fut, work)
			return fut, nil
		}
	}
	v, err := runtime.Call(th, fn, args, kwnames)
	postOutcome(loop, fut, v, err)
	return fut, nil
}

// postOutcome completes fut with v or err on the next iteration, unless
// it was cancelled meanwhile.
func postOutcome(loop *runtime.Loop, fut *runtime.Future, v runtime.Value, err error) {
	loop.CallSoon(func() { setOutcome(fut, v, err) })
}

func setOutcome(fut *runtime.Future, v runtime.Value, err error) {
	switch {
	case fut.Done():
	case err != nil:
		fut.SetException(err)
	default:
		fut.SetResult(v)
	}
}

// offload runs work on its own goroutine and completes fut with its
// outcome through the loop's thread-safe door. The call counts as
// pending work until it has posted back (so virtual time waits for it,
// and shutdown_default_executor too, even when fut was cancelled:
// CPython cannot stop a running thread either); cancelling fut cancels
// work's context.
func offload(loop *runtime.Loop, fut *runtime.Future, work func(ctx context.Context) func() (runtime.Value, error)) {
	ctx, cancel := context.WithCancel(context.Background())
	fut.AddDoneCallback(func() {
		if fut.Cancelled() {
			cancel()
		}
	})
	loop.OffloadStarted()
	go func() {
		build := work(ctx)
		loop.CallSoonThreadsafe(func() {
			defer cancel()
			loop.OffloadDone()
			if fut.Done() {
				return
			}
			v, err := build()
			setOutcome(fut, v, err)
		})
	}()
}

// loop_shutdown_default_executor is loop.shutdown_default_executor(
// timeout=None).
func loop_shutdown_default_executor(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
	loop, ok := self.Object().(*runtime.Loop)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "descriptor 'shutdown_default_executor' requires an event loop")
	}
	timeout := runtime.None
	if err := runtime.UnpackArgs("shutdown_default_executor", args, kw, "timeout?", &timeout); err != nil {
		return runtime.Value{}, err
	}
	c, err := shutdownDefaultExecutor(th, loop, timeout)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(c), nil
}

// shutdownDefaultExecutor returns the coroutine of
// shutdown_default_executor: it waits until the offloaded calls in
// flight have posted back, and later submissions raise RuntimeError.
// After timeout seconds (None: no limit) it stops waiting with CPython's
// RuntimeWarning.
func shutdownDefaultExecutor(th *runtime.Thread, loop *runtime.Loop, timeout runtime.Value) (runtime.Coroutine, error) {
	var secs float64
	var shown string
	if !timeout.IsNone() {
		var err error
		if secs, err = runtime.ToFloat(th, timeout); err != nil {
			return nil, err
		}
		if shown, err = runtime.StrOf(th, timeout); err != nil {
			return nil, err
		}
	}
	started := false
	var timer *runtime.Handle
	return newGoCoro("BaseEventLoop.shutdown_default_executor", func(th *runtime.Thread, v runtime.Value, err error) next {
		if started {
			if timer != nil {
				timer.Cancel()
			}
			return finish(runtime.None, err)
		}
		started = true
		if !loop.ShutdownExecutor() {
			return finishWith(runtime.None)
		}
		fut := runtime.NewFuture(loop)
		loop.WhenOffloadsIdle(func() { postOutcome(loop, fut, runtime.None, nil) })
		if !timeout.IsNone() {
			timer = loop.CallAt(loop.Time()+secs, func() {
				if !fut.Done() {
					io.WriteString(th.Stderr, "RuntimeWarning: The executor did not finishing joining its threads within "+shown+" seconds.\n")
					fut.SetResult(runtime.None)
				}
			})
		}
		return awaitOn(fut)
	}), nil
}
