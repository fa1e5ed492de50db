package runtime

// This file defines Task: a coroutine driven step by step by the loop,
// mirroring CPython's Task.__step and __wakeup.

import "strings"

// Task is asyncio.Task: a Future whose result is that of a coroutine. The
// loop resumes the coroutine in steps; between steps it waits on a
// Waitable (woken by its done callback) or, after a bare yield, is
// rescheduled with call_soon.
//
// Invariant (as CPython's): while the task is not done, either waiter is
// nil and a step is scheduled, or waiter is set, its done callback is the
// task's wakeup, and no step is scheduled.
//
// A Task is 160 bytes: its default name Task-N is kept as the number N
// and formatted only when asked for.
type Task struct {
	Future
	coro       Coroutine
	waiter     Waitable
	name       string // the name given to create_task or set_name, if named
	num        int64  // N of the default name Task-N
	numCancels int32
	mustCancel bool
	named      bool // name holds the name (else it is Task-num)
}

// CoroutineDescriber is implemented by coroutines that can describe
// themselves for a Task's repr: the qualified name, the file and line
// where they are suspended (or, once finished, defined), and whether they
// finished.
type CoroutineDescriber interface {
	Describe() (qualname, file string, line int, finished bool)
}

// CreateTask wraps coro in a task and schedules its first step. An empty
// name gives the default Task-N (CreateNamedTask takes any name).
func (l *Loop) CreateTask(coro Coroutine, name string) *Task {
	if name != "" {
		return l.CreateNamedTask(coro, name)
	}
	t := &Task{coro: coro}
	*l.names++
	t.num = *l.names
	l.startTask(t)
	return t
}

// CreateNamedTask is CreateTask with the name name, even an empty one.
func (l *Loop) CreateNamedTask(coro Coroutine, name string) *Task {
	t := &Task{coro: coro, name: name, named: true}
	l.startTask(t)
	return t
}

// startTask schedules a new task's first step and registers it.
func (l *Loop) startTask(t *Task) {
	t.init(l, t)
	l.ready.push(t)
	l.register(t)
}

// Type implements Object.
func (t *Task) Type() *Type { return TaskType }

// Name returns the task's name.
func (t *Task) Name() string {
	if t.named {
		return t.name
	}
	return "Task-" + loopItoa(t.num)
}

// SetName renames the task.
func (t *Task) SetName(name string) { t.name, t.named = name, true }

// Coro returns the task's coroutine.
func (t *Task) Coro() Coroutine { return t.coro }

// Cancelling returns the number of pending cancellation requests.
func (t *Task) Cancelling() int { return int(t.numCancels) }

// Uncancel decrements the cancellation requests and returns what is left.
func (t *Task) Uncancel() int {
	if t.numCancels > 0 {
		t.numCancels--
	}
	return int(t.numCancels)
}

// canceller is a Waitable that can be cancelled (Future, Task).
type canceller interface {
	Cancel(msg Value) bool
}

// Cancel requests cancellation: CancelledError(msg) is thrown into the
// coroutine at its next step (the Waitable it awaits is cancelled, which
// wakes it). It returns false if the task is done.
func (t *Task) Cancel(msg Value) bool {
	t.logTraceback = false
	if t.Done() {
		return false
	}
	t.numCancels++
	if c, ok := t.waiter.(canceller); ok && c.Cancel(msg) {
		// Keep waiter: a task that ignores cancellation may need
		// cancelling again.
		return true
	}
	t.mustCancel = true
	t.result = msg // the cancel message while pending (see Future.result)
	return true
}

// step is Task.__step: resume the coroutine (throwing exc in, if set) and
// act on how it stopped.
func (t *Task) step(exc *Exception) {
	if t.Done() {
		return
	}
	if t.mustCancel {
		if exc == nil || !exc.Matches(CancelledError) {
			exc = t.MakeCancelledError()
		}
		t.mustCancel = false
	}
	t.waiter = nil
	l := t.loop
	prev := l.enterTask(t)
	v, done, err := t.coro.Resume(l.th, None, exc)
	l.leaveTask(prev)
	if done {
		t.finish(v, err)
		return
	}
	t.suspended(v)
}

// finish records the coroutine's outcome.
func (t *Task) finish(v Value, err error) {
	if err == nil {
		if t.mustCancel {
			// Cancelled right before the coroutine returned.
			t.mustCancel = false
			t.cancel(t.result)
			return
		}
		t.SetResult(v)
		return
	}
	e := AsException(err)
	switch {
	case e.Matches(CancelledError):
		t.exc = e // raised once by MakeCancelledError (see Future.exc)
		t.cancel(Value{})
	case isBaseError(e):
		t.SetException(e)
		t.loop.fatal = e
	default:
		t.SetException(e)
	}
}

// suspended handles what the coroutine yielded: a Waitable to wait on, or
// None (a bare yield) to run again on the next iteration.
func (t *Task) suspended(v Value) {
	l := t.loop
	if v.IsNull() || v.IsNone() {
		l.ready.push(t)
		return
	}
	w, ok := v.Object().(Waitable)
	switch {
	case !ok:
		r, _ := Repr(l.th, v)
		t.stepLater(Errorf(RuntimeError, "Task got bad yield: %s", r))
	case w == Waitable(t):
		t.stepLater(Errorf(RuntimeError, "Task cannot await on itself: %s", t.repr()))
	case foreignLoop(w, l):
		r, _ := Repr(l.th, v)
		t.stepLater(Errorf(RuntimeError, "Task %s got Future %s attached to a different loop", t.repr(), r))
	default:
		if f, ok := w.(FutureLike); ok {
			f.BaseFuture().addCallback(doneCallback{task: t})
		} else {
			w.AddDoneCallback(t.wakeup)
		}
		t.waiter = w
		if t.mustCancel {
			if c, ok := w.(canceller); ok && c.Cancel(t.result) {
				t.mustCancel = false
			}
		}
	}
}

// foreignLoop reports whether w is a future of another loop.
func foreignLoop(w Waitable, l *Loop) bool {
	f, ok := w.(FutureLike)
	return ok && f.BaseFuture().loop != l
}

// stepLater schedules a step that throws exc in.
func (t *Task) stepLater(exc *Exception) { t.loop.callSoon(func() { t.step(exc) }) }

// wakeup is Task.__wakeup: the awaited Waitable is done; step with its
// exception thrown in, or with nothing (the coroutine takes the result).
func (t *Task) wakeup() {
	w := t.waiter
	if w == nil {
		t.step(nil)
		return
	}
	if _, err := w.Result(t.loop.th); err != nil {
		t.step(AsException(err))
		return
	}
	t.step(nil)
}

// Repr implements HasRepr: <Task pending name='Task-1' coro=<main()
// running at x.pyish:5>>.
func (t *Task) Repr(th *Thread) (string, error) { return t.repr(), nil }

func (t *Task) repr() string {
	th := t.loop.th
	info := t.reprInfo(th)
	if t.numCancels > 0 && !t.Done() {
		info[0] = "cancelling"
	}
	extra := []string{"name=" + StrRepr(t.Name()), "coro=<" + describeCoro(th, t.coro) + ">"}
	if t.waiter != nil {
		r, _ := Repr(th, Obj(t.waiter))
		extra = append(extra, "wait_for="+r)
	}
	info = append(info[:1], append(extra, info[1:]...)...)
	return "<Task " + strings.Join(info, " ") + ">"
}

// describeCoro is CPython's _format_coroutine, for coroutines that
// implement CoroutineDescriber; others show their repr.
func describeCoro(th *Thread, c Coroutine) string {
	d, ok := c.(CoroutineDescriber)
	if !ok {
		r, _ := Repr(th, Obj(c))
		return r
	}
	name, file, line, finished := d.Describe()
	if finished {
		return name + "() done, defined at " + file + ":" + loopItoa(int64(line))
	}
	return name + "() running at " + file + ":" + loopItoa(int64(line))
}
