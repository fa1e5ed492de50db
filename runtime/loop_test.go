package runtime

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"
)

// testCoroType is the type of the Go coroutines these tests drive.
var testCoroType = NewType("test_coroutine", nil)

// stepCoro is a coroutine written as a Go function of its step number:
// step n gets what the task sent or threw in and returns what
// Coroutine.Resume returns.
type stepCoro struct {
	n int
	f func(n int, exc *Exception) (Value, bool, error)
}

func (c *stepCoro) Type() *Type { return testCoroType }

func (c *stepCoro) Resume(th *Thread, send Value, exc *Exception) (Value, bool, error) {
	n := c.n
	c.n++
	return c.f(n, exc)
}

func (c *stepCoro) Close(th *Thread) error { return nil }

func coro(f func(n int, exc *Exception) (Value, bool, error)) *stepCoro {
	return &stepCoro{f: f}
}

func yieldNone() (Value, bool, error)             { return None, false, nil }
func yieldOn(w Waitable) (Value, bool, error)     { return Obj(w), false, nil }
func returns(v Value) (Value, bool, error)        { return v, true, nil }
func raises(e *Exception) (Value, bool, error)    { return Value{}, true, e }
func newTestLoop(virtual bool) (*Loop, *[]string) { return newLoopLog(virtual) }

func newLoopLog(virtual bool) (*Loop, *[]string) {
	th := NewThread()
	l := NewLoop(th)
	l.VirtualTime = virtual
	return l, new([]string)
}

func logf(log *[]string, format string, args ...any) {
	*log = append(*log, fmt.Sprintf(format, args...))
}

func wantLog(t *testing.T, got []string, want ...string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("order:\n got %q\nwant %q", got, want)
	}
}

func TestLoopCallSoonFIFO(t *testing.T) {
	l, log := newTestLoop(false)
	l.CallSoon(func() { logf(log, "a") })
	l.CallSoon(func() {
		logf(log, "b")
		l.CallSoon(func() { logf(log, "next turn") })
		l.Stop()
	})
	l.CallSoon(func() { logf(log, "c") })
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	wantLog(t, *log, "a", "b", "c")
	l.CallSoon(l.Stop)
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	wantLog(t, *log, "a", "b", "c", "next turn")
}

func TestLoopRingGrows(t *testing.T) {
	l, _ := newTestLoop(false)
	var got []int
	for i := 0; i < 1000; i++ {
		i := i
		l.CallSoon(func() { got = append(got, i) })
	}
	l.CallSoon(l.Stop)
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	for i, v := range got {
		if v != i {
			t.Fatalf("got[%d] = %d", i, v)
		}
	}
	if len(got) != 1000 {
		t.Fatalf("ran %d callbacks", len(got))
	}
}

func TestHandleCancel(t *testing.T) {
	l, log := newTestLoop(true)
	h := l.CallSoon(func() { logf(log, "cancelled soon") })
	l.CallSoon(func() { logf(log, "soon") })
	h.Cancel()
	th := l.CallLater(time.Second, func() { logf(log, "cancelled timer") })
	l.CallLater(2*time.Second, func() { logf(log, "timer"); l.Stop() })
	th.Cancel()
	if !h.Cancelled() || !th.Cancelled() {
		t.Fatal("Cancelled() is false")
	}
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	wantLog(t, *log, "soon", "timer")
}

func TestTimerOrder(t *testing.T) {
	l, log := newTestLoop(true)
	at := func(tag string) func() {
		return func() { logf(log, "%s@%g", tag, l.Time()) }
	}
	l.CallLater(30*time.Millisecond, at("late"))
	l.CallLater(10*time.Millisecond, at("early"))
	l.CallLater(10*time.Millisecond, at("early2"))
	l.CallSoon(at("soon"))
	l.CallAt(0.04, func() { at("last")(); l.Stop() })
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	wantLog(t, *log, "soon@0", "early@0.01", "early2@0.01", "late@0.03", "last@0.04")
}

func TestTimerPurge(t *testing.T) {
	l, _ := newTestLoop(true)
	var hs []*Handle
	for i := 0; i < 300; i++ {
		hs = append(hs, l.CallLater(time.Duration(i+1)*time.Second, func() {}))
	}
	for _, h := range hs[:250] {
		h.Cancel()
	}
	l.CallSoon(l.Stop)
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	if len(l.timers) != 50 || l.timerCancelled != 0 {
		t.Fatalf("after purge: %d timers, %d cancelled", len(l.timers), l.timerCancelled)
	}
}

// realTimeOrder checks timers fire in order on the real clock.
func TestTimerRealClock(t *testing.T) {
	l, log := newTestLoop(false)
	start := l.Time()
	l.CallLater(20*time.Millisecond, func() { logf(log, "b"); l.Stop() })
	l.CallLater(5*time.Millisecond, func() { logf(log, "a") })
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	wantLog(t, *log, "a", "b")
	if d := l.Time() - start; d < 0.019 {
		t.Fatalf("stopped after %gs", d)
	}
}

func TestVirtualTimeLongSleep(t *testing.T) {
	l, log := newTestLoop(true)
	began := time.Now()
	for _, d := range []int{3600, 60, 1800} {
		d := d
		l.CallLater(time.Duration(d)*time.Second, func() { logf(log, "%d", d) })
	}
	l.CallLater(7200*time.Second, l.Stop)
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	wantLog(t, *log, "60", "1800", "3600")
	if time.Since(began) > time.Second || l.Time() != 7200 {
		t.Fatalf("took %v, clock %g", time.Since(began), l.Time())
	}
}

// TestVirtualTimeWaitsForPending: virtual time must not jump past a host
// call still in flight.
func TestVirtualTimeWaitsForPending(t *testing.T) {
	l, log := newTestLoop(true)
	l.CallLater(1000*time.Second, func() { logf(log, "timer at %g", l.Time()); l.Stop() })
	l.AddPending(1)
	go func() {
		time.Sleep(20 * time.Millisecond)
		l.CallSoonThreadsafe(func() { logf(log, "host done at %g", l.Time()) })
		l.AddPending(-1)
	}()
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	wantLog(t, *log, "host done at 0", "timer at 1000")
}

func TestCallSoonThreadsafe(t *testing.T) {
	l, _ := newTestLoop(false)
	const goroutines, each = 50, 200
	count := 0
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < each; i++ {
				l.CallSoonThreadsafe(func() {
					count++
					if count == goroutines*each {
						l.Stop()
					}
				})
			}
		}()
	}
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if count != goroutines*each {
		t.Fatalf("count = %d", count)
	}
}

func TestLoopRunningAndClosed(t *testing.T) {
	l, _ := newTestLoop(true)
	if _, err := RunningLoop(l.th); err == nil {
		t.Fatal("RunningLoop before run: no error")
	}
	var inside *Loop
	l.CallSoon(func() {
		inside, _ = RunningLoop(l.th)
		if err := l.RunForever(); err == nil {
			t.Error("nested RunForever: no error")
		}
		if err := l.Close(); err == nil {
			t.Error("Close while running: no error")
		}
		l.Stop()
	})
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	if inside != l || l.IsRunning() {
		t.Fatalf("running loop %p, want %p; IsRunning after = %v", inside, l, l.IsRunning())
	}
	if err := l.Close(); err != nil || !l.IsClosed() {
		t.Fatal("Close failed")
	}
	if err := l.RunForever(); err == nil {
		t.Fatal("RunForever on a closed loop: no error")
	}
}

// BenchmarkTaskSwitch measures one bare-yield step of a task (sleep(0)
// without the vm): the ready queue and Task.step.
func BenchmarkTaskSwitch(b *testing.B) {
	l, _ := newTestLoop(true)
	n := b.N
	c := coro(func(i int, exc *Exception) (Value, bool, error) {
		if i < n {
			return yieldNone()
		}
		return returns(None)
	})
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := l.RunUntilComplete(Obj(c)); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkFutureWakeup measures a task awaiting a future another
// callback completes: Future, done callback and wake-up.
func BenchmarkFutureWakeup(b *testing.B) {
	l, _ := newTestLoop(true)
	n := b.N
	c := coro(func(i int, exc *Exception) (Value, bool, error) {
		if i < n {
			f := NewFuture(l)
			l.callSoon(func() { f.SetResult(None) })
			return yieldOn(f)
		}
		return returns(None)
	})
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := l.RunUntilComplete(Obj(c)); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkThreadsafeRoundTrip measures a post from another goroutine
// and the answer back, as an async host call makes.
func BenchmarkThreadsafeRoundTrip(b *testing.B) {
	l, _ := newTestLoop(false)
	reply := make(chan struct{})
	done := make(chan struct{})
	go func() {
		for i := 0; i < b.N; i++ {
			l.CallSoonThreadsafe(func() { reply <- struct{}{} })
			<-reply
		}
		l.CallSoonThreadsafe(l.Stop)
		close(done)
	}()
	b.ResetTimer()
	if err := l.RunForever(); err != nil {
		b.Fatal(err)
	}
	<-done
}
