package pyish_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pyish/pyish"
)

// TestToThreadGoFunc runs a blocking Go host function from several tasks
// with asyncio.to_thread: the calls run at once on their own goroutines,
// so they all end in about one period, and under VirtualTime the clock
// does not jump past a call in flight.
func TestToThreadGoFunc(t *testing.T) {
	const period = 50 * time.Millisecond
	for _, virtual := range []bool{false, true} {
		t.Run(fmt.Sprintf("virtual=%v", virtual), func(t *testing.T) {
			in, out := newInterp(t, pyish.Options{VirtualTime: virtual})
			var inFlight, most atomic.Int32
			block := func(x int) int {
				n := inFlight.Add(1)
				for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
				}
				<-time.After(period)
				inFlight.Add(-1)
				return x * x
			}
			f, err := in.NewFunc("block", block)
			if err != nil {
				t.Fatal(err)
			}
			in.Set("block", f)
			start := time.Now()
			mustExec(t, in, `
import asyncio

async def job(x):
    return await asyncio.to_thread(block, x)

async def tick():
    await asyncio.sleep(0.001)
    print("timer")

async def main():
    loop = asyncio.get_running_loop()
    timer = asyncio.create_task(tick())
    print(await asyncio.gather(*(job(x) for x in range(1, 6))))
    await timer
    print(await loop.run_in_executor(None, block, 7))
    try:
        await asyncio.to_thread(block, "x")
    except TypeError as e:
        print("TypeError", e)

asyncio.run(main())
`)
			took := time.Since(start)
			// In real time the timer fires while the calls block; in
			// virtual time it waits for them (they are pending work).
			want := "timer\n[1, 4, 9, 16, 25]\n"
			if virtual {
				want = "[1, 4, 9, 16, 25]\ntimer\n"
			}
			want += "49\nTypeError block(): arg 1: cannot convert str to int\n"
			if got := out.String(); got != want {
				t.Fatalf("got\n%s\nwant\n%s", got, want)
			}
			if most.Load() != 5 {
				t.Errorf("at most %d calls ran at once, want 5", most.Load())
			}
			if took > 2*period+period*3/2 {
				t.Errorf("took %v: the calls did not overlap", took)
			}
		})
	}
}

// TestToThreadPanicAndStayOnLoop checks that a panic in an offloaded Go
// function becomes RuntimeError, and that functions which may call back
// into the script (taking a Value or a func) run on the loop.
func TestToThreadPanicAndStayOnLoop(t *testing.T) {
	in, out := newInterp(t, pyish.Options{})
	boom, _ := in.NewFunc("boom", func(n int) int { panic(fmt.Sprint("no ", n)) })
	apply, _ := in.NewFunc("apply", func(f func(int) int, n int) int { return f(n) })
	in.Set("boom", boom)
	in.Set("apply", apply)
	mustExec(t, in, `
import asyncio

async def main():
    try:
        await asyncio.to_thread(boom, 3)
    except RuntimeError as e:
        print("RuntimeError", e)
    print(await asyncio.to_thread(apply, lambda n: n + 1, 41))

asyncio.run(main())
`)
	want := "RuntimeError host function boom panicked: no 3\n42\n"
	if got := out.String(); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

func ExampleInterpreter_NewFunc_toThread() {
	in := pyish.New(pyish.Options{Stdout: os.Stdout})
	fetch, _ := in.NewFunc("fetch", func(key string) string {
		time.Sleep(10 * time.Millisecond) // blocking Go code: runs on its own goroutine
		return "value of " + key
	})
	in.Set("fetch", fetch)
	in.Exec(context.Background(), "main.pyish", `
import asyncio

async def main():
    print(await asyncio.gather(*(asyncio.to_thread(fetch, k) for k in "ab")))

asyncio.run(main())
`)
	// Output: ['value of a', 'value of b']
}

// TestToThreadShutdownWaits checks that asyncio.run waits for an
// offloaded call still running when main returns
// (shutdown_default_executor), even though its task was cancelled.
func TestToThreadShutdownWaits(t *testing.T) {
	in, out := newInterp(t, pyish.Options{})
	var finished atomic.Bool
	block, _ := in.NewFunc("block", func() {
		time.Sleep(30 * time.Millisecond)
		finished.Store(true)
	})
	in.Set("block", block)
	mustExec(t, in, `
import asyncio

async def main():
    t = asyncio.create_task(asyncio.to_thread(block))
    await asyncio.sleep(0)
    return t

t = asyncio.run(main())
print(t.cancelled())
`)
	if !finished.Load() {
		t.Error("asyncio.run returned before the offloaded call ended")
	}
	if got := out.String(); got != "True\n" {
		t.Errorf("got %q", got)
	}
}

// TestToThreadInterrupt checks that Interrupt stops a script awaiting an
// offloaded call that never returns: asyncio.run's shutdown, which waits
// for the call, is itself interrupted, as Ctrl-C interrupts CPython's.
func TestToThreadInterrupt(t *testing.T) {
	in, out := newInterp(t, pyish.Options{})
	release := make(chan struct{})
	defer close(release)
	// The interrupt is sent once the call is running: before the run
	// starts, Interrupt does nothing.
	block, _ := in.NewFunc("block", func() {
		time.AfterFunc(50*time.Millisecond, in.Interrupt)
		<-release
	})
	in.Set("block", block)
	done := make(chan error, 1)
	go func() {
		done <- in.Exec(context.Background(), "test.pyish", `
import asyncio

async def main():
    try:
        await asyncio.to_thread(block)
    finally:
        print("main cleaned up")

asyncio.run(main())
`)
	}()
	select {
	case err := <-done:
		if !errors.Is(err, pyish.ErrInterrupted) {
			t.Errorf("Exec: %v, want ErrInterrupted", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Interrupt did not stop the run")
	}
	if got := out.String(); got != "main cleaned up\n" {
		t.Errorf("got %q", got)
	}
}
