package runtime

// This file implements __slots__: classes whose instances keep only the
// named attributes (stored by member descriptors) and have no __dict__.

import "fmt"

// SlotMember is the descriptor of one name in __slots__.
type SlotMember struct {
	Name  string
	Owner *Type
	index int // position in the instance's slot values
}

// MemberDescriptorType is the type of slot descriptors.
var MemberDescriptorType = newFinalType("member_descriptor", nil)

// Type implements Object.
func (m *SlotMember) Type() *Type { return MemberDescriptorType }

// Repr implements HasRepr.
func (m *SlotMember) Repr(th *Thread) (string, error) {
	return fmt.Sprintf("<member '%s' of '%s' objects>", m.Name, m.Owner.Name), nil
}

func (m *SlotMember) instance(obj Value) (*Instance, error) {
	o, ok := obj.o.(*Instance)
	if !ok || !IsSubtype(o.Class, m.Owner) {
		return nil, Errorf(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
			m.Name, m.Owner.Name, obj.Type().Name)
	}
	return o, nil
}

// DescrGet implements Descriptor.
func (m *SlotMember) DescrGet(th *Thread, obj Value, owner *Type) (Value, error) {
	if obj.IsNull() {
		return Obj(m), nil
	}
	o, err := m.instance(obj)
	if err != nil {
		return Value{}, err
	}
	if vs := o.slotVals(); m.index < len(vs) && !vs[m.index].IsNull() {
		return vs[m.index], nil
	}
	return Value{}, noAttr(obj, m.Name)
}

// DescrSet implements DataDescriptor.
func (m *SlotMember) DescrSet(th *Thread, obj Value, v Value) error {
	o, err := m.instance(obj)
	if err != nil {
		return err
	}
	vs := o.slotVals()
	if len(vs) <= m.index {
		vs = append(vs, make([]Value, o.Class.nslots-len(vs))...)
		o.setSlotVals(vs)
	}
	vs[m.index] = v
	return nil
}

// DescrDelete implements DataDescriptor.
func (m *SlotMember) DescrDelete(th *Thread, obj Value) error {
	o, err := m.instance(obj)
	if err != nil {
		return err
	}
	vs := o.slotVals()
	if m.index >= len(vs) || vs[m.index].IsNull() {
		return Errorf(AttributeError, "%s", m.Name)
	}
	vs[m.index] = Value{}
	return nil
}

// slotNames returns the names listed by a class's __slots__ value.
func slotNames(th *Thread, v Value) ([]string, error) {
	if s, ok := AsString(v); ok {
		return []string{s}, nil
	}
	items, err := ToSlice(th, v)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(items))
	for i, it := range items {
		s, ok := AsString(it)
		if !ok {
			return nil, Errorf(TypeError, "__slots__ items must be strings, not '%s'", it.Type().Name)
		}
		names[i] = s
	}
	return names, nil
}

// applySlots installs the descriptors of __slots__ and decides whether
// instances get a __dict__ (and __weakref__); ok is false when the class
// has no __slots__.
func (t *Type) applySlots(th *Thread) (hasDict, hasWeak, ok bool, err error) {
	for _, c := range t.MRO[1:] {
		t.nslots = max(t.nslots, c.nslots)
	}
	v, ok := t.Dict.GetStr("__slots__")
	if !ok {
		return false, false, false, nil
	}
	sb := t.solidBase()
	if sb != ObjectType && !isNumOrStr(sb) && sb != BytesType && sb != ByteArrayType {
		return false, false, true, Errorf(TypeError, "pyish: __slots__ is only supported on classes deriving from object, int, float, str, bytes or bytearray")
	}
	names, err := slotNames(th, v)
	if err != nil {
		return false, false, true, err
	}
	if err := checkValueSlots(sb, names); err != nil {
		return false, false, true, err
	}
	for _, name := range names {
		switch name {
		case "__dict__":
			hasDict = true
			continue
		case "__weakref__":
			hasWeak = true
			continue
		}
		if _, clash := t.Dict.GetStr(name); clash {
			return false, false, true, Errorf(ValueError, "'%s' in __slots__ conflicts with class variable", name)
		}
		t.Dict.SetStr(name, Obj(&SlotMember{Name: name, Owner: t, index: t.nslots}))
		t.nslots++
	}
	inherited := true // every base lacks a __dict__ too
	for _, c := range t.MRO[1:] {
		if c.Flags&FlagHeap != 0 && c.Flags&FlagNoInstanceDict == 0 {
			inherited = false
		}
	}
	if !hasDict && inherited {
		t.Flags |= FlagNoInstanceDict
	}
	return hasDict, hasWeak, true, nil
}

// isNumOrStr reports whether sb is int, float or str, whose subclasses
// may declare empty __slots__ (instances without a __dict__).
func isNumOrStr(sb *Type) bool { return sb == IntType || sb == FloatType || sb == StrType }

// checkValueSlots refuses slots on subclasses of int and bytes (as CPython
// does: their instances have a variable size) and named slots on float,
// str and bytearray subclasses
// (pyish keeps their instances' attributes in a dict only).
func checkValueSlots(sb *Type, names []string) error {
	if sb == ObjectType {
		return nil
	}
	for _, name := range names {
		if sb == IntType || sb == BytesType {
			return Errorf(TypeError, "nonempty __slots__ not supported for subtype of '%s'", sb.Name)
		}
		if name != "__dict__" && name != "__weakref__" {
			return Errorf(TypeError, "pyish: named __slots__ are not supported for subclasses of '%s'", sb.Name)
		}
	}
	return nil
}
