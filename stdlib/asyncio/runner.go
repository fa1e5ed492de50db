package asyncio

// This file defines asyncio.Runner and asyncio.run on top of it, as
// CPython 3.12's runners.py does.

import "github.com/pyish/pyish/runtime"

// RunnerType is asyncio.Runner.
var RunnerType = runtime.NewType("asyncio.runners.Runner", nil)

type runnerState uint8

const (
	runnerCreated runnerState = iota
	runnerInitialized
	runnerClosed
)

// Runner is asyncio.Runner: a loop made on first use, on which run runs
// coroutines, shut down by close.
type Runner struct {
	st    *state
	loop  *runtime.Loop
	state runnerState
}

func init() {
	RunnerType.Flags |= runtime.FlagFinal
	RunnerType.SetMethods(map[string]runtime.MethodFunc{
		"run": runnerMethod(func(th *runtime.Thread, r *Runner, args []runtime.Value, kw []string) (runtime.Value, error) {
			var coro runtime.Value
			ctx := runtime.None
			if err := runtime.UnpackArgs("run", args, kw, "coro", &coro, "context?", &ctx); err != nil {
				return runtime.Value{}, err
			}
			return r.run(th, coro)
		}),
		"get_loop": runnerMethod(func(th *runtime.Thread, r *Runner, args []runtime.Value, kw []string) (runtime.Value, error) {
			if err := r.lazyInit(th); err != nil {
				return runtime.Value{}, err
			}
			return runtime.Obj(r.loop), nil
		}),
		"close": runnerMethod(func(th *runtime.Thread, r *Runner, args []runtime.Value, kw []string) (runtime.Value, error) {
			return runtime.None, r.close(th)
		}),
		"__enter__": runnerMethod(func(th *runtime.Thread, r *Runner, args []runtime.Value, kw []string) (runtime.Value, error) {
			if err := r.lazyInit(th); err != nil {
				return runtime.Value{}, err
			}
			return runtime.Obj(r), nil
		}),
		"__exit__": runnerMethod(func(th *runtime.Thread, r *Runner, args []runtime.Value, kw []string) (runtime.Value, error) {
			return runtime.None, r.close(th)
		}),
	})
}

// newRunnerType gives the module's Runner type its constructor, bound to
// the module's state.
func (st *state) newRunner(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	debug, factory := runtime.None, runtime.None
	if err := runtime.UnpackArgs("Runner", args, kw, "debug?", &debug, "loop_factory?", &factory); err != nil {
		return runtime.Value{}, err
	}
	if !factory.IsNone() {
		return runtime.Value{}, runtime.Errorf(runtime.NotImplementedError, "Runner(loop_factory=...) is not supported")
	}
	return runtime.Obj(&Runner{st: st}), nil
}

func runnerMethod(body func(th *runtime.Thread, r *Runner, args []runtime.Value, kw []string) (runtime.Value, error)) runtime.MethodFunc {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
		r, ok := self.Object().(*Runner)
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "descriptor requires a 'Runner' object")
		}
		return body(th, r, args, kw)
	}
}

// Type implements runtime.Object.
func (r *Runner) Type() *runtime.Type { return RunnerType }

// lazyInit makes the loop and sets it as the thread's current one.
func (r *Runner) lazyInit(th *runtime.Thread) error {
	switch r.state {
	case runnerClosed:
		return runtime.Errorf(runtime.RuntimeError, "Runner is closed")
	case runnerInitialized:
		return nil
	}
	r.loop = runtime.NewLoop(th)
	th.Loop = r.loop
	r.st.ranLoop = nil
	r.state = runnerInitialized
	return nil
}

// run runs coro as the loop's main task until it is done. An interrupt
// cancels the task; run then raises KeyboardInterrupt, as CPython's
// SIGINT handler arranges.
func (r *Runner) run(th *runtime.Thread, coroVal runtime.Value) (runtime.Value, error) {
	coro, ok := coroVal.Object().(runtime.Coroutine)
	if !ok {
		s, err := runtime.Repr(th, coroVal)
		if err != nil {
			return runtime.Value{}, err
		}
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "a coroutine was expected, got %s", s)
	}
	if _, err := runtime.RunningLoop(th); err == nil {
		return runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "Runner.run() cannot be called from a running event loop")
	}
	if err := r.lazyInit(th); err != nil {
		return runtime.Value{}, err
	}
	loop := r.loop
	task := loop.CreateTask(coro, "")
	var interrupt *runtime.Exception
	loop.OnInterrupt = func(exc *runtime.Exception) error {
		if interrupt == nil && !task.Done() {
			interrupt = exc
			task.Cancel(runtime.None)
			return nil
		}
		return exc
	}
	v, err := loop.RunUntilComplete(runtime.Obj(task))
	loop.OnInterrupt = nil
	if matches(err, runtime.CancelledError) && interrupt != nil && task.Uncancel() == 0 {
		// CPython raises a new KeyboardInterrupt; the interrupt's own
		// exception keeps what the embedder put in it.
		err = interrupt
	}
	return v, err
}

// close cancels the tasks left, lets them finish, and closes the loop;
// an error is the interrupt that cut the shutdown short.
// Like CPython's (set_event_loop(None)) it leaves no usable current
// loop; the closed one stays th.Loop so the next loop continues its task
// names and virtual-time setting.
func (r *Runner) close(th *runtime.Thread) error {
	if r.state != runnerInitialized {
		return nil
	}
	err := r.st.shutdown(th, r.loop)
	if th.Loop == r.loop {
		r.st.ranLoop = r.loop
	}
	r.loop = nil
	r.state = runnerClosed
	return err
}

// loop_shutdown_asyncgens is loop.shutdown_asyncgens().
func loop_shutdown_asyncgens(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
	loop, ok := self.Object().(*runtime.Loop)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "descriptor 'shutdown_asyncgens' requires an event loop")
	}
	if err := runtime.UnpackArgs("shutdown_asyncgens", args, kw); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(shutdownAsyncgens(loop)), nil
}

// shutdownAsyncgens returns the coroutine of loop.shutdown_asyncgens():
// the async generators that started while the loop ran and have not
// ended are closed together, as gather(*(g.aclose() for g in gens),
// return_exceptions=True), oldest first (CPython's order is that of a
// weak set); an Exception one of them ends with goes to the exception
// handler.
func shutdownAsyncgens(loop *runtime.Loop) runtime.Coroutine {
	var gens []runtime.AsyncGen
	var tasks []*runtime.Task
	return newGoCoro("BaseEventLoop.shutdown_asyncgens", func(th *runtime.Thread, v runtime.Value, err error) next {
		if tasks != nil {
			reportAsyncgenErrors(th, loop, gens, tasks)
			return finish(runtime.None, err)
		}
		gens = loop.TakeAsyncGens()
		if len(gens) == 0 {
			return finishWith(runtime.None)
		}
		vals := make([]runtime.Value, len(gens))
		tasks = make([]*runtime.Task, len(gens))
		for i, g := range gens {
			tasks[i] = loop.CreateTask(g.ACloseCoroutine(), "")
			vals[i] = runtime.Obj(tasks[i])
		}
		outer, err := gatherFutures(th, loop, vals, true)
		if err != nil {
			return fail(err)
		}
		return awaitOn(outer)
	})
}

// reportAsyncgenErrors hands the exceptions (not BaseExceptions) the
// aclose calls ended with to the loop's exception handler.
func reportAsyncgenErrors(th *runtime.Thread, loop *runtime.Loop, gens []runtime.AsyncGen, tasks []*runtime.Task) {
	for i, t := range tasks {
		if t.Cancelled() {
			continue
		}
		e, _ := t.Exception()
		if e == nil || !e.Matches(runtime.Exception_) {
			continue
		}
		r, err := runtime.Repr(th, runtime.Obj(gens[i]))
		if err != nil {
			r = "<async_generator>"
		}
		loop.ReportException("an error occurred during closing of asynchronous generator "+r, e, runtime.ContextItem{Key: "asyncgen", Value: runtime.Obj(gens[i])})
	}
}
