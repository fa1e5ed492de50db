package pyish

import (
	"github.com/pyish/pyish/runtime"
)

// Version is pyish's version.
const Version = "0.1.0"

// ExitError reports that a script called sys.exit (raised SystemExit).
// Code is the exit status; Message, if not empty, is what CPython prints on
// stderr for a non-integer exit argument.
type ExitError struct {
	Code    int
	Message string
}

func (e *ExitError) Error() string {
	if e.Message != "" {
		return "SystemExit: " + e.Message
	}
	return "SystemExit"
}

// exitError converts a SystemExit exception into an ExitError, following
// CPython: no argument or None is status 0, an int is the status, anything
// else is printed and gives status 1.
func exitError(th *runtime.Thread, exc *runtime.Exception) *ExitError {
	if len(exc.Args) == 0 || exc.Args[0].IsNone() {
		return &ExitError{Code: 0}
	}
	arg := exc.Args[0]
	if arg.IsInt() || arg.IsBool() {
		return &ExitError{Code: int(arg.AsInt())}
	}
	if runtime.IsInstance(arg, runtime.IntType) {
		// Too big for a C long: CPython's exit status is then -1.
		return &ExitError{Code: 255}
	}
	s, err := runtime.StrOf(th, arg)
	if err != nil {
		s = "<exit argument>"
	}
	return &ExitError{Code: 1, Message: s}
}
