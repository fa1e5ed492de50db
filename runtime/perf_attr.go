package runtime

// This file defines the inline caches the vm keeps per attribute-access
// site (LOAD_ATTR, STORE_ATTR, LOAD_METHOD) for instances of classes: a
// copy of what the class lookup of the name found, valid while the
// class's version and classEpoch are unchanged, plus where the instance
// dict held the name last time (instances of one class usually store
// their attributes in the same order, under the same key object).

import "sync/atomic"

// typeVersions hands out class versions; a version is never reused, so a
// cache filled for an older state of a class can never match again.
var typeVersions atomic.Uint64

// attrVersion returns t's current version, assigning one if t changed
// since the last cache asked.
func (t *Type) attrVersion() uint64 {
	if t.version == 0 {
		t.version = typeVersions.Add(1)
	}
	return t.version
}

// AttrCache is the inline cache of one attribute-access site: what it
// knows about the first class seen there and, for sites that see
// several classes, a few more. The zero value is an empty cache.
type AttrCache struct {
	first attrEntry
	more  *[attrWays - 1]attrEntry
	next  uint8 // the way of more refilled next
	// cls is what LOAD_METHOD found on a class object (Base.__init__).
	cls *classEntry
}

// classEntry is a plain function that looking name up on the class typ
// found, unbound (a function read from a class is itself), valid while
// typ's version and classEpoch are unchanged.
type classEntry struct {
	typ   *Type
	ver   uint64
	epoch uint64
	fn    Value
}

// classFunction returns the function that reading name on the class t
// gives, when it is a plain function the lookup found along t's MRO and
// t's metaclass is type, whose dict (built in) has no data descriptor
// of that name to take precedence; ok is false otherwise.
func (c *AttrCache) classFunction(t *Type, name string) (Value, bool) {
	epoch := classEpoch.Load()
	if e := c.cls; e != nil && e.typ == t && e.ver == t.version && e.epoch == epoch {
		return e.fn, true
	}
	if t.Flags&FlagHeap == 0 || t.meta != nil {
		return Value{}, false
	}
	if mv, ok := TypeType.Lookup(name); ok {
		if _, data := descrOf(mv); data {
			return Value{}, false
		}
	}
	v, owner := t.lookupOwner(name)
	if _, isFn := v.o.(pyFunction); owner == nil || !isFn {
		return Value{}, false
	}
	c.cls = &classEntry{typ: t, ver: t.attrVersion(), epoch: epoch, fn: v}
	return v, true
}

// attrWays is how many classes a site's cache remembers.
const attrWays = 4

// attrEntry is what an AttrCache knows about one class.
type attrEntry struct {
	typ   *Type
	ver   uint64
	epoch uint64
	e     cacheEntry // the class lookup of the name
	hooks hookFlags  // the class's attribute hooks
	// method is set when e.v is a function that LOAD_METHOD may call with
	// the instance prepended instead of binding it.
	method bool
	// loadOwn and storeOwn are set when the instance's own attribute is
	// what reading, or writing, the name reaches (no data descriptor, no
	// __getattribute__ or __setattr__ override).
	loadOwn, storeOwn bool
	// For shaped instances: the shape seen last, the name's position in
	// it (-1: absent) and, for STORE_ATTR, the shape adding the name.
	shape *shape
	sidx  int
	// ownIdx is sidx when loadOwn is set, else -1: OwnAttr's one test.
	ownIdx int
	// unshadowed is set when shape holds no attribute name and method is
	// set (and no __getattribute__): CachedMethod's one test.
	unshadowed bool
	added      *shape
	// For instances with a dict: where the name was last time.
	idx int
	key *String
}

// valid reports whether c describes the class t as it is now.
func (c *attrEntry) valid(t *Type, epoch uint64) bool {
	return c.typ == t && c.ver == t.version && c.epoch == epoch
}

// fill caches the lookup of name on the class t; it is false (and c
// stays empty) when t is a built-in type.
func (c *attrEntry) fill(t *Type, name string) bool {
	if t.Flags&FlagHeap == 0 {
		c.typ = nil
		return false
	}
	epoch := classEpoch.Load() // before the lookup: a later change invalidates
	c.hooks = t.hooks()
	c.e = *t.cached(name)
	c.method = false
	if c.e.owner != nil && !c.e.data {
		switch c.e.v.o.(type) {
		case pyFunction, *BuiltinMethod:
			c.method = true
		}
	}
	c.loadOwn = !c.e.data && c.hooks&hookGetAttribute == 0
	c.storeOwn = !c.e.data && c.hooks&hookSetAttr == 0
	c.typ, c.ver, c.epoch = t, t.attrVersion(), epoch
	c.shape, c.sidx, c.ownIdx, c.added, c.idx, c.key = nil, -1, -1, nil, -1, nil
	c.unshadowed = false
	return true
}

// instanceAt returns obj as an instance of a class and the entry of c
// that describes its class (filling one if needed); nil when c cannot
// serve obj.
func (c *AttrCache) instanceAt(obj Value, name string) (*Instance, *attrEntry) {
	o, ok := obj.o.(*Instance)
	if !ok {
		return nil, nil
	}
	t, epoch := o.Class, classEpoch.Load()
	if c.first.valid(t, epoch) {
		return o, &c.first
	}
	if m := c.more; m != nil {
		for i := range m {
			if m[i].valid(t, epoch) {
				return o, &m[i]
			}
		}
	}
	e := c.victim(t)
	if !e.fill(t, name) {
		return nil, nil
	}
	return o, e
}

// hit returns the entry of c filled for o's class, as the class still
// is, and for o's shape (so its shape fields describe o); nil if none is.
// It is the fast path of sites that see several classes, as a method of
// a base class sees its subclasses' instances.
func (c *AttrCache) hit(o *Instance) *attrEntry {
	t, epoch := o.Class, classEpoch.Load()
	if e := &c.first; e.shape == o.shape && e.typ == t && e.ver == t.version && e.epoch == epoch {
		return e
	}
	if m := c.more; m != nil {
		for i := range m {
			if e := &m[i]; e.shape == o.shape && e.typ == t && e.ver == t.version && e.epoch == epoch {
				return e
			}
		}
	}
	return nil
}

// victim returns the entry to refill for the class t: the first one
// while it is free or stale for t, else the ways of more in turn.
func (c *AttrCache) victim(t *Type) *attrEntry {
	if c.first.typ == nil || c.first.typ == t {
		return &c.first
	}
	if c.more == nil {
		c.more = new([attrWays - 1]attrEntry)
	}
	for i := range c.more {
		if e := &c.more[i]; e.typ == nil || e.typ == t {
			return e
		}
	}
	e := &c.more[c.next]
	c.next = (c.next + 1) % (attrWays - 1)
	return e
}

// shapeIndex returns the position of name in the shape s.
func (c *attrEntry) shapeIndex(s *shape, name string) int {
	if s != c.shape {
		c.shape, c.sidx, c.added = s, s.find(name, c.e.hash), nil
		c.ownIdx = -1
		if c.loadOwn {
			c.ownIdx = c.sidx
		}
		c.unshadowed = c.sidx < 0 && c.method && c.hooks&hookGetAttribute == 0
	}
	return c.sidx
}

// dictIndex finds name in the instance dict d (nil: none): the cached
// position when it still holds the cached key, else a search that
// updates the cache.
func (c *attrEntry) dictIndex(d *Dict, name string) int {
	if d == nil {
		return -1
	}
	if i := c.idx; uint(i) < uint(len(d.entries)) {
		if k, ok := d.entries[i].key.o.(*String); ok && k == c.key {
			return i
		}
	}
	i := d.StrIndex(name, c.e.hash)
	if i >= 0 {
		c.idx = i
		c.key, _ = d.entries[i].key.o.(*String)
	}
	return i
}

// ownAttr returns the instance's own attribute name through the cache.
func (c *attrEntry) ownAttr(o *Instance, name string) (Value, bool) {
	if s := o.shape; s != nil {
		if i := c.shapeIndex(s, name); i >= 0 {
			return o.vals[i], true
		}
		return Value{}, false
	}
	if d := o.attrDict(); d != nil {
		if i := c.dictIndex(d, name); i >= 0 {
			return d.entries[i].val, true
		}
	}
	return Value{}, false
}

// OwnAttr is LoadAttr's common case, small enough for the vm to inline:
// obj is an instance whose own attribute the site read last time, from
// the same shape of the same unchanged class. ok is false otherwise (and
// for a nil cache); the caller then calls LoadAttr.
func OwnAttr(obj Value, ac *AttrCache) (v Value, ok bool) {
	if o, isInst := obj.o.(*Instance); isInst && ac != nil {
		if c := &ac.first; c.shape == o.shape && c.typ == o.Class && c.ownIdx >= 0 &&
			c.ver == o.Class.version && c.epoch == classEpoch.Load() {
			return o.vals[c.ownIdx], true
		}
	}
	return Value{}, false
}

// CachedMethod is LoadMethod's common case, small enough for the vm to
// inline: obj is an instance of the same shape of the same unchanged
// class as last time, and name is a method of the class that the shape
// does not shadow. ok is false otherwise (and for a nil cache).
func CachedMethod(obj Value, ac *AttrCache) (m Value, ok bool) {
	if o, isInst := obj.o.(*Instance); isInst && ac != nil {
		if c := &ac.first; c.shape == o.shape && c.typ == o.Class && c.unshadowed &&
			c.ver == o.Class.version && c.epoch == classEpoch.Load() {
			return c.e.v, true
		}
	}
	return Value{}, false
}

// LoadAttr is GetAttr(th, obj, name) for the site whose cache is c.
func LoadAttr(th *Thread, obj Value, name string, ac *AttrCache) (Value, error) {
	if o, ok := obj.o.(*Instance); ok {
		if c := ac.hit(o); c != nil && c.ownIdx >= 0 {
			return o.vals[c.ownIdx], nil // the common case, kept small
		}
	}
	return loadAttr(th, obj, name, ac)
}

// loadAttr is LoadAttr past its fast path.
func loadAttr(th *Thread, obj Value, name string, ac *AttrCache) (Value, error) {
	o, c := ac.instanceAt(obj, name)
	if o == nil {
		return GetAttr(th, obj, name)
	}
	if c.hooks&hookGetAttribute != 0 {
		return o.GetAttr(th, name)
	}
	t, e := o.Class, &c.e
	if e.data {
		return e.descr.DescrGet(th, obj, t)
	}
	if v, ok := c.ownAttr(o, name); ok {
		return v, nil
	}
	if e.descr != nil {
		return e.descr.DescrGet(th, obj, t)
	}
	if e.owner != nil {
		return e.v, nil
	}
	return o.GetAttr(th, name) // __dict__, __getattr__ or AttributeError
}

// StoreAttr is SetAttr(th, obj, name, v) for the site whose cache is c.
func StoreAttr(th *Thread, obj Value, name string, v Value, ac *AttrCache) error {
	if o, ok := obj.o.(*Instance); ok {
		if c := ac.hit(o); c != nil && c.storeOwn {
			switch {
			case c.sidx >= 0:
				o.vals[c.sidx] = v // the common case, kept small
				return nil
			case c.added != nil: // a new name, as in __init__: the usual shape change
				o.addAttr(c.added, v)
				return nil
			}
		}
	}
	return storeAttr(th, obj, name, v, ac)
}

// addAttr appends the value of a new attribute to the shaped instance o,
// whose shape becomes s.
func (o *Instance) addAttr(s *shape, v Value) {
	o.shape = s
	if n := len(o.vals); n < cap(o.vals) {
		o.vals = o.vals[:n+1]
		o.vals[n] = v
	} else {
		o.vals = append(o.vals, v)
	}
	if len(o.vals) > o.Class.attrHint {
		o.Class.noteAttrs(len(o.vals))
	}
}

// storeAttr is StoreAttr past its fast path.
func storeAttr(th *Thread, obj Value, name string, v Value, ac *AttrCache) error {
	o, c := ac.instanceAt(obj, name)
	if o == nil || c.hooks&hookSetAttr != 0 || c.e.data || o.noDict() {
		return SetAttr(th, obj, name, v)
	}
	if s := o.shape; s != nil {
		if i := c.shapeIndex(s, name); i >= 0 {
			o.vals[i] = v
			return nil
		}
		if c.added != nil { // the name is new: the usual shape change
			o.addAttr(c.added, v)
			return nil
		}
		o.storeOwnAttr(name, c.e.key, c.e.hash, v)
		if o.shape != nil {
			c.added = o.shape
		}
		return nil
	}
	if d := o.attrDict(); d != nil {
		if i := c.dictIndex(d, name); i >= 0 {
			d.entries[i].val = v
			return nil
		}
	}
	o.storeOwnAttr(name, c.e.key, c.e.hash, v)
	return nil
}

// LoadMethod is the vm's LOAD_METHOD for the site whose cache is c:
// (function, obj) when name is a plain function on obj's class that the
// instance does not shadow, so the call can prepend obj instead of
// binding; else (attribute, null). ok is false when c does not apply
// (obj is not an instance of a class); the caller then looks up itself.
func LoadMethod(th *Thread, obj Value, name string, ac *AttrCache) (m, self Value, ok bool, err error) {
	if o, ok := obj.o.(*Instance); ok {
		if c := ac.hit(o); c != nil && c.unshadowed {
			return c.e.v, obj, true, nil // a method the instance does not shadow, as last time
		}
	}
	if s, isSuper := obj.o.(*Super); isSuper {
		return superMethod(th, s, name)
	}
	if t, isType := obj.o.(*Type); isType {
		if fn, ok := ac.classFunction(t, name); ok {
			return fn, Value{}, true, nil // Base.__init__(self, ...): called as it is
		}
	}
	o, c := ac.instanceAt(obj, name)
	if o == nil {
		return Value{}, Value{}, false, nil
	}
	if c.method && c.hooks&hookGetAttribute == 0 {
		if _, shadowed := c.ownAttr(o, name); !shadowed {
			return c.e.v, obj, true, nil
		}
	}
	v, err := LoadAttr(th, obj, name, ac)
	return v, Value{}, true, err
}

// SuperMethod is LOAD_METHOD of name on super(t, obj), as the vm's
// LOAD_SUPER_METHOD: the common case, a plain function on an instance's
// class, makes no super object.
func SuperMethod(th *Thread, t *Type, obj Value, name string) (m, self Value, err error) {
	if _, isType := obj.o.(*Type); !isType && name != "__class__" && IsInstance(obj, t) {
		s := Super{This: t, Obj: obj, ObjType: obj.Type()}
		if v, found := s.lookup(name); found {
			switch v.o.(type) {
			case pyFunction, *BuiltinMethod:
				return v, obj, nil
			}
		}
	}
	sv, err := NewSuper(th, t, obj)
	if err != nil {
		return Value{}, Value{}, err
	}
	m, self, _, err = superMethod(th, sv.o.(*Super), name)
	return m, self, err
}

// superMethod is LOAD_METHOD on a super object: a plain function found
// after s.This in the MRO is returned unbound with the instance as self
// (super().m(...) without a bound method).
func superMethod(th *Thread, s *Super, name string) (m, self Value, ok bool, err error) {
	if !s.Obj.Is(Obj(s.ObjType)) && name != "__class__" {
		if v, found := s.lookup(name); found {
			switch v.o.(type) {
			case pyFunction, *BuiltinMethod:
				return v, s.Obj, true, nil
			}
		}
	}
	v, err := s.GetAttr(th, name)
	return v, Value{}, true, err
}

// lookup finds name in the dicts after s.This along the MRO of s.ObjType.
func (s *Super) lookup(name string) (Value, bool) {
	mro := s.ObjType.MRO
	i := 0
	for i < len(mro) && mro[i] != s.This {
		i++
	}
	rest := mro[min(i+1, len(mro)):]
	if len(rest) > 0 && rest[0].Flags&FlagHeap != 0 && sameTypes(rest[0].MRO, rest) {
		// The rest of the MRO is the next class's own (always so under
		// single inheritance): its lookup cache answers.
		v, owner := rest[0].lookupOwner(name)
		return v, owner != nil
	}
	for _, c := range rest {
		if v, ok := c.Dict.GetStr(name); ok {
			return v, true
		}
	}
	return Value{}, false
}

// sameTypes reports whether a and b list the same types.
func sameTypes(a, b []*Type) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
