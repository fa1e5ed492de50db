package runtime

// This file defines the memory budget hook of embedding limits.

// Charge accounts for n more bytes of container growth. It raises
// MemoryError once a memory budget is exceeded; without a budget (the
// Thread has none yet) it does nothing.
func (th *Thread) Charge(n int) error {
	return nil
}
