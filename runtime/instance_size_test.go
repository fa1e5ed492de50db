package runtime

import (
	"testing"
	"unsafe"
)

// TestInstanceSize keeps an instance header at 48 bytes: with two
// attribute values inline a small object is 80 bytes, not 96.
func TestInstanceSize(t *testing.T) {
	if n := unsafe.Sizeof(Instance{}); n != 48 {
		t.Errorf("Instance is %d bytes, want 48", n)
	}
}
