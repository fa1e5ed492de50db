package runtime

// This file declares the fixed-arity call interface of the vm's functions,
// so dunder dispatch calls a pyish method without an argument slice.

// SelfCaller is implemented by functions that can be called with self and
// at most one more positional argument without an argument slice.
type SelfCaller interface {
	CallSelf0(th *Thread, self Value) (Value, error)
	CallSelf1(th *Thread, self, arg Value) (Value, error)
}
