package pyish

// This file defines Console, the engine of the asyncio REPL: one event loop
// that runs for the whole session, each input run as a task on it.

import (
	"sync"
	"time"

	"github.com/pyish/pyish/runtime"
	"github.com/pyish/pyish/vm"
)

// Console runs an interpreter interactively, as `python -m asyncio` does:
// the event loop runs all the time on the goroutine that calls RunLoop,
// each input runs as a task on it, and tasks started by one input keep
// running while the next is typed. Submit, Interrupt, Complete and Close
// are safe from any goroutine; the interpreter belongs to the console
// from NewConsole on.
type Console struct {
	in      *Interpreter
	loop    *runtime.Loop
	stopped chan struct{}
	exits   chan int // a background task's SystemExit

	// Loop goroutine only.
	current *runtime.Task // the running input's task
	closing bool
	exiting bool // a background task's SystemExit: leave its exception unreported

	// stepMu guards inStep: whether the current input's coroutine is
	// running a step, so that Interrupt raises KeyboardInterrupt in it
	// and never in a background task.
	stepMu      sync.Mutex
	inStep      bool
	interrupted bool // Interrupt was called during the current input
}

// NewConsole gives the interpreter a new event loop that runs for the
// console's whole life, and adds the console's builtins: ps(), and the
// display hook that echoes expression values and keeps the last in `_`.
// Call RunLoop on the goroutine that will own the interpreter.
func (in *Interpreter) NewConsole() *Console {
	c := &Console{in: in, loop: newLoop(in), stopped: make(chan struct{}), exits: make(chan int, 1)}
	in.installConsoleBuiltins(c)
	return c
}

// Import imports module name into the console's globals, as the asyncio
// REPL does with asyncio. Call it before RunLoop.
func (c *Console) Import(name string) error {
	m, err := c.in.importModule(c.in.th, name)
	if err != nil {
		return c.in.wrapError(err)
	}
	c.in.globals.SetStr(name, runtime.Obj(m))
	return nil
}

// RunLoop runs the event loop until Close. A KeyboardInterrupt or
// SystemExit that ends a run of the loop is left on the task that raised
// it (the input's task reports it to Submit's callback), and the loop runs
// on; a background task's SystemExit is also sent to Exits.
func (c *Console) RunLoop() {
	defer close(c.stopped)
	for !c.closing {
		err := c.loop.RunForever()
		if err != nil && !isTaskFatal(err) {
			break
		}
		if c.current == nil || !c.current.Done() {
			c.backgroundExit(err)
		}
	}
	if !c.exiting {
		c.loop.Close() // reports exceptions no one retrieved
	}
}

// Exits delivers the exit status of a SystemExit raised by a task other
// than an input (sys.exit() in a task started at the prompt): the
// console's user should leave, as `python -m asyncio` does.
func (c *Console) Exits() <-chan int { return c.exits }

func (c *Console) backgroundExit(err error) {
	e, ok := err.(*runtime.Exception)
	if !ok || !e.Matches(runtime.SystemExit) {
		return
	}
	c.exiting = true
	select {
	case c.exits <- exitError(c.in.th, e).Code:
	default:
	}
}

// isTaskFatal reports whether err is a KeyboardInterrupt or SystemExit
// raised by a task, as opposed to the loop refusing to run.
func isTaskFatal(err error) bool {
	e, ok := err.(*runtime.Exception)
	return ok && (e.Matches(runtime.KeyboardInterrupt) || e.Matches(runtime.SystemExit))
}

// Submit compiles src and runs it as a task; done is called on the loop
// goroutine with its outcome: nil, an *Error (syntax error, uncaught
// exception, KeyboardInterrupt after Interrupt) or an *ExitError. In
// interactive mode top-level await, async for and async with are allowed
// and expression values are echoed.
func (c *Console) Submit(filename, src string, interactive bool, done func(error)) {
	c.loop.CallSoonThreadsafe(func() { c.start(filename, src, interactive, done) })
}

func (c *Console) start(filename, src string, interactive bool, done func(error)) {
	mode := vm.ModeFile
	if interactive {
		mode = vm.ModeInteractive
	}
	code, err := c.in.compile(filename, src, mode)
	if interactive {
		c.in.forgetSource(filename) // the next input reuses the name: CPython shows no <stdin> lines
	}
	if err != nil {
		done(err)
		return
	}
	coro := &inputCoro{Coroutine: vm.NewModuleCoroutine(c.in.th, code, c.in.globals), console: c}
	task := createTask(c.loop, coro)
	c.current = task
	c.stepMu.Lock()
	c.interrupted = false
	c.stepMu.Unlock()
	task.AddDoneCallback(func() {
		c.current = nil
		done(c.finish(task))
	})
}

// finish turns a finished input's task into Submit's outcome.
func (c *Console) finish(task *runtime.Task) error {
	c.stepMu.Lock()
	interrupted := c.interrupted
	c.stepMu.Unlock()
	_, err := task.Result(c.in.th)
	if err == nil {
		return nil
	}
	if e := runtime.AsException(err); interrupted && (e.Matches(runtime.KeyboardInterrupt) || e.Matches(cancelledErrorType(c.in.th))) {
		return keyboardInterrupt()
	}
	return c.in.wrapError(err)
}

// keyboardInterrupt is the outcome of an input stopped by Interrupt.
func keyboardInterrupt() *Error {
	return &Error{Type: "KeyboardInterrupt", last: "KeyboardInterrupt", text: "KeyboardInterrupt\n"}
}

// Interrupt stops the running input, as Ctrl-C does: an input waiting on
// the loop is cancelled; one busy computing gets KeyboardInterrupt.
// Background tasks are left alone.
func (c *Console) Interrupt() {
	c.stepMu.Lock()
	c.interrupted = true
	if c.inStep {
		c.in.th.Interrupt(runtime.NewException(runtime.KeyboardInterrupt))
	}
	c.stepMu.Unlock()
	c.loop.CallSoonThreadsafe(func() {
		if c.current != nil {
			taskCancel(c.current)
		}
	})
}

// Close cancels every task still running, lets their finally blocks run
// (for up to a second), and stops the loop. It returns once RunLoop has
// returned, or after a few seconds if a task never yields.
func (c *Console) Close() {
	c.loop.CallSoonThreadsafe(c.shutdown)
	select {
	case <-c.stopped:
	case <-time.After(3 * time.Second):
	}
}

// shutdown cancels all tasks and stops the loop once they are done or
// the grace period is over.
func (c *Console) shutdown() {
	c.closing = true
	for _, t := range loopTasks(c.loop) {
		taskCancel(t)
	}
	deadline := time.Now().Add(time.Second)
	var check func()
	check = func() {
		if len(loopTasks(c.loop)) == 0 || time.Now().After(deadline) {
			c.loop.Stop()
			return
		}
		c.loop.CallLater(5*time.Millisecond, check)
	}
	c.loop.CallSoon(check)
}

// display is the console's builtins.__displayhook__: it prints repr(v)
// and binds v to builtins._ (None is neither printed nor bound).
func (c *Console) display(th *runtime.Thread, args []Value, kwnames []string) (Value, error) {
	var v Value
	if err := runtime.UnpackArgs("displayhook", args, kwnames, "object", &v); err != nil {
		return Value{}, err
	}
	if v.IsNone() {
		return runtime.None, nil
	}
	s, err := runtime.Repr(th, v)
	if err != nil {
		return Value{}, err
	}
	if _, err := th.Stdout.Write([]byte(s + "\n")); err != nil {
		return Value{}, err
	}
	th.Builtins.SetStr("_", v)
	return runtime.None, nil
}

// NewKeyboardInterrupt returns a KeyboardInterrupt exception, for a host
// function that the running input waits in (a read of the terminal, say)
// to return when Ctrl-C interrupts the wait.
func NewKeyboardInterrupt() error { return runtime.NewException(runtime.KeyboardInterrupt) }
