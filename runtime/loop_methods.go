package runtime

// This file defines the Python methods of event loops and handles.

func init() {
	LoopType.SetMethods(map[string]MethodFunc{
		"run_until_complete":        loop_run_until_complete,
		"run_forever":               loop_run_forever,
		"stop":                      loop_stop,
		"close":                     loop_close,
		"is_running":                loop_is_running,
		"is_closed":                 loop_is_closed,
		"time":                      loop_time,
		"call_soon":                 loop_call_soon,
		"call_soon_threadsafe":      loop_call_soon,
		"call_later":                loop_call_later,
		"call_at":                   loop_call_at,
		"create_task":               loop_create_task,
		"create_future":             loop_create_future,
		"get_debug":                 loop_get_debug,
		"set_exception_handler":     loop_set_exception_handler,
		"get_exception_handler":     loop_get_exception_handler,
		"call_exception_handler":    loop_call_exception_handler(false),
		"default_exception_handler": loop_call_exception_handler(true),
		"set_debug":                 loop_set_debug,
	})
	HandleType.SetMethods(map[string]MethodFunc{
		"cancel":    handle_cancel,
		"cancelled": handle_cancelled,
	})
	TimerHandleType.SetMethods(map[string]MethodFunc{
		"when": handle_when,
	})
}

func loopOf(v Value) (*Loop, error) {
	if l, ok := v.Object().(*Loop); ok {
		return l, nil
	}
	return nil, Errorf(TypeError, "descriptor requires an event loop")
}

func (l *Loop) checkClosed() error {
	if l.closed {
		return Errorf(RuntimeError, "Event loop is closed")
	}
	return nil
}

func loop_run_until_complete(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	l, err := loopOf(self)
	if err != nil {
		return Value{}, err
	}
	var fut Value
	if err := UnpackArgs("run_until_complete", args, kw, "future", &fut); err != nil {
		return Value{}, err
	}
	return l.RunUntilComplete(fut)
}

func loop_run_forever(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	l, err := loopOf(self)
	if err != nil {
		return Value{}, err
	}
	if err := loopNoArgs("run_forever", args, kw); err != nil {
		return Value{}, err
	}
	return None, l.RunForever()
}

func loop_stop(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	l, err := loopOf(self)
	if err != nil {
		return Value{}, err
	}
	l.Stop()
	return None, loopNoArgs("stop", args, kw)
}

func loop_close(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	l, err := loopOf(self)
	if err != nil {
		return Value{}, err
	}
	if err := loopNoArgs("close", args, kw); err != nil {
		return Value{}, err
	}
	return None, l.Close()
}

func loop_is_running(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	l, err := loopOf(self)
	if err != nil {
		return Value{}, err
	}
	return Bool(l.running), loopNoArgs("is_running", args, kw)
}

func loop_is_closed(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	l, err := loopOf(self)
	if err != nil {
		return Value{}, err
	}
	return Bool(l.closed), loopNoArgs("is_closed", args, kw)
}

func loop_time(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	l, err := loopOf(self)
	if err != nil {
		return Value{}, err
	}
	return Float(l.Time()), loopNoArgs("time", args, kw)
}

func loop_get_debug(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	return False, nil
}

func loop_set_exception_handler(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	l, err := loopOf(self)
	if err != nil {
		return Value{}, err
	}
	var h Value
	if err := UnpackArgs("set_exception_handler", args, kw, "handler", &h); err != nil {
		return Value{}, err
	}
	if !h.IsNone() && !IsCallable(h) {
		r, _ := Repr(th, h)
		return Value{}, Errorf(TypeError, "A callable object or None is expected, got %s", r)
	}
	l.excHandler = h
	return None, nil
}

func loop_get_exception_handler(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	l, err := loopOf(self)
	if err != nil {
		return Value{}, err
	}
	if l.excHandler.IsNull() {
		return None, loopNoArgs("get_exception_handler", args, kw)
	}
	return l.excHandler, loopNoArgs("get_exception_handler", args, kw)
}

// loop_call_exception_handler is call_exception_handler(context), or
// with dflt default_exception_handler(context).
func loop_call_exception_handler(dflt bool) MethodFunc {
	return func(th *Thread, self Value, args []Value, kw []string) (Value, error) {
		l, err := loopOf(self)
		if err != nil {
			return Value{}, err
		}
		var ctx *Dict
		if err := UnpackArgs("call_exception_handler", args, kw, "context", &ctx); err != nil {
			return Value{}, err
		}
		msg, exc, items := contextItems(th, ctx)
		if dflt {
			l.defaultExceptionHandler(msg, exc, items)
		} else {
			l.ReportException(msg, exc, items...)
		}
		return None, nil
	}
}

func loop_set_debug(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	return None, nil
}

// pythonHandle makes the Go body and description of a Python callback
// scheduled with its arguments.
func (l *Loop) pythonHandle(th *Thread, h *Handle, fn Value, args []Value) {
	args = append([]Value(nil), args...)
	h.fn = func() { l.callPython(fn, args, h) }
	h.describe = func() string { return describeCall(th, fn, args) }
}

// loopCallbackArgs checks call_soon-style arguments: a callable and its
// arguments, with context= accepted and ignored.
func loopCallbackArgs(fname string, args []Value, kw []string, skip int) ([]Value, error) {
	pos, err := loopCallArgs(fname, args, kw, "context")
	if err != nil {
		return nil, err
	}
	if len(pos) <= skip {
		return nil, Errorf(TypeError, "%s() missing required argument", fname)
	}
	if _, ok := pos[skip].Object().(Callable); !ok {
		return nil, Errorf(TypeError, "a callable object was expected by %s(), got %s", fname, loopReprOrType(pos[skip]))
	}
	return pos, nil
}

func loopReprOrType(v Value) string {
	if v.IsInline() {
		return v.Type().Name
	}
	return "'" + v.Type().Name + "'"
}

func loop_call_soon(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	l, err := loopOf(self)
	if err != nil {
		return Value{}, err
	}
	pos, err := loopCallbackArgs("call_soon", args, kw, 0)
	if err != nil {
		return Value{}, err
	}
	if err := l.checkClosed(); err != nil {
		return Value{}, err
	}
	h := &Handle{loop: l, index: -1}
	l.pythonHandle(th, h, pos[0], pos[1:])
	l.ready.push(h)
	return Obj(h), nil
}

func (l *Loop) pythonTimer(th *Thread, when float64, pos []Value) (Value, error) {
	if err := l.checkClosed(); err != nil {
		return Value{}, err
	}
	h := l.CallAt(when, nil)
	l.pythonHandle(th, h, pos[1], pos[2:])
	return Obj(h), nil
}

func loop_call_later(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	l, err := loopOf(self)
	if err != nil {
		return Value{}, err
	}
	pos, err := loopCallbackArgs("call_later", args, kw, 1)
	if err != nil {
		return Value{}, err
	}
	d, err := ToFloat(th, pos[0])
	if err != nil {
		return Value{}, err
	}
	return l.pythonTimer(th, l.Time()+d, pos)
}

func loop_call_at(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	l, err := loopOf(self)
	if err != nil {
		return Value{}, err
	}
	pos, err := loopCallbackArgs("call_at", args, kw, 1)
	if err != nil {
		return Value{}, err
	}
	when, err := ToFloat(th, pos[0])
	if err != nil {
		return Value{}, err
	}
	return l.pythonTimer(th, when, pos)
}

func loop_create_task(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	l, err := loopOf(self)
	if err != nil {
		return Value{}, err
	}
	var coro, name Value
	name = None
	ctx := None
	if err := UnpackArgs("create_task", args, kw, "coro", &coro, "name?", &name, "context?", &ctx); err != nil {
		return Value{}, err
	}
	t, err := l.NewTaskValue(th, coro, name)
	if err != nil {
		return Value{}, err
	}
	return Obj(t), nil
}

// NewTaskValue is loop.create_task(coro, name=name) for Python values:
// TypeError unless coro is a coroutine, RuntimeError if the loop is
// closed; name None gives the default name.
func (l *Loop) NewTaskValue(th *Thread, coro, name Value) (*Task, error) {
	c, ok := coro.Object().(Coroutine)
	if !ok {
		r, _ := Repr(th, coro)
		return nil, Errorf(TypeError, "a coroutine was expected, got %s", r)
	}
	if err := l.checkClosed(); err != nil {
		c.Close(th)
		return nil, err
	}
	if name.IsNull() || name.IsNone() {
		return l.CreateTask(c, ""), nil
	}
	s, err := StrOf(th, name)
	if err != nil {
		return nil, err
	}
	return l.CreateNamedTask(c, s), nil
}

func loop_create_future(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	l, err := loopOf(self)
	if err != nil {
		return Value{}, err
	}
	return Obj(NewFuture(l)), loopNoArgs("create_future", args, kw)
}

func handle_cancel(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	h, ok := self.Object().(*Handle)
	if !ok {
		return Value{}, Errorf(TypeError, "descriptor 'cancel' requires a 'Handle' object")
	}
	h.Cancel()
	return None, loopNoArgs("cancel", args, kw)
}

func handle_cancelled(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	h, ok := self.Object().(*Handle)
	if !ok {
		return Value{}, Errorf(TypeError, "descriptor 'cancelled' requires a 'Handle' object")
	}
	return Bool(h.cancelled), loopNoArgs("cancelled", args, kw)
}

func handle_when(th *Thread, self Value, args []Value, kw []string) (Value, error) {
	h, ok := self.Object().(*Handle)
	if !ok {
		return Value{}, Errorf(TypeError, "descriptor 'when' requires a 'TimerHandle' object")
	}
	return Float(h.when), loopNoArgs("when", args, kw)
}
