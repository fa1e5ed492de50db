package pyish

import (
	"unicode/utf8"

	"github.com/pyish/pyish/runtime"
)

// tracebackModule builds _traceback, the Go half of the traceback module
// (stdlib/pysrc/traceback.py): what only the interpreter knows, the frames
// of a traceback object, the source lines of the files it compiled, and
// the last line of an exception's report (with the traceback module's
// "Did you mean" hint: a NameError's needs the traceback).
func (in *Interpreter) tracebackModule() *runtime.Module {
	m := runtime.NewModule("_traceback")
	m.Dict.SetStr("entries", runtime.NewBuiltin("entries", tracebackEntries))
	m.Dict.SetStr("source_line", runtime.NewBuiltin("source_line", func(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
		if len(args) != 2 || len(kwnames) > 0 || !args[1].IsInt() {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "source_line(filename, lineno)")
		}
		file, _ := runtime.AsString(args[0])
		return runtime.Str(in.sourceLine(file, int(args[1].AsInt()))), nil
	}))
	m.Dict.SetStr("marker", runtime.NewBuiltin("marker", traceMarker))
	m.Dict.SetStr("exception_message", runtime.NewBuiltin("exception_message", func(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
		if len(args) < 1 || len(args) > 2 || len(kwnames) > 0 {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "exception_message(exc, with_traceback=False)")
		}
		exc, ok := args[0].Object().(*runtime.Exception)
		if !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "exception_message() argument must be an exception")
		}
		withTB := len(args) == 2 && args[1] == runtime.True
		return runtime.Str(runtime.ExceptionMessage(th, exc) + runtime.ModuleSuggestion(th, exc, withTB)), nil
	}))
	m.Dict.SetStr("format_exception", runtime.NewBuiltin("format_exception", func(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
		exc, ok := args[0].Object().(*runtime.Exception)
		if len(args) != 1 || len(kwnames) > 0 || !ok {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "format_exception(exc)")
		}
		return runtime.Str(runtime.FormatException(th, exc, runtime.HintTraceback)), nil
	}))
	return m
}

// tracebackEntries is _traceback.entries(tb): a list of (filename,
// lineno, name, end_lineno, colno, end_colno) tuples, outermost frame
// first; [] for None. The columns are UTF-8 byte offsets, as CPython's
// FrameSummary has them, or None when unknown.
func tracebackEntries(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if len(args) != 1 || len(kwnames) > 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "entries(tb)")
	}
	var items []runtime.Value
	if tb, ok := args[0].Object().(*runtime.Traceback); ok {
		for _, e := range tb.Entries() {
			endLine, col, endCol := spanOffsets(th, e)
			items = append(items, runtime.Obj(runtime.NewTuple([]runtime.Value{
				runtime.Str(e.File), runtime.Int(int64(e.Line)), runtime.Str(e.Func), endLine, col, endCol})))
		}
	} else if !args[0].IsNone() {
		return runtime.Value{}, runtime.Errorf(runtime.AttributeError, "'%s' object has no attribute 'tb_frame'", args[0].Type().Name)
	}
	return runtime.Obj(runtime.NewList(items)), nil
}

// spanOffsets gives entry e's end line and columns as CPython's
// FrameSummary holds them: byte offsets into the source lines, 0-based.
func spanOffsets(th *runtime.Thread, e runtime.TraceEntry) (endLine, col, endCol runtime.Value) {
	if e.Col <= 0 || e.EndLine <= 0 || th.SourceLine == nil {
		return runtime.None, runtime.None, runtime.None
	}
	first, last := th.SourceLine(e.File, e.Line), th.SourceLine(e.File, int(e.EndLine))
	return runtime.Int(int64(e.EndLine)), runtime.Int(int64(byteOffset(first, 1, e.Col))),
		runtime.Int(int64(byteOffset(last, 1, e.EndCol)))
}

// traceMarker is _traceback.marker(line, lineno, end_lineno, colno,
// end_colno): the marker line StackSummary.format_frame_summary draws
// under source line line, or "" (columns are byte offsets, as in
// FrameSummary; None when unknown).
func traceMarker(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if len(args) != 5 || len(kwnames) > 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "marker(line, lineno, end_lineno, colno, end_colno)")
	}
	line, ok := runtime.AsString(args[0])
	if !ok {
		return runtime.Str(""), nil
	}
	for _, a := range args[1:] {
		if !a.IsInt() {
			return runtime.Str(""), nil
		}
	}
	lineno, endLine := args[1].AsInt(), args[2].AsInt()
	col, endCol := charColumn(line, int(args[3].AsInt())), int64(0)
	if endLine == lineno {
		endCol = int64(charColumn(line, int(args[4].AsInt())))
	} else {
		endCol = 1
	}
	e := runtime.TraceEntry{Line: int(lineno), Col: int32(col), EndLine: int32(endLine), EndCol: int32(endCol)}
	return runtime.Str(runtime.MarkerLine(th, e, line)), nil
}

// charColumn is the 1-based character column of byte offset off in s.
func charColumn(s string, off int) int {
	off = min(max(off, 0), len(s))
	return utf8.RuneCountInString(s[:off]) + 1
}
