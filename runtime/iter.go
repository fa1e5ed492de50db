package runtime

// This file defines the iterators of the built-in containers and the
// iteration helpers (ForEach, ToSlice, Next).

// Iterator types.
var (
	ListIterType      = newFinalType("list_iterator", nil)
	ListRevIterType   = newFinalType("list_reverseiterator", nil)
	TupleIterType     = newFinalType("tuple_iterator", nil)
	SeqIterType       = newFinalType("iterator", nil)
	DictKeyIterType   = newFinalType("dict_keyiterator", nil)
	DictValueIterType = newFinalType("dict_valueiterator", nil)
	DictItemIterType  = newFinalType("dict_itemiterator", nil)
	RangeIterType     = newFinalType("range_iterator", nil)
	SetIterType       = newFinalType("set_iterator", nil)
)

// Next advances it: the StopIteration protocol as a Go result.
func Next(th *Thread, it Iterator) (Value, bool, error) { return it.Next(th) }

// ForEach calls fn for each item of iterable, stopping at fn's first error.
func ForEach(th *Thread, iterable Value, fn func(Value) error) error {
	switch o := iterable.o.(type) {
	case *List:
		for i := 0; i < len(o.Items); i++ {
			if err := fn(o.Items[i]); err != nil {
				return err
			}
		}
		return nil
	case *Tuple:
		for _, v := range o.Items {
			if err := fn(v); err != nil {
				return err
			}
		}
		return nil
	}
	it, err := Iter(th, iterable)
	if err != nil {
		return err
	}
	for n := 1; ; n++ {
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return err
		}
		if err := fn(v); err != nil {
			return err
		}
		if n%1024 == 0 {
			// An endless iterator (iter(int, 1)) must still stop when the
			// host interrupts the script.
			if exc := th.pollInterrupt(); exc != nil {
				return exc
			}
		}
	}
}

// ToSlice returns the items of iterable (a new slice: callers may keep it).
func ToSlice(th *Thread, iterable Value) ([]Value, error) {
	switch o := iterable.o.(type) {
	case *List:
		return append([]Value(nil), o.Items...), nil
	case *Tuple:
		return append([]Value(nil), o.Items...), nil
	}
	var out []Value
	err := ForEach(th, iterable, func(v Value) error {
		if len(out)%1024 == 1023 {
			if err := th.Charge(1024 * valueSize); err != nil {
				return err
			}
		}
		out = append(out, v)
		return nil
	})
	return out, err
}

// listIter iterates a list by index, seeing appends made meanwhile.
type listIter struct {
	l *List
	i int
}

// Type implements Object.
func (it *listIter) Type() *Type { return ListIterType }

// Next implements Iterator.
func (it *listIter) Next(th *Thread) (Value, bool, error) {
	if it.l == nil || it.i >= len(it.l.Items) {
		it.l = nil
		return Value{}, false, nil
	}
	v := it.l.Items[it.i]
	it.i++
	return v, true, nil
}

// Iter implements Iterable (an iterator is its own).
func (it *listIter) Iter(th *Thread) (Iterator, error) { return it, nil }

// listRevIter is reversed(list).
type listRevIter struct {
	l *List
	i int
}

// Type implements Object.
func (it *listRevIter) Type() *Type { return ListRevIterType }

// Next implements Iterator.
func (it *listRevIter) Next(th *Thread) (Value, bool, error) {
	if it.l == nil || it.i < 0 || it.i >= len(it.l.Items) {
		it.l = nil
		return Value{}, false, nil
	}
	v := it.l.Items[it.i]
	it.i--
	return v, true, nil
}

// Iter implements Iterable (an iterator is its own).
func (it *listRevIter) Iter(th *Thread) (Iterator, error) { return it, nil }

// tupleIter iterates a tuple.
type tupleIter struct {
	items []Value
	i     int
}

// Type implements Object.
func (it *tupleIter) Type() *Type { return TupleIterType }

// Next implements Iterator.
func (it *tupleIter) Next(th *Thread) (Value, bool, error) {
	if it.i >= len(it.items) {
		return Value{}, false, nil
	}
	v := it.items[it.i]
	it.i++
	return v, true, nil
}

// Iter implements Iterable (an iterator is its own).
func (it *tupleIter) Iter(th *Thread) (Iterator, error) { return it, nil }

// seqIter is the __getitem__ iteration protocol: seq[0], seq[1], … until
// IndexError (or StopIteration).
type seqIter struct {
	seq  Value
	i    int64
	done bool
}

// Type implements Object.
func (it *seqIter) Type() *Type { return SeqIterType }

// Next implements Iterator.
func (it *seqIter) Next(th *Thread) (Value, bool, error) {
	if it.done {
		return Value{}, false, nil
	}
	v, err := GetItem(th, it.seq, Int(it.i))
	if err != nil {
		if e, ok := err.(*Exception); ok && (e.Matches(IndexError) || e.Matches(StopIteration)) {
			it.done = true
			return Value{}, false, nil
		}
		return Value{}, false, err
	}
	it.i++
	return v, true, nil
}

// Iter implements Iterable (an iterator is its own).
func (it *seqIter) Iter(th *Thread) (Iterator, error) { return it, nil }

// dictIter iterates a dict's keys, values or items.
type dictIter struct {
	d    *Dict
	pos  int
	used int
	gen  uint32
	kind int // 0 keys, 1 values, 2 items
	left int
}

func newDictIter(d *Dict, kind int) *dictIter {
	return &dictIter{d: d, used: d.used, gen: d.gen, kind: kind, left: d.used}
}

// Type implements Object.
func (it *dictIter) Type() *Type {
	switch it.kind {
	case 1:
		return DictValueIterType
	case 2:
		return DictItemIterType
	}
	return DictKeyIterType
}

// Next implements Iterator.
func (it *dictIter) Next(th *Thread) (Value, bool, error) {
	d := it.d
	if d == nil {
		return Value{}, false, nil
	}
	if d.used != it.used {
		it.d = nil
		return Value{}, false, Errorf(RuntimeError, "dictionary changed size during iteration")
	}
	if d.gen != it.gen {
		it.d = nil
		return Value{}, false, Errorf(RuntimeError, "dictionary keys changed during iteration")
	}
	e, next, ok := d.at(it.pos)
	if !ok || it.left == 0 {
		it.d = nil
		if ok {
			return Value{}, false, Errorf(RuntimeError, "dictionary keys changed during iteration")
		}
		return Value{}, false, nil
	}
	it.pos = next
	it.left--
	switch it.kind {
	case 1:
		return e.val, true, nil
	case 2:
		return Obj(NewTuple([]Value{e.key, e.val})), true, nil
	}
	return e.key, true, nil
}

// Iter implements Iterable (an iterator is its own).
func (it *dictIter) Iter(th *Thread) (Iterator, error) { return it, nil }

// LengthHint returns the number of items left.
func (it *dictIter) LengthHint() int { return it.left }

// iterMethods are __iter__ and __next__ for the Go iterator types.
var iterMethods = map[string]MethodFunc{
	"__iter__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return self, nil
	},
	"__next__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		it, ok := self.o.(Iterator)
		if !ok {
			return Value{}, Errorf(TypeError, "'%s' object is not an iterator", self.Type().Name)
		}
		v, ok, err := it.Next(th)
		if err != nil {
			return Value{}, err
		}
		if !ok {
			return Value{}, NewException(StopIteration)
		}
		return v, nil
	},
}

func iterInit() {
	for _, t := range []*Type{ListIterType, ListRevIterType, TupleIterType, SeqIterType, DictKeyIterType,
		DictValueIterType, DictItemIterType, RangeIterType, SetIterType, DictRevIterType} {
		t.SetMethods(iterMethods)
	}
}
