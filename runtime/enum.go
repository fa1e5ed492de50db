package runtime

// This file defines the enum module's Enum and auto: classes whose
// attributes become their members.

import "strings"

// Enum types: the metaclass, Enum, and auto.
var (
	EnumMetaType = newGoSubclass("enum.EnumType", TypeType)
	EnumType     = newGoSubclass("enum.Enum", nil)
	AutoType     = NewType("enum.auto", nil)
)

// NewEnumModule builds the enum module.
func NewEnumModule(th *Thread) *Module {
	m := NewModule("enum")
	m.Dict.SetStr("Enum", Obj(EnumType))
	m.Dict.SetStr("EnumType", Obj(EnumMetaType))
	m.Dict.SetStr("EnumMeta", Obj(EnumMetaType))
	m.Dict.SetStr("auto", Obj(AutoType))
	for _, t := range []*Type{ReprEnumType, IntEnumType, StrEnumType, FlagType, IntFlagType} {
		m.Dict.SetStr(t.Name, Obj(t))
	}
	m.Dict.SetStr("unique", NewBuiltin("unique", enumUnique))
	return m
}

// enumInfo is what an enum class keeps about its members.
type enumInfo struct {
	names   []string          // canonical members in definition order
	byName  *Dict             // name → member (aliases included)
	byValue *Dict             // value → canonical member
	aliases map[string]string // alias → canonical name
	flag    *flagInfo         // bits of a Flag class, else nil
}

func enumOf(t *Type) *enumInfo {
	for _, c := range t.MRO {
		if v, ok := c.Dict.GetStr("_enum_info_"); ok {
			if e, ok := v.o.(*enumInfoBox); ok {
				return e.info
			}
		}
	}
	return nil
}

// enumInfoBox stores an enumInfo in a class dict.
type enumInfoBox struct{ info *enumInfo }

func (b *enumInfoBox) Type() *Type { return ObjectType }

// isMemberCandidate reports whether a class-body binding becomes a member.
func isMemberCandidate(name string, v Value) bool {
	if strings.HasPrefix(name, "_") {
		return false
	}
	if d, _ := descrOf(v); d != nil {
		return false
	}
	_, isType := v.o.(*Type)
	return !isType
}

func enumMetaNew(th *Thread, meta *Type, args []Value, kwnames []string) (Value, error) {
	if len(args)-len(kwnames) != 3 {
		return Value{}, Errorf(TypeError, "pyish: the functional Enum API is not supported")
	}
	ns, ok := args[2].o.(*Dict)
	if !ok {
		return Value{}, Errorf(TypeError, "type.__new__() argument 3 must be dict, not %s", args[2].Type().Name)
	}
	var names []string
	var values []Value
	body := NewDict()
	for _, kv := range ns.Items() {
		name, _ := AsString(kv[0])
		if !isMemberCandidate(name, kv[1]) {
			body.Set(th, kv[0], kv[1])
			continue
		}
		names = append(names, name)
		values = append(values, kv[1])
	}
	a := append([]Value(nil), args...)
	a[2] = Obj(body)
	cv, err := typeNew(th, meta, a, kwnames)
	if err != nil {
		return Value{}, err
	}
	t := cv.o.(*Type)
	useEnumMethods(t)
	if err := resolveAutos(th, t, names, values); err != nil {
		return Value{}, err
	}
	info := &enumInfo{byName: NewDict(), byValue: NewDict(), aliases: map[string]string{}}
	for i, name := range names {
		if err := info.add(th, t, name, values[i]); err != nil {
			return Value{}, err
		}
	}
	if IsSubtype(t, FlagType) {
		info.prepareFlag(IsSubtype(t, IntFlagType))
	}
	t.Dict.SetStr("_enum_info_", Obj(&enumInfoBox{info}))
	t.changed("_enum_info_")
	return cv, nil
}

// add makes the member name with the given value, or an alias when an
// earlier member has an equal value.
func (e *enumInfo) add(th *Thread, t *Type, name string, value Value) error {
	if m, ok, err := e.byValue.Get(th, value); err != nil {
		return err
	} else if ok {
		e.byName.SetStr(name, m)
		e.aliases[name], _ = AsString(memberField(m, "_name_"))
		t.Dict.SetStr(name, m)
		return nil
	}
	m, err := newMember(th, t, name, value)
	if err != nil {
		return err
	}
	e.names = append(e.names, name)
	e.byName.SetStr(name, m)
	if err := e.byValue.Set(th, memberField(m, "_value_"), m); err != nil {
		return err
	}
	t.Dict.SetStr(name, m)
	return nil
}

// newMember creates the member name of the enum class t: through the
// class's __new__ or its data type (int, str, float) when it has one,
// then __init__ with the value (a tuple value gives the arguments).
func newMember(th *Thread, t *Type, name string, value Value) (Value, error) {
	args := []Value{value}
	if tu, ok := value.o.(*Tuple); ok {
		args = tu.Items
	}
	data := t.solidBase()
	if data == StrType && IsSubtype(t, StrEnumType) {
		if err := checkStrEnumArgs(th, args); err != nil {
			return Value{}, err
		}
	}
	var m Value
	_, userNew := userSlot(t, "__new__")
	if userNew || data != ObjectType {
		var err error
		if m, err = callNew(th, t, args, nil); err != nil {
			return Value{}, err
		}
	} else {
		m = Obj(newInstance(t))
	}
	setMemberField(m, "_name_", Str(name))
	if !hasMemberField(m, "_value_") {
		v := value
		if data != ObjectType {
			v = unwrapNum(exactValue(m))
		}
		setMemberField(m, "_value_", v)
	}
	if init, ok := userSlot(t, "__init__"); ok {
		if _, err := callSlot(th, init, m, args...); err != nil {
			return Value{}, err
		}
	}
	return m, nil
}

// exactValue is the base value of an instance of a subclass of int,
// float or str (a plain int, float or str).
func exactValue(v Value) Value {
	if s, ok := v.o.(*String); ok {
		return s.exact()
	}
	return unwrapNum(v)
}

// checkStrEnumArgs is StrEnum's check of a member's value.
func checkStrEnumArgs(th *Thread, args []Value) error {
	if len(args) > 3 {
		return Errorf(TypeError, "too many arguments for str(): %s", reprValues(th, args))
	}
	if len(args) == 0 {
		return Errorf(TypeError, "() is not a string")
	}
	if _, ok := AsString(args[0]); !ok {
		r, _ := Repr(th, args[0])
		return Errorf(TypeError, "%s is not a string", r)
	}
	return nil
}

func reprValues(th *Thread, vs []Value) string {
	r, _ := Repr(th, Obj(NewTuple(vs)))
	return r
}

func (e *enumInfo) members() []Value {
	out := make([]Value, len(e.names))
	for i, n := range e.names {
		out[i], _ = e.byName.GetStr(n)
	}
	return out
}

// memberField is the member's attribute field (_name_, _value_), or None.
func memberField(v Value, field string) Value {
	if f, ok := memberFieldOK(v, field); ok {
		return f
	}
	return None
}

func memberFieldOK(v Value, field string) (Value, bool) {
	if inst, ok := v.o.(*Instance); ok {
		return inst.ownAttr(field, StrHash(field))
	}
	return instanceDict(v).GetStr(field)
}

func hasMemberField(v Value, field string) bool {
	_, ok := memberFieldOK(v, field)
	return ok
}

// setMemberField stores a member's own attribute, whatever its layout
// (an Instance, or a subclassed int, float or str).
func setMemberField(v Value, field string, x Value) {
	if inst, ok := v.o.(*Instance); ok {
		inst.storeOwnAttr(field, Value{}, StrHash(field), x)
		return
	}
	if d := instanceDict(v); d != nil {
		d.SetStr(field, x)
	}
}

func enumUnique(th *Thread, args []Value, kwnames []string) (Value, error) {
	var t *Type
	if err := UnpackArgs("unique", args, kwnames, "enumeration", &t); err != nil {
		return Value{}, err
	}
	if e := enumOf(t); e != nil && len(e.aliases) > 0 {
		var parts []string
		for alias, name := range e.aliases {
			parts = append(parts, alias+" -> "+name)
		}
		return Value{}, Errorf(ValueError, "duplicate values found in %s: %s", reprClass(t), strings.Join(parts, ", "))
	}
	return Obj(t), nil
}

func reprClass(t *Type) string {
	if IsSubtype(t, FlagType) {
		return "<flag '" + t.Name + "'>"
	}
	return "<enum '" + t.Name + "'>"
}

func enumTypeInit() {
	EnumMetaType.New = enumMetaNew
	AutoType.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		return Obj(&autoValue{}), nil
	}
	EnumType.meta = EnumMetaType
	need := func(self Value) (*enumInfo, error) {
		if e := enumOf(self.o.(*Type)); e != nil {
			return e, nil
		}
		return &enumInfo{byName: NewDict(), byValue: NewDict()}, nil
	}
	EnumMetaType.SetMethods(map[string]MethodFunc{
		"__iter__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			e, _ := need(self)
			return Obj(&tupleIter{items: e.members()}), nil
		},
		"__len__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			e, _ := need(self)
			return Int(int64(len(e.names))), nil
		},
		"__contains__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if len(args) != 1 {
				return Value{}, Errorf(TypeError, "expected 1 argument, got %d", len(args))
			}
			if IsInstance(args[0], self.o.(*Type)) {
				return True, nil
			}
			e, _ := need(self)
			_, ok, err := e.byValue.Get(th, args[0])
			if err != nil {
				if exc, isExc := err.(*Exception); isExc && exc.Matches(TypeError) {
					return False, nil // an unhashable value is no member's
				}
			}
			return Bool(ok), err
		},
		"__getitem__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			e, _ := need(self)
			if len(args) != 1 {
				return Value{}, Errorf(TypeError, "expected 1 argument, got %d", len(args))
			}
			if s, ok := AsString(args[0]); ok {
				if m, ok := e.byName.GetStr(s); ok {
					return m, nil
				}
			}
			return Value{}, NewException(KeyError, args[0])
		},
		"__call__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			t := self.o.(*Type)
			if len(args) != 1 || len(kwnames) > 0 {
				return Value{}, Errorf(TypeError, "pyish: the functional Enum API is not supported")
			}
			e, _ := need(self)
			if m, ok, err := e.byValue.Get(th, args[0]); err != nil || ok {
				return m, err
			}
			if IsInstance(args[0], t) {
				return args[0], nil
			}
			if e.flag != nil {
				if v := unwrapNum(args[0]); v.IsInt() {
					return flagMember(th, t, v.AsInt())
				}
			}
			r, err := Repr(th, args[0])
			if err != nil {
				return Value{}, err
			}
			return Value{}, Errorf(ValueError, "%s is not a valid %s", r, t.Qualname)
		},
		"__repr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return Str(reprClass(self.o.(*Type))), nil
		},
		"__setattr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			t := self.o.(*Type)
			if len(args) != 2 {
				return Value{}, Errorf(TypeError, "expected 2 arguments, got %d", len(args))
			}
			name, _ := AsString(args[0])
			if e := enumOf(t); e != nil {
				if _, ok := e.byName.GetStr(name); ok {
					return Value{}, Errorf(AttributeError, "cannot reassign member '%s'", name)
				}
			}
			t.SetAttr(name, args[1])
			return None, nil
		},
	})
	EnumMetaType.SetMembers(map[string]MemberFunc{
		"__members__": func(th *Thread, self Value) (Value, error) {
			e, _ := need(self)
			return Obj(&MappingProxy{e.byName}), nil
		},
	})
	for _, field := range []string{"name", "value"} {
		field := field
		EnumType.Dict.SetStr(field, Obj(&Member{Name: field, Owner: EnumType,
			Get: func(th *Thread, self Value) (Value, error) { return memberField(self, "_"+field+"_"), nil },
			Set: func(th *Thread, self, v Value) error {
				return Errorf(AttributeError, "%s cannot set attribute '%s'", reprClass(EnumType), field)
			}}))
	}
	EnumType.SetMethods(map[string]MethodFunc{
		"__repr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s, err := memberRepr(th, self)
			return Str(s), err
		},
		"__str__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s, err := memberStr(th, self)
			return Str(s), err
		},
		"__format__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s, err := StrOf(th, self)
			if err != nil {
				return Value{}, err
			}
			r, err := Format(th, Str(s), formatSpecArg(args))
			return Str(r), err
		},
		// Members are singletons: copies are the member itself.
		"__copy__":     func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) { return self, nil },
		"__deepcopy__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) { return self, nil },
		"__hash__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			h, err := Hash(th, memberField(self, "_name_"))
			return Int(h), err
		},
	})
	enumKindsInit()
	AutoType.SetMethods(map[string]MethodFunc{
		"__repr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return Str("auto()"), nil
		},
	})
}

func formatSpecArg(args []Value) string {
	if len(args) == 1 {
		s, _ := AsString(args[0])
		return s
	}
	return ""
}
