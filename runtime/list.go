package runtime

// This file defines list, and the helpers lists share with tuples.

import "strings"

// List is a Python list.
type List struct {
	Items []Value
	// inRepr guards repr against recursion ([...]).
	inRepr bool
	sub    *subclassed
}

// NewList returns a list holding items (not copied).
func NewList(items []Value) *List { return &List{Items: items} }

// contains is the base Contains.
func (l *List) contains(th *Thread, x Value) (bool, error) { return seqContains(th, l.Items, x) }

func seqContains(th *Thread, items []Value, x Value) (bool, error) {
	for i := 0; i < len(items); i++ {
		if eq, err := Equal(th, items[i], x); err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

// repr is the base Repr.
func (l *List) repr(th *Thread) (string, error) {
	if l.inRepr {
		return "[...]", nil
	}
	if err := th.enter(inRepr); err != nil {
		return "", err
	}
	l.inRepr = true
	defer func() { l.inRepr = false; th.leave() }()
	return seqRepr(th, "[", l.Items, "]")
}

// seqRepr formats items between open and close, comma separated.
func seqRepr(th *Thread, open string, items []Value, close string) (string, error) {
	var b strings.Builder
	b.WriteString(open)
	for i := 0; i < len(items); i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := Repr(th, items[i])
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	b.WriteString(close)
	return b.String(), nil
}

// getItem is the base GetItem.
func (l *List) getItem(th *Thread, key Value) (Value, error) {
	if s, ok := key.o.(*Slice); ok {
		return sliceList(th, l.Items, s)
	}
	i, err := seqIndex(th, key, len(l.Items), "list")
	if err != nil {
		return Value{}, err
	}
	if i < 0 {
		return Value{}, Errorf(IndexError, "list index out of range")
	}
	return l.Items[i], nil
}

// setItem is the base SetItem.
func (l *List) setItem(th *Thread, key, x Value) error {
	if s, ok := key.o.(*Slice); ok {
		return l.setSlice(th, s, x)
	}
	i, err := seqIndex(th, key, len(l.Items), "list")
	if err != nil {
		return err
	}
	if i < 0 {
		return Errorf(IndexError, "list assignment index out of range")
	}
	l.Items[i] = x
	return nil
}

func (l *List) setSlice(th *Thread, s *Slice, x Value) error {
	var src []Value
	if o, ok := x.o.(*List); ok && o == l {
		src = append([]Value(nil), l.Items...)
	} else {
		var err error
		if _, iterable := x.o.(Iterable); !iterable {
			if _, isIt := x.o.(Iterator); !isIt {
				return Errorf(TypeError, "can only assign an iterable")
			}
		}
		if src, err = ToSlice(th, x); err != nil {
			return err
		}
	}
	start, stop, step, n, err := s.Indices(th, len(l.Items))
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		return l.replace(th, start, stop, src)
	}
	if len(src) != n {
		return Errorf(ValueError, "attempt to assign sequence of size %d to extended slice of size %d", len(src), n)
	}
	for i, j := 0, start; i < n; i, j = i+1, j+step {
		l.Items[j] = src[i]
	}
	return nil
}

// replace sets l[start:stop] = src.
func (l *List) replace(th *Thread, start, stop int, src []Value) error {
	if err := th.Charge(len(src) * valueSize); err != nil {
		return err
	}
	old := l.Items
	tail := append([]Value(nil), old[stop:]...)
	items := append(old[:start], src...)
	items = append(items, tail...)
	if len(items) < len(old) {
		clear(old[len(items):]) // drop references past the new end
	}
	l.Items = items
	return nil
}

// delItem is the base DelItem.
func (l *List) delItem(th *Thread, key Value) error {
	if s, ok := key.o.(*Slice); ok {
		return l.delSlice(th, s)
	}
	i, err := seqIndex(th, key, len(l.Items), "list")
	if err != nil {
		return err
	}
	if i < 0 {
		return Errorf(IndexError, "list assignment index out of range")
	}
	l.removeAt(i)
	return nil
}

func (l *List) removeAt(i int) {
	copy(l.Items[i:], l.Items[i+1:])
	l.Items[len(l.Items)-1] = Value{}
	l.Items = l.Items[:len(l.Items)-1]
}

func (l *List) delSlice(th *Thread, s *Slice) error {
	start, stop, step, n, err := s.Indices(th, len(l.Items))
	if err != nil || n == 0 {
		return err
	}
	if step == 1 {
		return l.replace(th, start, stop, nil)
	}
	if step < 0 {
		start, step = start+(n-1)*step, -step
	}
	out := l.Items[:0]
	next := start
	for i, v := range l.Items {
		if i == next && n > 0 {
			next += step
			n--
			continue
		}
		out = append(out, v)
	}
	clear(l.Items[len(out):])
	l.Items = out
	return nil
}

// binary is the base Binary: list + list, list * int, int * list.
func (l *List) binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	switch op {
	case OpAdd:
		o, ok := other.o.(*List)
		if !ok {
			if right || hasOwnRadd(other) {
				return NotImplemented, nil
			}
			return Value{}, Errorf(TypeError, "can only concatenate list (not \"%s\") to list", other.Type().Name)
		}
		if err := th.Charge((len(l.Items) + len(o.Items)) * valueSize); err != nil {
			return Value{}, err
		}
		items := make([]Value, 0, len(l.Items)+len(o.Items))
		if right {
			items = append(append(items, o.Items...), l.Items...)
		} else {
			items = append(append(items, l.Items...), o.Items...)
		}
		return Obj(NewList(items)), nil
	case OpMul:
		items, err := repeatItems(th, l.Items, other)
		if err != nil || items == nil {
			return NotImplemented, err
		}
		return Obj(NewList(items)), nil
	}
	return NotImplemented, nil
}

// valueSize is the memory charged per element.
const valueSize = 24

// repeatItems is items * n; nil without error when n is not an int.
func repeatItems(th *Thread, items []Value, n Value) ([]Value, error) {
	if !IsInstance(n, IntType) {
		if _, ok := n.o.(*Instance); !ok {
			return nil, Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", n.Type().Name)
		}
	}
	k, err := indexOf(th, n)
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Matches(IndexError) {
			return nil, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
		}
		return nil, Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", n.Type().Name)
	}
	if k <= 0 || len(items) == 0 {
		return []Value{}, nil
	}
	if k > int64(1<<40)/int64(len(items)) {
		return nil, Errorf(MemoryError, "")
	}
	total := int(k) * len(items)
	if err := th.Charge(total * valueSize); err != nil {
		return nil, err
	}
	out := make([]Value, 0, total)
	for i := int64(0); i < k; i++ {
		out = append(out, items...)
	}
	return out, nil
}

// inplace is the base Inplace: += extends, *= repeats in place.
func (l *List) inplace(th *Thread, op BinaryOp, other Value) (Value, bool, error) {
	switch op {
	case OpAdd:
		if err := l.extend(th, other); err != nil {
			return Value{}, true, err
		}
		return Obj(l), true, nil
	case OpMul:
		items, err := repeatItems(th, l.Items, other)
		if err != nil {
			return Value{}, true, err
		}
		l.Items = items
		return Obj(l), true, nil
	}
	return Value{}, false, nil
}

func (l *List) extend(th *Thread, it Value) error {
	switch o := it.o.(type) {
	case *List:
		return l.appendAll(th, o.Items)
	case *Tuple:
		return l.appendAll(th, o.Items)
	}
	items, err := ToSlice(th, it)
	if err != nil {
		return err
	}
	return l.appendAll(th, items)
}

func (l *List) appendAll(th *Thread, items []Value) error {
	if err := th.Charge(len(items) * valueSize); err != nil {
		return err
	}
	l.Items = append(l.Items, items...)
	return nil
}

// Append appends v (list.append).
func (l *List) Append(th *Thread, v Value) error {
	if len(l.Items) == cap(l.Items) {
		return l.grow(th, v)
	}
	l.Items = append(l.Items, v)
	return nil
}

// grow appends v to a full list, doubling its room: Go's append grows
// big slices by only 1.25x, so building a list by appends would allocate
// (and zero, and fault in) about five times its final size.
func (l *List) grow(th *Thread, v Value) error {
	n := len(l.Items)
	if err := th.Charge((n + 4) * valueSize); err != nil {
		return err
	}
	items := make([]Value, n+1, max(2*n, 4))
	copy(items, l.Items)
	items[n] = v
	l.Items = items
	return nil
}

// compare is the base Compare: lexicographic against another list.
func (l *List) compare(th *Thread, op CmpOp, other Value) (Value, error) {
	o, ok := other.o.(*List)
	if !ok {
		return NotImplemented, nil
	}
	return compareSeqs(th, op, l.Items, o.Items)
}

// compareSeqs compares two sequences lexicographically.
func compareSeqs(th *Thread, op CmpOp, a, b []Value) (Value, error) {
	if (op == CmpEq || op == CmpNe) && len(a) != len(b) {
		return Bool(op == CmpNe), nil
	}
	if err := th.enter(inComparison); err != nil {
		return Value{}, err
	}
	defer th.leave()
	i := 0
	for ; i < len(a) && i < len(b); i++ {
		eq, err := Equal(th, a[i], b[i])
		if err != nil {
			return Value{}, err
		}
		if !eq {
			break
		}
	}
	if i >= len(a) || i >= len(b) {
		return Bool(cmpInts(op, len(a), len(b))), nil
	}
	switch op {
	case CmpEq:
		return False, nil
	case CmpNe:
		return True, nil
	}
	return Compare(th, op, a[i], b[i])
}

func cmpInts(op CmpOp, a, b int) bool {
	switch op {
	case CmpEq:
		return a == b
	case CmpNe:
		return a != b
	case CmpLt:
		return a < b
	case CmpLe:
		return a <= b
	case CmpGt:
		return a > b
	}
	return a >= b
}

func selfList(v Value) *List { return v.o.(*List) }

// oneArg checks that a method got exactly one positional argument.
func oneArg(name string, args []Value, kwnames []string) error {
	if len(kwnames) > 0 {
		return Errorf(TypeError, "%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return Errorf(TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
	}
	return nil
}

// noArgs checks that a method got no arguments.
func noArgs(name string, args []Value, kwnames []string) error {
	if len(args) != 0 {
		return Errorf(TypeError, "%s() takes no arguments (%d given)", name, len(args))
	}
	return nil
}

func listInit() {
	ListType.Dict.SetStr("__hash__", None)
	ListType.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		if t != ListType {
			return Obj(&List{sub: newSub(t, ListType)}), nil // __init__ fills it
		}
		if len(kwnames) > 0 {
			return Value{}, Errorf(TypeError, "list() takes no keyword arguments")
		}
		switch len(args) {
		case 0:
			return Obj(NewList(nil)), nil
		case 1:
			items, err := ToSlice(th, args[0])
			return Obj(NewList(items)), err
		}
		return Value{}, Errorf(TypeError, "list expected at most 1 argument, got %d", len(args))
	}
	ListType.SetMethods(listMethods)
}

var listMethods = map[string]MethodFunc{
	"append": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg("list.append", args, kwnames); err != nil {
			return Value{}, err
		}
		return None, selfList(self).Append(th, args[0])
	},
	"extend": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg("list.extend", args, kwnames); err != nil {
			return Value{}, err
		}
		return None, selfList(self).extend(th, args[0])
	},
	"insert": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if len(args) != 2 || len(kwnames) > 0 {
			return Value{}, Errorf(TypeError, "insert expected 2 arguments, got %d", len(args))
		}
		l := selfList(self)
		i, err := indexOf(th, args[0])
		if err != nil {
			return Value{}, err
		}
		n := int64(len(l.Items))
		if i < 0 {
			i = max(i+n, 0)
		}
		i = min(i, n)
		return None, l.replace(th, int(i), int(i), []Value{args[1]})
	},
	"pop": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		l := selfList(self)
		i := int64(-1)
		if len(args) > 1 || len(kwnames) > 0 {
			return Value{}, Errorf(TypeError, "pop expected at most 1 argument, got %d", len(args))
		}
		if len(args) == 1 {
			var err error
			if i, err = indexOf(th, args[0]); err != nil {
				return Value{}, err
			}
		}
		if len(l.Items) == 0 {
			return Value{}, Errorf(IndexError, "pop from empty list")
		}
		if i < 0 {
			i += int64(len(l.Items))
		}
		if i < 0 || i >= int64(len(l.Items)) {
			return Value{}, Errorf(IndexError, "pop index out of range")
		}
		v := l.Items[i]
		l.removeAt(int(i))
		return v, nil
	},
	"remove": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg("list.remove", args, kwnames); err != nil {
			return Value{}, err
		}
		l := selfList(self)
		for i := 0; i < len(l.Items); i++ {
			eq, err := Equal(th, l.Items[i], args[0])
			if err != nil {
				return Value{}, err
			}
			if eq {
				l.removeAt(i)
				return None, nil
			}
		}
		return Value{}, Errorf(ValueError, "list.remove(x): x not in list")
	},
	"index": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		l := selfList(self)
		if len(args) < 1 || len(args) > 3 {
			return Value{}, Errorf(TypeError, "index expected at least 1 argument, got %d", len(args))
		}
		start, stop, err := indexArgs(th, args, len(l.Items))
		if err != nil {
			return Value{}, err
		}
		for i := start; i < stop && i < len(l.Items); i++ {
			eq, err := Equal(th, l.Items[i], args[0])
			if err != nil {
				return Value{}, err
			}
			if eq {
				return Int(int64(i)), nil
			}
		}
		r, err := Repr(th, args[0])
		if err != nil {
			return Value{}, err
		}
		return Value{}, Errorf(ValueError, "%s is not in list", r)
	},
	"count": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg("list.count", args, kwnames); err != nil {
			return Value{}, err
		}
		n, err := countItems(th, selfList(self).Items, args[0])
		return Int(int64(n)), err
	},
	"sort": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if len(args) > len(kwnames) {
			return Value{}, Errorf(TypeError, "sort() takes no positional arguments")
		}
		for _, k := range kwnames {
			if k != "key" && k != "reverse" {
				return Value{}, Errorf(TypeError, "'%s' is an invalid keyword argument for sort()", k)
			}
		}
		key, reverse := Value(None), false
		if err := UnpackArgs("sort", args, kwnames, "key?", &key, "reverse?", &reverse); err != nil {
			return Value{}, err
		}
		return None, SortList(th, selfList(self), key, reverse)
	},
	"reverse": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := noArgs("list.reverse", args, kwnames); err != nil {
			return Value{}, err
		}
		items := selfList(self).Items
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
		return None, nil
	},
	"copy": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := noArgs("list.copy", args, kwnames); err != nil {
			return Value{}, err
		}
		return Obj(NewList(append([]Value(nil), selfList(self).Items...))), nil
	},
	"clear": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := noArgs("list.clear", args, kwnames); err != nil {
			return Value{}, err
		}
		selfList(self).Items = nil
		return None, nil
	},
	"__init__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if len(kwnames) > 0 {
			return Value{}, Errorf(TypeError, "list() takes no keyword arguments")
		}
		if len(args) > 1 {
			return Value{}, Errorf(TypeError, "list expected at most 1 argument, got %d", len(args))
		}
		l := selfList(self)
		l.Items = nil
		if len(args) == 1 {
			return None, l.extend(th, args[0])
		}
		return None, nil
	},
	"__setitem__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if len(args) != 2 {
			return Value{}, Errorf(TypeError, "expected 2 arguments, got %d", len(args))
		}
		return None, selfList(self).setItem(th, args[0], args[1])
	},
	"__delitem__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg("__delitem__", args, kwnames); err != nil {
			return Value{}, err
		}
		return None, selfList(self).delItem(th, args[0])
	},
	"__repr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		s, err := selfList(self).repr(th)
		return Str(s), err
	},
	"__eq__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg("__eq__", args, kwnames); err != nil {
			return Value{}, err
		}
		return selfList(self).compare(th, CmpEq, args[0])
	},
	"__add__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg("__add__", args, kwnames); err != nil {
			return Value{}, err
		}
		return selfList(self).binary(th, OpAdd, args[0], false)
	},
	"__reversed__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		l := selfList(self)
		return Obj(&listRevIter{l: l, i: len(l.Items) - 1}), nil
	},
	"__len__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return Int(int64(len(selfList(self).Items))), nil
	},
	"__getitem__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg("__getitem__", args, kwnames); err != nil {
			return Value{}, err
		}
		return selfList(self).getItem(th, args[0])
	},
	"__contains__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg("__contains__", args, kwnames); err != nil {
			return Value{}, err
		}
		ok, err := selfList(self).contains(th, args[0])
		return Bool(ok), err
	},
	"__iter__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return Obj(&listIter{l: selfList(self)}), nil
	},
}

func countItems(th *Thread, items []Value, x Value) (int, error) {
	n := 0
	for i := 0; i < len(items); i++ {
		eq, err := Equal(th, items[i], x)
		if err != nil {
			return 0, err
		}
		if eq {
			n++
		}
	}
	return n, nil
}
