package runtime

// This file lets classes subclass list, tuple, dict, set and frozenset:
// their instances are the built-in objects themselves with a class and
// an attribute dict, and each capability first looks for an override of
// its dunder on the class (the base implementations are the unexported
// methods, which the dunder methods in the type dicts call, so super()
// reaches them).

// subclassed is the class and attributes of an instance of a subclass
// of a built-in container (nil for plain instances).
type subclassed struct {
	cls   *Type
	dict  *Dict
	extra Value // state of Go subclasses (defaultdict's default_factory)
}

// newSub returns the subclass part for an instance of t, a subclass of
// the built-in type base (nil when t is base itself).
func newSub(t, base *Type) *subclassed {
	if t == base || t == nil {
		return nil
	}
	if t.Flags&FlagNoInstanceDict != 0 {
		return &subclassed{cls: t} // __slots__ = (): no attribute dict
	}
	return &subclassed{cls: t, dict: NewDict()}
}

// call calls the class's override of the dunder name, if any.
func (s *subclassed) call(th *Thread, self Value, name string, args ...Value) (Value, bool, error) {
	if s == nil {
		return Value{}, false, nil
	}
	// Copying keeps args from escaping, so the variadic slice of every
	// caller (most of them on plain built-ins, s == nil) stays on its stack.
	return callUserSlot(th, self, name, append([]Value(nil), args...)...)
}

func (s *subclassed) typeOr(t *Type) *Type {
	if s == nil {
		return t
	}
	return s.cls
}

func (s *subclassed) attrs() *Dict {
	if s == nil {
		return nil
	}
	return s.dict
}

// getAttr is attribute lookup for a possibly subclassed built-in.
func (s *subclassed) getAttr(th *Thread, self Value, name string) (Value, error) {
	if s == nil {
		return genericGetAttr(th, self, name)
	}
	return instanceGetAttr(th, self, s.dict, name)
}

// setAttr is setattr (v set) or delattr (v zero) for a possibly
// subclassed built-in.
func (s *subclassed) setAttr(th *Thread, self Value, name string, v Value) error {
	if s != nil {
		slot := "__setattr__"
		args := []Value{Str(name), v}
		if v.IsNull() {
			slot, args = "__delattr__", args[:1]
		}
		if m, ok := userSlot(s.cls, slot); ok {
			_, err := callSlot(th, m, self, args...)
			return err
		}
	}
	return genericSetAttr(th, self, s.attrs(), name, v)
}

func subRepr(th *Thread, s *subclassed, self Value) (string, bool, error) {
	r, ok, err := s.call(th, self, "__repr__")
	if !ok {
		return "", false, nil
	}
	str, err := reprOfResult(th, r, err)
	return str, true, err
}

func subStr(th *Thread, s *subclassed, self Value) (string, error) {
	r, ok, err := s.call(th, self, "__str__")
	if !ok {
		return Repr(th, self)
	}
	if err != nil {
		return "", err
	}
	str, isStr := AsString(r)
	if !isStr {
		return "", Errorf(TypeError, "__str__ returned non-string (type %s)", r.Type().Name)
	}
	return str, nil
}

func subLen(th *Thread, s *subclassed, self Value) (int, bool, error) {
	if s == nil {
		return 0, false, nil
	}
	if _, ok := userSlot(s.cls, "__len__"); !ok {
		return 0, false, nil
	}
	r, _, err := s.call(th, self, "__len__")
	if err != nil {
		return 0, true, err
	}
	n, err := indexOf(th, r)
	if err == nil && n < 0 {
		err = Errorf(ValueError, "__len__() should return >= 0")
	}
	return int(n), true, err
}

func subTruth(th *Thread, s *subclassed, self Value) (bool, bool, error) {
	if s == nil {
		return false, false, nil
	}
	if r, ok, err := s.call(th, self, "__bool__"); ok {
		if err != nil {
			return false, true, err
		}
		if !r.IsBool() {
			return false, true, Errorf(TypeError, "__bool__ should return bool, returned %s", r.Type().Name)
		}
		return r.AsBool(), true, nil
	}
	n, ok, err := subLen(th, s, self)
	return n != 0, ok, err
}

func subIter(th *Thread, s *subclassed, self Value) (Iterator, bool, error) {
	r, ok, err := s.call(th, self, "__iter__")
	if !ok || err != nil {
		return nil, ok, err
	}
	it, err := asIterator(r)
	return it, true, err
}

func subContains(th *Thread, s *subclassed, self, x Value) (bool, bool, error) {
	r, ok, err := s.call(th, self, "__contains__", x)
	if !ok || err != nil {
		return false, ok, err
	}
	t, err := Truth(th, r)
	return t, true, err
}

func subBinary(th *Thread, s *subclassed, self Value, op BinaryOp, other Value, right bool) (Value, bool, error) {
	name := binaryNames[op]
	if right {
		name = rbinaryNames[op]
	}
	return s.call(th, self, name, other)
}

func subCompare(th *Thread, s *subclassed, self Value, op CmpOp, other Value) (Value, bool, error) {
	if s == nil {
		return Value{}, false, nil
	}
	// The built-in's own comparisons (its __ne__ included) apply unless
	// the class overrides this very operator.
	return s.call(th, self, cmpNames[op], other)
}

// subHash is hash() of a subclass instance: a class's __hash__, else
// the built-in's (unhashable ones stay unhashable).
func subHash(th *Thread, s *subclassed, self Value) (int64, bool, error) {
	if s == nil {
		return 0, false, nil
	}
	if _, owner := s.cls.lookupOwner("__hash__"); !overrides(owner) {
		return 0, false, nil
	}
	h, err := hashSlot(th, self)
	return h, true, err
}

// ---- list ----

// Type implements Object.
func (l *List) Type() *Type { return l.sub.typeOr(ListType) }

// GetAttr implements HasAttrs.
func (l *List) GetAttr(th *Thread, name string) (Value, error) {
	return l.sub.getAttr(th, Obj(l), name)
}

// SetAttr implements HasSetAttr.
func (l *List) SetAttr(th *Thread, name string, v Value) error {
	return l.sub.setAttr(th, Obj(l), name, v)
}

// DelAttr implements HasSetAttr.
func (l *List) DelAttr(th *Thread, name string) error {
	return l.sub.setAttr(th, Obj(l), name, Value{})
}

// Repr implements HasRepr.
func (l *List) Repr(th *Thread) (string, error) {
	if s, ok, err := subRepr(th, l.sub, Obj(l)); ok {
		return s, err
	}
	return l.repr(th)
}

// Str implements HasStr.
func (l *List) Str(th *Thread) (string, error) { return subStr(th, l.sub, Obj(l)) }

// Len implements HasLen.
func (l *List) Len(th *Thread) (int, error) {
	if n, ok, err := subLen(th, l.sub, Obj(l)); ok {
		return n, err
	}
	return len(l.Items), nil
}

// Truth implements HasTruth.
func (l *List) Truth(th *Thread) (bool, error) {
	if t, ok, err := subTruth(th, l.sub, Obj(l)); ok {
		return t, err
	}
	return len(l.Items) > 0, nil
}

// Iter implements Iterable.
func (l *List) Iter(th *Thread) (Iterator, error) {
	if it, ok, err := subIter(th, l.sub, Obj(l)); ok {
		return it, err
	}
	return &listIter{l: l}, nil
}

// Contains implements HasContains.
func (l *List) Contains(th *Thread, x Value) (bool, error) {
	if r, ok, err := subContains(th, l.sub, Obj(l), x); ok {
		return r, err
	}
	return l.contains(th, x)
}

// GetItem implements HasGetItem.
func (l *List) GetItem(th *Thread, key Value) (Value, error) {
	if r, ok, err := l.sub.call(th, Obj(l), "__getitem__", key); ok {
		return r, err
	}
	return l.getItem(th, key)
}

// SetItem implements HasSetItem.
func (l *List) SetItem(th *Thread, key, x Value) error {
	if _, ok, err := l.sub.call(th, Obj(l), "__setitem__", key, x); ok {
		return err
	}
	return l.setItem(th, key, x)
}

// DelItem implements HasSetItem.
func (l *List) DelItem(th *Thread, key Value) error {
	if _, ok, err := l.sub.call(th, Obj(l), "__delitem__", key); ok {
		return err
	}
	return l.delItem(th, key)
}

// Binary implements HasBinary.
func (l *List) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	if r, ok, err := subBinary(th, l.sub, Obj(l), op, other, right); ok {
		return r, err
	}
	return l.binary(th, op, other, right)
}

// Inplace implements HasInplace.
func (l *List) Inplace(th *Thread, op BinaryOp, other Value) (Value, bool, error) {
	if r, ok, err := l.sub.call(th, Obj(l), ibinaryNames[op], other); ok {
		return r, true, err
	}
	return l.inplace(th, op, other)
}

// Compare implements HasCompare.
func (l *List) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	if r, ok, err := subCompare(th, l.sub, Obj(l), op, other); ok {
		return r, err
	}
	return l.compare(th, op, other)
}

// Hash implements HasHash: lists are unhashable unless a subclass says.
func (l *List) Hash(th *Thread) (int64, error) {
	if h, ok, err := subHash(th, l.sub, Obj(l)); ok {
		return h, err
	}
	return 0, Errorf(TypeError, "unhashable type: '%s'", l.Type().Name)
}

// ---- tuple ----

// Type implements Object.
func (t *Tuple) Type() *Type { return t.sub.typeOr(TupleType) }

// GetAttr implements HasAttrs.
func (t *Tuple) GetAttr(th *Thread, name string) (Value, error) {
	return t.sub.getAttr(th, Obj(t), name)
}

// SetAttr implements HasSetAttr.
func (t *Tuple) SetAttr(th *Thread, name string, v Value) error {
	return t.sub.setAttr(th, Obj(t), name, v)
}

// DelAttr implements HasSetAttr.
func (t *Tuple) DelAttr(th *Thread, name string) error {
	return t.sub.setAttr(th, Obj(t), name, Value{})
}

// Repr implements HasRepr.
func (t *Tuple) Repr(th *Thread) (string, error) {
	if s, ok, err := subRepr(th, t.sub, Obj(t)); ok {
		return s, err
	}
	return t.repr(th)
}

// Str implements HasStr.
func (t *Tuple) Str(th *Thread) (string, error) { return subStr(th, t.sub, Obj(t)) }

// Len implements HasLen.
func (t *Tuple) Len(th *Thread) (int, error) {
	if n, ok, err := subLen(th, t.sub, Obj(t)); ok {
		return n, err
	}
	return len(t.Items), nil
}

// Truth implements HasTruth.
func (t *Tuple) Truth(th *Thread) (bool, error) {
	if r, ok, err := subTruth(th, t.sub, Obj(t)); ok {
		return r, err
	}
	return len(t.Items) > 0, nil
}

// Iter implements Iterable.
func (t *Tuple) Iter(th *Thread) (Iterator, error) {
	if it, ok, err := subIter(th, t.sub, Obj(t)); ok {
		return it, err
	}
	return &tupleIter{items: t.Items}, nil
}

// Contains implements HasContains.
func (t *Tuple) Contains(th *Thread, x Value) (bool, error) {
	if r, ok, err := subContains(th, t.sub, Obj(t), x); ok {
		return r, err
	}
	return t.contains(th, x)
}

// GetItem implements HasGetItem.
func (t *Tuple) GetItem(th *Thread, key Value) (Value, error) {
	if r, ok, err := t.sub.call(th, Obj(t), "__getitem__", key); ok {
		return r, err
	}
	return t.getItem(th, key)
}

// Binary implements HasBinary.
func (t *Tuple) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	if r, ok, err := subBinary(th, t.sub, Obj(t), op, other, right); ok {
		return r, err
	}
	return t.binary(th, op, other, right)
}

// Compare implements HasCompare.
func (t *Tuple) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	if r, ok, err := subCompare(th, t.sub, Obj(t), op, other); ok {
		return r, err
	}
	return t.compare(th, op, other)
}

// Hash implements HasHash.
func (t *Tuple) Hash(th *Thread) (int64, error) {
	if h, ok, err := subHash(th, t.sub, Obj(t)); ok {
		return h, err
	}
	return t.hash(th)
}

// ---- dict ----

// Type implements Object.
func (d *Dict) Type() *Type { return d.sub.typeOr(DictType) }

// GetAttr implements HasAttrs.
func (d *Dict) GetAttr(th *Thread, name string) (Value, error) {
	return d.sub.getAttr(th, Obj(d), name)
}

// SetAttr implements HasSetAttr.
func (d *Dict) SetAttr(th *Thread, name string, v Value) error {
	return d.sub.setAttr(th, Obj(d), name, v)
}

// DelAttr implements HasSetAttr.
func (d *Dict) DelAttr(th *Thread, name string) error {
	return d.sub.setAttr(th, Obj(d), name, Value{})
}

// Repr implements HasRepr.
func (d *Dict) Repr(th *Thread) (string, error) {
	if s, ok, err := subRepr(th, d.sub, Obj(d)); ok {
		return s, err
	}
	return d.repr(th)
}

// Str implements HasStr.
func (d *Dict) Str(th *Thread) (string, error) { return subStr(th, d.sub, Obj(d)) }

// Truth implements HasTruth.
func (d *Dict) Truth(th *Thread) (bool, error) {
	if r, ok, err := subTruth(th, d.sub, Obj(d)); ok {
		return r, err
	}
	return d.used > 0, nil
}

// Iter implements Iterable (the keys).
func (d *Dict) Iter(th *Thread) (Iterator, error) {
	if it, ok, err := subIter(th, d.sub, Obj(d)); ok {
		return it, err
	}
	return newDictIter(d, 0), nil
}

// Contains implements HasContains.
func (d *Dict) Contains(th *Thread, x Value) (bool, error) {
	if r, ok, err := subContains(th, d.sub, Obj(d), x); ok {
		return r, err
	}
	return d.contains(th, x)
}

// GetItem implements HasGetItem: a subclass's __getitem__, else the
// item, else a subclass's __missing__, else KeyError.
func (d *Dict) GetItem(th *Thread, key Value) (Value, error) {
	if r, ok, err := d.sub.call(th, Obj(d), "__getitem__", key); ok {
		return r, err
	}
	return d.getItem(th, key)
}

// SetItem implements HasSetItem.
func (d *Dict) SetItem(th *Thread, key, x Value) error {
	if _, ok, err := d.sub.call(th, Obj(d), "__setitem__", key, x); ok {
		return err
	}
	return d.setItem(th, key, x)
}

// DelItem implements HasSetItem.
func (d *Dict) DelItem(th *Thread, key Value) error {
	if _, ok, err := d.sub.call(th, Obj(d), "__delitem__", key); ok {
		return err
	}
	return d.delItem(th, key)
}

// Binary implements HasBinary.
func (d *Dict) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	if r, ok, err := subBinary(th, d.sub, Obj(d), op, other, right); ok {
		return r, err
	}
	return d.binary(th, op, other, right)
}

// Inplace implements HasInplace.
func (d *Dict) Inplace(th *Thread, op BinaryOp, other Value) (Value, bool, error) {
	if r, ok, err := d.sub.call(th, Obj(d), ibinaryNames[op], other); ok {
		return r, true, err
	}
	return d.inplace(th, op, other)
}

// Compare implements HasCompare.
func (d *Dict) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	if r, ok, err := subCompare(th, d.sub, Obj(d), op, other); ok {
		return r, err
	}
	return d.compare(th, op, other)
}

// Hash implements HasHash: dicts are unhashable unless a subclass says.
func (d *Dict) Hash(th *Thread) (int64, error) {
	if h, ok, err := subHash(th, d.sub, Obj(d)); ok {
		return h, err
	}
	return 0, Errorf(TypeError, "unhashable type: '%s'", d.Type().Name)
}

// ---- set ----

// GetAttr implements HasAttrs.
func (s *Set) GetAttr(th *Thread, name string) (Value, error) { return s.sub.getAttr(th, Obj(s), name) }

// SetAttr implements HasSetAttr.
func (s *Set) SetAttr(th *Thread, name string, v Value) error {
	return s.sub.setAttr(th, Obj(s), name, v)
}

// DelAttr implements HasSetAttr.
func (s *Set) DelAttr(th *Thread, name string) error { return s.sub.setAttr(th, Obj(s), name, Value{}) }

// Repr implements HasRepr.
func (s *Set) Repr(th *Thread) (string, error) {
	if r, ok, err := subRepr(th, s.sub, Obj(s)); ok {
		return r, err
	}
	return s.repr(th)
}

// Str implements HasStr.
func (s *Set) Str(th *Thread) (string, error) { return subStr(th, s.sub, Obj(s)) }

// Len implements HasLen.
func (s *Set) Len(th *Thread) (int, error) {
	if n, ok, err := subLen(th, s.sub, Obj(s)); ok {
		return n, err
	}
	return s.used, nil
}

// Truth implements HasTruth.
func (s *Set) Truth(th *Thread) (bool, error) {
	if r, ok, err := subTruth(th, s.sub, Obj(s)); ok {
		return r, err
	}
	return s.used > 0, nil
}

// Iter implements Iterable.
func (s *Set) Iter(th *Thread) (Iterator, error) {
	if it, ok, err := subIter(th, s.sub, Obj(s)); ok {
		return it, err
	}
	return s.iter(th)
}

// Contains implements HasContains.
func (s *Set) Contains(th *Thread, x Value) (bool, error) {
	if r, ok, err := subContains(th, s.sub, Obj(s), x); ok {
		return r, err
	}
	return s.contains(th, x)
}

// Binary implements HasBinary.
func (s *Set) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	if r, ok, err := subBinary(th, s.sub, Obj(s), op, other, right); ok {
		return r, err
	}
	return s.binary(th, op, other, right)
}

// Inplace implements HasInplace.
func (s *Set) Inplace(th *Thread, op BinaryOp, other Value) (Value, bool, error) {
	if r, ok, err := s.sub.call(th, Obj(s), ibinaryNames[op], other); ok {
		return r, true, err
	}
	return s.inplace(th, op, other)
}

// Compare implements HasCompare.
func (s *Set) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	if r, ok, err := subCompare(th, s.sub, Obj(s), op, other); ok {
		return r, err
	}
	return s.compare(th, op, other)
}

// Hash implements HasHash (frozensets; sets are unhashable).
func (s *Set) Hash(th *Thread) (int64, error) {
	if h, ok, err := subHash(th, s.sub, Obj(s)); ok {
		return h, err
	}
	return s.hash(th)
}

// exactStr returns v's String when v is a str and not an instance of a
// subclass of str, whose dunders may override str's: the text-only fast
// paths of equality, ordering and dict keys apply to exact strs alone.
func exactStr(v Value) (*String, bool) {
	s, ok := v.o.(*String)
	return s, ok && s.sub() == nil
}

// subOf returns the subclass part of a built-in container value.
func subOf(v Value) *subclassed {
	switch o := v.o.(type) {
	case *List:
		return o.sub
	case *Tuple:
		return o.sub
	case *Dict:
		return o.sub
	case *Set:
		return o.sub
	case *String:
		return o.sub()
	case *NumSub:
		return o.sub
	case *BytesObject:
		return o.sub
	case *ByteArray:
		return o.sub
	}
	return nil
}
