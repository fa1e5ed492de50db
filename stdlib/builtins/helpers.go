package builtins

// This file holds helpers over the runtime's API: iteration with fast
// paths for lists and tuples, and calls of special methods found on a
// value's type.

import (
	"github.com/pyish/pyish/runtime"
)

// forEach calls fn for each item of iterable; fn returns stop == true to
// end the loop early.
func forEach(th *runtime.Thread, iterable runtime.Value, fn func(v runtime.Value) (stop bool, err error)) error {
	switch o := iterable.Object().(type) {
	case *runtime.List:
		for i := 0; i < len(o.Items); i++ {
			if stop, err := fn(o.Items[i]); stop || err != nil {
				return err
			}
		}
		return nil
	case *runtime.Tuple:
		for _, v := range o.Items {
			if stop, err := fn(v); stop || err != nil {
				return err
			}
		}
		return nil
	}
	it, err := runtime.Iter(th, iterable)
	if err != nil {
		return err
	}
	for {
		v, ok, err := it.Next(th)
		if !ok || err != nil {
			return err
		}
		if stop, err := fn(v); stop || err != nil {
			return err
		}
	}
}

// toSlice returns a new slice of the items of iterable.
func toSlice(th *runtime.Thread, iterable runtime.Value) ([]runtime.Value, error) {
	switch o := iterable.Object().(type) {
	case *runtime.List:
		return append([]runtime.Value(nil), o.Items...), nil
	case *runtime.Tuple:
		return append([]runtime.Value(nil), o.Items...), nil
	}
	var items []runtime.Value
	err := forEach(th, iterable, func(v runtime.Value) (bool, error) {
		items = append(items, v)
		return false, nil
	})
	return items, err
}

// lookupSpecial finds a special method on v's type (never on the
// instance, as Python does for dunder methods).
func lookupSpecial(v runtime.Value, name string) (runtime.Value, bool) {
	return v.Type().Lookup(name)
}

// callSpecial calls the special method name of v's type with v bound as
// self; found is false when the type does not define it.
func callSpecial(th *runtime.Thread, v runtime.Value, name string, args ...runtime.Value) (r runtime.Value, found bool, err error) {
	m, ok := lookupSpecial(v, name)
	if !ok {
		return runtime.Value{}, false, nil
	}
	if d, ok := m.Object().(runtime.Descriptor); ok {
		bound, err := d.DescrGet(th, v, v.Type())
		if err != nil {
			return runtime.Value{}, true, err
		}
		r, err = runtime.Call(th, bound, args, nil)
		return r, true, err
	}
	r, err = runtime.Call(th, m, append([]runtime.Value{v}, args...), nil)
	return r, true, err
}

// isIntValue reports whether v is an int (inline or big) or a bool.
func isIntValue(v runtime.Value) bool {
	return v.IsInt() || v.IsBool() || runtime.IsInstance(v, runtime.IntType)
}

// isNumber reports whether v is an int, bool or float.
func isNumber(v runtime.Value) bool {
	return v.IsFloat() || isIntValue(v) || runtime.IsInstance(v, runtime.FloatType)
}

// indexValue converts v to an int value (inline or big) through
// __index__, as range() and enumerate's start do. Bools become ints.
func indexValue(th *runtime.Thread, v runtime.Value) (runtime.Value, error) {
	switch {
	case v.IsInt():
		return v, nil
	case v.IsBool():
		return runtime.Int(v.AsInt()), nil
	}
	if _, ok := runtime.AsBigInt(v); ok {
		return v, nil
	}
	r, found, err := callSpecial(th, v, "__index__")
	if err != nil {
		return runtime.Value{}, err
	}
	if found && isIntValue(r) {
		return indexValue(th, r)
	}
	if found {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "__index__ returned non-int (type %s)", typeName(r))
	}
	return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'%s' object cannot be interpreted as an integer", typeName(v))
}
