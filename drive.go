package pyish

import (
	"github.com/pyish/pyish/runtime"
)

// driveCoroutine runs coro as a task on the interpreter's event loop until
// it finishes — the way Go waits for async pyish work. A stop (Interrupt,
// the run's context) cancels the task, so its finally blocks run before
// the error returns; a second stop ends the loop at once.
func (in *Interpreter) driveCoroutine(coro runtime.Coroutine) (Value, error) {
	loop := in.th.Loop
	if loop == nil || loop.IsClosed() {
		loop = newLoop(in)
	}
	if loop.IsRunning() {
		return Value{}, runtime.Errorf(runtime.RuntimeError, "cannot wait for a coroutine from inside the running event loop")
	}
	task := createTask(loop, coro)
	stops := 0
	prev := loop.OnInterrupt
	loop.OnInterrupt = func(exc *runtime.Exception) error {
		stops++
		if stops == 1 && !task.Done() {
			taskCancel(task)
			return nil
		}
		return exc
	}
	defer func() { loop.OnInterrupt = prev }()
	v, err := loop.RunUntilComplete(runtime.Obj(task))
	if err != nil && stops > 0 && runtime.AsException(err).Matches(runtime.CancelledError) {
		err = runtime.NewException(runtime.KeyboardInterrupt)
	}
	return v, err
}
