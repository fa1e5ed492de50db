package runtime

import "sync/atomic"

// Marker is an object with a scratch stamp: asyncio.gather stamps its
// coroutine arguments with a fresh mark to see whether one is passed
// twice in O(1) per argument (a repeated argument shares one task).
// Marks are never cleared, and one that repeats after 2³² calls only
// sends the caller to its exact check.
type Marker interface {
	SwapMark(m uint32) (old uint32)
}

var marks atomic.Uint32

// NewMark returns a mark no Marker is likely to hold yet (never 0).
func NewMark() uint32 {
	for {
		if m := marks.Add(1); m != 0 {
			return m
		}
	}
}
