package asyncio

// This file defines asyncio.TaskGroup, mirroring CPython 3.12's
// taskgroups.py.

import (
	"strconv"
	"strings"

	"github.com/pyish/pyish/runtime"
)

// TaskGroupType is asyncio.TaskGroup.
var TaskGroupType = runtime.NewType("asyncio.taskgroups.TaskGroup", nil)

// TaskGroup runs tasks that its `async with` block waits for; the first
// failure cancels the others and the failures leave as an ExceptionGroup.
type TaskGroup struct {
	entered, exiting, aborting bool
	loop                       *runtime.Loop
	parent                     *runtime.Task
	parentCancelRequested      bool
	tasks                      []*runtime.Task // a set in CPython; kept in creation order
	errors                     []*runtime.Exception
	baseError                  *runtime.Exception
	onCompleted                *runtime.Future
}

func init() {
	TaskGroupType.New = func(th *runtime.Thread, _ *runtime.Type, args []runtime.Value, kw []string) (runtime.Value, error) {
		if err := runtime.UnpackArgs("TaskGroup", args, kw); err != nil {
			return runtime.Value{}, err
		}
		return runtime.Obj(&TaskGroup{}), nil
	}
	TaskGroupType.Flags |= runtime.FlagFinal
	TaskGroupType.SetMethods(map[string]runtime.MethodFunc{
		"create_task": taskGroupMethod(func(th *runtime.Thread, g *TaskGroup, args []runtime.Value, kw []string) (runtime.Value, error) {
			return g.createTask(th, args, kw)
		}),
		"__aenter__": taskGroupMethod(func(th *runtime.Thread, g *TaskGroup, args []runtime.Value, kw []string) (runtime.Value, error) {
			return readyValue(th, runtime.Obj(g), g.enter(th))
		}),
		"__aexit__": taskGroupMethod(func(th *runtime.Thread, g *TaskGroup, args []runtime.Value, kw []string) (runtime.Value, error) {
			var exc *runtime.Exception
			if len(args) >= 2 {
				exc, _ = args[1].Object().(*runtime.Exception)
			}
			return runtime.Obj(g.aexit(exc)), nil
		}),
	})
}

func taskGroupMethod(body func(th *runtime.Thread, g *TaskGroup, args []runtime.Value, kw []string) (runtime.Value, error)) runtime.MethodFunc {
	return func(th *runtime.Thread, self runtime.Value, args []runtime.Value, kw []string) (runtime.Value, error) {
		g, ok := self.Object().(*TaskGroup)
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "descriptor requires a 'TaskGroup' object")
		}
		return body(th, g, args, kw)
	}
}

// Type implements runtime.Object.
func (g *TaskGroup) Type() *runtime.Type { return TaskGroupType }

// Repr implements runtime.HasRepr: <TaskGroup tasks=2 errors=1 cancelling>.
func (g *TaskGroup) Repr(th *runtime.Thread) (string, error) {
	info := []string{""}
	if len(g.tasks) > 0 {
		info = append(info, "tasks="+strconv.Itoa(len(g.tasks)))
	}
	if len(g.errors) > 0 {
		info = append(info, "errors="+strconv.Itoa(len(g.errors)))
	}
	if g.aborting {
		info = append(info, "cancelling")
	} else if g.entered {
		info = append(info, "entered")
	}
	return "<TaskGroup" + strings.Join(info, " ") + ">", nil
}

func (g *TaskGroup) repr() string {
	s, _ := g.Repr(nil)
	return s
}

// enter is __aenter__.
func (g *TaskGroup) enter(th *runtime.Thread) error {
	if g.entered {
		return runtime.Errorf(runtime.RuntimeError, "TaskGroup %s has already been entered", g.repr())
	}
	if g.loop == nil {
		l, err := runtime.RunningLoop(th)
		if err != nil {
			return err
		}
		g.loop = l
	}
	g.parent = g.loop.CurrentTask()
	if g.parent == nil {
		return runtime.Errorf(runtime.RuntimeError, "TaskGroup %s cannot determine the parent task", g.repr())
	}
	g.entered = true
	return nil
}

// createTask is TaskGroup.create_task(coro, *, name=None, context=None).
func (g *TaskGroup) createTask(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
	var coro runtime.Value
	name, ctx := runtime.None, runtime.None
	if err := runtime.UnpackArgs("create_task", args, kw, "coro", &coro, "name?", &name, "context?", &ctx); err != nil {
		return runtime.Value{}, err
	}
	var refuse string
	switch {
	case !g.entered:
		refuse = "has not been entered"
	case g.exiting && len(g.tasks) == 0:
		refuse = "is finished"
	case g.aborting:
		refuse = "is shutting down"
	}
	if refuse != "" {
		if c, ok := coro.Object().(runtime.Coroutine); ok {
			c.Close(th)
		}
		return runtime.Value{}, runtime.Errorf(runtime.RuntimeError, "TaskGroup %s %s", g.repr(), refuse)
	}
	t, err := newTaskThenName(th, g.loop, coro, name)
	if err != nil {
		return runtime.Value{}, err
	}
	g.tasks = append(g.tasks, t)
	t.AddDoneCallback(func() { g.taskDone(t) })
	return runtime.Obj(t), nil
}

// taskDone is _on_task_done.
func (g *TaskGroup) taskDone(t *runtime.Task) {
	for i, x := range g.tasks {
		if x == t {
			g.tasks = append(g.tasks[:i], g.tasks[i+1:]...)
			break
		}
	}
	if g.onCompleted != nil && len(g.tasks) == 0 && !g.onCompleted.Done() {
		g.onCompleted.SetResult(runtime.True)
	}
	if t.Cancelled() {
		return
	}
	exc, _ := t.Exception()
	if exc == nil {
		return
	}
	g.errors = append(g.errors, exc)
	if isBaseError(exc) && g.baseError == nil {
		g.baseError = exc
	}
	if g.parent.Done() {
		r, _ := t.Repr(nil)
		p, _ := g.parent.Repr(nil)
		g.loop.ReportException("Task "+r+" has errored out but its parent task "+p+" is already completed", exc, runtime.ContextItem{Key: "task", Value: runtime.Obj(t)})
		return
	}
	if !g.aborting && !g.parentCancelRequested {
		g.abort()
		g.parentCancelRequested = true
		g.parent.Cancel(runtime.None)
	}
}

// abort cancels the group's tasks that are not done.
func (g *TaskGroup) abort() {
	g.aborting = true
	for _, t := range append([]*runtime.Task(nil), g.tasks...) {
		if !t.Done() {
			t.Cancel(runtime.None)
		}
	}
}

func isBaseError(e *runtime.Exception) bool {
	return e != nil && (e.Matches(runtime.SystemExit) || e.Matches(runtime.KeyboardInterrupt))
}

// aexit is the coroutine __aexit__ returns: wait for the tasks, then
// raise what the group must (a base error, the cancellation, or an
// ExceptionGroup of the failures).
func (g *TaskGroup) aexit(exc *runtime.Exception) *goCoro {
	var propagate *runtime.Exception
	started := false
	return newGoCoro("TaskGroup.__aexit__", func(th *runtime.Thread, v runtime.Value, err error) next {
		if !started {
			started = true
			propagate = g.startExit(exc)
		} else {
			g.onCompleted = nil
			if e := runtime.AsException(err); e != nil && e.Matches(runtime.CancelledError) && !g.aborting {
				propagate = e
				g.abort()
			} else if e != nil && !e.Matches(runtime.CancelledError) {
				return fail(e)
			}
		}
		if len(g.tasks) > 0 {
			if g.onCompleted == nil {
				g.onCompleted = runtime.NewFuture(g.loop)
			}
			return awaitOn(g.onCompleted)
		}
		return g.endExit(exc, propagate)
	})
}

// startExit is the part of _aexit before waiting for the tasks; it
// returns the CancelledError to propagate, if any.
func (g *TaskGroup) startExit(exc *runtime.Exception) *runtime.Exception {
	g.exiting = true
	if isBaseError(exc) && g.baseError == nil {
		g.baseError = exc
	}
	var propagate *runtime.Exception
	if exc != nil && exc.Type() == runtime.CancelledError {
		propagate = exc
	}
	if g.parentCancelRequested && g.parent.Uncancel() == 0 {
		propagate = nil
	}
	if exc != nil && !g.aborting {
		g.abort()
	}
	return propagate
}

// endExit is the part of _aexit after the tasks are done.
func (g *TaskGroup) endExit(exc, propagate *runtime.Exception) next {
	if g.baseError != nil {
		return fail(g.baseError)
	}
	if propagate != nil && len(g.errors) == 0 {
		return fail(propagate)
	}
	if exc != nil && exc.Type() != runtime.CancelledError {
		g.errors = append(g.errors, exc)
	}
	if len(g.errors) > 0 {
		eg := runtime.NewExceptionGroup("unhandled errors in a TaskGroup", g.errors)
		eg.SuppressContext = true
		g.errors = nil
		return fail(eg)
	}
	return finishWith(runtime.None)
}
