package runtime

import (
	"io"
	"sync/atomic"
)

// Thread is the state of one interpreter's execution: where output goes,
// its limits, its event loop, and hooks filled in by the embedding layer.
// A Thread is used by one goroutine at a time (its loop's); only the
// methods that say so are safe from other goroutines.
type Thread struct {
	Stdout io.Writer
	Stderr io.Writer
	Stdin  io.Reader

	// Loop is the event loop that runs this thread's tasks (nil until asyncio needs one).
	Loop *Loop

	// Depth counts active pyish frames and nested Go→pyish calls; MaxDepth
	// is the recursion limit (sys.getrecursionlimit, default 1000).
	Depth    int
	MaxDepth int

	// Steps counts executed instructions when MaxSteps > 0.
	Steps    int64
	MaxSteps int64

	// Memory counts the bytes of list and tuple storage charged (Charge)
	// when MaxMemory > 0; past MaxMemory allocations raise MemoryError.
	Memory    int64
	MaxMemory int64

	// interrupt is set from any goroutine (Interrupt) and checked by the vm
	// on backward jumps and calls; it holds a *Exception to raise.
	interrupt atomic.Pointer[Exception]

	// Import loads a module by its dotted name (filled by the embedding layer).
	Import func(th *Thread, name string) (*Module, error)

	// Builtins is the builtins module's dict, the last scope of name lookup.
	Builtins *Dict

	// Modules is sys.modules: every module imported so far, by name.
	Modules map[string]*Module

	// Argv is sys.argv.
	Argv []string

	// Compile compiles and runs source for the REPL and exec-like hooks
	// (filled by the embedding layer; nil if unavailable).
	Compile func(th *Thread, filename, src string, globals *Dict) (Value, error)

	// CompileCode compiles src for compile(), exec() and eval() in mode
	// "exec", "eval" or "single" into a code object with an Exec(th,
	// globals, locals) method (filled by the embedding layer; nil if
	// unavailable). Syntax errors come back as SyntaxError exceptions.
	CompileCode func(th *Thread, filename string, src []byte, mode string) (Object, error)

	// SourceLine returns line n of a file the embedding layer compiled,
	// as it is in the file with its newline when it has one, for
	// tracebacks the runtime prints (nil or "": no line).
	SourceLine func(file string, n int) string

	// ParseSegment parses the source text of the expression a traceback
	// line underlines, as CPython's traceback module does to place the
	// `^` of a binary operation or subscript (nil: plain `^` markers).
	ParseSegment func(segment string) Segment

	// warnings waits to be shown at the end of the run; shownWarnings
	// are the locations already shown (see warnings.go).
	warnings      *warnQueue
	shownWarnings map[warnKey]bool

	// Local is free for the embedder (the root package keeps its interpreter here).
	Local any
}

// NewThread returns a Thread with CPython's default limits and no I/O.
func NewThread() *Thread {
	return &Thread{
		Stdout:   io.Discard,
		Stderr:   io.Discard,
		MaxDepth: 1000,
		Modules:  map[string]*Module{},
	}
}

// Interrupt asks the running code to raise exc (KeyboardInterrupt, say) at
// its next check. Safe from any goroutine.
func (th *Thread) Interrupt(exc *Exception) { th.interrupt.Store(exc) }

// TakeInterrupt returns and clears a pending interrupt, or nil.
func (th *Thread) TakeInterrupt() *Exception {
	if th.interrupt.Load() == nil {
		return nil
	}
	return th.interrupt.Swap(nil)
}
