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
	m.Dict.SetStr("unique", NewBuiltin("unique", enumUnique))
	return m
}

// enumInfo is what an enum class keeps about its members.
type enumInfo struct {
	names   []string          // canonical members in definition order
	byName  *Dict             // name → member (aliases included)
	byValue *Dict             // value → canonical member
	aliases map[string]string // alias → canonical name
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
	last := int64(0)
	for _, kv := range ns.Items() {
		name, _ := AsString(kv[0])
		if !isMemberCandidate(name, kv[1]) {
			body.Set(th, kv[0], kv[1])
			continue
		}
		v := kv[1]
		if inst, ok := v.o.(*Instance); ok && inst.Class == AutoType {
			v = Int(last + 1)
		}
		if v.IsInt() {
			last = v.AsInt()
		}
		names = append(names, name)
		values = append(values, v)
	}
	a := append([]Value(nil), args...)
	a[2] = Obj(body)
	cv, err := typeNew(th, meta, a, kwnames)
	if err != nil {
		return Value{}, err
	}
	t := cv.o.(*Type)
	info := &enumInfo{byName: NewDict(), byValue: NewDict(), aliases: map[string]string{}}
	for i, name := range names {
		if m, ok, err := info.byValue.Get(th, values[i]); err != nil {
			return Value{}, err
		} else if ok {
			info.byName.SetStr(name, m)
			info.aliases[name], _ = AsString(memberField(m, "_name_"))
			t.Dict.SetStr(name, m)
			continue
		}
		m := newInstance(t)
		m.storeOwnAttr("_name_", Value{}, StrHash("_name_"), Str(name))
		m.storeOwnAttr("_value_", Value{}, StrHash("_value_"), values[i])
		if init, ok := userSlot(t, "__init__"); ok {
			initArgs := []Value{values[i]}
			if tu, ok := values[i].o.(*Tuple); ok {
				initArgs = tu.Items
			}
			if _, err := callSlot(th, init, Obj(m), initArgs...); err != nil {
				return Value{}, err
			}
		}
		info.names = append(info.names, name)
		info.byName.SetStr(name, Obj(m))
		if err := info.byValue.Set(th, values[i], Obj(m)); err != nil {
			return Value{}, err
		}
		t.Dict.SetStr(name, Obj(m))
	}
	t.Dict.SetStr("_enum_info_", Obj(&enumInfoBox{info}))
	t.changed("_enum_info_")
	return cv, nil
}

func (e *enumInfo) members() []Value {
	out := make([]Value, len(e.names))
	for i, n := range e.names {
		out[i], _ = e.byName.GetStr(n)
	}
	return out
}

func memberField(v Value, field string) Value {
	if inst, ok := v.o.(*Instance); ok {
		if f, ok := inst.ownAttr(field, StrHash(field)); ok {
			return f
		}
	}
	return None
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

func reprClass(t *Type) string { return "<enum '" + t.Name + "'>" }

func enumTypeInit() {
	EnumMetaType.New = enumMetaNew
	AutoType.New = func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
		return Obj(&Instance{Class: t, noDict: true}), nil
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
			return Bool(len(args) == 1 && IsInstance(args[0], self.o.(*Type))), nil
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
	EnumType.SetMembers(map[string]MemberFunc{
		"name":  func(th *Thread, self Value) (Value, error) { return memberField(self, "_name_"), nil },
		"value": func(th *Thread, self Value) (Value, error) { return memberField(self, "_value_"), nil },
	})
	EnumType.SetMethods(map[string]MethodFunc{
		"__repr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			v, err := Repr(th, memberField(self, "_value_"))
			n, _ := AsString(memberField(self, "_name_"))
			return Str("<" + self.Type().Name + "." + n + ": " + v + ">"), err
		},
		"__str__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			n, _ := AsString(memberField(self, "_name_"))
			return Str(self.Type().Name + "." + n), nil
		},
		"__format__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			n, _ := AsString(memberField(self, "_name_"))
			r, err := Format(th, Str(self.Type().Name+"."+n), formatSpecArg(args))
			return Str(r), err
		},
		"__hash__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			h, err := Hash(th, memberField(self, "_name_"))
			return Int(h), err
		},
	})
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
