package asyncio

// This file defines asyncio's queues (Queue, PriorityQueue, LifoQueue and
// the QueueEmpty and QueueFull exceptions), mirroring CPython 3.12's
// Lib/asyncio/queues.py, wake-up order included.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pyish/pyish/runtime"
)

// Python-visible types of the queues and their exceptions.
var (
	QueueType         = runtime.NewType("asyncio.queues.Queue", nil)
	PriorityQueueType = runtime.NewType("asyncio.queues.PriorityQueue", QueueType)
	LifoQueueType     = runtime.NewType("asyncio.queues.LifoQueue", QueueType)

	// QueueEmpty is raised by get_nowait() on an empty queue.
	QueueEmpty = runtime.NewExceptionType("asyncio.queues.QueueEmpty", runtime.Exception_)
	// QueueFull is raised by put_nowait() on a full queue.
	QueueFull = runtime.NewExceptionType("asyncio.queues.QueueFull", runtime.Exception_)
)

// queueKind selects the order in which a Queue hands out its items.
type queueKind uint8

const (
	fifo     queueKind = iota // Queue: collections.deque
	lifo                      // LifoQueue: a list used as a stack
	priority                  // PriorityQueue: a heapq list, smallest first
)

// Queue is asyncio.Queue, PriorityQueue or LifoQueue.
type Queue struct {
	loopBound
	kind    queueKind
	maxsize runtime.Value
	// items are the queued values from index head (a FIFO pops at head;
	// head stays 0 for the others).
	items   []runtime.Value
	head    int
	getters waiters
	putters waiters
	// unfinished counts items put and not yet marked task_done; finished
	// is set whenever it is zero (join waits for it).
	unfinished int64
	finished   Event
}

// Type implements runtime.Object.
func (q *Queue) Type() *runtime.Type {
	switch q.kind {
	case lifo:
		return LifoQueueType
	case priority:
		return PriorityQueueType
	}
	return QueueType
}

// Repr implements runtime.HasRepr: <Queue at 0x… maxsize=0 …>.
func (q *Queue) Repr(th *runtime.Thread) (string, error) {
	f, err := q.format(th)
	return fmt.Sprintf("<%s at %p %s>", q.Type().Name, q, f), err
}

// Str implements runtime.HasStr: <Queue maxsize=0 …>.
func (q *Queue) Str(th *runtime.Thread) (string, error) {
	f, err := q.format(th)
	return fmt.Sprintf("<%s %s>", q.Type().Name, f), err
}

// format is Queue._format.
func (q *Queue) format(th *runtime.Thread) (string, error) {
	var b strings.Builder
	m, err := runtime.Repr(th, q.maxsize)
	if err != nil {
		return "", err
	}
	b.WriteString("maxsize=" + m)
	if q.size() > 0 {
		items, err := runtime.Repr(th, runtime.Obj(runtime.NewList(slices.Clone(q.items[q.head:]))))
		if err != nil {
			return "", err
		}
		b.WriteString(" _queue=" + items)
	}
	if n := q.getters.len(); n > 0 {
		fmt.Fprintf(&b, " _getters[%d]", n)
	}
	if n := q.putters.len(); n > 0 {
		fmt.Fprintf(&b, " _putters[%d]", n)
	}
	if q.unfinished != 0 {
		fmt.Fprintf(&b, " tasks=%d", q.unfinished)
	}
	return b.String(), nil
}

// size is qsize().
func (q *Queue) size() int { return len(q.items) - q.head }

// full reports whether maxsize > 0 items are queued (never for maxsize <= 0).
func (q *Queue) full(th *runtime.Thread) (bool, error) {
	if q.maxsize.IsInt() {
		m := q.maxsize.AsInt()
		return m > 0 && int64(q.size()) >= m, nil
	}
	if le, err := compareBool(th, runtime.CmpLe, q.maxsize, runtime.Int(0)); le || err != nil {
		return false, err
	}
	return compareBool(th, runtime.CmpGe, runtime.Int(int64(q.size())), q.maxsize)
}

// compareBool is bool(a op b).
func compareBool(th *runtime.Thread, op runtime.CmpOp, a, b runtime.Value) (bool, error) {
	r, err := runtime.Compare(th, op, a, b)
	if err != nil {
		return false, err
	}
	if r.IsBool() {
		return r.AsBool(), nil
	}
	return runtime.Truth(th, r)
}

// wakeupNext wakes the oldest waiter that is not done (cancelled ones
// are dropped on the way).
func wakeupNext(w *waiters) {
	for w.len() > 0 {
		if fut := w.popFront(); !fut.Done() {
			fut.SetResult(runtime.None)
			return
		}
	}
}

// putNowait is Queue.put_nowait.
func (q *Queue) putNowait(th *runtime.Thread, item runtime.Value) error {
	full, err := q.full(th)
	switch {
	case err != nil:
		return err
	case full:
		return runtime.NewException(QueueFull)
	}
	if err := q.push(th, item); err != nil {
		return err
	}
	q.unfinished++
	q.finished.value = false
	wakeupNext(&q.getters)
	return nil
}

// getNowait is Queue.get_nowait.
func (q *Queue) getNowait(th *runtime.Thread) (runtime.Value, error) {
	if q.size() == 0 {
		return runtime.Value{}, runtime.NewException(QueueEmpty)
	}
	item, err := q.pop(th)
	if err != nil {
		return runtime.Value{}, err
	}
	wakeupNext(&q.putters)
	return item, nil
}

// push is Queue._put.
func (q *Queue) push(th *runtime.Thread, item runtime.Value) error {
	q.items = append(q.items, item)
	if q.kind == priority {
		return siftDown(th, q.items, 0, len(q.items)-1)
	}
	return nil
}

// pop is Queue._get on a non-empty queue.
func (q *Queue) pop(th *runtime.Thread) (runtime.Value, error) {
	switch q.kind {
	case fifo:
		return q.popHead(), nil
	case lifo:
		n := len(q.items)
		item := q.items[n-1]
		q.items[n-1] = runtime.Value{}
		q.items = q.items[:n-1]
		return item, nil
	}
	return heapPop(th, &q.items)
}

// popHead pops a FIFO's oldest item, moving the rest back to the front
// of the array once the popped part is at least half of it, so a busy
// queue reuses its array instead of reallocating.
func (q *Queue) popHead() runtime.Value {
	item := q.items[q.head]
	q.items[q.head] = runtime.Value{}
	q.head++
	switch {
	case q.head == len(q.items):
		q.items, q.head = q.items[:0], 0
	case q.head >= 16 && 2*q.head >= len(q.items):
		n := copy(q.items, q.items[q.head:])
		clear(q.items[n:])
		q.items, q.head = q.items[:n], 0
	}
	return item
}

// heapPop is heapq.heappop.
func heapPop(th *runtime.Thread, heap *[]runtime.Value) (runtime.Value, error) {
	h := *heap
	last := h[len(h)-1]
	h[len(h)-1] = runtime.Value{}
	h = h[:len(h)-1]
	*heap = h
	if len(h) == 0 {
		return last, nil
	}
	item := h[0]
	h[0] = last
	return item, siftUp(th, h, 0)
}

// siftDown is heapq's _siftdown: move h[pos] up towards start while it
// is smaller than its parent (comparing with <, as heapq does).
func siftDown(th *runtime.Thread, h []runtime.Value, start, pos int) error {
	item := h[pos]
	for pos > start {
		parent := (pos - 1) >> 1
		lt, err := compareBool(th, runtime.CmpLt, item, h[parent])
		if err != nil {
			return err
		}
		if !lt {
			break
		}
		h[pos] = h[parent]
		pos = parent
	}
	h[pos] = item
	return nil
}

// siftUp is heapq's _siftup: move the smaller child up until a leaf is
// reached, put h[pos]'s item there, then sift it down.
func siftUp(th *runtime.Thread, h []runtime.Value, pos int) error {
	start, item := pos, h[pos]
	for child := 2*pos + 1; child < len(h); child = 2*pos + 1 {
		if right := child + 1; right < len(h) {
			lt, err := compareBool(th, runtime.CmpLt, h[child], h[right])
			if err != nil {
				return err
			}
			if !lt {
				child = right
			}
		}
		h[pos] = h[child]
		pos = child
	}
	h[pos] = item
	return siftDown(th, h, start, pos)
}

// put is the coroutine of q.put(item): wait while the queue is full.
func (q *Queue) put(item runtime.Value) *queuePut {
	return &queuePut{queueWait: queueWait{q: q}, item: item}
}

// get is the coroutine of q.get(): wait while the queue is empty.
func (q *Queue) get() *queueGet { return &queueGet{queueWait{q: q}} }

// queueWait is the loop Queue.get and Queue.put share, `while
// blocked(): waiter = create_future(); waiters.append(waiter); await
// waiter`, with abandon as its except clause. Queue operations are
// hand-written coroutines, not goCoros, because every message through a
// queue makes one or two of them.
type queueWait struct {
	q      *Queue
	waiter *runtime.Future
	state  coroState
}

// resume runs the loop on from where it stopped (exc: thrown in) and
// says what the coroutine does next: yield a waiter (proceed false), or
// end with err, or proceed (neither) with the operation itself.
func (w *queueWait) resume(th *runtime.Thread, exc *runtime.Exception, ws *waiters, blocked func(*runtime.Thread) (bool, error)) (waiter runtime.Value, proceed bool, err error) {
	switch w.state {
	case coroNew:
		if exc != nil {
			return runtime.Value{}, false, w.end(exc)
		}
	case coroWaiting:
		if exc == nil && !w.waiter.Done() { // woken early: keep waiting
			return runtime.Obj(w.waiter), false, nil
		}
		g := w.waiter
		w.waiter = nil
		if exc == nil {
			if _, err := g.Result(th); err != nil {
				exc = runtime.AsException(err)
			}
		}
		if exc != nil {
			return runtime.Value{}, false, w.end(w.q.abandon(th, g, ws, exc, blocked))
		}
	default:
		if exc != nil {
			return runtime.Value{}, false, exc
		}
		return runtime.Value{}, false, runtime.Errorf(runtime.RuntimeError, "cannot reuse already awaited coroutine")
	}
	b, err := blocked(th)
	if err != nil || !b {
		w.state = coroDone
		return runtime.Value{}, err == nil, err
	}
	if w.waiter, err = w.q.newFuture(th, w.q); err != nil {
		return runtime.Value{}, false, w.end(err)
	}
	ws.push(w.waiter)
	w.state = coroWaiting
	return runtime.Obj(w.waiter), false, nil
}

// end marks the coroutine finished with err.
func (w *queueWait) end(err error) error {
	w.state = coroDone
	return err
}

// close is Close for a coroutine whose waiters are ws: GeneratorExit
// goes through abandon, as it would through CPython's except clause.
func (w *queueWait) close(th *runtime.Thread, ws *waiters, blocked func(*runtime.Thread) (bool, error)) error {
	if w.state != coroWaiting {
		w.state = coroDone
		return nil
	}
	g := w.waiter
	w.waiter = nil
	w.state = coroDone
	err := w.q.abandon(th, g, ws, runtime.NewException(runtime.GeneratorExit), blocked)
	if e := runtime.AsException(err); e != nil && !e.Matches(runtime.GeneratorExit) {
		return e
	}
	return nil
}

// Type implements runtime.Object.
func (w *queueWait) Type() *runtime.Type { return goCoroType }

// empty is get's blocking condition.
func (q *Queue) empty(th *runtime.Thread) (bool, error) { return q.size() == 0, nil }

// queueGet is the coroutine of q.get().
type queueGet struct{ queueWait }

// Repr implements runtime.HasRepr.
func (c *queueGet) Repr(th *runtime.Thread) (string, error) {
	return fmt.Sprintf("<coroutine object Queue.get at %p>", c), nil
}

// Describe implements runtime.CoroutineDescriber.
func (c *queueGet) Describe() (qualname, file string, line int, finished bool) {
	return "Queue.get", "asyncio/tasks.py", 1, c.state == coroDone
}

// AwaitState implements runtime.AwaitState.
func (c *queueGet) AwaitState() (string, bool) { return "Queue.get", c.state != coroNew }

// Resume implements runtime.Coroutine.
func (c *queueGet) Resume(th *runtime.Thread, send runtime.Value, exc *runtime.Exception) (runtime.Value, bool, error) {
	v, proceed, err := c.resume(th, exc, &c.q.getters, c.q.empty)
	if !proceed {
		return v, err != nil || c.state == coroDone, err
	}
	v, err = c.q.getNowait(th)
	return v, true, err
}

// Close implements runtime.Coroutine.
func (c *queueGet) Close(th *runtime.Thread) error { return c.close(th, &c.q.getters, c.q.empty) }

// queuePut is the coroutine of q.put(item).
type queuePut struct {
	queueWait
	item runtime.Value
}

// Repr implements runtime.HasRepr.
func (c *queuePut) Repr(th *runtime.Thread) (string, error) {
	return fmt.Sprintf("<coroutine object Queue.put at %p>", c), nil
}

// Describe implements runtime.CoroutineDescriber.
func (c *queuePut) Describe() (qualname, file string, line int, finished bool) {
	return "Queue.put", "asyncio/tasks.py", 1, c.state == coroDone
}

// AwaitState implements runtime.AwaitState.
func (c *queuePut) AwaitState() (string, bool) { return "Queue.put", c.state != coroNew }

// Resume implements runtime.Coroutine.
func (c *queuePut) Resume(th *runtime.Thread, send runtime.Value, exc *runtime.Exception) (runtime.Value, bool, error) {
	v, proceed, err := c.resume(th, exc, &c.q.putters, c.q.full)
	if !proceed {
		return v, err != nil || c.state == coroDone, err
	}
	return runtime.None, true, c.q.putNowait(th, c.item)
}

// Close implements runtime.Coroutine.
func (c *queuePut) Close(th *runtime.Thread) error { return c.close(th, &c.q.putters, c.q.full) }

// abandon is the except clause of put and get, for a waiter fut of w
// interrupted by err: drop the waiter, and if it had been woken but
// cannot take its turn, wake the next in line. It returns the error to
// raise.
func (q *Queue) abandon(th *runtime.Thread, fut *runtime.Future, w *waiters, err error, blocked func(*runtime.Thread) (bool, error)) error {
	fut.Cancel(runtime.None) // just in case it is not done yet
	w.remove(fut)            // it may have been popped by a wake-up already
	b, berr := blocked(th)
	if berr != nil {
		return berr
	}
	if !b && !fut.Cancelled() {
		wakeupNext(w)
	}
	return err
}

// taskDone is Queue.task_done.
func (q *Queue) taskDone() error {
	if q.unfinished <= 0 {
		return runtime.Errorf(runtime.ValueError, "task_done() called too many times")
	}
	q.unfinished--
	if q.unfinished == 0 {
		q.finished.set()
	}
	return nil
}

// join is the coroutine of q.join(): wait until every item put has been
// marked done.
func (q *Queue) join() *goCoro {
	started := false
	return newGoCoro("Queue.join", func(th *runtime.Thread, _ runtime.Value, err error) next {
		if started || q.unfinished <= 0 {
			return finish(runtime.None, err)
		}
		started = true
		return awaitSub(q.finished.wait())
	})
}

func newQueueOf(kind queueKind) func(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	return func(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
		maxsize := runtime.Int(0)
		if err := bindArgs("Queue.__init__", args, kwnames, []string{"maxsize"}, 0, &maxsize); err != nil {
			return runtime.Value{}, err
		}
		q := &Queue{kind: kind, maxsize: maxsize}
		q.finished.value = true
		return runtime.Obj(q), nil
	}
}

func queueMethods() map[string]runtime.MethodFunc {
	t := QueueType
	return map[string]runtime.MethodFunc{
		"qsize": method0(t, "Queue.qsize", func(th *runtime.Thread, q *Queue) (runtime.Value, error) {
			return runtime.Int(int64(q.size())), nil
		}),
		"empty": method0(t, "Queue.empty", func(th *runtime.Thread, q *Queue) (runtime.Value, error) {
			return runtime.Bool(q.size() == 0), nil
		}),
		"full": method0(t, "Queue.full", func(th *runtime.Thread, q *Queue) (runtime.Value, error) {
			full, err := q.full(th)
			return runtime.Bool(full), err
		}),
		"put": method(t, "Queue.put", func(th *runtime.Thread, q *Queue, args []runtime.Value, kw []string) (runtime.Value, error) {
			var item runtime.Value
			if err := bindArgs("Queue.put", args, kw, []string{"item"}, 1, &item); err != nil {
				return runtime.Value{}, err
			}
			return runtime.Obj(q.put(item)), nil
		}),
		"put_nowait": method(t, "Queue.put_nowait", func(th *runtime.Thread, q *Queue, args []runtime.Value, kw []string) (runtime.Value, error) {
			var item runtime.Value
			if err := bindArgs("Queue.put_nowait", args, kw, []string{"item"}, 1, &item); err != nil {
				return runtime.Value{}, err
			}
			return runtime.None, q.putNowait(th, item)
		}),
		"get": method0(t, "Queue.get", func(th *runtime.Thread, q *Queue) (runtime.Value, error) {
			return runtime.Obj(q.get()), nil
		}),
		"get_nowait": method0(t, "Queue.get_nowait", func(th *runtime.Thread, q *Queue) (runtime.Value, error) {
			return q.getNowait(th)
		}),
		"task_done": method0(t, "Queue.task_done", func(th *runtime.Thread, q *Queue) (runtime.Value, error) {
			return runtime.None, q.taskDone()
		}),
		"join": method0(t, "Queue.join", func(th *runtime.Thread, q *Queue) (runtime.Value, error) {
			return runtime.Obj(q.join()), nil
		}),
	}
}

// queueClassGetItem is Queue.__class_getitem__, CPython's
// classmethod(GenericAlias): asyncio.Queue[int] in annotations.
func queueClassGetItem(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if len(args) != 2 || len(kwnames) > 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "GenericAlias expected 2 arguments, got %d", len(args))
	}
	t, ok := args[0].Object().(*runtime.Type)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "GenericAlias expected a type")
	}
	params := []runtime.Value{args[1]}
	if tu, ok := args[1].Object().(*runtime.Tuple); ok {
		params = slices.Clone(tu.Items)
	}
	return runtime.Obj(&runtime.GenericAlias{Origin: t, Args: params}), nil
}

func queueMembers() map[string]runtime.MemberFunc {
	return map[string]runtime.MemberFunc{
		"maxsize": func(th *runtime.Thread, v runtime.Value) (runtime.Value, error) {
			q, err := self[*Queue](v, QueueType, "maxsize")
			if err != nil {
				return runtime.Value{}, err
			}
			return q.maxsize, nil
		},
	}
}
