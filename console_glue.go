package pyish

// This file holds the console's wrapper around an input's coroutine.

import "github.com/pyish/pyish/runtime"

// inputCoro is the coroutine of one console input. It records when a step
// of it is running, so that Console.Interrupt raises KeyboardInterrupt in
// the input and never in a background task that happens to be running.
type inputCoro struct {
	runtime.Coroutine
	console *Console
}

// Resume implements runtime.Coroutine. An interrupt that arrives after
// the step ended is dropped: the input is cancelled instead.
func (c *inputCoro) Resume(th *runtime.Thread, send Value, exc *runtime.Exception) (Value, bool, error) {
	con := c.console
	con.stepMu.Lock()
	con.inStep = true
	con.stepMu.Unlock()
	v, done, err := c.Coroutine.Resume(th, send, exc)
	con.stepMu.Lock()
	con.inStep = false
	th.TakeInterrupt()
	con.stepMu.Unlock()
	return v, done, err
}

// Repr implements runtime.HasRepr with the wrapped coroutine's repr.
func (c *inputCoro) Repr(th *runtime.Thread) (string, error) {
	return runtime.Repr(th, runtime.Obj(c.Coroutine))
}

// Describe implements runtime.CoroutineDescriber when the wrapped
// coroutine does.
func (c *inputCoro) Describe() (qualname, file string, line int, finished bool) {
	if d, ok := c.Coroutine.(runtime.CoroutineDescriber); ok {
		return d.Describe()
	}
	return "<module>", "<stdin>", 0, false
}

// forgetSource drops the lines remembered for tracebacks of file name.
func (in *Interpreter) forgetSource(name string) {
	in.mu.Lock()
	delete(in.sources, name)
	in.mu.Unlock()
}

// AwaitStack lists the wrapped coroutine's await chain when it can.
func (c *inputCoro) AwaitStack() []runtime.TraceEntry {
	if s, ok := c.Coroutine.(awaitStacker); ok {
		return s.AwaitStack()
	}
	return nil
}
