package runtime

// This file declares the built-in types of the object model.

// newRootType makes `object`, the one type without a base.
func newRootType() *Type {
	t := &Type{Name: "object", Qualname: "object", Dict: NewDict(), Flags: FlagImmutable}
	t.MRO = []*Type{t}
	return t
}

// Built-in types.
var (
	ObjectType = newRootType()
	TypeType   = NewType("type", nil)
	NoneType   = newFinalType("NoneType", nil)

	IntType   = NewType("int", nil)
	BoolType  = newFinalType("bool", IntType)
	FloatType = NewType("float", nil)
	StrType   = NewType("str", nil)
	BytesType = NewType("bytes", nil)

	ListType      = NewType("list", nil)
	TupleType     = NewType("tuple", nil)
	DictType      = NewType("dict", nil)
	SetType       = NewType("set", nil)
	FrozenSetType = NewType("frozenset", nil)
	RangeType     = newFinalType("range", nil)
	SliceType     = newFinalType("slice", nil)
	ModuleType    = NewType("module", nil)

	NotImplementedType = newFinalType("NotImplementedType", nil)
	EllipsisType       = newFinalType("ellipsis", nil)

	BuiltinFunctionType  = newFinalType("builtin_function_or_method", nil)
	MethodDescriptorType = newFinalType("method_descriptor", nil)
	MemberType           = newFinalType("getset_descriptor", nil)
	PropertyType         = NewType("property", nil)
	StaticMethodType     = NewType("staticmethod", nil)
	ClassMethodType      = NewType("classmethod", nil)
	SuperType            = NewType("super", nil)
	MappingProxyType     = newFinalType("mappingproxy", nil)
	BoundCallType        = newFinalType("method", nil)
)

func newFinalType(name string, base *Type) *Type {
	t := NewType(name, base)
	t.Flags |= FlagFinal
	return t
}

func init() {
	objectTypeInit()
	typeInit()
	exceptionInit()
	descrInit()
	iterInit()
	listInit()
	tupleInit()
	dictInit()
	setInit()
	rangeInit()
	sliceInit()
	mappingProxyInit()
	moduleInit()
	dundersInit()
	genericInit()
	collectionsInit()
	itertoolsInit()
	functoolsInit()
	copyopInit()
	enumTypeInit()
	NoneType.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		if len(args) > 0 {
			return Value{}, Errorf(TypeError, "NoneType takes no arguments")
		}
		return None, nil
	}
	NoneType.SetMethods(map[string]MethodFunc{
		"__bool__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return False, slotNoArgs(args, kwnames)
		},
	})
	reprMethodsInit()
}

// slotNoArgs checks the arguments of a slot method such as __bool__ or
// __repr__ called directly, with CPython's message for slot wrappers.
func slotNoArgs(args []Value, kwnames []string) error {
	if n := len(args) + len(kwnames); n > 0 {
		return Errorf(TypeError, "expected 0 arguments, got %d", n)
	}
	return nil
}

// reprMethodsInit gives the built-in types whose repr is written in Go a
// __repr__ method of their own, as CPython's have: without it,
// x.__repr__() and super().__repr__() in a subclass would find
// object.__repr__ and answer "<set object at …>".
func reprMethodsInit() {
	repr := func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := slotNoArgs(args, kwnames); err != nil {
			return Value{}, err
		}
		s, err := Repr(th, self)
		return Str(s), err
	}
	for _, t := range []*Type{NoneType, BoolType, SetType, FrozenSetType, BytesType, ByteArrayType,
		RangeType, SliceType, DictKeysType, DictValuesType, DictItemsType, MappingProxyType,
		GenericAliasType, UnionTypeType, NotImplementedType, EllipsisType} {
		if _, ok := t.Dict.GetStr("__repr__"); !ok {
			t.SetMethods(map[string]MethodFunc{"__repr__": repr})
		}
	}
}
