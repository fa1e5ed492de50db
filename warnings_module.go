package pyish

// This file defines _warnings, the Go half of the warnings module
// (stdlib/pysrc/warnings.py): the frames of warn's callers and the source
// lines warnings show.

import (
	"path/filepath"
	"strings"

	"github.com/pyish/pyish/runtime"
)

// warningsModule builds _warnings.
func (in *Interpreter) warningsModule() *runtime.Module {
	m := runtime.NewModule("_warnings")
	m.Dict.SetStr("_caller_frame", runtime.Obj(&runtime.CallerFunction{Name: "_caller_frame", Fn: warningsFrame}))
	m.Dict.SetStr("getline", runtime.NewBuiltin("getline", func(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
		if len(args) != 2 || len(kwnames) > 0 {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "getline(filename, lineno)")
		}
		file, ok := runtime.AsString(args[0])
		if !ok || !args[1].IsInt() {
			return runtime.Str(""), nil
		}
		return runtime.Str(in.warningLine(file, int(args[1].AsInt()))), nil
	}))
	return m
}

// warningsFrame is _warnings._caller_frame(level): (filename, lineno,
// globals) of the frame level levels above its caller (level >= 1), as
// sys._getframe(level) shows them to warnings, or None past the outermost
// frame. Frames the vm cannot see raise NotImplementedError rather than
// give a wrong place.
func warningsFrame(th *runtime.Thread, frames runtime.Frames, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if len(args) != 1 || len(kwnames) > 0 || !args[0].IsInt() {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "_caller_frame(level)")
	}
	if frames == nil {
		return runtime.Value{}, runtime.Errorf(runtime.NotImplementedError, "pyish: _warnings._caller_frame() must be called as an attribute from pyish code")
	}
	info, status := frames.Frame(int(args[0].AsInt()))
	switch status {
	case runtime.FrameBeyond:
		return runtime.None, nil
	case runtime.FrameUnknown:
		return runtime.Value{}, runtime.Errorf(runtime.NotImplementedError,
			"pyish: warnings cannot see this stack level (past a generator, a task or a call from Go); use a smaller stacklevel")
	}
	return runtime.Obj(runtime.NewTuple([]runtime.Value{
		runtime.Str(warningFile(info.File)), runtime.Int(int64(info.Line)), runtime.Obj(info.Globals)})), nil
}

// warningLine is line n of file, trimmed, for a warning: file is a name
// the interpreter compiled, or the absolute form warningFile gave it. As
// CPython's linecache, it has no lines for names in angle brackets
// ("<string>", "<stdin>").
func (in *Interpreter) warningLine(file string, n int) string {
	if strings.HasPrefix(file, "<") && strings.HasSuffix(file, ">") {
		return ""
	}
	if s := strings.TrimSpace(in.sourceLine(file, n)); s != "" || !filepath.IsAbs(file) {
		return s
	}
	in.mu.Lock()
	var name string
	for k := range in.sources {
		if !filepath.IsAbs(k) && warningFile(k) == file {
			name = k
			break
		}
	}
	in.mu.Unlock()
	if name == "" {
		return ""
	}
	return strings.TrimSpace(in.sourceLine(name, n))
}
