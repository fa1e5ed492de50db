package vm

// This file defines the inline caches of global name lookups: each code
// object remembers, per name, which dict entry LOAD_GLOBAL found, and
// checks on every use that the entry still holds that key.

import (
	"strings"

	"github.com/pyish/pyish/runtime"
)

// globalCache is where a global name was last found: the entry at idx of
// from (the globals themselves or the builtins) holding the key object
// key. A cache is for one globals dict; a builtins entry is used only
// while the globals still lack the name, which they do while no key has
// been added to them since (added).
type globalCache struct {
	globals *runtime.Dict
	from    *runtime.Dict
	key     *runtime.String
	idx     int
	added   uint64
}

// loadGlobal is LOAD_GLOBAL: globals, then builtins, through the cache.
func loadGlobal(th *runtime.Thread, f *Frame, i uint32) (runtime.Value, error) {
	co := f.code
	if co.globalCaches == nil {
		co.globalCaches = make([]globalCache, len(co.Names))
	}
	c := &co.globalCaches[i]
	if c.globals == f.globals {
		if c.from == f.globals {
			if v, ok := c.from.StrEntryValue(c.idx, c.key); ok {
				return v, nil
			}
		} else if c.from == th.Builtins && f.globals.KeysAdded() == c.added {
			if v, ok := c.from.StrEntryValue(c.idx, c.key); ok {
				return v, nil
			}
		}
	}
	return loadGlobalSlow(th, f, i, c)
}

// loadGlobalSlow looks the name up and refills the cache.
func loadGlobalSlow(th *runtime.Thread, f *Frame, i uint32, c *globalCache) (runtime.Value, error) {
	co := f.code
	name, h := co.Names[i], runtime.StrKeyHash(co.NameVals[i])
	*c = globalCache{}
	if j := f.globals.StrIndex(name, h); j >= 0 {
		key := f.globals.EntryKey(j)
		if s, ok := key.(*runtime.String); ok {
			*c = globalCache{globals: f.globals, from: f.globals, key: s, idx: j}
		}
		v, _ := f.globals.EntryValue(j, key)
		return v, nil
	}
	// A key that is not a str may still equal the name (not cached).
	if v, ok, err := dictGet(th, f.globals, co.NameVals[i]); err != nil || ok {
		return v, err
	}
	if b := th.Builtins; b != nil {
		if j := b.StrIndex(name, h); j >= 0 {
			key := b.EntryKey(j)
			if s, ok := key.(*runtime.String); ok {
				*c = globalCache{globals: f.globals, from: b, key: s, idx: j, added: f.globals.KeysAdded()}
			}
			v, _ := b.EntryValue(j, key)
			return v, nil
		}
		if v, ok, err := dictGet(th, b, co.NameVals[i]); err != nil || ok {
			return v, err
		}
	}
	return runtime.Value{}, nameError(th, f, name)
}

// methodCache is what LOAD_METHOD found on a built-in type (immutable
// once set up): the plain method, or the zero Value when the name is not
// a plain method of the type.
type methodCache struct {
	typ  *runtime.Type
	meth runtime.Value
}

// loadMethodAt is loadMethod for the instruction at pc: the method cache
// of an exact str, dict or list first (the run loop inlines this part).
func loadMethodAt(th *runtime.Thread, f *Frame, pc int, obj runtime.Value, name string) (runtime.Value, runtime.Value, error) {
	if t := runtime.ExactBuiltinType(obj); t != nil && f.code.methodCaches != nil {
		if c := &f.code.methodCaches[pc]; c.typ == t && !c.meth.IsNull() {
			return c.meth, obj, nil // the hit below, without its checks
		}
	}
	return loadMethodSlow(th, f, pc, obj, name)
}

// loadMethodSlow is loadMethodAt past its fast path: through the site's
// attribute cache for instances of classes, caching the type lookup when
// obj's type is built in.
func loadMethodSlow(th *runtime.Thread, f *Frame, pc int, obj runtime.Value, name string) (runtime.Value, runtime.Value, error) {
	if cs := f.code.attrCaches; cs != nil {
		if m, ok := runtime.CachedMethod(obj, cs[pc]); ok {
			return m, obj, nil
		}
	}
	if m, ok := obj.Ref().(*runtime.Module); ok { // math.sqrt(x): no method to bind
		v, err := moduleAttrAt(th, f, pc, m, name)
		return v, runtime.Value{}, err
	}
	if m, self, ok, err := loadMethodCached(th, f, pc, obj, name); ok {
		return m, self, err
	}
	t := obj.Type()
	if t.Flags&(runtime.FlagHeap|runtime.FlagImmutable) != runtime.FlagImmutable {
		return loadMethod(th, obj, name)
	}
	co := f.code
	if co.methodCaches == nil {
		co.methodCaches = make([]methodCache, len(co.Code))
	}
	c := &co.methodCaches[pc]
	if c.typ != t {
		*c = methodCache{typ: t}
		if m, ok := t.Lookup(name); ok {
			switch m.Object().(type) {
			case *Function, *runtime.BuiltinMethod:
				c.meth = m
			}
		}
	}
	if !c.meth.IsNull() && !instanceShadows(th, obj, name) {
		return c.meth, obj, nil
	}
	v, err := runtime.GetAttr(th, obj, name)
	return v, runtime.Value{}, err
}

// moduleCache is where a module attribute was last found: the entry at
// idx of the module's dict, holding the key object key.
type moduleCache struct {
	dict *runtime.Dict
	key  *runtime.String
	idx  int
}

// moduleAttrAt is LOAD_ATTR or LOAD_METHOD of name on module m for the
// instruction at pc. A module's attributes come from its dict before
// anything else (Module.GetAttr), so while the cached entry still holds
// the name, its value is the attribute. Dunder names are not cached.
func moduleAttrAt(th *runtime.Thread, f *Frame, pc int, m *runtime.Module, name string) (runtime.Value, error) {
	co := f.code
	if co.moduleCaches != nil {
		if c := &co.moduleCaches[pc]; c.dict == m.Dict {
			if v, ok := c.dict.StrEntryValue(c.idx, c.key); ok {
				return v, nil
			}
		}
	}
	v, err := m.GetAttr(th, name)
	if err != nil || strings.HasPrefix(name, "__") {
		return v, err
	}
	if j := m.Dict.StrIndex(name, runtime.StrHash(name)); j >= 0 {
		if key, ok := m.Dict.EntryKey(j).(*runtime.String); ok {
			if co.moduleCaches == nil {
				co.moduleCaches = make([]moduleCache, len(co.Code))
			}
			co.moduleCaches[pc] = moduleCache{dict: m.Dict, key: key, idx: j}
		}
	}
	return v, nil
}
