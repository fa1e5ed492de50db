package pyish_test

import (
	"context"
	"testing"

	"github.com/pyish/pyish"
	"github.com/pyish/pyish/runtime"
)

// benchLoop runs body (a script using n) with n = b.N.
func benchLoop(b *testing.B, in *pyish.Interpreter, body string) {
	b.Helper()
	in.Set("n", b.N)
	b.ReportAllocs()
	defer reportCPU(b)()
	if err := in.Exec(context.Background(), "bench.pyish", body); err != nil {
		b.Fatal(err)
	}
}

// reportCPU resets the benchmark timer; the function it returns reports
// the process CPU time per op (cpu-ns/op), which a loaded machine
// inflates less than the wall clock. Goroutines other than the
// benchmark's (the GC, async host calls) count too.
func reportCPU(b *testing.B) func() {
	b.ResetTimer()
	start := cpuTime()
	return func() {
		b.StopTimer()
		if start != 0 {
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		}
	}
}

// BenchmarkLoopBaseline is the cost of the script loop the host call
// benchmarks use, without a call, to subtract from them.
func BenchmarkLoopBaseline(b *testing.B) {
	in := pyish.New(pyish.Options{})
	benchLoop(b, in, "def run():\n    for i in range(n):\n        pass\nrun()")
}

// BenchmarkSyncHostCallFunc: a script calls a pyish.Func host function.
func BenchmarkSyncHostCallFunc(b *testing.B) {
	in := pyish.New(pyish.Options{})
	f, _ := in.NewFunc("f", pyish.Func(func(th *runtime.Thread, args []pyish.Value, kw []string) (pyish.Value, error) {
		return args[0], nil
	}))
	in.Set("f", f)
	benchLoop(b, in, "def run():\n    for i in range(n):\n        f(i)\nrun()")
}

// BenchmarkSyncHostCallTyped: a script calls func(int) int (a signature
// NewFunc converts without reflection).
func BenchmarkSyncHostCallTyped(b *testing.B) {
	in := pyish.New(pyish.Options{})
	f, _ := in.NewFunc("f", func(x int) int { return x + 1 })
	in.Set("f", f)
	benchLoop(b, in, "def run():\n    for i in range(n):\n        f(i)\nrun()")
}

// BenchmarkSyncHostCallReflect: a script calls func(int, string) int,
// converted by reflection.
func BenchmarkSyncHostCallReflect(b *testing.B) {
	in := pyish.New(pyish.Options{})
	f, _ := in.NewFunc("f", func(x int, s string) int { return x + len(s) })
	in.Set("f", f)
	benchLoop(b, in, "def run():\n    for i in range(n):\n        f(i, 'ab')\nrun()")
}

// BenchmarkCallFromGo: Go calls a pyish function with Go arguments.
func BenchmarkCallFromGo(b *testing.B) {
	in := pyish.New(pyish.Options{})
	in.Exec(context.Background(), "lib.pyish", "def add(a, b):\n    return a + b")
	fn, _ := in.Get("add")
	ctx := context.Background()
	b.ReportAllocs()
	defer reportCPU(b)()
	for i := 0; i < b.N; i++ {
		if _, err := in.Call(ctx, fn, i, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAsyncHostCall: a script awaits an async host function, one call
// at a time: goroutine start, post back through the loop's door, resume.
func BenchmarkAsyncHostCall(b *testing.B) {
	in := pyish.New(pyish.Options{})
	f, _ := in.NewAsyncFunc("f", func(ctx context.Context, x int) int { return x })
	in.Set("f", f)
	benchLoop(b, in, "import asyncio\nasync def run():\n    for i in range(n):\n        await f(i)\nasyncio.run(run())")
}

// BenchmarkAsyncHostCallGather: 100 async host calls at a time.
func BenchmarkAsyncHostCallGather(b *testing.B) {
	in := pyish.New(pyish.Options{})
	f, _ := in.NewAsyncFunc("f", func(ctx context.Context, x int) int { return x })
	in.Set("f", f)
	src := "import asyncio\nasync def run():\n    for i in range(0, n, 100):\n        await asyncio.gather(*(f(j) for j in range(100)))\nasyncio.run(run())"
	benchLoop(b, in, src)
}

// BenchmarkAsyncHostCallGatherAsyncFunc: as BenchmarkAsyncHostCallGather,
// with an AsyncFunc (no reflection).
func BenchmarkAsyncHostCallGatherAsyncFunc(b *testing.B) {
	in := pyish.New(pyish.Options{})
	f, _ := in.NewAsyncFunc("f", pyish.AsyncFunc(func(ctx context.Context, args []any) (any, error) { return args[0], nil }))
	in.Set("f", f)
	src := "import asyncio\nasync def run():\n    for i in range(0, n, 100):\n        await asyncio.gather(*(f(j) for j in range(100)))\nasyncio.run(run())"
	benchLoop(b, in, src)
}

// BenchmarkGatherBaseline: gather of 100 pyish coroutines that yield once,
// the asyncio cost the gather benchmarks include.
func BenchmarkGatherBaseline(b *testing.B) {
	in := pyish.New(pyish.Options{})
	src := "import asyncio\nasync def f(j):\n    await asyncio.sleep(0)\n    return j\nasync def run():\n    for i in range(0, n, 100):\n        await asyncio.gather(*(f(j) for j in range(100)))\nasyncio.run(run())"
	benchLoop(b, in, src)
}
