package runtime

// This file defines the memory budget hook of embedding limits.

// Charge accounts for n more bytes of container growth. It raises
// MemoryError once a memory budget is exceeded; without a budget (the
// Thread has none yet) it does nothing.
func (th *Thread) Charge(n int) error {
	return nil
}

// enter counts one more level of Go recursion into nested objects (repr,
// comparison) on the same counter as pyish frames, raising CPython's
// RecursionError past the limit; what completes the message.
func (th *Thread) enter(what string) error {
	if th == nil {
		return nil
	}
	if th.MaxDepth > 0 && th.Depth >= th.MaxDepth {
		return Errorf(RecursionError, "maximum recursion depth exceeded%s", what)
	}
	th.Depth++
	return nil
}

// leave undoes enter.
func (th *Thread) leave() {
	if th != nil {
		th.Depth--
	}
}

const (
	inRepr       = " while getting the repr of an object"
	inComparison = " in comparison"
)
