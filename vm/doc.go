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
// "coroutine ... was never awaited": CPython warns when an unstarted
// coroutine is freed. pyish has no reference counts, so it warns where
// the drop is certain, at an expression statement that is a call
// (`f()`, POP_TOP with arg 1; with the unstarted coroutines among the
// arguments of a dropped async def, and Go coroutines such as
// asyncio.sleep's through runtime.AwaitState), and shows the warning
// when the run ends,
// before the exception that ended it, unless the coroutine was started
// or closed meanwhile. A coroutine dropped any other way (bound to a
// name and never used, left in a list, an argument of a dropped Go
// coroutine) gets no warning.
//
// List, set and dict comprehensions are inlined into the enclosing code
// as in CPython 3.12 (PEP 709): no function object, cells or frame per
// evaluation, and tracebacks name the enclosing function. Their
// variables get hidden slots of the enclosing frame (never the slot of
// an enclosing variable of the same name, so nothing needs restoring
// when the comprehension ends or raises); locals() shows them only
// inside the comprehension. Generator expressions stay functions.
//
// Pattern matching (match statements) is compiled as CPython 3.12 does
// it: see compile_match.go.
//
// Left out: type parameters.
package vm
