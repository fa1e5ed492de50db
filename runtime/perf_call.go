package runtime

// This file declares the fixed-arity call interface of the vm's functions,
// so dunder dispatch calls a pyish method without an argument slice.

// SelfCaller is implemented by functions that can be called with self and
// at most one more positional argument without an argument slice.
type SelfCaller interface {
	CallSelf0(th *Thread, self Value) (Value, error)
	CallSelf1(th *Thread, self, arg Value) (Value, error)
}

// Checking reports whether the vm must stop at its next checkpoint (a
// call or backward jump) for the step limit or a pending interrupt; the
// run loop tests it inline and calls its checkpoint only when it is true.
func (th *Thread) Checking() bool { return th.MaxSteps > 0 || th.interrupt.Load() != nil }
