package runtime

// This file lets classes subclass int and float: an instance is a
// NumSub holding the number with the class and an attribute dict. Each
// capability first looks for the class's override of its dunder, then
// falls back to the number's own behaviour (whose results are plain ints
// and floats, as in CPython).

// NumSub is an instance of a class derived from int or float.
type NumSub struct {
	v   Value // an inline int, a *BigInt or a float
	sub *subclassed
}

// newNumSub wraps the number v as an instance of t (v itself when t is
// the built-in base).
func newNumSub(t, base *Type, v Value) Value {
	sub := newSub(t, base)
	if sub == nil {
		return v
	}
	return Obj(&NumSub{v: v, sub: sub})
}

// unwrapNum returns the number inside a NumSub, or v itself.
func unwrapNum(v Value) Value {
	if n, ok := v.o.(*NumSub); ok {
		return n.v
	}
	return v
}

// BaseNumber returns the int or float inside an instance of a subclass
// of int or float, and any other value unchanged: what code that treats
// such instances as their base value (json, %-formatting) works on.
func BaseNumber(v Value) Value { return unwrapNum(v) }

// subclassResult adapts an alternative constructor of base (a
// classmethod such as int.from_bytes): called on a subclass, it passes
// base's result to the subclass, cls(result), as CPython does.
func subclassResult(base *Type, f func(*Thread, []Value, []string) (Value, error)) func(*Thread, []Value, []string) (Value, error) {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		r, err := f(th, args, kwnames)
		if err != nil || len(args) == 0 || args[0].Is(Obj(base)) {
			return r, err
		}
		return Call(th, args[0], []Value{r}, nil)
	}
}

// self returns the instance as a Value.
func (n *NumSub) self() Value { return Obj(n) }

// Type returns the class.
func (n *NumSub) Type() *Type { return n.sub.cls }

// GetAttr looks up attributes in the instance dict and along the class.
func (n *NumSub) GetAttr(th *Thread, name string) (Value, error) {
	return n.sub.getAttr(th, n.self(), name)
}

// SetAttr sets an instance attribute.
func (n *NumSub) SetAttr(th *Thread, name string, v Value) error {
	return n.sub.setAttr(th, n.self(), name, v)
}

// DelAttr deletes an instance attribute.
func (n *NumSub) DelAttr(th *Thread, name string) error {
	return n.sub.setAttr(th, n.self(), name, Value{})
}

// Repr is the class's __repr__, else the number's repr.
func (n *NumSub) Repr(th *Thread) (string, error) {
	if s, ok, err := subRepr(th, n.sub, n.self()); ok {
		return s, err
	}
	return Repr(th, n.v)
}

// Str is the class's __str__, else repr().
func (n *NumSub) Str(th *Thread) (string, error) { return subStr(th, n.sub, n.self()) }

// Hash is the class's __hash__, else the number's hash.
func (n *NumSub) Hash(th *Thread) (int64, error) {
	if h, ok, err := subHash(th, n.sub, n.self()); ok {
		return h, err
	}
	h, _ := numHash(n.v)
	return h, nil
}

// Truth is the class's __bool__, else the number's truth.
func (n *NumSub) Truth(th *Thread) (bool, error) {
	// int's own truth comes before a class's __len__, so only __bool__
	// is looked for.
	if r, ok, err := n.sub.call(th, n.self(), "__bool__"); ok {
		if err != nil {
			return false, err
		}
		if !r.IsBool() {
			return false, Errorf(TypeError, "__bool__ should return bool, returned %s", r.Type().Name)
		}
		return r.AsBool(), nil
	}
	return Truth(th, n.v)
}

// Binary is the class's operator method, else the number's operator.
func (n *NumSub) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	if r, ok, err := subBinary(th, n.sub, n.self(), op, other, right); ok && (err != nil || !r.Is(NotImplemented)) {
		return r, err
	}
	a, b := n.v, unwrapNum(other)
	if right {
		a, b = b, a
	}
	r, ok, err := numBinarySlow(op, a, b)
	if !ok {
		return NotImplemented, nil
	}
	return r, err
}

// Unary is the class's __neg__/__pos__/__invert__, else the number's.
func (n *NumSub) Unary(th *Thread, op UnaryOp) (Value, error) {
	name := map[UnaryOp]string{OpNeg: "__neg__", OpPos: "__pos__", OpInvert: "__invert__"}[op]
	if r, ok, err := n.sub.call(th, n.self(), name); ok {
		return r, err
	}
	r, ok, err := numUnary(op, n.v)
	if !ok {
		return NotImplemented, nil
	}
	return r, err
}

// Compare is the class's comparison method, else the number's.
func (n *NumSub) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	if r, ok, err := subCompare(th, n.sub, n.self(), op, other); ok && (err != nil || !r.Is(NotImplemented)) {
		return r, err
	}
	r, ok := numCompare(op, n.v, unwrapNum(other))
	if !ok {
		return NotImplemented, nil
	}
	return Bool(r), nil
}

// Format is the class's __format__, else the number's (str() for an
// empty spec, as int.__format__ and float.__format__ give a subclass).
func (n *NumSub) Format(th *Thread, spec string) (string, error) {
	if s, ok, err := subFormat(th, n.sub, n.self(), spec); ok {
		return s, err
	}
	return Format(th, n.v, spec)
}

// subFormat is format() of an instance of a subclass of int, float or
// str: the class's __format__, else str(self) for an empty spec; ok is
// false when the base's own formatting applies.
func subFormat(th *Thread, s *subclassed, self Value, spec string) (string, bool, error) {
	r, ok, err := s.call(th, self, "__format__", Str(spec))
	if !ok {
		if s != nil && spec == "" {
			str, err := StrOf(th, self)
			return str, true, err
		}
		return "", false, nil
	}
	if err != nil {
		return "", true, err
	}
	str, isStr := AsString(r)
	if !isStr {
		return "", true, Errorf(TypeError, "__format__ must return a str, not %s", r.Type().Name)
	}
	return str, true, nil
}

// Index returns the int value (operator.index).
func (n *NumSub) Index(th *Thread) (Value, bool, error) {
	if IsIntegral(n.v) {
		return n.v, true, nil
	}
	return Value{}, false, nil
}

// unwrapMethods adapts a method table so that methods see the number
// inside a NumSub receiver.
func unwrapMethods(m map[string]MethodFunc) map[string]MethodFunc {
	out := make(map[string]MethodFunc, len(m))
	for name, f := range m {
		f := f
		out[name] = func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return f(th, unwrapNum(self), args, kwnames)
		}
	}
	return out
}

// unwrapMembers adapts member getters the same way.
func unwrapMembers(m map[string]MemberFunc) map[string]MemberFunc {
	out := make(map[string]MemberFunc, len(m))
	for name, f := range m {
		f := f
		out[name] = func(th *Thread, self Value) (Value, error) { return f(th, unwrapNum(self)) }
	}
	return out
}

func init() {
	for _, t := range []*Type{IntType, FloatType, StrType} {
		t.Dict.SetStr("__new__", NewBuiltin("__new__", baseNew(t)))
	}
}

// baseNew is base.__new__(cls, *args), as a subclass's __new__ calls it
// (int.__new__(cls, v), super().__new__(cls, s)): cls must derive from
// base.
func baseNew(base *Type) func(*Thread, []Value, []string) (Value, error) {
	return func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) == 0 {
			return Value{}, Errorf(TypeError, "%s.__new__(): not enough arguments", base.Name)
		}
		t, ok := args[0].o.(*Type)
		if !ok {
			return Value{}, Errorf(TypeError, "%s.__new__(X): X is not a type object (%s)", base.Name, args[0].Type().Name)
		}
		if !IsSubtype(t, base) {
			return Value{}, Errorf(TypeError, "%s.__new__(%s): %s is not a subtype of %s", base.Name, t.Name, t.Name, base.Name)
		}
		if sb := t.solidBase(); sb != base {
			return Value{}, Errorf(TypeError, "%s.__new__(%s) is not safe, use %s.__new__()", base.Name, t.Name, sb.Name)
		}
		return base.New(th, t, args[1:], kwnames)
	}
}

// Len is the class's __len__ (IntFlag's count of bits); ints have none.
func (n *NumSub) Len(th *Thread) (int, error) {
	if l, ok, err := subLen(th, n.sub, n.self()); ok {
		return l, err
	}
	return 0, Errorf(TypeError, "object of type '%s' has no len()", n.Type().Name)
}

// Iter is the class's __iter__ (IntFlag's members); ints have none.
func (n *NumSub) Iter(th *Thread) (Iterator, error) {
	if it, ok, err := subIter(th, n.sub, n.self()); ok {
		return it, err
	}
	return nil, Errorf(TypeError, "'%s' object is not iterable", n.Type().Name)
}

// Contains is the class's __contains__; ints have none.
func (n *NumSub) Contains(th *Thread, x Value) (bool, error) {
	if r, ok, err := subContains(th, n.sub, n.self(), x); ok {
		return r, err
	}
	return false, Errorf(TypeError, "argument of type '%s' is not iterable", n.Type().Name)
}
