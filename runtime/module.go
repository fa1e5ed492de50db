package runtime

// This file defines module objects.

// Module is a module object: a name and its globals.
type Module struct {
	Name string
	Dict *Dict
}

// NewModule returns an empty module named name (its dict holds __name__).
func NewModule(name string) *Module {
	m := &Module{Name: name, Dict: NewDict()}
	m.Dict.SetStr("__name__", Str(name))
	m.Dict.SetStr("__doc__", None)
	return m
}

// Type implements Object.
func (m *Module) Type() *Type { return ModuleType }

// GetAttr implements HasAttrs.
func (m *Module) GetAttr(th *Thread, name string) (Value, error) {
	if v, ok := m.Dict.GetStr(name); ok {
		return v, nil
	}
	if name == "__dict__" {
		return Obj(m.Dict), nil
	}
	if v, ok, err := genericTypeAttr(th, Obj(m), ModuleType, name); ok || err != nil {
		return v, err
	}
	if g, ok := m.Dict.GetStr("__getattr__"); ok {
		return Call(th, g, []Value{Str(name)}, nil)
	}
	return Value{}, missingAttr(Obj(m), name, Errorf(AttributeError, "module '%s' has no attribute '%s'", m.Name, name))
}

// SetAttr implements HasSetAttr.
func (m *Module) SetAttr(th *Thread, name string, v Value) error {
	m.Dict.SetStr(name, v)
	return nil
}

// DelAttr implements HasSetAttr.
func (m *Module) DelAttr(th *Thread, name string) error {
	if !m.Dict.DeleteStr(name) {
		return Errorf(AttributeError, "module '%s' has no attribute '%s'", m.Name, name)
	}
	return nil
}

// Repr implements HasRepr.
func (m *Module) Repr(th *Thread) (string, error) {
	if m.Name == "builtins" || m.Name == "sys" {
		return "<module '" + m.Name + "' (built-in)>", nil
	}
	return "<module '" + m.Name + "'>", nil
}

// newModuleObject is types.ModuleType(name, doc=None).
func newModuleObject(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 || len(args) < 1 || len(args) > 2 {
		return Value{}, Errorf(TypeError, "module() takes 1 or 2 positional arguments")
	}
	name, ok := AsString(args[0])
	if !ok {
		return Value{}, Errorf(TypeError, "module.__init__() argument 'name' must be str, not %s", args[0].Type().Name)
	}
	m := NewModule(name)
	if len(args) == 2 {
		m.Dict.SetStr("__doc__", args[1])
	}
	return Obj(m), nil
}

func moduleInit() { ModuleType.New = newModuleObject }
