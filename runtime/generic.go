package runtime

// This file defines types.GenericAlias: list[int], dict[str, int], …

import "strings"

// GenericAlias is a parameterized built-in type such as list[int].
type GenericAlias struct {
	Origin *Type
	Args   []Value
}

// GenericAliasType is the type of list[int] and friends.
var GenericAliasType = newFinalType("types.GenericAlias", nil)

// Type implements Object.
func (g *GenericAlias) Type() *Type { return GenericAliasType }

// Repr implements HasRepr: list[int], dict[str, __main__.C].
func (g *GenericAlias) Repr(th *Thread) (string, error) {
	parts := make([]string, len(g.Args))
	for i, a := range g.Args {
		switch o := a.o.(type) {
		case *Type:
			parts[i] = o.FullName()
		default:
			if a.Is(Ellipsis) {
				parts[i] = "..."
				continue
			}
			s, err := Repr(th, a)
			if err != nil {
				return "", err
			}
			parts[i] = s
		}
	}
	return g.Origin.FullName() + "[" + strings.Join(parts, ", ") + "]", nil
}

// Call implements Callable: list[int]() is list().
func (g *GenericAlias) Call(th *Thread, args []Value, kwnames []string) (Value, error) {
	return Call(th, Obj(g.Origin), args, kwnames)
}

// GetAttr implements HasAttrs.
func (g *GenericAlias) GetAttr(th *Thread, name string) (Value, error) {
	switch name {
	case "__origin__":
		return Obj(g.Origin), nil
	case "__args__":
		return Obj(NewTuple(append([]Value(nil), g.Args...))), nil
	}
	return GetAttr(th, Obj(g.Origin), name)
}

// Compare implements HasCompare: equal origins and arguments.
func (g *GenericAlias) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	o, ok := other.o.(*GenericAlias)
	if !ok || (op != CmpEq && op != CmpNe) {
		return NotImplemented, nil
	}
	eq := o.Origin == g.Origin
	if eq {
		r, err := compareSeqs(th, CmpEq, g.Args, o.Args)
		if err != nil {
			return Value{}, err
		}
		eq = r.AsBool()
	}
	return Bool(eq == (op == CmpEq)), nil
}

// Hash implements HasHash.
func (g *GenericAlias) Hash(th *Thread) (int64, error) {
	h, err := hashSeq(th, g.Args)
	return h ^ ptrHash(objPointer(Obj(g.Origin))), err
}

// classGetItem is __class_getitem__ of the built-in generic types.
func classGetItem(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(args) != 2 || len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "__class_getitem__ expected 1 argument, got %d", len(args)-1)
	}
	t, _ := args[0].o.(*Type)
	params := []Value{args[1]}
	if tu, ok := args[1].o.(*Tuple); ok {
		params = append([]Value(nil), tu.Items...)
	}
	return Obj(&GenericAlias{Origin: t, Args: params}), nil
}

func genericInit() {
	GenericAliasType.New = newGenericAlias
	cg := Obj(&ClassMethod{Fn: NewBuiltin("__class_getitem__", classGetItem)})
	for _, t := range []*Type{ListType, TupleType, DictType, SetType, FrozenSetType, TypeType} {
		t.Dict.SetStr("__class_getitem__", cg)
	}
	SetType.SetMethods(map[string]MethodFunc{
		"__iter__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			it, err := selfSet(self).iter(th)
			return Obj(it), err
		},
	})
	FrozenSetType.SetMethods(map[string]MethodFunc{
		"__iter__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			it, err := selfSet(self).iter(th)
			return Obj(it), err
		},
	})
	TupleType.SetMethods(map[string]MethodFunc{
		"__contains__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("__contains__", args, kwnames); err != nil {
				return Value{}, err
			}
			r, err := self.o.(*Tuple).contains(th, args[0])
			return Bool(r), err
		},
		"__getnewargs__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return TupleOf(Obj(NewTuple(self.o.(*Tuple).Items))), nil
		},
	})
}

// newGenericAlias is types.GenericAlias(origin, args), what a class's
// __class_getitem__ = classmethod(GenericAlias) calls.
func newGenericAlias(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "GenericAlias() takes no keyword arguments")
	}
	if len(args) != 2 {
		return Value{}, Errorf(TypeError, "GenericAlias expected 2 arguments, got %d", len(args))
	}
	origin, ok := args[0].o.(*Type)
	if !ok {
		return Value{}, Errorf(TypeError, "pyish: GenericAlias of a non-class origin is not supported")
	}
	params := []Value{args[1]}
	if tu, ok := args[1].o.(*Tuple); ok {
		params = append([]Value(nil), tu.Items...)
	}
	return Obj(&GenericAlias{Origin: origin, Args: params}), nil
}
