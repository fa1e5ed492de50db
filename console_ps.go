package pyish

// This file implements ps(), the console's list of live tasks.

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pyish/pyish/runtime"
)

// installConsoleBuiltins adds the console's builtins: ps(), a table of the
// live tasks and where each one waits (what Python 3.14 shows only from
// outside the process with `python -m asyncio ps`), and the display hook.
func (in *Interpreter) installConsoleBuiltins(c *Console) {
	ps := func(th *runtime.Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) > 0 {
			return Value{}, runtime.Errorf(runtime.TypeError, "ps() takes 0 positional arguments but %d were given", len(args))
		}
		_, err := th.Stdout.Write([]byte(c.taskTable()))
		return runtime.None, err
	}
	in.th.Builtins.SetStr("ps", in.builtin("ps", ps))
	in.th.Builtins.SetStr("__displayhook__", in.builtin("displayhook", c.display))
}

// taskTable formats the loop's unfinished tasks, oldest first, one line
// each: name, state, coroutine and where it is suspended.
func (c *Console) taskTable() string {
	rows := [][]string{{"TASK", "STATE", "COROUTINE", "WAITING AT"}}
	for _, t := range loopTasks(c.loop) {
		name, where := describeTask(c.in.th, t)
		rows = append(rows, []string{taskName(t), c.taskState(t), name, where})
	}
	return formatTable(rows)
}

// taskState says what a task is doing: the running input ("input"), the
// task whose step is running (the one calling ps), cancelling or waiting.
func (c *Console) taskState(t *runtime.Task) string {
	switch {
	case t.Cancelling() > 0:
		return "cancelling"
	case t == c.current:
		return "input"
	case t == c.loop.CurrentTask():
		return "running"
	}
	return "waiting"
}

// awaitStacker is implemented by coroutines that can list the frames of
// their await chain, outermost first (vm coroutines, when the vm provides it).
type awaitStacker interface {
	AwaitStack() []runtime.TraceEntry
}

// describeTask returns a task's coroutine (with the chain of coroutines
// it awaits, when known) and the file:line where it is suspended.
func describeTask(th *runtime.Thread, t *runtime.Task) (name, where string) {
	if s, ok := t.Coro().(awaitStacker); ok {
		if stack := s.AwaitStack(); len(stack) > 0 {
			names := make([]string, len(stack))
			for i, e := range stack {
				names[i] = e.Func + "()"
			}
			last := stack[len(stack)-1]
			return strings.Join(names, " > "), last.File + ":" + strconv.Itoa(last.Line)
		}
	}
	if d, ok := t.Coro().(runtime.CoroutineDescriber); ok {
		qualname, file, line, _ := d.Describe()
		if line > 0 {
			return qualname + "()", file + ":" + strconv.Itoa(line)
		}
		return qualname + "()", file
	}
	r, err := runtime.Repr(th, runtime.Obj(t.Coro()))
	if err != nil {
		r = "?"
	}
	return r, "?"
}

// formatTable aligns rows in columns two spaces apart.
func formatTable(rows [][]string) string {
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, cell := range r {
			widths[i] = max(widths[i], len(cell))
		}
	}
	var b strings.Builder
	for _, r := range rows {
		for i, cell := range r {
			if i == len(r)-1 {
				b.WriteString(cell)
				break
			}
			fmt.Fprintf(&b, "%-*s  ", widths[i], cell)
		}
		b.WriteString("\n")
	}
	return b.String()
}
