package vm

// This file defines generator objects (and the state they share with
// coroutines and async generators): a suspended frame resumed by a nested
// run from next(), send() and throw().

import (
	"fmt"
	"unsafe"

	"github.com/pyish/pyish/runtime"
)

type genKind uint8

const (
	kindGenerator genKind = iota
	kindCoroutine
	kindAsyncGen
)

// genState is what generators, coroutines and async generators share: the
// frame of a call to a function whose body yields or is async.
type genState struct {
	frame *Frame
	inner *Frame // coroutines: the innermost frame of the suspended chain
	// qual is the __qualname__ of the function when the call was made (a
	// pointer to an immutable string: a parked coroutine is kept small).
	qual     *string
	op       *asyncGenOp // async generators: the operation being awaited
	mark     uint32      // see SwapMark; in the padding of the small fields
	kind     genKind
	started  bool
	running  bool
	finished bool
}

// SwapMark implements runtime.Marker: gather stamps the coroutines it is
// given to find one passed twice without a table.
func (g *genState) SwapMark(m uint32) uint32 {
	old := g.mark
	g.mark = m
	return old
}

// Types of generator-like objects.
var (
	GeneratorType      = runtime.NewType("generator", nil)
	CoroutineType      = runtime.NewType("coroutine", nil)
	AsyncGeneratorType = runtime.NewType("async_generator", nil)
)

func init() {
	GeneratorType.SetMethods(map[string]runtime.MethodFunc{
		"send":     generator_send,
		"throw":    generator_throw,
		"close":    generator_close,
		"__next__": generator_next,
		"__iter__": func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
			return self, nil
		},
	})
}

// Generator is a generator object (a call to a function that yields).
type Generator struct{ genState }

// Coroutine is a coroutine object (a call to an async def); the event
// loop steps it through runtime.Coroutine.
type Coroutine struct{ genState }

// AsyncGenerator is an async generator object (an async def that yields).
type AsyncGenerator struct{ genState }

// newGenerator wraps a fresh frame of a generator or async function.
func newGenerator(f *Frame) runtime.Value {
	st := genState{frame: f, qual: &f.code.QualName}
	if f.fn != nil {
		st.qual = f.fn.qualnamePtr()
	}
	switch {
	case f.code.has(flagAsyncGen):
		st.kind = kindAsyncGen
		g := &AsyncGenerator{st}
		f.gen = &g.genState
		return runtime.Obj(g)
	case f.code.has(flagCoroutine):
		st.kind = kindCoroutine
		g := &Coroutine{st}
		f.gen = &g.genState
		return runtime.Obj(g)
	}
	g := &Generator{st}
	f.gen = &g.genState
	return runtime.Obj(g)
}

// coroutineWithFrame returns, for a call of the async function co, a
// coroutine object and an unused frame with room for co's values, all
// in one allocation: every task is such a call. It returns nils for
// other code and for frames too big to share.
func coroutineWithFrame(co *Code) (*Coroutine, *Frame) {
	if co.Flags&(flagCoroutine|flagAsyncGen) != flagCoroutine {
		return nil, nil
	}
	switch n := len(co.VarNames) + co.StackSize; {
	case n <= 4:
		x := &coroutineVals4{}
		x.f.vals = x.v[:n]
		return &x.c, &x.f
	case n <= 8:
		x := &coroutineVals8{}
		x.f.vals = x.v[:n]
		return &x.c, &x.f
	case n <= 12:
		x := &coroutineVals12{}
		x.f.vals = x.v[:n]
		return &x.c, &x.f
	case n <= 16:
		x := &coroutineVals16{}
		x.f.vals = x.v[:n]
		return &x.c, &x.f
	}
	return nil, nil
}

// A coroutine, its frame and its values in one allocation (see
// coroutineWithFrame).
type (
	coroutineVals4 struct {
		c Coroutine
		f Frame
		v [4]runtime.Value
	}
	coroutineVals8 struct {
		c Coroutine
		f Frame
		v [8]runtime.Value
	}
	coroutineVals12 struct {
		c Coroutine
		f Frame
		v [12]runtime.Value
	}
	coroutineVals16 struct {
		c Coroutine
		f Frame
		v [16]runtime.Value
	}
)

// start makes c the coroutine object of its fresh frame f, as
// newGenerator does.
func (c *Coroutine) start(f *Frame) runtime.Value {
	c.genState = genState{kind: kindCoroutine, frame: f, qual: &f.code.QualName}
	if f.fn != nil {
		c.qual = f.fn.qualnamePtr()
	}
	f.gen = &c.genState
	return runtime.Obj(c)
}

// Type implements runtime.Object.
func (g *Generator) Type() *runtime.Type { return GeneratorType }

// Type implements runtime.Object.
func (c *Coroutine) Type() *runtime.Type { return CoroutineType }

// Type implements runtime.Object.
func (a *AsyncGenerator) Type() *runtime.Type { return AsyncGeneratorType }

func (g *genState) typeName() string {
	switch g.kind {
	case kindCoroutine:
		return "coroutine"
	case kindAsyncGen:
		return "async_generator"
	}
	return "generator"
}

func (g *genState) kindName() string {
	switch g.kind {
	case kindCoroutine:
		return "coroutine"
	case kindAsyncGen:
		return "async generator"
	}
	return "generator"
}

// qualname returns the __qualname__ the generator was made with.
func (g *genState) qualname() string { return *g.qual }

func (g *genState) repr() string {
	return fmt.Sprintf("<%s object %s at %s>", g.typeName(), g.qualname(), addr(unsafe.Pointer(g)))
}

// Repr implements runtime.HasRepr.
func (g *Generator) Repr(th *runtime.Thread) (string, error) { return g.repr(), nil }

// Repr implements runtime.HasRepr.
func (c *Coroutine) Repr(th *runtime.Thread) (string, error) { return c.repr(), nil }

// Repr implements runtime.HasRepr.
func (a *AsyncGenerator) Repr(th *runtime.Thread) (string, error) { return a.repr(), nil }

// Hash implements runtime.HasHash (identity).
func (g *Generator) Hash(th *runtime.Thread) (int64, error) { return ptrHash(unsafe.Pointer(g)), nil }

// Hash implements runtime.HasHash (identity).
func (c *Coroutine) Hash(th *runtime.Thread) (int64, error) { return ptrHash(unsafe.Pointer(c)), nil }

// Hash implements runtime.HasHash (identity).
func (a *AsyncGenerator) Hash(th *runtime.Thread) (int64, error) {
	return ptrHash(unsafe.Pointer(a)), nil
}

// finish marks the generator done and releases its frame's values.
func (g *genState) finish() {
	g.finished = true
	g.running = false
	g.inner = nil
}

// deliver passes a resumption into a suspended frame.
func deliver(f *Frame, send runtime.Value, exc *runtime.Exception) {
	if exc != nil {
		f.setThrowing(exc)
		return
	}
	if send.IsNull() {
		send = runtime.None
	}
	if f.is(fAtSend) {
		f.vals[f.sp-1] = send
		f.flags &^= fAtSend
		return
	}
	f.push(send)
}

// resume runs a plain generator until it yields (done false) or returns
// (done true, v = its return value).
func (g *genState) resume(th *runtime.Thread, send runtime.Value, exc *runtime.Exception) (runtime.Value, bool, error) {
	if g.running {
		return runtime.Value{}, false, runtime.Errorf(runtime.ValueError, "generator already executing")
	}
	if g.finished {
		if exc != nil {
			return runtime.Value{}, true, exc
		}
		return runtime.None, true, nil
	}
	f := g.frame
	if !g.started {
		if exc != nil {
			g.finish()
			return runtime.Value{}, true, exc
		}
		if !send.IsNull() && !send.IsNone() {
			return runtime.Value{}, false, runtime.Errorf(runtime.TypeError, "can't send non-None value to a just-started generator")
		}
		g.started = true
	} else {
		deliver(f, send, exc)
	}
	if err := pushDepth(th); err != nil {
		return runtime.Value{}, false, err
	}
	d := th.Depth - 1
	g.running = true
	f.setEntry(true)
	v, st, _, err := run(th, f)
	th.Depth = d
	g.running = false
	if err != nil {
		return runtime.Value{}, true, err
	}
	return v, st == stReturn, nil
}

// Next implements runtime.Iterator.
func (g *Generator) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	v, done, err := g.resume(th, runtime.None, nil)
	if err != nil || done {
		return runtime.Value{}, false, err
	}
	return v, true, nil
}

// NextOrStop implements runtime.Returner: next(g), whose StopIteration
// carries the generator's return value.
func (g *Generator) NextOrStop(th *runtime.Thread) (runtime.Value, error) {
	v, done, err := g.resume(th, runtime.None, nil)
	switch {
	case err != nil:
		return runtime.Value{}, err
	case done:
		return runtime.Value{}, stopIteration(v)
	}
	return v, nil
}

// stopIteration builds StopIteration carrying a return value.
func stopIteration(v runtime.Value) error {
	if v.IsNull() || v.IsNone() {
		return runtime.NewException(runtime.StopIteration)
	}
	return runtime.NewException(runtime.StopIteration, v)
}

// stopValue is the value carried by a StopIteration.
func stopValue(e *runtime.Exception) runtime.Value {
	if len(e.Args) > 0 {
		return e.Args[0]
	}
	return runtime.None
}

// asGenerator returns the state of a generator, coroutine or async generator.
func asGenerator(self runtime.Value) *genState {
	switch o := self.Object().(type) {
	case *Generator:
		return &o.genState
	case *Coroutine:
		return &o.genState
	case *AsyncGenerator:
		return &o.genState
	}
	return nil
}

func generator_next(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
	v, done, err := asGenerator(self).resume(th, runtime.None, nil)
	if err != nil {
		return runtime.Value{}, err
	}
	if done {
		return runtime.Value{}, stopIteration(v)
	}
	return v, nil
}

func generator_send(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
	var v runtime.Value
	if err := runtime.UnpackArgs("send", args, kw, "value", &v); err != nil {
		return runtime.Value{}, err
	}
	r, done, err := asGenerator(self).resume(th, v, nil)
	if err != nil {
		return runtime.Value{}, err
	}
	if done {
		return runtime.Value{}, stopIteration(r)
	}
	return r, nil
}

// throwArgs builds the exception of throw(type[, value]).
func throwArgs(th *runtime.Thread, args []runtime.Value) (*runtime.Exception, error) {
	if len(args) == 0 || len(args) > 3 {
		return nil, runtime.Errorf(runtime.TypeError, "throw expected at least 1 argument, got %d", len(args))
	}
	typ := args[0]
	if len(args) >= 2 && !args[1].IsNone() {
		if e, ok := args[1].Object().(*runtime.Exception); ok {
			return e, nil
		}
		r, err := runtime.Call(th, typ, args[1:2], nil)
		if err != nil {
			return nil, err
		}
		typ = r
	}
	return instantiate(th, typ, "exceptions must be classes or instances deriving from BaseException, not "+typeName(typ))
}

func generator_throw(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
	exc, err := throwArgs(th, args)
	if err != nil {
		return runtime.Value{}, err
	}
	r, done, err := asGenerator(self).resume(th, runtime.None, exc)
	if err != nil {
		return runtime.Value{}, err
	}
	if done {
		return runtime.Value{}, stopIteration(r)
	}
	return r, nil
}

func generator_close(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
	return runtime.None, asGenerator(self).close(th)
}

// close throws GeneratorExit into a suspended generator or coroutine.
func (g *genState) close(th *runtime.Thread) error {
	if !g.started || g.finished {
		g.finish()
		return nil
	}
	exc := runtime.NewException(runtime.GeneratorExit)
	var done bool
	var err error
	if g.kind == kindGenerator {
		_, done, err = g.resume(th, runtime.None, exc)
	} else {
		_, done, err = g.resumeCoroutine(th, runtime.None, exc)
	}
	if err != nil {
		if e, ok := err.(*runtime.Exception); ok && (isExc(e, runtime.GeneratorExit) || isExc(e, runtime.StopIteration)) {
			return nil
		}
		return err
	}
	if !done {
		return runtime.Errorf(runtime.RuntimeError, "%s ignored GeneratorExit", g.kindName())
	}
	return nil
}

// getYieldFromIter is iter(x) for `yield from x`.
func getYieldFromIter(th *runtime.Thread, f *Frame, v runtime.Value) (runtime.Value, error) {
	switch v.Object().(type) {
	case *Generator:
		return v, nil
	case *Coroutine:
		if !f.code.has(flagCoroutine) {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator")
		}
		return v, nil
	}
	return getIter(th, v)
}

// sendTo advances a delegate of `yield from` or `await` (anything that is
// not a vm coroutine, which is linked instead): done reports that it
// finished with result v; otherwise v is the value it yielded.
func sendTo(th *runtime.Thread, sub, val runtime.Value, exc *runtime.Exception) (runtime.Value, bool, error) {
	switch o := sub.Object().(type) {
	case *Generator:
		return o.resume(th, val, exc)
	case *Coroutine:
		return o.Resume(th, val, exc)
	case runtime.Waitable:
		if exc != nil {
			return runtime.Value{}, true, exc
		}
		if o.Done() {
			r, err := o.Result(th)
			return r, true, err
		}
		return sub, false, nil
	case runtime.Coroutine:
		return o.Resume(th, val, exc)
	}
	return sendToIterator(th, sub, val, exc)
}

// sendToIterator delegates to an iterator: next() for None, else its send
// and throw methods.
func sendToIterator(th *runtime.Thread, sub, val runtime.Value, exc *runtime.Exception) (runtime.Value, bool, error) {
	var r runtime.Value
	var err error
	switch {
	case exc != nil:
		m, e := runtime.GetAttr(th, sub, "throw")
		if e != nil {
			return runtime.Value{}, true, exc
		}
		r, err = runtime.Call(th, m, []runtime.Value{runtime.Obj(exc)}, nil)
	case val.IsNull() || val.IsNone():
		it, ok := sub.Object().(runtime.Iterator)
		if !ok {
			return runtime.Value{}, true, runtime.Errorf(runtime.TypeError, "'%s' object is not an iterator", typeName(sub))
		}
		x, ok, err := it.Next(th)
		if err != nil || !ok {
			return runtime.None, true, err
		}
		return x, false, nil
	default:
		m, e := runtime.GetAttr(th, sub, "send")
		if e != nil {
			return runtime.Value{}, true, e
		}
		r, err = runtime.Call(th, m, []runtime.Value{val}, nil)
	}
	if err != nil {
		if e, ok := err.(*runtime.Exception); ok && isExc(e, runtime.StopIteration) {
			return stopValue(e), true, nil
		}
		return runtime.Value{}, true, err
	}
	return r, false, nil
}

// closeLoopIter is POP_ITER: a suspended generator that only the loop held
// is closed at once, so its finally blocks run where CPython runs them.
// An async generator is closed in a task of its own (see
// finalizeLoopAsyncGen).
func closeLoopIter(th *runtime.Thread, it runtime.Value) error {
	switch g := it.Object().(type) {
	case *Generator:
		if g.started && !g.finished && !g.running {
			return g.close(th)
		}
	case *AsyncGenerator:
		finalizeLoopAsyncGen(th, g)
	}
	return nil
}
