package runtime

// This file defines range (64-bit bounds).

import "fmt"

// Range is a range object.
type Range struct {
	Start, Stop, Step int64
}

// NewRange returns range(start, stop, step); step must not be zero.
func NewRange(start, stop, step int64) *Range { return &Range{start, stop, step} }

// Type implements Object.
func (r *Range) Type() *Type { return RangeType }

// length is len(range).
func (r *Range) length() int64 {
	switch {
	case r.Step > 0 && r.Start < r.Stop:
		return int64((uint64(r.Stop-r.Start)-1)/uint64(r.Step) + 1)
	case r.Step < 0 && r.Start > r.Stop:
		return int64((uint64(r.Start-r.Stop)-1)/uint64(-r.Step) + 1)
	}
	return 0
}

// Len implements HasLen.
func (r *Range) Len(th *Thread) (int, error) { return int(r.length()), nil }

// Truth implements HasTruth.
func (r *Range) Truth(th *Thread) (bool, error) { return r.length() > 0, nil }

// Repr implements HasRepr.
func (r *Range) Repr(th *Thread) (string, error) {
	if r.Step == 1 {
		return fmt.Sprintf("range(%d, %d)", r.Start, r.Stop), nil
	}
	return fmt.Sprintf("range(%d, %d, %d)", r.Start, r.Stop, r.Step), nil
}

// at returns the i-th element (0 <= i < len).
func (r *Range) at(i int64) int64 { return r.Start + i*r.Step }

// GetItem implements HasGetItem.
func (r *Range) GetItem(th *Thread, key Value) (Value, error) {
	n := r.length()
	if s, ok := key.o.(*Slice); ok {
		start, stop, step, _, err := s.Indices(th, int(n))
		if err != nil {
			return Value{}, err
		}
		return Obj(&Range{r.at(int64(start)), r.at(int64(stop)), r.Step * int64(step)}), nil
	}
	i, err := seqIndex(th, key, int(n), "range")
	if err != nil {
		return Value{}, err
	}
	if i < 0 {
		return Value{}, Errorf(IndexError, "range object index out of range")
	}
	return Int(r.at(int64(i))), nil
}

// index returns the position of x in r, or -1.
func (r *Range) index(x Value) int64 {
	if !x.IsInt() && !x.IsBool() {
		return -1
	}
	v := x.AsInt()
	if r.length() == 0 {
		return -1
	}
	if r.Step > 0 && (v < r.Start || v >= r.Stop) || r.Step < 0 && (v > r.Start || v <= r.Stop) {
		return -1
	}
	d := v - r.Start
	if d%r.Step != 0 {
		return -1
	}
	return d / r.Step
}

// Contains implements HasContains (arithmetic for ints).
func (r *Range) Contains(th *Thread, x Value) (bool, error) {
	if x.IsInt() || x.IsBool() {
		return r.index(x) >= 0, nil
	}
	return iterContains(th, Obj(&rangeIter{next: r.Start, step: r.Step, left: r.length()}), x)
}

// Iter implements Iterable.
func (r *Range) Iter(th *Thread) (Iterator, error) {
	return &rangeIter{next: r.Start, step: r.Step, left: r.length()}, nil
}

// Hash implements HasHash: equal ranges (same elements) hash alike.
func (r *Range) Hash(th *Thread) (int64, error) {
	n := r.length()
	switch n {
	case 0:
		return hashSeq(th, []Value{Int(0), None, None})
	case 1:
		return hashSeq(th, []Value{Int(1), Int(r.Start), None})
	}
	return hashSeq(th, []Value{Int(n), Int(r.Start), Int(r.Step)})
}

// Compare implements HasCompare: ranges are equal when their elements are.
func (r *Range) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	o, ok := other.o.(*Range)
	if !ok || (op != CmpEq && op != CmpNe) {
		return NotImplemented, nil
	}
	n, m := r.length(), o.length()
	eq := n == m && (n == 0 || r.Start == o.Start && (n == 1 || r.Step == o.Step))
	return Bool(eq == (op == CmpEq)), nil
}

// rangeIter yields the elements of a range without allocating.
type rangeIter struct {
	next, step, left int64
}

// Type implements Object.
func (it *rangeIter) Type() *Type { return RangeIterType }

// Next implements Iterator.
func (it *rangeIter) Next(th *Thread) (Value, bool, error) {
	if it.left <= 0 {
		return Value{}, false, nil
	}
	v := it.next
	it.next += it.step
	it.left--
	return Int(v), true, nil
}

// Iter implements Iterable (an iterator is its own).
func (it *rangeIter) Iter(th *Thread) (Iterator, error) { return it, nil }

// rangeArg converts a range() argument.
func rangeArg(th *Thread, v Value) (int64, error) {
	if v.IsInt() || v.IsBool() {
		return v.AsInt(), nil
	}
	n, err := indexOf(th, v)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Matches(IndexError) {
			return 0, Errorf(OverflowError, "pyish: range() arguments must fit in 64 bits")
		}
		return 0, err
	}
	return n, nil
}

func rangeInit() {
	RangeType.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, Errorf(TypeError, "range() takes no keyword arguments")
		}
		if len(args) == 0 {
			return Value{}, Errorf(TypeError, "range expected at least 1 argument, got 0")
		}
		if len(args) > 3 {
			return Value{}, Errorf(TypeError, "range expected at most 3 arguments, got %d", len(args))
		}
		var a [3]int64
		a[2] = 1
		for i, v := range args {
			n, err := rangeArg(th, v)
			if err != nil {
				return Value{}, err
			}
			a[i] = n
		}
		if len(args) == 1 {
			a[0], a[1] = 0, a[0]
		}
		if a[2] == 0 {
			return Value{}, Errorf(ValueError, "range() arg 3 must not be zero")
		}
		return Obj(&Range{a[0], a[1], a[2]}), nil
	}
	RangeType.SetMembers(map[string]MemberFunc{
		"start": func(th *Thread, self Value) (Value, error) { return Int(self.o.(*Range).Start), nil },
		"stop":  func(th *Thread, self Value) (Value, error) { return Int(self.o.(*Range).Stop), nil },
		"step":  func(th *Thread, self Value) (Value, error) { return Int(self.o.(*Range).Step), nil },
	})
	RangeType.SetMethods(map[string]MethodFunc{
		"index": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("range.index", args, kwnames); err != nil {
				return Value{}, err
			}
			r := self.o.(*Range)
			if i := r.index(args[0]); i >= 0 {
				return Int(i), nil
			}
			s, err := Repr(th, args[0])
			if err != nil {
				return Value{}, err
			}
			return Value{}, Errorf(ValueError, "%s is not in range", s)
		},
		"count": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("range.count", args, kwnames); err != nil {
				return Value{}, err
			}
			if self.o.(*Range).index(args[0]) >= 0 {
				return Int(1), nil
			}
			return Int(0), nil
		},
		"__iter__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			it, err := Iter(th, self)
			if err != nil {
				return Value{}, err
			}
			return Obj(it), nil
		},
		"__len__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			n, err := Len(th, self)
			return Int(int64(n)), err
		},
		"__contains__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("__contains__", args, kwnames); err != nil {
				return Value{}, err
			}
			ok, err := Contains(th, self, args[0])
			return Bool(ok), err
		},
		"__getitem__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("__getitem__", args, kwnames); err != nil {
				return Value{}, err
			}
			return GetItem(th, self, args[0])
		},
		"__reversed__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			r := self.o.(*Range)
			n := r.length()
			return Obj(&rangeIter{next: r.Start + (n-1)*r.Step, step: -r.Step, left: n}), nil
		},
	})
}
