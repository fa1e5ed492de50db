package runtime

// This file defines mappingproxy, the read-only view of a type's dict.

// MappingProxy is a read-only view of a dict (type.__dict__).
type MappingProxy struct{ d *Dict }

// Type implements Object.
func (m *MappingProxy) Type() *Type { return MappingProxyType }

// Len implements HasLen.
func (m *MappingProxy) Len(th *Thread) (int, error) { return m.d.used, nil }

// Iter implements Iterable.
func (m *MappingProxy) Iter(th *Thread) (Iterator, error) { return newDictIter(m.d, 0), nil }

// Contains implements HasContains.
func (m *MappingProxy) Contains(th *Thread, k Value) (bool, error) { return m.d.contains(th, k) }

// GetItem implements HasGetItem.
func (m *MappingProxy) GetItem(th *Thread, k Value) (Value, error) { return m.d.getItem(th, k) }

// SetItem implements HasSetItem: refused.
func (m *MappingProxy) SetItem(th *Thread, k, v Value) error {
	return Errorf(TypeError, "'mappingproxy' object does not support item assignment")
}

// DelItem implements HasSetItem: refused.
func (m *MappingProxy) DelItem(th *Thread, k Value) error {
	return Errorf(TypeError, "'mappingproxy' object does not support item deletion")
}

// Repr implements HasRepr.
func (m *MappingProxy) Repr(th *Thread) (string, error) {
	s, err := m.d.repr(th)
	return "mappingproxy(" + s + ")", err
}

// Str implements HasStr: str() of a mappingproxy is that of its mapping.
func (m *MappingProxy) Str(th *Thread) (string, error) { return m.d.repr(th) }

// Compare implements HasCompare (as the dict it shows).
func (m *MappingProxy) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	if o, ok := other.o.(*MappingProxy); ok {
		other = Obj(o.d)
	}
	return m.d.compare(th, op, other)
}

// newMappingProxy is types.MappingProxyType(mapping), for dicts.
func newMappingProxy(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(args) != 1 || len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "mappingproxy() takes exactly one argument (%d given)", len(args)+len(kwnames))
	}
	switch o := args[0].o.(type) {
	case *Dict:
		return Obj(&MappingProxy{d: o}), nil
	case *MappingProxy:
		return Obj(&MappingProxy{d: o.d}), nil
	case *List, *Tuple:
		return Value{}, Errorf(TypeError, "mappingproxy() argument must be a mapping, not %s", args[0].Type().Name)
	}
	return Value{}, Errorf(TypeError, "pyish: mappingproxy() of a mapping other than a dict is not supported")
}

func mappingProxyInit() {
	MappingProxyType.New = newMappingProxy
	dictMethod := func(name string) MethodFunc {
		m, _ := DictType.Dict.GetStr(name)
		fn := m.o.(*BuiltinMethod).Fn
		return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return fn(th, Obj(self.o.(*MappingProxy).d), args, kwnames)
		}
	}
	methods := map[string]MethodFunc{}
	for _, name := range []string{"keys", "values", "items", "get", "copy", "__getitem__", "__contains__", "__len__", "__iter__"} {
		methods[name] = dictMethod(name)
	}
	MappingProxyType.SetMethods(methods)
	MappingProxyType.Dict.SetStr("__hash__", None)
}
