package pyish_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pyish/pyish"
	"github.com/pyish/pyish/runtime"
)

func TestHostFuncs(t *testing.T) {
	in, out := newInterp(t, pyish.Options{})
	add := func(a, b int) int { return a + b }
	join := func(sep string, parts ...string) string { return strings.Join(parts, sep) }
	fail := func(s string) (int, error) { return 0, errors.New("no " + s) }
	typed := func() error { return &pyish.HostError{Type: "ValueError", Msg: "bad port"} }
	fast := pyish.Func(func(th *runtime.Thread, args []pyish.Value, kw []string) (pyish.Value, error) {
		return runtime.Int(int64(len(args))), nil
	})
	upper := strings.ToUpper
	sqrt := func(x float64) float64 { return x * x }
	for name, fn := range map[string]any{"add": add, "join": join, "fail": fail, "typed": typed, "fast": fast, "upper": upper, "sq": sqrt} {
		v, err := in.NewFunc(name, fn)
		if err != nil {
			t.Fatal(err)
		}
		in.Set(name, v)
	}
	mustExec(t, in, `
print(add(2, 3), join("-", "a", "b", "c"), fast(1, 2, 3))
try:
    fail("way")
except RuntimeError as e:
    print("RuntimeError", e)
try:
    typed()
except ValueError as e:
    print("ValueError", e)
try:
    add("x", 1)
except TypeError as e:
    print("TypeError", e)
try:
    add(1)
except TypeError as e:
    print("TypeError", e)
print(upper("a"), sq(3))
for bad in [lambda: upper(1), lambda: upper(), lambda: sq('x'), lambda: upper(s='a')]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
`)
	want := `5 a-b-c 3
RuntimeError no way
ValueError bad port
TypeError add(): arg 1: cannot convert str to int
TypeError add() takes 2 arguments (1 given)
A 9.0
TypeError upper(): arg 1: cannot convert int to string
TypeError upper() takes 1 argument (0 given)
TypeError sq(): arg 1: cannot convert str to float64
TypeError upper() takes no keyword arguments
`
	if out.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", out.String(), want)
	}
	if _, err := in.NewFunc("bad", 42); err == nil {
		t.Fatal("NewFunc accepted an int")
	}
	if _, err := in.NewFunc("bad", func() (int, int) { return 0, 0 }); err == nil {
		t.Fatal("NewFunc accepted (int, int) results")
	}
}

func TestHostFuncPanic(t *testing.T) {
	in, out := newInterp(t, pyish.Options{})
	v, _ := in.NewFunc("explode", func() { panic("kaboom") })
	in.Set("explode", v)
	av, _ := in.NewAsyncFunc("explode_later", func(ctx context.Context) int { panic(fmt.Errorf("async kaboom")) })
	in.Set("explode_later", av)
	mustExec(t, in, `
import asyncio
try:
    explode()
except RuntimeError as e:
    print(e)

async def main():
    try:
        await explode_later()
    except RuntimeError as e:
        print(e)
asyncio.run(main())
`)
	want := "host function explode panicked: kaboom\nhost function explode_later panicked: async kaboom\n"
	if out.String() != want {
		t.Fatalf("got %q", out.String())
	}
	// Uncaught, the panic is an ordinary error for the host.
	err := in.Exec(context.Background(), "p.pyish", "explode()")
	if errorType(err) != "RuntimeError" {
		t.Fatalf("err = %v", err)
	}
}

// TestAsyncFanOut: many async host calls run at once, each on its own
// goroutine, and their results come back through the loop.
func TestAsyncFanOut(t *testing.T) {
	in, out := newInterp(t, pyish.Options{})
	var running, peak atomic.Int32
	fetch, err := in.NewAsyncFunc("fetch", func(ctx context.Context, i int) (map[string]int, error) {
		n := running.Add(1)
		defer running.Add(-1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		select {
		case <-time.After(50 * time.Millisecond):
			return map[string]int{"i": i, "sq": i * i}, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	in.Set("fetch", fetch)
	start := time.Now()
	mustExec(t, in, `
import asyncio

async def main():
    results = await asyncio.gather(*(fetch(i) for i in range(200)))
    print(sum(r["sq"] for r in results), results[3])

asyncio.run(main())
`)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("200 parallel calls of 50 ms took %v", d)
	}
	if got := out.String(); got != "2646700 {'i': 3, 'sq': 9}\n" {
		t.Fatalf("got %q", got)
	}
	if peak.Load() < 100 {
		t.Errorf("at most %d calls ran at once", peak.Load())
	}
}

func TestAsyncFuncExported(t *testing.T) {
	in, out := newInterp(t, pyish.Options{})
	echo, err := in.NewAsyncFunc("echo", pyish.AsyncFunc(func(ctx context.Context, args []any) (any, error) {
		if len(args) == 0 {
			return nil, &pyish.HostError{Type: "TypeError", Msg: "echo needs an argument"}
		}
		return args, nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	in.Set("echo", echo)
	mustExec(t, in, `
import asyncio

async def main():
    print(await echo(1, "two", [3.0, None], {"k": True}))
    try:
        await echo()
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
`)
	if got := out.String(); got != "[1, 'two', [3.0, None], {'k': True}]\nTypeError: echo needs an argument\n" {
		t.Fatalf("got %q", got)
	}
}

// TestCancelCancelsHostContext: a task cancelled while it awaits a host
// call (by cancel(), by a timeout, by a TaskGroup) cancels that call's
// context.
func TestCancelCancelsHostContext(t *testing.T) {
	in, out := newInterp(t, pyish.Options{})
	cancelled := make(chan string, 10)
	block, _ := in.NewAsyncFunc("block", func(ctx context.Context, name string) error {
		<-ctx.Done()
		cancelled <- name
		return ctx.Err()
	})
	fail, _ := in.NewAsyncFunc("fail", func(ctx context.Context) error {
		return &pyish.HostError{Type: "ValueError", Msg: "failed"}
	})
	in.Set("block", block)
	in.Set("fail", fail)
	mustExec(t, in, `
import asyncio

async def main():
    t = asyncio.create_task(block("cancel"))
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")
    try:
        await asyncio.wait_for(block("timeout"), 0.01)
    except TimeoutError:
        print("timed out")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(block("group"))
            tg.create_task(fail())
    except* ValueError as eg:
        print("group:", eg.exceptions)

asyncio.run(main())
`)
	if got := out.String(); got != "cancelled\ntimed out\ngroup: (ValueError('failed'),)\n" {
		t.Fatalf("got %q", got)
	}
	got := map[string]bool{}
	for i := 0; i < 3; i++ {
		select {
		case name := <-cancelled:
			got[name] = true
		case <-time.After(time.Second):
			t.Fatalf("contexts cancelled: %v", got)
		}
	}
}

// TestStopCancelsHostCalls: stopping the run cancels the host calls in
// flight.
func TestStopCancelsHostCalls(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{})
	var stopped atomic.Int32
	block, _ := in.NewAsyncFunc("block", func(ctx context.Context) {
		<-ctx.Done()
		stopped.Add(1)
	})
	in.Set("block", block)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	err := in.Exec(ctx, "s.pyish", `
import asyncio

async def main():
    await asyncio.gather(block(), block(), block())

asyncio.run(main())
`)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	waitFor(t, "3 cancelled host calls", func() bool { return stopped.Load() == 3 })
}

// TestCancelWhileTrue: cancelling the context stops a busy loop within
// 50 ms, and its finally block runs.
func TestCancelWhileTrue(t *testing.T) {
	in, out := newInterp(t, pyish.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	var cancelledAt time.Time
	time.AfterFunc(30*time.Millisecond, func() {
		cancelledAt = time.Now()
		cancel()
	})
	err := in.Exec(ctx, "busy.pyish", `
try:
    while True:
        pass
finally:
    print("finally ran")
`)
	stoppedIn := time.Since(cancelledAt)
	if !errors.Is(err, context.Canceled) || errorType(err) != "KeyboardInterrupt" {
		t.Fatalf("err = %v", err)
	}
	if stoppedIn > 50*time.Millisecond {
		t.Errorf("stopped %v after the cancel", stoppedIn)
	}
	if out.String() != "finally ran\n" {
		t.Fatalf("got %q", out.String())
	}
}

func TestStepLimit(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{MaxSteps: 100_000})
	err := in.Exec(context.Background(), "steps.pyish", "while True:\n    pass")
	if errorType(err) != "RuntimeError" || !strings.Contains(err.Error(), "step limit exceeded") {
		t.Fatalf("err = %v", err)
	}
	// Catching the error does not help: the next step raises it again.
	err = in.Exec(context.Background(), "steps.pyish", `
while True:
    try:
        while True:
            pass
    except RuntimeError:
        pass
`)
	if !strings.Contains(fmt.Sprint(err), "step limit exceeded") {
		t.Fatalf("err = %v", err)
	}
	// Each run has its own budget.
	mustExec(t, in, "for i in range(1000):\n    pass")
}

func TestRecursionLimit(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{MaxDepth: 50})
	err := in.Exec(context.Background(), "rec.pyish", "def f(n):\n    return f(n + 1)\nf(0)")
	if errorType(err) != "RecursionError" {
		t.Fatalf("err = %v", err)
	}
	mustExec(t, in, "def g(n):\n    return 0 if n == 0 else g(n - 1)\ng(40)")
}

// TestHugeAllocations: allocations a script cannot have fail with
// MemoryError instead of taking the host down.
func TestHugeAllocations(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{})
	for _, expr := range []string{`"x" * 10**10`, `b"x" * 10**10`, `[0] * 10**10`, `(0,) * 10**10`, `[0] * 10**6 * 10**4`} {
		_, err := in.Eval(context.Background(), expr)
		if errorType(err) != "MemoryError" {
			t.Errorf("%s: err = %v", expr, err)
		}
	}
}

// TestMemoryBudget: with MaxMemory, an ever-growing list stops with a
// MemoryError the script can catch, and the next run starts afresh.
func TestMemoryBudget(t *testing.T) {
	in, out := newInterp(t, pyish.Options{MaxMemory: 1 << 20})
	err := in.Exec(context.Background(), "grow.pyish", "xs = []\nwhile True:\n    xs.append(1)\n")
	if errorType(err) != "MemoryError" {
		t.Fatalf("err = %v", err)
	}
	mustExec(t, in, "try:\n    ys = [0] * 10**6\nexcept MemoryError:\n    print('caught')\nzs = [0] * 1000\nprint(len(zs))")
	if got := out.String(); got != "caught\n1000\n" {
		t.Fatalf("output %q", got)
	}
}

// TestStopGoSideLoop: a Go loop over an endless pyish iterator (list() of
// iter(int, 1)) stops on a context cancel too, and counts against the
// memory budget.
func TestStopGoSideLoop(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	err := in.Exec(ctx, "endless.pyish", "xs = list(iter(int, 1))")
	if err == nil {
		t.Fatal("endless list() returned without error")
	}
	in2, _ := newInterp(t, pyish.Options{MaxMemory: 1 << 20})
	err = in2.Exec(context.Background(), "endless.pyish", "xs = sorted(iter(int, 1))")
	if errorType(err) != "MemoryError" {
		t.Fatalf("err = %v", err)
	}
}
