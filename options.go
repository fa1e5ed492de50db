package pyish

import "io"

// Options configure an Interpreter. The zero value is usable: output is
// discarded, every safe module may be imported, and CPython's default
// recursion limit applies.
type Options struct {
	// Stdout and Stderr receive print() and error output (nil: discarded).
	Stdout io.Writer
	Stderr io.Writer
	// Stdin feeds input() (nil: empty).
	Stdin io.Reader
	// Args is sys.argv (Args[0] is the script name).
	Args []string
	// Modules lists the standard modules scripts may import; nil means
	// DefaultModules(). Modules given by RegisterModule are always allowed.
	// Importing another standard module raises ImportError.
	Modules []string
	// MaxDepth is the recursion limit (0: 1000, CPython's default);
	// deeper calls raise RecursionError.
	MaxDepth int
	// MaxSteps bounds the VM instructions of each run (Exec, Eval, Call):
	// past it, every call and backward jump raises RuntimeError "step
	// limit exceeded" (0: no limit). The count is approximate, kept
	// without a per-instruction cost: each call counts one, and each
	// backward jump counts the length of the loop body it repeats.
	MaxSteps int64
	// MaxMemory bounds the bytes of list and tuple storage each run
	// allocates, counted cumulatively (growth, concatenation, repetition):
	// past it the script gets MemoryError (0: no budget). Whatever the
	// budget, one list or tuple over 1 GiB, or one str or bytes over
	// 256 MiB, is a MemoryError rather than a crash of the host.
	MaxMemory int64
	// VirtualTime makes the event loop jump its clock to the next timer when
	// nothing is ready, so sleeps finish at once in the same order.
	VirtualTime bool
}

// DefaultModules returns the modules a script may import unless
// Options.Modules says otherwise. None of them reaches files or the
// network (pyish has no such module yet; when it gets one, it will stay
// out of this list). The modules written in Python import others, which
// a narrower Options.Modules must allow too: contextlib needs functools,
// collections and sys; typing needs collections; dataclasses needs copy
// and sys; collections.abc (a name of its own in the list) needs abc,
// collections and sys; traceback needs sys; datetime needs time, math
// and operator (re for strptime); warnings needs sys (and re for filters
// with a pattern); fractions needs functools, math, numbers (which needs
// abc), operator, re and sys. A module's Go half (_abc for abc,
// _traceback for traceback, _warnings for warnings) is allowed with it.
func DefaultModules() []string {
	return []string{"abc", "asyncio", "bisect", "cmath", "collections", "collections.abc", "contextlib", "copy", "dataclasses", "datetime",
		"enum", "fractions", "functools", "heapq", "itertools", "json", "math", "operator", "random", "numbers", "re", "string",
		"io", "sys", "textwrap", "time", "traceback", "types", "typing", "warnings"}
}
