package pyish

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pyish/pyish/vm"
)

// syncBuffer is an output buffer safe to read while the loop writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

// take returns and clears what was written.
func (s *syncBuffer) take() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.b.String()
	s.b.Reset()
	return out
}

// waitFor waits until the output contains want (without consuming it).
func (s *syncBuffer) waitFor(t *testing.T, want string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		ok := strings.Contains(s.b.String(), want)
		s.mu.Unlock()
		if ok {
			return
		}
		time.Sleep(2 * time.Millisecond)
	}
	t.Fatalf("output never contained %q", want)
}

type testConsole struct {
	*Console
	t   *testing.T
	out *syncBuffer
}

func startConsole(t *testing.T) *testConsole {
	out := &syncBuffer{}
	in := New(Options{Stdout: out, Stderr: out})
	c := in.NewConsole()
	if err := c.Import("asyncio"); err != nil {
		t.Fatal(err)
	}
	go c.RunLoop()
	t.Cleanup(c.Close)
	return &testConsole{Console: c, t: t, out: out}
}

// start submits src and returns the channel its outcome arrives on.
func (c *testConsole) start(src string) chan error {
	done := make(chan error, 1)
	c.Submit("<stdin>", src, true, func(err error) { done <- err })
	return done
}

// result waits for an outcome.
func (c *testConsole) result(done chan error) error {
	c.t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		c.t.Fatal("the input did not finish")
		return nil
	}
}

// run submits src, waits for it, and returns its output and outcome.
func (c *testConsole) run(src string) (string, error) {
	c.t.Helper()
	err := c.result(c.start(src))
	return c.out.take(), err
}

// ok runs src and checks that it succeeds printing want.
func (c *testConsole) ok(src, want string) {
	c.t.Helper()
	got, err := c.run(src)
	if err != nil || got != want {
		c.t.Errorf("%q: output %q, error %v; want %q", src, got, err, want)
	}
}

func TestConsoleEcho(t *testing.T) {
	c := startConsole(t)
	c.ok("1 + 1\n", "2\n")
	c.ok("_ * 10\n", "20\n")
	c.ok("None\n", "")
	c.ok("'a'; 'b'\n", "'a'\n'b'\n")
	c.ok("x = 5\n", "")
	c.ok("x\n", "5\n")
	c.ok("await asyncio.sleep(0.01, 'slept')\n", "'slept'\n")
	c.ok("await asyncio.gather(asyncio.sleep(0.02, 1), asyncio.sleep(0.01, 2))\n", "[1, 2]\n")
	c.ok("async def agen():\n    yield 1\n    yield 2\n\n", "")
	c.ok("async for v in agen(): print(v)\n", "1\n2\n")
	c.ok("[v async for v in agen()]\n", "[1, 2]\n")
}

func TestConsoleErrors(t *testing.T) {
	c := startConsole(t)
	out, err := c.run("x = = 1\n")
	var pe *Error
	if !errors.As(err, &pe) || pe.Type != "SyntaxError" || !strings.Contains(pe.Traceback(), "^") || out != "" {
		t.Errorf("syntax error: %v, output %q", err, out)
	}
	_, err = c.run("y = 1\n1 / 0\n")
	if !errors.As(err, &pe) || pe.Type != "ZeroDivisionError" ||
		pe.Traceback() != "Traceback (most recent call last):\n  File \"<stdin>\", line 2, in <module>\nZeroDivisionError: division by zero\n" {
		t.Errorf("runtime error: %v\n%s", err, pe.Traceback())
	}
	c.ok("y\n", "1\n") // the globals survive
	_, err = c.run("exit(4)\n")
	var exit *ExitError
	if !errors.As(err, &exit) || exit.Code != 4 {
		t.Errorf("exit(4): %v", err)
	}
}

func TestConsoleBackgroundTasks(t *testing.T) {
	c := startConsole(t)
	c.ok("t = asyncio.ensure_future(asyncio.sleep(0.05, 7))\n", "")
	c.ok("t.done()\n", "False\n")
	c.ok("await t\n", "7\n")
}

func TestConsoleInterruptWaiting(t *testing.T) {
	c := startConsole(t)
	c.ok("n = 0\nasync def count():\n    global n\n    while True:\n        n += 1\n        await asyncio.sleep(0.001)\n\n", "")
	c.ok("bg = asyncio.ensure_future(count())\n", "")
	done := c.start("print('waiting')\nawait asyncio.sleep(100)\n")
	c.out.waitFor(t, "waiting\n")
	c.Interrupt()
	if err := c.result(done); !isKeyboardInterrupt(err) {
		t.Fatalf("after Interrupt: %v, want KeyboardInterrupt", err)
	}
	c.out.take()
	c.ok("before = n\nawait asyncio.sleep(0.02)\nn > before, bg.done()\n", "(True, False)\n")
}

func TestConsoleInterruptBusy(t *testing.T) {
	c := startConsole(t)
	c.ok("n = 0\nasync def count():\n    global n\n    while True:\n        n += 1\n        await asyncio.sleep(0.001)\n\n", "")
	c.ok("bg = asyncio.ensure_future(count())\n", "")
	done := c.start("print('busy')\nwhile True: pass\n")
	c.out.waitFor(t, "busy\n")
	c.Interrupt()
	if err := c.result(done); !isKeyboardInterrupt(err) {
		t.Fatalf("after Interrupt: %v, want KeyboardInterrupt", err)
	}
	c.out.take()
	c.ok("before = n\nawait asyncio.sleep(0.02)\nn > before, bg.done()\n", "(True, False)\n")
}

func isKeyboardInterrupt(err error) bool {
	var pe *Error
	return errors.As(err, &pe) && pe.Type == "KeyboardInterrupt"
}

func TestConsoleCloseRunsFinally(t *testing.T) {
	c := startConsole(t)
	c.ok("async def job():\n    try:\n        await asyncio.sleep(100)\n    finally:\n        await asyncio.sleep(0.01)\n        print('cleaned up')\n\n", "")
	c.ok("j = asyncio.ensure_future(job())\nawait asyncio.sleep(0)\n", "")
	c.Close()
	if got := c.out.take(); got != "cleaned up\n" {
		t.Errorf("after Close: %q, want the finally block's output", got)
	}
}

func TestConsoleBackgroundExit(t *testing.T) {
	c := startConsole(t)
	c.ok("async def quit_later():\n    await asyncio.sleep(0.01)\n    exit(5)\n\n", "")
	c.ok("q = asyncio.ensure_future(quit_later())\n", "")
	select {
	case code := <-c.Exits():
		if code != 5 {
			t.Errorf("exit status %d, want 5", code)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no exit")
	}
	_, err := c.run("exit(2)\n") // the input's own exit is its outcome
	var exit *ExitError
	if !errors.As(err, &exit) || exit.Code != 2 {
		t.Errorf("exit(2): %v", err)
	}
	select {
	case code := <-c.Exits():
		t.Errorf("the input's exit(2) was sent to Exits as %d", code)
	default:
	}
}

func TestConsoleComplete(t *testing.T) {
	c := startConsole(t)
	c.ok("class Point:\n    def __init__(self):\n        self.x = 1\n    def norm(self): return 0\n\np = Point()\n", "")
	tests := []struct {
		word string
		want []string
	}{
		{"asyncio.cre", []string{"asyncio.create_task("}},
		{"whi", []string{"while"}},
		{"pri", []string{"print("}},
		{"p.", []string{"p.norm(", "p.x"}},
		{"Poi", []string{"Point("}},
		{"nosuch.x", nil},
		{"p.__in", []string{"p.__init__(", "p.__init_subclass__("}},
	}
	for _, tt := range tests {
		got := c.Complete(tt.word)
		if strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("Complete(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestConsolePS(t *testing.T) {
	c := startConsole(t)
	c.ok("async def sleeper():\n    await asyncio.sleep(100)\n\n", "")
	c.ok("s = asyncio.create_task(sleeper(), name='sleeper-task')\nawait asyncio.sleep(0)\n", "")
	out, err := c.run("ps()\n")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if err != nil || len(lines) != 3 || !strings.HasPrefix(lines[0], "TASK") ||
		!strings.HasPrefix(lines[1], "sleeper-task") || !strings.Contains(lines[1], "waiting") ||
		!strings.Contains(lines[2], "input") {
		t.Errorf("ps(): %v\n%s", err, out)
	}
	if _, ok := any(&vm.Coroutine{}).(awaitStacker); ok && !regexp.MustCompile(`sleeper\(\) +<stdin>:2$`).MatchString(lines[1]) {
		t.Errorf("ps() does not say where the task waits:\n%s", out)
	}
	if _, err := c.run("ps(1)\n"); err == nil {
		t.Error("ps(1) did not fail")
	}
}

func TestCheckInput(t *testing.T) {
	tests := []struct {
		src  string
		want InputStatus
	}{
		{"x = 1\n", InputComplete},
		{"await asyncio.sleep(1)\n", InputComplete},
		{"x = (1,\n", InputIncomplete},
		{"s = '''abc\n", InputIncomplete},
		{"def f():\n", InputIncomplete},
		{"async def f():\n    pass\n", InputNeedsBlankLine},
		{"if x: pass\n", InputNeedsBlankLine},
		{"@dec\n", InputIncomplete},
		{"for x in y:\n    pass\n", InputNeedsBlankLine},
		{"async with a as b:\n    pass\n", InputNeedsBlankLine},
		{"try:\n    pass\nfinally:\n    pass\n", InputNeedsBlankLine},
		{"class C:\n    pass\n", InputNeedsBlankLine},
		{"match x:\n", InputIncomplete},
		{"match x:\n    case 1:\n", InputIncomplete},
		{"match x:\n    case 1:\n        pass\n", InputNeedsBlankLine},
		{"match(x)\n", InputComplete},
		{"x = 1 +\n", InputInvalid},
		{"x = = 1\n", InputInvalid},
	}
	for _, tt := range tests {
		if got := CheckInput(tt.src); got != tt.want {
			t.Errorf("CheckInput(%q) = %d, want %d", tt.src, got, tt.want)
		}
	}
}
