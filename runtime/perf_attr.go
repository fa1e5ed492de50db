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

// AttrCache is the inline cache of one attribute-access site. The zero
// value is an empty cache.
type AttrCache struct {
	typ   *Type
	ver   uint64
	epoch uint64
	e     cacheEntry // the class lookup of the name
	hooks hookFlags  // the class's attribute hooks
	// method is set when e.v is a function that LOAD_METHOD may call with
	// the instance prepended instead of binding it.
	method bool
	idx    int    // position of the name in the instance dict, last time
	key    Object // the key object at idx
}

// valid reports whether c describes the class t as it is now.
func (c *AttrCache) valid(t *Type) bool {
	return c.typ == t && c.ver == t.version && c.epoch == classEpoch.Load()
}

// fill caches the lookup of name on the class t; it is false (and c
// stays empty) when t is a built-in type.
func (c *AttrCache) fill(t *Type, name string) bool {
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
	c.typ, c.ver, c.epoch = t, t.attrVersion(), epoch
	c.idx, c.key = -1, nil
	return true
}

// instanceAt returns obj as an instance of a class whose lookup of name
// c holds (filling c if needed); nil when c cannot serve obj.
func (c *AttrCache) instanceAt(obj Value, name string) *Instance {
	o, ok := obj.o.(*Instance)
	if !ok {
		return nil
	}
	if !c.valid(o.Class) && !c.fill(o.Class, name) {
		return nil
	}
	return o
}

// dictIndex finds name in the instance dict d: the cached position when
// it still holds the cached key, else a search that updates the cache.
func (c *AttrCache) dictIndex(d *Dict, name string) int {
	if d.EntryKey(c.idx) == c.key && c.key != nil {
		return c.idx
	}
	i := d.StrIndex(name, c.e.hash)
	if i >= 0 {
		c.idx, c.key = i, d.EntryKey(i)
	}
	return i
}

// LoadAttr is GetAttr(th, obj, name) for the site whose cache is c.
func LoadAttr(th *Thread, obj Value, name string, c *AttrCache) (Value, error) {
	o := c.instanceAt(obj, name)
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
	if i := c.dictIndex(&o.dict, name); i >= 0 {
		return o.dict.entries[i].val, nil
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
func StoreAttr(th *Thread, obj Value, name string, v Value, c *AttrCache) error {
	o := c.instanceAt(obj, name)
	if o == nil || c.hooks&hookSetAttr != 0 || c.e.data || o.noDict {
		return SetAttr(th, obj, name, v)
	}
	d := &o.dict
	if i := c.dictIndex(d, name); i >= 0 {
		d.entries[i].val = v
		return nil
	}
	d.appendEntry(c.e.key, c.e.hash, v)
	if n := d.used; n > o.Class.attrHint && n <= 32 {
		o.Class.attrHint = n
	}
	return nil
}

// LoadMethod is the vm's LOAD_METHOD for the site whose cache is c:
// (function, obj) when name is a plain function on obj's class that the
// instance does not shadow, so the call can prepend obj instead of
// binding; else (attribute, null). ok is false when c does not apply
// (obj is not an instance of a class); the caller then looks up itself.
func LoadMethod(th *Thread, obj Value, name string, c *AttrCache) (m, self Value, ok bool, err error) {
	if s, isSuper := obj.o.(*Super); isSuper {
		return superMethod(th, s, name)
	}
	o := c.instanceAt(obj, name)
	if o == nil {
		return Value{}, Value{}, false, nil
	}
	if c.method && c.hooks&hookGetAttribute == 0 && c.dictIndex(&o.dict, name) < 0 {
		return c.e.v, obj, true, nil
	}
	v, err := LoadAttr(th, obj, name, c)
	return v, Value{}, true, err
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
	for _, c := range mro[min(i+1, len(mro)):] {
		if v, ok := c.Dict.GetStr(name); ok {
			return v, true
		}
	}
	return Value{}, false
}
