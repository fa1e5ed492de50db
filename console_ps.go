package pyish

import (
	"fmt"
	"strings"

	"github.com/pyish/pyish/runtime"
)

// installConsoleBuiltins adds ps() to the console's builtins: a table of
// the live tasks and where each one waits — what Python 3.14 shows only
// from outside the process with `python -m asyncio ps`.
func (in *Interpreter) installConsoleBuiltins(c *Console) {
	ps := func(th *runtime.Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) > 0 {
			return Value{}, runtime.Errorf(runtime.TypeError, "ps() takes no arguments")
		}
		th.Stdout.Write([]byte(c.taskTable()))
		return runtime.None, nil
	}
	dictSet(in.th, in.th.Builtins, runtime.Str("ps"), in.builtin("ps", ps))
}

// taskTable formats the loop's unfinished tasks, one line each.
func (c *Console) taskTable() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-12s %-10s %s\n", "task", "state", "waiting at")
	for _, t := range loopTasks(c.loop) {
		state := "running"
		if t == c.current {
			state = "prompt"
		}
		fmt.Fprintf(&b, "%-12s %-10s %s\n", taskName(t), state, taskWhere(t))
	}
	return b.String()
}
