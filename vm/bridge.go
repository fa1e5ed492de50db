package vm

// This file adapts the runtime's object API to what the vm needs (dicts
// keyed by name, sets, slices, classes, literals), in one place.

import (
	"math/big"

	"github.com/pyish/pyish/runtime"
)

// dictGet looks key up in d; ok is false when it is missing.
func dictGet(th *runtime.Thread, d *runtime.Dict, key runtime.Value) (runtime.Value, bool, error) {
	return d.Get(th, key)
}

func dictGetStr(th *runtime.Thread, d *runtime.Dict, key string) (runtime.Value, bool, error) {
	v, ok := d.GetStr(key)
	return v, ok, nil
}

func dictSet(th *runtime.Thread, d *runtime.Dict, key, v runtime.Value) error {
	return d.Set(th, key, v)
}

func dictSetStr(th *runtime.Thread, d *runtime.Dict, key string, v runtime.Value) error {
	d.SetStr(key, v)
	return nil
}

func dictDelStr(th *runtime.Thread, d *runtime.Dict, key string) error {
	if !d.DeleteStr(key) {
		return runtime.NewException(runtime.KeyError, runtime.Str(key))
	}
	return nil
}

// dictItems calls fn for each key and value of d in order.
func dictItems(th *runtime.Thread, d *runtime.Dict, fn func(k, v runtime.Value) error) error {
	for _, kv := range d.Items() {
		if err := fn(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// strValue returns the Go string of a str value.
func strValue(th *runtime.Thread, v runtime.Value) (string, bool) {
	if v.IsNull() || v.IsInline() || !runtime.IsInstance(v, runtime.StrType) {
		return "", false
	}
	s, err := runtime.StrOf(th, v)
	return s, err == nil
}

func newSet(th *runtime.Thread, items []runtime.Value) (runtime.Value, error) {
	s, err := runtime.NewSet(th, items)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(s), nil
}

func setAdd(th *runtime.Thread, set, x runtime.Value) error {
	return set.Object().(*runtime.Set).Add(th, x)
}

func newSlice(lo, hi, step runtime.Value) runtime.Value {
	return runtime.NewSlice(lo, hi, step)
}

func bigConst(x *big.Int) runtime.Value { return runtime.NewBigInt(x) }

func bytesConst(b []byte) runtime.Value { return runtime.Bytes(b) }

func ellipsisConst() runtime.Value { return runtime.Ellipsis }

// newClass creates a class from its evaluated body.
func newClass(th *runtime.Thread, name string, bases []runtime.Value, ns *runtime.Dict, kwnames []string, kwvals []runtime.Value) (runtime.Value, error) {
	return runtime.BuildClass(th, name, bases, ns, kwnames, kwvals)
}

// instanceShadows reports whether obj's own attribute dict holds name (so
// a method found on its type must not be used directly).
func instanceShadows(th *runtime.Thread, obj runtime.Value, name string) bool {
	return runtime.InstanceShadows(obj, name)
}

// buildTuple is BUILD_TUPLE: a tuple of the stack slots vs, which it
// clears.
func buildTuple(vs []runtime.Value) runtime.Value {
	t := runtime.Obj(runtime.TupleFrom(vs))
	clearValues(vs)
	return t
}

// callHashTuple is CALL_HASH_TUPLE of n items at sp: the callable and
// the items, stack[sp-n-1:sp], become its result. The builtin hash hashes
// the items as the tuple of them would hash; any other callable is called
// with that tuple. On error the operands stay for the unwinding to clear.
func callHashTuple(th *runtime.Thread, stack []runtime.Value, sp, n int) (int, error) {
	base := sp - n - 1
	vs := stack[base:sp]
	var v runtime.Value
	var err error
	if fn, ok := vs[0].Object().(*runtime.BuiltinFunction); ok && fn == runtime.HashBuiltin {
		var h int64
		h, err = runtime.HashItems(th, vs[1:])
		v = runtime.Int(h)
	} else {
		v, err = callValue(th, vs[0], []runtime.Value{runtime.Obj(runtime.TupleFrom(vs[1:]))}, nil)
	}
	if err != nil {
		return sp, err
	}
	clearValues(vs)
	stack[base] = v
	return base + 1, nil
}
