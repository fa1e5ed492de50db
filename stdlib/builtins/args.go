package builtins

// This file holds the argument checks shared by the builtins, each raising
// the TypeError CPython raises for that calling convention.

import (
	"fmt"
	"slices"

	"github.com/pyish/pyish/runtime"
)

// noKwargs rejects keyword arguments: "len() takes no keyword arguments".
func noKwargs(name string, kwnames []string) error {
	if len(kwnames) > 0 {
		return runtime.Errorf(runtime.TypeError, "%s() takes no keyword arguments", name)
	}
	return nil
}

// oneArg checks the METH_O convention: exactly one positional argument.
func oneArg(name string, args []runtime.Value, kwnames []string) error {
	if err := noKwargs(name, kwnames); err != nil {
		return err
	}
	if len(args) != 1 {
		return runtime.Errorf(runtime.TypeError, "%s() takes exactly one argument (%d given)", name, len(args))
	}
	return nil
}

// posArgs checks a positional-only signature of min to max arguments
// ("divmod expected 2 arguments, got 1"); max < 0 means no upper bound.
func posArgs(name string, args []runtime.Value, kwnames []string, min, max int) error {
	if err := noKwargs(name, kwnames); err != nil {
		return err
	}
	n := len(args)
	switch {
	case n >= min && (max < 0 || n <= max):
		return nil
	case min == max:
		return runtime.Errorf(runtime.TypeError, "%s expected %s, got %d", name, plural(min), n)
	case n < min:
		return runtime.Errorf(runtime.TypeError, "%s expected at least %s, got %d", name, plural(min), n)
	}
	return runtime.Errorf(runtime.TypeError, "%s expected at most %s, got %d", name, plural(max), n)
}

// plural spells "1 argument" or "2 arguments".
func plural(n int) string {
	if n == 1 {
		return "1 argument"
	}
	return fmt.Sprintf("%d arguments", n)
}

// splitKwargs separates vectorcall arguments into positional ones and the
// keyword values (named by kwnames, in order).
func splitKwargs(args []runtime.Value, kwnames []string) (pos, kw []runtime.Value) {
	n := len(args) - len(kwnames)
	return args[:n], args[n:]
}

// badKeyword is CPython's "'foo' is an invalid keyword argument for f()".
func badKeyword(fname, kw string) error {
	return runtime.Errorf(runtime.TypeError, "'%s' is an invalid keyword argument for %s()", kw, fname)
}

// checkKeywords rejects keyword arguments not in allowed with the message
// of CPython's argument clinic, before UnpackArgs binds them.
func checkKeywords(fname string, kwnames []string, allowed ...string) error {
	for _, k := range kwnames {
		if !slices.Contains(allowed, k) {
			return badKeyword(fname, k)
		}
	}
	return nil
}

// typeName is the Python name of v's type, for messages.
func typeName(v runtime.Value) string { return v.Type().Name }
