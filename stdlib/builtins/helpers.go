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

// callSpecial calls the special method name of v's type with v bound as
// self; found is false when the type does not define it.
func callSpecial(th *runtime.Thread, v runtime.Value, name string, args ...runtime.Value) (r runtime.Value, found bool, err error) {
	m, ok := runtime.LookupSpecial(v, name)
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

// isNumber reports whether v is an int, bool or float.
func isNumber(v runtime.Value) bool {
	return v.IsFloat() || runtime.IsIntegral(v) || runtime.IsInstance(v, runtime.FloatType)
}

// pairTuple is a 2-tuple allocated with its items in one piece.
type pairTuple struct {
	t     runtime.Tuple
	items [2]runtime.Value
}

// pair returns the tuple (a, b) in a single allocation.
func pair(a, b runtime.Value) runtime.Value {
	p := &pairTuple{items: [2]runtime.Value{a, b}}
	p.t.Items = p.items[:]
	return runtime.Obj(&p.t)
}
