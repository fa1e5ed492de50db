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
}
