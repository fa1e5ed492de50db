package runtime

// This file defines tuple.

// Tuple is a Python tuple.
type Tuple struct {
	Items  []Value
	sub    *subclassed
	inRepr bool // guards repr against recursion ((...))
}

// NewTuple returns a tuple holding items (not copied).
func NewTuple(items []Value) *Tuple { return &Tuple{Items: items} }

// TupleFrom returns a new tuple holding a copy of items. Up to four
// items share the tuple's allocation (BUILD_TUPLE's tuples are mostly
// that small: hash((x, y)), return a, b).
func TupleFrom(items []Value) *Tuple {
	switch len(items) {
	case 0:
		return &Tuple{}
	case 1:
		b := &struct {
			Tuple
			a [1]Value
		}{}
		b.a[0] = items[0]
		b.Items = b.a[:]
		return &b.Tuple
	case 2:
		b := &struct {
			Tuple
			a [2]Value
		}{}
		b.a[0], b.a[1] = items[0], items[1]
		b.Items = b.a[:]
		return &b.Tuple
	case 3:
		b := &struct {
			Tuple
			a [3]Value
		}{}
		copy(b.a[:], items)
		b.Items = b.a[:]
		return &b.Tuple
	case 4:
		b := &struct {
			Tuple
			a [4]Value
		}{}
		copy(b.a[:], items)
		b.Items = b.a[:]
		return &b.Tuple
	}
	return &Tuple{Items: append([]Value(nil), items...)}
}

// TupleOf builds a tuple value from its items.
func TupleOf(items ...Value) Value { return Obj(NewTuple(items)) }

// contains is the base Contains.
func (t *Tuple) contains(th *Thread, x Value) (bool, error) { return seqContains(th, t.Items, x) }

// hash is the base Hash (CPython's xxHash-based tuplehash).
func (t *Tuple) hash(th *Thread) (int64, error) { return hashSeq(th, t.Items) }

// repr is the base Repr: (1,) for one item.
func (t *Tuple) repr(th *Thread) (string, error) {
	if t.mayRecurse() {
		// Only tuples holding mutable objects can contain themselves; the
		// guard is not touched otherwise, so constant tuples shared between
		// interpreters are never written.
		if t.inRepr {
			return "(...)", nil
		}
		if err := th.enter(inRepr); err != nil {
			return "", err
		}
		t.inRepr = true
		defer func() { t.inRepr = false; th.leave() }()
	}
	if len(t.Items) == 1 {
		s, err := Repr(th, t.Items[0])
		return "(" + s + ",)", err
	}
	return seqRepr(th, "(", t.Items, ")")
}

// getItem is the base GetItem.
func (t *Tuple) getItem(th *Thread, key Value) (Value, error) {
	if s, ok := key.o.(*Slice); ok {
		items, err := sliceItems(th, t.Items, s)
		return Obj(NewTuple(items)), err
	}
	i, err := seqIndex(th, key, len(t.Items), "tuple")
	if err != nil {
		return Value{}, err
	}
	if i < 0 {
		return Value{}, Errorf(IndexError, "tuple index out of range")
	}
	return t.Items[i], nil
}

// binary is the base Binary: tuple + tuple, tuple * int.
func (t *Tuple) binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	switch op {
	case OpAdd:
		o, ok := other.o.(*Tuple)
		if !ok {
			if right || hasOwnRadd(other) {
				return NotImplemented, nil
			}
			return Value{}, Errorf(TypeError, "can only concatenate tuple (not \"%s\") to tuple", other.Type().Name)
		}
		a, b := t.Items, o.Items
		if right {
			a, b = b, a
		}
		if err := th.Charge((len(a) + len(b)) * valueSize); err != nil {
			return Value{}, err
		}
		items := make([]Value, 0, len(a)+len(b))
		return Obj(NewTuple(append(append(items, a...), b...))), nil
	case OpMul:
		items, err := repeatItems(th, t.Items, other)
		if err != nil || items == nil {
			return NotImplemented, err
		}
		return Obj(NewTuple(items)), nil
	}
	return NotImplemented, nil
}

// compare is the base Compare: lexicographic against another tuple.
func (t *Tuple) compare(th *Thread, op CmpOp, other Value) (Value, error) {
	o, ok := other.o.(*Tuple)
	if !ok {
		return NotImplemented, nil
	}
	return compareSeqs(th, op, t.Items, o.Items)
}

func tupleInit() {
	TupleType.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, Errorf(TypeError, "tuple() takes no keyword arguments")
		}
		sub := newSub(t, TupleType)
		switch len(args) {
		case 0:
			return Obj(&Tuple{sub: sub}), nil
		case 1:
			if tu, ok := args[0].o.(*Tuple); ok && sub == nil && tu.sub == nil {
				return Obj(tu), nil
			}
			items, err := ToSlice(th, args[0])
			return Obj(&Tuple{Items: items, sub: sub}), err
		}
		return Value{}, Errorf(TypeError, "tuple expected at most 1 argument, got %d", len(args))
	}
	TupleType.SetMethods(map[string]MethodFunc{
		"index": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			t := self.o.(*Tuple)
			if len(args) < 1 || len(args) > 3 {
				return Value{}, Errorf(TypeError, "index expected at least 1 argument, got %d", len(args))
			}
			start, stop, err := indexArgs(th, args, len(t.Items))
			if err != nil {
				return Value{}, err
			}
			for i := start; i < stop; i++ {
				eq, err := Equal(th, t.Items[i], args[0])
				if err != nil {
					return Value{}, err
				}
				if eq {
					return Int(int64(i)), nil
				}
			}
			return Value{}, Errorf(ValueError, "tuple.index(x): x not in tuple")
		},
		"count": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("tuple.count", args, kwnames); err != nil {
				return Value{}, err
			}
			n, err := countItems(th, self.o.(*Tuple).Items, args[0])
			return Int(int64(n)), err
		},
		"__len__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return Int(int64(len(self.o.(*Tuple).Items))), nil
		},
		"__repr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s, err := self.o.(*Tuple).repr(th)
			return Str(s), err
		},
		"__hash__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			h, err := self.o.(*Tuple).hash(th)
			return Int(h), err
		},
		"__iter__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return Obj(&tupleIter{items: self.o.(*Tuple).Items}), nil
		},
		"__getitem__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("__getitem__", args, kwnames); err != nil {
				return Value{}, err
			}
			return self.o.(*Tuple).getItem(th, args[0])
		},
	})
}

// mayRecurse reports whether the tuple holds (maybe through nested
// tuples) an object that could contain the tuple again.
func (t *Tuple) mayRecurse() bool {
	for _, v := range t.Items {
		switch o := v.o.(type) {
		case *kindTag, *intKind, *floatKind, *String, *BigInt:
		case *Tuple:
			if o.mayRecurse() {
				return true
			}
		default:
			return true
		}
	}
	return false
}
