// Package vm compiles pyish syntax trees to bytecode and runs it.
//
// In: an *ast.Module from the parser. Compile resolves scopes (locals as
// slots, cells for closures, global/nonlocal, class scopes) and emits a
// *Code per function body: []uint32 instructions (opcode in the low byte,
// argument above), a constants pool, a names table and a line table that
// is decoded only when an exception needs a traceback.
//
// Out: Run executes a module body; functions, generators and coroutines
// compiled here implement runtime.Callable, runtime.Iterator and
// runtime.Coroutine. The interpreter is stackless: a call from pyish to
// pyish pushes a heap frame inside the same run loop, and `await` links
// the awaited coroutine's frame under the awaiting one, so a task suspends
// and resumes in O(1) at any depth by returning from the run loop.
// Async generators meet the running event loop through its hooks
// (asyncgen_hooks.go): recorded when they start, closed in a task when
// an `async for` over a call leaves them suspended.
//
// Left out: PEP 709 comprehension inlining, pattern matching, type
// parameters, traceback objects (tracebacks are plain data on the
// exception).
package vm
