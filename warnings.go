package pyish

// This file shows the warnings a run leaves (runtime.Thread.DeferWarning)
// as CPython's warnings module prints them.

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
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
	ws := in.th.TakeWarnings()
	if len(ws) == 0 || in.th.Stderr == nil {
		return
	}
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(warningFile(w.File) + ":" + strconv.Itoa(w.Line) + ": " + w.Category.Name + ": " + w.Message + "\n")
		if src := in.sourceLine(w.File, w.Line); src != "" {
			b.WriteString("  " + src + "\n")
		}
		if w.AllocHint {
			b.WriteString(w.Category.Name + ": Enable tracemalloc to get the object allocation traceback\n")
		}
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
