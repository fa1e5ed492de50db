package pyish

// This file defines the coroutine an async host function returns.

import (
	"context"
	"fmt"

	"github.com/pyish/pyish/runtime"
)

// hostCoroutineType is the type of host coroutines: to scripts they are
// coroutines.
var hostCoroutineType = runtime.NewType("coroutine", nil)

// A hostCoro is a call of an async host function. Its first step starts
// the Go body on its own goroutine; it then waits on the Future the body
// completes. Throwing into it (a cancelled task) or closing it cancels the
// Future, and so the body's context.
type hostCoro struct {
	in      *Interpreter
	name    string
	body    func(ctx context.Context) hostResult
	fut     *runtime.Future
	started bool
	done    bool
}

// hostCoroutine returns a coroutine that runs body when it first runs.
func (in *Interpreter) hostCoroutine(name string, body func(ctx context.Context) hostResult) Value {
	return runtime.Obj(&hostCoro{in: in, name: name, body: body})
}

// Type implements runtime.Object.
func (c *hostCoro) Type() *runtime.Type { return hostCoroutineType }

// Repr implements runtime.HasRepr as CPython shows coroutines.
func (c *hostCoro) Repr(th *runtime.Thread) (string, error) {
	return fmt.Sprintf("<coroutine object %s at %p>", c.name, c), nil
}

// Describe implements runtime.CoroutineDescriber for task reprs.
func (c *hostCoro) Describe() (qualname, file string, line int, finished bool) {
	return c.name, "<host>", 0, c.done
}

// AwaitState implements runtime.AwaitState.
func (c *hostCoro) AwaitState() (string, bool) { return c.name, c.started || c.done }

// Resume implements runtime.Coroutine.
func (c *hostCoro) Resume(th *runtime.Thread, send Value, exc *runtime.Exception) (Value, bool, error) {
	switch {
	case c.done:
		return Value{}, true, runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited coroutine")
	case exc != nil:
		c.finish()
		return Value{}, true, exc
	case !c.started:
		c.started = true
		fut, err := c.in.startAsync(th, c.name, c.body)
		if err != nil {
			c.done = true
			return Value{}, true, err
		}
		c.fut = fut
	}
	if !c.fut.Done() {
		return runtime.Obj(c.fut), false, nil
	}
	c.done = true
	v, err := c.fut.Result(th)
	return v, true, err
}

// Close implements runtime.Coroutine.
func (c *hostCoro) Close(th *runtime.Thread) error {
	c.finish()
	return nil
}

// finish ends the coroutine, cancelling the call in flight.
func (c *hostCoro) finish() {
	c.done = true
	if c.fut != nil && !c.fut.Done() {
		c.fut.Cancel(runtime.None)
	}
}
