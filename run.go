package pyish

// This file defines how a run (Exec, Eval, Call) starts and how it is
// stopped from outside: by its context or by Interrupt.

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/pyish/pyish/runtime"
)

// ErrInterrupted is the cause of a run stopped by Interrupt: the error the
// run returns matches it with errors.Is.
var ErrInterrupted = errors.New("pyish: interrupted")

// reinterruptEvery is how often a stopped run that keeps running (a
// script catching KeyboardInterrupt) is interrupted again.
const reinterruptEvery = 100 * time.Millisecond

// stopper connects the goroutines that stop a run with the run itself.
// Every field is guarded by mu.
type stopper struct {
	mu      sync.Mutex
	running bool
	gen     uint64             // numbers runs, so a late timer stops no later run
	cause   error              // why the run was stopped, nil while not stopped
	cancel  context.CancelFunc // cancels asyncCtx
	// asyncCtx is the parent of the contexts of async host calls, made on
	// the first call of a run.
	asyncCtx context.Context
}

// Interrupt stops the run in progress, from any goroutine: the script gets
// KeyboardInterrupt at its next instruction boundary (so finally blocks
// run), async host calls in flight see their context cancelled, and the
// run returns an *Error that matches ErrInterrupted. If the script goes on
// running anyway, it is interrupted again every 100 ms. Without a run in
// progress Interrupt does nothing.
func (in *Interpreter) Interrupt() { in.stop(ErrInterrupted) }

// stop stops the current run with cause (safe from any goroutine).
func (in *Interpreter) stop(cause error) {
	s := &in.stopper
	s.mu.Lock()
	if !s.running {
		s.mu.Unlock()
		return
	}
	if s.cause == nil {
		s.cause = cause
	}
	// Under mu, so that end, which takes the interrupt back, cannot come
	// between the check above and this.
	in.th.Interrupt(runtime.NewException(runtime.KeyboardInterrupt, runtime.Str(cause.Error())))
	gen, cancel := s.gen, s.cancel
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	in.loop.Wake()
	time.AfterFunc(reinterruptEvery, func() { in.restop(gen, cause) })
}

// restop interrupts run gen again if it is still running.
func (in *Interpreter) restop(gen uint64, cause error) {
	s := &in.stopper
	s.mu.Lock()
	same := s.running && s.gen == gen
	s.mu.Unlock()
	if same {
		in.stop(cause)
	}
}

// begin marks the start of a top-level run.
func (s *stopper) begin() {
	s.mu.Lock()
	s.running = true
	s.gen++
	s.cause = nil
	s.mu.Unlock()
}

// end marks the end of a top-level run: an interrupt not taken is
// dropped and async host calls still in flight are cancelled. It returns
// why the run was stopped, or nil.
func (s *stopper) end(th *runtime.Thread) error {
	s.mu.Lock()
	cause, cancel := s.cause, s.cancel
	s.running = false
	th.TakeInterrupt()
	s.cancel, s.asyncCtx = nil, nil
	s.mu.Unlock()
	if cancel != nil {
		cancel()
	}
	return cause
}

// asyncParent returns the context async host calls of the current run
// derive from: cancelled when the run is stopped or ends.
func (in *Interpreter) asyncParent() context.Context {
	s := &in.stopper
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.asyncCtx == nil {
		// Not a child of the run's context: stop cancels it after the
		// script has been interrupted, so a host call cut short by the
		// deadline cannot let the script finish as if nothing happened.
		parent := context.Background()
		if in.runCtx != nil {
			parent = context.WithoutCancel(in.runCtx) // keeps its values
		}
		s.asyncCtx, s.cancel = context.WithCancel(parent)
		if s.cause != nil || !s.running {
			s.cancel()
		}
	}
	return s.asyncCtx
}

// run calls body as a run. A top-level run resets the step count, is
// stopped when ctx is done or Interrupt is called, and turns panics inside
// the interpreter into errors, never reaching the host. A nested run (a
// host function calling back into pyish) belongs to the run around it.
func (in *Interpreter) run(ctx context.Context, body func() (Value, error)) (v Value, err error) {
	if in.depth > 0 {
		return in.nestedRun(body)
	}
	in.depth++
	in.runCtx = ctx
	in.th.Steps = 0
	in.th.Memory = 0
	in.stopper.begin()
	var release func() bool
	if ctx != nil && ctx.Done() != nil {
		release = context.AfterFunc(ctx, func() { in.stop(context.Cause(ctx)) })
	}
	defer func() {
		if r := recover(); r != nil {
			err = internalError(r)
		}
		if release != nil {
			release()
		}
		cause := in.stopper.end(in.th)
		in.showWarnings()
		in.depth--
		in.runCtx = nil
		if err != nil {
			err = in.wrapStopped(err, cause)
		}
	}()
	return body()
}

// nestedRun runs body inside the current run.
func (in *Interpreter) nestedRun(body func() (Value, error)) (Value, error) {
	in.depth++
	defer func() { in.depth-- }()
	v, err := body()
	if err != nil {
		err = in.wrapError(err)
	}
	return v, err
}
