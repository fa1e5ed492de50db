package runtime

// This file queues warnings that are shown at the end of a run, for
// conditions pyish can only confirm late (a coroutine that was never
// awaited: CPython warns when the object is freed).

// PendingWarning is a warning waiting to be shown, as CPython's
// warnings.warn_explicit(Message, Category, File, Line) would show it.
type PendingWarning struct {
	File     string
	Line     int
	Category *Type
	Message  string
	// AllocHint adds CPython's line about tracemalloc, which it prints
	// for warnings about an object (a coroutine) whose allocation
	// traceback it could show.
	AllocHint bool
	// Stale, when set, reports that the warning no longer applies (the
	// coroutine was started or closed after all); checked when shown.
	Stale func() bool
}

// AwaitState is implemented by coroutines written in Go that the
// "coroutine ... was never awaited" warning covers: it returns the
// __qualname__ CPython's coroutine would have ("" for none) and whether
// the coroutine has begun (started or closed).
type AwaitState interface {
	Coroutine
	AwaitState() (qualname string, begun bool)
}

// warnKey is what CPython's "default" action shows once per location.
type warnKey struct {
	file, msg string
	line      int
	category  *Type
}

// perKey bounds the warnings kept for one location: CPython shows one,
// and the others only matter if the earlier ones go stale.
const perKey = 16

// warnQueue is a thread's queue of pending warnings.
type warnQueue struct {
	list  []PendingWarning
	count map[warnKey]int
}

// DeferWarning queues w to be shown when the run ends (TakeWarnings).
func (th *Thread) DeferWarning(w PendingWarning) {
	q := th.warnings
	if q == nil {
		q = &warnQueue{count: map[warnKey]int{}}
		th.warnings = q
	}
	k := warnKey{w.File, w.Message, w.Line, w.Category}
	if q.count[k] >= perKey {
		return
	}
	q.count[k]++
	q.list = append(q.list, w)
}

// TakeWarnings returns the queued warnings that still apply, at most one
// per location and message (CPython's "default" action), in the order
// they were queued, and empties the queue. A location shown once is not
// shown again by later runs of the thread either.
func (th *Thread) TakeWarnings() []PendingWarning {
	q := th.warnings
	if q == nil {
		return nil
	}
	th.warnings = nil
	if th.shownWarnings == nil {
		th.shownWarnings = map[warnKey]bool{}
	}
	var out []PendingWarning
	for _, w := range q.list {
		k := warnKey{w.File, w.Message, w.Line, w.Category}
		if th.shownWarnings[k] || (w.Stale != nil && w.Stale()) {
			continue
		}
		th.shownWarnings[k] = true
		out = append(out, w)
	}
	return out
}
