package pyish

import (
	"context"
	"fmt"
	"reflect"

	"github.com/pyish/pyish/runtime"
)

var contextType = reflect.TypeOf((*context.Context)(nil)).Elem()

// NewAsyncFunc wraps a Go function as an async pyish function: calling it
// from a script returns a Future at once, fn runs on its own goroutine,
// and its result comes back to the loop through the thread-safe door.
// fn's first parameter is a context.Context, cancelled when the awaiting
// task is cancelled (by cancel(), a timeout or a TaskGroup) or the
// interpreter is interrupted; the other parameters and the results follow
// NewFunc's rules. Arguments are converted on the loop before fn starts,
// so fn never touches pyish objects from its goroutine.
func (in *Interpreter) NewAsyncFunc(name string, fn any) (Value, error) {
	rv := reflect.ValueOf(fn)
	t := rv.Type()
	if rv.Kind() != reflect.Func || t.NumIn() == 0 || t.In(0) != contextType {
		return Value{}, fmt.Errorf("pyish: NewAsyncFunc(%q): want func(context.Context, ...) ..., got %T", name, fn)
	}
	if err := checkResults(t); err != nil {
		return Value{}, fmt.Errorf("pyish: NewAsyncFunc(%q): %v", name, err)
	}
	call := func(th *runtime.Thread, args []Value, kwnames []string) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, runtime.Errorf(runtime.TypeError, "%s() takes no keyword arguments", name)
		}
		vals, err := in.goArgs(name, withoutContext{t}, args)
		if err != nil {
			return Value{}, err
		}
		return in.startAsync(th, rv, vals)
	}
	return in.builtin(name, call), nil
}

// startAsync runs fn on a goroutine and returns the Future it completes.
func (in *Interpreter) startAsync(th *runtime.Thread, fn reflect.Value, args []reflect.Value) (Value, error) {
	loop, err := runningLoop(th)
	if err != nil {
		return Value{}, err
	}
	fut := newFuture(loop)
	ctx, cancel := context.WithCancel(in.baseContext())
	futureOnCancel(fut, cancel)
	go func() {
		out, panicked := callRecovering(fn, append([]reflect.Value{reflect.ValueOf(ctx)}, args...))
		loop.CallSoonThreadsafe(func() {
			defer cancel()
			if futureDone(fut) {
				return // cancelled meanwhile: the result is dropped
			}
			if panicked != nil {
				futureSetException(fut, runtime.Errorf(runtime.RuntimeError, "host function panicked: %v", panicked))
				return
			}
			v, err := in.goResults(out)
			if err != nil {
				futureSetException(fut, err)
				return
			}
			futureSetResult(fut, v)
		})
	}()
	return runtime.Obj(fut), nil
}

// callRecovering calls fn, turning a panic into a value instead of a crash.
func callRecovering(fn reflect.Value, args []reflect.Value) (out []reflect.Value, panicked any) {
	defer func() { panicked = recover() }()
	return fn.Call(args), nil
}

// baseContext is the parent of every async host call's context: cancelled
// when the interpreter's current run is stopped.
func (in *Interpreter) baseContext() context.Context {
	if in.runCtx != nil {
		return in.runCtx
	}
	return context.Background()
}

// withoutContext presents a func type minus its leading context parameter
// to goArgs.
type withoutContext struct{ reflect.Type }

func (w withoutContext) NumIn() int            { return w.Type.NumIn() - 1 }
func (w withoutContext) In(i int) reflect.Type { return w.Type.In(i + 1) }
func (w withoutContext) IsVariadic() bool      { return w.Type.IsVariadic() }
