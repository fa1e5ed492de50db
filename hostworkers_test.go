package pyish

import (
	"sync"
	"testing"
	"time"
)

// TestHostWorkersUnbounded checks that jobs never wait for each other: a
// pool whose workers are all busy starts another, so 100 jobs that each
// wait for all the others finish.
func TestHostWorkersUnbounded(t *testing.T) {
	w := &hostWorkers{jobs: make(chan func())}
	const n = 100
	var started, done sync.WaitGroup
	started.Add(n)
	done.Add(n)
	release := make(chan struct{})
	for i := 0; i < n; i++ {
		w.Go(func() {
			started.Done()
			<-release
			done.Done()
		})
	}
	waitOrFail(t, &started, "jobs blocked behind busy workers")
	close(release)
	waitOrFail(t, &done, "jobs did not finish")
}

// TestHostWorkersIdle checks that workers stay idle after their jobs
// and that the idle count stays within its bound.
func TestHostWorkersIdle(t *testing.T) {
	w := &hostWorkers{jobs: make(chan func())}
	for i := 0; i < 50; i++ {
		ch := make(chan struct{})
		w.Go(func() { close(ch) })
		<-ch
	}
	deadline := time.Now().Add(2 * time.Second)
	for {
		w.mu.Lock()
		idle := w.idle
		w.mu.Unlock()
		if idle >= 1 && idle <= maxIdleWorkers {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("idle workers = %d, want 1..%d", idle, maxIdleWorkers)
		}
		time.Sleep(time.Millisecond)
	}
}

func waitOrFail(t *testing.T, wg *sync.WaitGroup, msg string) {
	t.Helper()
	ch := make(chan struct{})
	go func() { wg.Wait(); close(ch) }()
	select {
	case <-ch:
	case <-time.After(10 * time.Second):
		t.Fatal(msg)
	}
}
