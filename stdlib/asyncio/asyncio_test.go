package asyncio

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pyish/pyish/runtime"
)

// harness runs Go-written coroutines through the module's functions on a
// virtual-time loop.
type harness struct {
	t   *testing.T
	th  *runtime.Thread
	m   *runtime.Module
	log []string
}

func newHarness(t *testing.T) *harness {
	th := runtime.NewThread()
	var stderr strings.Builder
	th.Stderr = &stderr
	th.Loop = runtime.NewLoop(th)
	th.Loop.VirtualTime = true
	return &harness{t: t, th: th, m: Module(th)}
}

func (h *harness) logf(format string, args ...any) {
	h.log = append(h.log, fmt.Sprintf(format, args...))
}

// call calls the module function name; kw pairs follow the positional
// arguments as "name", value.
func (h *harness) call(name string, args ...any) (runtime.Value, error) {
	fn, ok := h.m.Dict.GetStr(name)
	if !ok {
		h.t.Fatalf("no asyncio.%s", name)
	}
	var vals []runtime.Value
	var kw []string
	for i := 0; i < len(args); i++ {
		if k, ok := args[i].(string); ok {
			kw = append(kw, k)
			i++
		}
		vals = append(vals, toValue(args[i]))
	}
	return runtime.Call(h.th, fn, vals, kw)
}

func (h *harness) must(name string, args ...any) runtime.Value {
	h.t.Helper()
	v, err := h.call(name, args...)
	if err != nil {
		h.t.Fatalf("asyncio.%s: %v", name, err)
	}
	return v
}

func toValue(x any) runtime.Value {
	switch x := x.(type) {
	case runtime.Value:
		return x
	case float64:
		return runtime.Float(x)
	case int:
		return runtime.Int(int64(x))
	case bool:
		return runtime.Bool(x)
	case runtime.Object:
		return runtime.Obj(x)
	}
	panic(fmt.Sprintf("toValue(%T)", x))
}

// steps is a coroutine made of steps run one after the other; each gets
// the outcome of what the previous one awaited. An error that no step
// handles ends it (steps returning nil next pass it on).
func steps(fs ...func(v runtime.Value, err error) next) *goCoro {
	i := 0
	return newGoCoro("steps", func(th *runtime.Thread, v runtime.Value, err error) next {
		if i == len(fs) {
			return finish(v, err)
		}
		i++
		return fs[i-1](v, err)
	})
}

// await is a step awaiting the value x.
func (h *harness) await(x runtime.Value) next { return awaitValue(h.th, x) }

func (h *harness) run(main *goCoro) (runtime.Value, error) {
	return h.call("run", runtime.Obj(main))
}

func (h *harness) want(want ...string) {
	h.t.Helper()
	if !reflect.DeepEqual(h.log, want) {
		h.t.Fatalf("log:\n got %q\nwant %q", h.log, want)
	}
}

// worker logs name+i and sleeps 0, n times, then returns name.
func (h *harness) worker(name string, n int) *goCoro {
	i := 0
	return newGoCoro(name, func(th *runtime.Thread, v runtime.Value, err error) next {
		if err != nil {
			h.logf("%s got %s", name, err.(*runtime.Exception).Type().Name)
			return fail(err)
		}
		if i < n {
			h.logf("%s%d", name, i)
			i++
			return h.await(h.must("sleep", 0))
		}
		h.logf("%s-end", name)
		return finishWith(runtime.Str(name))
	})
}

// sleeper sleeps d seconds and returns tag.
func (h *harness) sleeper(tag string, d float64) *goCoro {
	return steps(
		func(runtime.Value, error) next { return h.await(h.must("sleep", d, "result", runtime.Str(tag))) },
		func(v runtime.Value, err error) next {
			if err != nil {
				h.logf("%s cancelled", tag)
				return fail(err)
			}
			h.logf("%s woke", tag)
			return finishWith(v)
		},
	)
}

func TestRoundRobinGather(t *testing.T) {
	h := newHarness(t)
	var tasks []any
	main := steps(
		func(runtime.Value, error) next {
			for _, w := range []struct {
				n string
				k int
			}{{"a", 3}, {"b", 1}, {"c", 2}} {
				tasks = append(tasks, h.must("create_task", h.worker(w.n, w.k)))
			}
			h.logf("main-created")
			return h.await(h.must("sleep", 0))
		},
		func(runtime.Value, error) next {
			h.logf("main-tick")
			return h.await(h.must("gather", tasks...))
		},
		func(v runtime.Value, err error) next {
			h.logf("main-end")
			return finish(v, err)
		},
	)
	v, err := h.run(main)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := runtime.Repr(h.th, v)
	h.logf("%s", r)
	h.want("main-created", "a0", "b0", "c0", "main-tick", "a1", "b-end", "c1", "a2", "c-end", "a-end", "main-end", "['a', 'b', 'c']")
}

func TestSleepOrderAndGatherOrder(t *testing.T) {
	h := newHarness(t)
	main := steps(
		func(runtime.Value, error) next {
			return h.await(h.must("gather", h.sleeper("c", 0.03), h.sleeper("a", 0.01), h.sleeper("b", 0.02), h.sleeper("zero", 0)))
		},
	)
	v, err := h.run(main)
	if err != nil {
		t.Fatal(err)
	}
	r, _ := runtime.Repr(h.th, v)
	h.logf("%s", r)
	h.want("zero woke", "a woke", "b woke", "c woke", "['c', 'a', 'b', 'zero']")
}

func TestWaitForTimeout(t *testing.T) {
	h := newHarness(t)
	main := steps(
		func(runtime.Value, error) next {
			return h.await(h.must("wait_for", h.sleeper("slow", 1), 0.02))
		},
		func(v runtime.Value, err error) next {
			e := runtime.AsException(err)
			h.logf("main got %s cause %s", e.Type().Name, e.Cause.Type().Name)
			return h.await(h.must("wait_for", h.sleeper("fast", 0.01), 1))
		},
		func(v runtime.Value, err error) next {
			s, _ := runtime.AsString(v)
			h.logf("then %s %v", s, err)
			return finishWith(runtime.None)
		},
	)
	if _, err := h.run(main); err != nil {
		t.Fatal(err)
	}
	h.want("slow cancelled", "main got TimeoutError cause CancelledError", "fast woke", "then fast <nil>")
}

func TestTaskGroupFailure(t *testing.T) {
	h := newHarness(t)
	var tg, exit runtime.Value
	failing := steps(
		func(runtime.Value, error) next { return h.await(h.must("sleep", 0.015)) },
		func(runtime.Value, error) next { return fail(runtime.Errorf(runtime.RuntimeError, "member failed")) },
	)
	main := steps(
		func(runtime.Value, error) next {
			tgType, _ := h.m.Dict.GetStr("TaskGroup")
			tg, _ = runtime.Call(h.th, tgType, nil, nil)
			enter, _ := runtime.GetAttr(h.th, tg, "__aenter__")
			aw, err := runtime.Call(h.th, enter, nil, nil)
			if err != nil {
				return fail(err)
			}
			return h.await(aw)
		},
		func(v runtime.Value, err error) next {
			create, _ := runtime.GetAttr(h.th, tg, "create_task")
			runtime.Call(h.th, create, []runtime.Value{runtime.Obj(h.sleeper("long", 1))}, nil)
			runtime.Call(h.th, create, []runtime.Value{runtime.Obj(failing)}, nil)
			exit, _ = runtime.GetAttr(h.th, tg, "__aexit__")
			aw, err := runtime.Call(h.th, exit, []runtime.Value{runtime.None, runtime.None, runtime.None}, nil)
			if err != nil {
				return fail(err)
			}
			return h.await(aw)
		},
		func(v runtime.Value, err error) next {
			e := runtime.AsException(err)
			if e == nil {
				return failf(runtime.AssertionError, "no error")
			}
			h.logf("%s", runtime.ExceptionMessage(h.th, e))
			return finishWith(runtime.None)
		},
	)
	if _, err := h.run(main); err != nil {
		t.Fatal(err)
	}
	h.want("long cancelled", "ExceptionGroup: unhandled errors in a TaskGroup (1 sub-exception)")
}

func TestAsCompletedTimeout(t *testing.T) {
	h := newHarness(t)
	var it runtime.Iterator
	main := steps(
		func(runtime.Value, error) next {
			list := runtime.NewList([]runtime.Value{
				runtime.Obj(h.sleeper("x", 0.03)), runtime.Obj(h.sleeper("y", 0.01)), runtime.Obj(h.sleeper("z", 1)),
			})
			v := h.must("as_completed", list, "timeout", 0.05)
			var err error
			if it, err = runtime.Iter(h.th, v); err != nil {
				return fail(err)
			}
			return finishWith(runtime.None)
		},
	)
	var loopBody func(v runtime.Value, err error) next
	loopBody = func(v runtime.Value, err error) next {
		if err != nil {
			h.logf("stopped by %s", runtime.AsException(err).Type().Name)
			return finishWith(runtime.None)
		}
		if s, ok := runtime.AsString(v); ok {
			h.logf("got %s", s)
		}
		aw, ok, err := it.Next(h.th)
		if err != nil || !ok {
			return finish(runtime.None, err)
		}
		return h.await(aw)
	}
	outer := steps(
		func(runtime.Value, error) next { return awaitSub(main) },
		loopBody, loopBody, loopBody, loopBody,
	)
	if _, err := h.run(outer); err != nil {
		t.Fatal(err)
	}
	h.want("y woke", "got y", "x woke", "got x", "stopped by TimeoutError", "z cancelled")
}

func TestRunErrors(t *testing.T) {
	h := newHarness(t)
	if _, err := h.call("run", 42); err == nil || !strings.Contains(err.Error(), "a coroutine was expected, got 42") {
		t.Fatalf("run(42): %v", err)
	}
	inner := steps(func(runtime.Value, error) next { return finishWith(runtime.None) })
	main := steps(func(runtime.Value, error) next {
		_, err := h.call("run", inner)
		return finish(runtime.None, err)
	})
	if _, err := h.run(main); err == nil || !strings.Contains(err.Error(), "cannot be called from a running event loop") {
		t.Fatalf("nested run: %v", err)
	}
	if _, err := h.call("get_running_loop"); err == nil || !strings.Contains(err.Error(), "no running event loop") {
		t.Fatalf("get_running_loop outside: %v", err)
	}
}

// TestRunInterrupt: an interrupt while asyncio.run's main task sleeps
// cancels it (its cleanup runs) and run raises KeyboardInterrupt.
func TestRunInterrupt(t *testing.T) {
	h := newHarness(t)
	h.th.Loop.VirtualTime = false
	main := h.sleeper("main", 10)
	first := h.th.Loop
	go func() {
		time.Sleep(20 * time.Millisecond)
		h.th.Interrupt(runtime.NewException(runtime.KeyboardInterrupt))
		first.Wake()
	}()
	began := time.Now()
	_, err := h.run(main)
	if !matches(err, runtime.KeyboardInterrupt) || time.Since(began) > 5*time.Second {
		t.Fatalf("err = %v after %v", err, time.Since(began))
	}
	h.want("main cancelled")
}
