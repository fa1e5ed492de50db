package runtime

// This file carves short plain strs out of shared chunks: one Go
// allocation serves several strs, as Go's own tiny allocator combines
// small objects without pointers.

import (
	"sync/atomic"
	"unsafe"
)

// strArena is a chunk of unscanned memory that short plain strs are
// carved from, each a header with its bytes after it (see allocPlain).
// A str inside keeps the whole chunk alive, so chunks are small: a str
// kept long holds at most a chunk's worth of dead neighbours.
type strArena struct {
	used  atomic.Int64 // words handed out (past the end once full)
	words [strArenaWords]uint64
}

// strArenaWords is the room of a chunk: 504 bytes, a dozen strs of
// about ten characters, in a 512-byte allocation.
const strArenaWords = 63

// arenaPlainMax is the longest text carved from a chunk; longer strs
// get their own allocation.
const arenaPlainMax = 48

// strArenaCur is the chunk being carved. Interpreters on different
// goroutines share it: each region is claimed by an atomic add, and a
// full chunk is replaced by compare-and-swap.
var strArenaCur atomic.Pointer[strArena]

// arenaAlloc returns zeroed room for n <= strArenaWords words.
func arenaAlloc(n int) unsafe.Pointer {
	for {
		a := strArenaCur.Load()
		if a != nil {
			if end := int(a.used.Add(int64(n))); end <= strArenaWords {
				return unsafe.Pointer(&a.words[end-n])
			}
		}
		fresh := new(strArena)
		fresh.used.Store(int64(n))
		if strArenaCur.CompareAndSwap(a, fresh) {
			return unsafe.Pointer(&fresh.words[0])
		}
		// Another goroutine put a fresh chunk first: carve that one.
	}
}
