package asyncio

// Tests of the queues and primitives driven by the runtime's event loop
// with tiny Go coroutines: wake-up order, the cancellation paths of
// CPython's except clauses, and the coroutine protocol itself.

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pyish/pyish/runtime"
)

// act is one step of a test coroutine: it gets the outcome of the
// previous await and returns the next thing to await (a Coroutine or a
// Waitable), or nil to go on to the next act.
type act func(v runtime.Value, err error) runtime.Object

// seq is a test coroutine running acts in order.
func seq(acts ...act) *goCoro {
	i := 0
	return newGoCoro("test", func(th *runtime.Thread, v runtime.Value, err error) next {
		for i < len(acts) {
			a := acts[i](v, err)
			i++
			v, err = runtime.None, nil
			switch a := a.(type) {
			case runtime.Coroutine:
				return awaitSub(a)
			case runtime.Waitable:
				return awaitOn(a)
			}
		}
		return finishWith(runtime.None)
	})
}

// env is a loop and a log for one test.
type env struct {
	t    *testing.T
	th   *runtime.Thread
	loop *runtime.Loop
	log  []string
}

func newEnv(t *testing.T) *env {
	th := runtime.NewThread()
	loop := runtime.NewLoop(th)
	loop.VirtualTime = true
	return &env{t: t, th: th, loop: loop}
}

func (e *env) logf(format string, args ...any) { e.log = append(e.log, fmt.Sprintf(format, args...)) }

// run runs main to completion on the loop.
func (e *env) run(main runtime.Coroutine) {
	e.t.Helper()
	if _, err := e.loop.RunUntilComplete(runtime.Obj(main)); err != nil {
		e.t.Fatalf("main raised %v", err)
	}
}

// spawn starts c as a task.
func (e *env) spawn(c runtime.Coroutine) *runtime.Task { return e.loop.CreateTask(c, "") }

// tick is an await that resumes after the loop has turned twice (about
// asyncio.sleep(0), enough for woken tasks to run).
func (e *env) tick() runtime.Object {
	f := runtime.NewFuture(e.loop)
	e.loop.CallSoon(func() { e.loop.CallSoon(func() { f.SetResult(runtime.None) }) })
	return f
}

// outcome describes an await's outcome for the log.
func outcome(th *runtime.Thread, v runtime.Value, err error) string {
	if err != nil {
		return runtime.AsException(err).Type().Name
	}
	r, rerr := runtime.Repr(th, v)
	if rerr != nil {
		return "?"
	}
	return r
}

func (e *env) expect(want ...string) {
	e.t.Helper()
	if !slices.Equal(e.log, want) {
		e.t.Errorf("log:\n  %s\nwant:\n  %s", strings.Join(e.log, "\n  "), strings.Join(want, "\n  "))
	}
	e.log = nil
}

// awaitLogged awaits c and logs "name: outcome".
func (e *env) awaitLogged(name string, c runtime.Coroutine) *goCoro {
	return seq(
		func(runtime.Value, error) runtime.Object { return c },
		func(v runtime.Value, err error) runtime.Object {
			e.logf("%s: %s", name, outcome(e.th, v, err))
			return nil
		})
}

func TestGetOnNonEmptyQueueDoesNotSuspend(t *testing.T) {
	e := newEnv(t)
	q := &Queue{maxsize: runtime.Int(0)}
	q.finished.value = true
	if err := q.putNowait(e.th, runtime.Int(7)); err != nil {
		t.Fatal(err)
	}
	v, done, err := q.get().Resume(e.th, runtime.None, nil)
	if !done || err != nil || v.AsInt() != 7 {
		t.Fatalf("get() = %v, %v, %v; want 7 at once", v, done, err)
	}
	c := q.put(runtime.Int(8))
	if _, done, err := c.Resume(e.th, runtime.None, nil); !done || err != nil {
		t.Fatalf("put() did not finish at once: %v %v", done, err)
	}
	if _, _, err := c.Resume(e.th, runtime.None, nil); !matches(err, runtime.RuntimeError) {
		t.Errorf("reusing a finished coroutine: %v, want RuntimeError", err)
	}
}

func TestLockFIFOWithCancelledWaiters(t *testing.T) {
	e := newEnv(t)
	l := &Lock{}
	var tasks []*runtime.Task
	e.run(seq(
		func(runtime.Value, error) runtime.Object { return l.acquire() },
		func(runtime.Value, error) runtime.Object {
			for _, n := range []string{"A", "B", "C", "D"} {
				tasks = append(tasks, e.spawn(e.awaitLogged(n, l.acquire())))
			}
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object {
			tasks[1].Cancel(runtime.None) // B: cancelled while queued
			if err := l.release(); err != nil {
				t.Fatal(err)
			}
			tasks[0].Cancel(runtime.None) // A: woken, then cancelled before it runs
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object {
			e.logf("locked=%v waiters=%d", l.locked, l.waiters.len())
			l.release()
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object {
			l.release()
			return e.tick()
		},
	))
	e.expect("B: CancelledError", "A: CancelledError", "C: True", "locked=true waiters=1", "D: True")
	if l.locked || l.waiters.len() != 0 {
		t.Errorf("lock left locked=%v waiters=%d", l.locked, l.waiters.len())
	}
}

func TestQueueWokenGetterCancelledPassesItemOn(t *testing.T) {
	e := newEnv(t)
	q := &Queue{maxsize: runtime.Int(0)}
	q.finished.value = true
	var tasks []*runtime.Task
	e.run(seq(
		func(runtime.Value, error) runtime.Object {
			for _, n := range []string{"g0", "g1"} {
				tasks = append(tasks, e.spawn(e.awaitLogged(n, q.get())))
			}
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object {
			q.putNowait(e.th, runtime.Str("x"))
			tasks[0].Cancel(runtime.None)
			return e.tick()
		},
	))
	e.expect("g0: CancelledError", "g1: 'x'")
	if q.getters.len() != 0 || q.size() != 0 {
		t.Errorf("getters=%d items=%d", q.getters.len(), q.size())
	}
}

func TestQueuePutBackpressureOrder(t *testing.T) {
	e := newEnv(t)
	q := &Queue{maxsize: runtime.Int(1)}
	q.finished.value = true
	e.run(seq(
		func(runtime.Value, error) runtime.Object { return q.put(runtime.Int(0)) },
		func(runtime.Value, error) runtime.Object {
			for i := 1; i <= 3; i++ {
				e.spawn(e.awaitLogged(fmt.Sprint("p", i), q.put(runtime.Int(int64(i)))))
			}
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object {
			for range 4 {
				v, err := q.getNowait(e.th)
				e.logf("got %s", outcome(e.th, v, err))
			}
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object {
			v, err := q.getNowait(e.th)
			e.logf("got %s", outcome(e.th, v, err))
			return nil
		},
	))
	// The first get_nowait wakes p1 only, which puts on the next turn;
	// the gets that find the queue empty raise without waking anyone.
	// p2, woken by the last get, runs before main's completion stops the
	// loop, as in CPython.
	e.expect("got 0", "got QueueEmpty", "got QueueEmpty", "got QueueEmpty", "p1: None", "got 1", "p2: None")
	if q.unfinished != 3 || q.putters.len() != 1 {
		t.Errorf("unfinished = %d, putters = %d; want 3, 1", q.unfinished, q.putters.len())
	}
}

func TestSemaphoreWokenThenCancelledGivesBack(t *testing.T) {
	e := newEnv(t)
	s := &Semaphore{value: 1}
	var tasks []*runtime.Task
	e.run(seq(
		func(runtime.Value, error) runtime.Object { return s.acquire() },
		func(runtime.Value, error) runtime.Object {
			for _, n := range []string{"A", "B"} {
				tasks = append(tasks, e.spawn(e.awaitLogged(n, s.acquire())))
			}
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object {
			s.release()
			tasks[0].Cancel(runtime.None)
			return e.tick()
		},
	))
	e.expect("A: CancelledError", "B: True")
	if s.value != 0 || s.waiters.len() != 0 {
		t.Errorf("value=%d waiters=%d, want 0 0", s.value, s.waiters.len())
	}
}

func TestConditionWaitCancelledReacquiresAndPassesNotification(t *testing.T) {
	e := newEnv(t)
	c := &Condition{lock: &Lock{}}
	waiter := func(name string) *goCoro {
		return seq(
			func(runtime.Value, error) runtime.Object { return c.lock.acquire() },
			func(runtime.Value, error) runtime.Object { return c.wait() },
			func(v runtime.Value, err error) runtime.Object {
				e.logf("%s: %s locked=%v", name, outcome(e.th, v, err), c.lock.locked)
				c.lock.release()
				return nil
			})
	}
	var tasks []*runtime.Task
	e.run(seq(
		func(runtime.Value, error) runtime.Object {
			tasks = append(tasks, e.spawn(waiter("A")), e.spawn(waiter("B")))
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object { return c.lock.acquire() },
		func(runtime.Value, error) runtime.Object {
			c.notify(1) // A is notified, then cancelled: B must get the notification
			tasks[0].Cancel(runtime.None)
			c.lock.release()
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object { return e.tick() },
	))
	e.expect("A: CancelledError locked=true", "B: True locked=true")
}

func TestCloseSuspendedGetRemovesGetter(t *testing.T) {
	e := newEnv(t)
	q := &Queue{maxsize: runtime.Int(0)}
	q.finished.value = true
	e.run(seq(func(runtime.Value, error) runtime.Object {
		c := q.get()
		if _, done, err := c.Resume(e.th, runtime.None, nil); done || err != nil {
			t.Fatalf("get() on empty queue: done=%v err=%v", done, err)
		}
		if q.getters.len() != 1 {
			t.Fatalf("getters = %d, want 1", q.getters.len())
		}
		if err := c.Close(e.th); err != nil {
			t.Fatalf("Close: %v", err)
		}
		if q.getters.len() != 0 {
			t.Errorf("getters after Close = %d, want 0", q.getters.len())
		}
		return nil
	}))
}

func TestBarrierIndexesAndReuse(t *testing.T) {
	e := newEnv(t)
	b := &Barrier{cond: &Condition{lock: &Lock{}}, parties: 3}
	e.run(seq(
		func(runtime.Value, error) runtime.Object {
			for _, n := range []string{"A", "B", "C", "D", "E", "F"} {
				e.spawn(e.awaitLogged(n, b.wait()))
			}
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object { return e.tick() },
		func(runtime.Value, error) runtime.Object { return e.tick() },
	))
	e.expect("C: 2", "A: 0", "B: 1", "F: 2", "D: 0", "E: 1")
}

func TestPriorityQueueHeapOrder(t *testing.T) {
	th := runtime.NewThread()
	q := &Queue{kind: priority, maxsize: runtime.Int(0)}
	in := []int64{7, 3, 9, 1, 3, 8, 2, 6, 5, 4, 0}
	for _, n := range in {
		if err := q.putNowait(th, runtime.Int(n)); err != nil {
			t.Fatal(err)
		}
	}
	var out []int64
	for q.size() > 0 {
		v, err := q.getNowait(th)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v.AsInt())
	}
	want := slices.Clone(in)
	slices.Sort(want)
	if !slices.Equal(out, want) {
		t.Errorf("got %v, want %v", out, want)
	}
}

// call calls attribute name of v with args, failing the test on error.
func call(t *testing.T, th *runtime.Thread, v runtime.Value, name string, args ...runtime.Value) runtime.Value {
	t.Helper()
	m, err := runtime.GetAttr(th, v, name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	r, err := runtime.Call(th, m, args, nil)
	if err != nil {
		t.Fatalf("%s(): %v", name, err)
	}
	return r
}

func TestPythonVisibleAPI(t *testing.T) {
	th := runtime.NewThread()
	m := runtime.NewModule("asyncio")
	InstallSync(th, m)
	get := func(name string) runtime.Value {
		v, ok := m.Dict.GetStr(name)
		if !ok {
			t.Fatalf("asyncio.%s missing", name)
		}
		return v
	}
	q, err := runtime.Call(th, get("PriorityQueue"), []runtime.Value{runtime.Int(2)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	call(t, th, q, "put_nowait", runtime.Int(5))
	call(t, th, q, "put_nowait", runtime.Int(1))
	if s, _ := runtime.StrOf(th, q); s != "<PriorityQueue maxsize=2 _queue=[1, 5] tasks=2>" {
		t.Errorf("str(q) = %s", s)
	}
	if ms, _ := runtime.GetAttr(th, q, "maxsize"); ms.AsInt() != 2 {
		t.Errorf("maxsize = %v", ms)
	}
	if !call(t, th, q, "full").AsBool() {
		t.Error("full() = False")
	}
	m2, _ := runtime.GetAttr(th, q, "put_nowait")
	if _, err := runtime.Call(th, m2, []runtime.Value{runtime.Int(0)}, nil); !matches(err, QueueFull) {
		t.Errorf("put_nowait on a full queue: %v", err)
	}
	if !runtime.IsInstance(q, QueueType) {
		t.Error("PriorityQueue is not a Queue")
	}
	lock, err := runtime.Call(th, get("Lock"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := runtime.Repr(th, lock)
	if !strings.HasPrefix(r, "<asyncio.locks.Lock object at 0x") || !strings.HasSuffix(r, " [unlocked]>") {
		t.Errorf("repr(Lock()) = %s", r)
	}
	rel, _ := runtime.GetAttr(th, lock, "release")
	if _, err := runtime.Call(th, rel, nil, nil); !matches(err, runtime.RuntimeError) || runtime.ExceptionMessage(th, runtime.AsException(err)) != "RuntimeError: Lock is not acquired." {
		t.Errorf("release of an unlocked lock: %v", err)
	}
	sem, _ := runtime.Call(th, get("BoundedSemaphore"), nil, nil)
	rel, _ = runtime.GetAttr(th, sem, "release")
	if _, err := runtime.Call(th, rel, nil, nil); runtime.ExceptionMessage(th, runtime.AsException(err)) != "ValueError: BoundedSemaphore released too many times" {
		t.Errorf("BoundedSemaphore over-release: %v", err)
	}
	if _, err := runtime.Call(th, get("Barrier"), []runtime.Value{runtime.Int(0)}, nil); !matches(err, runtime.ValueError) {
		t.Errorf("Barrier(0): %v", err)
	}
	if runtime.ExceptionMessage(th, runtime.NewException(QueueEmpty)) != "asyncio.queues.QueueEmpty" {
		t.Errorf("QueueEmpty message: %s", runtime.ExceptionMessage(th, runtime.NewException(QueueEmpty)))
	}
}

func TestEventWaitCancelled(t *testing.T) {
	e := newEnv(t)
	ev := &Event{}
	var tasks []*runtime.Task
	e.run(seq(
		func(runtime.Value, error) runtime.Object {
			for _, n := range []string{"A", "B"} {
				tasks = append(tasks, e.spawn(e.awaitLogged(n, ev.wait())))
			}
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object {
			tasks[0].Cancel(runtime.None)
			ev.set()
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object { return ev.wait() },
		func(v runtime.Value, err error) runtime.Object {
			e.logf("set: %s", outcome(e.th, v, err))
			return nil
		},
	))
	e.expect("A: CancelledError", "B: True", "set: True")
	if ev.waiters.len() != 0 {
		t.Errorf("waiters = %d", ev.waiters.len())
	}
}

func TestJoinWaitsForTaskDone(t *testing.T) {
	e := newEnv(t)
	q := &Queue{maxsize: runtime.Int(0)}
	q.finished.value = true
	e.run(seq(
		func(runtime.Value, error) runtime.Object {
			q.putNowait(e.th, runtime.Int(1))
			q.putNowait(e.th, runtime.Int(2))
			e.spawn(e.awaitLogged("join", q.join()))
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object {
			q.getNowait(e.th)
			q.taskDone()
			e.logf("one done")
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object {
			q.getNowait(e.th)
			q.taskDone()
			e.logf("two done")
			return e.tick()
		},
	))
	e.expect("one done", "two done", "join: None")
	if err := q.taskDone(); !matches(err, runtime.ValueError) {
		t.Errorf("extra task_done: %v", err)
	}
}

func BenchmarkQueuePutGetNowait(b *testing.B) {
	th := runtime.NewThread()
	q := &Queue{maxsize: runtime.Int(0)}
	q.finished.value = true
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		q.putNowait(th, runtime.Int(int64(i)))
		if i%8 == 7 {
			for q.size() > 0 {
				q.getNowait(th)
			}
		}
	}
}

func BenchmarkQueueMethodCalls(b *testing.B) {
	th := runtime.NewThread()
	qv, _ := runtime.Call(th, runtime.Obj(QueueType), nil, nil)
	put, _ := runtime.GetAttr(th, qv, "put_nowait")
	get, _ := runtime.GetAttr(th, qv, "get_nowait")
	args := []runtime.Value{runtime.Int(1)}
	b.ReportAllocs()
	for b.Loop() {
		runtime.Call(th, put, args, nil)
		runtime.Call(th, get, nil, nil)
	}
}

func TestFIFOOrderAcrossCompaction(t *testing.T) {
	th := runtime.NewThread()
	q := &Queue{maxsize: runtime.Int(0)}
	next, want := int64(0), int64(0)
	for round := range 200 {
		for range round % 37 {
			q.putNowait(th, runtime.Int(next))
			next++
		}
		for range round % 23 {
			if q.size() == 0 {
				break
			}
			v, err := q.getNowait(th)
			if err != nil || v.AsInt() != want {
				t.Fatalf("got %v, %v; want %d", v, err, want)
			}
			want++
		}
		if int64(q.size()) != next-want {
			t.Fatalf("size %d, want %d", q.size(), next-want)
		}
	}
}

// CPython 3.12 (gh-112202): any exception out of wait() passes a
// notification on, so cancelling a waiter that was never notified wakes
// the next one spuriously (3.11 did not).
func TestConditionCancelledWaiterWakesNextSpuriously(t *testing.T) {
	e := newEnv(t)
	c := &Condition{lock: &Lock{}}
	waiter := func(name string) *goCoro {
		return seq(
			func(runtime.Value, error) runtime.Object { return c.lock.acquire() },
			func(runtime.Value, error) runtime.Object { return c.wait() },
			func(v runtime.Value, err error) runtime.Object {
				e.logf("%s: %s", name, outcome(e.th, v, err))
				c.lock.release()
				return nil
			})
	}
	var tasks []*runtime.Task
	e.run(seq(
		func(runtime.Value, error) runtime.Object {
			tasks = append(tasks, e.spawn(waiter("A")), e.spawn(waiter("B")), e.spawn(waiter("C")))
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object {
			tasks[0].Cancel(runtime.None)
			return e.tick()
		},
		func(runtime.Value, error) runtime.Object { return e.tick() },
	))
	e.expect("A: CancelledError", "B: True")
	if c.waiters.len() != 1 {
		t.Errorf("waiters = %d, want 1 (C)", c.waiters.len())
	}
}
