package pyish_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pyish/pyish"
)

// newInterp returns an interpreter whose stdout is collected in out.
func newInterp(t testing.TB, opts pyish.Options) (*pyish.Interpreter, *bytes.Buffer) {
	t.Helper()
	var out bytes.Buffer
	if opts.Stdout == nil {
		opts.Stdout = &out
	}
	return pyish.New(opts), &out
}

func mustExec(t testing.TB, in *pyish.Interpreter, src string) {
	t.Helper()
	if err := in.Exec(context.Background(), "test.pyish", src); err != nil {
		t.Fatalf("Exec: %v\n%s", err, tracebackOf(err))
	}
}

func tracebackOf(err error) string {
	var pe *pyish.Error
	if errors.As(err, &pe) {
		return pe.Traceback()
	}
	return ""
}

// errorType returns the pyish exception type of err, or "".
func errorType(err error) string {
	var pe *pyish.Error
	if errors.As(err, &pe) {
		return pe.Type
	}
	return ""
}

func TestEvalAndGlobals(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{})
	if err := in.Set("n", 20); err != nil {
		t.Fatal(err)
	}
	mustExec(t, in, "m = n + 1\nnames = ['a', 'b']")
	v, ok := in.Get("m")
	if !ok {
		t.Fatal("m not set")
	}
	var m int
	if err := in.ExportTo(v, &m); err != nil || m != 21 {
		t.Fatalf("m = %d, %v", m, err)
	}
	v, err := in.Eval(context.Background(), "m * 2")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := in.Export(v); got != int64(42) {
		t.Fatalf("Eval = %#v", got)
	}
	if _, ok := in.Get("nope"); ok {
		t.Fatal("Get of a missing global succeeded")
	}
}

func TestCallPyishFunction(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{})
	mustExec(t, in, `
def add(a, b):
    return a + b

def boom():
    return 1 / 0
`)
	v, err := in.Call(context.Background(), "add", 2, 40)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := in.Export(v); got != int64(42) {
		t.Fatalf("add = %#v", got)
	}
	v, err = in.Call(context.Background(), "add", []string{"a"}, []string{"b"})
	if err != nil {
		t.Fatal(err)
	}
	var list []string
	if err := in.ExportTo(v, &list); err != nil || strings.Join(list, ",") != "a,b" {
		t.Fatalf("add lists = %v, %v", list, err)
	}
	_, err = in.Call(context.Background(), "boom")
	if errorType(err) != "ZeroDivisionError" || err.Error() != "ZeroDivisionError: division by zero" {
		t.Fatalf("boom: %v", err)
	}
	if _, err := in.Call(context.Background(), "missing"); err == nil {
		t.Fatal("call of a missing global succeeded")
	}
}

func TestCallAsyncDef(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{})
	mustExec(t, in, `
import asyncio

async def work(x):
    tasks = [asyncio.create_task(asyncio.sleep(0.01, result=i)) for i in range(3)]
    return x + sum(await asyncio.gather(*tasks))
`)
	for i := 0; i < 3; i++ { // the loop is reusable between calls
		v, err := in.Call(context.Background(), "work", 10)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := in.Export(v); got != int64(13) {
			t.Fatalf("work = %#v", got)
		}
	}
	v, err := in.Eval(context.Background(), "await work(1)")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := in.Export(v); got != int64(4) {
		t.Fatalf("await work(1) = %#v", got)
	}
}

func TestCallAsyncDefDeadline(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{})
	mustExec(t, in, `
import asyncio
cleaned = False

async def forever():
    global cleaned
    try:
        await asyncio.sleep(3600)
    finally:
        cleaned = True
`)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := in.Call(ctx, "forever")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want one matching context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("took %v", d)
	}
	v, _ := in.Get("cleaned")
	if got, _ := in.Export(v); got != true {
		t.Fatal("finally block did not run")
	}
}

func TestRegisterModule(t *testing.T) {
	in, out := newInterp(t, pyish.Options{})
	double := func(x int) int { return 2 * x }
	err := in.RegisterModule("host", map[string]any{
		"version": "1.2",
		"double":  double,
		"limits":  map[string]int{"b": 2, "a": 1},
	})
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, in, "import host\nfrom host import double\nprint(host.version, double(21), host.limits)")
	if got := out.String(); got != "1.2 42 {'a': 1, 'b': 2}\n" {
		t.Fatalf("got %q", got)
	}
}

func TestDisabledModule(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{Modules: []string{"math"}})
	mustExec(t, in, "import math")
	err := in.Exec(context.Background(), "t.pyish", "import json")
	if errorType(err) != "ImportError" || !strings.Contains(err.Error(), "'json' is not allowed") {
		t.Fatalf("import json: %v", err)
	}
	err = in.Exec(context.Background(), "t.pyish", "import nosuchmodule")
	if errorType(err) != "ModuleNotFoundError" {
		t.Fatalf("import nosuchmodule: %v", err)
	}
	// The refusal is an ordinary exception: scripts can catch it.
	mustExec(t, in, "try:\n    import asyncio\nexcept ImportError as e:\n    msg = str(e)")
	v, _ := in.Get("msg")
	if s, _ := in.Export(v); s != "import of module 'asyncio' is not allowed by this interpreter" {
		t.Fatalf("msg = %v", s)
	}
}

func TestTraceback(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{})
	err := in.Exec(context.Background(), "tb.pyish", `def inner(x):
    return x["missing"]

def outer():
    return inner({})

outer()
`)
	var pe *pyish.Error
	if !errors.As(err, &pe) {
		t.Fatalf("err = %#v", err)
	}
	if pe.Type != "KeyError" || pe.Message != "'missing'" || pe.Error() != "KeyError: 'missing'" {
		t.Fatalf("type %q message %q error %q", pe.Type, pe.Message, pe.Error())
	}
	want := []pyish.Frame{{"tb.pyish", 7, "<module>"}, {"tb.pyish", 5, "outer"}, {"tb.pyish", 2, "inner"}}
	if fmt.Sprint(pe.Frames) != fmt.Sprint(want) {
		t.Fatalf("frames %v, want %v", pe.Frames, want)
	}
	// The markers are those CPython 3.12 prints for the same file.
	wantTB := `Traceback (most recent call last):
  File "tb.pyish", line 7, in <module>
    outer()
  File "tb.pyish", line 5, in outer
    return inner({})
           ^^^^^^^^^
  File "tb.pyish", line 2, in inner
    return x["missing"]
           ~^^^^^^^^^^^
KeyError: 'missing'
`
	if pe.Traceback() != wantTB {
		t.Fatalf("traceback:\n%s\nwant:\n%s", pe.Traceback(), wantTB)
	}
}

func TestSyntaxErrorReport(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{})
	err := in.Exec(context.Background(), "bad.pyish", "x = (1,\n")
	if errorType(err) != "SyntaxError" {
		t.Fatalf("err = %v", err)
	}
}

func TestExitError(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{})
	err := in.Exec(context.Background(), "exit.pyish", "import sys\nsys.exit(3)")
	var exit *pyish.ExitError
	if !errors.As(err, &exit) || exit.Code != 3 {
		t.Fatalf("err = %v", err)
	}
}

// TestParallelInterpreters runs 100 interpreters at once (under -race this
// finds state shared between them).
func TestParallelInterpreters(t *testing.T) {
	const n = 100
	var wg sync.WaitGroup
	errs := make([]error, n)
	outs := make([]string, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			var out bytes.Buffer
			in := pyish.New(pyish.Options{Stdout: &out})
			in.Set("seed", i)
			errs[i] = in.Exec(context.Background(), "par.pyish", parallelScript)
			if errs[i] == nil {
				errs[i] = in.Exec(context.Background(), "broad.pyish", broadScript)
			}
			outs[i] = out.String()
		}(i)
	}
	wg.Wait()
	for i := 0; i < n; i++ {
		if errs[i] != nil {
			t.Fatalf("interpreter %d: %v\n%s", i, errs[i], tracebackOf(errs[i]))
		}
		want := fmt.Sprintf("%d 4950 [0, 1, 4] {'k': %d} 3.0 ok\n568\n", i, i)
		if outs[i] != want {
			t.Fatalf("interpreter %d printed %q, want %q", i, outs[i], want)
		}
	}
}

const parallelScript = `
import asyncio, json, math, random

class Box:
    count = 0
    def __init__(self, v):
        Box.count += 1
        self.v = v

async def square(i):
    await asyncio.sleep(0.001)
    return i * i

async def main():
    return await asyncio.gather(*(square(i) for i in range(3)))

random.seed(seed)
boxes = [Box(i) for i in range(100)]
total = sum(b.v for b in boxes)
squares = asyncio.run(main())
d = json.loads(json.dumps({"k": seed}))
try:
    raise ValueError(f"v{seed}")
except ValueError as e:
    assert str(e) == f"v{seed}"
s = "%d" % seed
print(s, total, squares, d, math.sqrt(9), "ok" if Box.count == 100 else Box.count)
`

// broadScript touches much of the language and the standard modules; it
// prints the length of the repr of its results (CPython: 568).
const broadScript = `import asyncio, json, math, random, sys, time

class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"P({self.x!r}, {self.y!r})"
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __lt__(self, o): return (self.x, self.y) < (o.x, o.y)

class E(ValueError):
    pass

def gen(n):
    for i in range(n):
        yield i * 2

@staticmethod
def sm(): return 1

ps = sorted({P(i % 7, -i) for i in range(50)})
words = "the quick brown fox jumps over the lazy dog".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
s = ", ".join(f"{k}={v:>3}" for k, v in sorted(counts.items()))
fl = [1.5 ** i for i in range(10)]
bi = 2 ** 200 // 3 ** 50
fs = frozenset("abc") | {"d"}
try:
    raise E("bad") from KeyError("k")
except ValueError as e:
    msg = repr(e)
b = b"bytes" * 3 + bytes(range(5))
ba = [1]
ba.append(65)
z = list(zip(*[range(3), "abc"]))
txt = "%s %d %.3f %r" % ("a", 1, math.pi, None)
fmt = "{0:08.3f}|{1:^9}|{2!r}".format(math.e, "mid", [1])
rnd = [random.randint(0, 10) for _ in range(5)]
jj = json.dumps({"a": [1, 2.5, None, True], "b": {"c": "d"}}, sort_keys=True, indent=1)
lam = list(map(lambda q: q ** 2, filter(lambda q: q % 2, range(10))))
dc = {k: v for k, v in enumerate("xyz")}
sl = list(range(100))[::7]
up = "ÄÖü straße".upper() + "İ".lower()
t0 = time.monotonic()
st = sys.getrecursionlimit()

async def worker(q, out):
    while True:
        item = await q.get()
        out.append(item * 10)
        q.task_done()

async def main():
    q = asyncio.Queue()
    out = []
    ws = [asyncio.create_task(worker(q, out)) for _ in range(3)]
    for i in range(10):
        q.put_nowait(i)
    await q.join()
    for w in ws:
        w.cancel()
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(asyncio.sleep(0.001, result=1))
    lock = asyncio.Lock()
    async with lock:
        pass
    ev = asyncio.Event()
    asyncio.get_running_loop().call_soon(ev.set)
    await ev.wait()
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.001)
    except TimeoutError:
        pass
    return sorted(out), t1.result()

res = asyncio.run(main())
result = [len(ps), s, fl[-1], bi, sorted(fs), msg, b, ba, z, txt, fmt, len(rnd), jj, lam, dc, sl, up, st, res, list(gen(3)), sm()]
print(len(repr(result)))
`

func TestVirtualTime(t *testing.T) {
	in, out := newInterp(t, pyish.Options{VirtualTime: true})
	start := time.Now()
	mustExec(t, in, `
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(3600)
    print(round(loop.time() - t0))

asyncio.run(main())
`)
	if d := time.Since(start); d > time.Second {
		t.Fatalf("virtual sleep took %v", d)
	}
	if out.String() != "3600\n" {
		t.Fatalf("got %q", out.String())
	}
}

// TestVirtualTimeWaitsForHostCall: the clock must not jump past a host
// call in flight, so a timeout longer than the call does not fire.
func TestVirtualTimeWaitsForHostCall(t *testing.T) {
	in, out := newInterp(t, pyish.Options{VirtualTime: true})
	slow, err := in.NewAsyncFunc("slow", func(ctx context.Context) (string, error) {
		time.Sleep(50 * time.Millisecond)
		return "done", nil
	})
	if err != nil {
		t.Fatal(err)
	}
	in.Set("slow", slow)
	mustExec(t, in, `
import asyncio

async def main():
    print(await asyncio.wait_for(slow(), timeout=1))

asyncio.run(main())
`)
	if out.String() != "done\n" {
		t.Fatalf("got %q", out.String())
	}
}

func TestInterruptMethod(t *testing.T) {
	in, out := newInterp(t, pyish.Options{})
	// The script says when it is running: an Interrupt before the run
	// starts does nothing, and a fixed delay loses that race under load.
	in.Set("started", func() { time.AfterFunc(20*time.Millisecond, in.Interrupt) })
	err := in.Exec(context.Background(), "loop.pyish", "started()\ntry:\n    while True:\n        pass\nfinally:\n    print('cleanup')")
	if !errors.Is(err, pyish.ErrInterrupted) || errorType(err) != "KeyboardInterrupt" {
		t.Fatalf("err = %v (%s)", err, errorType(err))
	}
	if out.String() != "cleanup\n" {
		t.Fatalf("got %q", out.String())
	}
	// The interpreter is usable afterwards and the interrupt is gone.
	mustExec(t, in, "x = 1")
	in.Interrupt() // no run: nothing happens
	mustExec(t, in, "for i in range(1000):\n    pass")
}

// TestStopHostileLoop: a script that swallows KeyboardInterrupt is
// interrupted again until it stops.
func TestStopHostileLoop(t *testing.T) {
	in, _ := newInterp(t, pyish.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := in.Exec(ctx, "hostile.pyish", `
while True:
    try:
        while True:
            pass
    except BaseException:
        break
while True:
    pass
`)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("took %v", d)
	}
}

func TestStopSleepingScript(t *testing.T) {
	in, out := newInterp(t, pyish.Options{})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := in.Exec(ctx, "sleep.pyish", `
import asyncio

async def main():
    try:
        await asyncio.sleep(3600)
    finally:
        print("cleanup")

asyncio.run(main())
`)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("took %v", d)
	}
	if out.String() != "cleanup\n" {
		t.Fatalf("got %q", out.String())
	}
}

// waitFor polls cond for up to a second.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}
