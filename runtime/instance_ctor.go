package runtime

// This file decides, once per class state, whether calling a class takes
// nothing but a bare instance and its __init__ (so the vm can run a pyish
// __init__ as a pushed frame): the answer is cached on the class and
// checked against its version and classEpoch on every call.

// ctorPlan is the cached construction decision of a class.
type ctorPlan struct {
	ver   uint64 // the class's version when the plan was made (0: none)
	epoch uint64 // classEpoch then
	// metaVer is the version of a class metaclass (0 without one).
	metaVer uint64
	init    Value // the __init__ found along the MRO
	bare    bool  // instances are made by newInstance alone
}

// BareInit returns the __init__ of the class t when constructing t needs
// nothing else than a bare instance (object's __new__, plain instance
// layout, no metaclass __call__); ok is false otherwise and Call(t, …)
// does the whole construction.
func BareInit(t *Type) (init Value, ok bool) {
	if t.Flags&(FlagHeap|FlagAbstract) != FlagHeap {
		return Value{}, false
	}
	if p := &t.ctor; p.valid(t) {
		return p.init, p.bare
	}
	return t.planCtor()
}

// NewBare returns a bare instance of the class t, for which BareInit
// reported ok.
func NewBare(t *Type) Value { return Obj(newInstance(t)) }

// AllocInstance makes a bare instance of the class t when constructing
// it needs nothing but __init__ (see BareInit).
func AllocInstance(t *Type) (Value, bool) {
	if _, ok := BareInit(t); !ok {
		return Value{}, false
	}
	return NewBare(t), true
}

// valid reports whether p still describes the class t: neither t, a base,
// nor its metaclass has changed since.
func (p *ctorPlan) valid(t *Type) bool {
	if p.ver == 0 || p.ver != t.version || p.epoch != classEpoch.Load() {
		return false
	}
	m := t.meta
	return m == nil || m.Flags&FlagHeap == 0 || p.metaVer == m.version
}

// planCtor makes and caches the construction plan of the class t.
func (t *Type) planCtor() (Value, bool) {
	p := ctorPlan{epoch: classEpoch.Load(), ver: t.attrVersion()}
	if m := t.meta; m != nil && m.Flags&FlagHeap != 0 {
		p.metaVer = m.attrVersion()
	}
	p.init, _ = t.Lookup("__init__")
	p.bare = t.bareConstruct()
	t.ctor = p
	return p.init, p.bare
}

// bareConstruct reports whether instances of the class t come from
// object.__new__ with a plain layout and no metaclass __call__ override.
func (t *Type) bareConstruct() bool {
	if _, user := userSlot(t, "__new__"); user || t.solidBase() != ObjectType {
		return false
	}
	if t.meta != nil {
		if _, ok := userSlot(t.meta, "__call__"); ok {
			return false
		}
	}
	return true
}
