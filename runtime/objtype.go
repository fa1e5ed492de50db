package runtime

// This file defines the methods of `object` and `type`, and attribute
// access on type objects.

import (
	"slices"
	"unsafe"
)

// objPointer returns the address of a heap value's object.
func objPointer(v Value) unsafe.Pointer {
	return (*[2]unsafe.Pointer)(unsafe.Pointer(&v.o))[1]
}

// GetAttr implements HasAttrs: attributes of a type, with the metaclass's
// data descriptors first (__name__, __mro__, …), then the type's MRO.
func (t *Type) GetAttr(th *Thread, name string) (Value, error) {
	meta := t.Type()
	mv, mfound := meta.Lookup(name)
	var md Descriptor
	if mfound {
		var data bool
		if md, data = descrOf(mv); data {
			return md.DescrGet(th, Obj(t), meta)
		}
	}
	if v, ok := t.Lookup(name); ok {
		if d, _ := descrOf(v); d != nil {
			return d.DescrGet(th, Value{}, t)
		}
		return v, nil
	}
	if md != nil {
		return md.DescrGet(th, Obj(t), meta)
	}
	if mfound {
		return mv, nil
	}
	if g, ok := userSlot(meta, "__getattr__"); ok {
		return callSlot(th, g, Obj(t), Str(name))
	}
	return Value{}, missingAttr(Obj(t), name, Errorf(AttributeError, "type object '%s' has no attribute '%s'", t.Name, name))
}

// setAttr is setattr(t, name, v): classes are mutable, built-in types
// not. (Type.SetAttr is the Go-side class attribute setter.)
func (t *Type) setAttr(th *Thread, name string, v Value) error {
	meta := t.Type()
	if m, ok := userSlot(meta, "__setattr__"); ok {
		_, err := callSlot(th, m, Obj(t), Str(name), v)
		return err
	}
	if mv, ok := meta.Lookup(name); ok {
		if d, data := descrOf(mv); data {
			return d.(DataDescriptor).DescrSet(th, Obj(t), v)
		}
	}
	if t.Flags&FlagHeap == 0 {
		return Errorf(TypeError, "cannot set '%s' attribute of immutable type '%s'", name, t.Name)
	}
	t.SetAttr(name, v)
	if p, ok := v.o.(*Property); ok && p.name == "" {
		p.name = name
	}
	return nil
}

// delAttr is delattr(t, name).
func (t *Type) delAttr(th *Thread, name string) error {
	if t.Flags&FlagHeap == 0 {
		return Errorf(TypeError, "cannot delete '%s' attribute of immutable type '%s'", name, t.Name)
	}
	if !t.Dict.DeleteStr(name) {
		return Errorf(AttributeError, "type object '%s' has no attribute '%s'", t.Name, name)
	}
	t.changed(name)
	return nil
}

// Repr implements HasRepr: <class 'int'>, <class '__main__.C'>.
func (t *Type) Repr(th *Thread) (string, error) {
	if m, ok := userSlot(t.Type(), "__repr__"); ok {
		r, err := callSlot(th, m, Obj(t))
		return reprOfResult(th, r, err)
	}
	return "<class '" + t.FullName() + "'>", nil
}

func reprOfResult(th *Thread, r Value, err error) (string, error) {
	if err != nil {
		return "", err
	}
	s, ok := AsString(r)
	if !ok {
		return "", Errorf(TypeError, "__repr__ returned non-string (type %s)", r.Type().Name)
	}
	return s, nil
}

// Hash implements HasHash: identity, unless a metaclass written in
// Python defines __hash__.
func (t *Type) Hash(th *Thread) (int64, error) {
	if t.meta != nil && t.meta.Flags&FlagHeap != 0 {
		return hashSlot(th, Obj(t))
	}
	return ptrHash(unsafe.Pointer(t)), nil
}

// A class's container behaviour comes from its metaclass (enum classes
// iterate their members); plain classes have none.

// Truth implements HasTruth: classes are true unless a metaclass says.
func (t *Type) Truth(th *Thread) (bool, error) {
	if m, ok := userSlot(t.Type(), "__len__"); ok {
		r, err := callSlot(th, m, Obj(t))
		if err != nil {
			return false, err
		}
		return Truth(th, r)
	}
	return true, nil
}

// Len implements HasLen through the metaclass.
func (t *Type) Len(th *Thread) (int, error) {
	if m, ok := userSlot(t.Type(), "__len__"); ok {
		r, err := callSlot(th, m, Obj(t))
		if err != nil {
			return 0, err
		}
		n, err := indexOf(th, r)
		return int(n), err
	}
	return 0, Errorf(TypeError, "object of type '%s' has no len()", t.Type().Name)
}

// Iter implements Iterable through the metaclass.
func (t *Type) Iter(th *Thread) (Iterator, error) {
	if m, ok := userSlot(t.Type(), "__iter__"); ok {
		r, err := callSlot(th, m, Obj(t))
		if err != nil {
			return nil, err
		}
		return asIterator(r)
	}
	return nil, Errorf(TypeError, "'%s' object is not iterable", t.Type().Name)
}

// Contains implements HasContains through the metaclass.
func (t *Type) Contains(th *Thread, x Value) (bool, error) {
	if m, ok := userSlot(t.Type(), "__contains__"); ok {
		r, err := callSlot(th, m, Obj(t), x)
		if err != nil {
			return false, err
		}
		return Truth(th, r)
	}
	if _, ok := userSlot(t.Type(), "__iter__"); ok {
		return iterContains(th, Obj(t), x)
	}
	return false, Errorf(TypeError, "argument of type '%s' is not iterable", t.Type().Name)
}

func tupleOfTypes(ts []*Type) Value {
	items := make([]Value, len(ts))
	for i, c := range ts {
		items[i] = Obj(c)
	}
	return Obj(NewTuple(items))
}

func selfType(self Value) *Type { return self.o.(*Type) }

func typeInit() {
	TypeType.New = typeNew
	TypeType.SetMembers(map[string]MemberFunc{
		"__mro__":   func(th *Thread, self Value) (Value, error) { return tupleOfTypes(selfType(self).MRO), nil },
		"__bases__": func(th *Thread, self Value) (Value, error) { return tupleOfTypes(selfType(self).Bases), nil },
		"__base__": func(th *Thread, self Value) (Value, error) {
			if b := selfType(self).Bases; len(b) > 0 {
				return Obj(b[0]), nil
			}
			return None, nil
		},
		"__dict__": func(th *Thread, self Value) (Value, error) { return Obj(&MappingProxy{selfType(self).Dict}), nil },
	})
	TypeType.Dict.SetStr("__module__", Obj(&Member{Name: "__module__", Owner: TypeType,
		Get: func(th *Thread, self Value) (Value, error) {
			t := selfType(self)
			if v, ok := t.Dict.GetStr("__module__"); ok && t.Flags&FlagHeap != 0 {
				return v, nil // a class's __module__ may be any object
			}
			return Str(t.ModuleName()), nil
		},
		Set: func(th *Thread, self, v Value) error {
			t := selfType(self)
			if t.Flags&FlagHeap == 0 {
				return Errorf(TypeError, "cannot set '__module__' attribute of immutable type '%s'", t.Name)
			}
			if v.IsNull() {
				return Errorf(TypeError, "cannot delete '__module__' attribute of immutable type '%s'", t.Name)
			}
			t.SetAttr("__module__", v)
			return nil
		}}))
	TypeType.Dict.SetStr("__doc__", Obj(&Member{Name: "__doc__", Owner: TypeType,
		Get: func(th *Thread, self Value) (Value, error) {
			if v, ok := selfType(self).Dict.GetStr("__doc__"); ok {
				return v, nil
			}
			return None, nil
		},
		Set: func(th *Thread, self, v Value) error {
			t := selfType(self)
			if t.Flags&FlagHeap == 0 {
				return Errorf(TypeError, "cannot set '__doc__' attribute of immutable type '%s'", t.Name)
			}
			t.SetAttr("__doc__", v)
			return nil
		}}))
	TypeType.Dict.SetStr("__name__", Obj(&Member{Name: "__name__", Owner: TypeType,
		Get: func(th *Thread, self Value) (Value, error) { return Str(selfType(self).Name), nil },
		Set: func(th *Thread, self, v Value) error {
			return setTypeName(selfType(self), v, "__name__", func(t *Type, s string) { t.Name = s })
		}}))
	TypeType.Dict.SetStr("__qualname__", Obj(&Member{Name: "__qualname__", Owner: TypeType,
		Get: func(th *Thread, self Value) (Value, error) { return Str(selfType(self).Qualname), nil },
		Set: func(th *Thread, self, v Value) error {
			return setTypeName(selfType(self), v, "__qualname__", func(t *Type, s string) { t.Qualname = s })
		}}))
	TypeType.SetMethods(map[string]MethodFunc{
		"__init__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return None, nil
		},
		"__call__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return construct(th, selfType(self), args, kwnames)
		},
		"mro": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return Obj(NewList(tupleOfTypes(selfType(self).MRO).o.(*Tuple).Items)), nil
		},
		// __subclasses__ lists the classes made with self among their bases,
		// oldest first (pyish keeps them alive; CPython's weak list would
		// drop a class nothing else refers to).
		"__subclasses__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if len(args) > 0 || len(kwnames) > 0 {
				return Value{}, Errorf(TypeError, "%s.__subclasses__() takes no arguments (%d given)", selfType(self).Name, len(args)+len(kwnames))
			}
			t := selfType(self)
			if t.Flags&FlagHeap == 0 {
				// Built-in types are shared by every interpreter of the
				// process, so they keep no list of their subclasses.
				return Value{}, Errorf(NotImplementedError, "pyish: __subclasses__() of the built-in type '%s' is not supported", t.Name)
			}
			items := make([]Value, 0, len(t.subclasses))
			for _, s := range t.subclasses {
				if slices.Contains(s.Bases, t) {
					items = append(items, Obj(s))
				}
			}
			return Obj(NewList(items)), nil
		},
		"__subclasscheck__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if len(args) != 1 {
				return Value{}, Errorf(TypeError, "__subclasscheck__() takes exactly one argument (%d given)", len(args))
			}
			c, ok := args[0].o.(*Type)
			if !ok {
				return Value{}, Errorf(TypeError, "issubclass() arg 1 must be a class")
			}
			return Bool(IsSubtype(c, selfType(self))), nil
		},
		"__instancecheck__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if len(args) != 1 {
				return Value{}, Errorf(TypeError, "__instancecheck__() takes exactly one argument (%d given)", len(args))
			}
			return Bool(IsInstance(args[0], selfType(self))), nil
		},
	})
}

func setTypeName(t *Type, v Value, attr string, set func(*Type, string)) error {
	if t.Flags&FlagHeap == 0 {
		return Errorf(TypeError, "cannot set '%s' attribute of immutable type '%s'", attr, t.Name)
	}
	s, ok := AsString(v)
	if !ok {
		return Errorf(TypeError, "can only assign string to %s.%s, not '%s'", t.Name, attr, v.Type().Name)
	}
	set(t, s)
	return nil
}

func objectTypeInit() {
	o := ObjectType
	o.Dict.SetStr("__new__", NewBuiltin("__new__", objectNewFunc))
	o.Dict.SetStr("__class__", Obj(&Member{Name: "__class__", Owner: o,
		Get: func(th *Thread, self Value) (Value, error) { return Obj(self.Type()), nil },
		Set: setClass}))
	o.Dict.SetStr("__doc__", Str("The base class of the class hierarchy."))
	o.Dict.SetStr("__init_subclass__", Obj(&ClassMethod{Fn: NewBuiltin("__init_subclass__",
		func(th *Thread, args []Value, kwnames []string) (Value, error) {
			if len(kwnames) > 0 {
				t := args[0].o.(*Type)
				return Value{}, Errorf(TypeError, "%s.__init_subclass__() takes no keyword arguments", t.Name)
			}
			return None, nil
		})}))
	cmp := func(op CmpOp) MethodFunc {
		return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if len(args) != 1 {
				return Value{}, Errorf(TypeError, "expected 1 argument, got %d", len(args))
			}
			switch op {
			case CmpEq:
				if self.Is(args[0]) {
					return True, nil
				}
			case CmpNe:
				r, err := Compare(th, CmpEq, self, args[0])
				if err != nil || r.Is(NotImplemented) || !r.IsBool() {
					return r, err
				}
				return Bool(!r.AsBool()), nil
			}
			return NotImplemented, nil
		}
	}
	o.SetMethods(map[string]MethodFunc{
		"__init__": objectInit,
		"__repr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return Str(defaultRepr(self)), nil
		},
		"__str__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s, err := Repr(th, self)
			return Str(s), err
		},
		"__hash__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if self.IsInline() {
				return Int(inlineHash(self)), nil
			}
			return Int(ptrHash(objPointer(self))), nil
		},
		"__eq__": cmp(CmpEq), "__ne__": cmp(CmpNe), "__lt__": cmp(CmpLt),
		"__le__": cmp(CmpLe), "__gt__": cmp(CmpGt), "__ge__": cmp(CmpGe),
		"__getattribute__": objectGetAttribute,
		"__setattr__":      objectSetAttr,
		"__delattr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			var name string
			if err := UnpackArgs("__delattr__", args, kwnames, "name", &name); err != nil {
				return Value{}, err
			}
			return None, genericSetAttr(th, self, instanceDict(self), name, Value{})
		},
		"__format__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			var spec string
			if err := UnpackArgs("__format__", args, kwnames, "format_spec", &spec); err != nil {
				return Value{}, err
			}
			if spec != "" {
				return Value{}, Errorf(TypeError, "unsupported format string passed to %s.__format__", self.Type().Name)
			}
			s, err := StrOf(th, self)
			return Str(s), err
		},
		"__dir__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return Obj(NewList(Dir(th, self))), nil
		},
		"__getstate__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if d := instanceDict(self); d != nil && d.Len() > 0 {
				return Obj(d.Copy()), nil
			}
			return None, nil
		},
		"__sizeof__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if instanceDict(self) != nil {
				return Int(24), nil
			}
			return Int(16), nil
		},
		"__reduce__":    objectReduce,
		"__reduce_ex__": objectReduce,
	})
	o.Dict.SetStr("__subclasshook__", Obj(&ClassMethod{Fn: NewBuiltin("__subclasshook__",
		func(th *Thread, args []Value, kwnames []string) (Value, error) { return NotImplemented, nil })}))
}

// instanceDict returns the attribute dict of an object that has one.
func instanceDict(v Value) *Dict {
	switch o := v.o.(type) {
	case *Instance:
		return o.Attrs()
	case *Exception:
		return o.Attrs()
	}
	return subOf(v).attrs()
}

// objectGetAttribute is object.__getattribute__(self, name).
func objectGetAttribute(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	var name string
	if err := UnpackArgs("__getattribute__", args, kwnames, "name", &name); err != nil {
		return Value{}, err
	}
	d := instanceDict(self)
	if d == nil {
		if _, ok := self.o.(HasAttrs); ok {
			return GetAttr(th, self, name)
		}
		return genericGetAttr(th, self, name)
	}
	v, ok, err := dictGetAttr(th, self, d, self.Type(), name)
	if !ok && err == nil {
		err = noAttr(self, name)
	}
	return v, err
}

// objectSetAttr is object.__setattr__(self, name, value).
func objectSetAttr(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	var name string
	var v Value
	if err := UnpackArgs("__setattr__", args, kwnames, "name", &name, "value", &v); err != nil {
		return Value{}, err
	}
	if t, ok := self.o.(*Type); ok {
		return None, t.setAttr(th, name, v)
	}
	return None, genericSetAttr(th, self, instanceDict(self), name, v)
}

// Dir is Python's dir(v): the sorted names of v's attributes.
func Dir(th *Thread, v Value) []Value {
	seen := map[string]bool{}
	var names []string
	add := func(d *Dict) {
		if d == nil {
			return
		}
		d.Range(func(k, _ Value) bool {
			if s, ok := AsString(k); ok && !seen[s] {
				seen[s] = true
				names = append(names, s)
			}
			return true
		})
	}
	switch o := v.o.(type) {
	case *Module:
		add(o.Dict)
	case *Type:
		for _, c := range o.MRO {
			add(c.Dict)
		}
	default:
		add(instanceDict(v))
		for _, c := range v.Type().MRO {
			add(c.Dict)
		}
	}
	slices.Sort(names)
	out := make([]Value, len(names))
	for i, s := range names {
		out[i] = Str(s)
	}
	return out
}

// setClass is obj.__class__ = v, for instances of classes with the same
// layout.
func setClass(th *Thread, self, v Value) error {
	inst, ok := self.o.(*Instance)
	if !ok || inst.Class.Flags&FlagHeap == 0 {
		return Errorf(TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses")
	}
	t, ok := v.o.(*Type)
	if !ok {
		if v.IsNull() {
			return Errorf(TypeError, "can't delete __class__ attribute")
		}
		return Errorf(TypeError, "__class__ must be set to a class, not '%s' object", v.Type().Name)
	}
	if t.Flags&FlagHeap == 0 {
		return Errorf(TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses")
	}
	if t.solidBase() != inst.Class.solidBase() || t.Flags&FlagNoInstanceDict != inst.Class.Flags&FlagNoInstanceDict ||
		t.nslots != inst.Class.nslots {
		return Errorf(TypeError, "__class__ assignment: '%s' object layout differs from '%s'", t.Name, inst.Class.Name)
	}
	inst.Class = t
	return nil
}

// objectReduce is object.__reduce__: pyish has no pickle.
func objectReduce(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	return Value{}, Errorf(TypeError, "pyish: cannot pickle '%s' object", self.Type().Name)
}
