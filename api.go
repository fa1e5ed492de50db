package pyish

import (
	"context"
	"fmt"

	"github.com/pyish/pyish/runtime"
	"github.com/pyish/pyish/vm"
)

// Set converts x with ToValue and binds it as a global of __main__.
func (in *Interpreter) Set(name string, x any) error {
	v, err := in.ToValue(x)
	if err != nil {
		return err
	}
	return dictSet(in.th, in.globals, runtime.Str(name), v)
}

// Get returns the global name of __main__.
func (in *Interpreter) Get(name string) (Value, bool) {
	return dictGetStr(in.globals, name)
}

// RegisterModule makes a Go-defined module importable by scripts. Each
// member is converted with ToValue (funcs become host functions).
func (in *Interpreter) RegisterModule(name string, members map[string]any) error {
	m := runtime.NewModule(name)
	for k, x := range members {
		v, err := in.ToValue(x)
		if err != nil {
			return fmt.Errorf("pyish: module %s: %s: %w", name, k, err)
		}
		if err := dictSet(in.th, m.Dict, runtime.Str(k), v); err != nil {
			return err
		}
	}
	in.th.Modules[name] = m
	return nil
}

// Eval evaluates an expression (or runs statements, returning the value of
// the last expression statement) in __main__'s globals. Top-level await is
// allowed: the event loop runs until the value is there.
func (in *Interpreter) Eval(ctx context.Context, src string) (Value, error) {
	code, err := in.compile("<eval>", src, vm.ModeInteractive)
	if err != nil {
		return Value{}, err
	}
	return in.run(ctx, func() (Value, error) {
		return in.driveCoroutine(vm.NewModuleCoroutine(in.th, code, in.globals))
	})
}

// Call calls fn — a Value or the name of a global — with Go arguments
// converted by ToValue. If the result is a coroutine (fn is an async def),
// Call runs the event loop until it finishes and returns its result;
// cancelling ctx cancels it.
func (in *Interpreter) Call(ctx context.Context, fn any, args ...any) (Value, error) {
	callee, err := in.callee(fn)
	if err != nil {
		return Value{}, err
	}
	vals := make([]Value, len(args))
	for i, a := range args {
		if vals[i], err = in.ToValue(a); err != nil {
			return Value{}, prefixPath(err, argPath(i))
		}
	}
	return in.run(ctx, func() (Value, error) {
		v, err := runtime.Call(in.th, callee, vals, nil)
		if err != nil {
			return v, err
		}
		if coro, ok := v.Object().(runtime.Coroutine); ok {
			return in.driveCoroutine(coro)
		}
		return v, nil
	})
}

func (in *Interpreter) callee(fn any) (Value, error) {
	switch f := fn.(type) {
	case string:
		v, ok := in.Get(f)
		if !ok {
			return Value{}, fmt.Errorf("pyish: no global named %q", f)
		}
		return v, nil
	case Value:
		return f, nil
	}
	return in.ToValue(fn)
}
