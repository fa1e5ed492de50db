package pyish

import (
	"context"

	"github.com/pyish/pyish/runtime"
)

// driveCoroutine runs coro as a task on the interpreter's event loop until
// it finishes — the way Go waits for async pyish work. Cancelling ctx
// cancels the task, so its finally blocks run before the error returns.
func (in *Interpreter) driveCoroutine(ctx context.Context, coro runtime.Coroutine) (Value, error) {
	loop := in.th.Loop
	if loop == nil || loop.IsClosed() {
		loop = newLoop(in)
	}
	if loop.IsRunning() {
		return Value{}, runtime.Errorf(runtime.RuntimeError, "cannot wait for a coroutine from inside the running event loop")
	}
	task := createTask(loop, coro)
	if ctx != nil && ctx.Done() != nil {
		stop := context.AfterFunc(ctx, func() {
			loop.CallSoonThreadsafe(func() { taskCancel(task) })
		})
		defer stop()
	}
	return loop.RunUntilComplete(runtime.Obj(task))
}
