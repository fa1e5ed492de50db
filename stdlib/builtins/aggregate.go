package builtins

// This file defines the builtins that consume an iterable: len, sorted,
// min, max, sum, any and all.

import (
	"math"

	"github.com/pyish/pyish/runtime"
)

// builtin_len is len(obj), allocation-free for lists and tuples.
func builtin_len(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if len(args) != 1 || len(kwnames) > 0 {
		return runtime.Value{}, oneArg("len", args, kwnames)
	}
	switch o := args[0].Object().(type) {
	case *runtime.List:
		return runtime.Int(int64(len(o.Items))), nil
	case *runtime.Tuple:
		return runtime.Int(int64(len(o.Items))), nil
	}
	n, err := runtime.Len(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Int(int64(n)), nil
}

// builtin_sorted is sorted(iterable, /, *, key=None, reverse=False): a new
// list sorted as list.sort does.
func builtin_sorted(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	pos, kw := splitKwargs(args, kwnames)
	if len(pos) != 1 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "sorted expected 1 argument, got %d", len(pos))
	}
	items, err := runtime.ToSlice(th, pos[0])
	if err != nil {
		return runtime.Value{}, err
	}
	key, reverse := runtime.None, false
	for i, k := range kwnames {
		switch k {
		case "key":
			key = kw[i]
		case "reverse":
			r, err := runtime.ToInt64(th, kw[i])
			if err != nil {
				return runtime.Value{}, err
			}
			reverse = r != 0
		default:
			return runtime.Value{}, badKeyword("sort", k)
		}
	}
	list := runtime.NewList(items)
	if err := runtime.SortList(th, list, key, reverse); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(list), nil
}

// builtin_min is min(iterable, *, key=None, default=…) or min(a, b, …, key=None).
func builtin_min(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	return minmax(th, "min", runtime.CmpLt, args, kwnames)
}

// builtin_max is max(iterable, *, key=None, default=…) or max(a, b, …, key=None).
func builtin_max(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	return minmax(th, "max", runtime.CmpGt, args, kwnames)
}

// minmax keeps the first item x for which `key(x) op key(best)` is never
// true, as CPython does (so ties keep the earliest item).
func minmax(th *runtime.Thread, name string, op runtime.CmpOp, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	pos, kw := splitKwargs(args, kwnames)
	var key, def runtime.Value
	for i, k := range kwnames {
		switch k {
		case "key":
			key = kw[i]
		case "default":
			def = kw[i]
		default:
			return runtime.Value{}, badKeyword(name, k)
		}
	}
	if key.IsNone() {
		key = runtime.Value{}
	}
	if len(pos) == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s expected at least 1 argument, got 0", name)
	}
	if len(pos) > 1 && !def.IsNull() {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "Cannot specify a default for %s() with multiple positional arguments", name)
	}
	var best, bestKey runtime.Value
	visit := func(v runtime.Value) (bool, error) {
		k := v
		if !key.IsNull() {
			var err error
			if k, err = runtime.Call(th, key, []runtime.Value{v}, nil); err != nil {
				return true, err
			}
		}
		if best.IsNull() {
			best, bestKey = v, k
			return false, nil
		}
		better, err := compareTrue(th, op, k, bestKey)
		if better {
			best, bestKey = v, k
		}
		return err != nil, err
	}
	var err error
	if len(pos) == 1 {
		err = forEach(th, pos[0], visit)
	} else {
		for _, v := range pos {
			if _, err = visit(v); err != nil {
				break
			}
		}
	}
	switch {
	case err != nil:
		return runtime.Value{}, err
	case !best.IsNull():
		return best, nil
	case !def.IsNull():
		return def, nil
	}
	return runtime.Value{}, runtime.Errorf(runtime.ValueError, "%s() iterable argument is empty", name)
}

// compareTrue is bool(a op b), without a call into the runtime for two ints.
func compareTrue(th *runtime.Thread, op runtime.CmpOp, a, b runtime.Value) (bool, error) {
	if a.IsInt() && b.IsInt() {
		x, y := a.AsInt(), b.AsInt()
		switch op {
		case runtime.CmpLt:
			return x < y, nil
		case runtime.CmpGt:
			return x > y, nil
		}
	}
	r, err := runtime.Compare(th, op, a, b)
	if err != nil {
		return false, err
	}
	if r.IsBool() {
		return r.AsBool(), nil
	}
	return runtime.Truth(th, r)
}

// builtin_sum is sum(iterable, /, start=0). Ints add without allocation
// until they overflow; floats use Neumaier's compensated summation as
// CPython 3.12 does; anything else goes through `+`.
func builtin_sum(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	pos, kw := splitKwargs(args, kwnames)
	if len(args) > 2 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "sum() takes at most 2 arguments (%d given)", len(args))
	}
	start := runtime.Int(0)
	for i, k := range kwnames {
		if k != "start" {
			return runtime.Value{}, badKeyword("sum", k)
		}
		if len(pos) > 1 {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "argument for sum() given by name ('start') and position (2)")
		}
		start = kw[i]
	}
	switch {
	case len(pos) == 0:
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "sum() takes at least 1 positional argument (0 given)")
	case len(pos) == 2:
		start = pos[1]
	}
	if err := checkSumStart(start); err != nil {
		return runtime.Value{}, err
	}
	it, err := runtime.Iter(th, pos[0])
	if err != nil {
		return runtime.Value{}, err
	}
	s := summer{result: start}
	return s.run(th, it)
}

// checkSumStart refuses str, bytes and bytearray starts as CPython does.
func checkSumStart(start runtime.Value) error {
	if start.IsInline() {
		return nil
	}
	switch {
	case runtime.IsInstance(start, runtime.StrType):
		return runtime.Errorf(runtime.TypeError, "sum() can't sum strings [use ''.join(seq) instead]")
	case runtime.IsInstance(start, runtime.BytesType):
		return runtime.Errorf(runtime.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]")
	case start.Type().Name == "bytearray":
		return runtime.Errorf(runtime.TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]")
	}
	return nil
}

// summer is the state of one sum(): the result so far, and for float sums
// the running compensation.
type summer struct {
	result runtime.Value
}

// run adds every item of it to s.result, in the int, float or generic phase
// that the result's type allows, moving to the next phase when needed.
func (s *summer) run(th *runtime.Thread, it runtime.Iterator) (runtime.Value, error) {
	for {
		var done bool
		var err error
		switch {
		case s.result.IsInt():
			done, err = s.ints(th, it)
		case s.result.IsFloat():
			done, err = s.floats(th, it)
		default:
			done, err = s.generic(th, it)
		}
		if err != nil {
			return runtime.Value{}, err
		}
		if done {
			return s.result, nil
		}
	}
}

// ints adds inline ints and bools until one overflows or another type
// comes; that item is added with `+` and the phase ends.
func (s *summer) ints(th *runtime.Thread, it runtime.Iterator) (done bool, err error) {
	acc := s.result.AsInt()
	for {
		v, ok, err := it.Next(th)
		if err != nil {
			return true, err
		}
		if !ok {
			s.result = runtime.Int(acc)
			return true, nil
		}
		if v.IsInt() || v.IsBool() {
			b := v.AsInt()
			if sum := acc + b; (sum > acc) == (b > 0) {
				acc = sum
				continue
			}
		}
		s.result, err = runtime.Binary(th, runtime.OpAdd, runtime.Int(acc), v)
		return false, err
	}
}

// floats adds floats with Neumaier's compensation (and inline ints as
// floats, uncompensated, as CPython does) until another type comes.
func (s *summer) floats(th *runtime.Thread, it runtime.Iterator) (done bool, err error) {
	f, c := s.result.AsFloat(), 0.0
	finish := func() runtime.Value {
		if c != 0 && !math.IsInf(c, 0) && !math.IsNaN(c) {
			f += c
		}
		return runtime.Float(f)
	}
	for {
		v, ok, err := it.Next(th)
		if err != nil {
			return true, err
		}
		if !ok {
			s.result = finish()
			return true, nil
		}
		switch {
		case v.IsFloat():
			x := v.AsFloat()
			t := f + x
			if math.Abs(f) >= math.Abs(x) {
				c += (f - t) + x
			} else {
				c += (x - t) + f
			}
			f = t
			continue
		case v.IsInt() || v.IsBool():
			f += float64(v.AsInt())
			continue
		}
		s.result, err = runtime.Binary(th, runtime.OpAdd, finish(), v)
		return false, err
	}
}

// generic adds every remaining item with `+`.
func (s *summer) generic(th *runtime.Thread, it runtime.Iterator) (done bool, err error) {
	for {
		v, ok, err := it.Next(th)
		if !ok || err != nil {
			return true, err
		}
		if s.result, err = runtime.Binary(th, runtime.OpAdd, s.result, v); err != nil {
			return true, err
		}
	}
}

// builtin_any is any(iterable).
func builtin_any(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	return anyAll(th, "any", true, args, kwnames)
}

// builtin_all is all(iterable).
func builtin_all(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	return anyAll(th, "all", false, args, kwnames)
}

// anyAll returns want as soon as an item's truth is want, else !want.
func anyAll(th *runtime.Thread, name string, want bool, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := oneArg(name, args, kwnames); err != nil {
		return runtime.Value{}, err
	}
	found := false
	err := forEach(th, args[0], func(v runtime.Value) (bool, error) {
		t, err := runtime.Truth(th, v)
		found = err == nil && t == want
		return found, err
	})
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Bool(found == want), nil
}
