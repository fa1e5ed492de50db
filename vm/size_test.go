package vm

import (
	"testing"
	"unsafe"
)

// TestFrameSize keeps the memory budget of a parked task: a suspended
// coroutine keeps its Frame (plus its vals) and its coroutine object
// alive, and bench/README.md's goal for a whole parked task (Task,
// coroutine, frame, waiter future) is 1 KB. A field added to Frame that
// is not needed by most frames belongs in frameExtra.
func TestFrameSize(t *testing.T) {
	if n := unsafe.Sizeof(Frame{}); n > 160 {
		t.Errorf("Frame is %d bytes, budget 160", n)
	}
	if n := unsafe.Sizeof(Coroutine{}); n > 48 {
		t.Errorf("Coroutine is %d bytes, budget 48", n)
	}
}
