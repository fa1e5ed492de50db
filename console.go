package pyish

import (
	"sort"
	"strings"
	"time"

	"github.com/pyish/pyish/runtime"
	"github.com/pyish/pyish/vm"
)

// Console runs an interpreter interactively, as `python -m asyncio` does:
// the event loop runs all the time on the goroutine that calls RunLoop,
// each input runs as a task on it, and tasks started by one input keep
// running while the next is typed. Submit, Interrupt, Complete and Close
// are safe from any goroutine.
type Console struct {
	in      *Interpreter
	loop    *runtime.Loop
	current *runtime.Task // the running input's task (loop goroutine only)
	stopped chan struct{}
}

// NewConsole makes the interpreter's event loop the running loop of a
// console. Call RunLoop on the goroutine that will own the interpreter.
func (in *Interpreter) NewConsole() *Console {
	c := &Console{in: in, loop: newLoop(in), stopped: make(chan struct{})}
	in.installConsoleBuiltins(c)
	return c
}

// RunLoop runs the event loop until Close.
func (c *Console) RunLoop() {
	defer close(c.stopped)
	runForever(c.loop)
}

// Submit compiles src and runs it as a task; done receives its outcome on
// the loop goroutine. An expression's value is printed with repr and kept
// in `_`, as at Python's prompt.
func (c *Console) Submit(filename, src string, interactive bool, done func(error)) {
	c.loop.CallSoonThreadsafe(func() { c.start(filename, src, interactive, done) })
}

func (c *Console) start(filename, src string, interactive bool, done func(error)) {
	mode := vm.ModeFile
	if interactive {
		mode = vm.ModeInteractive
	}
	code, err := c.in.compile(filename, src, mode)
	if err != nil {
		done(err)
		return
	}
	task := createTask(c.loop, vm.NewModuleCoroutine(c.in.th, code, c.in.globals))
	c.current = task
	task.AddDoneCallback(func() {
		c.current = nil
		done(c.finish(task, interactive))
	})
}

// finish reports a finished input: echo its value or wrap its error.
func (c *Console) finish(task *runtime.Task, interactive bool) error {
	c.in.th.TakeInterrupt()
	if taskCancelled(task) {
		return &Error{Type: "KeyboardInterrupt", last: "KeyboardInterrupt", text: "KeyboardInterrupt\n"}
	}
	v, err := task.Result(c.in.th)
	if err != nil {
		return c.in.wrapError(err)
	}
	if interactive && !v.IsNull() && !v.IsNone() {
		return c.echo(v)
	}
	return nil
}

// echo prints repr(v) and binds it to builtins._.
func (c *Console) echo(v Value) error {
	s, err := runtime.Repr(c.in.th, v)
	if err != nil {
		return c.in.wrapError(err)
	}
	c.in.th.Stdout.Write([]byte(s + "\n"))
	return dictSet(c.in.th, c.in.th.Builtins, runtime.Str("_"), v)
}

// Interrupt stops the running input, as Ctrl-C does: a statement that is
// waiting is cancelled; one busy computing gets KeyboardInterrupt.
// Background tasks are left alone.
func (c *Console) Interrupt() {
	c.in.th.Interrupt(runtime.NewException(runtime.KeyboardInterrupt))
	c.loop.CallSoonThreadsafe(func() {
		c.in.th.TakeInterrupt()
		if c.current != nil {
			taskCancel(c.current)
		}
	})
}

// Close cancels every task still running, lets their finally blocks run
// (for up to a second), and stops the loop.
func (c *Console) Close() {
	c.loop.CallSoonThreadsafe(func() { shutdownLoop(c.loop, time.Second) })
	select {
	case <-c.stopped:
	case <-time.After(2 * time.Second):
	}
}

// Complete returns the completions of word: keywords and names in scope,
// or for `a.b.pre` the attributes of a.b starting with pre. It asks the
// loop goroutine and gives up (returning nothing) if it is busy.
func (c *Console) Complete(word string) []string {
	result := make(chan []string, 1)
	c.loop.CallSoonThreadsafe(func() { result <- c.complete(word) })
	select {
	case r := <-result:
		return r
	case <-time.After(200 * time.Millisecond):
		return nil
	}
}

func (c *Console) complete(word string) []string {
	th := c.in.th
	dot := strings.LastIndexByte(word, '.')
	if dot < 0 {
		names := append(dictKeys(c.in.globals), dictKeys(th.Builtins)...)
		names = append(names, pythonKeywords...)
		return withPrefix(names, word)
	}
	obj, ok := c.lookupPath(word[:dot])
	if !ok {
		return nil
	}
	return withPrefix(attributeNames(th, obj), word[dot+1:])
}

// lookupPath resolves a dotted name without running arbitrary code.
func (c *Console) lookupPath(path string) (Value, bool) {
	parts := strings.Split(path, ".")
	v, ok := dictGetStr(c.in.globals, parts[0])
	if !ok {
		if v, ok = dictGetStr(c.in.th.Builtins, parts[0]); !ok {
			return Value{}, false
		}
	}
	for _, p := range parts[1:] {
		next, err := runtime.GetAttr(c.in.th, v, p)
		if err != nil {
			return Value{}, false
		}
		v = next
	}
	return v, true
}

func withPrefix(names []string, prefix string) []string {
	seen := map[string]bool{}
	var out []string
	for _, n := range names {
		if strings.HasPrefix(n, prefix) && !seen[n] && (strings.HasPrefix(prefix, "_") || !strings.HasPrefix(n, "_")) {
			seen[n] = true
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

var pythonKeywords = []string{"False", "None", "True", "and", "as", "assert", "async", "await",
	"break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
	"from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
	"raise", "return", "try", "while", "with", "yield"}
