package runtime

// This file defines instances of user classes: every capability is a
// dunder method looked up on the class.

import "fmt"

// Instance is an instance of a user class whose instances are plain
// objects (not exceptions): its class and its attributes, kept in a
// shape and a value slice until something needs them as a dict (see
// instance_shape.go).
type Instance struct {
	Class *Type
	shape *shape  // the names of vals; nil once the instance has a dict
	vals  []Value // attribute values, in the order of shape's names
	// ext holds what few instances have: a made attribute dict and
	// __slots__ values (48 bytes per instance instead of 64).
	ext *instanceExt
}

// instanceExt is the rarely needed part of an instance.
type instanceExt struct {
	dict  *Dict   // the attribute dict, once made
	slots []Value // __slots__ values
}

// noDict reports whether the instance has no attribute dict: object()
// instances and those of __slots__ classes without "__dict__".
func (o *Instance) noDict() bool {
	return o.Class.Flags&FlagNoInstanceDict != 0 || o.Class == ObjectType
}

// attrDict returns the instance's made attribute dict (nil while none).
func (o *Instance) attrDict() *Dict {
	if o.ext == nil {
		return nil
	}
	return o.ext.dict
}

// more returns the instance's rare part, adding it if needed.
func (o *Instance) more() *instanceExt {
	if o.ext == nil {
		o.ext = &instanceExt{}
	}
	return o.ext
}

// slotVals returns the instance's __slots__ values (nil when none is set).
func (o *Instance) slotVals() []Value {
	if o.ext == nil {
		return nil
	}
	return o.ext.slots
}

// setSlotVals replaces the instance's __slots__ values.
func (o *Instance) setSlotVals(vs []Value) {
	if vs == nil && o.ext == nil {
		return
	}
	o.more().slots = vs
}

// newInstance returns a bare instance of the class t.
func newInstance(t *Type) *Instance {
	if t.Flags&FlagNoInstanceDict != 0 {
		return &Instance{Class: t}
	}
	if t.Flags&FlagHeap == 0 {
		return &Instance{Class: t, ext: &instanceExt{dict: &Dict{}}}
	}
	o := allocShaped(t.attrHint)
	o.Class, o.shape = t, t.emptyShape()
	return o
}

// allocShaped allocates an instance with room for n attribute values,
// in the same allocation while n is small.
func allocShaped(n int) *Instance {
	switch {
	case n == 0:
		return &Instance{}
	case n <= 2:
		b := &struct {
			Instance
			a [2]Value
		}{}
		b.vals = b.a[:0]
		return &b.Instance
	case n <= 4:
		b := &struct {
			Instance
			a [4]Value
		}{}
		b.vals = b.a[:0]
		return &b.Instance
	case n <= 8:
		b := &struct {
			Instance
			a [8]Value
		}{}
		b.vals = b.a[:0]
		return &b.Instance
	}
	return &Instance{vals: make([]Value, 0, n)}
}

// Attrs returns the instance's attribute dict (nil for object()).
func (o *Instance) Attrs() *Dict {
	if o.noDict() {
		return nil
	}
	if d := o.attrDict(); d != nil {
		return d
	}
	o.makeDict()
	return o.ext.dict
}

// Type implements Object.
func (o *Instance) Type() *Type { return o.Class }

// userSlot finds the dunder name on t when a class (not a built-in
// type) defines it; a built-in default means "not overridden".
func userSlot(t *Type, name string) (Value, bool) {
	if t.Flags&FlagHeap == 0 && !hasGoSubclass(t) {
		return Value{}, false // no dict along t's MRO is a class's
	}
	v, owner := t.lookupOwner(name)
	if !overrides(owner) {
		return Value{}, false
	}
	return v, true
}

// hasGoSubclass reports whether a type along the built-in type t's MRO
// is a Go-written subclass, whose methods count as overrides.
func hasGoSubclass(t *Type) bool {
	for _, c := range t.MRO {
		if c.Flags&FlagGoSubclass != 0 {
			return true
		}
	}
	return false
}

// pyFunction matches the vm's functions, which bind by prepending self
// (so a dunder call needs no bound method).
type pyFunction interface {
	Callable
	Descriptor
	IsGeneratorFunction() bool
}

// callSlot calls the method m found on self's type with self and args.
// args does not escape (every path passes on a copy or its items), so
// callers' variadic slices stay on their stacks.
func callSlot(th *Thread, m, self Value, args ...Value) (Value, error) {
	switch f := m.o.(type) {
	case *BuiltinMethod:
		return f.Fn(th, self, append([]Value(nil), args...), nil)
	case pyFunction:
		if c, ok := f.(SelfCaller); ok && len(args) <= 1 {
			if len(args) == 0 {
				return c.CallSelf0(th, self)
			}
			return c.CallSelf1(th, self, args[0])
		}
		all := make([]Value, 0, len(args)+1)
		all = append(all, self)
		all = append(all, args...)
		return f.Call(th, all, nil)
	}
	if d, _ := descrOf(m); d != nil {
		b, err := d.DescrGet(th, self, self.Type())
		if err != nil {
			return Value{}, err
		}
		return Call(th, b, append([]Value(nil), args...), nil)
	}
	return Call(th, m, append([]Value(nil), args...), nil)
}

// selfCallerOf returns the function m when callSlot may call it through
// SelfCaller (it binds by prepending self), else nil.
func selfCallerOf(m Value) SelfCaller {
	if f, ok := m.o.(pyFunction); ok {
		c, _ := f.(SelfCaller)
		return c
	}
	return nil
}

// callEntry is callSlot of the method a class lookup found (e), taking
// the function the lookup resolved once instead of testing m's type on
// every call.
func (e *cacheEntry) callSlot(th *Thread, self Value, args ...Value) (Value, error) {
	if c := e.call; c != nil {
		switch len(args) {
		case 0:
			return c.CallSelf0(th, self)
		case 1:
			return c.CallSelf1(th, self, args[0])
		}
	}
	return callSlot(th, e.v, self, args...)
}

// callUserSlot calls the dunder name of self if a class defines it.
func callUserSlot(th *Thread, self Value, name string, args ...Value) (Value, bool, error) {
	if t := self.Type(); t.Flags&FlagHeap != 0 {
		e := t.cached(name)
		if !overrides(e.owner) {
			return Value{}, false, nil
		}
		r, err := e.callSlot(th, self, args...)
		return r, true, err
	}
	m, ok := userSlot(self.Type(), name)
	if !ok {
		return Value{}, false, nil
	}
	r, err := callSlot(th, m, self, args...)
	return r, true, err
}

// GetAttr implements HasAttrs (object.__getattribute__ plus __getattr__).
func (o *Instance) GetAttr(th *Thread, name string) (Value, error) {
	if o.shape == nil || o.Class.hooks()&hookGetAttribute != 0 {
		return instanceGetAttr(th, Obj(o), o.Attrs(), name)
	}
	return o.shapedGetAttr(th, name)
}

// shapedGetAttr is dictGetAttr for a shaped instance (of a class that
// does not override __getattribute__).
func (o *Instance) shapedGetAttr(th *Thread, name string) (Value, error) {
	t := o.Class
	e := t.cached(name)
	if e.data {
		return e.descr.DescrGet(th, Obj(o), t)
	}
	if i := o.shape.find(name, e.hash); i >= 0 {
		return o.vals[i], nil
	}
	if e.descr != nil {
		return e.descr.DescrGet(th, Obj(o), t)
	}
	if e.owner != nil {
		return e.v, nil
	}
	if name == "__dict__" {
		return Obj(o.Attrs()), nil
	}
	if t.hooks()&hookGetAttr == 0 {
		return Value{}, noAttr(Obj(o), name)
	}
	return instanceGetAttrFallback(th, Obj(o), name, nil)
}

// instanceGetAttr is attribute lookup for objects with a dict and a
// class that may define __getattribute__ or __getattr__.
func instanceGetAttr(th *Thread, self Value, dict *Dict, name string) (Value, error) {
	t := self.Type()
	hooks := t.hooks()
	if hooks&hookGetAttribute == 0 {
		v, ok, err := dictGetAttr(th, self, dict, t, name)
		if ok || err != nil {
			return v, err
		}
		if hooks&hookGetAttr == 0 {
			return Value{}, noAttr(self, name)
		}
		return instanceGetAttrFallback(th, self, name, nil)
	}
	if ga, ok := userSlot(t, "__getattribute__"); ok {
		v, err := callSlot(th, ga, self, Str(name))
		if err == nil {
			return v, nil
		}
		if e, ok := err.(*Exception); !ok || !e.Matches(AttributeError) {
			return Value{}, err
		}
		return instanceGetAttrFallback(th, self, name, err)
	}
	v, ok, err := dictGetAttr(th, self, dict, t, name)
	if ok || err != nil {
		return v, err
	}
	return instanceGetAttrFallback(th, self, name, noAttr(self, name))
}

// instanceGetAttrFallback calls __getattr__ if the class has one, else
// returns the lookup's error.
func instanceGetAttrFallback(th *Thread, self Value, name string, err error) (Value, error) {
	if g, ok := self.Type().Lookup("__getattr__"); ok {
		return callSlot(th, g, self, Str(name))
	}
	return Value{}, err
}

// SetAttr implements HasSetAttr (a class's __setattr__ or object's).
func (o *Instance) SetAttr(th *Thread, name string, v Value) error {
	t := o.Class
	if t.hooks()&hookSetAttr != 0 {
		if m, ok := userSlot(t, "__setattr__"); ok {
			_, err := callSlot(th, m, Obj(o), Str(name), v)
			return err
		}
	}
	if o.noDict() || t.Flags&FlagHeap == 0 {
		return genericSetAttr(th, Obj(o), o.Attrs(), name, v)
	}
	e := t.cached(name)
	if e.data {
		return e.descr.(DataDescriptor).DescrSet(th, Obj(o), v)
	}
	if t.Flags&FlagNoInstanceDict != 0 {
		return noAttr(Obj(o), name)
	}
	o.storeOwnAttr(name, e.key, e.hash, v)
	return nil
}

// DelAttr implements HasSetAttr.
func (o *Instance) DelAttr(th *Thread, name string) error {
	if m, ok := userSlot(o.Class, "__delattr__"); ok {
		_, err := callSlot(th, m, Obj(o), Str(name))
		return err
	}
	return genericSetAttr(th, Obj(o), o.Attrs(), name, Value{})
}

// defaultRepr is object.__repr__: <__main__.C object at 0x…>.
func defaultRepr(v Value) string {
	return fmt.Sprintf("<%s object at %s>", v.Type().FullName(), addrOf(v))
}

// Repr implements HasRepr.
func (o *Instance) Repr(th *Thread) (string, error) { return reprSlot(th, Obj(o)) }

// reprSlot is repr() of an object whose class may define __repr__.
func reprSlot(th *Thread, self Value) (string, error) {
	r, ok, err := callUserSlot(th, self, "__repr__")
	if err != nil {
		return "", err
	}
	if !ok {
		return defaultRepr(self), nil
	}
	s, isStr := AsString(r)
	if !isStr {
		return "", Errorf(TypeError, "__repr__ returned non-string (type %s)", r.Type().Name)
	}
	return s, nil
}

// Str implements HasStr.
func (o *Instance) Str(th *Thread) (string, error) {
	r, ok, err := callUserSlot(th, Obj(o), "__str__")
	if err != nil {
		return "", err
	}
	if !ok {
		return o.Repr(th)
	}
	s, isStr := AsString(r)
	if !isStr {
		return "", Errorf(TypeError, "__str__ returned non-string (type %s)", r.Type().Name)
	}
	return s, nil
}

// Hash implements HasHash.
func (o *Instance) Hash(th *Thread) (int64, error) { return hashSlot(th, Obj(o)) }

// hashSlot is hash() of an object whose class may define __hash__ (or
// set it to None).
func hashSlot(th *Thread, self Value) (int64, error) {
	t := self.Type()
	if t.Flags&FlagHeap == 0 {
		return hashSlotSlow(th, self)
	}
	e := t.cached("__hash__")
	if e.owner != nil && e.v.IsNone() {
		return 0, Errorf(TypeError, "unhashable type: '%s'", t.Name)
	}
	if e.owner == nil || e.owner.Flags&FlagHeap == 0 {
		return ptrHash(objPointer(self)), nil
	}
	r, err := e.callSlot(th, self)
	if err != nil {
		return 0, err
	}
	return hashResult(r)
}

// hashSlotSlow is hashSlot for instances of built-in types.
func hashSlotSlow(th *Thread, self Value) (int64, error) {
	m, owner := self.Type().lookupOwner("__hash__")
	if owner != nil && m.IsNone() {
		return 0, Errorf(TypeError, "unhashable type: '%s'", self.Type().Name)
	}
	if owner == nil || owner.Flags&FlagHeap == 0 {
		return ptrHash(objPointer(self)), nil
	}
	r, err := callSlot(th, m, self)
	if err != nil {
		return 0, err
	}
	return hashResult(r)
}

// hashResult checks and converts what a __hash__ method returned, as
// CPython's slot_tp_hash does: an int that fits in 64 bits is the hash
// itself (but -1, which means an error in C, becomes -2), a bigger one is
// hashed as an int (mod 2**61-1, sign kept), an int subclass counts by its
// value, and anything else is a TypeError.
func hashResult(r Value) (int64, error) {
	if n, ok := r.Object().(*NumSub); ok && IsInstance(r, IntType) {
		r = n.v
	}
	if r.IsInt() {
		if h := r.AsInt(); h != -1 {
			return h, nil
		}
		return -2, nil
	}
	if !IsInstance(r, IntType) {
		return 0, Errorf(TypeError, "__hash__ method should return an integer")
	}
	h, _ := numHash(r)
	return h, nil
}

// Truth implements HasTruth: __bool__, else __len__, else true.
func (o *Instance) Truth(th *Thread) (bool, error) {
	self := Obj(o)
	if r, ok, err := callUserSlot(th, self, "__bool__"); ok || err != nil {
		if err != nil {
			return false, err
		}
		if !r.IsBool() {
			return false, Errorf(TypeError, "__bool__ should return bool, returned %s", r.Type().Name)
		}
		return r.AsBool(), nil
	}
	if _, ok := userSlot(o.Class, "__len__"); ok {
		n, err := o.Len(th)
		return n != 0, err
	}
	return true, nil
}

// Len implements HasLen.
func (o *Instance) Len(th *Thread) (int, error) {
	r, ok, err := callUserSlot(th, Obj(o), "__len__")
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, Errorf(TypeError, "object of type '%s' has no len()", o.Class.Name)
	}
	n, err := indexOf(th, r)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, Errorf(ValueError, "__len__() should return >= 0")
	}
	return int(n), nil
}

// Binary dunder names, indexed by BinaryOp.
var (
	binaryNames = [...]string{"__add__", "__sub__", "__mul__", "__matmul__", "__truediv__", "__mod__",
		"__pow__", "__lshift__", "__rshift__", "__or__", "__xor__", "__and__", "__floordiv__"}
	rbinaryNames = [...]string{"__radd__", "__rsub__", "__rmul__", "__rmatmul__", "__rtruediv__", "__rmod__",
		"__rpow__", "__rlshift__", "__rrshift__", "__ror__", "__rxor__", "__rand__", "__rfloordiv__"}
	ibinaryNames = [...]string{"__iadd__", "__isub__", "__imul__", "__imatmul__", "__itruediv__", "__imod__",
		"__ipow__", "__ilshift__", "__irshift__", "__ior__", "__ixor__", "__iand__", "__ifloordiv__"}
	binarySymbols = [...]string{"+", "-", "*", "@", "/", "%", "** or pow()", "<<", ">>", "|", "^", "&", "//"}
	cmpNames      = [...]string{"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"}
	cmpSymbols    = [...]string{"==", "!=", "<", "<=", ">", ">="}
	// cmpSwapped is the reflected comparison: a < b is b > a.
	cmpSwapped = [...]CmpOp{CmpEq, CmpNe, CmpGt, CmpGe, CmpLt, CmpLe}
)

// Binary implements HasBinary.
func (o *Instance) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	name := binaryNames[op]
	if right {
		name = rbinaryNames[op]
	}
	r, ok, err := callUserSlot(th, Obj(o), name, other)
	if !ok && err == nil {
		return NotImplemented, nil
	}
	return r, err
}

// inplace calls __iop__ if the class defines it; ok is false otherwise.
func (o *Instance) inplace(th *Thread, op BinaryOp, other Value) (Value, bool, error) {
	return callUserSlot(th, Obj(o), ibinaryNames[op], other)
}

// Unary implements HasUnary.
func (o *Instance) Unary(th *Thread, op UnaryOp) (Value, error) {
	var name string
	switch op {
	case OpNeg:
		name = "__neg__"
	case OpPos:
		name = "__pos__"
	case OpInvert:
		name = "__invert__"
	default:
		return NotImplemented, nil
	}
	r, ok, err := callUserSlot(th, Obj(o), name)
	if !ok && err == nil {
		return NotImplemented, nil
	}
	return r, err
}

// Compare implements HasCompare. A class defining only __eq__ gets != as
// its negation, like object.__ne__.
func (o *Instance) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	return compareSlot(th, Obj(o), op, other)
}

// sameClassCompare is Compare(th, op, a, b) when a and b are instances
// of one class (ok is false otherwise): its dunder, then the other's
// reflected one, then identity for == and !=, without the type tests
// that mixed operands need.
func sameClassCompare(th *Thread, op CmpOp, a, b Value) (r Value, ok bool, err error) {
	x, isInst := a.o.(*Instance)
	if !isInst {
		return Value{}, false, nil
	}
	if y, isInst := b.o.(*Instance); !isInst || y.Class != x.Class {
		return Value{}, false, nil
	}
	if r, err = compareSlot(th, a, op, b); err != nil || !r.Is(NotImplemented) {
		return r, true, err
	}
	if r, err = compareSlot(th, b, cmpSwapped[op], a); err != nil || !r.Is(NotImplemented) {
		return r, true, err
	}
	switch op {
	case CmpEq:
		return Bool(a.Is(b)), true, nil
	case CmpNe:
		return Bool(!a.Is(b)), true, nil
	}
	return Value{}, true, Errorf(TypeError, "'%s' not supported between instances of '%s' and '%s'",
		cmpSymbols[op], x.Class.Name, x.Class.Name)
}

func compareSlot(th *Thread, self Value, op CmpOp, other Value) (Value, error) {
	r, ok, err := callUserSlot(th, self, cmpNames[op], other)
	if ok || err != nil {
		return r, err
	}
	if op != CmpNe {
		return NotImplemented, nil
	}
	r, ok, err = callUserSlot(th, self, "__eq__", other)
	if !ok || err != nil || r.Is(NotImplemented) {
		if !ok && err == nil {
			return NotImplemented, nil
		}
		return r, err
	}
	b, err := Truth(th, r)
	return Bool(!b), err
}

// GetItem implements HasGetItem.
func (o *Instance) GetItem(th *Thread, key Value) (Value, error) {
	r, ok, err := callUserSlot(th, Obj(o), "__getitem__", key)
	if !ok && err == nil {
		return Value{}, Errorf(TypeError, "'%s' object is not subscriptable", o.Class.Name)
	}
	return r, err
}

// SetItem implements HasSetItem.
func (o *Instance) SetItem(th *Thread, key, x Value) error {
	_, ok, err := callUserSlot(th, Obj(o), "__setitem__", key, x)
	if !ok && err == nil {
		return Errorf(TypeError, "'%s' object does not support item assignment", o.Class.Name)
	}
	return err
}

// DelItem implements HasSetItem.
func (o *Instance) DelItem(th *Thread, key Value) error {
	_, ok, err := callUserSlot(th, Obj(o), "__delitem__", key)
	if !ok && err == nil {
		return Errorf(TypeError, "'%s' object doesn't support item deletion", o.Class.Name)
	}
	return err
}

// Contains implements HasContains: __contains__, else iteration.
func (o *Instance) Contains(th *Thread, x Value) (bool, error) {
	r, ok, err := callUserSlot(th, Obj(o), "__contains__", x)
	if err != nil {
		return false, err
	}
	if ok {
		return Truth(th, r)
	}
	_, hasIter := userSlot(o.Class, "__iter__")
	_, hasGetItem := userSlot(o.Class, "__getitem__")
	if !hasIter && !hasGetItem {
		return false, Errorf(TypeError, "argument of type '%s' is not iterable", o.Class.Name)
	}
	return iterContains(th, Obj(o), x)
}

// Iter implements Iterable: __iter__, else the __getitem__ protocol.
func (o *Instance) Iter(th *Thread) (Iterator, error) {
	r, ok, err := callUserSlot(th, Obj(o), "__iter__")
	if err != nil {
		return nil, err
	}
	if !ok {
		if _, ok := userSlot(o.Class, "__getitem__"); ok {
			return &seqIter{seq: Obj(o)}, nil
		}
		return nil, Errorf(TypeError, "'%s' object is not iterable", o.Class.Name)
	}
	return asIterator(r)
}

// asIterator returns v as an Iterator, as iter() requires of __iter__'s result.
func asIterator(v Value) (Iterator, error) {
	if inst, ok := v.o.(*Instance); ok {
		if _, ok := userSlot(inst.Class, "__next__"); ok {
			return inst, nil
		}
	} else if it, ok := v.o.(Iterator); ok {
		return it, nil
	}
	return nil, Errorf(TypeError, "iter() returned non-iterator of type '%s'", v.Type().Name)
}

// Next implements Iterator: __next__, with StopIteration as the end.
func (o *Instance) Next(th *Thread) (Value, bool, error) {
	r, ok, err := callUserSlot(th, Obj(o), "__next__")
	if !ok && err == nil {
		return Value{}, false, Errorf(TypeError, "'%s' object is not an iterator", o.Class.Name)
	}
	if err != nil {
		if e, ok := err.(*Exception); ok && e.Matches(StopIteration) {
			return Value{}, false, nil
		}
		return Value{}, false, err
	}
	return r, true, nil
}

// Call implements Callable: __call__.
func (o *Instance) Call(th *Thread, args []Value, kwnames []string) (Value, error) {
	m, ok := userSlot(o.Class, "__call__")
	if !ok {
		return Value{}, Errorf(TypeError, "'%s' object is not callable", o.Class.Name)
	}
	return callSlotKw(th, m, Obj(o), args, kwnames)
}

// bindSlot binds a method found on self's type to self.
func bindSlot(th *Thread, m, self Value) (Value, error) {
	if d, _ := descrOf(m); d != nil {
		return d.DescrGet(th, self, self.Type())
	}
	return m, nil
}

// DescrGet implements Descriptor for classes defining __get__.
func (o *Instance) DescrGet(th *Thread, obj Value, owner *Type) (Value, error) {
	inst := Value(None)
	if !obj.IsNull() {
		inst = obj
	}
	ov := Value(None)
	if owner != nil {
		ov = Obj(owner)
	}
	r, ok, err := callUserSlot(th, Obj(o), "__get__", inst, ov)
	if !ok && err == nil {
		return Obj(o), nil
	}
	return r, err
}

// DescrSet implements DataDescriptor for classes defining __set__.
func (o *Instance) DescrSet(th *Thread, obj Value, v Value) error {
	_, ok, err := callUserSlot(th, Obj(o), "__set__", obj, v)
	if !ok && err == nil {
		return Errorf(AttributeError, "__set__")
	}
	return err
}

// DescrDelete implements DataDescriptor for classes defining __delete__.
func (o *Instance) DescrDelete(th *Thread, obj Value) error {
	_, ok, err := callUserSlot(th, Obj(o), "__delete__", obj)
	if !ok && err == nil {
		return Errorf(AttributeError, "__delete__")
	}
	return err
}

// HasFormat objects implement format(v, spec) themselves (__format__).
type HasFormat interface {
	Format(th *Thread, spec string) (string, error)
}

// Format implements HasFormat: a class's __format__, else object's
// (str(self) for an empty spec).
func (o *Instance) Format(th *Thread, spec string) (string, error) {
	r, ok, err := callUserSlot(th, Obj(o), "__format__", Str(spec))
	if err != nil {
		return "", err
	}
	if !ok {
		if spec != "" {
			return "", Errorf(TypeError, "unsupported format string passed to %s.__format__", o.Class.Name)
		}
		return StrOf(th, Obj(o))
	}
	s, isStr := AsString(r)
	if !isStr {
		return "", Errorf(TypeError, "__format__ must return a str, not %s", r.Type().Name)
	}
	return s, nil
}

// Index returns the __index__ of the instance; ok is false if the class
// has none.
func (o *Instance) Index(th *Thread) (Value, bool, error) {
	r, ok, err := callUserSlot(th, Obj(o), "__index__")
	if !ok || err != nil {
		return r, ok, err
	}
	if !IsInstance(r, IntType) {
		return Value{}, true, Errorf(TypeError, "__index__ returned non-int (type %s)", r.Type().Name)
	}
	return r, true, nil
}

// InstanceShadows reports whether obj's own attributes may hide name (or
// its class overrides attribute lookup), so a method found on its type
// must not be called directly.
func InstanceShadows(obj Value, name string) bool {
	switch o := obj.o.(type) {
	case *Instance:
		if o.hasOwnAttr(name) {
			return true
		}
		_, ga := userSlot(o.Class, "__getattribute__")
		return ga
	case *Exception:
		if o.dict != nil {
			if _, ok := o.dict.GetStr(name); ok {
				return true
			}
		}
		_, ga := userSlot(o.typ, "__getattribute__")
		return ga
	case *Type, *Module, *Super:
		return true
	}
	if s := subOf(obj); s != nil {
		_, ok := s.dict.GetStr(name)
		_, ga := userSlot(s.cls, "__getattribute__")
		return ok || ga
	}
	return false
}
