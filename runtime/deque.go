package runtime

// This file defines collections.deque.

import "strings"

// Deque is collections.deque: a list-like sequence with fast appends at
// both ends and an optional maximum length.
type Deque struct {
	items  []Value
	maxlen int // -1: unbounded
	inRepr bool
}

// DequeType is collections.deque.
var DequeType = NewType("collections.deque", nil)

// Type implements Object.
func (d *Deque) Type() *Type { return DequeType }

// Len implements HasLen.
func (d *Deque) Len(th *Thread) (int, error) { return len(d.items), nil }

// Truth implements HasTruth.
func (d *Deque) Truth(th *Thread) (bool, error) { return len(d.items) > 0, nil }

// Iter implements Iterable.
func (d *Deque) Iter(th *Thread) (Iterator, error) {
	return &tupleIter{items: append([]Value(nil), d.items...)}, nil
}

// Contains implements HasContains.
func (d *Deque) Contains(th *Thread, x Value) (bool, error) { return seqContains(th, d.items, x) }

// Repr implements HasRepr: deque([1, 2]) or deque([1], maxlen=3).
func (d *Deque) Repr(th *Thread) (string, error) {
	if d.inRepr {
		return "[...]", nil
	}
	d.inRepr = true
	defer func() { d.inRepr = false }()
	s, err := seqRepr(th, "[", d.items, "]")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("deque(" + s)
	if d.maxlen >= 0 {
		b.WriteString(", maxlen=" + numRepr(Int(int64(d.maxlen))))
	}
	b.WriteString(")")
	return b.String(), nil
}

func (d *Deque) index(th *Thread, key Value) (int, error) {
	i, err := seqIndex(th, key, len(d.items), "sequence")
	if err == nil && i < 0 {
		err = Errorf(IndexError, "deque index out of range")
	}
	return i, err
}

// GetItem implements HasGetItem (integer indexes only, like CPython).
func (d *Deque) GetItem(th *Thread, key Value) (Value, error) {
	i, err := d.index(th, key)
	if err != nil {
		return Value{}, err
	}
	return d.items[i], nil
}

// SetItem implements HasSetItem.
func (d *Deque) SetItem(th *Thread, key, x Value) error {
	i, err := d.index(th, key)
	if err == nil {
		d.items[i] = x
	}
	return err
}

// DelItem implements HasSetItem.
func (d *Deque) DelItem(th *Thread, key Value) error {
	i, err := d.index(th, key)
	if err == nil {
		d.items = append(d.items[:i], d.items[i+1:]...)
	}
	return err
}

// Compare implements HasCompare: sequence order against another deque.
func (d *Deque) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	o, ok := other.o.(*Deque)
	if !ok {
		return NotImplemented, nil
	}
	return compareSeqs(th, op, d.items, o.items)
}

// Binary implements HasBinary: deque + deque, deque * n.
func (d *Deque) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	switch op {
	case OpAdd:
		o, ok := other.o.(*Deque)
		if !ok || right {
			if !right {
				return Value{}, Errorf(TypeError, "can only concatenate deque (not \"%s\") to deque", other.Type().Name)
			}
			return NotImplemented, nil
		}
		r := &Deque{items: append(append([]Value(nil), d.items...), o.items...), maxlen: d.maxlen}
		r.trimLeft()
		return Obj(r), nil
	case OpMul:
		items, err := repeatItems(th, d.items, other)
		if err != nil || items == nil {
			return NotImplemented, err
		}
		r := &Deque{items: items, maxlen: d.maxlen}
		r.trimLeft()
		return Obj(r), nil
	}
	return NotImplemented, nil
}

// Inplace implements HasInplace: += extends in place.
func (d *Deque) Inplace(th *Thread, op BinaryOp, other Value) (Value, bool, error) {
	if op != OpAdd {
		return Value{}, false, nil
	}
	return Obj(d), true, d.extend(th, other, false)
}

// trimLeft drops items from the left beyond maxlen.
func (d *Deque) trimLeft() {
	if d.maxlen >= 0 && len(d.items) > d.maxlen {
		d.items = append([]Value(nil), d.items[len(d.items)-d.maxlen:]...)
	}
}

func (d *Deque) push(v Value, left bool) {
	if d.maxlen == 0 {
		return
	}
	if left {
		if d.maxlen >= 0 && len(d.items) == d.maxlen {
			d.items = d.items[:len(d.items)-1]
		}
		d.items = append(d.items, Value{})
		copy(d.items[1:], d.items)
		d.items[0] = v
		return
	}
	if d.maxlen >= 0 && len(d.items) == d.maxlen {
		d.items = d.items[1:]
	}
	d.items = append(d.items, v)
}

func (d *Deque) extend(th *Thread, it Value, left bool) error {
	items, err := ToSlice(th, it)
	if err != nil {
		return err
	}
	for _, v := range items {
		d.push(v, left)
	}
	return nil
}

func selfDeque(v Value) *Deque { return v.o.(*Deque) }

func dequeNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	var iterable Value
	maxlen := Value(None)
	if err := UnpackArgs("deque", args, kwnames, "iterable?", &iterable, "maxlen?", &maxlen); err != nil {
		return Value{}, err
	}
	d := &Deque{maxlen: -1}
	if !maxlen.IsNone() {
		n, err := indexOf(th, maxlen)
		if err != nil {
			return Value{}, Errorf(TypeError, "an integer is required")
		}
		if n < 0 {
			return Value{}, Errorf(ValueError, "maxlen must be non-negative")
		}
		d.maxlen = int(n)
	}
	if !iterable.IsNull() {
		if err := d.extend(th, iterable, false); err != nil {
			return Value{}, err
		}
	}
	return Obj(d), nil
}

func dequeInit() {
	DequeType.New = dequeNew
	DequeType.Dict.SetStr("__hash__", None)
	DequeType.SetMembers(map[string]MemberFunc{
		"maxlen": func(th *Thread, self Value) (Value, error) {
			if n := selfDeque(self).maxlen; n >= 0 {
				return Int(int64(n)), nil
			}
			return None, nil
		},
	})
	one := func(name string, fn func(th *Thread, d *Deque, x Value) (Value, error)) MethodFunc {
		return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("deque."+name, args, kwnames); err != nil {
				return Value{}, err
			}
			return fn(th, selfDeque(self), args[0])
		}
	}
	none := func(name string, fn func(th *Thread, d *Deque) (Value, error)) MethodFunc {
		return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := noArgs("deque."+name, args, kwnames); err != nil {
				return Value{}, err
			}
			return fn(th, selfDeque(self))
		}
	}
	DequeType.SetMethods(map[string]MethodFunc{
		"append":     one("append", func(th *Thread, d *Deque, x Value) (Value, error) { d.push(x, false); return None, nil }),
		"appendleft": one("appendleft", func(th *Thread, d *Deque, x Value) (Value, error) { d.push(x, true); return None, nil }),
		"extend":     one("extend", func(th *Thread, d *Deque, x Value) (Value, error) { return None, d.extend(th, x, false) }),
		"extendleft": one("extendleft", func(th *Thread, d *Deque, x Value) (Value, error) { return None, d.extend(th, x, true) }),
		"pop": none("pop", func(th *Thread, d *Deque) (Value, error) {
			if len(d.items) == 0 {
				return Value{}, Errorf(IndexError, "pop from an empty deque")
			}
			v := d.items[len(d.items)-1]
			d.items = d.items[:len(d.items)-1]
			return v, nil
		}),
		"popleft": none("popleft", func(th *Thread, d *Deque) (Value, error) {
			if len(d.items) == 0 {
				return Value{}, Errorf(IndexError, "pop from an empty deque")
			}
			v := d.items[0]
			d.items = d.items[1:]
			return v, nil
		}),
		"clear": none("clear", func(th *Thread, d *Deque) (Value, error) { d.items = nil; return None, nil }),
		"copy": none("copy", func(th *Thread, d *Deque) (Value, error) {
			return Obj(&Deque{items: append([]Value(nil), d.items...), maxlen: d.maxlen}), nil
		}),
		"reverse": none("reverse", func(th *Thread, d *Deque) (Value, error) {
			for i, j := 0, len(d.items)-1; i < j; i, j = i+1, j-1 {
				d.items[i], d.items[j] = d.items[j], d.items[i]
			}
			return None, nil
		}),
		"count": one("count", func(th *Thread, d *Deque, x Value) (Value, error) {
			n, err := countItems(th, d.items, x)
			return Int(int64(n)), err
		}),
		"remove": one("remove", func(th *Thread, d *Deque, x Value) (Value, error) {
			for i, v := range d.items {
				eq, err := Equal(th, v, x)
				if err != nil {
					return Value{}, err
				}
				if eq {
					d.items = append(d.items[:i], d.items[i+1:]...)
					return None, nil
				}
			}
			return Value{}, Errorf(ValueError, "deque.remove(x): x not in deque")
		}),
		"index": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			d := selfDeque(self)
			if len(args) < 1 || len(args) > 3 {
				return Value{}, Errorf(TypeError, "index expected at least 1 argument, got %d", len(args))
			}
			start, stop, err := indexArgs(th, args, len(d.items))
			if err != nil {
				return Value{}, err
			}
			for i := start; i < stop; i++ {
				if eq, err := Equal(th, d.items[i], args[0]); err != nil || eq {
					return Int(int64(i)), err
				}
			}
			r, err := Repr(th, args[0])
			if err != nil {
				return Value{}, err
			}
			return Value{}, Errorf(ValueError, "%s is not in deque", r)
		},
		"insert": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			d := selfDeque(self)
			if len(args) != 2 {
				return Value{}, Errorf(TypeError, "insert expected 2 arguments, got %d", len(args))
			}
			if d.maxlen >= 0 && len(d.items) >= d.maxlen {
				return Value{}, Errorf(IndexError, "deque already at its maximum size")
			}
			i, err := indexOf(th, args[0])
			if err != nil {
				return Value{}, err
			}
			n := int64(len(d.items))
			if i < 0 {
				i = max(i+n, 0)
			}
			i = min(i, n)
			d.items = append(d.items, Value{})
			copy(d.items[i+1:], d.items[i:])
			d.items[i] = args[1]
			return None, nil
		},
		"rotate": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			n := int64(1)
			if err := UnpackArgs("rotate", args, kwnames, "n?", &n); err != nil {
				return Value{}, err
			}
			d := selfDeque(self)
			if k := int64(len(d.items)); k > 0 {
				n = ((n % k) + k) % k
				r := make([]Value, 0, k)
				r = append(r, d.items[k-n:]...)
				d.items = append(r, d.items[:k-n]...)
			}
			return None, nil
		},
		"__reversed__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			d := selfDeque(self)
			rev := make([]Value, len(d.items))
			for i, v := range d.items {
				rev[len(rev)-1-i] = v
			}
			return Obj(&tupleIter{items: rev}), nil
		},
	})
}
