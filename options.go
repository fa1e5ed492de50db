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
	// Modules lists the modules scripts may import; nil means DefaultModules.
	Modules []string
	// MaxDepth is the recursion limit (0: 1000, CPython's default).
	MaxDepth int
	// MaxSteps stops a script with an error after that many VM instructions (0: no limit).
	MaxSteps int64
	// VirtualTime makes the event loop jump its clock to the next timer when
	// nothing is ready, so sleeps finish at once in the same order.
	VirtualTime bool
}

// DefaultModules are the modules a script may import unless Options.Modules
// says otherwise. None of them reaches files or the network.
var DefaultModules = []string{"asyncio", "json", "math", "random", "sys", "time"}
