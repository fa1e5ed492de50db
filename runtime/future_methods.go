package runtime

// This file defines asyncio's exception types and the Python methods of
// Future and Task.

// asyncio's exceptions. asyncio.TimeoutError is the builtin TimeoutError.
var (
	CancelledError    = NewExceptionType("asyncio.exceptions.CancelledError", BaseException)
	InvalidStateError = NewExceptionType("asyncio.exceptions.InvalidStateError", Exception_)
)

func init() {
	FutureType.New = future_new
	TaskType.New = task_new
	FutureType.SetMethods(map[string]MethodFunc{
		"result":               future_result,
		"exception":            future_exception,
		"done":                 future_done,
		"cancelled":            future_cancelled,
		"cancel":               future_cancel,
		"add_done_callback":    future_add_done_callback,
		"remove_done_callback": future_remove_done_callback,
		"set_result":           future_set_result,
		"set_exception":        future_set_exception,
		"get_loop":             future_get_loop,
		"__await__":            future_await,
		"__iter__":             future_await,
	})
	futureIterType.SetMethods(map[string]MethodFunc{
		"send":  futureiter_send,
		"throw": futureiter_throw,
		"close": futureiter_close,
	})
	TaskType.SetMethods(map[string]MethodFunc{
		"get_name":      task_get_name,
		"set_name":      task_set_name,
		"get_coro":      task_get_coro,
		"cancelling":    task_cancelling,
		"uncancel":      task_uncancel,
		"get_stack":     task_get_stack,
		"set_result":    task_unsupported("set_result"),
		"set_exception": task_unsupported("set_exception"),
	})
}

// future_new is Future(*, loop=None): a future on loop, else on the
// running loop or the thread's current one.
func future_new(th *Thread, t *Type, args []Value, kw []string) (Value, error) {
	if t != FutureType {
		return Value{}, Errorf(TypeError, "subclassing asyncio.Future is not supported")
	}
	loopArg := None
	if err := UnpackArgs("Future", args, kw, "loop?", &loopArg); err != nil {
		return Value{}, err
	}
	if len(args) > len(kw) {
		return Value{}, Errorf(TypeError, "Future() takes no positional arguments")
	}
	l, ok := loopArg.Object().(*Loop)
	if !ok {
		if l, ok = th.Loop, th.Loop != nil; !ok {
			return Value{}, Errorf(RuntimeError, "There is no current event loop in thread 'MainThread'.")
		}
	}
	return Obj(NewFuture(l)), nil
}

// task_new is Task(coro, *, loop=None, name=None, context=None).
func task_new(th *Thread, t *Type, args []Value, kw []string) (Value, error) {
	var coro Value
	loopArg, name, ctx := None, None, None
	if err := UnpackArgs("Task", args, kw, "coro", &coro, "loop?", &loopArg, "name?", &name, "context?", &ctx); err != nil {
		return Value{}, err
	}
	l, ok := loopArg.Object().(*Loop)
	if !ok {
		var err error
		if l, err = RunningLoop(th); err != nil {
			return Value{}, err
		}
	}
	task, err := l.NewTaskValue(th, coro, name)
	if err != nil {
		return Value{}, err
	}
	return Obj(task), nil
}

// futureIterType is the type of Future.__await__()'s iterator.
var futureIterType = NewType("_asyncio.FutureIter", nil)

// futureIter is Future.__await__ as an iterator, for `yield from fut` in
// __await__ methods: it yields the future while it is pending, then
// stops with its result.
type futureIter struct {
	f       *Future
	yielded bool
}

// Type implements Object.
func (it *futureIter) Type() *Type { return futureIterType }

// Next implements Iterator.
func (it *futureIter) Next(th *Thread) (Value, bool, error) {
	v, err := it.step(th)
	if err != nil {
		if e := AsException(err); e.Type() == StopIteration {
			return Value{}, false, nil
		}
		return Value{}, false, err
	}
	return v, true, nil
}

// step yields the future or raises StopIteration(result).
func (it *futureIter) step(th *Thread) (Value, error) {
	f := it.f
	if !f.Done() {
		if it.yielded {
			return Value{}, Errorf(RuntimeError, "await wasn't used with future")
		}
		it.yielded = true
		return Obj(f.self()), nil
	}
	r, err := f.Result(th)
	if err != nil {
		return Value{}, err
	}
	return Value{}, NewException(StopIteration, r)
}

func future_await(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	f, err := futureOf(self)
	if err != nil {
		return Value{}, err
	}
	return Obj(&futureIter{f: f}), nil
}

func futureiter_send(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	return self.Object().(*futureIter).step(th)
}

func futureiter_throw(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	if len(args) == 0 {
		return Value{}, Errorf(TypeError, "throw expected at least 1 argument, got 0")
	}
	if e, ok := args[0].Object().(*Exception); ok {
		return Value{}, e
	}
	if t, ok := args[0].Object().(*Type); ok {
		return Value{}, NewException(t)
	}
	return Value{}, Errorf(TypeError, "exceptions must derive from BaseException")
}

func futureiter_close(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	return None, nil
}

// futureOf returns the Future part of a Future or Task value.
func futureOf(v Value) (*Future, error) {
	if f, ok := v.Object().(FutureLike); ok {
		return f.BaseFuture(), nil
	}
	return nil, Errorf(TypeError, "descriptor requires a '_asyncio.Future' object")
}

func taskOf(v Value) (*Task, error) {
	if t, ok := v.Object().(*Task); ok {
		return t, nil
	}
	return nil, Errorf(TypeError, "descriptor requires a '_asyncio.Task' object")
}

func loopNoArgs(name string, args []Value, kw []string) error {
	return UnpackArgs(name, args, kw)
}

func future_result(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	f, err := futureOf(self)
	if err != nil {
		return Value{}, err
	}
	if err := loopNoArgs("result", args, kw); err != nil {
		return Value{}, err
	}
	return f.Result(th)
}

func future_exception(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	f, err := futureOf(self)
	if err != nil {
		return Value{}, err
	}
	if err := loopNoArgs("exception", args, kw); err != nil {
		return Value{}, err
	}
	e, err := f.Exception()
	if err != nil {
		return Value{}, err
	}
	if e == nil {
		return None, nil
	}
	return Obj(e), nil
}

func future_done(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	f, err := futureOf(self)
	if err != nil {
		return Value{}, err
	}
	return Bool(f.Done()), loopNoArgs("done", args, kw)
}

func future_cancelled(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	f, err := futureOf(self)
	if err != nil {
		return Value{}, err
	}
	return Bool(f.Cancelled()), loopNoArgs("cancelled", args, kw)
}

func future_cancel(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	c, ok := self.Object().(canceller)
	if !ok {
		return Value{}, Errorf(TypeError, "descriptor 'cancel' requires a '_asyncio.Future' object")
	}
	msg := None
	if err := UnpackArgs("cancel", args, kw, "msg?", &msg); err != nil {
		return Value{}, err
	}
	return Bool(c.Cancel(msg)), nil
}

// loopCallArgs splits vectorcall arguments, ignoring the keyword arguments
// named in allowed (context=) and refusing others.
func loopCallArgs(fname string, args []Value, kw []string, allowed ...string) ([]Value, error) {
	pos := args[:len(args)-len(kw)]
	for _, k := range kw {
		ok := false
		for _, a := range allowed {
			ok = ok || a == k
		}
		if !ok {
			return nil, Errorf(TypeError, "%s() got an unexpected keyword argument '%s'", fname, k)
		}
	}
	return pos, nil
}

func future_add_done_callback(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	f, err := futureOf(self)
	if err != nil {
		return Value{}, err
	}
	pos, err := loopCallArgs("add_done_callback", args, kw, "context")
	if err != nil {
		return Value{}, err
	}
	if len(pos) != 1 {
		return Value{}, Errorf(TypeError, "add_done_callback() takes exactly one argument (%d given)", len(pos))
	}
	fn := pos[0]
	f.addCallback(doneCallback{
		fn:  func() { f.loop.callPython(fn, []Value{Obj(f.self())}, nil) },
		key: fn,
	})
	return None, nil
}

func future_remove_done_callback(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	f, err := futureOf(self)
	if err != nil {
		return Value{}, err
	}
	var fn Value
	if err := UnpackArgs("remove_done_callback", args, kw, "fn", &fn); err != nil {
		return Value{}, err
	}
	var cmpErr error
	n := f.removeCallbacks(func(key any) bool {
		k, ok := key.(Value)
		if !ok || cmpErr != nil {
			return false
		}
		eq, err := Equal(th, k, fn)
		cmpErr = err
		return eq
	})
	if cmpErr != nil {
		return Value{}, cmpErr
	}
	return Int(int64(n)), nil
}

func future_set_result(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	f, err := futureOf(self)
	if err != nil {
		return Value{}, err
	}
	var v Value
	if err := UnpackArgs("set_result", args, kw, "result", &v); err != nil {
		return Value{}, err
	}
	return None, f.SetResult(v)
}

func future_set_exception(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	f, err := futureOf(self)
	if err != nil {
		return Value{}, err
	}
	var v Value
	if err := UnpackArgs("set_exception", args, kw, "exception", &v); err != nil {
		return Value{}, err
	}
	if f.Done() {
		return Value{}, f.invalidState()
	}
	if t, ok := v.Object().(*Type); ok {
		if v, err = Call(th, Obj(t), nil, nil); err != nil {
			return Value{}, err
		}
	}
	e, ok := v.Object().(*Exception)
	if !ok {
		return Value{}, Errorf(TypeError, "exception must be a BaseException")
	}
	return None, f.SetException(e)
}

func future_get_loop(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	f, err := futureOf(self)
	if err != nil {
		return Value{}, err
	}
	return Obj(f.loop), loopNoArgs("get_loop", args, kw)
}

func task_get_name(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	t, err := taskOf(self)
	if err != nil {
		return Value{}, err
	}
	return Str(t.Name()), loopNoArgs("get_name", args, kw)
}

func task_set_name(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	t, err := taskOf(self)
	if err != nil {
		return Value{}, err
	}
	var v Value
	if err := UnpackArgs("set_name", args, kw, "value", &v); err != nil {
		return Value{}, err
	}
	s, err := StrOf(th, v)
	if err != nil {
		return Value{}, err
	}
	t.SetName(s)
	return None, nil
}

func task_get_coro(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	t, err := taskOf(self)
	if err != nil {
		return Value{}, err
	}
	return Obj(t.coro), loopNoArgs("get_coro", args, kw)
}

func task_cancelling(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	t, err := taskOf(self)
	if err != nil {
		return Value{}, err
	}
	return Int(int64(t.numCancels)), loopNoArgs("cancelling", args, kw)
}

func task_uncancel(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	t, err := taskOf(self)
	if err != nil {
		return Value{}, err
	}
	return Int(int64(t.Uncancel())), loopNoArgs("uncancel", args, kw)
}

func task_get_stack(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	return Obj(NewList(nil)), nil
}

func task_unsupported(name string) MethodFunc {
	return func(th *Thread, self Value, args []Value, kw []string) (Value, error) {
		return Value{}, Errorf(RuntimeError, "Task does not support %s operation", name)
	}
}

// Iter implements Iterable: iter(fut) is fut.__await__(), so that `yield
// from fut` works in an __await__ method.
func (f *Future) Iter(th *Thread) (Iterator, error) { return &futureIter{f: f}, nil }

// Resume implements Coroutine, so that the vm's `yield from` gets the
// result as the value (its plain-iterator path has no return value).
func (it *futureIter) Resume(th *Thread, send Value, exc *Exception) (Value, bool, error) {
	if exc != nil {
		return Value{}, true, exc
	}
	v, err := it.step(th)
	if err == nil {
		return v, false, nil
	}
	if e := AsException(err); e.Type() == StopIteration {
		return e.Args[0], true, nil
	}
	return Value{}, true, err
}

// Close implements Coroutine.
func (it *futureIter) Close(th *Thread) error { return nil }
