package pyish

import (
	"context"
	"fmt"
	"reflect"

	"github.com/pyish/pyish/runtime"
)

var contextType = reflect.TypeOf((*context.Context)(nil)).Elem()

// AsyncFunc is the reflection-free signature of an async host function.
// Its arguments are the script's positional arguments exported with
// Export (copies: int64, float64, string, bool, nil, []any, map[string]any,
// ...), so it may use them freely on its own goroutine; its result is
// converted with ToValue back on the loop.
type AsyncFunc func(ctx context.Context, args []any) (any, error)

// NewAsyncFunc wraps a Go function as an async pyish function: calling it
// from a script returns a coroutine, as an async def does (so create_task,
// gather and TaskGroup take it); when the coroutine first runs, fn starts
// on its own goroutine, and its result comes back to the loop through the
// loop's thread-safe door (CallSoonThreadsafe). fn is an AsyncFunc or a func whose first
// parameter is a context.Context, cancelled when the awaiting task is
// cancelled (by cancel(), a timeout or a TaskGroup), when the run is
// stopped (Interrupt, its context) and when the run ends; its other
// parameters and its results follow NewFunc's rules. Arguments are
// converted on the loop before fn starts, so fn never touches pyish
// objects. A panic in fn becomes RuntimeError in the script. While a call
// is in flight, virtual time does not jump.
func (in *Interpreter) NewAsyncFunc(name string, fn any) (Value, error) {
	if f, ok := fn.(AsyncFunc); ok {
		return in.asyncExported(name, f), nil
	}
	if f, ok := fn.(func(context.Context, []any) (any, error)); ok {
		return in.asyncExported(name, f), nil
	}
	rv := reflect.ValueOf(fn)
	if rv.Kind() != reflect.Func || rv.Type().NumIn() == 0 || rv.Type().In(0) != contextType {
		return Value{}, fmt.Errorf("pyish: NewAsyncFunc(%q): want func(context.Context, ...) ..., got %T", name, fn)
	}
	t := rv.Type()
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
		return in.hostCoroutine(name, func(ctx context.Context) hostResult {
			// ctx as a context.Context Value (not its dynamic type) spares
			// Call an interface-implements check per call.
			argv := make([]reflect.Value, 1, len(vals)+1)
			argv[0] = reflect.ValueOf(&ctx).Elem()
			out := rv.Call(append(argv, vals...))
			return func() (Value, error) { return in.goResults(out) }
		}), nil
	}
	return in.builtin(name, call), nil
}

// asyncExported is NewAsyncFunc for an AsyncFunc.
func (in *Interpreter) asyncExported(name string, fn AsyncFunc) Value {
	call := func(th *runtime.Thread, args []Value, kwnames []string) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, runtime.Errorf(runtime.TypeError, "%s() takes no keyword arguments", name)
		}
		goArgs := make([]any, len(args))
		for i, a := range args {
			if err := in.export("", a, reflect.ValueOf(&goArgs[i]).Elem()); err != nil {
				return Value{}, runtime.Errorf(runtime.TypeError, "%s(): %v", name, prefixPath(err, argPath(i)))
			}
		}
		return in.hostCoroutine(name, func(ctx context.Context) hostResult {
			out, err := fn(ctx, goArgs)
			return func() (Value, error) {
				if err != nil {
					return Value{}, err
				}
				return in.ToValue(out)
			}
		}), nil
	}
	return in.builtin(name, call)
}

// hostResult is what an async host call's goroutine hands to the loop: a
// function converting its Go results to pyish, run on the loop.
type hostResult func() (Value, error)

// startAsync runs body on a goroutine and returns the Future it completes
// by running the hostResult body returns on the loop.
func (in *Interpreter) startAsync(th *runtime.Thread, name string, body func(ctx context.Context) hostResult) (*runtime.Future, error) {
	loop, err := runtime.RunningLoop(th)
	if err != nil {
		return nil, err
	}
	fut := runtime.NewFuture(loop)
	ctx, cancel := context.WithCancel(in.asyncParent())
	loop.AddPending(1)
	released := false
	release := func() { // loop goroutine only
		if !released {
			released = true
			loop.AddPending(-1)
		}
	}
	fut.AddDoneCallback(func() {
		if fut.Cancelled() {
			cancel()
			release() // the result will be dropped: virtual time may go on
		}
	})
	globalWorkers.Go(func() {
		finish := asyncCall(ctx, name, body)
		loop.CallSoonThreadsafe(func() {
			defer cancel()
			release()
			if fut.Done() {
				return // cancelled meanwhile: the result is dropped
			}
			v, err := finish()
			if err != nil {
				fut.SetException(in.toException(err))
				return
			}
			fut.SetResult(v)
		})
	})
	return fut, nil
}

// asyncCall runs body, turning a panic into a RuntimeError result instead
// of a crash of the host.
func asyncCall(ctx context.Context, name string, body func(ctx context.Context) hostResult) (res hostResult) {
	defer func() {
		if r := recover(); r != nil {
			res = func() (Value, error) {
				return Value{}, runtime.Errorf(runtime.RuntimeError, "host function %s panicked: %v", name, r)
			}
		}
	}()
	return body(ctx)
}

// withoutContext presents a func type minus its leading context parameter
// to goArgs.
type withoutContext struct{ reflect.Type }

func (w withoutContext) NumIn() int            { return w.Type.NumIn() - 1 }
func (w withoutContext) In(i int) reflect.Type { return w.Type.In(i + 1) }
func (w withoutContext) IsVariadic() bool      { return w.Type.IsVariadic() }
