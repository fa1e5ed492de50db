package asyncio

// This file defines asyncio.sleep.

import "github.com/pyish/pyish/runtime"

// sleep is asyncio.sleep(delay, result=None). A delay <= 0 suspends for
// exactly one loop iteration with a bare yield (CPython's __sleep0);
// otherwise the coroutine waits on a future that a timer completes.
func sleep(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	var delayArg runtime.Value
	result := runtime.None
	if err := runtime.UnpackArgs("sleep", args, kw, "delay", &delayArg, "result?", &result); err != nil {
		return runtime.Value{}, err
	}
	delay, err := runtime.ToFloat(th, delayArg)
	if err != nil {
		return runtime.Value{}, err
	}
	var fut *runtime.Future
	var timer *runtime.Handle
	started := false
	return runtime.Obj(newGoCoro("sleep", func(th *runtime.Thread, v runtime.Value, err error) next {
		if !started {
			started = true
			if delay <= 0 {
				return yieldOnce()
			}
			loop, err := runtime.RunningLoop(th)
			if err != nil {
				return fail(err)
			}
			fut = runtime.NewFuture(loop)
			f := fut
			timer = loop.CallAt(loop.Time()+delay, func() {
				if !f.Cancelled() {
					f.SetResult(result)
				}
			})
			return awaitOn(fut)
		}
		if timer != nil {
			timer.Cancel()
		}
		if err != nil {
			return fail(err)
		}
		return finishWith(result)
	})), nil
}
