package builtins

// This file defines the iterator types the builtins return: enumerate,
// zip, map, filter, reversed (with list_reverseiterator for lists) and
// callable_iterator (iter(f, sentinel)).

import (
	"fmt"
	"math"

	"github.com/pyish/pyish/runtime"
)

// Iterator types, named as in CPython.
var (
	EnumerateType    = runtime.NewType("enumerate", nil)
	ZipType          = runtime.NewType("zip", nil)
	MapType          = runtime.NewType("map", nil)
	FilterType       = runtime.NewType("filter", nil)
	ReversedType     = runtime.NewType("reversed", nil)
	ListReverseType  = runtime.NewType("list_reverseiterator", nil)
	CallableIterType = runtime.NewType("callable_iterator", nil)
)

var iteratorMethods = map[string]runtime.MethodFunc{
	"__iter__": iter_iter,
	"__next__": iter_next,
}

func init() {
	EnumerateType.New = newEnumerate
	ZipType.New = newZip
	MapType.New = newMap
	FilterType.New = newFilter
	ReversedType.New = newReversed
	for _, t := range []*runtime.Type{EnumerateType, ZipType, MapType, FilterType, ReversedType, ListReverseType, CallableIterType} {
		t.SetMethods(iteratorMethods)
		t.Flags |= runtime.FlagFinal // subclasses would need instances of their own type
	}
}

// iter_iter is __iter__ of an iterator: the iterator itself.
func iter_iter(th *runtime.Thread, self runtime.Value, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("__iter__", args, kwnames, 0, 0); err != nil {
		return runtime.Value{}, err
	}
	return self, nil
}

// iter_next is __next__ of an iterator: the next item or StopIteration.
func iter_next(th *runtime.Thread, self runtime.Value, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("__next__", args, kwnames, 0, 0); err != nil {
		return runtime.Value{}, err
	}
	it, ok := self.Object().(runtime.Iterator)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'%s' object is not an iterator", typeName(self))
	}
	v, ok, err := it.Next(th)
	if err != nil {
		return runtime.Value{}, err
	}
	if !ok {
		return runtime.Value{}, runtime.NewException(runtime.StopIteration)
	}
	return v, nil
}

// iterRepr is the repr CPython gives iterator objects.
func iterRepr(name string, p any) string { return fmt.Sprintf("<%s object at %p>", name, p) }

// enumerateIter is the iterator enumerate(iterable, start) returns.
type enumerateIter struct {
	it    runtime.Iterator
	count runtime.Value // an int, inline or big
}

// newEnumerate is enumerate(iterable, start=0).
func newEnumerate(th *runtime.Thread, _ *runtime.Type, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	iterable, start, err := enumerateArgs(args, kwnames)
	if err != nil {
		return runtime.Value{}, err
	}
	count, err := runtime.ToIndex(th, start)
	if err != nil {
		return runtime.Value{}, err
	}
	it, err := runtime.Iter(th, iterable)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(&enumerateIter{it: it, count: count}), nil
}

// enumerateArgs binds enumerate's (iterable, start=0) with CPython's
// messages (which, unlike most, give no position for a missing argument).
func enumerateArgs(args []runtime.Value, kwnames []string) (iterable, start runtime.Value, err error) {
	pos, kw := splitKwargs(args, kwnames)
	if len(args) > 2 {
		return iterable, start, runtime.Errorf(runtime.TypeError, "enumerate() takes at most 2 arguments (%d given)", len(args))
	}
	slots := [2]runtime.Value{}
	copy(slots[:], pos)
	for i, name := range kwnames {
		j := 0
		switch name {
		case "iterable":
		case "start":
			j = 1
		default:
			return iterable, start, badKeyword("enumerate", name)
		}
		if !slots[j].IsNull() {
			return iterable, start, badKeyword("enumerate", name) // as CPython words it
		}
		slots[j] = kw[i]
	}
	if slots[0].IsNull() {
		return iterable, start, runtime.Errorf(runtime.TypeError, "enumerate() missing required argument 'iterable'")
	}
	if slots[1].IsNull() {
		slots[1] = runtime.Int(0)
	}
	return slots[0], slots[1], nil
}

// Type implements runtime.Object.
func (e *enumerateIter) Type() *runtime.Type { return EnumerateType }

// Iter implements runtime.Iterable.
func (e *enumerateIter) Iter(th *runtime.Thread) (runtime.Iterator, error) { return e, nil }

// Repr implements runtime.HasRepr.
func (e *enumerateIter) Repr(th *runtime.Thread) (string, error) {
	return iterRepr("enumerate", e), nil
}

// Next implements runtime.Iterator.
func (e *enumerateIter) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	v, ok, err := e.it.Next(th)
	if !ok || err != nil {
		return runtime.Value{}, false, err
	}
	n := e.count
	if n.IsInt() && n.AsInt() < math.MaxInt64 {
		e.count = runtime.Int(n.AsInt() + 1)
	} else if e.count, err = runtime.Binary(th, runtime.OpAdd, n, runtime.Int(1)); err != nil {
		return runtime.Value{}, false, err
	}
	return pair(n, v), true, nil
}

// zipIter is the iterator zip(*iterables, strict=False) returns.
type zipIter struct {
	its    []runtime.Iterator // nil once exhausted
	strict bool
}

// newZip is zip(*iterables, strict=False).
func newZip(th *runtime.Thread, _ *runtime.Type, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	pos, kw := splitKwargs(args, kwnames)
	z := &zipIter{}
	for i, name := range kwnames {
		if name != "strict" {
			return runtime.Value{}, badKeyword("zip", name)
		}
		strict, err := runtime.Truth(th, kw[i])
		if err != nil {
			return runtime.Value{}, err
		}
		z.strict = strict
	}
	its, err := iterAll(th, pos)
	if err != nil {
		return runtime.Value{}, err
	}
	z.its = its
	return runtime.Obj(z), nil
}

// iterAll returns iter(v) for each of vals.
func iterAll(th *runtime.Thread, vals []runtime.Value) ([]runtime.Iterator, error) {
	its := make([]runtime.Iterator, len(vals))
	for i, v := range vals {
		it, err := runtime.Iter(th, v)
		if err != nil {
			return nil, err
		}
		its[i] = it
	}
	return its, nil
}

// Type implements runtime.Object.
func (z *zipIter) Type() *runtime.Type { return ZipType }

// Iter implements runtime.Iterable.
func (z *zipIter) Iter(th *runtime.Thread) (runtime.Iterator, error) { return z, nil }

// Repr implements runtime.HasRepr.
func (z *zipIter) Repr(th *runtime.Thread) (string, error) { return iterRepr("zip", z), nil }

// Next implements runtime.Iterator.
func (z *zipIter) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	if len(z.its) == 0 {
		return runtime.Value{}, false, nil
	}
	if len(z.its) == 2 {
		a, ok, err := z.next(th, 0)
		if !ok {
			return a, ok, err
		}
		b, ok, err := z.next(th, 1)
		if !ok {
			return b, ok, err
		}
		return pair(a, b), true, nil
	}
	items := make([]runtime.Value, len(z.its))
	for i := range z.its {
		v, ok, err := z.next(th, i)
		if !ok {
			return v, ok, err
		}
		items[i] = v
	}
	return runtime.Obj(runtime.NewTuple(items)), true, nil
}

// next advances argument i; at its end (or error) the zip ends.
func (z *zipIter) next(th *runtime.Thread, i int) (runtime.Value, bool, error) {
	v, ok, err := z.its[i].Next(th)
	switch {
	case err != nil:
		z.its = nil
		return runtime.Value{}, false, err
	case !ok:
		return runtime.Value{}, false, z.exhausted(th, i)
	}
	return v, true, nil
}

// exhausted ends the zip when argument i ran out; with strict=True it
// checks that every other argument ran out at the same time.
func (z *zipIter) exhausted(th *runtime.Thread, i int) error {
	its := z.its
	z.its = nil
	if !z.strict {
		return nil
	}
	if i > 0 {
		return zipLengthError(i, "shorter")
	}
	for j := 1; j < len(its); j++ {
		_, ok, err := its[j].Next(th)
		if err != nil {
			return err
		}
		if ok {
			return zipLengthError(j, "longer")
		}
	}
	return nil
}

// zipLengthError is "zip() argument 3 is shorter than arguments 1-2".
func zipLengthError(i int, how string) error {
	others := "argument 1"
	if i > 1 {
		others = fmt.Sprintf("arguments 1-%d", i)
	}
	return runtime.Errorf(runtime.ValueError, "zip() argument %d is %s than %s", i+1, how, others)
}

// mapIter is the iterator map(func, *iterables) returns.
type mapIter struct {
	fn  runtime.Value
	its []runtime.Iterator
	buf []runtime.Value // reused for each call: callees do not keep args
}

// newMap is map(func, *iterables).
func newMap(th *runtime.Thread, _ *runtime.Type, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := noKwargs("map", kwnames); err != nil {
		return runtime.Value{}, err
	}
	if len(args) < 2 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "map() must have at least two arguments.")
	}
	its, err := iterAll(th, args[1:])
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(&mapIter{fn: args[0], its: its, buf: make([]runtime.Value, len(its))}), nil
}

// Type implements runtime.Object.
func (m *mapIter) Type() *runtime.Type { return MapType }

// Iter implements runtime.Iterable.
func (m *mapIter) Iter(th *runtime.Thread) (runtime.Iterator, error) { return m, nil }

// Repr implements runtime.HasRepr.
func (m *mapIter) Repr(th *runtime.Thread) (string, error) { return iterRepr("map", m), nil }

// Next implements runtime.Iterator.
func (m *mapIter) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	for i, it := range m.its {
		v, ok, err := it.Next(th)
		if !ok || err != nil {
			return runtime.Value{}, false, err
		}
		m.buf[i] = v
	}
	r, err := runtime.Call(th, m.fn, m.buf, nil)
	clear(m.buf)
	if err != nil {
		return runtime.Value{}, false, err
	}
	return r, true, nil
}

// filterIter is the iterator filter(function, iterable) returns.
type filterIter struct {
	fn runtime.Value // None: keep true items
	it runtime.Iterator
}

// newFilter is filter(function or None, iterable).
func newFilter(th *runtime.Thread, _ *runtime.Type, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := noKwargs("filter", kwnames); err != nil {
		return runtime.Value{}, err
	}
	if err := posArgs("filter", args, nil, 2, 2); err != nil {
		return runtime.Value{}, err
	}
	it, err := runtime.Iter(th, args[1])
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(&filterIter{fn: args[0], it: it}), nil
}

// Type implements runtime.Object.
func (f *filterIter) Type() *runtime.Type { return FilterType }

// Iter implements runtime.Iterable.
func (f *filterIter) Iter(th *runtime.Thread) (runtime.Iterator, error) { return f, nil }

// Repr implements runtime.HasRepr.
func (f *filterIter) Repr(th *runtime.Thread) (string, error) { return iterRepr("filter", f), nil }

// Next implements runtime.Iterator.
func (f *filterIter) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	for {
		v, ok, err := f.it.Next(th)
		if !ok || err != nil {
			return runtime.Value{}, false, err
		}
		keep, err := f.keep(th, v)
		if err != nil {
			return runtime.Value{}, false, err
		}
		if keep {
			return v, true, nil
		}
	}
}

// keep applies the filter's predicate to v.
func (f *filterIter) keep(th *runtime.Thread, v runtime.Value) (bool, error) {
	if f.fn.IsNone() {
		return runtime.Truth(th, v)
	}
	r, err := runtime.Call(th, f.fn, []runtime.Value{v}, nil)
	if err != nil {
		return false, err
	}
	return runtime.Truth(th, r)
}

// listReverseIter walks a list backwards, rechecking its length each step
// as CPython does (the list may shrink meanwhile).
type listReverseIter struct {
	list *runtime.List
	i    int
}

// Type implements runtime.Object.
func (r *listReverseIter) Type() *runtime.Type { return ListReverseType }

// Iter implements runtime.Iterable.
func (r *listReverseIter) Iter(th *runtime.Thread) (runtime.Iterator, error) { return r, nil }

// Repr implements runtime.HasRepr.
func (r *listReverseIter) Repr(th *runtime.Thread) (string, error) {
	return iterRepr("list_reverseiterator", r), nil
}

// Next implements runtime.Iterator.
func (r *listReverseIter) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	if r.i < 0 || r.i >= len(r.list.Items) {
		r.i = -1
		return runtime.Value{}, false, nil
	}
	v := r.list.Items[r.i]
	r.i--
	return v, true, nil
}

// newReversed is reversed(seq): seq.__reversed__(), or a walk backwards
// over a sequence's indexes.
func newReversed(th *runtime.Thread, _ *runtime.Type, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("reversed", args, kwnames, 1, 1); err != nil {
		return runtime.Value{}, err
	}
	seq := args[0]
	switch o := seq.Object().(type) {
	case *runtime.List:
		return runtime.Obj(&listReverseIter{list: o, i: len(o.Items) - 1}), nil
	case *runtime.Tuple:
		return runtime.Obj(&reversedIter{seq: seq, i: len(o.Items) - 1}), nil
	}
	if m, ok := runtime.LookupSpecial(seq, "__reversed__"); ok && m.IsNone() {
		// __reversed__ = None (collections.abc.Mapping's) refuses reversed().
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'%s' object is not reversible", typeName(seq))
	}
	if r, found, err := callSpecial(th, seq, "__reversed__"); found {
		return r, err
	}
	if !isSequence(seq) {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'%s' object is not reversible", typeName(seq))
	}
	n, err := runtime.Len(th, seq)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(&reversedIter{seq: seq, i: n - 1}), nil
}

// isSequence reports whether v supports integer indexing, as CPython's
// PySequence_Check: its class defines __getitem__, or it is a Go object
// with items that is not a mapping. reversed then needs its len().
func isSequence(v runtime.Value) bool {
	if v.IsInline() {
		return false
	}
	_, item := runtime.LookupSpecial(v, "__getitem__")
	if _, ok := v.Object().(*runtime.Instance); ok {
		return item
	}
	if runtime.IsInstance(v, runtime.DictType) {
		return false
	}
	_, ok := v.Object().(runtime.HasGetItem)
	return ok || item
}

// reversedIter walks a sequence backwards through __getitem__.
type reversedIter struct {
	seq runtime.Value
	i   int
}

// Type implements runtime.Object.
func (r *reversedIter) Type() *runtime.Type { return ReversedType }

// Iter implements runtime.Iterable.
func (r *reversedIter) Iter(th *runtime.Thread) (runtime.Iterator, error) { return r, nil }

// Repr implements runtime.HasRepr.
func (r *reversedIter) Repr(th *runtime.Thread) (string, error) { return iterRepr("reversed", r), nil }

// Next implements runtime.Iterator.
func (r *reversedIter) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	if r.i < 0 {
		return runtime.Value{}, false, nil
	}
	if t, ok := r.seq.Object().(*runtime.Tuple); ok {
		v := t.Items[r.i]
		r.i--
		return v, true, nil
	}
	v, err := runtime.GetItem(th, r.seq, runtime.Int(int64(r.i)))
	r.i--
	if err != nil {
		r.i = -1
		if e := runtime.AsException(err); e.Matches(runtime.IndexError) || e.Matches(runtime.StopIteration) {
			return runtime.Value{}, false, nil
		}
		return runtime.Value{}, false, err
	}
	return v, true, nil
}

// callableIter is iter(callable, sentinel): it calls callable until the
// result equals sentinel.
type callableIter struct {
	fn       runtime.Value // zero once exhausted
	sentinel runtime.Value
}

// Type implements runtime.Object.
func (c *callableIter) Type() *runtime.Type { return CallableIterType }

// Iter implements runtime.Iterable.
func (c *callableIter) Iter(th *runtime.Thread) (runtime.Iterator, error) { return c, nil }

// Repr implements runtime.HasRepr.
func (c *callableIter) Repr(th *runtime.Thread) (string, error) {
	return iterRepr("callable_iterator", c), nil
}

// Next implements runtime.Iterator.
func (c *callableIter) Next(th *runtime.Thread) (runtime.Value, bool, error) {
	if c.fn.IsNull() {
		return runtime.Value{}, false, nil
	}
	v, err := runtime.Call(th, c.fn, nil, nil)
	if err != nil {
		if runtime.AsException(err).Matches(runtime.StopIteration) {
			c.fn = runtime.Value{}
			return runtime.Value{}, false, nil
		}
		return runtime.Value{}, false, err
	}
	eq, err := runtime.Equal(th, v, c.sentinel)
	if err != nil {
		return runtime.Value{}, false, err
	}
	if eq {
		c.fn = runtime.Value{}
		return runtime.Value{}, false, nil
	}
	return v, true, nil
}
