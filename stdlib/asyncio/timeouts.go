package asyncio

// This file defines asyncio.timeout and timeout_at: the Timeout async
// context manager of CPython 3.12's timeouts.py.

import (
	"math"

	"github.com/pyish/pyish/runtime"
)

// TimeoutType is asyncio.Timeout.
var TimeoutType = runtime.NewType("asyncio.timeouts.Timeout", nil)

type timeoutState uint8

const (
	tmCreated timeoutState = iota
	tmEntered
	tmExpiring
	tmExpired
	tmExited
)

// timeoutStateNames are the values of CPython's _State enum.
var timeoutStateNames = [...]string{"created", "active", "expiring", "expired", "finished"}

// Timeout is asyncio.Timeout: on expiry it cancels the task running the
// block, and its exit turns that cancellation into TimeoutError.
type Timeout struct {
	state      timeoutState
	when       runtime.Value // a loop time, or None
	handle     *runtime.Handle
	task       *runtime.Task
	cancelling int
}

func init() {
	TimeoutType.New = func(th *runtime.Thread, _ *runtime.Type, args []runtime.Value, kw []string) (runtime.Value, error) {
		var when runtime.Value
		if err := runtime.UnpackArgs("Timeout", args, kw, "when", &when); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Obj(newTimeout(when)), nil
	}
	TimeoutType.Flags |= runtime.FlagFinal
	TimeoutType.SetMethods(map[string]runtime.MethodFunc{
		"when": timeoutMethod(func(th *runtime.Thread, t *Timeout, args []runtime.Value) (runtime.Value, error) { return t.when, nil }),
		"expired": timeoutMethod(func(th *runtime.Thread, t *Timeout, args []runtime.Value) (runtime.Value, error) {
			return runtime.Bool(t.expired()), nil
		}),
		"reschedule": timeoutMethod(timeoutReschedule),
		"__aenter__": timeoutMethod(timeoutAenter),
		"__aexit__":  timeoutMethod(timeoutAexit),
	})
}

func newTimeout(when runtime.Value) *Timeout { return &Timeout{when: when} }

// Type implements runtime.Object.
func (t *Timeout) Type() *runtime.Type { return TimeoutType }

// Repr implements runtime.HasRepr: <Timeout [active] when=12.345>.
func (t *Timeout) Repr(th *runtime.Thread) (string, error) {
	info := ""
	if t.state == tmEntered {
		when := "None"
		if !t.when.IsNone() {
			f, _ := runtime.ToFloat(th, t.when)
			when = runtime.FloatRepr(math.Round(f*1000) / 1000)
		}
		info = " when=" + when
	}
	return "<Timeout [" + timeoutStateNames[t.state] + "]" + info + ">", nil
}

func (t *Timeout) expired() bool { return t.state == tmExpiring || t.state == tmExpired }

// timeoutMethod adapts a method body taking positional arguments.
func timeoutMethod(body func(th *runtime.Thread, t *Timeout, args []runtime.Value) (runtime.Value, error)) runtime.MethodFunc {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
		t, ok := self.Object().(*Timeout)
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "descriptor requires a 'Timeout' object")
		}
		if len(kw) > 0 {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "Timeout methods take no keyword arguments")
		}
		return body(th, t, args)
	}
}

func timeoutReschedule(th *runtime.Thread, t *Timeout, args []runtime.Value) (runtime.Value, error) {
	if len(args) != 1 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "reschedule() takes exactly one argument (%d given)", len(args))
	}
	return runtime.None, t.reschedule(th, args[0])
}

func timeoutAenter(th *runtime.Thread, t *Timeout, args []runtime.Value) (runtime.Value, error) {
	err := t.enter(th)
	return readyValue(th, runtime.Obj(t), err)
}

func timeoutAexit(th *runtime.Thread, t *Timeout, args []runtime.Value) (runtime.Value, error) {
	var exc *runtime.Exception
	if len(args) >= 2 {
		exc, _ = args[1].Object().(*runtime.Exception)
	}
	err := t.exit(th, exc)
	return readyValue(th, runtime.None, err)
}

// enter is __aenter__: bind to the current task and arm the timer.
func (t *Timeout) enter(th *runtime.Thread) error {
	if t.state != tmCreated {
		return runtime.Errorf(runtime.RuntimeError, "Timeout has already been entered")
	}
	loop, err := runtime.RunningLoop(th)
	if err != nil {
		return err
	}
	task := loop.CurrentTask()
	if task == nil {
		return runtime.Errorf(runtime.RuntimeError, "Timeout should be used inside a task")
	}
	t.state, t.task, t.cancelling = tmEntered, task, task.Cancelling()
	return t.reschedule(th, t.when)
}

// reschedule moves the deadline to when (None: no deadline).
func (t *Timeout) reschedule(th *runtime.Thread, when runtime.Value) error {
	if t.state != tmEntered {
		if t.state == tmCreated {
			return runtime.Errorf(runtime.RuntimeError, "Timeout has not been entered")
		}
		return runtime.Errorf(runtime.RuntimeError, "Cannot change state of %s Timeout", timeoutStateNames[t.state])
	}
	t.when = when
	if t.handle != nil {
		t.handle.Cancel()
		t.handle = nil
	}
	if when.IsNone() {
		return nil
	}
	w, err := runtime.ToFloat(th, when)
	if err != nil {
		return err
	}
	loop, err := runtime.RunningLoop(th)
	if err != nil {
		return err
	}
	if w <= loop.Time() {
		t.handle = loop.CallSoon(t.onTimeout)
	} else {
		t.handle = loop.CallAt(w, t.onTimeout)
	}
	return nil
}

// onTimeout cancels the task running the block.
func (t *Timeout) onTimeout() {
	t.task.Cancel(runtime.None)
	t.state = tmExpiring
	t.handle = nil
}

// exit is __aexit__ given the exception leaving the block (nil if none):
// it returns TimeoutError when the block was cancelled by this timeout.
func (t *Timeout) exit(th *runtime.Thread, exc *runtime.Exception) error {
	if t.handle != nil {
		t.handle.Cancel()
		t.handle = nil
	}
	switch t.state {
	case tmExpiring:
		t.state = tmExpired
		if t.task.Uncancel() <= t.cancelling && exc != nil && exc.Type() == runtime.CancelledError {
			te := runtime.NewException(runtime.TimeoutError)
			te.Cause, te.Context, te.SuppressContext = exc, exc, true
			return te
		}
	case tmEntered:
		t.state = tmExited
	}
	return nil
}

// timeout is asyncio.timeout(delay): a Timeout delay seconds from now
// (None: no deadline).
func timeout(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	var delay runtime.Value
	if err := runtime.UnpackArgs("timeout", args, kw, "delay", &delay); err != nil {
		return runtime.Value{}, err
	}
	loop, err := runtime.RunningLoop(th)
	if err != nil {
		return runtime.Value{}, err
	}
	when := runtime.None
	if !delay.IsNone() {
		d, err := runtime.ToFloat(th, delay)
		if err != nil {
			return runtime.Value{}, err
		}
		when = runtime.Float(loop.Time() + d)
	}
	return runtime.Obj(newTimeout(when)), nil
}

// timeoutAt is asyncio.timeout_at(when).
func timeoutAt(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	var when runtime.Value
	if err := runtime.UnpackArgs("timeout_at", args, kw, "when", &when); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(newTimeout(when)), nil
}
