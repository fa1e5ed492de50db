package runtime

// This file defines type objects: built-in types, their method tables, the
// method resolution order and attribute lookup along it.

import (
	"strings"
	"sync/atomic"
	"unsafe"
)

// TypeFlags describe a type's properties.
type TypeFlags uint32

// Type flags.
const (
	// FlagHeap marks a class created by a class statement or type(name, bases, dict).
	FlagHeap TypeFlags = 1 << iota
	// FlagFinal marks a type that cannot be subclassed (bool, NoneType, …).
	FlagFinal
	// FlagImmutable marks a built-in type whose attributes cannot be set.
	FlagImmutable
	// FlagNoInstanceDict marks a class whose instances have no __dict__
	// (__slots__ without "__dict__").
	FlagNoInstanceDict
)

// NewFunc is the constructor hook of a built-in type: it makes an instance
// of t (t is the type itself or a subclass) from the call's arguments.
type NewFunc func(th *Thread, t *Type, args []Value, kwnames []string) (Value, error)

// Type is a Python type: built-in or a class.
type Type struct {
	Name     string
	Qualname string
	// Module is the __module__ of a built-in type ("" means builtins);
	// classes keep theirs in Dict.
	Module string
	Bases  []*Type
	MRO    []*Type
	Dict   *Dict
	Flags  TypeFlags
	// New creates instances of the type and its subclasses (int(x),
	// list(it), a user subclass of Exception, …). Nil for types that
	// inherit their base's.
	New NewFunc

	meta  *Type // the metaclass (nil: type)
	cache *lookupCache
	// subclasses are the classes that list t among their bases (for cache
	// invalidation).
	subclasses []*Type
	// attrHint is the most attributes an instance has had: new
	// instances' dicts start with that much room.
	attrHint int
	nslots   int // __slots__ values per instance (own and inherited)
	// version identifies the state of the dicts along t's MRO for the
	// vm's inline attribute caches: 0 until a cache asks, reset to 0 when
	// t or a base changes its dict, and never reused.
	version uint64
	shape   *shape   // the attribute shape new instances start with
	ctor    ctorPlan // how calling the class constructs (instance_ctor.go)
}

// lookupCache memoizes MRO lookups of a class (hits and misses), valid
// while epoch equals classEpoch.
type lookupCache struct {
	epoch uint64
	m     map[string]cacheEntry
	// fast is a direct-mapped cache keyed by the name's bytes pointer:
	// the vm passes the same Go strings (its code's names) every time.
	fast [64]fastEntry
	// flags records which attribute hooks the class overrides.
	flags hookFlags
}

type cacheEntry struct {
	v     Value
	owner *Type // the class whose dict holds v; nil when missing
	key   Value // the name as a str value, to key instance dicts
	hash  int64 // StrHash of the name
	descr Descriptor
	data  bool // descr is a data descriptor
	// call is v when it is a function dunder dispatch may call with self
	// without an argument slice (see selfCallerOf).
	call SelfCaller
}

type fastEntry struct {
	p *byte
	n int
	e cacheEntry
}

// hookFlags say which attribute hooks a class defines.
type hookFlags uint8

const (
	hookGetAttribute hookFlags = 1 << iota
	hookGetAttr
	hookSetAttr
	hookDelAttr
)

// classEpoch changes when a class's dict changes in a way that can affect
// any lookup (a descriptor or hook method), invalidating all lookup caches. Only classes (FlagHeap) are cached; built-in types never
// change after init and are shared by all interpreters.
var classEpoch atomic.Uint64

// NewType creates a built-in type named name with one base (nil = object)
// and an empty dict. Call it in package-level var declarations; install
// methods from init() with SetMethods to avoid initialization cycles.
// A dotted name ("asyncio.Future") sets the type's __module__.
func NewType(name string, base *Type) *Type {
	t := &Type{Name: name, Dict: NewDict(), Flags: FlagImmutable}
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		t.Module, t.Name = name[:i], name[i+1:]
	}
	t.Qualname = t.Name
	if base == nil {
		base = ObjectType
	}
	if base != nil {
		t.Bases = []*Type{base}
		t.MRO = append([]*Type{t}, base.MRO...)
	} else {
		t.MRO = []*Type{t}
	}
	return t
}

// Type implements Object: the type of a type is its metaclass.
func (t *Type) Type() *Type {
	if t.meta != nil {
		return t.meta
	}
	return TypeType
}

// SetMethods installs Go methods into t's dict.
func (t *Type) SetMethods(methods map[string]MethodFunc) {
	for name, fn := range methods {
		t.Dict.SetStr(name, Obj(&BuiltinMethod{Name: name, Fn: fn, Owner: t}))
	}
}

// MemberFunc computes a read-only attribute of a built-in object.
type MemberFunc func(th *Thread, self Value) (Value, error)

// SetMembers installs read-only computed attributes (data descriptors)
// into t's dict, like CPython's member and getset descriptors.
func (t *Type) SetMembers(members map[string]MemberFunc) {
	for name, fn := range members {
		t.Dict.SetStr(name, Obj(&Member{Name: name, Get: fn, Owner: t}))
	}
}

// SetAttr stores a class attribute in t's dict.
func (t *Type) SetAttr(name string, v Value) {
	t.Dict.SetStr(name, v)
	if t.Flags&FlagHeap != 0 {
		t.changed(name)
	}
}

// changed drops what the lookup caches of t and its subclasses know about
// name after t's dict changed. Names that change how other attributes
// behave (descriptor and attribute hooks) invalidate every cache.
func (t *Type) changed(name string) {
	switch name {
	case "__get__", "__set__", "__delete__", "__getattribute__", "__getattr__", "__setattr__", "__delattr__":
		classEpoch.Add(1)
		return
	}
	t.forget(name)
}

func (t *Type) forget(name string) {
	t.version = 0
	if c := t.cache; c != nil {
		delete(c.m, name)
		for i := range c.fast {
			if f := &c.fast[i]; f.n == len(name) && f.p != nil && unsafe.String(f.p, f.n) == name {
				*f = fastEntry{}
			}
		}
	}
	for _, s := range t.subclasses {
		s.forget(name)
	}
}

// Lookup finds name in the dicts along t's MRO, without binding.
func (t *Type) Lookup(name string) (Value, bool) {
	v, owner := t.lookupOwner(name)
	return v, owner != nil
}

// lookupOwner is Lookup that also returns the type whose dict holds the
// attribute (nil when no class defines it).
func (t *Type) lookupOwner(name string) (Value, *Type) {
	if t.Flags&FlagHeap == 0 {
		return t.lookupMRO(name)
	}
	e := t.cached(name)
	return e.v, e.owner
}

// cached returns the cache entry of name for the class t.
func (t *Type) cached(name string) *cacheEntry {
	c := t.lookupCache()
	p := unsafe.StringData(name)
	f := &c.fast[(uintptr(unsafe.Pointer(p))>>3^uintptr(len(name)))&63]
	if f.p == p && f.n == len(name) && p != nil {
		return &f.e
	}
	e, ok := c.m[name]
	if !ok {
		v, owner := t.lookupMRO(name)
		e = cacheEntry{v: v, owner: owner, key: Str(name), hash: StrHash(name)}
		if owner != nil {
			e.descr, e.data = descrOf(v)
			e.call = selfCallerOf(v)
		}
		c.m[name] = e
	}
	*f = fastEntry{p: p, n: len(name), e: e}
	return &f.e
}

// lookupCache returns the class's cache, rebuilt after any class changed.
func (t *Type) lookupCache() *lookupCache {
	c := t.cache
	epoch := classEpoch.Load()
	if c != nil && c.epoch == epoch {
		return c
	}
	c = &lookupCache{epoch: epoch, m: make(map[string]cacheEntry, 8)}
	t.cache = c
	for _, h := range []struct {
		name string
		flag hookFlags
	}{{"__getattribute__", hookGetAttribute}, {"__getattr__", hookGetAttr},
		{"__setattr__", hookSetAttr}, {"__delattr__", hookDelAttr}} {
		if _, owner := t.lookupMRO(h.name); owner != nil && owner.Flags&FlagHeap != 0 {
			c.flags |= h.flag
		}
	}
	return c
}

// hooks returns the attribute hooks the class t overrides.
func (t *Type) hooks() hookFlags {
	if t.Flags&FlagHeap == 0 {
		return 0
	}
	return t.lookupCache().flags
}

func (t *Type) lookupMRO(name string) (Value, *Type) {
	for _, c := range t.MRO {
		if v, ok := c.Dict.GetStr(name); ok {
			return v, c
		}
	}
	return Value{}, nil
}

// IsSubtype reports whether t is s or a subclass of s.
func IsSubtype(t, s *Type) bool {
	if t == s {
		return true
	}
	if t == nil {
		return false
	}
	for _, c := range t.MRO {
		if c == s {
			return true
		}
	}
	return false
}

// TypeOf returns the Python type of v.
func TypeOf(v Value) *Type { return v.Type() }

// IsInstance is Python's isinstance(v, t) for one type.
func IsInstance(v Value, t *Type) bool {
	if v.IsNull() {
		return false
	}
	return IsSubtype(v.Type(), t)
}

// FullName is the type's name as CPython's repr shows it: qualified by
// its module unless it is a built-in.
func (t *Type) FullName() string {
	m := t.ModuleName()
	if m == "builtins" {
		return t.Qualname
	}
	return m + "." + t.Qualname
}

// ModuleName returns the type's __module__ as a Go string.
func (t *Type) ModuleName() string {
	if t.Flags&FlagHeap != 0 {
		if v, ok := t.Dict.GetStr("__module__"); ok {
			if s, ok := AsString(v); ok {
				return s
			}
		}
		return "builtins"
	}
	if t.Module == "" {
		return "builtins"
	}
	return t.Module
}

// newFunc returns the constructor hook that makes instances of t: the
// New of the first type along its MRO that has one.
func (t *Type) newFunc() (NewFunc, *Type) {
	for _, c := range t.MRO {
		if c.New != nil {
			return c.New, c
		}
	}
	return nil, nil
}

// solidBase returns the built-in type whose instance layout t's instances
// have (object for plain classes, BaseException for exceptions, …).
func (t *Type) solidBase() *Type {
	for _, c := range t.MRO {
		if c.Flags&FlagHeap == 0 {
			if c.New != nil || c == ObjectType {
				return c
			}
		}
	}
	return ObjectType
}

// isException reports whether instances of t are exceptions.
func (t *Type) isException() bool { return IsSubtype(t, BaseException) }
