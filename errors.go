package pyish

import (
	"errors"
	"fmt"
	"strings"

	"github.com/pyish/pyish/parser"
	"github.com/pyish/pyish/runtime"
	"github.com/pyish/pyish/vm"
)

// Error is a pyish exception that reached Go: an uncaught exception, a
// syntax error, or an exhausted limit. Its Error method gives the last line
// CPython prints ("ZeroDivisionError: division by zero"); Traceback gives
// the whole report.
type Error struct {
	// Type is the exception's class name, e.g. "ValueError".
	Type string
	// Message is str() of the exception ("" when it has no message).
	Message string
	// Frames lists where it passed, outermost first.
	Frames []Frame
	// Exception is the runtime exception (nil for syntax errors).
	Exception *runtime.Exception

	cause error // why the run was stopped (context error, ErrInterrupted)
	text  string
	last  string
}

// Frame is one entry of a traceback.
type Frame struct {
	File string
	Line int
	Func string
}

// Error returns CPython's last line for the exception, with its "Did you
// mean" hint; for an exception group, the group's own line
// ("ExceptionGroup: msg (2 sub-exceptions)"), which Traceback draws inside
// its boxes.
func (e *Error) Error() string { return e.last }

// Traceback returns the report CPython would print on stderr.
func (e *Error) Traceback() string { return e.text }

// Unwrap returns the runtime exception and, for a run stopped by its
// context or Interrupt, the reason (context.Canceled,
// context.DeadlineExceeded, ErrInterrupted), so errors.Is finds it.
func (e *Error) Unwrap() []error {
	var errs []error
	if e.Exception != nil {
		errs = append(errs, e.Exception)
	}
	if e.cause != nil {
		errs = append(errs, e.cause)
	}
	return errs
}

// wrapError turns a runtime error into an *Error with a formatted
// traceback.
func (in *Interpreter) wrapError(err error) error { return in.wrapStopped(err, nil) }

// wrapStopped is wrapError for a run stopped because of cause (nil: not
// stopped), which is attached to the KeyboardInterrupt or CancelledError
// the stop caused.
func (in *Interpreter) wrapStopped(err error, cause error) error {
	var pe *Error
	if errors.As(err, &pe) {
		return pe
	}
	var exc *runtime.Exception
	if !errors.As(err, &exc) {
		return err
	}
	if runtime.IsSubtype(exc.Type(), runtime.SystemExit) {
		return exitError(in.th, exc)
	}
	e := &Error{Type: exc.Type().Name, Exception: exc}
	if cause != nil && (exc.Matches(runtime.KeyboardInterrupt) || exc.Matches(runtime.CancelledError)) {
		e.cause = cause
	}
	msg := runtime.ExceptionMessage(in.th, exc)
	e.Message = strings.TrimPrefix(strings.TrimPrefix(msg, e.Type), ": ")
	e.last = msg + runtime.Suggestion(in.th, exc)
	for _, t := range exc.Traceback {
		e.Frames = append(e.Frames, Frame{File: t.File, Line: t.Line, Func: t.Func})
	}
	e.text = runtime.FormatException(in.th, exc, runtime.HintInterpreter)
	return e
}

// sourceLine returns line n (1-based) of a file the interpreter compiled,
// with its newline unless it is the last line, or "". Like CPython's
// linecache it has no lines for names in angle brackets ("<string>",
// "<stdin>"), so their tracebacks show no source.
func (in *Interpreter) sourceLine(file string, n int) string {
	if strings.HasPrefix(file, "<") && strings.HasSuffix(file, ">") {
		return ""
	}
	in.mu.Lock()
	defer in.mu.Unlock()
	lines := in.sources[file]
	if n < 1 || n > len(lines) {
		return ""
	}
	if n < len(lines) {
		return lines[n-1] + "\n"
	}
	return lines[n-1]
}

// syntaxError converts a parser or compiler error into an *Error.
func (in *Interpreter) syntaxError(err error) error {
	var pe *parser.Error
	if errors.As(err, &pe) {
		return &Error{Type: pe.Kind, Message: pe.Msg, text: pe.Error() + "\n", last: pe.Kind + ": " + pe.Msg,
			Frames: []Frame{{File: pe.Filename, Line: pe.Line}}}
	}
	var ce *vm.CompileError
	if errors.As(err, &ce) {
		text := in.caretReport(ce)
		return &Error{Type: ce.Kind, Message: ce.Msg, text: text, last: ce.Kind + ": " + ce.Msg,
			Frames: []Frame{{File: ce.Filename, Line: ce.Line}}}
	}
	var ie *vm.InternalError
	if errors.As(err, &ie) {
		return internalError(ie.Error())
	}
	return err
}

// caretReport formats a compile error like CPython's SyntaxError report:
// carets under the offending node, to the end of its first line when it
// goes on past it.
func (in *Interpreter) caretReport(ce *vm.CompileError) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  File \"%s\", line %d\n", ce.Filename, ce.Line)
	in.mu.Lock()
	lines := in.sources[ce.Filename]
	in.mu.Unlock()
	if line := ce.Line; line >= 1 && line <= len(lines) {
		raw := strings.TrimRight(lines[line-1], "\r")
		text := strings.TrimLeft(raw, " \t\f")
		indent := len([]rune(raw)) - len([]rune(text))
		fmt.Fprintf(&b, "    %s\n", text)
		if c := ce.Col - 1 - indent; c >= 0 {
			n := 1
			switch {
			case ce.EndLine == ce.Line && ce.EndCol > ce.Col:
				n = ce.EndCol - ce.Col
			case ce.EndLine > ce.Line:
				n = len([]rune(raw)) + 1 - ce.Col
			}
			fmt.Fprintf(&b, "    %s%s\n", strings.Repeat(" ", c), strings.Repeat("^", max(n, 1)))
		}
	}
	fmt.Fprintf(&b, "%s: %s\n", ce.Kind, ce.Msg)
	return b.String()
}

// internalError reports a Go panic inside the interpreter as an error.
func internalError(r any) error {
	return &Error{Type: "SystemError", Message: fmt.Sprint(r),
		last: fmt.Sprintf("SystemError: internal error: %v", r),
		text: fmt.Sprintf("SystemError: internal error: %v\n", r)}
}

// syntaxException converts a parser or compiler error into a raisable
// SyntaxError (IndentationError, TabError) for code compiled at run time.
func (in *Interpreter) syntaxException(err error) error {
	var pe *parser.Error
	if errors.As(err, &pe) {
		return runtime.NewSyntaxError(syntaxErrorType(pe.Kind), pe.Msg, pe.Filename, pe.Line)
	}
	var ce *vm.CompileError
	if errors.As(err, &ce) {
		return runtime.NewSyntaxError(syntaxErrorType(ce.Kind), ce.Msg, ce.Filename, ce.Line)
	}
	var ie *vm.InternalError
	if errors.As(err, &ie) {
		return runtime.Errorf(runtime.SystemError, "%s", ie.Error())
	}
	return err
}

func syntaxErrorType(kind string) *runtime.Type {
	switch kind {
	case "IndentationError":
		return runtime.IndentationError
	case "TabError":
		return runtime.TabError
	}
	return runtime.SyntaxError
}
