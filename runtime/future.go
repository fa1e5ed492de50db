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
type Future struct {
	loop *Loop
	// self is the object done callbacks receive: the Future itself, or
	// the Task that embeds it.
	self  Object
	id    uint64
	state futureState

	result       Value
	exc          *Exception
	cancelMsg    Value      // the zero Value when cancel() had no message
	cancelledExc *Exception // the CancelledError that cancelled a task, raised once

	callbacks    []doneCallback
	inlineCB     [1]doneCallback // backs callbacks while there is one (the usual waiter)
	logTraceback bool            // an exception was set and not yet retrieved

	// CancelHook, when set, replaces Cancel: gather's future cancels its
	// children instead of itself, as CPython's _GatheringFuture does.
	CancelHook func(msg Value) bool
}

// doneCallback is a registered done callback; key identifies it for
// remove_done_callback (the Python callable, or a Go token).
type doneCallback struct {
	fn   func()
	task *Task // instead of fn: wake this task up
	key  any
	desc string
}

// item is the ready-queue entry that runs the callback.
func (cb doneCallback) item() readyItem {
	if cb.task != nil {
		return readyItem{task: cb.task, wake: true}
	}
	return readyItem{fn: cb.fn}
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
	f.init(loop, f)
	return f
}

func (f *Future) init(loop *Loop, self Object) {
	loop.seq++
	f.loop, f.self, f.id = loop, self, loop.seq
	f.callbacks = f.inlineCB[:0:1]
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
	if e := f.cancelledExc; e != nil {
		f.cancelledExc = nil
		return e
	}
	if f.cancelMsg.IsNull() || f.cancelMsg.IsNone() {
		return NewException(CancelledError)
	}
	return NewException(CancelledError, f.cancelMsg)
}

// CancelMessage returns the message given to cancel(), or None.
func (f *Future) CancelMessage() Value {
	if f.cancelMsg.IsNull() {
		return None
	}
	return f.cancelMsg
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
	if f.CancelHook != nil {
		return f.CancelHook(msg)
	}
	return f.cancel(msg)
}

func (f *Future) cancel(msg Value) bool {
	f.logTraceback = false
	if f.state != futurePending {
		return false
	}
	f.state, f.cancelMsg = futureCancelled, msg
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
	if f.state != futurePending {
		f.loop.ready.push(cb.item())
		return
	}
	f.callbacks = append(f.callbacks, cb)
}

// RemoveDoneCallback removes the callbacks registered with key and
// returns how many there were.
func (f *Future) RemoveDoneCallback(key any) int {
	return f.removeCallbacks(func(k any) bool { return k == key })
}

func (f *Future) removeCallbacks(match func(key any) bool) int {
	kept := f.callbacks[:0]
	for _, cb := range f.callbacks {
		if cb.key == nil || !match(cb.key) {
			kept = append(kept, cb)
		}
	}
	n := len(f.callbacks) - len(kept)
	clear(f.callbacks[len(kept):])
	f.callbacks = kept
	return n
}

// scheduleCallbacks schedules the done callbacks in registration order.
func (f *Future) scheduleCallbacks() {
	cbs := f.callbacks
	f.callbacks = nil
	for i, cb := range cbs {
		f.loop.ready.push(cb.item())
		cbs[i] = doneCallback{}
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
	if cb := f.formatCallbacks(); cb != "" {
		info = append(info, cb)
	}
	return info
}

// formatCallbacks is CPython's _format_callbacks: cb=[f(), g()], eliding
// the middle of a long list.
func (f *Future) formatCallbacks() string {
	var names []string
	for _, cb := range f.callbacks {
		if cb.desc != "" {
			names = append(names, cb.desc)
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
