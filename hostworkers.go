package pyish

// This file keeps idle goroutines for the bodies of async host calls, so
// that a call does not pay for a new goroutine and for growing its stack
// again (reflection-heavy bodies grow the first 8 KB).

import (
	"sync"
	"time"
)

// workerIdle is how long an idle worker waits for another call before it
// exits; maxIdleWorkers bounds how many wait at once.
const (
	workerIdle     = 5 * time.Second
	maxIdleWorkers = 64
)

// hostWorkers runs functions on reused goroutines. There is no bound on
// how many run at once: a call that finds no idle worker starts one, as
// `go f()` would.
type hostWorkers struct {
	jobs chan func() // unbuffered: a send succeeds only into an idle worker
	mu   sync.Mutex
	idle int // workers waiting in wait
}

// globalWorkers serves every Interpreter: idle goroutines are not tied to
// one, and a host with many interpreters keeps one small pool.
var globalWorkers = &hostWorkers{jobs: make(chan func())}

// Go runs f on an idle worker, or on a new one when none is waiting.
func (w *hostWorkers) Go(f func()) {
	select {
	case w.jobs <- f:
	default:
		go w.work(f)
	}
}

// work runs f, then serves further jobs until it has been idle for
// workerIdle or enough others are idle already.
func (w *hostWorkers) work(f func()) {
	var timer *time.Timer
	for {
		f()
		f = nil
		if !w.enterIdle() {
			return
		}
		if timer == nil {
			timer = time.NewTimer(workerIdle)
		} else {
			timer.Reset(workerIdle)
		}
		select {
		case f = <-w.jobs:
			w.leaveIdle()
			timer.Stop()
		case <-timer.C:
			w.leaveIdle()
			// A job sent between the timer firing and leaveIdle is
			// impossible: sends only succeed into a receiving select.
			return
		}
	}
}

// enterIdle counts the worker as idle, or reports false when the pool
// has enough idle workers and this one should exit.
func (w *hostWorkers) enterIdle() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.idle >= maxIdleWorkers {
		return false
	}
	w.idle++
	return true
}

func (w *hostWorkers) leaveIdle() {
	w.mu.Lock()
	w.idle--
	w.mu.Unlock()
}
