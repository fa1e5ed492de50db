package vm

// This file lets tasks describe the coroutine they run: for Task reprs
// (runtime.CoroutineDescriber) and for the REPL's ps().

import (
	"slices"

	"github.com/pyish/pyish/runtime"
)

// Describe implements runtime.CoroutineDescriber: the coroutine's
// qualified name, and where it is suspended (or, before it starts and
// once it finished, where it is defined).
func (c *Coroutine) Describe() (qualname, file string, line int, finished bool) {
	code := c.frame.code
	if !c.started || c.finished || c.inner == nil {
		return c.qualname(), code.Filename, code.FirstLine, c.finished
	}
	return c.qualname(), code.Filename, c.frame.line(), false
}

// AwaitStack lists the frames of the suspended chain, outermost first:
// where each awaits the next (nil unless the coroutine is suspended).
func (c *Coroutine) AwaitStack() []runtime.TraceEntry {
	if !c.started || c.finished || c.running {
		return nil
	}
	var out []runtime.TraceEntry
	for f := c.inner; f != nil; f = f.back {
		out = append(out, f.traceEntry())
		if f == c.frame {
			break
		}
	}
	slices.Reverse(out)
	return out
}

// Where reports the file and line of the innermost await of a suspended
// coroutine (its definition otherwise).
func (c *Coroutine) Where() (string, int) {
	if st := c.AwaitStack(); len(st) > 0 {
		last := st[len(st)-1]
		return last.File, last.Line
	}
	_, file, line, _ := c.Describe()
	return file, line
}
