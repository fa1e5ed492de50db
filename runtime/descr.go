package runtime

// This file defines the descriptor objects: members of built-in types,
// property, staticmethod, classmethod and super.

import "fmt"

// Member is a computed attribute of a built-in type (a data descriptor,
// like CPython's getset descriptors); read-only when Set is nil.
type Member struct {
	Name  string
	Get   MemberFunc
	Set   func(th *Thread, self, v Value) error // v is zero for del
	Owner *Type
}

// Type implements Object.
func (m *Member) Type() *Type { return MemberType }

// DescrGet implements Descriptor.
func (m *Member) DescrGet(th *Thread, obj Value, owner *Type) (Value, error) {
	if obj.IsNull() {
		return Obj(m), nil
	}
	return m.Get(th, obj)
}

// DescrSet implements DataDescriptor.
func (m *Member) DescrSet(th *Thread, obj Value, v Value) error {
	if m.Set == nil {
		return Errorf(AttributeError, "attribute '%s' of '%s' objects is not writable", m.Name, m.Owner.Name)
	}
	return m.Set(th, obj, v)
}

// DescrDelete implements DataDescriptor.
func (m *Member) DescrDelete(th *Thread, obj Value) error { return m.DescrSet(th, obj, Value{}) }

// Repr implements HasRepr.
func (m *Member) Repr(th *Thread) (string, error) {
	return fmt.Sprintf("<attribute '%s' of '%s' objects>", m.Name, m.Owner.Name), nil
}

// Property is Python's property.
type Property struct {
	Fget, Fset, Fdel, Doc Value
	name                  string // from __set_name__, for messages
}

// Type implements Object.
func (p *Property) Type() *Type { return PropertyType }

// DescrGet implements Descriptor.
func (p *Property) DescrGet(th *Thread, obj Value, owner *Type) (Value, error) {
	if obj.IsNull() {
		return Obj(p), nil
	}
	if p.Fget.IsNull() || p.Fget.IsNone() {
		return Value{}, Errorf(AttributeError, "property %sof '%s' object has no getter", p.quotedName(), obj.Type().Name)
	}
	return Call(th, p.Fget, []Value{obj}, nil)
}

// DescrSet implements DataDescriptor.
func (p *Property) DescrSet(th *Thread, obj Value, v Value) error {
	if p.Fset.IsNull() || p.Fset.IsNone() {
		return Errorf(AttributeError, "property %sof '%s' object has no setter", p.quotedName(), obj.Type().Name)
	}
	_, err := Call(th, p.Fset, []Value{obj, v}, nil)
	return err
}

// DescrDelete implements DataDescriptor.
func (p *Property) DescrDelete(th *Thread, obj Value) error {
	if p.Fdel.IsNull() || p.Fdel.IsNone() {
		return Errorf(AttributeError, "property %sof '%s' object has no deleter", p.quotedName(), obj.Type().Name)
	}
	_, err := Call(th, p.Fdel, []Value{obj}, nil)
	return err
}

func (p *Property) quotedName() string {
	if p.name == "" {
		return ""
	}
	return "'" + p.name + "' "
}

// Repr implements HasRepr.
func (p *Property) Repr(th *Thread) (string, error) {
	return fmt.Sprintf("<property object at %s>", addrOf(Obj(p))), nil
}

// GetAttr implements HasAttrs.
func (p *Property) GetAttr(th *Thread, name string) (Value, error) {
	orNone := func(v Value) Value {
		if v.IsNull() {
			return None
		}
		return v
	}
	switch name {
	case "fget":
		return orNone(p.Fget), nil
	case "fset":
		return orNone(p.Fset), nil
	case "fdel":
		return orNone(p.Fdel), nil
	case "__doc__":
		if p.Doc.IsNull() && !p.Fget.IsNull() && !p.Fget.IsNone() {
			if d, err := GetAttr(th, p.Fget, "__doc__"); err == nil {
				return d, nil
			}
		}
		return orNone(p.Doc), nil
	}
	return genericGetAttr(th, Obj(p), name)
}

// with returns a copy of p with one accessor replaced (x.setter, …).
func (p *Property) with(which string, fn Value) Value {
	q := *p
	switch which {
	case "getter":
		q.Fget = fn
	case "setter":
		q.Fset = fn
	case "deleter":
		q.Fdel = fn
	}
	return Obj(&q)
}

// StaticMethod is Python's staticmethod.
type StaticMethod struct{ Fn Value }

// Type implements Object.
func (s *StaticMethod) Type() *Type { return StaticMethodType }

// DescrGet implements Descriptor: the function itself.
func (s *StaticMethod) DescrGet(th *Thread, obj Value, owner *Type) (Value, error) {
	return s.Fn, nil
}

// Call implements Callable (staticmethods are callable since 3.10).
func (s *StaticMethod) Call(th *Thread, args []Value, kwnames []string) (Value, error) {
	return Call(th, s.Fn, args, kwnames)
}

// Repr implements HasRepr.
func (s *StaticMethod) Repr(th *Thread) (string, error) {
	r, err := Repr(th, s.Fn)
	return "<staticmethod(" + r + ")>", err
}

// GetAttr implements HasAttrs.
func (s *StaticMethod) GetAttr(th *Thread, name string) (Value, error) {
	if name == "__func__" {
		return s.Fn, nil
	}
	if name == "__isabstractmethod__" {
		return False, nil
	}
	return genericGetAttr(th, Obj(s), name)
}

// ClassMethod is Python's classmethod.
type ClassMethod struct{ Fn Value }

// Type implements Object.
func (c *ClassMethod) Type() *Type { return ClassMethodType }

// DescrGet implements Descriptor: the function bound to the class.
func (c *ClassMethod) DescrGet(th *Thread, obj Value, owner *Type) (Value, error) {
	if owner == nil {
		owner = obj.Type()
	}
	return Obj(&BoundCall{Self: Obj(owner), Fn: c.Fn}), nil
}

// Repr implements HasRepr.
func (c *ClassMethod) Repr(th *Thread) (string, error) {
	r, err := Repr(th, c.Fn)
	return "<classmethod(" + r + ")>", err
}

// GetAttr implements HasAttrs.
func (c *ClassMethod) GetAttr(th *Thread, name string) (Value, error) {
	if name == "__func__" {
		return c.Fn, nil
	}
	return genericGetAttr(th, Obj(c), name)
}

// BoundCall is any callable bound to a first argument: a classmethod
// bound to its class, or a callable object found as a method.
type BoundCall struct {
	Self Value
	Fn   Value
}

// Type implements Object.
func (b *BoundCall) Type() *Type { return BoundCallType }

// Call implements Callable.
func (b *BoundCall) Call(th *Thread, args []Value, kwnames []string) (Value, error) {
	all := make([]Value, 0, len(args)+1)
	all = append(all, b.Self)
	all = append(all, args...)
	return Call(th, b.Fn, all, kwnames)
}

// Repr implements HasRepr.
func (b *BoundCall) Repr(th *Thread) (string, error) {
	r, err := Repr(th, b.Self)
	if err != nil {
		return "", err
	}
	name := "?"
	if v, err := GetAttr(th, b.Fn, "__qualname__"); err == nil {
		if s, ok := AsString(v); ok {
			name = s
		}
	}
	return "<bound method " + name + " of " + r + ">", nil
}

// GetAttr implements HasAttrs.
func (b *BoundCall) GetAttr(th *Thread, name string) (Value, error) {
	switch name {
	case "__self__":
		return b.Self, nil
	case "__func__":
		return b.Fn, nil
	}
	return GetAttr(th, b.Fn, name)
}

// Super is Python's super(type, obj) proxy.
type Super struct {
	This    *Type // the class whose MRO successors are searched
	Obj     Value // the instance or class bound
	ObjType *Type // type(obj), or obj itself for super(C, D)
}

// Type implements Object.
func (s *Super) Type() *Type { return SuperType }

// NewSuper is super(t, obj): obj is an instance of t or a subclass of t.
// The vm compiles zero-argument super() as super(__class__, first arg).
func NewSuper(th *Thread, t *Type, obj Value) (Value, error) {
	if ot, ok := obj.Object().(*Type); ok && IsSubtype(ot, t) {
		return Obj(&Super{This: t, Obj: obj, ObjType: ot}), nil
	}
	if IsInstance(obj, t) {
		return Obj(&Super{This: t, Obj: obj, ObjType: obj.Type()}), nil
	}
	return Value{}, Errorf(TypeError, "super(type, obj): obj must be an instance or subtype of type")
}

// GetAttr implements HasAttrs: look name up after This in the MRO of
// type(obj), binding descriptors to obj.
func (s *Super) GetAttr(th *Thread, name string) (Value, error) {
	if name == "__class__" {
		return Obj(SuperType), nil
	}
	mro := s.ObjType.MRO
	i := 0
	for i < len(mro) && mro[i] != s.This {
		i++
	}
	for _, c := range mro[min(i+1, len(mro)):] {
		v, ok := c.Dict.GetStr(name)
		if !ok {
			continue
		}
		d, ok := v.Object().(Descriptor)
		if !ok {
			return v, nil
		}
		if s.Obj.Is(Obj(s.ObjType)) {
			return d.DescrGet(th, Value{}, s.ObjType) // super(C, C).f: unbound
		}
		return d.DescrGet(th, s.Obj, s.ObjType)
	}
	switch name {
	case "__self__":
		return s.Obj, nil
	case "__thisclass__":
		return Obj(s.This), nil
	case "__self_class__":
		return Obj(s.ObjType), nil
	}
	return Value{}, Errorf(AttributeError, "'super' object has no attribute '%s'", name)
}

// Repr implements HasRepr.
func (s *Super) Repr(th *Thread) (string, error) {
	return fmt.Sprintf("<super: <class '%s'>, <%s object>>", s.This.Name, s.ObjType.Name), nil
}

// descrInit installs the constructors and methods of the descriptor types.
func descrInit() {
	PropertyType.New = newProperty
	StaticMethodType.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		if err := exactlyOne("staticmethod", args, kwnames); err != nil {
			return Value{}, err
		}
		return Obj(&StaticMethod{Fn: args[0]}), nil
	}
	ClassMethodType.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		if err := exactlyOne("classmethod", args, kwnames); err != nil {
			return Value{}, err
		}
		return Obj(&ClassMethod{Fn: args[0]}), nil
	}
	SuperType.New = newSuperCall
	accessor := func(which string) MethodFunc {
		return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			var fn Value
			if err := UnpackArgs(which, args, kwnames, "func", &fn); err != nil {
				return Value{}, err
			}
			return self.Object().(*Property).with(which, fn), nil
		}
	}
	PropertyType.SetMethods(map[string]MethodFunc{
		"getter":  accessor("getter"),
		"setter":  accessor("setter"),
		"deleter": accessor("deleter"),
		"__set_name__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if len(args) == 2 {
				if s, ok := AsString(args[1]); ok {
					self.Object().(*Property).name = s
				}
			}
			return None, nil
		},
		"__get__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return descrGetMethod(th, self, args)
		},
	})
}

// exactlyOne checks the single positional argument of a constructor.
func exactlyOne(name string, args []Value, kwnames []string) error {
	if len(kwnames) > 0 {
		return Errorf(TypeError, "%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return Errorf(TypeError, "%s expected 1 argument, got %d", name, len(args))
	}
	return nil
}

func newProperty(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	p := &Property{}
	if err := UnpackArgs("property", args, kwnames, "fget?", &p.Fget, "fset?", &p.Fset, "fdel?", &p.Fdel, "doc?", &p.Doc); err != nil {
		return Value{}, err
	}
	return Obj(p), nil
}

// descrGetMethod is __get__(obj, type=None) of a Go descriptor.
func descrGetMethod(th *Thread, self Value, args []Value) (Value, error) {
	d := self.Object().(Descriptor)
	if len(args) == 0 {
		return Value{}, Errorf(TypeError, "__get__(None, None) is invalid")
	}
	obj := args[0]
	var owner *Type
	if len(args) > 1 {
		owner, _ = args[1].Object().(*Type)
	}
	if obj.IsNone() {
		return d.DescrGet(th, Value{}, owner)
	}
	return d.DescrGet(th, obj, owner)
}

func newSuperCall(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "super() takes no keyword arguments")
	}
	switch len(args) {
	case 0:
		return Value{}, Errorf(RuntimeError, "super(): no arguments")
	case 1, 2:
	default:
		return Value{}, Errorf(TypeError, "super() takes at most 2 arguments (%d given)", len(args))
	}
	typ, ok := args[0].Object().(*Type)
	if !ok {
		return Value{}, Errorf(TypeError, "super() argument 1 must be a type, not %s", args[0].Type().Name)
	}
	if len(args) == 1 {
		return Value{}, Errorf(RuntimeError, "pyish: unbound super(type) is not supported")
	}
	return NewSuper(th, typ, args[1])
}
