package runtime

// This file reports errors no one handled — exceptions in callbacks,
// task exceptions never retrieved — in the shape of CPython's default
// exception handler, on the thread's stderr.

import (
	"io"
	"sort"
	"strings"
)

// ContextItem is one entry of an exception handler's context dict
// besides 'message' and 'exception': "task", "future", "handle", ….
type ContextItem struct {
	Key   string
	Value Value
}

// ReportException is loop.call_exception_handler({'message': message,
// 'exception': exc, items...}): the handler set by
// set_exception_handler gets (loop, context); without one, the default
// handler writes the message, the items ("handle: <Handle f()>") and
// exc's traceback to stderr, as CPython's logs them.
func (l *Loop) ReportException(message string, exc *Exception, items ...ContextItem) {
	if l.excHandler.IsNull() || l.excHandler.IsNone() {
		l.defaultExceptionHandler(message, exc, items)
		return
	}
	ctx := NewDict()
	ctx.SetStr("message", Str(message))
	if exc != nil {
		ctx.SetStr("exception", Obj(exc))
	}
	for _, it := range items {
		ctx.SetStr(it.Key, it.Value)
	}
	if _, err := Call(l.th, l.excHandler, []Value{Obj(l), Obj(ctx)}, nil); err != nil {
		e := AsException(err)
		if isBaseError(e) {
			l.fatal = e
			return
		}
		l.defaultExceptionHandler("Unhandled error in exception handler", e, []ContextItem{{"context", Obj(ctx)}})
	}
}

// defaultExceptionHandler is BaseEventLoop.default_exception_handler:
// the message, the other keys sorted, then the traceback.
func (l *Loop) defaultExceptionHandler(message string, exc *Exception, items []ContextItem) {
	items = append([]ContextItem(nil), items...)
	sort.SliceStable(items, func(i, j int) bool { return items[i].Key < items[j].Key })
	var b strings.Builder
	b.WriteString(message)
	b.WriteByte('\n')
	for _, it := range items {
		r, err := Repr(l.th, it.Value)
		if err != nil {
			r = "<repr failed>"
		}
		b.WriteString(it.Key + ": " + r + "\n")
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

// contextItems converts a context dict to items, minus message and
// exception, which it returns.
func contextItems(th *Thread, ctx *Dict) (string, *Exception, []ContextItem) {
	msg := "Unhandled exception in event loop"
	var exc *Exception
	var items []ContextItem
	for _, kv := range ctx.Items() {
		k, _ := AsString(kv[0])
		switch k {
		case "message":
			if s, err := StrOf(th, kv[1]); err == nil {
				msg = s
			}
		case "exception":
			exc, _ = kv[1].Object().(*Exception)
		default:
			items = append(items, ContextItem{k, kv[1]})
		}
	}
	return msg, exc, items
}

// formatTraceback returns the report CPython's loop logs for exc (through
// the traceback module, whose hint rules differ from the interpreter's).
func formatTraceback(th *Thread, exc *Exception) string {
	return FormatException(th, exc, HintTraceback)
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
	if h == nil {
		h = &Handle{loop: l, index: -1, describe: func() string { return desc }}
	}
	l.ReportException("Exception in callback "+desc, exc, ContextItem{"handle", Obj(h)})
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
		if f.task != nil {
			kind = "Task"
		}
		l.ReportException(kind+" exception was never retrieved", f.exc, ContextItem{"future", Obj(f.self())})
	}
	l.unretrieved = nil
}
