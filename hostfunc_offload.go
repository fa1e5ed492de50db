package pyish

// This file lets asyncio.to_thread and loop.run_in_executor run a Go host
// function on a goroutine of its own (runtime.BuiltinFunction.Offload).

import (
	"context"
	"reflect"

	"github.com/pyish/pyish/runtime"
)

// withOffload gives the host function v (made by builtin from the Go
// func fn) an Offload split when fn's parameters are plain data, so that
// to_thread runs it off the loop. A func taking pyish values, Go funcs
// (which may call back into the script) or channels is left to run on
// the loop.
func (in *Interpreter) withOffload(name string, fn any, v Value) Value {
	rv := reflect.ValueOf(fn)
	t := rv.Type()
	dynamic := false
	for i := 0; i < t.NumIn(); i++ {
		ok, iface := plainData(t.In(i), 0)
		if !ok {
			return v
		}
		dynamic = dynamic || iface
	}
	b := v.Object().(*runtime.BuiltinFunction)
	b.Offload = in.offload(name, rv, dynamic)
	return v
}

// plainData reports whether values of t hold only data a goroutine may
// use freely, and whether t has interfaces whose contents must be
// checked per call (an `any` gets the Value itself for objects Export
// cannot convert).
func plainData(t reflect.Type, depth int) (ok, iface bool) {
	if t == valueType || depth > 8 {
		return false, false
	}
	switch t.Kind() {
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		return false, false
	case reflect.Interface:
		return true, true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return plainData(t.Elem(), depth+1)
	case reflect.Map:
		k, ik := plainData(t.Key(), depth+1)
		e, ie := plainData(t.Elem(), depth+1)
		return k && e, ik || ie
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			ok, fi := plainData(t.Field(i).Type, depth+1)
			if !ok {
				return false, false
			}
			iface = iface || fi
		}
		return true, iface
	}
	return true, false
}

// offload is the Offload split of the Go func rv: arguments are
// converted on the loop, rv runs wherever the caller puts it (a panic
// becomes RuntimeError), and its results are converted back on the loop.
// With dynamic, a call whose converted arguments hold a pyish value runs
// on the loop instead (nil work).
func (in *Interpreter) offload(name string, rv reflect.Value, dynamic bool) runtime.OffloadFunc {
	t := rv.Type()
	return func(th *runtime.Thread, args []Value, kwnames []string) (func(context.Context) func() (Value, error), error) {
		if len(kwnames) > 0 {
			return nil, runtime.Errorf(runtime.TypeError, "%s() takes no keyword arguments", name)
		}
		vals, err := in.goArgs(name, t, args)
		if err != nil {
			return nil, err
		}
		if dynamic && holdsValue(vals) {
			return nil, nil
		}
		return func(ctx context.Context) func() (Value, error) {
			out, perr := callRecovering(name, rv, vals)
			return func() (Value, error) {
				if perr != nil {
					return Value{}, perr
				}
				return in.goResults(out)
			}
		}, nil
	}
}

// callRecovering calls rv, turning a panic into RuntimeError.
func callRecovering(name string, rv reflect.Value, vals []reflect.Value) (out []reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = runtime.Errorf(runtime.RuntimeError, "host function %s panicked: %v", name, r)
		}
	}()
	return rv.Call(vals), nil
}

// holdsValue reports whether converted arguments hold a pyish Value
// (inside an interface: see plainData).
func holdsValue(vals []reflect.Value) bool {
	for _, v := range vals {
		if reflectHoldsValue(v, 0) {
			return true
		}
	}
	return false
}

func reflectHoldsValue(v reflect.Value, depth int) bool {
	if depth > 64 {
		return true // too deep to check: stay on the loop
	}
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if v.IsNil() {
			return false
		}
		e := v.Elem()
		return e.Type() == valueType || reflectHoldsValue(e, depth+1)
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			if reflectHoldsValue(v.Index(i), depth+1) {
				return true
			}
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			if reflectHoldsValue(it.Key(), depth+1) || reflectHoldsValue(it.Value(), depth+1) {
				return true
			}
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if reflectHoldsValue(v.Field(i), depth+1) {
				return true
			}
		}
	}
	return false
}
