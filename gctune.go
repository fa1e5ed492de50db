package pyish

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// GC tuning for processes that run scripts.
//
// Go's collector starts a cycle when the heap has grown by GOGC percent
// (default 100) over the live heap of the previous cycle. A script's live
// heap is often a few megabytes while it allocates gigabytes of short-lived
// strs, lists and frames, so the default collects hundreds of times a second;
// measured on bench/ at the default, the collector is 20–45% of the CPU
// time of strdict, classes and the async scripts. CPython frees most of that
// by reference counting at no such cost.
//
// TuneGC gives the heap a floor instead: the next cycle starts at
// max(2 × live, live + floor), so a small heap is collected rarely and a
// large one exactly as Go's default would (its peak stays twice the live
// heap). It is the pacer's "minimum heap" that Go has no knob for, built
// from a finalizer that fires once per cycle and re-sets the GC percent from
// the live heap just measured.

// DefaultGCFloor is the heap headroom TuneGC gives when called with 0.
const DefaultGCFloor = 64 << 20

// maxGCPercent bounds the percent TuneGC sets for a nearly empty heap, so
// a heap of a few kilobytes does not get a target of gigabytes.
const maxGCPercent = 1600

var gcTune struct {
	once   sync.Once
	floor  uint64
	sample []metrics.Sample
	last   int
}

// TuneGC makes the Go collector of this process run less often while the
// live heap is smaller than floor bytes (0 means DefaultGCFloor): the heap
// may then grow by floor before a cycle starts, instead of by the live heap.
// Past floor, Go's default pacing applies. It changes a process-wide
// setting, so the pyish command calls it and embedders opt in; it does
// nothing when the environment sets GOGC or GOMEMLIMIT, which keep their
// meaning. Only the first call has an effect.
func TuneGC(floor uint64) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	if floor == 0 {
		floor = DefaultGCFloor
	}
	gcTune.once.Do(func() {
		gcTune.floor = floor
		gcTune.sample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		gcTune.last = gcPercentFor(0, floor)
		debug.SetGCPercent(gcTune.last)
		armGCTuner()
	})
}

// gcSentinel is garbage as soon as it is made; its finalizer runs after the
// cycle that finds it, which is how TuneGC hears of every cycle.
type gcSentinel struct{ _ *int }

func armGCTuner() {
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) {
		retuneGC()
		armGCTuner()
	})
}

// retuneGC sets the GC percent for the live heap the last cycle measured.
// Runs on the finalizer goroutine, one call at a time.
func retuneGC() {
	metrics.Read(gcTune.sample)
	if gcTune.sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	p := gcPercentFor(gcTune.sample[0].Value.Uint64(), gcTune.floor)
	// Small changes are not worth the pacer's recomputation.
	if p*8 < gcTune.last*7 || p*8 > gcTune.last*9 {
		gcTune.last = p
		debug.SetGCPercent(p)
	}
}

// gcPercentFor returns the GC percent that puts the next cycle at
// max(2 × live, live + floor), within [100, maxGCPercent].
func gcPercentFor(live, floor uint64) int {
	if live == 0 {
		return maxGCPercent
	}
	p := floor * 100 / live
	switch {
	case p < 100:
		return 100
	case p > maxGCPercent:
		return maxGCPercent
	}
	return int(p)
}
