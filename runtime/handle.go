package runtime

// This file defines Handle, what call_soon and call_later return, and the
// loop's ready queue: a ring of callbacks that reuses its slots.

// Handle is a scheduled callback: asyncio's Handle and TimerHandle. Cancel
// stops it from running.
type Handle struct {
	loop      *Loop
	fn        func()
	when      float64 // timer handles: the loop time it is due
	seq       uint64  // timer handles: FIFO order among equal whens
	index     int     // position in the timer heap, -1 when not in it
	timer     bool
	cancelled bool

	// describe returns the callback's description for repr and error
	// reports ("f(1, 2) at x.pyish:3"); nil for Go callbacks.
	describe func() string
}

// HandleType and TimerHandleType are asyncio.Handle and asyncio.TimerHandle.
var (
	HandleType      = NewType("asyncio.events.Handle", nil)
	TimerHandleType = NewType("asyncio.events.TimerHandle", HandleType)
)

// Type implements Object.
func (h *Handle) Type() *Type {
	if h.timer {
		return TimerHandleType
	}
	return HandleType
}

// Cancel stops the callback from running, if it has not run yet.
func (h *Handle) Cancel() {
	if h.cancelled {
		return
	}
	h.cancelled = true
	if h.timer && h.index >= 0 {
		h.loop.timerCancelled++
	}
	h.fn = nil
	h.describe = nil
}

// Cancelled reports whether Cancel was called.
func (h *Handle) Cancelled() bool { return h.cancelled }

// When returns the loop time a timer handle is due (0 for a plain handle).
func (h *Handle) When() float64 { return h.when }

// Repr implements HasRepr: <Handle f() at x.pyish:3>,
// <TimerHandle when=1.5 f()>, <Handle cancelled>.
func (h *Handle) Repr(th *Thread) (string, error) {
	s := "<" + h.Type().Name
	if h.cancelled {
		s += " cancelled"
	}
	if h.timer {
		s += " when=" + FloatRepr(h.when)
	}
	if h.describe != nil {
		s += " " + h.describe()
	}
	return s + ">", nil
}

// Hash implements HasHash by identity.
func (h *Handle) Hash(th *Thread) (int64, error) { return int64(h.seq), nil }

// readyItem is one entry of the ready queue, 16 bytes: a task step
// (*Task), a task wake-up (*taskWaker), a handle (*Handle, which can be
// cancelled), or one of the loop's own Go callbacks (funcItem). None of
// them allocates to be queued.
type readyItem interface{ runReady() }

// taskWaker is a Task queued for its wakeup rather than a plain step.
type taskWaker Task

// funcItem is a Go callback queued without a handle.
type funcItem func()

// taskWakeItem is the ready-queue entry that runs t's wakeup.
func taskWakeItem(t *Task) readyItem { return (*taskWaker)(t) }

func (t *Task) runReady()      { t.step(nil) }
func (w *taskWaker) runReady() { (*Task)(w).wakeup() }
func (fn funcItem) runReady()  { fn() }

// runReady runs the callback unless the handle was cancelled.
func (h *Handle) runReady() {
	if !h.cancelled {
		h.fn()
	}
}

// readyRing is a FIFO queue of callbacks that grows by doubling and otherwise
// reuses its slots, so steady-state scheduling does not allocate.
type readyRing struct {
	buf  []readyItem
	head int
	n    int
}

// push appends c at the tail.
func (r *readyRing) push(c readyItem) {
	if r.n == len(r.buf) {
		r.grow()
	}
	r.buf[(r.head+r.n)%len(r.buf)] = c
	r.n++
}

// pop removes and returns the head; the queue must not be empty.
func (r *readyRing) pop() readyItem {
	c := r.buf[r.head]
	r.buf[r.head] = nil
	r.head = (r.head + 1) % len(r.buf)
	r.n--
	return c
}

func (r *readyRing) grow() {
	size := 2 * len(r.buf)
	if size == 0 {
		size = 64
	}
	buf := make([]readyItem, size)
	for i := 0; i < r.n; i++ {
		buf[i] = r.buf[(r.head+i)%len(r.buf)]
	}
	r.buf, r.head = buf, 0
}

// clear drops every entry.
func (r *readyRing) clear() {
	for r.n > 0 {
		r.pop()
	}
}
