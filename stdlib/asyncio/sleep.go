package asyncio

// This file defines asyncio.sleep.

import (
	"fmt"

	"github.com/pyish/pyish/runtime"
)

// sleepCoro is the coroutine asyncio.sleep returns. A delay <= 0
// suspends for exactly one loop iteration with a bare yield (CPython's
// __sleep0); otherwise it waits on a future that a timer completes. It is
// a struct of its own, not a goCoro, because sleep(0) is the hottest
// await there is.
type sleepCoro struct {
	delay  float64
	result runtime.Value
	state  uint8 // 0 new, 1 suspended, 2 finished
	fut    *runtime.Future
	timer  *runtime.Handle
}

// sleep is asyncio.sleep(delay, result=None).
func sleep(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	if len(args) == 1 && len(kw) == 0 && args[0].IsInt() { // the fast path: sleep(0)
		if args[0].AsInt() <= 0 {
			return runtime.Obj(new(sleep0)), nil
		}
		return runtime.Obj(&sleepCoro{delay: float64(args[0].AsInt()), result: runtime.None}), nil
	}
	var delayArg runtime.Value
	result := runtime.None
	if err := runtime.UnpackArgs("sleep", args, kw, "delay", &delayArg, "result?", &result); err != nil {
		return runtime.Value{}, err
	}
	delay, err := runtime.ToFloat(th, delayArg)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(&sleepCoro{delay: delay, result: result}), nil
}

// Type implements runtime.Object.
func (s *sleepCoro) Type() *runtime.Type { return goCoroType }

// Repr implements runtime.HasRepr.
func (s *sleepCoro) Repr(th *runtime.Thread) (string, error) {
	return fmt.Sprintf("<coroutine object sleep at %p>", s), nil
}

// Describe implements runtime.CoroutineDescriber.
func (s *sleepCoro) Describe() (qualname, file string, line int, finished bool) {
	return "sleep", "asyncio/tasks.py", 1, s.state == 2
}

// Resume implements runtime.Coroutine.
func (s *sleepCoro) Resume(th *runtime.Thread, send runtime.Value, exc *runtime.Exception) (runtime.Value, bool, error) {
	switch s.state {
	case 0:
		if exc != nil {
			s.state = 2
			return runtime.Value{}, true, exc
		}
		return s.start(th)
	case 1:
		if exc == nil && s.fut != nil && !s.fut.Done() { // woken early: keep waiting
			return runtime.Obj(s.fut), false, nil
		}
		s.state = 2
		if s.timer != nil {
			s.timer.Cancel()
		}
		if exc != nil {
			return runtime.Value{}, true, exc
		}
		return s.result, true, nil
	}
	if exc != nil {
		return runtime.Value{}, true, exc
	}
	return runtime.Value{}, true, runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited coroutine")
}

// start is the first step: a bare yield, or a timer and the future it
// completes.
func (s *sleepCoro) start(th *runtime.Thread) (runtime.Value, bool, error) {
	s.state = 1
	if s.delay <= 0 {
		return runtime.None, false, nil
	}
	loop, err := runtime.RunningLoop(th)
	if err != nil {
		s.state = 2
		return runtime.Value{}, true, err
	}
	f := runtime.NewFuture(loop)
	result := s.result
	s.fut = f
	s.timer = loop.CallAt(loop.Time()+s.delay, func() {
		if !f.Cancelled() {
			f.SetResult(result)
		}
	})
	return runtime.Obj(f), false, nil
}

// Close implements runtime.Coroutine.
func (s *sleepCoro) Close(th *runtime.Thread) error {
	if s.timer != nil {
		s.timer.Cancel()
	}
	s.state = 2
	return nil
}

// sleep0 is the coroutine of sleep(n) for an int n <= 0: one bare yield,
// then None. It is one byte without pointers (the allocator packs such
// objects 16 to a block and the collector never scans them), because
// `await asyncio.sleep(0)` is how tasks take turns.
type sleep0 coroState

// Type implements runtime.Object.
func (s *sleep0) Type() *runtime.Type { return goCoroType }

// Repr implements runtime.HasRepr.
func (s *sleep0) Repr(th *runtime.Thread) (string, error) {
	return fmt.Sprintf("<coroutine object sleep at %p>", s), nil
}

// Describe implements runtime.CoroutineDescriber.
func (s *sleep0) Describe() (qualname, file string, line int, finished bool) {
	return "sleep", "asyncio/tasks.py", 1, coroState(*s) == coroDone
}

// Resume implements runtime.Coroutine.
func (s *sleep0) Resume(th *runtime.Thread, send runtime.Value, exc *runtime.Exception) (runtime.Value, bool, error) {
	switch coroState(*s) {
	case coroNew:
		if exc != nil {
			*s = sleep0(coroDone)
			return runtime.Value{}, true, exc
		}
		*s = sleep0(coroWaiting)
		return runtime.None, false, nil
	case coroWaiting:
		*s = sleep0(coroDone)
		if exc != nil {
			return runtime.Value{}, true, exc
		}
		return runtime.None, true, nil
	}
	if exc != nil {
		return runtime.Value{}, true, exc
	}
	return runtime.Value{}, true, runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited coroutine")
}

// Close implements runtime.Coroutine.
func (s *sleep0) Close(th *runtime.Thread) error {
	*s = sleep0(coroDone)
	return nil
}

// AwaitState implements runtime.AwaitState.
func (s *sleepCoro) AwaitState() (string, bool) { return "sleep", s.state != 0 }

// AwaitState implements runtime.AwaitState.
func (s *sleep0) AwaitState() (string, bool) { return "sleep", coroState(*s) != coroNew }
