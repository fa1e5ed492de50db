package runtime

import (
	"testing"
	"unsafe"
)

// TestInstanceSize keeps an instance header at 64 bytes: with two
// attribute values inline a small object is 112 bytes, not 128.
func TestInstanceSize(t *testing.T) {
	if n := unsafe.Sizeof(Instance{}); n != 64 {
		t.Errorf("Instance is %d bytes, want 64", n)
	}
}
