package runtime

import "testing"

// logWatcher logs the futures it is told about by name.
type logWatcher struct {
	log   *[]string
	names map[*Future]string
}

func (w *logWatcher) FutureDone(f *Future) { logf(w.log, "watch %s", w.names[f]) }

// TestWatchQueueOrder checks that a watched future's notification takes
// the place in the ready queue a done callback registered at the same
// point would take, for futures finishing in any order and for one done
// before it is watched.
func TestWatchQueueOrder(t *testing.T) {
	l, log := newTestLoop(false)
	f1, f2, f3 := NewFuture(l), NewFuture(l), NewFuture(l)
	w := &logWatcher{log: log, names: map[*Future]string{f1: "f1", f2: "f2", f3: "f3"}}
	q := NewWatchQueue(w, 3)
	f1.AddDoneCallback(func() { logf(log, "f1 before") })
	q.Watch(f1)
	f1.AddDoneCallback(func() { logf(log, "f1 after") })
	q.Watch(f2)
	f3.SetResult(None)
	f2.SetResult(None)
	f1.SetResult(None)
	q.Watch(f3) // done already: queued at once
	l.CallSoon(l.Stop)
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	wantLog(t, *log, "watch f2", "f1 before", "watch f1", "f1 after", "watch f3")
}
