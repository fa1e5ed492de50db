package pyish

// This file collects every runtime accessor the embedding layer relies on,
// so the rest of the package reads in terms of what it means.

import (
	"math/big"
	"strconv"
	"time"

	"github.com/pyish/pyish/runtime"
)

func dictSet(th *runtime.Thread, d *runtime.Dict, k, v Value) error {
	return runtime.SetItem(th, runtime.Obj(d), k, v)
}

func dictGetStr(d *runtime.Dict, name string) (Value, bool) {
	return d.GetStr(name)
}

func dictItems(d *runtime.Dict) [][2]Value {
	var out [][2]Value
	for _, kv := range d.Items() {
		out = append(out, kv)
	}
	return out
}

func dictKeys(d *runtime.Dict) []string {
	var out []string
	for _, kv := range d.Items() {
		if s, ok := strOf(kv[0]); ok {
			out = append(out, s)
		}
	}
	return out
}

func strOf(v Value) (string, bool) { return runtime.AsString(v) }

func bytesOf(v Value) ([]byte, bool) { return runtime.AsBytes(v) }

func newBytes(b []byte) Value { return runtime.Bytes(b) }

// bigOf returns an int (inline or big) as a big.Int.
func bigOf(v Value) (*big.Int, bool) { return runtime.AsBigInt(v) }

func newBigInt(b *big.Int) Value { return runtime.NewBigInt(b) }

// sequenceItems returns the items of a list or tuple.
func sequenceItems(v Value) ([]Value, bool) {
	switch o := v.Object().(type) {
	case *runtime.List:
		return o.Items, true
	case *runtime.Tuple:
		return o.Items, true
	}
	return nil, false
}

// attributeNames lists dir(v) for completion.
func attributeNames(th *runtime.Thread, v Value) []string {
	dir, ok := th.Builtins.GetStr("dir")
	if !ok {
		return nil
	}
	names, err := runtime.Call(th, dir, []Value{v}, nil)
	if err != nil {
		return nil
	}
	items, _ := sequenceItems(names)
	var out []string
	for _, it := range items {
		if s, ok := strOf(it); ok {
			out = append(out, s)
		}
	}
	return out
}

// ---- event loop ----

func newLoop(in *Interpreter) *runtime.Loop {
	loop := runtime.NewLoop(in.th)
	loop.VirtualTime = in.opts.VirtualTime
	in.th.Loop = loop
	return loop
}

func runForever(loop *runtime.Loop) { loop.RunForever() }

func runningLoop(th *runtime.Thread) (*runtime.Loop, error) { return runtime.RunningLoop(th) }

func createTask(loop *runtime.Loop, coro runtime.Coroutine) *runtime.Task {
	return loop.CreateTask(coro, "")
}

func taskCancelled(t *runtime.Task) bool { return t.Cancelled() }

func taskCancel(t *runtime.Task) { t.Cancel(runtime.None) }

func taskName(t *runtime.Task) string { return t.Name() }

// taskWhere says where a task's coroutine is suspended.
func taskWhere(t *runtime.Task) string {
	if w, ok := t.Coro().(interface{ Where() (string, int) }); ok {
		file, line := w.Where()
		return file + ":" + strconv.Itoa(line)
	}
	return "?"
}

func loopTasks(loop *runtime.Loop) []*runtime.Task { return loop.AllTasks() }

// shutdownLoop cancels every task, gives them up to grace to finish, and
// stops the loop.
func shutdownLoop(loop *runtime.Loop, grace time.Duration) {
	for _, t := range loop.AllTasks() {
		t.Cancel(runtime.None)
	}
	loop.CallLater(grace, loop.Stop)
	loop.CallSoon(func() {
		if len(loop.AllTasks()) == 0 {
			loop.Stop()
		}
	})
}

func cancelledErrorType(th *runtime.Thread) *runtime.Type { return runtime.CancelledError }

func newFuture(loop *runtime.Loop) *runtime.Future { return runtime.NewFuture(loop) }

// futureOnCancel calls cancel when fut is cancelled.
func futureOnCancel(fut *runtime.Future, cancel func()) {
	fut.AddDoneCallback(func() {
		if fut.Cancelled() {
			cancel()
		}
	})
}

func futureDone(fut *runtime.Future) bool { return fut.Done() }

func futureSetResult(fut *runtime.Future, v Value) { fut.SetResult(v) }

func futureSetException(fut *runtime.Future, err error) { fut.SetException(err) }
