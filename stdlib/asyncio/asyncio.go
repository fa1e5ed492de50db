package asyncio

// This file builds the module and defines its loop and task functions:
// run, the event loop policy (get_event_loop, set_event_loop, …),
// create_task, ensure_future, current_task, all_tasks and the predicates.

import (
	"io"

	"github.com/pyish/pyish/runtime"
)

// Constants of asyncio.wait's return_when (CPython takes them from
// concurrent.futures, where they are these strings).
const (
	firstCompleted = "FIRST_COMPLETED"
	firstException = "FIRST_EXCEPTION"
	allCompleted   = "ALL_COMPLETED"
)

// state is the per-thread state of the module.
type state struct {
	// ranLoop is the closed loop asyncio.run left as th.Loop: after run,
	// get_event_loop() raises, as CPython's does once run has reset the
	// policy's loop.
	ranLoop *runtime.Loop
}

// builtinFunc is the Go body of a module function.
type builtinFunc = func(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error)

// Module returns the asyncio module for th.
func Module(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("asyncio")
	st := &state{}
	funcs := map[string]builtinFunc{
		"run":                 st.run,
		"get_event_loop":      st.getEventLoop,
		"get_running_loop":    getRunningLoop,
		"new_event_loop":      newEventLoop,
		"set_event_loop":      st.setEventLoop,
		"create_task":         createTask,
		"ensure_future":       st.ensureFutureFunc,
		"current_task":        currentTask,
		"all_tasks":           allTasks,
		"iscoroutine":         isCoroutine,
		"iscoroutinefunction": isCoroutineFunction,
		"isfuture":            isFuture,
		"sleep":               sleep,
		"gather":              st.gather,
		"shield":              st.shield,
		"wait":                wait,
		"wait_for":            waitFor,
		"as_completed":        st.asCompleted,
		"timeout":             timeout,
		"timeout_at":          timeoutAt,
		"to_thread":           toThread,
	}
	for name, fn := range funcs {
		m.Dict.SetStr(name, runtime.NewBuiltin(name, fn))
	}
	m.Dict.SetStr("Runner", runtime.NewBuiltin("Runner", st.newRunner))
	for name, t := range map[string]*runtime.Type{
		"Future":            runtime.FutureType,
		"Task":              runtime.TaskType,
		"Handle":            runtime.HandleType,
		"TimerHandle":       runtime.TimerHandleType,
		"AbstractEventLoop": runtime.LoopType,
		"CancelledError":    runtime.CancelledError,
		"InvalidStateError": runtime.InvalidStateError,
		"TimeoutError":      runtime.TimeoutError,
		"Timeout":           TimeoutType,
		"TaskGroup":         TaskGroupType,
	} {
		m.Dict.SetStr(name, runtime.Obj(t))
	}
	for _, c := range []string{firstCompleted, firstException, allCompleted} {
		m.Dict.SetStr(c, runtime.Str(c))
	}
	InstallSync(th, m)
	return m
}

// eventLoop is CPython's events._get_event_loop(): the running loop, else
// the thread's current loop, else a new one made current (with
// DeprecationWarning, as 3.12 does).
func (st *state) eventLoop(th *runtime.Thread) (*runtime.Loop, error) {
	if l, err := runtime.RunningLoop(th); err == nil {
		return l, nil
	}
	if th.Loop != nil {
		if th.Loop == st.ranLoop {
			return nil, runtime.Errorf(runtime.RuntimeError, "There is no current event loop in thread 'MainThread'.")
		}
		return th.Loop, nil
	}
	if th.Stderr != nil {
		io.WriteString(th.Stderr, "DeprecationWarning: There is no current event loop\n")
	}
	th.Loop = runtime.NewLoop(th)
	return th.Loop, nil
}

func (st *state) getEventLoop(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	if err := runtime.UnpackArgs("get_event_loop", args, kw); err != nil {
		return runtime.Value{}, err
	}
	l, err := st.eventLoop(th)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(l), nil
}

func getRunningLoop(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	if err := runtime.UnpackArgs("get_running_loop", args, kw); err != nil {
		return runtime.Value{}, err
	}
	l, err := runtime.RunningLoop(th)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(l), nil
}

func newEventLoop(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	if err := runtime.UnpackArgs("new_event_loop", args, kw); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(runtime.NewLoop(th)), nil
}

func (st *state) setEventLoop(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	var v runtime.Value
	if err := runtime.UnpackArgs("set_event_loop", args, kw, "loop", &v); err != nil {
		return runtime.Value{}, err
	}
	st.ranLoop = nil
	if v.IsNone() {
		th.Loop = nil
		return runtime.None, nil
	}
	l, ok := v.Object().(*runtime.Loop)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "loop must be an instance of AbstractEventLoop or None, not '%s'", v.Type().Name)
	}
	th.Loop = l
	return runtime.None, nil
}

// run is asyncio.run(main): main runs as a task on a new loop, which is
// then shut down (CPython: `with Runner() as r: return r.run(main)`).
func (st *state) run(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	var main runtime.Value
	debug := runtime.None
	if err := runtime.UnpackArgs("run", args, kw, "main", &main, "debug?", &debug); err != nil {
		return runtime.Value{}, err
	}
	if _, err := runtime.RunningLoop(th); err == nil {
		return runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "asyncio.run() cannot be called from a running event loop")
	}
	r := &Runner{st: st}
	v, err := r.run(th, main)
	if cerr := r.close(th); err == nil && cerr != nil {
		return runtime.Value{}, cerr
	}
	return v, err
}

// shutdown is Runner.close: cancel the tasks left and let them finish
// (reporting the exceptions they end with), close the async generators
// left (shutdown_asyncgens), wait for the default executor
// (shutdown_default_executor), and close the loop. Each of the last two
// runs as a task, as CPython's run_until_complete(coro) does. An
// interrupt (KeyboardInterrupt) ends the shutdown and is returned, as
// Ctrl-C raises out of CPython's: it may be waiting for an offloaded
// call that never returns.
func (st *state) shutdown(th *runtime.Thread, loop *runtime.Loop) error {
	defer loop.Close()
	loop.OnInterrupt = func(exc *runtime.Exception) error { return exc }
	defer func() { loop.OnInterrupt = nil }()
	if err := cancelAllTasks(th, loop); err != nil {
		return interruption(err)
	}
	if _, err := loop.RunUntilComplete(runtime.Obj(shutdownAsyncgens(loop))); err != nil {
		return interruption(err)
	}
	c, err := shutdownDefaultExecutor(th, loop, runtime.Int(300)) // CPython's THREAD_JOIN_TIMEOUT
	if err != nil {
		return nil
	}
	_, err = loop.RunUntilComplete(runtime.Obj(c))
	return interruption(err)
}

// interruption returns err if it is a KeyboardInterrupt or SystemExit
// (which end a shutdown early), else nil.
func interruption(err error) error {
	if matches(err, runtime.KeyboardInterrupt) || matches(err, runtime.SystemExit) {
		return err
	}
	return nil
}

// cancelAllTasks is CPython's runners._cancel_all_tasks.
func cancelAllTasks(th *runtime.Thread, loop *runtime.Loop) error {
	left := loop.AllTasks()
	if len(left) == 0 {
		return nil
	}
	vals := make([]runtime.Value, len(left))
	for i, t := range left {
		t.Cancel(runtime.None)
		vals[i] = runtime.Obj(t)
	}
	outer, err := gatherFutures(th, loop, vals, true)
	if err != nil {
		return err
	}
	if _, err := loop.RunUntilComplete(runtime.Obj(outer)); err != nil {
		return err
	}
	for _, t := range left {
		if t.Cancelled() {
			continue
		}
		if e, _ := t.Exception(); e != nil {
			loop.ReportException("unhandled exception during asyncio.run() shutdown", e, runtime.ContextItem{Key: "task", Value: runtime.Obj(t)})
		}
	}
	return nil
}

func createTask(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	coro, name, err := createTaskArgs(args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	l, err := runtime.RunningLoop(th)
	if err != nil {
		if c, ok := coro.Object().(runtime.Coroutine); ok {
			c.Close(th)
		}
		return runtime.Value{}, err
	}
	t, err := newTaskThenName(th, l, coro, name)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(t), nil
}

// newTaskThenName is how asyncio.create_task and TaskGroup.create_task
// make a task in CPython 3.12: loop.create_task(coro), which takes the
// next Task-N number, then set_name(name) unless name is None.
func newTaskThenName(th *runtime.Thread, l *runtime.Loop, coro, name runtime.Value) (*runtime.Task, error) {
	t, err := l.NewTaskValue(th, coro, runtime.None)
	if err != nil || name.IsNone() {
		return t, err
	}
	s, err := runtime.StrOf(th, name)
	if err != nil {
		return nil, err
	}
	t.SetName(s)
	return t, nil
}

// createTaskArgs unpacks create_task(coro, *, name=None, context=None),
// without UnpackArgs's allocations in the common create_task(coro).
func createTaskArgs(args []runtime.Value, kw []string) (coro, name runtime.Value, err error) {
	if len(args) == 1 && len(kw) == 0 {
		return args[0], runtime.None, nil
	}
	return unpackCreateTask(args, kw)
}

// unpackCreateTask is createTaskArgs's general case, apart so that the
// common case's results do not escape to the heap.
func unpackCreateTask(args []runtime.Value, kw []string) (coro, name runtime.Value, err error) {
	name, ctx := runtime.None, runtime.None
	err = runtime.UnpackArgs("create_task", args, kw, "coro", &coro, "name?", &name, "context?", &ctx)
	return coro, name, err
}

// ensureFuture is asyncio.ensure_future: futures and tasks are returned
// as they are, coroutines are wrapped in a task on loop (nil: the
// current one).
func (st *state) ensureFuture(th *runtime.Thread, v runtime.Value, loop *runtime.Loop) (runtime.FutureLike, error) {
	switch o := v.Object().(type) {
	case runtime.FutureLike:
		if loop != nil && o.BaseFuture().Loop() != loop {
			return nil, runtime.Errorf(runtime.ValueError, "The future belongs to a different loop than the one specified as the loop argument")
		}
		return o, nil
	case runtime.Coroutine:
		if loop == nil {
			var err error
			if loop, err = st.eventLoop(th); err != nil {
				return nil, err
			}
		}
		return loop.NewTaskValue(th, v, runtime.None)
	}
	c, err := wrapAwaitable(th, v)
	if err != nil {
		return nil, runtime.Errorf(runtime.TypeError, "An asyncio.Future, a coroutine or an awaitable is required")
	}
	if loop == nil {
		if loop, err = st.eventLoop(th); err != nil {
			return nil, err
		}
	}
	return loop.CreateTask(c, ""), nil
}

func (st *state) ensureFutureFunc(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	var v runtime.Value
	loopArg := runtime.None
	if err := runtime.UnpackArgs("ensure_future", args, kw, "coro_or_future", &v, "loop?", &loopArg); err != nil {
		return runtime.Value{}, err
	}
	loop, _ := loopArg.Object().(*runtime.Loop)
	f, err := st.ensureFuture(th, v, loop)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(f), nil
}

// loopArg returns the loop= argument, or the running loop.
func loopArg(th *runtime.Thread, v runtime.Value) (*runtime.Loop, error) {
	if l, ok := v.Object().(*runtime.Loop); ok {
		return l, nil
	}
	return runtime.RunningLoop(th)
}

func currentTask(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	v := runtime.None
	if err := runtime.UnpackArgs("current_task", args, kw, "loop?", &v); err != nil {
		return runtime.Value{}, err
	}
	l, err := loopArg(th, v)
	if err != nil {
		return runtime.Value{}, err
	}
	if t := l.CurrentTask(); t != nil {
		return runtime.Obj(t), nil
	}
	return runtime.None, nil
}

func allTasks(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	v := runtime.None
	if err := runtime.UnpackArgs("all_tasks", args, kw, "loop?", &v); err != nil {
		return runtime.Value{}, err
	}
	l, err := loopArg(th, v)
	if err != nil {
		return runtime.Value{}, err
	}
	tasks := l.AllTasks()
	items := make([]runtime.Value, len(tasks))
	for i, t := range tasks {
		items[i] = runtime.Obj(t)
	}
	s, err := runtime.NewSet(th, items)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(s), nil
}

func oneArg(fname string, args []runtime.Value, kw []string) (runtime.Value, error) {
	var v runtime.Value
	err := runtime.UnpackArgs(fname, args, kw, "obj", &v)
	return v, err
}

func isCoroutine(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	v, err := oneArg("iscoroutine", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	_, ok := v.Object().(runtime.Coroutine)
	return runtime.Bool(ok), nil
}

func isFuture(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	v, err := oneArg("isfuture", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	_, ok := v.Object().(runtime.FutureLike)
	return runtime.Bool(ok), nil
}

// isCoroutineFunction is asyncio.iscoroutinefunction: async def functions,
// also seen through bound methods (__func__).
func isCoroutineFunction(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	v, err := oneArg("iscoroutinefunction", args, kw)
	if err != nil {
		return runtime.Value{}, err
	}
	for i := 0; i < 2; i++ {
		if f, ok := v.Object().(interface{ IsCoroutineFunction() bool }); ok {
			return runtime.Bool(f.IsCoroutineFunction()), nil
		}
		if v.IsInline() {
			break
		}
		if v, err = runtime.GetAttr(th, v, "__func__"); err != nil {
			break
		}
	}
	return runtime.False, nil
}
