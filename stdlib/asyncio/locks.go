package asyncio

// This file defines asyncio's synchronization primitives (Lock, Event,
// Condition, Semaphore, BoundedSemaphore, Barrier), mirroring CPython
// 3.12's Lib/asyncio/locks.py wake-up order included, and what they share
// with the queues: waiter FIFOs, loop binding, argument binding with
// CPython's messages, and InstallSync.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pyish/pyish/runtime"
)

// InstallSync puts the queues, the synchronization primitives and their
// exceptions into the asyncio module m.
func InstallSync(th *runtime.Thread, m *runtime.Module) {
	for _, t := range []*runtime.Type{
		QueueType, PriorityQueueType, LifoQueueType, QueueEmpty, QueueFull,
		LockType, EventType, ConditionType, SemaphoreType, BoundedSemaphoreType,
		BarrierType, BrokenBarrierError,
	} {
		m.Dict.SetStr(t.Name, runtime.Obj(t))
	}
}

func init() {
	setType(QueueType, newQueueOf(fifo), queueMethods())
	QueueType.SetMembers(queueMembers())
	QueueType.SetAttr("__class_getitem__", runtime.Obj(&runtime.ClassMethod{Fn: runtime.NewBuiltin("__class_getitem__", queueClassGetItem)}))
	setType(PriorityQueueType, newQueueOf(priority), nil)
	setType(LifoQueueType, newQueueOf(lifo), nil)
	setType(LockType, newLock, lockMethods())
	setType(EventType, newEvent, eventMethods())
	setType(ConditionType, newCondition, conditionMethods())
	setType(SemaphoreType, newSemaphoreOf("Semaphore", false), semaphoreMethods())
	SemaphoreType.SetMembers(map[string]runtime.MemberFunc{"_value": semaphoreValue})
	setType(BoundedSemaphoreType, newSemaphoreOf("BoundedSemaphore", true), nil)
	setType(BarrierType, newBarrier, barrierMethods())
	BarrierType.SetMembers(barrierMembers())
}

// newFunc adapts a constructor to the type hook. The runtime refuses
// subclasses of these types ("subclassing the built-in type 'Queue' is
// not supported": their instances are Go structs), so t is the type.
func newFunc(fn func(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error)) runtime.NewFunc {
	return func(th *runtime.Thread, _ *runtime.Type, args []runtime.Value, kwnames []string) (runtime.Value, error) {
		return fn(th, args, kwnames)
	}
}

// setType gives t its constructor and methods.
func setType(t *runtime.Type, ctor func(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error), methods map[string]runtime.MethodFunc) {
	t.New = newFunc(ctor)
	if methods != nil {
		t.SetMethods(methods)
	}
}

// ---- coroutines ----

// The coroutine methods (q.get(), lock.acquire(), …) are Go state machines
// run by goCoro (coro.go): like CPython's, calling the method does nothing
// until the coroutine is awaited, and awaiting it suspends only when it
// has to wait.

// isCancelled reports whether err is asyncio.CancelledError.
func isCancelled(err error) bool { return matches(err, runtime.CancelledError) }

// funcCoro is an `async def` without awaits: fn runs when it is awaited.
func funcCoro(name string, fn func(th *runtime.Thread) (runtime.Value, error)) (runtime.Value, error) {
	return runtime.Obj(newGoCoro(name, func(th *runtime.Thread, _ runtime.Value, _ error) next {
		return finish(fn(th))
	})), nil
}

// thenNone is `await sub; return None` (the __aenter__ of the locks).
func thenNone(name string, sub runtime.Coroutine) (runtime.Value, error) {
	started := false
	return runtime.Obj(newGoCoro(name, func(th *runtime.Thread, v runtime.Value, err error) next {
		if !started {
			started = true
			return awaitSub(sub)
		}
		if err != nil {
			return fail(err)
		}
		return finishWith(runtime.None)
	})), nil
}

// ---- waiters and loop binding ----

// waiters is a FIFO of futures (CPython's collections.deque of waiters).
type waiters struct{ futs []*runtime.Future }

func (w *waiters) len() int { return len(w.futs) }

func (w *waiters) push(f *runtime.Future) { w.futs = append(w.futs, f) }

// popFront removes and returns the oldest waiter.
func (w *waiters) popFront() *runtime.Future {
	f := w.futs[0]
	w.futs[0] = nil
	w.futs = w.futs[1:]
	return f
}

// remove deletes the first occurrence of f; false if it is absent.
func (w *waiters) remove(f *runtime.Future) bool {
	for i, g := range w.futs {
		if g == f {
			copy(w.futs[i:], w.futs[i+1:])
			w.futs[len(w.futs)-1] = nil
			w.futs = w.futs[:len(w.futs)-1]
			return true
		}
	}
	return false
}

// allCancelled is all(w.cancelled() for w in waiters).
func (w *waiters) allCancelled() bool {
	for _, f := range w.futs {
		if !f.Cancelled() {
			return false
		}
	}
	return true
}

// loopBound mirrors mixins._LoopBoundMixin: an object binds to the running
// loop the first time it needs a future, and refuses any other loop after.
type loopBound struct{ loop *runtime.Loop }

// newFuture is self._get_loop().create_future().
func (b *loopBound) newFuture(th *runtime.Thread, self runtime.Object) (*runtime.Future, error) {
	loop, err := b.getLoop(th, self)
	if err != nil {
		return nil, err
	}
	return runtime.NewFuture(loop), nil
}

// getLoop is self._get_loop(): the running loop, which self binds to
// the first time.
func (b *loopBound) getLoop(th *runtime.Thread, self runtime.Object) (*runtime.Loop, error) {
	loop, err := runtime.RunningLoop(th)
	if err != nil {
		return nil, err
	}
	if b.loop == nil {
		b.loop = loop
	}
	if loop != b.loop {
		r, err := runtime.Repr(th, runtime.Obj(self))
		if err != nil {
			return nil, err
		}
		return nil, runtime.Errorf(runtime.RuntimeError, "%s is bound to a different event loop", r)
	}
	return loop, nil
}

// ---- helpers for the Python-visible types ----

// self casts the receiver of a method of type t to its Go type.
func self[T runtime.Object](v runtime.Value, t *runtime.Type, method string) (T, error) {
	o, ok := v.Object().(T)
	if !ok {
		var zero T
		return zero, runtime.Errorf(runtime.TypeError, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", method, t.Name, v.Type().Name)
	}
	return o, nil
}

// method makes a method of t whose receiver has Go type T; qualname is
// the name CPython's messages use ("Queue.put").
func method[T runtime.Object](t *runtime.Type, qualname string, body func(th *runtime.Thread, o T, args []runtime.Value, kw []string) (runtime.Value, error)) runtime.MethodFunc {
	name := qualname[strings.LastIndexByte(qualname, '.')+1:]
	return func(th *runtime.Thread, v runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
		o, err := self[T](v, t, name)
		if err != nil {
			return runtime.Value{}, err
		}
		return body(th, o, args, kw)
	}
}

// method0 makes a method of t that takes no arguments.
func method0[T runtime.Object](t *runtime.Type, qualname string, body func(th *runtime.Thread, o T) (runtime.Value, error)) runtime.MethodFunc {
	return method(t, qualname, func(th *runtime.Thread, o T, args []runtime.Value, kw []string) (runtime.Value, error) {
		if err := bindArgs(qualname, args, kw, nil, 0); err != nil {
			return runtime.Value{}, err
		}
		return body(th, o)
	})
}

// bindArgs binds the arguments of a method that CPython defines in Python
// (queues.py, locks.py), with the TypeErrors of a Python function: names
// are its parameters after self, the first nreq of them required; dst
// receive the values given (a target keeps its default otherwise).
func bindArgs(qualname string, args []runtime.Value, kwnames []string, names []string, nreq int, dst ...*runtime.Value) error {
	npos := len(args) - len(kwnames)
	var buf [4]bool
	set := buf[:0]
	if len(names) <= len(buf) {
		set = buf[:len(names)]
	} else {
		set = make([]bool, len(names))
	}
	for i := 0; i < npos && i < len(names); i++ {
		*dst[i], set[i] = args[i], true
	}
	for k, kw := range kwnames {
		i := slices.Index(names, kw)
		switch {
		case i < 0:
			return runtime.Errorf(runtime.TypeError, "%s() got an unexpected keyword argument '%s'", qualname, kw)
		case set[i]:
			return runtime.Errorf(runtime.TypeError, "%s() got multiple values for argument '%s'", qualname, kw)
		}
		*dst[i], set[i] = args[npos+k], true
	}
	if npos > len(names) {
		return tooManyArgs(qualname, nreq+1, len(names)+1, npos+1)
	}
	var missing []string
	for i := range nreq {
		if !set[i] {
			missing = append(missing, "'"+names[i]+"'")
		}
	}
	if len(missing) > 0 {
		return missingArgs(qualname, missing)
	}
	return nil
}

// tooManyArgs is "f() takes 2 positional arguments but 3 were given"
// (counting self, as CPython does).
func tooManyArgs(qualname string, lo, hi, given int) error {
	takes := fmt.Sprintf("%d positional argument", hi)
	if lo < hi {
		takes = fmt.Sprintf("from %d to %d positional argument", lo, hi)
	}
	if lo < hi || hi != 1 {
		takes += "s"
	}
	return runtime.Errorf(runtime.TypeError, "%s() takes %s but %d were given", qualname, takes, given)
}

// missingArgs is "f() missing 2 required positional arguments: 'a' and 'b'".
func missingArgs(qualname string, missing []string) error {
	n := len(missing)
	list := missing[0]
	switch {
	case n == 2:
		list = missing[0] + " and " + missing[1]
	case n > 2:
		list = strings.Join(missing[:n-1], ", ") + ", and " + missing[n-1]
	}
	plural := ""
	if n > 1 {
		plural = "s"
	}
	return runtime.Errorf(runtime.TypeError, "%s() missing %d required positional argument%s: %s", qualname, n, plural, list)
}

// objectRepr is CPython's default repr plus the primitives' [extra]:
// <asyncio.locks.Lock object at 0x… [unlocked]>.
func objectRepr(o runtime.Object, extra string) string {
	t := o.Type()
	return fmt.Sprintf("<%s.%s object at %p [%s]>", t.Module, t.Qualname, o, extra)
}

// withWaiters appends ", waiters:N" to a repr's extra when N > 0.
func withWaiters(extra string, n int) string {
	if n > 0 {
		return fmt.Sprintf("%s, waiters:%d", extra, n)
	}
	return extra
}

// toInt converts an argument to a Go int64 (ints, bools, __index__).
func toInt(th *runtime.Thread, v runtime.Value) (int64, error) {
	if v.IsInt() {
		return v.AsInt(), nil
	}
	return runtime.ToInt64(th, v)
}

// ---- Lock ----

// Python-visible types of the primitives.
var (
	LockType             = runtime.NewType("asyncio.locks.Lock", nil)
	EventType            = runtime.NewType("asyncio.locks.Event", nil)
	ConditionType        = runtime.NewType("asyncio.locks.Condition", nil)
	SemaphoreType        = runtime.NewType("asyncio.locks.Semaphore", nil)
	BoundedSemaphoreType = runtime.NewType("asyncio.locks.BoundedSemaphore", SemaphoreType)
	BarrierType          = runtime.NewType("asyncio.locks.Barrier", nil)
)

// BrokenBarrierError is asyncio.BrokenBarrierError.
var BrokenBarrierError = runtime.NewExceptionType("asyncio.exceptions.BrokenBarrierError", runtime.RuntimeError)

// Lock is asyncio.Lock: not owned by a task, and fair: waiters acquire it
// in FIFO order.
type Lock struct {
	loopBound
	waiters waiters
	locked  bool
}

// Type implements runtime.Object.
func (l *Lock) Type() *runtime.Type { return LockType }

// Repr implements runtime.HasRepr.
func (l *Lock) Repr(th *runtime.Thread) (string, error) {
	extra := "unlocked"
	if l.locked {
		extra = "locked"
	}
	return objectRepr(l, withWaiters(extra, l.waiters.len())), nil
}

// acquire is the coroutine of lock.acquire(). The lock is taken at once
// when it is free and no live waiter is queued (jumping a queue of only
// cancelled waiters is allowed, as in CPython).
func (l *Lock) acquire() *goCoro {
	var fut *runtime.Future
	return newGoCoro("Lock.acquire", func(th *runtime.Thread, _ runtime.Value, err error) next {
		if fut == nil {
			if !l.locked && l.waiters.allCancelled() {
				l.locked = true
				return finishWith(runtime.True)
			}
			f, err := l.newFuture(th, l)
			if err != nil {
				return fail(err)
			}
			fut = f
			l.waiters.push(fut)
			return awaitOn(fut)
		}
		l.waiters.remove(fut)
		if err != nil {
			// Keep the invariant: if nobody holds (or is about to
			// hold) the lock, the head waiter must run.
			if isCancelled(err) && !l.locked {
				l.wakeUpFirst()
			}
			return fail(err)
		}
		l.locked = true
		return finishWith(runtime.True)
	})
}

// release unlocks the lock and lets the first waiter proceed.
func (l *Lock) release() error {
	if !l.locked {
		return runtime.Errorf(runtime.RuntimeError, "Lock is not acquired.")
	}
	l.locked = false
	l.wakeUpFirst()
	return nil
}

// wakeUpFirst ensures that the first waiter will wake up (a done one is
// already due to).
func (l *Lock) wakeUpFirst() {
	if l.waiters.len() == 0 {
		return
	}
	if fut := l.waiters.futs[0]; !fut.Done() {
		fut.SetResult(runtime.True)
	}
}

func newLock(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := bindArgs("Lock.__init__", args, kwnames, nil, 0); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(&Lock{}), nil
}

func lockMethods() map[string]runtime.MethodFunc {
	t := LockType
	return map[string]runtime.MethodFunc{
		"locked": method0(t, "Lock.locked", func(th *runtime.Thread, l *Lock) (runtime.Value, error) {
			return runtime.Bool(l.locked), nil
		}),
		"acquire": method0(t, "Lock.acquire", func(th *runtime.Thread, l *Lock) (runtime.Value, error) {
			return runtime.Obj(l.acquire()), nil
		}),
		"release": method0(t, "Lock.release", func(th *runtime.Thread, l *Lock) (runtime.Value, error) {
			return runtime.None, l.release()
		}),
		"__aenter__": method0(t, "_ContextManagerMixin.__aenter__", func(th *runtime.Thread, l *Lock) (runtime.Value, error) {
			return thenNone("_ContextManagerMixin.__aenter__", l.acquire())
		}),
		"__aexit__": method(t, "_ContextManagerMixin.__aexit__", func(th *runtime.Thread, l *Lock, args []runtime.Value, kw []string) (runtime.Value, error) {
			return releaseOnExit(args, kw, l.release)
		}),
	}
}

// releaseOnExit is the coroutine of a lock's __aexit__(exc_type, exc,
// tb): it releases when awaited and returns None, so exceptions propagate.
func releaseOnExit(args []runtime.Value, kw []string, release func() error) (runtime.Value, error) {
	var typ, exc, tb runtime.Value
	if err := bindArgs("_ContextManagerMixin.__aexit__", args, kw, []string{"exc_type", "exc", "tb"}, 3, &typ, &exc, &tb); err != nil {
		return runtime.Value{}, err
	}
	return funcCoro("_ContextManagerMixin.__aexit__", func(th *runtime.Thread) (runtime.Value, error) {
		return runtime.None, release()
	})
}

// ---- Event ----

// Event is asyncio.Event: a flag that tasks can wait for.
type Event struct {
	loopBound
	waiters waiters
	value   bool
}

// Type implements runtime.Object.
func (e *Event) Type() *runtime.Type { return EventType }

// Repr implements runtime.HasRepr.
func (e *Event) Repr(th *runtime.Thread) (string, error) {
	extra := "unset"
	if e.value {
		extra = "set"
	}
	return objectRepr(e, withWaiters(extra, e.waiters.len())), nil
}

// set sets the flag and wakes every waiter.
func (e *Event) set() {
	if e.value {
		return
	}
	e.value = true
	for _, fut := range e.waiters.futs {
		if !fut.Done() {
			fut.SetResult(runtime.True)
		}
	}
}

// wait is the coroutine of event.wait().
func (e *Event) wait() *eventWait { return &eventWait{e: e} }

// eventWait is the coroutine of event.wait(). It is not a goCoro: it
// holds the future it waits on, so that a task parked on an Event costs
// one allocation here.
type eventWait struct {
	fut   runtime.Future // the waiter, once state is waiting
	e     *Event
	state coroState
}

// coroState is where a hand-written coroutine is.
type coroState uint8

const (
	coroNew coroState = iota
	coroWaiting
	coroDone
)

// Type implements runtime.Object.
func (w *eventWait) Type() *runtime.Type { return goCoroType }

// Repr implements runtime.HasRepr.
func (w *eventWait) Repr(th *runtime.Thread) (string, error) {
	return fmt.Sprintf("<coroutine object Event.wait at %p>", w), nil
}

// Describe implements runtime.CoroutineDescriber.
func (w *eventWait) Describe() (qualname, file string, line int, finished bool) {
	return "Event.wait", "asyncio/tasks.py", 1, w.state == coroDone
}

// AwaitState implements runtime.AwaitState.
func (w *eventWait) AwaitState() (string, bool) { return "Event.wait", w.state != coroNew }

// Resume implements runtime.Coroutine: return True at once if the event
// is set, else wait on a future that set() completes.
func (w *eventWait) Resume(th *runtime.Thread, send runtime.Value, exc *runtime.Exception) (runtime.Value, bool, error) {
	switch w.state {
	case coroNew:
		if exc != nil || w.e.value {
			return w.end(exc)
		}
		loop, err := w.e.getLoop(th, w.e)
		if err != nil {
			return w.end(runtime.AsException(err))
		}
		w.fut.Init(loop)
		w.e.waiters.push(&w.fut)
		w.state = coroWaiting
		return runtime.Obj(&w.fut), false, nil
	case coroWaiting:
		if exc == nil && !w.fut.Done() { // woken early: keep waiting
			return runtime.Obj(&w.fut), false, nil
		}
		w.e.waiters.remove(&w.fut)
		if exc == nil {
			if _, err := w.fut.Result(th); err != nil {
				exc = runtime.AsException(err)
			}
		}
		return w.end(exc)
	}
	if exc != nil {
		return runtime.Value{}, true, exc
	}
	return runtime.Value{}, true, runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited coroutine")
}

// end finishes the coroutine: raise exc, or return True.
func (w *eventWait) end(exc *runtime.Exception) (runtime.Value, bool, error) {
	w.state = coroDone
	if exc != nil {
		return runtime.Value{}, true, exc
	}
	return runtime.True, true, nil
}

// Close implements runtime.Coroutine: a waiting coroutine leaves the
// event's waiters.
func (w *eventWait) Close(th *runtime.Thread) error {
	if w.state == coroWaiting {
		w.e.waiters.remove(&w.fut)
	}
	w.state = coroDone
	return nil
}

func newEvent(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := bindArgs("Event.__init__", args, kwnames, nil, 0); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(&Event{}), nil
}

func eventMethods() map[string]runtime.MethodFunc {
	t := EventType
	return map[string]runtime.MethodFunc{
		"is_set": method0(t, "Event.is_set", func(th *runtime.Thread, e *Event) (runtime.Value, error) {
			return runtime.Bool(e.value), nil
		}),
		"set": method0(t, "Event.set", func(th *runtime.Thread, e *Event) (runtime.Value, error) {
			e.set()
			return runtime.None, nil
		}),
		"clear": method0(t, "Event.clear", func(th *runtime.Thread, e *Event) (runtime.Value, error) {
			e.value = false
			return runtime.None, nil
		}),
		"wait": method0(t, "Event.wait", func(th *runtime.Thread, e *Event) (runtime.Value, error) {
			return runtime.Obj(e.wait()), nil
		}),
	}
}

// ---- Condition ----

// Condition is asyncio.Condition: tasks wait on it, holding its lock,
// until another task notifies them.
type Condition struct {
	loopBound
	lock    *Lock
	waiters waiters
}

// Type implements runtime.Object.
func (c *Condition) Type() *runtime.Type { return ConditionType }

// Repr implements runtime.HasRepr.
func (c *Condition) Repr(th *runtime.Thread) (string, error) {
	extra := "unlocked"
	if c.lock.locked {
		extra = "locked"
	}
	return objectRepr(c, withWaiters(extra, c.waiters.len())), nil
}

// wait is the coroutine of cond.wait(): release the lock, wait to be
// notified, then re-acquire the lock even when cancelled meanwhile (the
// last CancelledError of the re-acquiring is raised after). Any exception
// out of it passes a notification on, since this task may have been
// notified already (a spurious wake-up is allowed).
func (c *Condition) wait() *goCoro {
	state := 0
	var fut *runtime.Future
	var pending, cancelled error
	return newGoCoro("Condition.wait", func(th *runtime.Thread, _ runtime.Value, err error) next {
		switch state {
		case 0:
			if !c.lock.locked {
				return fail(runtime.Errorf(runtime.RuntimeError, "cannot wait on un-acquired lock"))
			}
			f, err := c.newFuture(th, c)
			if err != nil {
				return fail(err)
			}
			fut = f
			if err := c.lock.release(); err != nil {
				return fail(err)
			}
			c.waiters.push(fut)
			state = 1
			return awaitOn(fut)
		case 1:
			c.waiters.remove(fut)
			pending = err
			state = 2
			return awaitSub(c.lock.acquire())
		}
		if err != nil { // one attempt to re-acquire ended
			if !isCancelled(err) {
				c.notify(1)
				return fail(err)
			}
			cancelled = err
			return awaitSub(c.lock.acquire())
		}
		if cancelled != nil {
			pending = cancelled
		}
		if pending != nil {
			c.notify(1)
			return fail(pending)
		}
		return finishWith(runtime.True)
	})
}

// waitFor is the coroutine of cond.wait_for(predicate): wait until
// predicate() is true, returning its last value.
func (c *Condition) waitFor(pred func(th *runtime.Thread) (runtime.Value, error)) *goCoro {
	started := false
	return newGoCoro("Condition.wait_for", func(th *runtime.Thread, _ runtime.Value, err error) next {
		if started && err != nil {
			return fail(err)
		}
		started = true
		r, err := pred(th)
		if err != nil {
			return fail(err)
		}
		ok, err := runtime.Truth(th, r)
		switch {
		case err != nil:
			return fail(err)
		case ok:
			return finishWith(r)
		}
		return awaitSub(c.wait())
	})
}

// notify wakes up to n waiters that are not woken yet, in FIFO order.
func (c *Condition) notify(n int64) {
	var idx int64
	for _, fut := range c.waiters.futs {
		if idx >= n {
			break
		}
		if !fut.Done() {
			idx++
			fut.SetResult(runtime.False)
		}
	}
}

// checkedNotify is cond.notify(n): the lock must be held.
func (c *Condition) checkedNotify(n int64) error {
	if !c.lock.locked {
		return runtime.Errorf(runtime.RuntimeError, "cannot notify on un-acquired lock")
	}
	c.notify(n)
	return nil
}

// locked is the coroutine of `async with cond: body()`.
func (c *Condition) locked(name string, body func()) *goCoro {
	started := false
	return newGoCoro(name, func(th *runtime.Thread, _ runtime.Value, err error) next {
		if !started {
			started = true
			return awaitSub(c.lock.acquire())
		}
		if err != nil {
			return fail(err)
		}
		body()
		return finish(runtime.None, c.lock.release())
	})
}

func newCondition(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	lock := runtime.None
	if err := bindArgs("Condition.__init__", args, kwnames, []string{"lock"}, 0, &lock); err != nil {
		return runtime.Value{}, err
	}
	c := &Condition{lock: &Lock{}}
	if !lock.IsNone() {
		l, ok := lock.Object().(*Lock)
		if !ok {
			if _, err := runtime.GetAttr(th, lock, "locked"); err != nil {
				return runtime.Value{}, err // what CPython raises for such a lock
			}
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "Condition() needs an asyncio.Lock, not '%s'", lock.Type().Name)
		}
		c.lock = l
	}
	return runtime.Obj(c), nil
}

func conditionMethods() map[string]runtime.MethodFunc {
	t := ConditionType
	return map[string]runtime.MethodFunc{
		"locked": method0(t, "Lock.locked", func(th *runtime.Thread, c *Condition) (runtime.Value, error) {
			return runtime.Bool(c.lock.locked), nil
		}),
		"acquire": method0(t, "Lock.acquire", func(th *runtime.Thread, c *Condition) (runtime.Value, error) {
			return runtime.Obj(c.lock.acquire()), nil
		}),
		"release": method0(t, "Lock.release", func(th *runtime.Thread, c *Condition) (runtime.Value, error) {
			return runtime.None, c.lock.release()
		}),
		"wait": method0(t, "Condition.wait", func(th *runtime.Thread, c *Condition) (runtime.Value, error) {
			return runtime.Obj(c.wait()), nil
		}),
		"wait_for": method(t, "Condition.wait_for", func(th *runtime.Thread, c *Condition, args []runtime.Value, kw []string) (runtime.Value, error) {
			var pred runtime.Value
			if err := bindArgs("Condition.wait_for", args, kw, []string{"predicate"}, 1, &pred); err != nil {
				return runtime.Value{}, err
			}
			return runtime.Obj(c.waitFor(func(th *runtime.Thread) (runtime.Value, error) {
				return runtime.Call(th, pred, nil, nil)
			})), nil
		}),
		"notify": method(t, "Condition.notify", func(th *runtime.Thread, c *Condition, args []runtime.Value, kw []string) (runtime.Value, error) {
			n := runtime.Int(1)
			if err := bindArgs("Condition.notify", args, kw, []string{"n"}, 0, &n); err != nil {
				return runtime.Value{}, err
			}
			k, err := toInt(th, n)
			if err != nil {
				return runtime.Value{}, err
			}
			return runtime.None, c.checkedNotify(k)
		}),
		"notify_all": method0(t, "Condition.notify_all", func(th *runtime.Thread, c *Condition) (runtime.Value, error) {
			return runtime.None, c.checkedNotify(int64(c.waiters.len()))
		}),
		"__aenter__": method0(t, "_ContextManagerMixin.__aenter__", func(th *runtime.Thread, c *Condition) (runtime.Value, error) {
			return thenNone("_ContextManagerMixin.__aenter__", c.lock.acquire())
		}),
		"__aexit__": method(t, "_ContextManagerMixin.__aexit__", func(th *runtime.Thread, c *Condition, args []runtime.Value, kw []string) (runtime.Value, error) {
			return releaseOnExit(args, kw, c.lock.release)
		}),
	}
}

// ---- Semaphore and BoundedSemaphore ----

// Semaphore is asyncio.Semaphore, and asyncio.BoundedSemaphore when
// bounded is set.
type Semaphore struct {
	loopBound
	waiters waiters
	value   int64
	bound   int64
	bounded bool
}

// Type implements runtime.Object.
func (s *Semaphore) Type() *runtime.Type {
	if s.bounded {
		return BoundedSemaphoreType
	}
	return SemaphoreType
}

// Repr implements runtime.HasRepr.
func (s *Semaphore) Repr(th *runtime.Thread) (string, error) {
	extra := "locked"
	if !s.locked() {
		extra = fmt.Sprintf("unlocked, value:%d", s.value)
	}
	return objectRepr(s, withWaiters(extra, s.waiters.len())), nil
}

// locked reports whether acquire() would wait: the value is 0, or FIFO
// order makes it wait behind a live waiter.
func (s *Semaphore) locked() bool { return s.value == 0 || !s.waiters.allCancelled() }

// acquire is the coroutine of sem.acquire().
func (s *Semaphore) acquire() *goCoro {
	var fut *runtime.Future
	return newGoCoro("Semaphore.acquire", func(th *runtime.Thread, _ runtime.Value, err error) next {
		if fut == nil {
			if !s.locked() {
				s.value--
				return finishWith(runtime.True)
			}
			f, err := s.newFuture(th, s)
			if err != nil {
				return fail(err)
			}
			fut = f
			s.waiters.push(fut)
			return awaitOn(fut)
		}
		s.waiters.remove(fut)
		if isCancelled(err) && fut.Done() && !fut.Cancelled() {
			// Woken by _wake_up_next but not acquiring: undo its count.
			s.value++
		}
		// Waiters that queued up behind us because of FIFO may proceed.
		for s.value > 0 && s.wakeUpNext() {
		}
		if err != nil {
			return fail(err)
		}
		return finishWith(runtime.True)
	})
}

// release increments the value and wakes the first waiter.
func (s *Semaphore) release() error {
	if s.bounded && s.value >= s.bound {
		return runtime.Errorf(runtime.ValueError, "BoundedSemaphore released too many times")
	}
	s.value++
	s.wakeUpNext()
	return nil
}

// wakeUpNext wakes the first waiter that is not done, taking a unit of
// the value for it; false if there was none.
func (s *Semaphore) wakeUpNext() bool {
	for _, fut := range s.waiters.futs {
		if !fut.Done() {
			s.value--
			fut.SetResult(runtime.True)
			return true
		}
	}
	return false
}

func newSemaphoreOf(name string, bounded bool) func(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	return func(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
		value := runtime.Int(1)
		if err := bindArgs(name+".__init__", args, kwnames, []string{"value"}, 0, &value); err != nil {
			return runtime.Value{}, err
		}
		n, err := toInt(th, value)
		if err != nil {
			return runtime.Value{}, err
		}
		if n < 0 {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "Semaphore initial value must be >= 0")
		}
		return runtime.Obj(&Semaphore{value: n, bound: n, bounded: bounded}), nil
	}
}

func semaphoreMethods() map[string]runtime.MethodFunc {
	t := SemaphoreType
	return map[string]runtime.MethodFunc{
		"locked": method0(t, "Semaphore.locked", func(th *runtime.Thread, s *Semaphore) (runtime.Value, error) {
			return runtime.Bool(s.locked()), nil
		}),
		"acquire": method0(t, "Semaphore.acquire", func(th *runtime.Thread, s *Semaphore) (runtime.Value, error) {
			return runtime.Obj(s.acquire()), nil
		}),
		"release": method(t, "Semaphore.release", func(th *runtime.Thread, s *Semaphore, args []runtime.Value, kw []string) (runtime.Value, error) {
			qualname := "Semaphore.release"
			if s.bounded {
				qualname = "BoundedSemaphore.release"
			}
			if err := bindArgs(qualname, args, kw, nil, 0); err != nil {
				return runtime.Value{}, err
			}
			return runtime.None, s.release()
		}),
		"__aenter__": method0(t, "_ContextManagerMixin.__aenter__", func(th *runtime.Thread, s *Semaphore) (runtime.Value, error) {
			return thenNone("_ContextManagerMixin.__aenter__", s.acquire())
		}),
		"__aexit__": method(t, "_ContextManagerMixin.__aexit__", func(th *runtime.Thread, s *Semaphore, args []runtime.Value, kw []string) (runtime.Value, error) {
			return releaseOnExit(args, kw, s.release)
		}),
	}
}

// semaphoreValue is sem._value (read-only here), which tutorials print.
func semaphoreValue(th *runtime.Thread, v runtime.Value) (runtime.Value, error) {
	s, err := self[*Semaphore](v, SemaphoreType, "_value")
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Int(s.value), nil
}

// ---- Barrier ----

// barrierState is the state of a Barrier (CPython's _BarrierState).
type barrierState uint8

const (
	filling barrierState = iota
	draining
	resetting
	broken
)

var barrierStateNames = [...]string{"filling", "draining", "resetting", "broken"}

// Barrier is asyncio.Barrier: parties tasks wait until all have arrived.
type Barrier struct {
	cond    *Condition
	parties int64
	state   barrierState
	count   int64
}

// Type implements runtime.Object.
func (b *Barrier) Type() *runtime.Type { return BarrierType }

// Repr implements runtime.HasRepr.
func (b *Barrier) Repr(th *runtime.Thread) (string, error) {
	extra := barrierStateNames[b.state]
	if b.state != broken {
		extra += fmt.Sprintf(", waiters:%d/%d", b.nWaiting(), b.parties)
	}
	return objectRepr(b, extra), nil
}

func (b *Barrier) nWaiting() int64 {
	if b.state == filling {
		return b.count
	}
	return 0
}

// wait is the coroutine of barrier.wait(): it returns this task's index
// of arrival (0 … parties-1).
func (b *Barrier) wait() *goCoro {
	state := 0
	var index int64
	// leave is the end of `async with self._cond`.
	leave := func(s next) next {
		if err := b.cond.lock.release(); err != nil {
			return fail(err)
		}
		return s
	}
	// finally is the finally clause around the count, then leave.
	finally := func(s next) next {
		b.count--
		b.exit()
		return leave(s)
	}
	return newGoCoro("Barrier.wait", func(th *runtime.Thread, _ runtime.Value, err error) next {
		switch state {
		case 0:
			state = 1
			return awaitSub(b.cond.lock.acquire())
		case 1:
			if err != nil {
				return fail(err)
			}
			state = 2
			return awaitSub(b.cond.waitFor(b.until(func() bool { return b.state != draining && b.state != resetting })))
		case 2:
			if err != nil {
				return leave(fail(err))
			}
			if b.state == broken {
				return leave(fail(runtime.NewException(BrokenBarrierError, runtime.Str("Barrier aborted"))))
			}
			index = b.count
			b.count++
			if index+1 == b.parties {
				b.state = draining
				b.cond.notify(int64(b.cond.waiters.len()))
				return finally(finishWith(runtime.Int(index)))
			}
			state = 3
			return awaitSub(b.cond.waitFor(b.until(func() bool { return b.state != filling })))
		}
		if err != nil {
			return finally(fail(err))
		}
		if b.state == broken || b.state == resetting {
			return finally(fail(runtime.NewException(BrokenBarrierError, runtime.Str("Abort or reset of barrier"))))
		}
		return finally(finishWith(runtime.Int(index)))
	})
}

// until adapts a Go condition to a wait_for predicate.
func (b *Barrier) until(cond func() bool) func(th *runtime.Thread) (runtime.Value, error) {
	return func(th *runtime.Thread) (runtime.Value, error) { return runtime.Bool(cond()), nil }
}

// exit signals the tasks waiting for the barrier to drain once the last
// task has left.
func (b *Barrier) exit() {
	if b.count != 0 {
		return
	}
	if b.state == resetting || b.state == draining {
		b.state = filling
	}
	b.cond.notify(int64(b.cond.waiters.len()))
}

// reset puts the barrier back to filling; waiting tasks get BrokenBarrierError.
func (b *Barrier) reset() {
	switch {
	case b.count == 0:
		b.state = filling
	case b.state != resetting:
		b.state = resetting
	}
	b.cond.notify(int64(b.cond.waiters.len()))
}

// abort breaks the barrier: waiting and arriving tasks get BrokenBarrierError.
func (b *Barrier) abort() {
	b.state = broken
	b.cond.notify(int64(b.cond.waiters.len()))
}

func newBarrier(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	var parties runtime.Value
	if err := bindArgs("Barrier.__init__", args, kwnames, []string{"parties"}, 1, &parties); err != nil {
		return runtime.Value{}, err
	}
	n, err := toInt(th, parties)
	if err != nil {
		return runtime.Value{}, err
	}
	if n < 1 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "parties must be > 0")
	}
	return runtime.Obj(&Barrier{cond: &Condition{lock: &Lock{}}, parties: n}), nil
}

func barrierMethods() map[string]runtime.MethodFunc {
	t := BarrierType
	return map[string]runtime.MethodFunc{
		"wait": method0(t, "Barrier.wait", func(th *runtime.Thread, b *Barrier) (runtime.Value, error) {
			return runtime.Obj(b.wait()), nil
		}),
		"reset": method0(t, "Barrier.reset", func(th *runtime.Thread, b *Barrier) (runtime.Value, error) {
			return runtime.Obj(b.cond.locked("Barrier.reset", b.reset)), nil
		}),
		"abort": method0(t, "Barrier.abort", func(th *runtime.Thread, b *Barrier) (runtime.Value, error) {
			return runtime.Obj(b.cond.locked("Barrier.abort", b.abort)), nil
		}),
		"__aenter__": method0(t, "Barrier.__aenter__", func(th *runtime.Thread, b *Barrier) (runtime.Value, error) {
			return runtime.Obj(b.wait()), nil
		}),
		"__aexit__": method(t, "Barrier.__aexit__", func(th *runtime.Thread, b *Barrier, args []runtime.Value, kw []string) (runtime.Value, error) {
			if len(kw) > 0 {
				return runtime.Value{}, runtime.Errorf(runtime.TypeError, "Barrier.__aexit__() got an unexpected keyword argument '%s'", kw[0])
			}
			return funcCoro("Barrier.__aexit__", func(th *runtime.Thread) (runtime.Value, error) { return runtime.None, nil })
		}),
	}
}

func barrierMembers() map[string]runtime.MemberFunc {
	get := func(name string, fn func(b *Barrier) runtime.Value) runtime.MemberFunc {
		return func(th *runtime.Thread, v runtime.Value) (runtime.Value, error) {
			b, err := self[*Barrier](v, BarrierType, name)
			if err != nil {
				return runtime.Value{}, err
			}
			return fn(b), nil
		}
	}
	return map[string]runtime.MemberFunc{
		"parties":   get("parties", func(b *Barrier) runtime.Value { return runtime.Int(b.parties) }),
		"n_waiting": get("n_waiting", func(b *Barrier) runtime.Value { return runtime.Int(b.nWaiting()) }),
		"broken":    get("broken", func(b *Barrier) runtime.Value { return runtime.Bool(b.state == broken) }),
	}
}
