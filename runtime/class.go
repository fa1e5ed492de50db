package runtime

// This file creates classes: class statements and type(name, bases, dict),
// with C3 linearization and the checks CPython makes on bases.

import "strings"

// NewClass creates the class name with the given bases (none = object)
// and namespace (the evaluated class body; it is copied).
func NewClass(th *Thread, name string, bases []*Type, ns *Dict) (*Type, error) {
	return newClassMeta(th, TypeType, name, bases, ns, nil, nil)
}

// BuildClass is the class statement for the vm: bases are the evaluated
// base expressions, kwnames/kwvals the class keywords (metaclass=…, or
// arguments for __init_subclass__).
func BuildClass(th *Thread, name string, bases []Value, ns *Dict, kwnames []string, kwvals []Value) (Value, error) {
	bases, err := updateBases(th, bases, ns)
	if err != nil {
		return Value{}, err
	}
	meta, explicit := TypeType, false
	if len(bases) > 0 {
		meta = bases[0].Type() // CPython starts from the first base's type
	}
	var kwn []string
	var kwv []Value
	for i, k := range kwnames {
		if k == "metaclass" {
			m, ok := kwvals[i].o.(*Type)
			if !ok {
				return Value{}, Errorf(TypeError, "pyish: metaclass must be a class")
			}
			meta, explicit = m, true
			continue
		}
		kwn = append(kwn, k)
		kwv = append(kwv, kwvals[i])
	}
	ts := make([]*Type, len(bases))
	for i, b := range bases {
		t, _ := b.o.(*Type)
		ts[i] = t
		if m := b.Type(); IsSubtype(m, meta) {
			meta = m
		} else if !IsSubtype(meta, m) {
			return Value{}, Errorf(TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
		}
	}
	for _, t := range ts {
		if t == nil && meta == TypeType {
			return Value{}, Errorf(TypeError, "bases must be types")
		}
	}
	if meta != TypeType || explicit {
		// Like CPython, a base that is not a class makes its type the
		// "metaclass": class A(1) calls int("A", (1,), ns).
		bt := NewTuple(append([]Value(nil), bases...))
		args := append([]Value{Str(name), Obj(bt), Obj(ns)}, kwv...)
		return Call(th, Obj(meta), args, kwn)
	}
	t, err := newClassMeta(th, meta, name, ts, ns, kwn, kwv)
	if err != nil {
		return Value{}, err
	}
	return Obj(t), nil
}

// typeNew is type.__new__(meta, name, bases, dict, **kw).
func typeNew(th *Thread, meta *Type, args []Value, kwnames []string) (Value, error) {
	npos := len(args) - len(kwnames)
	if npos != 3 {
		return Value{}, Errorf(TypeError, "type.__new__() takes exactly 3 arguments (%d given)", npos)
	}
	name, ok := AsString(args[0])
	if !ok {
		return Value{}, Errorf(TypeError, "type.__new__() argument 1 must be str, not %s", args[0].Type().Name)
	}
	bt, ok := args[1].o.(*Tuple)
	if !ok {
		return Value{}, Errorf(TypeError, "type.__new__() argument 2 must be tuple, not %s", args[1].Type().Name)
	}
	ns, ok := args[2].o.(*Dict)
	if !ok {
		return Value{}, Errorf(TypeError, "type.__new__() argument 3 must be dict, not %s", args[2].Type().Name)
	}
	bases := make([]*Type, len(bt.Items))
	for i, b := range bt.Items {
		if bases[i], ok = b.o.(*Type); !ok {
			return Value{}, Errorf(TypeError, "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
		}
	}
	if _, ok := ns.GetStr("__module__"); !ok {
		ns = ns.Copy()
		ns.SetStr("__module__", Str(callerModule(th)))
	}
	t, err := newClassMeta(th, meta, name, bases, ns, kwnames, args[npos:])
	if err != nil {
		return Value{}, err
	}
	return Obj(t), nil
}

// callerModule is the __name__ for classes made by type(): __main__
// (pyish does not track the calling frame's globals here).
func callerModule(th *Thread) string { return "__main__" }

func newClassMeta(th *Thread, meta *Type, name string, bases []*Type, ns *Dict, kwn []string, kwv []Value) (*Type, error) {
	if len(bases) == 0 {
		bases = []*Type{ObjectType}
	}
	if err := checkBases(bases); err != nil {
		return nil, err
	}
	mro, err := c3MRO(bases)
	if err != nil {
		return nil, err
	}
	t := &Type{Name: name, Qualname: name, Bases: bases, Dict: ns.Copy(), Flags: FlagHeap}
	if meta != TypeType {
		t.meta = meta
	}
	t.MRO = append([]*Type{t}, mro...)
	for _, b := range bases {
		if b.Flags&FlagHeap != 0 {
			b.subclasses = append(b.subclasses, t)
		}
	}
	if err := t.prepareDict(th); err != nil {
		return nil, err
	}
	if err := setNames(th, t); err != nil {
		return nil, err
	}
	return t, initSubclass(th, t, kwn, kwv)
}

// checkBases refuses bases CPython refuses, and built-in bases pyish
// cannot extend.
func checkBases(bases []*Type) error {
	var solid *Type
	for i, b := range bases {
		for _, c := range bases[:i] {
			if c == b {
				return Errorf(TypeError, "duplicate base class %s", b.Name)
			}
		}
		if b.Flags&FlagFinal != 0 {
			return Errorf(TypeError, "type '%s' is not an acceptable base type", b.Name)
		}
		sb := b.solidBase()
		if !subclassable(sb) {
			return Errorf(TypeError, "pyish: subclassing the built-in type '%s' is not supported", sb.Name)
		}
		switch {
		case solid == nil || IsSubtype(solid, sb):
			if solid == nil {
				solid = sb
			}
		case IsSubtype(sb, solid):
			solid = sb
		default:
			return Errorf(TypeError, "multiple bases have instance lay-out conflict")
		}
	}
	return nil
}

// prepareDict takes the class's __qualname__ from its namespace, makes
// __new__ a staticmethod and __init_subclass__ a classmethod, and sets
// __hash__ to None for a class that defines __eq__ but not __hash__.
func (t *Type) prepareDict(th *Thread) error {
	d := t.Dict
	if q, ok := d.GetStr("__qualname__"); ok {
		s, ok := AsString(q)
		if !ok {
			return Errorf(TypeError, "type __qualname__ must be a str, not %s", q.Type().Name)
		}
		t.Qualname = s
		d.DeleteStr("__qualname__")
	}
	if _, ok := d.GetStr("__module__"); !ok {
		d.SetStr("__module__", Str("__main__"))
	}
	hasDict, hasWeak, slotted, err := t.applySlots(th)
	if err != nil {
		return err
	}
	t.addDictMembers(!slotted || hasDict, !slotted || hasWeak)
	if _, ok := d.GetStr("__doc__"); !ok {
		d.SetStr("__doc__", None)
	}
	if v, ok := d.GetStr("__new__"); ok {
		if _, isFn := v.o.(pyFunction); isFn {
			d.SetStr("__new__", Obj(&StaticMethod{Fn: v}))
		}
	}
	for _, name := range []string{"__init_subclass__", "__class_getitem__"} {
		if v, ok := d.GetStr(name); ok {
			if _, isFn := v.o.(pyFunction); isFn {
				d.SetStr(name, Obj(&ClassMethod{Fn: v}))
			}
		}
	}
	if _, ok := d.GetStr("__eq__"); ok {
		if _, ok := d.GetStr("__hash__"); !ok {
			d.SetStr("__hash__", None)
		}
	}
	return nil
}

// addDictMembers adds the __dict__ and __weakref__ attributes CPython
// gives the first class of a hierarchy that introduces them.
func (t *Type) addDictMembers(dict, weak bool) {
	for _, c := range t.MRO[1:] {
		if c.Flags&FlagHeap != 0 && c.Flags&FlagNoInstanceDict == 0 {
			return
		}
	}
	sb := t.solidBase()
	if IsSubtype(sb, TypeType) {
		sb = TypeType // a metaclass's instances are classes, with their own __dict__
	}
	if dict && sb != TypeType && !sb.isException() {
		if _, ok := t.Dict.GetStr("__dict__"); !ok {
			t.Dict.SetStr("__dict__", Obj(&Member{Name: "__dict__", Owner: t, Get: func(th *Thread, self Value) (Value, error) {
				if d := instanceDict(self); d != nil {
					return Obj(d), nil
				}
				return Value{}, noAttr(self, "__dict__")
			}}))
		}
	}
	switch sb {
	case TypeType, TupleType, SetType, FrozenSetType:
		return
	}
	if !weak {
		return
	}
	if _, ok := t.Dict.GetStr("__weakref__"); !ok {
		t.Dict.SetStr("__weakref__", Obj(&Member{Name: "__weakref__", Owner: t,
			Get: func(th *Thread, self Value) (Value, error) { return None, nil }}))
	}
}

// setNames calls __set_name__(owner, name) on the class attributes that define it.
func setNames(th *Thread, t *Type) error {
	for _, kv := range t.Dict.Items() {
		var m Value
		var ok bool
		switch o := kv[1].o.(type) {
		case *Property:
			if name, isStr := AsString(kv[0]); isStr && o.name == "" {
				o.name = name
			}
			continue
		case *Instance:
			m, ok = userSlot(o.Class, "__set_name__")
		}
		if !ok {
			continue
		}
		if _, err := callSlot(th, m, kv[1], Obj(t), kv[0]); err != nil {
			return err
		}
	}
	return nil
}

// initSubclass calls super(t, t).__init_subclass__(**kw).
func initSubclass(th *Thread, t *Type, kwn []string, kwv []Value) error {
	for _, c := range t.MRO[1:] {
		v, ok := c.Dict.GetStr("__init_subclass__")
		if !ok {
			continue
		}
		d, _ := descrOf(v)
		if d == nil {
			break
		}
		b, err := d.DescrGet(th, Value{}, t)
		if err != nil {
			return err
		}
		_, err = Call(th, b, kwv, kwn)
		return err
	}
	if len(kwn) > 0 {
		return Errorf(TypeError, "%s.__init_subclass__() takes no keyword arguments", t.Name)
	}
	return nil
}

// c3MRO merges the bases' MROs (the class itself excluded) by C3.
func c3MRO(bases []*Type) ([]*Type, error) {
	if len(bases) == 1 {
		return append([]*Type(nil), bases[0].MRO...), nil
	}
	seqs := make([][]*Type, 0, len(bases)+1)
	for _, b := range bases {
		seqs = append(seqs, append([]*Type(nil), b.MRO...))
	}
	seqs = append(seqs, append([]*Type(nil), bases...))
	var out []*Type
	for {
		seqs = nonEmpty(seqs)
		if len(seqs) == 0 {
			return out, nil
		}
		head := c3Head(seqs)
		if head == nil {
			return nil, mroConflict(bases)
		}
		out = append(out, head)
		for i, s := range seqs {
			if s[0] == head {
				seqs[i] = s[1:]
			}
		}
	}
}

func nonEmpty(seqs [][]*Type) [][]*Type {
	out := seqs[:0]
	for _, s := range seqs {
		if len(s) > 0 {
			out = append(out, s)
		}
	}
	return out
}

// c3Head returns the first head that is in no other sequence's tail.
func c3Head(seqs [][]*Type) *Type {
	for _, s := range seqs {
		cand := s[0]
		if !inTails(seqs, cand) {
			return cand
		}
	}
	return nil
}

func inTails(seqs [][]*Type, t *Type) bool {
	for _, s := range seqs {
		for _, c := range s[1:] {
			if c == t {
				return true
			}
		}
	}
	return false
}

func mroConflict(bases []*Type) error {
	names := make([]string, len(bases))
	for i, b := range bases {
		names[i] = b.Name
	}
	return Errorf(TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases %s", strings.Join(names, ", "))
}

// subclassable reports whether classes may derive from the built-in
// type sb (the solid base of a proposed base class).
func subclassable(sb *Type) bool {
	switch sb {
	case ObjectType, TypeType, ListType, TupleType, DictType, SetType, FrozenSetType,
		DefaultDictType, CounterType, OrderedDictType, ABCMetaType, EnumMetaType,
		IntType, FloatType, StrType, BytesType, ByteArrayType:
		return true
	}
	return sb.isException()
}
