package runtime

// This file defines the functools module: reduce, partial, cmp_to_key,
// lru_cache and cache, wraps and total_ordering.

import (
	"fmt"
	"strings"
)

// Functools types.
var (
	PartialType  = NewType("functools.partial", nil)
	LRUCacheType = newFinalType("functools._lru_cache_wrapper", nil)
	CmpKeyType   = newFinalType("functools.KeyWrapper", nil)
)

// NewFunctoolsModule builds the functools module.
func NewFunctoolsModule(th *Thread) *Module {
	m := NewModule("functools")
	m.Dict.SetStr("partial", Obj(PartialType))
	for name, fn := range map[string]func(*Thread, []Value, []string) (Value, error){
		"reduce": ftReduce, "cmp_to_key": ftCmpToKey, "lru_cache": ftLRUCache, "cache": ftCache,
		"wraps": ftWraps, "update_wrapper": ftUpdateWrapper, "total_ordering": ftTotalOrdering,
	} {
		name, fn := name, fn
		m.Dict.SetStr(name, NewBuiltin(name, fn))
	}
	m.Dict.SetStr("WRAPPER_ASSIGNMENTS", TupleOf(Str("__module__"), Str("__name__"), Str("__qualname__"), Str("__doc__")))
	return m
}

func ftReduce(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "reduce() takes no keyword arguments")
	}
	if len(args) < 2 || len(args) > 3 {
		return Value{}, Errorf(TypeError, "reduce expected at least 2 arguments, got %d", len(args))
	}
	var acc Value
	if len(args) == 3 {
		acc = args[2]
	}
	err := ForEach(th, args[1], func(v Value) error {
		if acc.IsNull() {
			acc = v
			return nil
		}
		r, err := Call(th, args[0], []Value{acc, v}, nil)
		acc = r
		return err
	})
	if err == nil && acc.IsNull() {
		err = Errorf(TypeError, "reduce() of empty iterable with no initial value")
	}
	return acc, err
}

// Partial is functools.partial.
type Partial struct {
	Fn     Value
	Args   []Value
	KwArgs *Dict
}

// Type implements Object.
func (p *Partial) Type() *Type { return PartialType }

// Call implements Callable: the stored arguments, then the new ones.
func (p *Partial) Call(th *Thread, args []Value, kwnames []string) (Value, error) {
	npos := len(args) - len(kwnames)
	all := append(append([]Value(nil), p.Args...), args[:npos]...)
	kw := p.KwArgs.Copy()
	for i, k := range kwnames {
		kw.SetStr(k, args[npos+i])
	}
	var names []string
	for _, kv := range kw.Items() {
		s, _ := AsString(kv[0])
		names = append(names, s)
		all = append(all, kv[1])
	}
	return Call(th, p.Fn, all, names)
}

// Repr implements HasRepr: functools.partial(<function f at …>, 1, k=2).
func (p *Partial) Repr(th *Thread) (string, error) {
	parts := []string{}
	for _, v := range append([]Value{p.Fn}, p.Args...) {
		r, err := Repr(th, v)
		if err != nil {
			return "", err
		}
		parts = append(parts, r)
	}
	for _, kv := range p.KwArgs.Items() {
		r, err := Repr(th, kv[1])
		if err != nil {
			return "", err
		}
		k, _ := AsString(kv[0])
		parts = append(parts, k+"="+r)
	}
	return "functools.partial(" + strings.Join(parts, ", ") + ")", nil
}

// GetAttr implements HasAttrs.
func (p *Partial) GetAttr(th *Thread, name string) (Value, error) {
	switch name {
	case "func":
		return p.Fn, nil
	case "args":
		return Obj(NewTuple(append([]Value(nil), p.Args...))), nil
	case "keywords":
		return Obj(p.KwArgs.Copy()), nil
	}
	return genericGetAttr(th, Obj(p), name)
}

func partialNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	npos := len(args) - len(kwnames)
	if npos < 1 {
		return Value{}, Errorf(TypeError, "type 'partial' takes at least one argument")
	}
	if !IsCallable(args[0]) {
		return Value{}, Errorf(TypeError, "the first argument must be callable")
	}
	p := &Partial{Fn: args[0], Args: append([]Value(nil), args[1:npos]...), KwArgs: NewDict()}
	p.KwArgs.updateKw(args, kwnames)
	return Obj(p), nil
}

// cmpKey wraps a value for cmp_to_key.
type cmpKey struct {
	cmp, v Value
}

func (k *cmpKey) Type() *Type { return CmpKeyType }

// Compare implements HasCompare through the comparison function.
func (k *cmpKey) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	o, ok := other.o.(*cmpKey)
	if !ok {
		return Value{}, Errorf(TypeError, "other argument must be K instance")
	}
	r, err := Call(th, k.cmp, []Value{k.v, o.v}, nil)
	if err != nil {
		return Value{}, err
	}
	return Compare(th, op, r, Int(0))
}

func ftCmpToKey(th *Thread, args []Value, kwnames []string) (Value, error) {
	var cmp Value
	if err := UnpackArgs("cmp_to_key", args, kwnames, "mycmp", &cmp); err != nil {
		return Value{}, err
	}
	return NewBuiltin("K", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) != 1 {
			return Value{}, Errorf(TypeError, "K() takes exactly one argument (%d given)", len(args))
		}
		return Obj(&cmpKey{cmp: cmp, v: args[0]}), nil
	}), nil
}

// LRUCache is the wrapper made by lru_cache and cache.
type LRUCache struct {
	Fn           Value
	maxsize      int // -1: unbounded
	cache        *Dict
	hits, misses int
	dict         *Dict // the wrapper's attributes (__wrapped__, __name__, …)
}

// Type implements Object.
func (c *LRUCache) Type() *Type { return LRUCacheType }

// Call implements Callable: a cached result, or a call and a new entry.
func (c *LRUCache) Call(th *Thread, args []Value, kwnames []string) (Value, error) {
	keyItems := append([]Value(nil), args...)
	for _, k := range kwnames {
		keyItems = append(keyItems, Str(k))
	}
	key := Obj(NewTuple(keyItems))
	if len(keyItems) == 1 && (args[0].IsInline() || IsInstance(args[0], StrType)) {
		key = args[0]
	}
	if v, ok, err := c.cache.Get(th, key); err != nil || ok {
		if ok {
			c.hits++
			if c.maxsize > 0 { // move to the most recent end
				c.cache.Delete(th, key)
				c.cache.Set(th, key, v)
			}
		}
		return v, err
	}
	c.misses++
	v, err := Call(th, c.Fn, args, kwnames)
	if err != nil {
		return Value{}, err
	}
	if c.maxsize == 0 {
		return v, nil
	}
	if err := c.cache.Set(th, key, v); err != nil {
		return Value{}, err
	}
	if c.maxsize > 0 && c.cache.Len() > c.maxsize {
		c.cache.Delete(th, c.cache.Keys()[0])
	}
	return v, nil
}

// DescrGet implements Descriptor: a cached function used as a method binds.
func (c *LRUCache) DescrGet(th *Thread, obj Value, owner *Type) (Value, error) {
	if obj.IsNull() {
		return Obj(c), nil
	}
	return Obj(&BoundCall{Self: obj, Fn: Obj(c)}), nil
}

// GetAttr implements HasAttrs.
func (c *LRUCache) GetAttr(th *Thread, name string) (Value, error) {
	if v, ok := c.dict.GetStr(name); ok {
		return v, nil
	}
	if name == "__wrapped__" {
		return c.Fn, nil
	}
	if v, ok, err := genericTypeAttr(th, Obj(c), LRUCacheType, name); ok || err != nil {
		return v, err
	}
	return GetAttr(th, c.Fn, name)
}

// SetAttr implements HasSetAttr.
func (c *LRUCache) SetAttr(th *Thread, name string, v Value) error {
	c.dict.SetStr(name, v)
	return nil
}

// DelAttr implements HasSetAttr.
func (c *LRUCache) DelAttr(th *Thread, name string) error {
	if !c.dict.DeleteStr(name) {
		return noAttr(Obj(c), name)
	}
	return nil
}

// Repr implements HasRepr.
func (c *LRUCache) Repr(th *Thread) (string, error) {
	return fmt.Sprintf("<functools._lru_cache_wrapper object at %s>", addrOf(Obj(c))), nil
}

func newLRU(th *Thread, fn Value, maxsize int) (Value, error) {
	if !IsCallable(fn) {
		return Value{}, Errorf(TypeError, "the first argument must be callable")
	}
	c := &LRUCache{Fn: fn, maxsize: maxsize, cache: NewDict(), dict: NewDict()}
	if err := copyWrapperAttrs(th, Obj(c), fn); err != nil {
		return Value{}, err
	}
	return Obj(c), nil
}

func ftLRUCache(th *Thread, args []Value, kwnames []string) (Value, error) {
	maxsize, typed := Value(Int(128)), Value(False)
	if len(args)-len(kwnames) == 1 && IsCallable(args[0]) && !IsInstance(args[0], IntType) {
		return newLRU(th, args[0], 128)
	}
	if err := UnpackArgs("lru_cache", args, kwnames, "maxsize?", &maxsize, "typed?", &typed); err != nil {
		return Value{}, err
	}
	n := -1
	if !maxsize.IsNone() {
		k, err := indexOf(th, maxsize)
		if err != nil {
			return Value{}, Errorf(TypeError, "Expected first argument to be an integer, a callable, or None")
		}
		n = max(int(k), 0)
	}
	return NewBuiltin("decorating_function", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) != 1 {
			return Value{}, Errorf(TypeError, "decorating_function() takes 1 positional argument but %d were given", len(args))
		}
		return newLRU(th, args[0], n)
	}), nil
}

func ftCache(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(args) != 1 || len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "cache() takes 1 positional argument but %d were given", len(args))
	}
	return newLRU(th, args[0], -1)
}

// copyWrapperAttrs is update_wrapper: copy __module__, __name__,
// __qualname__ and __doc__ of wrapped onto wrapper, update its __dict__
// and set __wrapped__.
func copyWrapperAttrs(th *Thread, wrapper, wrapped Value) error {
	for _, name := range []string{"__module__", "__name__", "__qualname__", "__doc__"} {
		v, err := GetAttr(th, wrapped, name)
		if err != nil {
			continue // missing attributes are skipped, as in CPython
		}
		if err := SetAttr(th, wrapper, name, v); err != nil {
			return err
		}
	}
	if d, err := GetAttr(th, wrapped, "__dict__"); err == nil {
		if src, ok := d.o.(*Dict); ok {
			for _, kv := range src.Items() {
				if s, ok := AsString(kv[0]); ok {
					if err := SetAttr(th, wrapper, s, kv[1]); err != nil {
						return err
					}
				}
			}
		}
	}
	return SetAttr(th, wrapper, "__wrapped__", wrapped)
}

func ftUpdateWrapper(th *Thread, args []Value, kwnames []string) (Value, error) {
	var wrapper, wrapped Value
	if err := UnpackArgs("update_wrapper", args, kwnames, "wrapper", &wrapper, "wrapped", &wrapped); err != nil {
		return Value{}, err
	}
	return wrapper, copyWrapperAttrs(th, wrapper, wrapped)
}

func ftWraps(th *Thread, args []Value, kwnames []string) (Value, error) {
	var wrapped Value
	if err := UnpackArgs("wraps", args, kwnames, "wrapped", &wrapped); err != nil {
		return Value{}, err
	}
	return NewBuiltin("decorator", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) != 1 {
			return Value{}, Errorf(TypeError, "decorator takes exactly one argument (%d given)", len(args))
		}
		return args[0], copyWrapperAttrs(th, args[0], wrapped)
	}), nil
}

// total_ordering's derived comparisons, from CPython's functools.
var orderingRules = map[string][][2]string{
	"__lt__": {{"__gt__", "gt_from_lt"}, {"__le__", "le_from_lt"}, {"__ge__", "ge_from_lt"}},
	"__le__": {{"__ge__", "ge_from_le"}, {"__lt__", "lt_from_le"}, {"__gt__", "gt_from_le"}},
	"__gt__": {{"__lt__", "lt_from_gt"}, {"__ge__", "ge_from_gt"}, {"__le__", "le_from_gt"}},
	"__ge__": {{"__le__", "le_from_ge"}, {"__gt__", "gt_from_ge"}, {"__lt__", "lt_from_ge"}},
}

// derived computes a comparison from the root one and ==.
func derived(kind string, root string) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oneArg(kind, args, kwnames); err != nil {
			return Value{}, err
		}
		other := args[0]
		r, err := CallMethod(th, self, root, other)
		if err != nil || r.Is(NotImplemented) {
			return r, err
		}
		rt, err := Truth(th, r)
		if err != nil {
			return Value{}, err
		}
		eq := func() (bool, error) {
			e, err := Compare(th, CmpEq, self, other)
			if err != nil {
				return false, err
			}
			return Truth(th, e)
		}
		switch kind {
		case "gt_from_lt", "lt_from_gt", "le_from_ge", "ge_from_le":
			if kind == "le_from_ge" || kind == "ge_from_le" { // (not a >= b) or a == b
				if !rt {
					return True, nil
				}
				e, err := eq()
				return Bool(e), err
			}
			if rt { // not (a < b) and a != b
				return False, nil
			}
			e, err := eq()
			return Bool(!e), err
		case "le_from_lt", "ge_from_gt": // a < b or a == b
			if rt {
				return True, nil
			}
			e, err := eq()
			return Bool(e), err
		case "ge_from_lt", "le_from_gt": // not (a < b)
			return Bool(!rt), nil
		case "lt_from_le", "gt_from_ge": // a <= b and a != b
			if !rt {
				return False, nil
			}
			e, err := eq()
			return Bool(!e), err
		}
		// gt_from_le, lt_from_ge: not (a <= b)
		return Bool(!rt), nil
	}
}

func ftTotalOrdering(th *Thread, args []Value, kwnames []string) (Value, error) {
	var t *Type
	if err := UnpackArgs("total_ordering", args, kwnames, "cls", &t); err != nil {
		return Value{}, err
	}
	var roots []string
	for _, op := range []string{"__lt__", "__le__", "__gt__", "__ge__"} {
		if _, ok := userSlot(t, op); ok {
			roots = append(roots, op)
		}
	}
	if len(roots) == 0 {
		return Value{}, Errorf(ValueError, "must define at least one ordering operation: < > <= >=")
	}
	root := roots[0]
	for _, r := range roots {
		if r == "__lt__" {
			root = r
		}
	}
	for _, rule := range orderingRules[root] {
		if _, ok := userSlot(t, rule[0]); !ok {
			t.SetAttr(rule[0], Obj(&BuiltinMethod{Name: rule[0], Fn: derived(rule[1], root), Owner: ObjectType}))
		}
	}
	return Obj(t), nil
}

func functoolsInit() {
	PartialType.New = partialNew
	LRUCacheType.SetMethods(map[string]MethodFunc{
		"cache_info": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			c := self.o.(*LRUCache)
			ci, err := namedTuple(th, []Value{Str("CacheInfo"), Str("hits misses maxsize currsize")}, nil)
			if err != nil {
				return Value{}, err
			}
			ms := Value(None)
			if c.maxsize >= 0 {
				ms = Int(int64(c.maxsize))
			}
			return Call(th, ci, []Value{Int(int64(c.hits)), Int(int64(c.misses)), ms, Int(int64(c.cache.Len()))}, nil)
		},
		"cache_clear": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			c := self.o.(*LRUCache)
			c.cache.Clear()
			c.hits, c.misses = 0, 0
			return None, nil
		},
	})
}
