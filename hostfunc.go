package pyish

import (
	"context"
	"errors"
	"fmt"
	"reflect"

	"github.com/pyish/pyish/runtime"
)

// Func is the fast host-function signature: no reflection, arguments as
// the vm passes them (keyword values are the last len(kwnames) of args).
type Func func(th *runtime.Thread, args []Value, kwnames []string) (Value, error)

// HostError is a Go error that becomes a chosen pyish exception type in
// the script, e.g. &HostError{Type: "ValueError", Msg: "bad port"}. Other
// Go errors become RuntimeError.
type HostError struct {
	Type string
	Msg  string
}

func (e *HostError) Error() string { return e.Type + ": " + e.Msg }

// NewFunc wraps a Go function as a pyish callable. fn is a Func (called
// directly) or any Go func: its parameters are converted from the
// script's arguments with ExportTo, a final variadic parameter takes the
// rest, and it may return nothing, a value, an error, or a value and an
// error. A panic in fn becomes RuntimeError in the script. A Go func
// whose parameters are plain data (no Value, Func, func or channel) may
// run off the loop: asyncio.to_thread(f, ...) runs it on a goroutine of
// its own, so it must not call back into the interpreter.
func (in *Interpreter) NewFunc(name string, fn any) (Value, error) {
	if f, ok := fn.(Func); ok {
		return in.builtin(name, f), nil
	}
	if f, ok := fn.(func(*runtime.Thread, []Value, []string) (Value, error)); ok {
		return in.builtin(name, f), nil
	}
	if f, ok := in.fastFunc(name, fn); ok {
		return in.withOffload(name, fn, in.builtin(name, f)), nil
	}
	rv := reflect.ValueOf(fn)
	if rv.Kind() != reflect.Func {
		return Value{}, fmt.Errorf("pyish: NewFunc(%q): %T is not a func", name, fn)
	}
	if err := checkResults(rv.Type()); err != nil {
		return Value{}, fmt.Errorf("pyish: NewFunc(%q): %v", name, err)
	}
	return in.withOffload(name, fn, in.builtin(name, in.reflectCall(name, rv))), nil
}

// builtin wraps f so that panics become RuntimeError.
func (in *Interpreter) builtin(name string, f Func) Value {
	safe := func(th *runtime.Thread, args []Value, kwnames []string) (v Value, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = runtime.Errorf(runtime.RuntimeError, "host function %s panicked: %v", name, r)
			}
		}()
		v, err = f(th, args, kwnames)
		if err != nil {
			err = in.toException(err)
		}
		return v, err
	}
	return runtime.Obj(&runtime.BuiltinFunction{Name: name, Fn: safe})
}

// funcToValue converts a Go func met inside a converted value.
func (in *Interpreter) funcToValue(path string, rv reflect.Value) (Value, error) {
	if rv.IsNil() {
		return runtime.None, nil
	}
	v, err := in.NewFunc("<go func>", rv.Interface())
	if err != nil {
		return Value{}, convErrorf(path, "%v", err)
	}
	return v, nil
}

func checkResults(t reflect.Type) error {
	switch t.NumOut() {
	case 0, 1:
		return nil
	case 2:
		if t.Out(1) == errorType {
			return nil
		}
	}
	return errors.New("results must be (), (T), (error) or (T, error)")
}

// reflectCall builds the Func that converts arguments for a Go func.
func (in *Interpreter) reflectCall(name string, rv reflect.Value) Func {
	t := rv.Type()
	return func(th *runtime.Thread, args []Value, kwnames []string) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, runtime.Errorf(runtime.TypeError, "%s() takes no keyword arguments", name)
		}
		vals, err := in.goArgs(name, t, args)
		if err != nil {
			return Value{}, err
		}
		return in.goResults(rv.Call(vals))
	}
}

// goArgs converts script arguments to fn's parameter types.
func (in *Interpreter) goArgs(name string, t reflect.Type, args []Value) ([]reflect.Value, error) {
	nIn := t.NumIn()
	fixed := nIn
	if t.IsVariadic() {
		fixed--
	}
	if len(args) < fixed || (!t.IsVariadic() && len(args) > nIn) {
		return nil, runtime.Errorf(runtime.TypeError, "%s() takes %d arguments (%d given)", name, fixed, len(args))
	}
	vals := make([]reflect.Value, len(args))
	for i, a := range args {
		p := reflect.New(paramType(t, i, fixed)).Elem()
		if err := in.export("", a, p); err != nil {
			return nil, runtime.Errorf(runtime.TypeError, "%s(): %v", name, prefixPath(err, argPath(i)))
		}
		vals[i] = p
	}
	return vals, nil
}

func paramType(t reflect.Type, i, fixed int) reflect.Type {
	if t.IsVariadic() && i >= fixed {
		return t.In(fixed).Elem()
	}
	return t.In(i)
}

// goResults converts a Go func's results back to a pyish value or error.
func (in *Interpreter) goResults(out []reflect.Value) (Value, error) {
	if n := len(out); n > 0 && out[n-1].Type() == errorType {
		if !out[n-1].IsNil() {
			return Value{}, in.toException(out[n-1].Interface().(error))
		}
		out = out[:n-1]
	}
	if len(out) == 0 {
		return runtime.None, nil
	}
	switch r := out[0]; r.Kind() {
	case reflect.Int:
		return runtime.Int(r.Int()), nil
	case reflect.String:
		return runtime.Str(r.String()), nil
	case reflect.Float64:
		return runtime.Float(r.Float()), nil
	case reflect.Bool:
		return runtime.Bool(r.Bool()), nil
	}
	return in.toValue("result", out[0])
}

// toException turns a Go error into the pyish exception it stands for.
func (in *Interpreter) toException(err error) error {
	var exc *runtime.Exception
	if errors.As(err, &exc) {
		return exc
	}
	var pe *Error
	if errors.As(err, &pe) && pe.Exception != nil {
		return pe.Exception
	}
	if errors.Is(err, context.Canceled) {
		return runtime.Errorf(cancelledErrorType(in.th), "%v", err)
	}
	var he *HostError
	if errors.As(err, &he) {
		if t := in.exceptionType(he.Type); t != nil {
			return runtime.NewException(t, runtime.Str(he.Msg))
		}
	}
	return hostException(err)
}

// exceptionType finds a builtin exception class by name.
func (in *Interpreter) exceptionType(name string) *runtime.Type {
	v, ok := dictGetStr(in.th.Builtins, name)
	if !ok {
		return nil
	}
	t, _ := v.Object().(*runtime.Type)
	return t
}

// hostException is a RuntimeError carrying a Go error's text.
func hostException(err error) *runtime.Exception {
	return runtime.NewException(runtime.RuntimeError, runtime.Str(err.Error()))
}
