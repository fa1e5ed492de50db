package runtime

// This file defines slice objects and the index arithmetic of sequences.

import "math"

// Slice is a slice object (lo:hi:step); absent parts are None.
type Slice struct {
	Start, Stop, Step Value
}

// NewSlice returns slice(lo, hi, step); zero Values become None.
func NewSlice(lo, hi, step Value) Value {
	orNone := func(v Value) Value {
		if v.IsNull() {
			return None
		}
		return v
	}
	return Obj(&Slice{Start: orNone(lo), Stop: orNone(hi), Step: orNone(step)})
}

// Type implements Object.
func (s *Slice) Type() *Type { return SliceType }

// Repr implements HasRepr.
func (s *Slice) Repr(th *Thread) (string, error) {
	a, err := Repr(th, s.Start)
	if err != nil {
		return "", err
	}
	b, err := Repr(th, s.Stop)
	if err != nil {
		return "", err
	}
	c, err := Repr(th, s.Step)
	return "slice(" + a + ", " + b + ", " + c + ")", err
}

// Compare implements HasCompare (slices compare as (start, stop, step)).
func (s *Slice) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	o, ok := other.o.(*Slice)
	if !ok {
		return NotImplemented, nil
	}
	return compareSeqs(th, op, []Value{s.Start, s.Stop, s.Step}, []Value{o.Start, o.Stop, o.Step})
}

// sliceIndex converts a slice bound: None keeps def, ints clamp to the
// int64 range like CPython's _PyEval_SliceIndex.
func sliceIndex(th *Thread, v Value, def int64) (int64, error) {
	if v.IsNone() {
		return def, nil
	}
	v = unwrapNum(v)
	if v.IsInt() || v.IsBool() {
		return v.AsInt(), nil
	}
	if IsInstance(v, IntType) {
		if b, ok := AsBigInt(v); ok && b.Sign() < 0 {
			return math.MinInt64, nil
		}
		return math.MaxInt64, nil
	}
	n, err := indexOf(th, v)
	if err != nil {
		return 0, Errorf(TypeError, "slice indices must be integers or None or have an __index__ method")
	}
	return n, nil
}

// Indices computes the start, stop, step and length of the slice over a
// sequence of length n (CPython's PySlice_GetIndicesEx).
func (s *Slice) Indices(th *Thread, n int) (start, stop, step, length int, err error) {
	st, err := sliceIndex(th, s.Step, 1)
	if err != nil {
		return
	}
	if st == 0 {
		err = Errorf(ValueError, "slice step cannot be zero")
		return
	}
	if st < -math.MaxInt64 {
		st = -math.MaxInt64
	}
	var defStart, defStop int64 = 0, math.MaxInt64
	if st < 0 {
		defStart, defStop = math.MaxInt64, math.MinInt64
	}
	a, err := sliceIndex(th, s.Start, defStart)
	if err != nil {
		return
	}
	b, err := sliceIndex(th, s.Stop, defStop)
	if err != nil {
		return
	}
	a = adjustIndex(a, int64(n), st)
	b = adjustIndex(b, int64(n), st)
	var ln int64
	switch {
	case st < 0 && b < a:
		ln = (a-b-1)/(-st) + 1
	case st > 0 && a < b:
		ln = (b-a-1)/st + 1
	}
	return int(a), int(b), int(st), int(ln), nil
}

// adjustIndex clamps a slice bound to the sequence (PySlice_AdjustIndices).
func adjustIndex(i, n, step int64) int64 {
	if i < 0 {
		i += n
		if i < 0 {
			if step < 0 {
				return -1
			}
			return 0
		}
		return i
	}
	if i >= n {
		if step < 0 {
			return n - 1
		}
		return n
	}
	return i
}

// seqIndex converts an item index of a sequence of length n, raising
// IndexError with msg when out of range.
func seqIndex(th *Thread, key Value, n int, what string) (int, error) {
	var i int64
	if key.IsInt() {
		i = key.AsInt()
	} else {
		var err error
		if i, err = indexOf(th, key); err != nil {
			if IsInstance(key, IntType) {
				return 0, Errorf(IndexError, "cannot fit 'int' into an index-sized integer")
			}
			return 0, Errorf(TypeError, "%s indices must be integers or slices, not %s", what, key.Type().Name)
		}
	}
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return -1, nil
	}
	return int(i), nil
}

// sliceItems returns items[s] as a new slice.
func sliceItems(th *Thread, items []Value, s *Slice) ([]Value, error) {
	start, _, step, n, err := s.Indices(th, len(items))
	if err != nil {
		return nil, err
	}
	if step == 1 {
		return append([]Value(nil), items[start:start+n]...), nil
	}
	out := make([]Value, n)
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		out[i] = items[j]
	}
	return out, nil
}

// indexArgs converts the optional start and stop arguments of index().
func indexArgs(th *Thread, args []Value, n int) (int, int, error) {
	start, stop := int64(0), int64(n)
	for i, p := range []*int64{&start, &stop} {
		if i+1 >= len(args) {
			break
		}
		v, err := sliceIndex(th, args[i+1], *p)
		if err != nil {
			return 0, 0, Errorf(TypeError, "slice indices must be integers or have an __index__ method")
		}
		*p = v
	}
	start, stop = adjustIndex(start, int64(n), 1), adjustIndex(stop, int64(n), 1)
	return int(start), int(stop), nil
}

func sliceInit() {
	SliceType.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, Errorf(TypeError, "slice() takes no keyword arguments")
		}
		switch len(args) {
		case 1:
			return NewSlice(None, args[0], None), nil
		case 2:
			return NewSlice(args[0], args[1], None), nil
		case 3:
			return NewSlice(args[0], args[1], args[2]), nil
		case 0:
			return Value{}, Errorf(TypeError, "slice expected at least 1 argument, got 0")
		}
		return Value{}, Errorf(TypeError, "slice expected at most 3 arguments, got %d", len(args))
	}
	SliceType.SetMembers(map[string]MemberFunc{
		"start": func(th *Thread, self Value) (Value, error) { return self.o.(*Slice).Start, nil },
		"stop":  func(th *Thread, self Value) (Value, error) { return self.o.(*Slice).Stop, nil },
		"step":  func(th *Thread, self Value) (Value, error) { return self.o.(*Slice).Step, nil },
	})
	SliceType.SetMethods(map[string]MethodFunc{
		"indices": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			var n int
			if err := UnpackArgs("indices", args, kwnames, "length", &n); err != nil {
				return Value{}, err
			}
			if n < 0 {
				return Value{}, Errorf(ValueError, "length should not be negative")
			}
			a, b, c, _, err := self.o.(*Slice).Indices(th, n)
			if err != nil {
				return Value{}, err
			}
			return Obj(NewTuple([]Value{Int(int64(a)), Int(int64(b)), Int(int64(c))})), nil
		},
	})
}
