package runtime

// This file defines attribute access: getattr, setattr and delattr with
// Python's descriptor precedence.

// GetAttr is Python's getattr(v, name).
func GetAttr(th *Thread, v Value, name string) (Value, error) {
	if o, ok := v.o.(HasAttrs); ok {
		return o.GetAttr(th, name)
	}
	return genericGetAttr(th, v, name)
}

// genericGetAttr looks name up on the type of an object that has no
// instance dict (ints, lists, …), binding descriptors to obj.
func genericGetAttr(th *Thread, obj Value, name string) (Value, error) {
	t := obj.Type()
	if v, ok, err := genericTypeAttr(th, obj, t, name); ok || err != nil {
		return v, err
	}
	return Value{}, noAttr(obj, name)
}

// genericTypeAttr finds name along t's MRO and binds it to obj; ok is
// false when no class defines it.
func genericTypeAttr(th *Thread, obj Value, t *Type, name string) (Value, bool, error) {
	v, ok := t.Lookup(name)
	if !ok {
		return Value{}, false, nil
	}
	if d, _ := descrOf(v); d != nil {
		r, err := d.DescrGet(th, obj, t)
		return r, true, err
	}
	return v, true, nil
}

// dictGetAttr is the attribute lookup of an object with an instance dict
// (object.__getattribute__): data descriptors on the type, then the dict,
// then other class attributes.
func dictGetAttr(th *Thread, obj Value, dict *Dict, t *Type, name string) (Value, bool, error) {
	if t.Flags&FlagHeap != 0 {
		return cachedGetAttr(th, obj, dict, t, name)
	}
	descr, found := t.Lookup(name)
	var d Descriptor
	if found {
		var data bool
		if d, data = descrOf(descr); data {
			v, err := d.DescrGet(th, obj, t)
			return v, true, err
		}
	}
	if dict != nil {
		if v, ok := dict.GetStr(name); ok {
			return v, true, nil
		}
	}
	if d != nil {
		v, err := d.DescrGet(th, obj, t)
		return v, true, err
	}
	if found {
		return descr, true, nil
	}
	if name == "__dict__" && dict != nil {
		return Obj(dict), true, nil
	}
	return Value{}, false, nil
}

// cachedGetAttr is dictGetAttr for classes, from the lookup cache.
func cachedGetAttr(th *Thread, obj Value, dict *Dict, t *Type, name string) (Value, bool, error) {
	e := t.cached(name)
	if e.data {
		v, err := e.descr.DescrGet(th, obj, t)
		return v, true, err
	}
	if dict != nil && dict.used > 0 {
		if i := dict.findStr(name, e.hash); i >= 0 {
			return dict.entries[i].val, true, nil
		}
	}
	if e.descr != nil {
		v, err := e.descr.DescrGet(th, obj, t)
		return v, true, err
	}
	if e.owner != nil {
		return e.v, true, nil
	}
	if name == "__dict__" && dict != nil {
		return Obj(dict), true, nil
	}
	return Value{}, false, nil
}

// descrOf returns v as a descriptor (nil if it is not one) and whether it
// is a data descriptor. Instances of classes count when their class
// defines __get__ (and __set__ or __delete__ for data descriptors).
func descrOf(v Value) (Descriptor, bool) {
	switch o := v.o.(type) {
	case *Instance:
		t := o.Class
		if _, ok := t.Lookup("__get__"); !ok {
			return nil, false
		}
		_, set := t.Lookup("__set__")
		_, del := t.Lookup("__delete__")
		return o, set || del
	case DataDescriptor:
		return o, true
	case Descriptor:
		return o, false
	}
	return nil, false
}

// noSetAttr is the AttributeError for setting or deleting obj.name,
// which (unlike a failed lookup) carries no name or obj, as in CPython.
func noSetAttr(obj Value, name string) *Exception {
	return Errorf(AttributeError, "'%s' object has no attribute '%s'", obj.Type().Name, name)
}

// noAttr is the AttributeError for obj.name.
func noAttr(obj Value, name string) *Exception {
	e := Errorf(AttributeError, "'%s' object has no attribute '%s'", obj.Type().Name, name)
	e.SetField("name", Str(name))
	e.SetField("obj", obj)
	return e
}

// SetAttr is Python's setattr(v, name, x).
func SetAttr(th *Thread, v Value, name string, x Value) error {
	if t, ok := v.o.(*Type); ok {
		return t.setAttr(th, name, x)
	}
	if o, ok := v.o.(HasSetAttr); ok {
		return o.SetAttr(th, name, x)
	}
	return genericSetAttr(th, v, nil, name, x)
}

// DelAttr is Python's delattr(v, name).
func DelAttr(th *Thread, v Value, name string) error {
	if t, ok := v.o.(*Type); ok {
		return t.delAttr(th, name)
	}
	if o, ok := v.o.(HasSetAttr); ok {
		return o.DelAttr(th, name)
	}
	return genericSetAttr(th, v, nil, name, Value{})
}

// genericSetAttr is object.__setattr__ (x set) and object.__delattr__ (x
// zero) for an object with the instance dict dict (nil: none).
func genericSetAttr(th *Thread, obj Value, dict *Dict, name string, x Value) error {
	t := obj.Type()
	descr, found := t.Lookup(name)
	if found {
		if d, data := descrOf(descr); data {
			dd := d.(DataDescriptor)
			if x.IsNull() {
				return dd.DescrDelete(th, obj)
			}
			return dd.DescrSet(th, obj, x)
		}
	}
	if dict == nil {
		if found {
			return Errorf(AttributeError, "'%s' object attribute '%s' is read-only", t.Name, name)
		}
		return noSetAttr(obj, name)
	}
	if x.IsNull() {
		if !dict.DeleteStr(name) {
			return noSetAttr(obj, name)
		}
		return nil
	}
	dict.SetStr(name, x)
	return nil
}

// HasAttr is Python's hasattr(v, name): false on AttributeError, other
// errors propagate.
func HasAttr(th *Thread, v Value, name string) (bool, error) {
	_, err := GetAttr(th, v, name)
	if err == nil {
		return true, nil
	}
	if e, ok := err.(*Exception); ok && e.Matches(AttributeError) {
		return false, nil
	}
	return false, err
}

// LookupSpecial finds the dunder method name on v's type (not the
// instance), as Python does for implicit calls; ok is false if absent.
func LookupSpecial(v Value, name string) (Value, bool) { return v.Type().Lookup(name) }

// CallMethod calls the method name of v with args (obj.name(*args)).
func CallMethod(th *Thread, v Value, name string, args ...Value) (Value, error) {
	m, err := GetAttr(th, v, name)
	if err != nil {
		return Value{}, err
	}
	return Call(th, m, args, nil)
}
