package runtime

// This file reports errors no one handled — exceptions in callbacks,
// task exceptions never retrieved — in the shape of CPython's default
// exception handler, on the thread's stderr.

import (
	"io"
	"strconv"
	"strings"
)

// ReportException writes message, the detail lines ("handle: <Handle
// f()>", in the order given) and exc's traceback to stderr, as
// loop.call_exception_handler's default handler does.
func (l *Loop) ReportException(message string, exc *Exception, details ...string) {
	var b strings.Builder
	b.WriteString(message)
	b.WriteByte('\n')
	for _, d := range details {
		b.WriteString(d)
		b.WriteByte('\n')
	}
	if exc != nil {
		b.WriteString(formatTraceback(l.th, exc))
	}
	w := l.th.Stderr
	if w == nil {
		w = io.Discard
	}
	io.WriteString(w, b.String())
}

// formatTraceback returns the traceback and the last line CPython prints
// for exc (without the source lines, which runtime does not keep).
func formatTraceback(th *Thread, exc *Exception) string {
	var b strings.Builder
	if len(exc.Traceback) > 0 {
		b.WriteString("Traceback (most recent call last):\n")
		for _, e := range exc.Traceback {
			b.WriteString("  File \"" + e.File + "\", line " + strconv.Itoa(e.Line) + ", in " + e.Func + "\n")
		}
	}
	b.WriteString(ExceptionMessage(th, exc))
	b.WriteByte('\n')
	return b.String()
}

// callPython runs a Python callback from the loop; what it raises is
// reported as CPython's Handle._run does, except SystemExit and
// KeyboardInterrupt, which end the loop's run.
func (l *Loop) callPython(fn Value, args []Value, h *Handle) {
	if _, err := Call(l.th, fn, args, nil); err != nil {
		l.callbackFailed(AsException(err), describeCall(l.th, fn, args), h)
	}
}

// callbackFailed handles exc raised by the callback described by desc.
func (l *Loop) callbackFailed(exc *Exception, desc string, h *Handle) {
	if isBaseError(exc) {
		l.fatal = exc
		return
	}
	handle := "<Handle " + desc + ">"
	if h != nil {
		handle, _ = h.Repr(l.th)
	}
	l.ReportException("Exception in callback "+desc, exc, "handle: "+handle)
}

// describeCall formats a callback as CPython's _format_callback_source:
// its qualified name and arguments, e.g. "report(<Task ...>)".
func describeCall(th *Thread, fn Value, args []Value) string {
	name := callableName(th, fn)
	parts := make([]string, len(args))
	for i, a := range args {
		s, err := Repr(th, a)
		if err != nil {
			s = "?"
		}
		parts[i] = s
	}
	return name + "(" + strings.Join(parts, ", ") + ")" + functionSource(th, fn)
}

// functionSource is " at file:line" for a function with a __code__.
func functionSource(th *Thread, fn Value) string {
	code, err := GetAttr(th, fn, "__code__")
	if err != nil {
		return ""
	}
	file, err1 := GetAttr(th, code, "co_filename")
	line, err2 := GetAttr(th, code, "co_firstlineno")
	f, ok := AsString(file)
	if err1 != nil || err2 != nil || !ok || !line.IsInt() {
		return ""
	}
	return " at " + f + ":" + loopItoa(line.AsInt())
}

// callableName returns fn's __qualname__, else __name__, else its repr.
func callableName(th *Thread, fn Value) string {
	for _, attr := range []string{"__qualname__", "__name__"} {
		if v, err := GetAttr(th, fn, attr); err == nil {
			if s, ok := AsString(v); ok && s != "" {
				return s
			}
		}
	}
	s, _ := Repr(th, fn)
	return s
}

// noteUnretrieved remembers a future whose exception was just set, to
// report it at Close if no one retrieved it by then.
func (l *Loop) noteUnretrieved(f *Future) {
	l.unretrieved = append(l.unretrieved, f)
	if len(l.unretrieved) >= 256 && len(l.unretrieved) == cap(l.unretrieved) {
		kept := l.unretrieved[:0]
		for _, f := range l.unretrieved {
			if f.logTraceback {
				kept = append(kept, f)
			}
		}
		clear(l.unretrieved[len(kept):])
		l.unretrieved = kept
	}
}

// reportUnretrieved reports "Task exception was never retrieved" for each
// future whose exception no one looked at.
func (l *Loop) reportUnretrieved() {
	for _, f := range l.unretrieved {
		if !f.logTraceback {
			continue
		}
		f.logTraceback = false
		kind := "Future"
		if _, ok := f.self.(*Task); ok {
			kind = "Task"
		}
		r, _ := Repr(l.th, Obj(f.self))
		l.ReportException(kind+" exception was never retrieved", f.exc, "future: "+r)
	}
	l.unretrieved = nil
}
