package runtime

// This file defines the enum types with a data type (IntEnum, StrEnum,
// ReprEnum's str() and format() of the value), the values auto() gives
// each kind, and the reprs of members.

import (
	"math/bits"
	"strings"
)

// Enum types with a data type, and Flag (enum_flag.go).
var (
	ReprEnumType = newGoSubclass("enum.ReprEnum", EnumType)
	FlagType     = newGoSubclass("enum.Flag", EnumType)
	IntEnumType  = newEnumMixin("enum.IntEnum", IntType, ReprEnumType)
	StrEnumType  = newEnumMixin("enum.StrEnum", StrType, ReprEnumType)
	IntFlagType  = newEnumMixin("enum.IntFlag", IntType, ReprEnumType, FlagType)
)

// newEnumMixin makes the Go enum type name deriving from the data type
// and the given enum bases, with their C3 order (IntEnum, int,
// ReprEnum, Enum, object).
func newEnumMixin(name string, data *Type, bases ...*Type) *Type {
	t := newGoSubclass(name, data)
	t.Bases = append([]*Type{data}, bases...)
	mro, err := c3MRO(t.Bases)
	if err != nil {
		panic(err)
	}
	t.MRO = append([]*Type{t}, mro...)
	return t
}

// enumKindsInit installs the methods of the enum kinds.
func enumKindsInit() {
	for _, t := range []*Type{ReprEnumType, FlagType, IntEnumType, StrEnumType, IntFlagType} {
		t.meta = EnumMetaType
	}
	enumRepr := enumMethod("__repr__")
	for _, t := range []*Type{IntEnumType, StrEnumType, IntFlagType} {
		t.Dict.SetStr("__repr__", enumRepr)
		t.SetMethods(map[string]MethodFunc{
			"__str__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
				s, err := StrOf(th, exactValue(self))
				return Str(s), err
			},
			"__format__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
				// The data type's __format__: str(self) for an empty spec.
				spec := formatSpecArg(args)
				if spec == "" {
					s, err := StrOf(th, self)
					return Str(s), err
				}
				s, err := Format(th, exactValue(self), spec)
				return Str(s), err
			},
		})
	}
	flagInit()
}

// enumMethod is Enum's own method name.
func enumMethod(name string) Value {
	v, _ := EnumType.Dict.GetStr(name)
	return v
}

// useEnumMethods gives an enum class with a data type but not a
// ReprEnum (class C(int, Enum)) Enum's repr, str and format, where the
// data type's would otherwise come first in its MRO (as CPython's
// EnumType does).
func useEnumMethods(t *Type) {
	if t.solidBase() == ObjectType {
		return
	}
	for _, name := range []string{"__repr__", "__str__", "__format__"} {
		if _, own := t.Dict.GetStr(name); own {
			continue
		}
		if _, owner := t.lookupOwner(name); overrides(owner) {
			continue
		}
		t.Dict.SetStr(name, enumMethod(name))
		t.changed(name)
	}
}

// resolveAutos replaces the auto() values by what the class's
// _generate_next_value_ gives: a user's, else the kind's (the highest
// int value + 1 for Enum, the next power of two for Flag, the lower-case
// name for StrEnum).
func resolveAutos(th *Thread, t *Type, names []string, values []Value) error {
	gen, userGen := userSlot(t, "_generate_next_value_")
	if userGen {
		if sm, ok := gen.o.(*StaticMethod); ok {
			gen = sm.Fn
		}
	}
	var last []Value
	for i, v := range values {
		a, ok := v.o.(*autoValue)
		if !ok {
			last = append(last, v)
			continue
		}
		if a.op == nil {
			var err error
			if userGen {
				v, err = Call(th, gen, []Value{Str(names[i]), Int(1), Int(int64(len(last))), Obj(NewList(append([]Value(nil), last...)))}, nil)
			} else {
				v, err = nextAutoValue(th, t, names[i], last)
			}
			if err != nil {
				return err
			}
			a.value = v
		} else if err := a.resolve(th); err != nil {
			return err
		}
		values[i] = a.value
		last = append(last, a.value)
	}
	return nil
}

// autoValue is an auto() in a class body, or an operation on autos
// (AB = A | B), whose value is known once the members before it have
// theirs. (CPython's class namespace replaces each auto() as it is
// assigned; pyish's is a plain dict, so the operation waits.)
type autoValue struct {
	value Value     // set once resolved
	op    *BinaryOp // nil for auto() itself
	x, y  Value     // the operands of op
}

// Type implements Object.
func (a *autoValue) Type() *Type { return AutoType }

// Repr implements HasRepr.
func (a *autoValue) Repr(th *Thread) (string, error) { return "auto()", nil }

// Binary implements HasBinary: | & ^ and the rest wait for the values.
func (a *autoValue) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	x, y := Obj(a), other
	if right {
		x, y = y, x
	}
	return Obj(&autoValue{op: &op, x: x, y: y}), nil
}

// resolve computes an operation on autos from its operands' values.
func (a *autoValue) resolve(th *Thread) error {
	x, y := autoOperand(th, a.x), autoOperand(th, a.y)
	if x.IsNull() || y.IsNull() {
		return Errorf(TypeError, "pyish: auto() used in an expression before its member")
	}
	v, err := Binary(th, *a.op, x, y)
	a.value = v
	return err
}

// autoOperand is the value of an operand of an operation on autos (the
// null Value for an auto not resolved yet).
func autoOperand(th *Thread, v Value) Value {
	if a, ok := v.o.(*autoValue); ok {
		if a.value.IsNull() && a.op != nil && a.resolve(th) != nil {
			return Value{}
		}
		return a.value
	}
	return v
}

// nextAutoValue is the built-in _generate_next_value_ of t's kind.
func nextAutoValue(th *Thread, t *Type, name string, last []Value) (Value, error) {
	if IsSubtype(t, StrEnumType) {
		return Str(strings.ToLower(name)), nil
	}
	if len(last) == 0 {
		return Int(1), nil
	}
	if IsSubtype(t, FlagType) {
		high := int64(0)
		for _, v := range last {
			n, err := ToInt64(th, v)
			if err != nil || !IsIntegral(unwrapNum(v)) {
				r, _ := Repr(th, v)
				return Value{}, Errorf(TypeError, "invalid flag value %s", r)
			}
			high = max(high, n)
		}
		return Int(1 << bits.Len64(uint64(high))), nil
	}
	sorted := append([]Value(nil), last...)
	if err := SortValues(th, sorted, Value{}, false); err != nil {
		return Value{}, Errorf(TypeError, "unable to sort non-numeric values")
	}
	top := sorted[len(sorted)-1]
	r, err := Binary(th, OpAdd, top, Int(1))
	if err != nil {
		tr, _ := Repr(th, top)
		return Value{}, Errorf(TypeError, "unable to increment %s", tr)
	}
	return r, nil
}

// memberRepr is Enum.__repr__: <Color.RED: 1>, <Perm.R|W: 6>, <Perm: 0>.
func memberRepr(th *Thread, self Value) (string, error) {
	v, err := Repr(th, memberField(self, "_value_"))
	if err != nil {
		return "", err
	}
	n, ok := AsString(memberField(self, "_name_"))
	if !ok {
		return "<" + self.Type().Name + ": " + v + ">", nil
	}
	return "<" + self.Type().Name + "." + n + ": " + v + ">", nil
}

// memberStr is Enum.__str__: Color.RED, or Perm(0) for a nameless flag.
func memberStr(th *Thread, self Value) (string, error) {
	n, ok := AsString(memberField(self, "_name_"))
	if !ok {
		v, err := Repr(th, memberField(self, "_value_"))
		return self.Type().Name + "(" + v + ")", err
	}
	return self.Type().Name + "." + n, nil
}
