package pyish

// This file shows the warnings a run leaves (runtime.Thread.DeferWarning)
// as CPython's warnings module prints them: through the warnings module's
// filters once a script imported it, else with its default action.

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pyish/pyish/runtime"
)

// showWarnings writes the run's pending warnings to stderr:
//
//	FILE:LINE: CATEGORY: MESSAGE
//	  SOURCE LINE
//
// It runs when a top-level run ends, before the caller prints the
// exception that ended it, so a failing script's last stderr line stays
// the exception's.
func (in *Interpreter) showWarnings() {
	if m, ok := in.th.Modules["warnings"]; ok {
		if fn, ok := m.Dict.GetStr("_warn_deferred"); ok {
			in.filterWarnings(fn)
			return
		}
	}
	ws := in.th.TakeWarnings()
	if len(ws) == 0 || in.th.Stderr == nil {
		return
	}
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(warningFile(w.File) + ":" + strconv.Itoa(w.Line) + ": " + w.Category.Name + ": " + w.Message + "\n")
		if src := in.warningLine(w.File, w.Line); src != "" {
			b.WriteString("  " + src + "\n")
		}
		if w.AllocHint {
			b.WriteString(w.Category.Name + ": Enable tracemalloc to get the object allocation traceback\n")
		}
	}
	io.WriteString(in.th.Stderr, b.String())
}

// filterWarnings hands the run's pending warnings to the warnings
// module's _warn_deferred, which filters and shows them as CPython's
// warn(stacklevel=2) from _warn_unawaited_coroutine would have when they
// were queued (with the filters of then, see DeferWarning). An exception it
// raises (the "error" action) is reported as CPython reports an exception
// in a finalizer, and the run goes on.
func (in *Interpreter) filterWarnings(fn runtime.Value) {
	th := in.th
	for _, w := range th.TakePendingWarnings() {
		globals, source := runtime.NewDict(), runtime.None
		if w.Globals != nil {
			globals = w.Globals
		}
		if !w.Source.IsNull() {
			source = w.Source
		}
		state := runtime.None
		if !w.State.IsNull() {
			state = w.State
		}
		args := []runtime.Value{runtime.Str(w.Message), runtime.Obj(w.Category),
			runtime.Str(warningFile(w.File)), runtime.Int(int64(w.Line)), runtime.Obj(globals), source, state}
		if _, err := runtime.Call(th, fn, args, nil); err != nil {
			in.unraisable(err, source)
		}
	}
}

// unraisable writes CPython's report of an exception nothing can catch
// (sys.unraisablehook's default), raised while handling obj.
func (in *Interpreter) unraisable(err error, obj runtime.Value) {
	var b strings.Builder
	if r, e := runtime.Repr(in.th, obj); e == nil {
		b.WriteString("Exception ignored in: " + r + "\n")
	}
	var exc *runtime.Exception
	if errors.As(err, &exc) {
		b.WriteString(runtime.FormatException(in.th, exc, runtime.HintInterpreter))
	} else {
		b.WriteString(err.Error() + "\n")
	}
	io.WriteString(in.th.Stderr, b.String())
}

// warningFile is the file name CPython's warnings show: absolute for a
// file on disk (a script run by a relative path), else as compiled.
func warningFile(file string) string {
	if filepath.IsAbs(file) {
		return file
	}
	if _, err := os.Stat(file); err != nil {
		return file
	}
	if abs, err := filepath.Abs(file); err == nil {
		return abs
	}
	return file
}
