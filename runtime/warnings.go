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
	// Globals are the globals of the code the warning points at, whose
	// __name__ and __warningregistry__ the warnings module's filters
	// use; Source is the object warned about (the coroutine). Both may
	// be unset.
	Globals *Dict
	Source  Value
	// State is what the warnings module's filters and hooks were when
	// the warning was queued (its _defer_state()), unset if the module
	// was not imported: the filters CPython would have applied then.
	State Value
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
	if m, ok := th.Modules["warnings"]; ok {
		if fn, ok := m.Dict.GetStr("_defer_state"); ok {
			if v, err := Call(th, fn, nil, nil); err == nil {
				w.State = v
			}
		}
	}
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

// TakePendingWarnings returns the queued warnings that still apply, in
// the order they were queued, and empties the queue: for the warnings
// module to filter (see TakeWarnings for the default action without it).
func (th *Thread) TakePendingWarnings() []PendingWarning {
	q := th.warnings
	if q == nil {
		return nil
	}
	th.warnings = nil
	var out []PendingWarning
	for _, w := range q.list {
		if w.Stale == nil || !w.Stale() {
			out = append(out, w)
		}
	}
	return out
}
