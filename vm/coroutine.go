package vm

// This file implements coroutines and async generators: Resume for the
// event loop, `await` linking frames, and the awaitable protocols.

import (
	"github.com/pyish/pyish/runtime"
)

// asyncGenOp is the awaitable returned by an async generator's __anext__,
// asend, athrow and aclose: awaiting it links the generator's frame under
// the awaiting frame until the generator yields or ends.
type asyncGenOp struct {
	gen     *genState
	val     runtime.Value
	exc     *runtime.Exception
	closing bool
	used    bool
}

// AsyncGenASendType is the type of the awaitables of async generator methods.
var AsyncGenASendType = runtime.NewType("async_generator_asend", nil)

func init() {
	CoroutineType.SetMethods(map[string]runtime.MethodFunc{
		"send":  coroutine_send,
		"throw": coroutine_throw,
		"close": generator_close,
	})
	AsyncGeneratorType.SetMethods(map[string]runtime.MethodFunc{
		"__aiter__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
			return self, nil
		},
		"__anext__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
			return runtime.Obj(&asyncGenOp{gen: asGenerator(self), val: runtime.None}), nil
		},
		"asend":  asyncgen_asend,
		"athrow": asyncgen_athrow,
		"aclose": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
			return runtime.Obj(&asyncGenOp{gen: asGenerator(self), exc: runtime.NewException(runtime.GeneratorExit), closing: true}), nil
		},
	})
}

// Type implements runtime.Object.
func (op *asyncGenOp) Type() *runtime.Type { return AsyncGenASendType }

// NewModuleCoroutine returns a coroutine that runs an interactive-mode
// module body (which may contain top-level await) in globals. Its result
// is the value to echo (see PRINT_EXPR) or None.
func NewModuleCoroutine(th *runtime.Thread, code *Code, globals *runtime.Dict) runtime.Coroutine {
	f := newFrame(code, globals)
	g := &Coroutine{genState{kind: kindCoroutine, frame: f, qual: &code.QualName}}
	f.gen = &g.genState
	return g
}

// Resume implements runtime.Coroutine: it runs the coroutine's frame chain
// from its innermost frame until the chain suspends or the coroutine ends.
func (c *Coroutine) Resume(th *runtime.Thread, send runtime.Value, exc *runtime.Exception) (runtime.Value, bool, error) {
	return c.resumeCoroutine(th, send, exc)
}

func (g *genState) resumeCoroutine(th *runtime.Thread, send runtime.Value, exc *runtime.Exception) (runtime.Value, bool, error) {
	if g.finished {
		if exc != nil {
			return runtime.Value{}, true, exc
		}
		return runtime.Value{}, true, runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited coroutine")
	}
	if g.running {
		return runtime.Value{}, false, runtime.Errorf(runtime.ValueError, "coroutine already executing")
	}
	f := g.inner
	if !g.started {
		if exc != nil {
			g.finish()
			return runtime.Value{}, true, exc
		}
		if !send.IsNull() && !send.IsNone() {
			return runtime.Value{}, false, runtime.Errorf(runtime.TypeError, "can't send non-None value to a just-started coroutine")
		}
		g.started = true
		f = g.frame
		f.setEntry(true)
	} else {
		deliver(f, send, exc)
	}
	if err := pushDepth(th); err != nil {
		return runtime.Value{}, false, err
	}
	d := th.Depth - 1
	g.running = true
	v, st, inner, err := run(th, f)
	th.Depth = d
	g.running = false
	if err != nil {
		g.finish()
		return runtime.Value{}, true, err
	}
	if st == stReturn {
		g.finish()
		return v, true, nil
	}
	g.inner = inner
	return v, false, nil
}

// Close implements runtime.Coroutine.
func (c *Coroutine) Close(th *runtime.Thread) error { return c.close(th) }

func coroutine_send(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
	var v runtime.Value
	if err := runtime.UnpackArgs("send", args, kw, "value", &v); err != nil {
		return runtime.Value{}, err
	}
	r, done, err := asGenerator(self).resumeCoroutine(th, v, nil)
	if err != nil {
		return runtime.Value{}, err
	}
	if done {
		return runtime.Value{}, stopIteration(r)
	}
	return r, nil
}

func coroutine_throw(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
	exc, err := throwArgs(th, args)
	if err != nil {
		return runtime.Value{}, err
	}
	r, done, err := asGenerator(self).resumeCoroutine(th, runtime.None, exc)
	if err != nil {
		return runtime.Value{}, err
	}
	if done {
		return runtime.Value{}, stopIteration(r)
	}
	return r, nil
}

func asyncgen_asend(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
	var v runtime.Value
	if err := runtime.UnpackArgs("asend", args, kw, "value", &v); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(&asyncGenOp{gen: asGenerator(self), val: v}), nil
}

func asyncgen_athrow(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
	exc, err := throwArgs(th, args)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(&asyncGenOp{gen: asGenerator(self), exc: exc}), nil
}

// ---- await ----

// getAwaitable is GET_AWAITABLE: the object `await` works on.
func getAwaitable(th *runtime.Thread, v runtime.Value) (runtime.Value, error) {
	switch o := v.Object().(type) {
	case *Coroutine:
		if o.finished {
			return runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited coroutine")
		}
		if o.running {
			return runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "coroutine is being awaited already")
		}
		return v, nil
	case *Generator:
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "object generator can't be used in 'await' expression")
	case *asyncGenOp, runtime.Waitable, runtime.Coroutine:
		return v, nil
	}
	if !v.IsInline() {
		if m, err := runtime.GetAttr(th, v, "__await__"); err == nil {
			it, err := runtime.Call(th, m, nil, nil)
			if err != nil {
				return runtime.Value{}, err
			}
			if _, ok := it.Object().(runtime.Iterator); !ok {
				return runtime.Value{}, runtime.Errorf(runtime.TypeError, "__await__() returned non-iterator of type '%s'", typeName(it))
			}
			return it, nil
		}
	}
	return runtime.Value{}, runtime.Errorf(runtime.TypeError, "object %s can't be used in 'await' expression", typeName(v))
}

// linkAwait starts or resumes a vm coroutine or async generator under the
// awaiting frame f, inside the same run loop. linked is false for other
// awaitables (SEND then uses sendTo). nf is the frame to run next, or nil
// when the result v is known at once.
func linkAwait(th *runtime.Thread, f *Frame, sub, val runtime.Value) (nf *Frame, v runtime.Value, linked bool, err error) {
	switch o := sub.Object().(type) {
	case *Coroutine:
		if o.finished {
			return nil, v, true, runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited coroutine")
		}
		if o.running {
			return nil, v, true, runtime.Errorf(runtime.RuntimeError, "coroutine is being awaited already")
		}
		if err := pushDepth(th); err != nil {
			return nil, v, true, err
		}
		nf = o.frame
		if o.started {
			nf = o.inner
			deliver(nf, val, nil)
		}
		o.started, o.running = true, true
		o.frame.back = f
		o.frame.setEntry(false)
		return nf, v, true, nil
	case *asyncGenOp:
		nf, v, err = o.link(th, f)
		return nf, v, true, err
	}
	return nil, v, false, nil
}

// link runs the async generator's frame under f for this operation.
func (op *asyncGenOp) link(th *runtime.Thread, f *Frame) (*Frame, runtime.Value, error) {
	if op.used {
		return nil, runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited __anext__()/asend()")
	}
	op.used = true
	g := op.gen
	if g.running {
		return nil, runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "anext(): asynchronous generator is already running")
	}
	if g.finished || (!g.started && op.exc != nil) {
		g.finish()
		switch {
		case op.closing:
			return nil, runtime.None, nil
		case op.exc != nil:
			return nil, runtime.Value{}, op.exc
		}
		return nil, runtime.Value{}, runtime.NewException(runtime.StopAsyncIteration)
	}
	gf := g.frame
	if !g.started {
		if !op.val.IsNull() && !op.val.IsNone() {
			return nil, runtime.Value{}, runtime.Errorf(runtime.TypeError, "can't send non-None value to a just-started async generator")
		}
		g.started = true
		firstIter(th, g)
	} else {
		deliver(gf, op.val, op.exc)
	}
	if err := pushDepth(th); err != nil {
		return nil, runtime.Value{}, err
	}
	gf.back = f
	gf.setEntry(false)
	g.running = true
	g.op = op
	return gf, runtime.Value{}, nil
}

// asyncGenYield detaches a linked async generator frame that yielded v and
// hands v to the awaiting frame.
func asyncGenYield(th *runtime.Thread, f *Frame, v runtime.Value) (*Frame, error) {
	g := f.gen
	th.Depth--
	back := f.back
	f.back = nil
	g.running = false
	op := g.op
	g.op = nil
	if op != nil && op.closing {
		return back, runtime.Errorf(runtime.RuntimeError, "async generator ignored GeneratorExit")
	}
	back.push(v)
	return back, nil
}

// returnedLinked finishes a linked coroutine or async generator frame that
// returned v, handing the outcome to the awaiting frame back.
func (g *genState) returnedLinked(back *Frame, v runtime.Value) error {
	g.finish()
	if g.kind == kindAsyncGen {
		op := g.op
		g.op = nil
		if op == nil || !op.closing {
			return runtime.NewException(runtime.StopAsyncIteration)
		}
		v = runtime.None
	}
	back.push(v)
	return nil
}

// ---- async for / async with ----

func getAIter(th *runtime.Thread, v runtime.Value) (runtime.Value, error) {
	if _, ok := v.Object().(*AsyncGenerator); ok {
		return v, nil
	}
	m, err := runtime.GetAttr(th, v, "__aiter__")
	if err != nil {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'async for' requires an object with __aiter__ method, got %s", typeName(v))
	}
	return runtime.Call(th, m, nil, nil)
}

func getANext(th *runtime.Thread, v runtime.Value) (runtime.Value, error) {
	if g, ok := v.Object().(*AsyncGenerator); ok {
		return runtime.Obj(&asyncGenOp{gen: &g.genState, val: runtime.None}), nil
	}
	m, err := runtime.GetAttr(th, v, "__anext__")
	if err != nil {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'async for' received an object from __aiter__ that does not implement __anext__: %s", typeName(v))
	}
	return runtime.Call(th, m, nil, nil)
}

func beforeAsyncWith(th *runtime.Thread, ctx runtime.Value) (exit, aw runtime.Value, err error) {
	enter, err1 := runtime.GetAttr(th, ctx, "__aenter__")
	exit, err2 := runtime.GetAttr(th, ctx, "__aexit__")
	if err1 != nil || err2 != nil {
		return exit, aw, runtime.Errorf(runtime.TypeError, "'%s' object does not support the asynchronous context manager protocol", typeName(ctx))
	}
	aw, err = runtime.Call(th, enter, nil, nil)
	return exit, aw, err
}

// noteDiscarded is POP_TOP with arg 1, ending an expression statement
// that is a call, `f()`, dropping o: a coroutine that never started is
// garbage now, and CPython warns then that it was never awaited. The
// warning waits for the end of the run (see runtime.Thread.DeferWarning)
// and is dropped if the coroutine was started or closed meanwhile (f
// returned one held elsewhere). Coroutines written in Go take part
// through runtime.AwaitState.
func noteDiscarded(th *runtime.Thread, f *Frame, pc int, o runtime.Object) {
	noteDropped(th, f, pc, o, 0)
}

// noteDropped queues the warning for o, dropped at pc of f, and for the
// unstarted coroutines among its arguments (freed with it in CPython).
func noteDropped(th *runtime.Thread, f *Frame, pc int, o runtime.Object, depth int) {
	var name string
	var stale func() bool
	switch c := o.(type) {
	case *Coroutine:
		if c.started || c.finished {
			return
		}
		name, stale = c.qualname(), func() bool { return c.started || c.finished }
		defer noteArgs(th, f, pc, c, depth)
	case runtime.AwaitState:
		n, begun := c.AwaitState()
		if begun || n == "" {
			return
		}
		name, stale = n, func() bool { _, begun := c.AwaitState(); return begun }
	default:
		return
	}
	th.DeferWarning(runtime.PendingWarning{
		File:      f.code.Filename,
		Line:      f.code.Line(pc),
		Category:  runtime.RuntimeWarning,
		Message:   "coroutine '" + name + "' was never awaited",
		AllocHint: true,
		Globals:   f.globals,
		Source:    runtime.Obj(o),
		Stale:     stale,
	})
}

// noteArgs is noteDropped for the arguments of the unstarted coroutine c.
func noteArgs(th *runtime.Thread, f *Frame, pc int, c *Coroutine, depth int) {
	if depth >= 8 {
		return
	}
	for _, v := range c.frame.locals() {
		if o := v.Object(); o != nil && !v.IsNull() {
			noteDropped(th, f, pc, o, depth+1)
		}
	}
}
