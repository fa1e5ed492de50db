package asyncio

// This file runs the module's `async def` functions (sleep, wait,
// wait_for, TaskGroup.__aexit__, …) as Go state machines behind
// runtime.Coroutine, with CPython's await semantics: a done future or a
// coroutine that ends at once does not suspend.

import (
	"fmt"

	"github.com/pyish/pyish/runtime"
)

// goCoroType is the type of the coroutines asyncio's functions return.
var goCoroType = runtime.NewType("coroutine", nil)

// next is what a state machine asks for after a step: await a Waitable,
// await a coroutine in place, suspend once with a bare yield, or end with
// v or err.
type next struct {
	wait      runtime.Waitable
	sub       runtime.Coroutine
	bareYield bool
	v         runtime.Value
	err       error
}

func awaitOn(w runtime.Waitable) next                { return next{wait: w} }
func awaitSub(c runtime.Coroutine) next              { return next{sub: c} }
func yieldOnce() next                                { return next{bareYield: true} }
func finish(v runtime.Value, err error) next         { return next{v: v, err: err} }
func fail(err error) next                            { return next{err: err} }
func finishWith(v runtime.Value) next                { return next{v: v} }
func failf(t *runtime.Type, f string, a ...any) next { return fail(runtime.Errorf(t, f, a...)) }

// awaitValue is `await x` for any awaitable value a Go machine meets.
func awaitValue(th *runtime.Thread, x runtime.Value) next {
	switch o := x.Object().(type) {
	case runtime.Waitable:
		return awaitOn(o)
	case runtime.Coroutine:
		return awaitSub(o)
	}
	c, err := wrapAwaitable(th, x)
	if err != nil {
		return fail(err)
	}
	return awaitSub(c)
}

// wrapAwaitable is CPython's _wrap_awaitable: a coroutine that delegates
// to x.__await__()'s iterator (an object of a class with __await__).
func wrapAwaitable(th *runtime.Thread, x runtime.Value) (runtime.Coroutine, error) {
	m, err := runtime.GetAttr(th, x, "__await__")
	if x.IsInline() || err != nil {
		return nil, runtime.Errorf(runtime.TypeError, "object %s can't be used in 'await' expression", x.Type().Name)
	}
	it, err := runtime.Call(th, m, nil, nil)
	if err != nil {
		return nil, err
	}
	if _, ok := it.Object().(runtime.Iterator); !ok {
		return nil, runtime.Errorf(runtime.TypeError, "__await__() returned non-iterator of type '%s'", it.Type().Name)
	}
	return &iterCoro{it: it}, nil
}

// iterCoro runs an __await__ iterator as a coroutine (yield from it).
type iterCoro struct {
	it       runtime.Value
	finished bool
}

// Type implements runtime.Object.
func (c *iterCoro) Type() *runtime.Type { return goCoroType }

// Resume implements runtime.Coroutine: next or send, or throw for exc;
// StopIteration ends it with its value.
func (c *iterCoro) Resume(th *runtime.Thread, send runtime.Value, exc *runtime.Exception) (runtime.Value, bool, error) {
	if c.finished {
		if exc != nil {
			return runtime.Value{}, true, exc
		}
		return runtime.Value{}, true, runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited coroutine")
	}
	v, err := c.advance(th, send, exc)
	if err == nil {
		return v, false, nil
	}
	c.finished = true
	if e := runtime.AsException(err); e.Type() == runtime.StopIteration {
		if len(e.Args) > 0 {
			return e.Args[0], true, nil
		}
		return runtime.None, true, nil
	}
	return runtime.Value{}, true, err
}

func (c *iterCoro) advance(th *runtime.Thread, send runtime.Value, exc *runtime.Exception) (runtime.Value, error) {
	name, arg := "send", send
	if exc != nil {
		name, arg = "throw", runtime.Obj(exc)
	}
	if arg.IsNull() {
		arg = runtime.None
	}
	m, err := runtime.GetAttr(th, c.it, name)
	if err != nil {
		if exc != nil {
			return runtime.Value{}, exc
		}
		v, ok, err := c.it.Object().(runtime.Iterator).Next(th)
		if err == nil && !ok {
			err = runtime.NewException(runtime.StopIteration)
		}
		return v, err
	}
	return runtime.Call(th, m, []runtime.Value{arg}, nil)
}

// Close implements runtime.Coroutine.
func (c *iterCoro) Close(th *runtime.Thread) error {
	if c.finished {
		return nil
	}
	c.finished = true
	if m, err := runtime.GetAttr(th, c.it, "close"); err == nil {
		_, err = runtime.Call(th, m, nil, nil)
		return err
	}
	return nil
}

// machineFunc is a state machine: it gets the outcome of what it awaited
// last (None, nil at the start) and says what to do next.
type machineFunc func(th *runtime.Thread, v runtime.Value, err error) next

// goCoro runs a machine as a runtime.Coroutine.
type goCoro struct {
	name     string
	body     machineFunc
	wait     runtime.Waitable
	sub      runtime.Coroutine
	yielded  bool
	started  bool
	finished bool
	running  bool
}

// newGoCoro returns a coroutine named name (its repr) running body.
func newGoCoro(name string, body machineFunc) *goCoro {
	return &goCoro{name: name, body: body}
}

// Type implements runtime.Object.
func (c *goCoro) Type() *runtime.Type { return goCoroType }

// Repr implements runtime.HasRepr.
func (c *goCoro) Repr(th *runtime.Thread) (string, error) {
	return fmt.Sprintf("<coroutine object %s at %p>", c.name, c), nil
}

// Resume implements runtime.Coroutine.
func (c *goCoro) Resume(th *runtime.Thread, send runtime.Value, exc *runtime.Exception) (runtime.Value, bool, error) {
	switch {
	case c.finished:
		if exc != nil {
			return runtime.Value{}, true, exc
		}
		return runtime.Value{}, true, runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited coroutine")
	case c.running:
		return runtime.Value{}, false, runtime.Errorf(runtime.ValueError, "coroutine already executing")
	}
	c.running = true
	defer func() { c.running = false }()
	if !c.started {
		c.started = true
		if exc != nil {
			c.finished = true
			return runtime.Value{}, true, exc
		}
		return c.run(th, c.body(th, runtime.None, nil))
	}
	if sub := c.sub; sub != nil {
		v, done, err := sub.Resume(th, send, exc)
		if !done && err == nil {
			return v, false, nil // still inside sub: pass its yield on
		}
		c.sub = nil
		return c.run(th, c.body(th, v, err))
	}
	return c.run(th, c.resumed(th, exc))
}

// resumed delivers a resumption after a bare yield or a wait on a
// Waitable and returns the machine's next request.
func (c *goCoro) resumed(th *runtime.Thread, exc *runtime.Exception) next {
	w := c.wait
	c.wait, c.yielded = nil, false
	if exc != nil {
		return c.body(th, runtime.Value{}, exc)
	}
	if w == nil {
		return c.body(th, runtime.None, nil)
	}
	if !w.Done() { // woken early: keep waiting
		return awaitOn(w)
	}
	v, err := w.Result(th)
	return c.body(th, v, err)
}

// run carries out s and the requests after it until the machine suspends
// or ends.
func (c *goCoro) run(th *runtime.Thread, s next) (runtime.Value, bool, error) {
	for {
		switch {
		case s.sub != nil:
			v, done, err := s.sub.Resume(th, runtime.None, nil)
			if !done && err == nil {
				c.sub = s.sub
				return v, false, nil
			}
			s = c.body(th, v, err)
		case s.wait != nil:
			if !s.wait.Done() {
				c.wait = s.wait
				return runtime.Obj(s.wait), false, nil
			}
			v, err := s.wait.Result(th)
			s = c.body(th, v, err)
		case s.bareYield:
			c.yielded = true
			return runtime.None, false, nil
		default:
			c.finished = true
			if s.err != nil {
				return runtime.Value{}, true, s.err
			}
			if s.v.IsNull() {
				return runtime.None, true, nil
			}
			return s.v, true, nil
		}
	}
}

// AwaitState implements runtime.AwaitState; the coroutines of readyValue
// stand for CPython's `async def` methods of other names, and are left
// out.
func (c *goCoro) AwaitState() (string, bool) {
	if c.name == readyName {
		return "", true
	}
	return c.name, c.started || c.finished
}

// Describe implements runtime.CoroutineDescriber, for Task reprs.
func (c *goCoro) Describe() (qualname, file string, line int, finished bool) {
	return c.name, "asyncio/tasks.py", 1, c.finished
}

// Close implements runtime.Coroutine: GeneratorExit is thrown in at the
// suspension point so the machine's cleanup runs.
func (c *goCoro) Close(th *runtime.Thread) error {
	if c.finished || !c.started {
		c.finished = true
		return nil
	}
	var err error
	if sub := c.sub; sub != nil {
		c.sub = nil
		err = sub.Close(th)
	}
	c.wait, c.yielded = nil, false
	if err == nil {
		err = runtime.NewException(runtime.GeneratorExit)
	}
	_, done, err := c.run(th, c.body(th, runtime.Value{}, err))
	c.finished = true
	if !done {
		return runtime.Errorf(runtime.RuntimeError, "coroutine ignored GeneratorExit")
	}
	if e := runtime.AsException(err); e != nil && !e.Matches(runtime.GeneratorExit) {
		return e
	}
	return nil
}

// matches reports whether err is a Python exception of type t.
func matches(err error, t *runtime.Type) bool {
	e := runtime.AsException(err)
	return e != nil && e.Matches(t)
}

// readyName names the coroutines of readyValue.
const readyName = "ready"

// readyValue returns an awaitable that is already done with v or err:
// what an `async def` that never suspends returns (__aenter__ and
// friends). Awaiting it does not suspend.
func readyValue(th *runtime.Thread, v runtime.Value, err error) (runtime.Value, error) {
	done := false
	return runtime.Obj(newGoCoro(readyName, func(th *runtime.Thread, _ runtime.Value, _ error) next {
		if done {
			return finish(runtime.None, nil)
		}
		done = true
		return finish(v, err)
	})), nil
}
