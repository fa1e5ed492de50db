package runtime

// This file lets the vm recognize exact built-in containers (not
// instances of subclasses, whose dunders may be overridden) for its
// inline fast paths.

// ExactList returns v's list when v is a list and not a subclass instance.
func ExactList(v Value) *List {
	if l, ok := v.o.(*List); ok && l.sub == nil {
		return l
	}
	return nil
}

// ExactTuple returns v's tuple when v is a tuple and not a subclass instance.
func ExactTuple(v Value) *Tuple {
	if t, ok := v.o.(*Tuple); ok && t.sub == nil {
		return t
	}
	return nil
}

// ExactDict returns v's dict when v is a dict and not a subclass instance.
func ExactDict(v Value) *Dict {
	if d, ok := v.o.(*Dict); ok && d.sub == nil {
		return d
	}
	return nil
}

// Ref returns v's object word as it is: the heap object, or an internal
// tag for inline values. It is for type assertions to concrete heap types
// in the vm's hot paths, which no tag satisfies; Object is the checked form.
func (v Value) Ref() Object { return v.o }

// SeqLoop returns what GET_ITER leaves for a for loop over an exact list
// or tuple: the sequence itself with the loop's position (0) in its
// payload word, which FOR_ITER advances in place (SeqLoopNext), so the
// loop makes no iterator object. A range (never subclassed, immutable)
// keeps its next element in the payload word instead. The vm uses it only
// when FOR_ITER follows at once, where nothing but the loop sees the
// value. It is false for anything else.
func SeqLoop(v Value) (Value, bool) {
	switch o := v.o.(type) {
	case *List:
		if o.sub == nil {
			return Value{o: o}, true
		}
	case *Tuple:
		if o.sub == nil {
			return Value{o: o}, true
		}
	case *Range:
		return Value{n: uint64(o.Start), o: o}, true
	}
	return Value{}, false
}

// SeqLoopNext advances a loop position made by SeqLoop: the next item,
// or ok false past the end (a list read at every step, as list_iterator
// does). seq is false when *it is a real iterator instead.
func SeqLoopNext(it *Value) (item Value, ok, seq bool) {
	switch o := it.o.(type) {
	case *List:
		if it.n < uint64(len(o.Items)) {
			item = o.Items[it.n]
			it.n++
			return item, true, true
		}
		return Value{}, false, true
	case *Tuple:
		if it.n < uint64(len(o.Items)) {
			item = o.Items[it.n]
			it.n++
			return item, true, true
		}
		return Value{}, false, true
	case *Range:
		return rangeLoopNext(it, o)
	}
	return Value{}, false, false
}

// GetSlice is x[lo:hi] (CPython 3.12's BINARY_SLICE). An exact str,
// list or tuple with int or None bounds is sliced without a slice object; any
// other operand gets x[slice(lo, hi)].
func GetSlice(th *Thread, x, lo, hi Value) (Value, error) {
	if lo.IsNone() || lo.IsInt() {
		if hi.IsNone() || hi.IsInt() {
			switch o := x.o.(type) {
			case *String:
				if o.sub() == nil {
					start, n := sliceBounds(lo, hi, o.runeCount())
					return o.slice(start, 1, n), nil
				}
			case *List:
				if o.sub == nil {
					start, n := sliceBounds(lo, hi, len(o.Items))
					l, out := newListLen(n)
					copy(out, o.Items[start:start+n])
					return Obj(l), nil
				}
			case *Tuple:
				if o.sub == nil {
					start, n := sliceBounds(lo, hi, len(o.Items))
					if n == len(o.Items) {
						return x, nil // immutable: CPython returns it too
					}
					return Obj(TupleFrom(o.Items[start : start+n])), nil
				}
			}
		}
	}
	return GetItem(th, x, NewSlice(lo, hi, None))
}

// sliceBounds is the start and length of [lo:hi] over a sequence of
// length n, for bounds that are ints or None.
func sliceBounds(lo, hi Value, n int) (start, length int) {
	a, b := int64(0), int64(n)
	if lo.IsInt() {
		a = adjustIndex(lo.AsInt(), int64(n), 1)
	}
	if hi.IsInt() {
		b = adjustIndex(hi.AsInt(), int64(n), 1)
	}
	return int(a), int(max(b-a, 0))
}

// rangeLoopNext is SeqLoopNext for a range: the payload word is the next
// element, and Stop once an addition of Step would overflow (the loop is
// past Stop then).
func rangeLoopNext(it *Value, r *Range) (item Value, ok, seq bool) {
	x := int64(it.n)
	if r.Step > 0 && x >= r.Stop || r.Step < 0 && x <= r.Stop {
		return Value{}, false, true
	}
	next := x + r.Step
	if (next > x) != (r.Step > 0) {
		next = r.Stop
	}
	it.n = uint64(next)
	return Int(x), true, true
}
