package runtime

// This file defines Future, asyncio's low-level awaitable: a result that
// arrives later, with done callbacks scheduled on the loop.

import "strings"

type futureState uint8

const (
	futurePending futureState = iota
	futureCancelled
	futureFinished
)

// Future is asyncio.Future. Its methods must be called on its loop's
// goroutine.
//
// The layout is kept small (96 bytes with 24-byte Values) because every parked task holds a
// Task and usually a waiter Future: fields that only some futures need
// share a word (result also holds the cancel message, exc the
// CancelledError that cancelled a task) or live behind more.
type Future struct {
	loop *Loop
	// task is the Task this Future is part of (what done callbacks
	// receive instead of the bare Future); nil for a plain Future.
	task         *Task
	id           uint32 // for Hash only, so wrapping around is harmless
	state        futureState
	logTraceback bool // an exception was set and not yet retrieved

	// result is the result once finished. While a task's cancellation is
	// pending and once cancelled, it is the cancel message (the zero
	// Value when cancel() had no message).
	result Value
	// exc is the exception once finished with one. Once cancelled, it is
	// the CancelledError that cancelled a task, raised once.
	exc *Exception

	cb0  doneCallback // the first done callback (the usual waiter): no allocation
	more *futureMore  // nil until a second callback or a cancel hook
}

// futureMore holds what few futures need.
type futureMore struct {
	callbacks []doneCallback // the done callbacks after cb0, in order

	// cancelHook, when set, replaces Cancel: gather's future cancels its
	// children instead of itself, as CPython's _GatheringFuture does.
	cancelHook func(msg Value) bool
}

// doneCallback is a registered done callback; key identifies it for
// remove_done_callback (the Python callable, or a Go token). With
// neither fn nor task, key is the *WatchQueue to notify (see Watch).
type doneCallback struct {
	fn   func()
	task *Task // instead of fn: wake this task up
	key  any
}

// empty reports whether cb is the zero doneCallback (no callback).
func (cb doneCallback) empty() bool { return cb.fn == nil && cb.task == nil && cb.key == nil }

// item is the ready-queue entry that runs the callback of f.
func (cb doneCallback) item(f *Future) readyItem {
	switch {
	case cb.task != nil:
		return taskWakeItem(cb.task)
	case cb.fn == nil:
		q := cb.key.(*WatchQueue)
		q.done = append(q.done, f)
		return q
	}
	return funcItem(cb.fn)
}

// describe is the callback's entry in a future's repr (CPython's
// _format_callbacks): a task's wake-up or a Python callable; Go
// callbacks are not listed.
func (cb doneCallback) describe(th *Thread) string {
	if cb.task != nil {
		return "Task.task_wakeup()"
	}
	if fn, ok := cb.key.(Value); ok {
		return describeCall(th, fn, nil)
	}
	return ""
}

// FutureLike is implemented by Future and Task (and types embedding a
// Future): it gives access to the Future part.
type FutureLike interface {
	Waitable
	BaseFuture() *Future
}

// FutureType and TaskType are asyncio.Future and asyncio.Task.
var (
	FutureType = NewType("_asyncio.Future", nil)
	TaskType   = NewType("_asyncio.Task", FutureType)
)

// NewFuture returns a pending future on loop.
func NewFuture(loop *Loop) *Future {
	f := &Future{}
	f.init(loop, nil)
	return f
}

// Init makes f, a zero Future inside a larger Go object, a pending
// future on loop (as NewFuture's), so that the object and the future it
// waits on are one allocation. f must not be in use.
func (f *Future) Init(loop *Loop) { f.init(loop, nil) }

func (f *Future) init(loop *Loop, task *Task) {
	loop.seq++
	f.loop, f.task, f.id = loop, task, uint32(loop.seq)
}

// self is the object done callbacks receive: the Task this Future is
// part of, or the Future itself.
func (f *Future) self() Object {
	if f.task != nil {
		return f.task
	}
	return f
}

// Type implements Object.
func (f *Future) Type() *Type { return FutureType }

// BaseFuture implements FutureLike.
func (f *Future) BaseFuture() *Future { return f }

// Loop returns the loop the future belongs to.
func (f *Future) Loop() *Loop { return f.loop }

// Done reports whether the future has a result, an exception, or was
// cancelled.
func (f *Future) Done() bool { return f.state != futurePending }

// Cancelled reports whether the future was cancelled.
func (f *Future) Cancelled() bool { return f.state == futureCancelled }

// Result returns the result, or raises the exception, CancelledError, or
// InvalidStateError "Result is not set.".
func (f *Future) Result(th *Thread) (Value, error) {
	switch f.state {
	case futureCancelled:
		return Value{}, f.MakeCancelledError()
	case futurePending:
		return Value{}, Errorf(InvalidStateError, "Result is not set.")
	}
	f.logTraceback = false
	if f.exc != nil {
		return Value{}, f.exc
	}
	return f.result, nil
}

// Exception returns the exception set (nil if a result was set), or
// raises CancelledError or InvalidStateError "Exception is not set.".
func (f *Future) Exception() (*Exception, error) {
	switch f.state {
	case futureCancelled:
		return nil, f.MakeCancelledError()
	case futurePending:
		return nil, Errorf(InvalidStateError, "Exception is not set.")
	}
	f.logTraceback = false
	return f.exc, nil
}

// MakeCancelledError returns the CancelledError a cancelled future
// raises: the one that cancelled its task (once), else a new one with the
// cancel message.
func (f *Future) MakeCancelledError() *Exception {
	if e := f.exc; e != nil && f.state == futureCancelled {
		f.exc = nil
		return e
	}
	if msg := f.CancelMessage(); !msg.IsNone() {
		return NewException(CancelledError, msg)
	}
	return NewException(CancelledError)
}

// CancelMessage returns the message given to cancel(), or None.
func (f *Future) CancelMessage() Value {
	if f.state == futureFinished || f.result.IsNull() {
		return None
	}
	return f.result
}

// SetResult completes the future with v; InvalidStateError if it is done.
func (f *Future) SetResult(v Value) error {
	if f.state != futurePending {
		return f.invalidState()
	}
	f.result, f.state = v, futureFinished
	f.scheduleCallbacks()
	return nil
}

// SetException completes the future with err (converted by AsException);
// InvalidStateError if it is done, TypeError for StopIteration.
func (f *Future) SetException(err error) error {
	if f.state != futurePending {
		return f.invalidState()
	}
	e := AsException(err)
	if e.Type() == StopIteration {
		return Errorf(TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future")
	}
	f.exc, f.state = e, futureFinished
	f.scheduleCallbacks()
	f.logTraceback = true
	f.loop.noteUnretrieved(f)
	return nil
}

func (f *Future) invalidState() error {
	return Errorf(InvalidStateError, "invalid state")
}

// Cancel cancels a pending future and schedules its callbacks; it returns
// false if the future was done.
func (f *Future) Cancel(msg Value) bool {
	if f.more != nil && f.more.cancelHook != nil {
		return f.more.cancelHook(msg)
	}
	return f.cancel(msg)
}

// SetCancelHook makes Cancel call hook instead of cancelling the future.
func (f *Future) SetCancelHook(hook func(msg Value) bool) { f.extra().cancelHook = hook }

// extra returns f.more, made on first use.
func (f *Future) extra() *futureMore {
	if f.more == nil {
		f.more = &futureMore{}
	}
	return f.more
}

func (f *Future) cancel(msg Value) bool {
	f.logTraceback = false
	if f.state != futurePending {
		return false
	}
	f.state, f.result = futureCancelled, msg
	f.scheduleCallbacks()
	return true
}

// AddDoneCallback implements Waitable: fn runs on the loop once the
// future is done (soon, if it is done already).
func (f *Future) AddDoneCallback(fn func()) { f.addCallback(doneCallback{fn: fn}) }

// AddDoneCallbackKey is AddDoneCallback with a key for
// RemoveDoneCallback (compared with ==).
func (f *Future) AddDoneCallbackKey(fn func(), key any) {
	f.addCallback(doneCallback{fn: fn, key: key})
}

func (f *Future) addCallback(cb doneCallback) {
	switch {
	case f.state != futurePending:
		f.loop.ready.push(cb.item(f))
	case f.cb0.empty():
		f.cb0 = cb
	default:
		m := f.extra()
		m.callbacks = append(m.callbacks, cb)
	}
}

// RemoveDoneCallback removes the callbacks registered with key and
// returns how many there were.
func (f *Future) RemoveDoneCallback(key any) int {
	return f.removeCallbacks(func(k any) bool { return k == key })
}

func (f *Future) removeCallbacks(match func(key any) bool) int {
	all := f.callbackList()
	kept := all[:0]
	for _, cb := range all {
		if cb.key == nil || !match(cb.key) {
			kept = append(kept, cb)
		}
	}
	n := len(all) - len(kept)
	f.cb0 = doneCallback{}
	if f.more != nil {
		f.more.callbacks = nil
	}
	for _, cb := range kept {
		f.addCallback(cb)
	}
	return n
}

// callbackList returns a new slice of the done callbacks in order.
func (f *Future) callbackList() []doneCallback {
	if f.cb0.empty() {
		return nil
	}
	all := []doneCallback{f.cb0}
	if f.more != nil {
		all = append(all, f.more.callbacks...)
	}
	return all
}

// scheduleCallbacks schedules the done callbacks in registration order.
func (f *Future) scheduleCallbacks() {
	if f.cb0.empty() {
		return
	}
	f.loop.ready.push(f.cb0.item(f))
	f.cb0 = doneCallback{}
	if f.more == nil {
		return
	}
	cbs := f.more.callbacks
	f.more.callbacks = nil
	for _, cb := range cbs {
		f.loop.ready.push(cb.item(f))
	}
}

// Repr implements HasRepr: <Future pending>, <Future finished result=1>,
// <Future cancelled>, <Future finished exception=KeyError('k')>.
func (f *Future) Repr(th *Thread) (string, error) {
	return "<" + f.Type().Name + " " + strings.Join(f.reprInfo(th), " ") + ">", nil
}

// reprInfo is CPython's _future_repr_info.
func (f *Future) reprInfo(th *Thread) []string {
	info := []string{[...]string{"pending", "cancelled", "finished"}[f.state]}
	if f.state == futureFinished {
		if f.exc != nil {
			r, _ := Repr(th, Obj(f.exc))
			info = append(info, "exception="+r)
		} else {
			r, _ := Repr(th, f.result)
			info = append(info, "result="+r)
		}
	}
	if cb := f.formatCallbacks(th); cb != "" {
		info = append(info, cb)
	}
	return info
}

// formatCallbacks is CPython's _format_callbacks: cb=[f(), g()], eliding
// the middle of a long list.
func (f *Future) formatCallbacks(th *Thread) string {
	var names []string
	for _, cb := range f.callbackList() {
		if d := cb.describe(th); d != "" {
			names = append(names, d)
		}
	}
	switch n := len(names); {
	case n == 0:
		return ""
	case n > 2:
		return "cb=[" + names[0] + ", <" + loopItoa(int64(n-2)) + " more>, " + names[n-1] + "]"
	}
	return "cb=[" + strings.Join(names, ", ") + "]"
}

// Hash implements HasHash by identity.
func (f *Future) Hash(th *Thread) (int64, error) { return int64(f.id), nil }
