package runtime

// This file defines calling: the central Call and the construction of
// instances by calling a type (__new__ then __init__).

// Call calls fn with vectorcall-style arguments (see Callable).
func Call(th *Thread, fn Value, args []Value, kwnames []string) (Value, error) {
	c, ok := fn.o.(Callable)
	if !ok {
		return Value{}, Errorf(TypeError, "'%s' object is not callable", fn.Type().Name)
	}
	return c.Call(th, args, kwnames)
}

// IsCallable is Python's callable(v).
func IsCallable(v Value) bool {
	if inst, ok := v.o.(*Instance); ok {
		_, ok := userSlot(inst.Class, "__call__")
		return ok
	}
	_, ok := v.o.(Callable)
	return ok
}

// Call implements Callable: calling a type makes an instance (type(x)
// and type(name, bases, dict) for type itself).
func (t *Type) Call(th *Thread, args []Value, kwnames []string) (Value, error) {
	if t == TypeType {
		switch {
		case len(args) == 1 && len(kwnames) == 0:
			return Obj(args[0].Type()), nil
		case len(args)-len(kwnames) != 3:
			return Value{}, Errorf(TypeError, "type() takes 1 or 3 arguments")
		}
		return typeNew(th, t, args, kwnames)
	}
	if t.Flags&FlagHeap == 0 && t.New != nil {
		return t.New(th, t, args, kwnames) // int(x), list(it), …: New does it all
	}
	if t.meta != nil {
		if m, ok := userSlot(t.meta, "__call__"); ok {
			return callSlotKw(th, m, Obj(t), args, kwnames)
		}
	}
	return construct(th, t, args, kwnames)
}

// callSlotKw is callSlot with keyword arguments.
func callSlotKw(th *Thread, m, self Value, args []Value, kwnames []string) (Value, error) {
	if f, ok := m.o.(pyFunction); ok {
		all := make([]Value, 0, len(args)+1)
		all = append(all, self)
		all = append(all, args...)
		return f.Call(th, all, kwnames)
	}
	b, err := bindSlot(th, m, self)
	if err != nil {
		return Value{}, err
	}
	return Call(th, b, args, kwnames)
}

// construct is type.__call__: obj = t.__new__(t, *args); if obj is a t,
// obj.__init__(*args).
func construct(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	obj, err := callNew(th, t, args, kwnames)
	if err != nil || !IsInstance(obj, t) {
		return obj, err
	}
	init, ok := userSlot(t, "__init__")
	if !ok {
		if obj.Type().Flags&FlagHeap == 0 {
			return obj, nil // a built-in's New did all the work
		}
		if m, ok := obj.Type().Lookup("__init__"); ok {
			if bm, ok := m.o.(*BuiltinMethod); ok && bm.Owner != ObjectType {
				_, err := bm.Fn(th, obj, args, kwnames)
				return obj, err
			}
		}
		return obj, nil
	}
	var r Value
	if f, ok := init.o.(pyFunction); ok {
		all := make([]Value, 0, len(args)+1)
		all = append(all, obj)
		all = append(all, args...)
		r, err = Call(th, Obj(f), all, kwnames)
	} else {
		var b Value
		if b, err = bindSlot(th, init, obj); err == nil {
			r, err = Call(th, b, args, kwnames)
		}
	}
	if err != nil {
		return Value{}, err
	}
	if !r.IsNone() {
		return Value{}, Errorf(TypeError, "__init__() should return None, not '%s'", r.Type().Name)
	}
	return obj, nil
}

// callNew runs t.__new__: a class's own __new__, else the constructor
// hook of its nearest built-in base.
func callNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if nw, ok := userSlot(t, "__new__"); ok {
		if sm, ok := nw.o.(*StaticMethod); ok {
			nw = sm.Fn
		}
		all := make([]Value, 0, len(args)+1)
		all = append(all, Obj(t))
		all = append(all, args...)
		return Call(th, nw, all, kwnames)
	}
	newf, _ := t.newFunc()
	if newf == nil {
		return objectNew(th, t, args, kwnames)
	}
	return newf(th, t, args, kwnames)
}

// objectNew is object.__new__ for the class t.
func objectNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if t.Flags&FlagAbstract != 0 {
		return Value{}, abstractError(t)
	}
	if t.Flags&FlagHeap == 0 && t != ObjectType {
		return Value{}, Errorf(TypeError, "cannot create '%s' instances", t.FullName())
	}
	if len(args) > 0 {
		if _, userNew := userSlot(t, "__new__"); userNew {
			return Value{}, Errorf(TypeError, "object.__new__() takes exactly one argument (the type to instantiate)")
		}
		if _, userInit := userSlot(t, "__init__"); !userInit {
			return Value{}, Errorf(TypeError, "%s() takes no arguments", t.Name)
		}
	}
	if sb := t.solidBase(); sb != ObjectType {
		return Value{}, Errorf(TypeError, "object.__new__(%s) is not safe, use %s.__new__()", t.Name, sb.Name)
	}
	if t == ObjectType {
		return Obj(&Instance{Class: t}), nil
	}
	return Obj(newInstance(t)), nil
}

// objectNewFunc is the value of object.__new__ (called as
// X.__new__(cls, *args) from a class's own __new__).
func objectNewFunc(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(args) == 0 {
		return Value{}, Errorf(TypeError, "object.__new__(): not enough arguments")
	}
	t, ok := args[0].o.(*Type)
	if !ok {
		return Value{}, Errorf(TypeError, "object.__new__(X): X is not a type object (%s)", args[0].Type().Name)
	}
	newf, _ := t.newFunc()
	if newf == nil {
		return objectNew(th, t, args[1:], kwnames)
	}
	return newf(th, t, args[1:], kwnames)
}

// objectInit is object.__init__.
func objectInit(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	if len(args) > 0 {
		t := self.Type()
		if _, userInit := userSlot(t, "__init__"); userInit {
			return Value{}, Errorf(TypeError, "object.__init__() takes exactly one argument (the instance to initialize)")
		}
		if _, userNew := userSlot(t, "__new__"); !userNew {
			return Value{}, Errorf(TypeError, "%s() takes no arguments", t.Name)
		}
	}
	return None, nil
}
