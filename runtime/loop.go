package runtime

// This file defines the event loop: a FIFO ready queue, a timer heap and a
// thread-safe inbox, run one iteration at a time as CPython's
// BaseEventLoop._run_once does.

import (
	"sync"
	"sync/atomic"
	"time"
)

// clockResolution is the slack within which a timer counts as due (CPython
// uses time.get_clock_info('monotonic').resolution).
const clockResolution = 1e-9

// Loop is an asyncio event loop. It belongs to one Thread and runs on the
// goroutine that calls RunForever or RunUntilComplete; only
// CallSoonThreadsafe and AddPending may be called from other goroutines.
type Loop struct {
	th *Thread

	// VirtualTime makes the clock jump to the next timer whenever nothing
	// is ready and no external work (see AddPending) is outstanding, so
	// sleeps finish at once in the same order as in real time.
	VirtualTime bool

	start time.Time
	vnow  float64 // the virtual clock

	ready          readyRing
	timers         timerHeap
	timerCancelled int    // cancelled timers still in the heap
	seq            uint64 // numbers timers and futures

	running, stopping, closed bool

	// OnInterrupt, when set, is called on the loop with the exception of
	// Thread.Interrupt (KeyboardInterrupt) when an iteration finds one
	// pending; a non-nil result ends the run with that error. asyncio.run
	// uses it to cancel its main task, as CPython's SIGINT handler does.
	// Whoever interrupts should also call Wake, in case the loop is idle.
	OnInterrupt func(exc *Exception) error

	// fatal is a SystemExit or KeyboardInterrupt raised by a callback or
	// a task: it ends the current run.
	fatal error

	mu      sync.Mutex
	inbox   []func() // posted by CallSoonThreadsafe, guarded by mu
	shut    bool     // Close was called, guarded by mu
	spare   []func()
	wake    chan struct{}
	timer   *time.Timer
	pending atomic.Int64

	tasks       []*Task // live tasks in creation order; done ones are purged lazily
	current     *Task
	names       *int64    // Task-N counter, shared by the loops of a thread
	unretrieved []*Future // futures whose exception may never be retrieved
	excHandler  Value     // set_exception_handler's handler (zero: the default)

	ext loopExt // asyncio's executor and async-generator records (loop_ext.go)
}

// LoopType is the type of event loops (asyncio's _UnixSelectorEventLoop).
var LoopType = NewType("asyncio.unix_events._UnixSelectorEventLoop", nil)

// NewLoop returns a new event loop for th. It does not make it th's
// current loop; it takes th.Loop's VirtualTime setting, the task-name
// counter (Task-N) continues from th.Loop's, as CPython's is global, and
// it shares th.Loop's wake-up channel, so Wake on a thread's first loop
// also wakes the loops made after it (asyncio.run's).
func NewLoop(th *Thread) *Loop {
	l := &Loop{th: th, start: time.Now(), wake: make(chan struct{}, 1)}
	if th.Loop != nil {
		l.names = th.Loop.names
		l.VirtualTime = th.Loop.VirtualTime
		l.wake = th.Loop.wake // one goroutine runs them: Wake on any wakes the running one
	} else {
		l.names = new(int64)
	}
	return l
}

// Type implements Object.
func (l *Loop) Type() *Type { return LoopType }

// Repr implements HasRepr.
func (l *Loop) Repr(th *Thread) (string, error) {
	return "<_UnixSelectorEventLoop running=" + loopPyBool(l.running) + " closed=" + loopPyBool(l.closed) + " debug=False>", nil
}

// Hash implements HasHash by identity.
func (l *Loop) Hash(th *Thread) (int64, error) { return int64(l.start.UnixNano()), nil }

func loopPyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// Thread returns the thread the loop belongs to.
func (l *Loop) Thread() *Thread { return l.th }

// RunningLoop returns the loop running on th, or RuntimeError "no running
// event loop".
func RunningLoop(th *Thread) (*Loop, error) {
	if th.Loop != nil && th.Loop.running {
		return th.Loop, nil
	}
	return nil, Errorf(RuntimeError, "no running event loop")
}

// Time returns the loop's clock in seconds: monotonic time since the loop
// was made, or the virtual clock.
func (l *Loop) Time() float64 {
	if l.VirtualTime {
		return l.vnow
	}
	return time.Since(l.start).Seconds()
}

// IsRunning reports whether the loop is running.
func (l *Loop) IsRunning() bool { return l.running }

// IsClosed reports whether Close was called.
func (l *Loop) IsClosed() bool { return l.closed }

// Stop makes the loop stop after the current iteration.
func (l *Loop) Stop() { l.stopping = true }

// CallSoon schedules fn to run on the next iteration, after the callbacks
// already scheduled.
func (l *Loop) CallSoon(fn func()) *Handle {
	h := &Handle{loop: l, fn: fn, index: -1}
	l.ready.push(h)
	return h
}

// callSoon schedules one of the loop's own callbacks, without a handle.
func (l *Loop) callSoon(fn func()) { l.ready.push(funcItem(fn)) }

// CallLater schedules fn to run after d.
func (l *Loop) CallLater(d time.Duration, fn func()) *Handle {
	return l.CallAt(l.Time()+d.Seconds(), fn)
}

// CallAt schedules fn to run when the loop's clock reaches when.
func (l *Loop) CallAt(when float64, fn func()) *Handle {
	l.seq++
	h := &Handle{loop: l, fn: fn, when: when, seq: l.seq, timer: true, index: -1}
	l.addTimer(h)
	return h
}

// CallSoonThreadsafe schedules fn from any goroutine and wakes the loop.
// It is the only door into the loop from other goroutines. Callbacks
// posted after Close are dropped.
func (l *Loop) CallSoonThreadsafe(fn func()) {
	l.mu.Lock()
	if l.shut {
		l.mu.Unlock()
		return
	}
	l.inbox = append(l.inbox, fn)
	l.mu.Unlock()
	l.Wake()
}

// Wake makes the loop, or whichever loop of its thread made after it is
// running, run an iteration if it is blocked waiting for work (after
// th.Interrupt, say). Safe from any goroutine.
func (l *Loop) Wake() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// AddPending adds delta to the count of outstanding external operations
// (host calls running on other goroutines that will post back with
// CallSoonThreadsafe). While it is positive, virtual time does not jump.
// Safe from any goroutine; AddPending(-1) when the operation has posted.
func (l *Loop) AddPending(delta int) {
	l.pending.Add(int64(delta))
	l.Wake()
}

// AllTasks returns the loop's tasks that are not done, oldest first.
func (l *Loop) AllTasks() []*Task {
	l.purgeTasks()
	return append([]*Task(nil), l.tasks...)
}

// purgeTasks drops the tasks that are done from l.tasks.
func (l *Loop) purgeTasks() {
	live := l.tasks[:0]
	for _, t := range l.tasks {
		if !t.Done() {
			live = append(live, t)
		}
	}
	clear(l.tasks[len(live):])
	l.tasks = live
}

// CurrentTask returns the task whose step is running, or nil.
func (l *Loop) CurrentTask() *Task { return l.current }

// checkRun returns the error run_forever raises when the loop cannot run.
func (l *Loop) checkRun() error {
	switch {
	case l.closed:
		return Errorf(RuntimeError, "Event loop is closed")
	case l.running:
		return Errorf(RuntimeError, "This event loop is already running")
	case l.th.Loop != nil && l.th.Loop.running:
		return Errorf(RuntimeError, "Cannot run the event loop while another loop is running")
	}
	return nil
}

// RunForever runs the loop until Stop. It returns an error only when the
// loop cannot run or a SystemExit or KeyboardInterrupt escaped a callback
// or task. While it runs the loop is th.Loop (the running loop).
func (l *Loop) RunForever() error {
	if err := l.checkRun(); err != nil {
		return err
	}
	th := l.th
	prev := th.Loop
	th.Loop = l
	l.running = true
	defer func() {
		l.running, l.stopping = false, false
		th.Loop = prev
	}()
	for {
		if err := l.runOnce(); err != nil {
			return err
		}
		if l.stopping {
			return nil
		}
	}
}

// RunUntilComplete runs the loop until v (a Waitable, or a Coroutine it
// wraps in a Task) is done and returns its result.
func (l *Loop) RunUntilComplete(v Value) (Value, error) {
	if err := l.checkRun(); err != nil {
		return Value{}, err
	}
	w, err := l.ensureWaitable(v)
	if err != nil {
		return Value{}, err
	}
	active := true
	w.AddDoneCallback(func() {
		if active && !isBaseError(doneException(w)) {
			l.Stop()
		}
	})
	err = l.RunForever()
	active = false
	if err != nil {
		if w.Done() {
			w.Result(l.th) // the error is raised: mark the exception retrieved
		}
		return Value{}, err
	}
	if !w.Done() {
		return Value{}, Errorf(RuntimeError, "Event loop stopped before Future completed.")
	}
	return w.Result(l.th)
}

// ensureWaitable returns v as a Waitable, wrapping a coroutine in a task.
func (l *Loop) ensureWaitable(v Value) (Waitable, error) {
	switch o := v.Object().(type) {
	case Waitable:
		return o, nil
	case Coroutine:
		return l.CreateTask(o, ""), nil
	}
	return nil, Errorf(TypeError, "An asyncio.Future, a coroutine or an awaitable is required")
}

// doneException returns the exception of a done Future or Task without
// marking it retrieved (nil for others, results and cancellation).
func doneException(w Waitable) *Exception {
	if f, ok := w.(FutureLike); ok {
		bf := f.BaseFuture()
		if bf.state == futureFinished {
			return bf.exc
		}
	}
	return nil
}

// isBaseError reports whether e is a SystemExit or KeyboardInterrupt,
// which end the loop's run instead of being reported.
func isBaseError(e *Exception) bool {
	return e != nil && (e.Matches(SystemExit) || e.Matches(KeyboardInterrupt))
}

// Close closes the loop: pending callbacks and timers are dropped, and
// exceptions that no one retrieved are reported on stderr (CPython reports
// them when the futures are garbage collected).
func (l *Loop) Close() error {
	if l.running {
		return Errorf(RuntimeError, "Cannot close a running event loop")
	}
	if l.closed {
		return nil
	}
	l.closed = true
	l.ready.clear()
	for _, t := range l.timers {
		t.index = -1
	}
	l.timers = nil
	l.timerCancelled = 0
	l.mu.Lock()
	l.inbox, l.shut = nil, true
	l.mu.Unlock()
	l.reportUnretrieved()
	return nil
}

// runOnce is one iteration: wait for work (threadsafe posts, the next
// timer), move due timers to the ready queue, then run the callbacks that
// are ready now — not those they schedule, which wait for the next turn.
func (l *Loop) runOnce() error {
	l.purgeTimers()
	l.poll()
	if l.OnInterrupt != nil {
		if e := l.th.TakeInterrupt(); e != nil {
			if err := l.OnInterrupt(e); err != nil {
				return err
			}
		}
	}
	end := l.Time() + clockResolution
	for len(l.timers) > 0 && l.timers[0].when < end {
		t := l.popTimer()
		if t.cancelled {
			l.timerCancelled--
			continue
		}
		l.ready.push(t)
	}
	for n := l.ready.n; n > 0; n-- {
		l.ready.pop().runReady()
		if l.fatal != nil {
			err := l.fatal
			l.fatal = nil
			return err
		}
	}
	return nil
}

// poll waits, when nothing is ready, for a post or the next timer (or
// jumps the virtual clock to it), then moves posted callbacks to the
// ready queue.
func (l *Loop) poll() {
	l.mu.Lock()
	idle := len(l.inbox) == 0 && l.ready.n == 0 && !l.stopping
	l.mu.Unlock()
	if idle {
		l.wait()
	}
	l.mu.Lock()
	in := l.inbox
	l.inbox = l.spare[:0]
	l.mu.Unlock()
	for i, fn := range in {
		l.ready.push(funcItem(fn))
		in[i] = nil
	}
	l.spare = in
}

// wait blocks until a post arrives or the next timer is due.
func (l *Loop) wait() {
	if len(l.timers) == 0 {
		<-l.wake
		return
	}
	when := l.timers[0].when
	if l.VirtualTime {
		if l.pending.Load() > 0 {
			<-l.wake // an external operation may post before the timer
			return
		}
		if when > l.vnow {
			l.vnow = when
		}
		return
	}
	dt := when - l.Time()
	if dt <= 0 {
		return
	}
	d := time.Duration(dt * float64(time.Second))
	if l.timer == nil {
		l.timer = time.NewTimer(d)
	} else {
		l.timer.Reset(d)
	}
	select {
	case <-l.wake:
		l.timer.Stop()
	case <-l.timer.C:
	}
}

// enterTask makes t the current task for one step; leaveTask restores
// the previous one.
func (l *Loop) enterTask(t *Task) (prev *Task) {
	prev = l.current
	l.current = t
	return prev
}

func (l *Loop) leaveTask(prev *Task) { l.current = prev }

// register records a new task for AllTasks. A full list is purged of
// done tasks first, then doubled if still over half full (append grows a
// long slice by only a quarter, which copies many times over when
// thousands of tasks start at once).
func (l *Loop) register(t *Task) {
	if n := len(l.tasks); n == cap(l.tasks) && n >= 64 {
		l.purgeTasks()
		if len(l.tasks) > n/2 {
			l.tasks = append(make([]*Task, 0, 2*n), l.tasks...)
		}
	}
	l.tasks = append(l.tasks, t)
}

func loopItoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}
