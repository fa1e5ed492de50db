package runtime

// This file defines the loop's timer heap: call_later and call_at handles
// ordered by due time, ties broken by scheduling order.

import "container/heap"

// Cancelled timers are purged from the heap when there are more than
// minPurgeTimers of them and they make up more than half of it (as
// CPython's _MIN_SCHEDULED_TIMER_HANDLES and
// _MIN_CANCELLED_TIMER_HANDLES_FRACTION); otherwise they are dropped when
// they reach the top.
const minPurgeTimers = 100

// timerHeap is a min-heap of timer handles by (when, seq). CPython orders
// by when alone; with a real clock two timers never get the same when, so
// breaking ties by seq gives the same order under virtual time.
type timerHeap []*Handle

func (h timerHeap) Len() int { return len(h) }

func (h timerHeap) Less(i, j int) bool {
	if h[i].when != h[j].when {
		return h[i].when < h[j].when
	}
	return h[i].seq < h[j].seq
}

func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index = i
	h[j].index = j
}

func (h *timerHeap) Push(x any) {
	t := x.(*Handle)
	t.index = len(*h)
	*h = append(*h, t)
}

func (h *timerHeap) Pop() any {
	old := *h
	n := len(old)
	t := old[n-1]
	old[n-1] = nil
	t.index = -1
	*h = old[:n-1]
	return t
}

// addTimer schedules t.
func (l *Loop) addTimer(t *Handle) { heap.Push(&l.timers, t) }

// popTimer removes and returns the earliest timer.
func (l *Loop) popTimer() *Handle { return heap.Pop(&l.timers).(*Handle) }

// purgeTimers drops cancelled timers: all of them when they are many,
// else those at the top of the heap.
func (l *Loop) purgeTimers() {
	n := len(l.timers)
	if n > minPurgeTimers && 2*l.timerCancelled > n {
		kept := l.timers[:0]
		for _, t := range l.timers {
			if t.cancelled {
				t.index = -1
				continue
			}
			t.index = len(kept)
			kept = append(kept, t)
		}
		for i := len(kept); i < n; i++ {
			l.timers[i] = nil
		}
		l.timers = kept
		heap.Init(&l.timers)
		l.timerCancelled = 0
		return
	}
	for len(l.timers) > 0 && l.timers[0].cancelled {
		l.timerCancelled--
		l.popTimer()
	}
}
