package runtime

// This file lets one object follow many futures without a closure per
// future: gather watches each of its children this way.

// A Watcher is told when each future it watches is done.
type Watcher interface {
	// FutureDone runs in the loop turn a done callback of f registered
	// at the same time would run in, so the order of everything the
	// loop runs is the order plain callbacks would give.
	FutureDone(f *Future)
}

// WatchQueue delivers done notifications to a Watcher: a future that
// finishes puts itself in the queue, and the queue sits in the loop's
// ready queue once per queued future.
type WatchQueue struct {
	w    Watcher
	done []*Future // futures whose notification is queued, oldest first
	head int
}

// NewWatchQueue returns a queue for w that holds n futures without
// growing: a queue for the n futures w watches.
func NewWatchQueue(w Watcher, n int) *WatchQueue {
	return &WatchQueue{w: w, done: make([]*Future, 0, n)}
}

// Watch makes q notify its Watcher when f is done, in the place of a
// done callback of f (soon, if f is done already).
func (q *WatchQueue) Watch(f *Future) { f.addCallback(doneCallback{key: q}) }

// runReady delivers the oldest queued notification.
func (q *WatchQueue) runReady() {
	f := q.done[q.head]
	q.done[q.head] = nil
	q.head++
	q.w.FutureDone(f)
}
