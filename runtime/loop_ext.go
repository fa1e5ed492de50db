package runtime

// This file holds what a loop records for asyncio's default executor
// (to_thread, run_in_executor, shutdown_default_executor) and for its
// async generator hooks (shutdown_asyncgens), as CPython's BaseEventLoop
// keeps _default_executor and _asyncgens.

import "slices"

// AsyncGen is an async generator as the loop's hooks see it.
type AsyncGen interface {
	Object
	// AsyncGenDone reports whether the generator has ended (exhausted,
	// closed or failed).
	AsyncGenDone() bool
	// ACloseCoroutine returns a coroutine that awaits the generator's
	// aclose().
	ACloseCoroutine() Coroutine
}

// loopExt is the state behind this file's methods.
type loopExt struct {
	asyncgens []AsyncGen // started while the loop ran, oldest first

	offloads     int      // offloaded calls that have not posted back
	offloadIdle  []func() // run when offloads drops to 0
	executorUsed bool     // the default executor was used
	executorShut bool     // shutdown_default_executor was called
}

// AddAsyncGen is CPython's firstiter hook: g has started while l runs,
// so shutdown_asyncgens closes it unless it ends first. The loop holds g
// until then (CPython holds a weak reference and closes a generator that
// is dropped early from its finalizer; pyish cannot see the drop, so such
// a generator is closed at shutdown instead). Ended generators are
// dropped whenever the list would grow.
func (l *Loop) AddAsyncGen(g AsyncGen) {
	e := &l.ext
	if len(e.asyncgens) >= 16 && len(e.asyncgens) == cap(e.asyncgens) {
		live := e.asyncgens[:0]
		for _, a := range e.asyncgens {
			if !a.AsyncGenDone() {
				live = append(live, a)
			}
		}
		clear(e.asyncgens[len(live):])
		e.asyncgens = live
	}
	e.asyncgens = append(e.asyncgens, g)
}

// DropAsyncGen forgets g (CPython's finalizer hook discards a generator
// it closes in a task of its own).
func (l *Loop) DropAsyncGen(g AsyncGen) {
	e := &l.ext
	for i, a := range e.asyncgens {
		if a == g {
			e.asyncgens = slices.Delete(e.asyncgens, i, i+1)
			return
		}
	}
}

// TakeAsyncGens returns the recorded async generators that have not
// ended, oldest first, and forgets them all (shutdown_asyncgens).
func (l *Loop) TakeAsyncGens() []AsyncGen {
	e := &l.ext
	var live []AsyncGen
	for _, a := range e.asyncgens {
		if !a.AsyncGenDone() {
			live = append(live, a)
		}
	}
	e.asyncgens = nil
	return live
}

// OffloadStarted records an offloaded call (a to_thread body on another
// goroutine) as in flight: virtual time does not jump and
// shutdown_default_executor waits until OffloadDone. Loop goroutine only.
func (l *Loop) OffloadStarted() {
	l.ext.offloads++
	l.ext.executorUsed = true
	l.AddPending(1)
}

// OffloadDone records the end of an offloaded call (on the loop, when
// its result has been posted back) and runs the WhenOffloadsIdle
// callbacks once none is left.
func (l *Loop) OffloadDone() {
	e := &l.ext
	e.offloads--
	l.AddPending(-1)
	if e.offloads > 0 {
		return
	}
	idle := e.offloadIdle
	e.offloadIdle = nil
	for _, fn := range idle {
		fn()
	}
}

// WhenOffloadsIdle calls fn on the loop once no offloaded call is in
// flight: now if none is.
func (l *Loop) WhenOffloadsIdle(fn func()) {
	if l.ext.offloads == 0 {
		fn()
		return
	}
	l.ext.offloadIdle = append(l.ext.offloadIdle, fn)
}

// UseExecutor marks the default executor used, or reports RuntimeError
// if shutdown_default_executor was called (run_in_executor's check).
func (l *Loop) UseExecutor() error {
	if l.ext.executorShut {
		return Errorf(RuntimeError, "Executor shutdown has been called")
	}
	l.ext.executorUsed = true
	return nil
}

// ShutdownExecutor marks the default executor shut down and reports
// whether it was ever used (CPython has nothing to wait for otherwise).
func (l *Loop) ShutdownExecutor() (used bool) {
	l.ext.executorShut = true
	return l.ext.executorUsed
}
