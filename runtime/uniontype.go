package runtime

// This file defines types.UnionType, the value of `int | str` (PEP 604),
// which annotations such as `x: int | None` evaluate to and isinstance
// accepts.

import "strings"

// UnionType is X | Y of types: its arguments flattened (a union inside a
// union is spread out), without duplicates, None stored as NoneType.
type UnionType struct {
	Args []Value
}

// UnionTypeType is the type of int | str.
var UnionTypeType = newFinalType("types.UnionType", nil)

// Type implements Object.
func (u *UnionType) Type() *Type { return UnionTypeType }

// unionable reports whether v may be an operand of a type union.
func unionable(v Value) bool {
	switch v.o.(type) {
	case *Type, *GenericAlias, *UnionType:
		return true
	}
	return v.IsNone()
}

// unionOr is type.__or__ and __ror__: a | b, or NotImplemented.
func unionOr(a, b Value) Value {
	if !unionable(a) || !unionable(b) {
		return NotImplemented
	}
	var args []Value
	add := func(v Value) {
		if v.IsNone() {
			v = Obj(NoneType)
		}
		if w, ok := v.o.(*UnionType); ok {
			for _, x := range w.Args {
				args = appendUnique(args, x)
			}
			return
		}
		args = appendUnique(args, v)
	}
	add(a)
	add(b)
	if len(args) == 1 {
		return args[0]
	}
	return Obj(&UnionType{Args: args})
}

// appendUnique appends v unless an identical argument is there already.
func appendUnique(args []Value, v Value) []Value {
	for _, x := range args {
		if x.Is(v) {
			return args
		}
		if g, ok := x.o.(*GenericAlias); ok {
			if h, ok := v.o.(*GenericAlias); ok && g.Origin == h.Origin && sameValues(g.Args, h.Args) {
				return args
			}
		}
	}
	return append(args, v)
}

func sameValues(a, b []Value) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Is(b[i]) {
			return false
		}
	}
	return true
}

// Repr implements HasRepr: int | None, list[int] | str.
func (u *UnionType) Repr(th *Thread) (string, error) {
	parts := make([]string, len(u.Args))
	for i, a := range u.Args {
		switch o := a.o.(type) {
		case *Type:
			if o == NoneType {
				parts[i] = "None"
			} else {
				parts[i] = o.FullName()
			}
		default:
			s, err := Repr(th, a)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
	}
	return strings.Join(parts, " | "), nil
}

// GetAttr implements HasAttrs.
func (u *UnionType) GetAttr(th *Thread, name string) (Value, error) {
	switch name {
	case "__args__":
		return Obj(NewTuple(append([]Value(nil), u.Args...))), nil
	case "__parameters__":
		return Obj(NewTuple(nil)), nil
	}
	if v, ok, err := genericTypeAttr(th, Obj(u), UnionTypeType, name); ok || err != nil {
		return v, err
	}
	return Value{}, noAttr(Obj(u), name)
}

// Compare implements HasCompare: unions are equal when they have the same
// set of arguments, in any order.
func (u *UnionType) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	o, ok := other.o.(*UnionType)
	if !ok || (op != CmpEq && op != CmpNe) {
		return NotImplemented, nil
	}
	eq := len(u.Args) == len(o.Args)
	for _, a := range u.Args {
		if !eq {
			break
		}
		eq = len(appendUnique(o.Args, a)) == len(o.Args)
	}
	return Bool(eq == (op == CmpEq)), nil
}

// Hash implements HasHash, independent of the order of the arguments.
func (u *UnionType) Hash(th *Thread) (int64, error) {
	var h int64
	for _, a := range u.Args {
		x, err := Hash(th, a)
		if err != nil {
			return 0, err
		}
		h ^= x
	}
	return h, nil
}

// Types returns the classes an isinstance check against u tests; ok is
// false when an argument is a parameterized generic, which isinstance
// refuses.
func (u *UnionType) Types() (types []*Type, ok bool) {
	for _, a := range u.Args {
		t, isType := a.o.(*Type)
		if !isType {
			return nil, false
		}
		types = append(types, t)
	}
	return types, true
}

// Binary implements HasBinary for classes: a metaclass's own operator
// methods, and type.__or__ (X | Y) otherwise.
func (t *Type) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	name := binaryNames[op]
	if right {
		name = rbinaryNames[op]
	}
	r, ok, err := callUserSlot(th, Obj(t), name, other)
	switch {
	case ok || err != nil:
		return r, err
	case op != OpOr:
		return NotImplemented, nil
	case right:
		return unionOr(other, Obj(t)), nil
	}
	return unionOr(Obj(t), other), nil
}

// Binary implements HasBinary: X | Y.
func (g *GenericAlias) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	return unionBinary(Obj(g), op, other, right), nil
}

// Binary implements HasBinary: X | Y.
func (u *UnionType) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	return unionBinary(Obj(u), op, other, right), nil
}

func unionBinary(self Value, op BinaryOp, other Value, right bool) Value {
	switch {
	case op != OpOr:
		return NotImplemented
	case right:
		return unionOr(other, self)
	}
	return unionOr(self, other)
}
