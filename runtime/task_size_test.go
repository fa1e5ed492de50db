package runtime

import (
	"testing"
	"unsafe"
)

// TestAsyncSizes guards the sizes that decide what a parked task costs:
// a Task, the Future it waits on and a ready-queue entry.
func TestAsyncSizes(t *testing.T) {
	for _, c := range []struct {
		name      string
		size, max uintptr
	}{
		{"Task", unsafe.Sizeof(Task{}), 160},
		{"Future", unsafe.Sizeof(Future{}), 96},
		{"readyItem", unsafe.Sizeof(readyItem(nil)), 16},
	} {
		if c.size > c.max {
			t.Errorf("%s is %d bytes, want at most %d", c.name, c.size, c.max)
		}
	}
}
