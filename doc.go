// Package pyish embeds a Python-like scripting language with asyncio built
// in into Go programs.
//
// An Interpreter, made by New from Options, runs scripts (Exec, ExecFile),
// evaluates expressions (Eval), calls pyish functions with Go arguments
// (Call), reads and writes globals (Get, Set) and offers Go-defined
// modules (RegisterModule). Calling an async def from Go, or evaluating
// an await, runs the interpreter's event loop until the result is there.
//
//	in := pyish.New(pyish.Options{Stdout: os.Stdout})
//	err := in.ExecFile(ctx, "script.pyish")
//
// # Values
//
// ToValue converts Go values to pyish (numbers, strings, bools, nil,
// slices, maps, structs, time.Duration, errors and funcs); ExportTo stores
// a pyish value into a Go variable of the type the host names, and Export
// picks the natural Go type. A value that cannot be converted gives a
// *ConversionError naming where it is ("arg 2: field Foo: cannot convert
// list to int").
//
// # Host functions
//
// NewFunc wraps a Go func (by reflection) or a Func (no reflection). An
// error it returns becomes RuntimeError in the script, or the exception a
// *HostError names; a panic becomes RuntimeError, never a crash of the
// host. NewAsyncFunc wraps a func taking a context.Context first (or an
// AsyncFunc): calling it gives a coroutine whose Go body runs on its own
// goroutine, so
//
//	results = await asyncio.gather(*(fetch(u) for u in urls))
//
// runs the fetches in parallel. The result comes back to the loop only
// through the loop's thread-safe door; cancelling the awaiting task
// cancels the body's context. A NewFunc func whose parameters are plain
// data may also run off the loop: `await asyncio.to_thread(f, x)` calls
// it on a goroutine of its own (so it must not call back into the
// interpreter), while pyish functions given to to_thread run on the
// loop.
//
// # Limits and stopping
//
// Options set the modules a script may import, the recursion limit, a
// step limit and virtual time. A run stops when its context is done or
// Interrupt is called: the script gets KeyboardInterrupt at the next
// backward jump or call (finally blocks run), async host calls see their
// context cancelled, and the run returns an *Error that errors.Is matches
// with the context's error or ErrInterrupted.
//
// # Errors
//
// An exception that reaches Go is an *Error with the exception's type,
// message and frames; Traceback formats it as CPython does. sys.exit gives
// an *ExitError. Warnings (a coroutine never awaited) go to Stderr when
// the run ends, before the caller prints the error that ended it.
//
// # Concurrency
//
// One Interpreter is used from one goroutine at a time: the goroutine
// running Exec, Eval or Call, which also runs the event loop. Host
// functions are called on that goroutine (async bodies excepted) and may
// call back into the interpreter there. Only Interrupt is safe from other
// goroutines. Many interpreters may run in parallel in one process: they
// share no mutable state (built-in types are immutable and shared; each
// interpreter builds its own modules).
package pyish
