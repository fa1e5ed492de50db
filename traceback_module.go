package pyish

import "github.com/pyish/pyish/runtime"

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
// lineno, name) tuples, outermost frame first; [] for None.
func tracebackEntries(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if len(args) != 1 || len(kwnames) > 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "entries(tb)")
	}
	var items []runtime.Value
	if tb, ok := args[0].Object().(*runtime.Traceback); ok {
		for _, e := range tb.Entries() {
			items = append(items, runtime.Obj(runtime.NewTuple([]runtime.Value{
				runtime.Str(e.File), runtime.Int(int64(e.Line)), runtime.Str(e.Func)})))
		}
	} else if !args[0].IsNone() {
		return runtime.Value{}, runtime.Errorf(runtime.AttributeError, "'%s' object has no attribute 'tb_frame'", args[0].Type().Name)
	}
	return runtime.Obj(runtime.NewList(items)), nil
}
