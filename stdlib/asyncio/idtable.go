package asyncio

// This file defines idTable, the set gather and wait use to find an
// argument passed twice.

import (
	"math/bits"

	"github.com/pyish/pyish/runtime"
)

// idTable maps object identities (runtime.ID of heap objects, never 0)
// to argument indexes, by open addressing in one flat array. A Go map
// keyed by runtime.Object hashes an interface per probe and spreads
// wider slots over memory; gathering 100,000 coroutines spent a tenth of
// its time in it.
type idTable struct {
	ids   []uint64
	index []int32
	shift uint
}

// newIDTable returns a table for up to n entries, at most half full.
func newIDTable(n int) *idTable {
	size := 1 << bits.Len(uint(2*n))
	return &idTable{ids: make([]uint64, size), index: make([]int32, size), shift: uint(64 - bits.Len(uint(size-1)))}
}

// slot returns where id is, or the empty slot where it would go.
func (t *idTable) slot(id uint64) int {
	mask := len(t.ids) - 1
	i := int((id >> 3) * 0x9e3779b97f4a7c15 >> t.shift)
	for t.ids[i] != 0 && t.ids[i] != id {
		i = (i + 1) & mask
	}
	return i
}

// get returns the index stored for v's identity.
func (t *idTable) get(v runtime.Value) (int32, bool) {
	i := t.slot(runtime.ID(v))
	return t.index[i], t.ids[i] != 0
}

// put stores index for v's identity; v must not be in the table.
func (t *idTable) put(v runtime.Value, index int32) {
	id := runtime.ID(v)
	i := t.slot(id)
	t.ids[i], t.index[i] = id, index
}
