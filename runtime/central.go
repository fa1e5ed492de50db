package runtime

// This file defines Python's semantics in central functions used alike by
// the vm and the builtins: truth, repr, str, hash, comparison, arithmetic
// dispatch, item access, len, iteration and membership.

// singleton is NotImplemented or Ellipsis.
type singleton struct {
	typ  **Type
	name string
}

// Type implements Object.
func (s *singleton) Type() *Type { return *s.typ }

// Repr implements HasRepr.
func (s *singleton) Repr(th *Thread) (string, error) { return s.name, nil }

// Singletons other than None.
var (
	// NotImplemented is Python's NotImplemented singleton.
	NotImplemented = Obj(&singleton{&NotImplementedType, "NotImplemented"})
	// Ellipsis is Python's Ellipsis (...).
	Ellipsis = Obj(&singleton{&EllipsisType, "Ellipsis"})
)

// Truth is Python's bool(v).
func Truth(th *Thread, v Value) (bool, error) {
	switch v.o {
	case Object(boolTag), Object(intTag):
		return v.n != 0, nil
	case Object(noneTag):
		return false, nil
	case Object(floatTag):
		return v.AsFloat() != 0, nil
	}
	switch o := v.o.(type) {
	case HasTruth:
		return o.Truth(th)
	case *Dict:
		if t, ok, err := subTruth(th, o.sub, v); ok {
			return t, err
		}
		return o.used > 0, nil
	case HasLen:
		n, err := o.Len(th)
		return n != 0, err
	}
	return true, nil
}

// Repr is Python's repr(v).
func Repr(th *Thread, v Value) (string, error) {
	if v.IsInline() {
		return numRepr(v), nil
	}
	if o, ok := v.o.(HasRepr); ok {
		return o.Repr(th)
	}
	return defaultRepr(v), nil
}

// StrOf is Python's str(v).
func StrOf(th *Thread, v Value) (string, error) {
	if s, ok := exactStr(v); ok {
		return s.s, nil
	}
	if v.IsInline() {
		return numRepr(v), nil
	}
	if o, ok := v.o.(HasStr); ok {
		return o.Str(th)
	}
	return Repr(th, v)
}

// Hash is Python's hash(v); unhashable values raise TypeError.
func Hash(th *Thread, v Value) (int64, error) {
	if v.IsInline() {
		return inlineHash(v), nil
	}
	if s, ok := exactStr(v); ok {
		return s.cachedHash(), nil
	}
	if o, ok := v.o.(HasHash); ok {
		return o.Hash(th)
	}
	return hashSlot(th, v)
}

// Equal is Python's a == b as a bool, with the identity shortcut that
// containers use (x in [x] holds even for a NaN x).
func Equal(th *Thread, a, b Value) (bool, error) {
	if a.Is(b) {
		return true, nil
	}
	if a.IsInline() && b.IsInline() {
		r, ok := numCompare(CmpEq, a, b)
		return r && ok, nil
	}
	if sa, ok := exactStr(a); ok {
		if sb, ok := exactStr(b); ok {
			return sa.s == sb.s, nil
		}
	}
	r, err := Compare(th, CmpEq, a, b)
	if err != nil {
		return false, err
	}
	if r.IsBool() {
		return r.AsBool(), nil
	}
	return Truth(th, r)
}

// Compare is Python's rich comparison `a op b`, returning its value.
func Compare(th *Thread, op CmpOp, a, b Value) (Value, error) {
	if r, ok, err := sameClassCompare(th, op, a, b); ok {
		return r, err
	}
	if r, ok := numCompare(op, a, b); ok {
		return Bool(r), nil
	}
	if sa, ok := exactStr(a); ok {
		if sb, ok := exactStr(b); ok {
			return Bool(cmpStrings(op, sa.s, sb.s)), nil
		}
	}
	ca, _ := a.o.(HasCompare)
	cb, _ := b.o.(HasCompare)
	ta, tb := a.Type(), b.Type()
	reflectedFirst := cb != nil && ta != tb && IsSubtype(tb, ta)
	if reflectedFirst {
		r, err := cb.Compare(th, cmpSwapped[op], a)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if ca != nil {
		r, err := ca.Compare(th, op, b)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if cb != nil && !reflectedFirst {
		r, err := cb.Compare(th, cmpSwapped[op], a)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	switch op {
	case CmpEq:
		return Bool(a.Is(b)), nil
	case CmpNe:
		return Bool(!a.Is(b)), nil
	}
	return Value{}, Errorf(TypeError, "'%s' not supported between instances of '%s' and '%s'", cmpSymbols[op], ta.Name, tb.Name)
}

func cmpStrings(op CmpOp, a, b string) bool {
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

// Less is a < b as a bool (the only comparison sorting uses).
func Less(th *Thread, a, b Value) (bool, error) {
	if a.IsInt() && b.IsInt() {
		return a.AsInt() < b.AsInt(), nil
	}
	r, err := Compare(th, CmpLt, a, b)
	if err != nil {
		return false, err
	}
	if r.IsBool() {
		return r.AsBool(), nil
	}
	return Truth(th, r)
}

// Binary is Python's `a op b`.
func Binary(th *Thread, op BinaryOp, a, b Value) (Value, error) {
	if r, ok, err := numBinary(op, a, b); ok || err != nil {
		return r, err
	}
	r, err := binaryDispatch(th, op, a, b)
	if err != nil || !r.Is(NotImplemented) {
		return r, err
	}
	return Value{}, binaryError(op, a, b)
}

// binaryDispatch tries a's operator then b's reflected one (b's first
// when b's type is a subclass of a's), returning NotImplemented if
// neither applies.
func binaryDispatch(th *Thread, op BinaryOp, a, b Value) (Value, error) {
	ba, _ := a.o.(HasBinary)
	bb, _ := b.o.(HasBinary)
	ta, tb := a.Type(), b.Type()
	if ta == tb {
		bb = nil
	}
	if bb != nil && IsSubtype(tb, ta) && overridesReflected(ta, tb, rbinaryNames[op]) {
		r, err := bb.Binary(th, op, a, true)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
		bb = nil
	}
	if ba != nil {
		r, err := ba.Binary(th, op, b, false)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	if bb != nil {
		return bb.Binary(th, op, a, true)
	}
	return NotImplemented, nil
}

// overridesReflected reports whether the subclass sub defines the
// reflected method name differently from base (CPython's
// method_is_overloaded): only then does sub's go first.
func overridesReflected(base, sub *Type, name string) bool {
	if base.Flags&FlagHeap == 0 && sub.Flags&FlagHeap == 0 {
		return true // built-in subtypes (bool of int) are numbers, handled earlier
	}
	vb, okb := base.Lookup(name)
	vs, oks := sub.Lookup(name)
	return oks && (!okb || !vb.Is(vs))
}

func binaryError(op BinaryOp, a, b Value) error {
	return Errorf(TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", binarySymbols[op], a.Type().Name, b.Type().Name)
}

// HasInplace objects implement augmented assignment in place (list +=,
// set |=, a class's __iadd__); ok false means fall back to Binary.
type HasInplace interface {
	Inplace(th *Thread, op BinaryOp, other Value) (v Value, ok bool, err error)
}

// InplaceBinary is Python's `a op= b` (tries __iadd__ and friends first).
func InplaceBinary(th *Thread, op BinaryOp, a, b Value) (Value, error) {
	if r, ok, err := numBinary(op, a, b); ok || err != nil {
		return r, err
	}
	if ip, ok := a.o.(HasInplace); ok {
		r, ok, err := ip.Inplace(th, op, b)
		if err != nil {
			return Value{}, err
		}
		if ok && !r.Is(NotImplemented) {
			return r, nil
		}
	}
	r, err := binaryDispatch(th, op, a, b)
	if err != nil || !r.Is(NotImplemented) {
		return r, err
	}
	sym := binarySymbols[op]
	if op == OpPow {
		sym = "**"
	}
	return Value{}, Errorf(TypeError, "unsupported operand type(s) for %s=: '%s' and '%s'", sym, a.Type().Name, b.Type().Name)
}

// Inplace implements HasInplace for classes defining __iadd__ etc.
func (o *Instance) Inplace(th *Thread, op BinaryOp, other Value) (Value, bool, error) {
	return o.inplace(th, op, other)
}

var unarySymbols = [...]string{"~", "not", "+", "-"}

// Unary is Python's -v, +v, ~v (not v is Truth).
func Unary(th *Thread, op UnaryOp, v Value) (Value, error) {
	if op == OpNot {
		t, err := Truth(th, v)
		return Bool(!t), err
	}
	if r, ok, err := numUnary(op, v); ok || err != nil {
		return r, err
	}
	if u, ok := v.o.(HasUnary); ok {
		r, err := u.Unary(th, op)
		if err != nil || !r.Is(NotImplemented) {
			return r, err
		}
	}
	return Value{}, Errorf(TypeError, "bad operand type for unary %s: '%s'", unarySymbols[op], v.Type().Name)
}

// GetItem is Python's v[key].
func GetItem(th *Thread, v, key Value) (Value, error) {
	if g, ok := v.o.(HasGetItem); ok {
		return g.GetItem(th, key)
	}
	if t, ok := v.o.(*Type); ok {
		if m, ok := userSlot(t.Type(), "__getitem__"); ok {
			return callSlot(th, m, v, key)
		}
		if cg, ok := t.Lookup("__class_getitem__"); ok {
			b := cg
			if d, _ := descrOf(cg); d != nil {
				var err error
				if b, err = d.DescrGet(th, Value{}, t); err != nil {
					return Value{}, err
				}
			}
			return Call(th, b, []Value{key}, nil)
		}
		return Value{}, Errorf(TypeError, "type '%s' is not subscriptable", t.Name)
	}
	return Value{}, Errorf(TypeError, "'%s' object is not subscriptable", v.Type().Name)
}

// SetItem is Python's v[key] = x.
func SetItem(th *Thread, v, key, x Value) error {
	if s, ok := v.o.(HasSetItem); ok {
		return s.SetItem(th, key, x)
	}
	return Errorf(TypeError, "'%s' object does not support item assignment", v.Type().Name)
}

// DelItem is Python's del v[key].
func DelItem(th *Thread, v, key Value) error {
	if s, ok := v.o.(HasSetItem); ok {
		return s.DelItem(th, key)
	}
	return Errorf(TypeError, "'%s' object doesn't support item deletion", v.Type().Name)
}

// Len is Python's len(v).
func Len(th *Thread, v Value) (int, error) {
	switch o := v.o.(type) { // exact strs and lists without the HasLen assertion
	case *String:
		if o.sub() == nil {
			return o.runeCount(), nil
		}
	case *List:
		if o.sub == nil {
			return len(o.Items), nil
		}
	}
	if d, ok := v.o.(*Dict); ok {
		if n, ok, err := subLen(th, d.sub, v); ok {
			return n, err
		}
		return d.used, nil
	}
	if l, ok := v.o.(HasLen); ok {
		return l.Len(th)
	}
	return 0, Errorf(TypeError, "object of type '%s' has no len()", v.Type().Name)
}

// Iter is Python's iter(v).
func Iter(th *Thread, v Value) (Iterator, error) {
	switch o := v.o.(type) {
	case Iterable:
		return o.Iter(th)
	case Iterator:
		return o, nil
	case HasGetItem:
		return &seqIter{seq: v}, nil
	}
	return nil, Errorf(TypeError, "'%s' object is not iterable", v.Type().Name)
}

// Contains is Python's `x in container`.
func Contains(th *Thread, container, x Value) (bool, error) {
	switch o := container.o.(type) {
	case HasContains:
		return o.Contains(th, x)
	case Iterable, Iterator:
		return iterContains(th, container, x)
	}
	return false, Errorf(TypeError, "argument of type '%s' is not iterable", container.Type().Name)
}

// iterContains is `x in it` by iteration.
func iterContains(th *Thread, container, x Value) (bool, error) {
	it, err := Iter(th, container)
	if err != nil {
		return false, err
	}
	for {
		v, ok, err := it.Next(th)
		if err != nil || !ok {
			return false, err
		}
		if eq, err := Equal(th, v, x); err != nil || eq {
			return eq, err
		}
	}
}
