package runtime

// This file defines functions and methods written in Go.

import (
	"context"
	"fmt"
	"unsafe"
)

// BuiltinFunction is a function written in Go.
type BuiltinFunction struct {
	Name string
	Fn   func(th *Thread, args []Value, kwnames []string) (Value, error)
	// Self is the object a module-level builtin is bound to (its module),
	// shown by repr; usually zero.
	Self Value
	// Offload, when set, says the function may run off the loop's
	// goroutine (asyncio.to_thread, loop.run_in_executor): see OffloadFunc.
	Offload OffloadFunc
}

// OffloadFunc splits a call so that its body can run on another
// goroutine: called on the loop with the arguments, it converts them and
// returns the work, which touches no pyish object and may run anywhere;
// the work returns the function that builds the result, run back on the
// loop. ctx is cancelled when the caller stops waiting.
type OffloadFunc func(th *Thread, args []Value, kwnames []string) (func(ctx context.Context) func() (Value, error), error)

// NewBuiltin returns a builtin function value.
func NewBuiltin(name string, fn func(th *Thread, args []Value, kwnames []string) (Value, error)) Value {
	return Obj(&BuiltinFunction{Name: name, Fn: fn})
}

// Type implements Object.
func (f *BuiltinFunction) Type() *Type { return BuiltinFunctionType }

// Call implements Callable.
func (f *BuiltinFunction) Call(th *Thread, args []Value, kwnames []string) (Value, error) {
	return f.Fn(th, args, kwnames)
}

// Repr implements HasRepr.
func (f *BuiltinFunction) Repr(th *Thread) (string, error) {
	return "<built-in function " + f.Name + ">", nil
}

// Hash implements HasHash (identity).
func (f *BuiltinFunction) Hash(th *Thread) (int64, error) { return ptrHash(unsafe.Pointer(f)), nil }

// GetAttr implements HasAttrs.
func (f *BuiltinFunction) GetAttr(th *Thread, name string) (Value, error) {
	switch name {
	case "__name__", "__qualname__":
		return Str(f.Name), nil
	case "__doc__":
		return None, nil
	case "__module__":
		return Str("builtins"), nil
	case "__self__":
		if f.Self.IsNull() {
			return None, nil
		}
		return f.Self, nil
	}
	return genericGetAttr(th, Obj(f), name)
}

// MethodFunc is the Go body of a method of a built-in type.
type MethodFunc func(th *Thread, self Value, args []Value, kwnames []string) (Value, error)

// BuiltinMethod is a Go method stored in a built-in type's dict; looking it
// up on an instance binds it. The vm calls Fn directly for obj.m(...)
// without allocating a bound method.
type BuiltinMethod struct {
	Name  string
	Fn    MethodFunc
	Owner *Type // the type whose dict holds it (self must be an instance)
}

// Type implements Object.
func (m *BuiltinMethod) Type() *Type { return MethodDescriptorType }

// DescrGet implements Descriptor: bound to obj on instance lookup, the
// method itself on the type.
func (m *BuiltinMethod) DescrGet(th *Thread, obj Value, owner *Type) (Value, error) {
	if obj.IsNull() {
		return Obj(m), nil
	}
	return Obj(&BoundMethod{Self: obj, Method: m}), nil
}

// Call implements Callable for the unbound form (list.append(l, x)).
func (m *BuiltinMethod) Call(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(args)-len(kwnames) < 1 {
		return Value{}, Errorf(TypeError, "unbound method %s.%s() needs an argument", m.ownerName(), m.Name)
	}
	if m.Owner != nil && !IsInstance(args[0], m.Owner) {
		return Value{}, Errorf(TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
			m.Name, m.ownerName(), args[0].Type().Name)
	}
	return m.Fn(th, args[0], args[1:], kwnames)
}

func (m *BuiltinMethod) ownerName() string {
	if m.Owner == nil {
		return "object"
	}
	return m.Owner.Name
}

// Repr implements HasRepr (dunders are CPython's slot wrappers).
func (m *BuiltinMethod) Repr(th *Thread) (string, error) {
	if isDunder(m.Name) {
		return fmt.Sprintf("<slot wrapper '%s' of '%s' objects>", m.Name, m.ownerName()), nil
	}
	return fmt.Sprintf("<method '%s' of '%s' objects>", m.Name, m.ownerName()), nil
}

func isDunder(name string) bool {
	return len(name) > 4 && name[:2] == "__" && name[len(name)-2:] == "__"
}

// Hash implements HasHash (identity).
func (m *BuiltinMethod) Hash(th *Thread) (int64, error) { return ptrHash(unsafe.Pointer(m)), nil }

// GetAttr implements HasAttrs.
func (m *BuiltinMethod) GetAttr(th *Thread, name string) (Value, error) {
	switch name {
	case "__name__":
		return Str(m.Name), nil
	case "__qualname__":
		return Str(m.ownerName() + "." + m.Name), nil
	case "__objclass__":
		return Obj(m.Owner), nil
	case "__doc__":
		return None, nil
	}
	return genericGetAttr(th, Obj(m), name)
}

// BoundMethod is a built-in method bound to its object ([].append).
type BoundMethod struct {
	Self   Value
	Method *BuiltinMethod
}

// Type implements Object.
func (b *BoundMethod) Type() *Type { return BuiltinFunctionType }

// Call implements Callable.
func (b *BoundMethod) Call(th *Thread, args []Value, kwnames []string) (Value, error) {
	return b.Method.Fn(th, b.Self, args, kwnames)
}

// Repr implements HasRepr.
func (b *BoundMethod) Repr(th *Thread) (string, error) {
	if isDunder(b.Method.Name) {
		return fmt.Sprintf("<method-wrapper '%s' of %s object at %s>", b.Method.Name, b.Self.Type().Name, addrOf(b.Self)), nil
	}
	return fmt.Sprintf("<built-in method %s of %s object at %s>", b.Method.Name, b.Self.Type().Name, addrOf(b.Self)), nil
}

// Hash implements HasHash.
func (b *BoundMethod) Hash(th *Thread) (int64, error) {
	h, err := Hash(th, b.Self)
	if err != nil {
		h = 0
	}
	return h ^ ptrHash(unsafe.Pointer(b.Method)), nil
}

// Compare implements HasCompare: equal when binding the same method to the same object.
func (b *BoundMethod) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	o, ok := other.Object().(*BoundMethod)
	if !ok || (op != CmpEq && op != CmpNe) {
		return NotImplemented, nil
	}
	eq := o.Method == b.Method && o.Self.Is(b.Self)
	return Bool(eq == (op == CmpEq)), nil
}

// GetAttr implements HasAttrs.
func (b *BoundMethod) GetAttr(th *Thread, name string) (Value, error) {
	switch name {
	case "__self__":
		return b.Self, nil
	case "__name__":
		return Str(b.Method.Name), nil
	case "__qualname__":
		return Str(b.Method.ownerName() + "." + b.Method.Name), nil
	case "__doc__":
		return None, nil
	}
	return genericGetAttr(th, Obj(b), name)
}

// ptrHash is the identity hash of an object at p (CPython: id >> 4).
func ptrHash(p unsafe.Pointer) int64 { return int64(uintptr(p) >> 4) }

// addrOf formats the identity of a heap value as CPython's reprs show it.
func addrOf(v Value) string { return fmt.Sprintf("0x%x", ID(v)) }
