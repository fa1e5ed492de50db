package vm

// This file connects LOAD_ATTR, STORE_ATTR and LOAD_METHOD to the
// attribute caches of runtime (runtime.AttrCache): one cache per
// instruction, made the first time the instruction runs.

import "github.com/pyish/pyish/runtime"

// attrCacheAt returns the attribute cache of the instruction at pc.
func attrCacheAt(co *Code, pc int) *runtime.AttrCache {
	if co.attrCaches == nil {
		co.attrCaches = make([]*runtime.AttrCache, len(co.Code))
	}
	c := co.attrCaches[pc]
	if c == nil {
		c = new(runtime.AttrCache)
		co.attrCaches[pc] = c
	}
	return c
}

// loadAttr is LOAD_ATTR of names[i] for the instruction at pc.
func loadAttr(th *runtime.Thread, f *Frame, pc int, obj runtime.Value, i uint32) (runtime.Value, error) {
	if cs := f.code.attrCaches; cs != nil {
		if v, ok := runtime.OwnAttr(obj, cs[pc]); ok {
			return v, nil
		}
	}
	if m, ok := obj.Ref().(*runtime.Module); ok {
		return moduleAttrAt(th, f, pc, m, f.code.Names[i])
	}
	return runtime.LoadAttr(th, obj, f.code.Names[i], attrCacheAt(f.code, pc))
}

// storeAttr is STORE_ATTR of names[i] for the instruction at pc.
func storeAttr(th *runtime.Thread, f *Frame, pc int, obj runtime.Value, i uint32, v runtime.Value) error {
	return runtime.StoreAttr(th, obj, f.code.Names[i], v, attrCacheAt(f.code, pc))
}

// loadMethodCached is LOAD_METHOD on an instance of a class or a super
// object; ok is false for other objects.
func loadMethodCached(th *runtime.Thread, f *Frame, pc int, obj runtime.Value, name string) (m, self runtime.Value, ok bool, err error) {
	return runtime.LoadMethod(th, obj, name, attrCacheAt(f.code, pc))
}
