package runtime

import (
	"strings"
	"testing"
	"time"
)

// sleeper returns a coroutine that sleeps d like asyncio.sleep (a future
// completed by a timer; a bare yield for d == 0), logging around it.
func sleeper(l *Loop, log *[]string, name string, d time.Duration) *stepCoro {
	var h *Handle
	return coro(func(n int, exc *Exception) (Value, bool, error) {
		switch n {
		case 0:
			logf(log, "%s start", name)
			if d == 0 {
				return yieldNone()
			}
			f := NewFuture(l)
			h = l.CallLater(d, func() {
				if !f.Cancelled() {
					f.SetResult(None)
				}
			})
			return yieldOn(f)
		default:
			if h != nil {
				h.Cancel()
			}
			if exc != nil {
				logf(log, "%s got %s%v", name, exc.Type().Name, argStrings(exc))
				return raises(exc)
			}
			logf(log, "%s end", name)
			return returns(Str(name))
		}
	})
}

// argStrings returns the str of e's args.
func argStrings(e *Exception) []string {
	var out []string
	for _, a := range e.Args {
		s, _ := AsString(a)
		out = append(out, s)
	}
	return out
}

// gatherAll is a minimal gather: a future done when all ws are.
func gatherAll(l *Loop, ws ...Waitable) *Future {
	outer := NewFuture(l)
	left := len(ws)
	for _, w := range ws {
		w.AddDoneCallback(func() {
			if left--; left == 0 {
				outer.SetResult(None)
			}
		})
	}
	return outer
}

func TestFutureCallbacks(t *testing.T) {
	l, log := newTestLoop(true)
	f := NewFuture(l)
	if _, err := f.Result(l.th); err == nil || !AsException(err).Matches(InvalidStateError) {
		t.Fatalf("Result of pending future: %v", err)
	}
	f.AddDoneCallback(func() { logf(log, "cb1") })
	f.AddDoneCallback(func() { logf(log, "cb2") })
	f.AddDoneCallbackKey(func() { logf(log, "removed") }, "k")
	if n := f.RemoveDoneCallback("k"); n != 1 {
		t.Fatalf("removed %d", n)
	}
	l.CallSoon(func() {
		f.SetResult(Int(42))
		logf(log, "set")
		f.AddDoneCallback(func() { logf(log, "cb3 after done"); l.Stop() })
	})
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	wantLog(t, *log, "set", "cb1", "cb2", "cb3 after done")
	if v, err := f.Result(l.th); err != nil || v.AsInt() != 42 {
		t.Fatalf("Result = %v, %v", v, err)
	}
	if err := f.SetResult(None); err == nil {
		t.Fatal("SetResult twice: no error")
	}
	g := NewFuture(l)
	if !g.Cancel(Str("why")) || g.Cancel(None) || !g.Cancelled() {
		t.Fatal("Cancel")
	}
	_, err := g.Result(l.th)
	if e := AsException(err); !e.Matches(CancelledError) || len(e.Args) != 1 {
		t.Fatalf("Result of cancelled future: %v", err)
	}
}

// TestTaskRoundRobin mirrors asyncio_basics/round_robin_sleep0: three
// workers with sleep(0) steps and a main that ticks once, then gathers.
func TestTaskRoundRobin(t *testing.T) {
	l, log := newTestLoop(true)
	worker := func(name string, steps int) *stepCoro {
		return coro(func(n int, exc *Exception) (Value, bool, error) {
			if n < steps {
				logf(log, "%s%d", name, n)
				return yieldNone()
			}
			logf(log, "%s-end", name)
			return returns(Str(name))
		})
	}
	var tasks []Waitable
	var outer *Future
	main := coro(func(n int, exc *Exception) (Value, bool, error) {
		switch n {
		case 0:
			for _, w := range []struct {
				name  string
				steps int
			}{{"a", 3}, {"b", 1}, {"c", 2}} {
				tasks = append(tasks, l.CreateTask(worker(w.name, w.steps), ""))
			}
			logf(log, "main-created")
			return yieldNone()
		case 1:
			logf(log, "main-tick")
			outer = gatherAll(l, tasks...)
			return yieldOn(outer)
		}
		logf(log, "main-end")
		return returns(Int(7))
	})
	v, err := l.RunUntilComplete(Obj(main))
	if err != nil || v.AsInt() != 7 {
		t.Fatalf("RunUntilComplete = %v, %v", v, err)
	}
	wantLog(t, *log, "main-created", "a0", "b0", "c0", "main-tick", "a1", "b-end", "c1", "a2", "c-end", "a-end", "main-end")
}

// TestSchedulingOrder mirrors asyncio_tasks/scheduling_order.
func TestSchedulingOrder(t *testing.T) {
	l, log := newTestLoop(true)
	body := coro(func(n int, exc *Exception) (Value, bool, error) {
		if n == 0 {
			logf(log, "task step 1")
			return yieldNone()
		}
		logf(log, "task step 2")
		return returns(None)
	})
	var last *Future
	main := coro(func(n int, exc *Exception) (Value, bool, error) {
		switch n {
		case 0:
			l.CallSoon(func() { logf(log, "soon A") })
			l.CreateTask(body, "")
			l.CallSoon(func() { logf(log, "soon B") })
			last = NewFuture(l)
			l.CallAt(l.Time()+0.04, func() { logf(log, "at +40ms"); last.SetResult(None) })
			l.CallLater(10*time.Millisecond, func() { logf(log, "later 10ms") })
			l.CallLater(20*time.Millisecond, func() { l.CallSoon(func() { logf(log, "chained soon") }) })
			return yieldNone()
		case 1:
			logf(log, "main after sleep(0)")
			return yieldOn(last)
		}
		return returns(None)
	})
	if _, err := l.RunUntilComplete(Obj(main)); err != nil {
		t.Fatal(err)
	}
	wantLog(t, *log, "soon A", "task step 1", "soon B", "main after sleep(0)", "task step 2", "later 10ms", "chained soon", "at +40ms")
}

// TestTaskCancelAtAwait: cancel("stop now") reaches the coroutine as
// CancelledError('stop now') thrown in at its await, and the awaiter of
// the task sees the same error.
func TestTaskCancelAtAwait(t *testing.T) {
	l, log := newTestLoop(true)
	var victim *Task
	main := coro(func(n int, exc *Exception) (Value, bool, error) {
		switch n {
		case 0:
			victim = l.CreateTask(sleeper(l, log, "t1", 5*time.Second), "")
			return yieldNone()
		case 1:
			if !victim.Cancel(Str("stop now")) {
				t.Error("Cancel returned false")
			}
			return yieldOn(victim)
		}
		if exc == nil {
			_, err := victim.Result(l.th)
			exc = AsException(err)
		}
		logf(log, "main saw %s%v", exc.Type().Name, argStrings(exc))
		return returns(None)
	})
	if _, err := l.RunUntilComplete(Obj(main)); err != nil {
		t.Fatal(err)
	}
	wantLog(t, *log, "t1 start", "t1 got CancelledError[stop now]", "main saw CancelledError[stop now]")
	if !victim.Cancelled() || victim.Cancel(None) {
		t.Fatal("task not cancelled")
	}
	if l.Time() != 0 {
		t.Fatalf("clock at %g: the timer was not cancelled", l.Time())
	}
}

// TestTaskCancelBeforeStart: a task cancelled before its first step never
// runs its body.
func TestTaskCancelBeforeStart(t *testing.T) {
	l, log := newTestLoop(true)
	body := coro(func(n int, exc *Exception) (Value, bool, error) {
		if exc != nil {
			return raises(exc)
		}
		logf(log, "body ran")
		return returns(None)
	})
	task := l.CreateTask(body, "")
	task.Cancel(None)
	if task.Cancelled() {
		t.Fatal("cancelled before the step ran")
	}
	_, err := l.RunUntilComplete(Obj(task))
	if err == nil || !AsException(err).Matches(CancelledError) || !task.Cancelled() {
		t.Fatalf("err = %v, cancelled = %v", err, task.Cancelled())
	}
	wantLog(t, *log)
}

// TestTaskIgnoresCancel: a coroutine that swallows CancelledError and
// returns makes the task finish normally.
func TestTaskIgnoresCancel(t *testing.T) {
	l, _ := newTestLoop(true)
	f := NewFuture(l)
	stubborn := coro(func(n int, exc *Exception) (Value, bool, error) {
		if n == 0 {
			return yieldOn(f)
		}
		return returns(Str("ignored cancel"))
	})
	task := l.CreateTask(stubborn, "stubborn")
	l.CallSoon(func() { task.Cancel(None) })
	v, err := l.RunUntilComplete(Obj(task))
	if err != nil || task.Cancelled() || !f.Cancelled() {
		t.Fatalf("v = %v, err = %v, task cancelled = %v, future cancelled = %v", v, err, task.Cancelled(), f.Cancelled())
	}
	if task.Name() != "stubborn" || task.Cancelling() != 1 || task.Uncancel() != 0 {
		t.Fatal("name or cancel count")
	}
}

func TestTaskExceptionAndNames(t *testing.T) {
	l, _ := newTestLoop(true)
	boom := coro(func(n int, exc *Exception) (Value, bool, error) {
		return raises(Errorf(ValueError, "bad"))
	})
	t1 := l.CreateTask(boom, "")
	t2 := l.CreateTask(coro(func(int, *Exception) (Value, bool, error) { return returns(None) }), "")
	if t1.Name() != "Task-1" || t2.Name() != "Task-2" {
		t.Fatalf("names %q %q", t1.Name(), t2.Name())
	}
	_, err := l.RunUntilComplete(Obj(t1))
	if e := AsException(err); e == nil || !e.Matches(ValueError) {
		t.Fatalf("err = %v", err)
	}
	l2 := NewLoop(l.th)
	l.th.Loop = l
	l3 := NewLoop(l.th)
	if n := l3.CreateTask(coro(nil), "").Name(); n != "Task-3" || l2.names == l.names {
		t.Fatalf("next loop's first name %q", n)
	}
}

func TestCurrentTaskAndAllTasks(t *testing.T) {
	l, _ := newTestLoop(true)
	var seen *Task
	var all int
	main := coro(func(n int, exc *Exception) (Value, bool, error) {
		if n == 0 {
			seen = l.CurrentTask()
			l.CreateTask(coro(func(int, *Exception) (Value, bool, error) { return returns(None) }), "")
			all = len(l.AllTasks())
			return yieldNone()
		}
		return returns(None)
	})
	task := l.CreateTask(main, "")
	if _, err := l.RunUntilComplete(Obj(task)); err != nil {
		t.Fatal(err)
	}
	if seen != task || all != 2 || l.CurrentTask() != nil || len(l.AllTasks()) != 0 {
		t.Fatalf("current %v, all %d", seen, all)
	}
}

// TestKeyboardInterruptEndsRun: a KeyboardInterrupt raised in a task ends
// RunUntilComplete at once.
func TestKeyboardInterruptEndsRun(t *testing.T) {
	l, log := newTestLoop(true)
	l.CreateTask(coro(func(int, *Exception) (Value, bool, error) {
		return raises(NewException(KeyboardInterrupt))
	}), "")
	l.CallSoon(func() { logf(log, "after interrupt") })
	never := NewFuture(l)
	_, err := l.RunUntilComplete(Obj(never))
	if e := AsException(err); e == nil || !e.Matches(KeyboardInterrupt) {
		t.Fatalf("err = %v", err)
	}
	wantLog(t, *log)
}

func TestTaskBadYield(t *testing.T) {
	l, _ := newTestLoop(true)
	task := l.CreateTask(coro(func(n int, exc *Exception) (Value, bool, error) {
		if n == 0 {
			return Int(3), false, nil
		}
		return raises(exc)
	}), "")
	_, err := l.RunUntilComplete(Obj(task))
	if e := AsException(err); e == nil || !e.Matches(RuntimeError) {
		t.Fatalf("err = %v", err)
	}
}

func TestUnretrievedReported(t *testing.T) {
	l, _ := newTestLoop(true)
	var buf strings.Builder
	l.th.Stderr = &buf
	l.CreateTask(coro(func(int, *Exception) (Value, bool, error) {
		return raises(Errorf(ValueError, "x"))
	}), "")
	l.CallSoon(func() { l.CallSoon(l.Stop) })
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	l.Close()
	if got := buf.String(); len(got) < 33 || got[:33] != "Task exception was never retrieve" {
		t.Fatalf("stderr %q", got)
	}
}
