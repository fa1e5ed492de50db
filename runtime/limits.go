package runtime

// This file defines the memory budget of embedding limits.

// maxSeqBytes bounds one list or tuple built at once (1 GiB of values),
// budget or not: Go cannot recover from running out of memory, so a
// hostile `[0] * 10**10` must raise MemoryError before it allocates.
const maxSeqBytes = 1 << 30

// Charge accounts for n more bytes of list and tuple storage. It raises
// MemoryError past maxSeqBytes for one allocation, and once the Thread's
// budget (MaxMemory, counted cumulatively per run in Memory) is spent.
func (th *Thread) Charge(n int) error {
	if n < 0 || n > maxSeqBytes {
		return NewException(MemoryError)
	}
	if th == nil || th.MaxMemory <= 0 {
		return nil
	}
	if int64(n) > th.MaxMemory-th.Memory {
		return NewException(MemoryError)
	}
	th.Memory += int64(n)
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

// pollInterrupt returns a pending interrupt (nil without a thread), for Go
// loops over pyish iterators that the vm's checks do not reach.
func (th *Thread) pollInterrupt() *Exception {
	if th == nil {
		return nil
	}
	return th.TakeInterrupt()
}
