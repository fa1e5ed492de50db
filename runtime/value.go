package runtime

import "math"

// Value is a pyish value: 24 bytes, passed by value, allocation-free for
// numbers. Small ints (int64), floats, bools and None keep their payload in
// n with a kind tag in o; every other value is the heap Object in o. The
// zero Value is "no value" (an unbound variable), never a Python object.
type Value struct {
	n uint64
	o Object
}

// kindTag marks an inline value; its Type is the Python type of that kind.
// Ints and floats have tags of their own types, so that IsInt and IsFloat
// are one comparison of the interface's type word with a constant (an
// equality with a tag pointer compares both words, after loading the
// tag); bool and None share kindTag.
type kindTag struct{ typ **Type }

// Type returns the Python type of the inline kind.
func (k *kindTag) Type() *Type { return *k.typ }

// intKind and floatKind are the tags of ints and floats.
type (
	intKind   struct{ kindTag }
	floatKind struct{ kindTag }
)

var (
	intTag   = &intKind{kindTag{&IntType}}
	floatTag = &floatKind{kindTag{&FloatType}}
	boolTag  = &kindTag{&BoolType}
	noneTag  = &kindTag{&NoneType}
)

// Singletons.
var (
	None  = Value{o: noneTag}
	True  = Value{n: 1, o: boolTag}
	False = Value{n: 0, o: boolTag}
)

// Int returns the int value i.
func Int(i int64) Value { return Value{n: uint64(i), o: intTag} }

// Float returns the float value f.
func Float(f float64) Value { return Value{n: math.Float64bits(f), o: floatTag} }

// Bool returns True or False.
func Bool(b bool) Value {
	if b {
		return True
	}
	return False
}

// Obj wraps a heap object. Obj(nil) is the zero Value.
func Obj(o Object) Value { return Value{o: o} }

// IsNull reports whether v is the zero Value (no value at all).
func (v Value) IsNull() bool { return v.o == nil }

// IsInt reports whether v is an inline (int64) int. Big ints and bools are
// not; see IsIntegral.
func (v Value) IsInt() bool {
	_, ok := v.o.(*intKind)
	return ok
}

// IsFloat reports whether v is a float.
func (v Value) IsFloat() bool {
	_, ok := v.o.(*floatKind)
	return ok
}

// IsBool reports whether v is True or False.
func (v Value) IsBool() bool { return v.o == Object(boolTag) }

// IsNone reports whether v is None.
func (v Value) IsNone() bool { return v.o == Object(noneTag) }

// IsInline reports whether v is an int64, float, bool or None.
func (v Value) IsInline() bool {
	// Three comparisons of the type word with constants (a type switch
	// would load the type's hash first).
	_, i := v.o.(*intKind)
	_, f := v.o.(*floatKind)
	_, k := v.o.(*kindTag)
	return i || f || k
}

// AsInt returns the payload of an inline int (or bool as 0/1).
func (v Value) AsInt() int64 { return int64(v.n) }

// AsFloat returns the payload of a float.
func (v Value) AsFloat() float64 { return math.Float64frombits(v.n) }

// AsBool returns the payload of a bool.
func (v Value) AsBool() bool { return v.n != 0 }

// Object returns the heap object of v, or nil for inline values.
func (v Value) Object() Object {
	if v.IsInline() {
		return nil
	}
	return v.o
}

// Type returns the Python type of v. It must not be called on the zero Value.
func (v Value) Type() *Type { return v.o.Type() }

// Is reports Python identity (`is`): same inline payload, or same object.
func (v Value) Is(w Value) bool {
	if v.o != w.o {
		return false
	}
	if v.IsInline() {
		return v.n == w.n
	}
	return true
}
