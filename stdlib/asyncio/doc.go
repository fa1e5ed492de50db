// Package asyncio is pyish's asyncio module: asyncio.run, tasks and
// futures (from runtime), sleep, gather, wait, wait_for, as_completed,
// shield, timeout, TaskGroup, the event loop functions, and (from the
// queues and locks files) the synchronization primitives.
//
// The functions CPython writes as `async def` are Go state machines
// behind runtime.Coroutine, so they schedule in CPython's order: a Task
// steps with call_soon, done callbacks run with call_soon in registration
// order, sleep(0) is one bare yield.
//
// to_thread and loop.run_in_executor(None, ...) use a default executor:
// a Go host function that can run off the loop (one with an Offload
// split: the root package's NewFunc funcs on plain data, time.sleep)
// runs on a goroutine of its own and posts its outcome back through the
// loop's thread-safe door; the loop counts it as pending work, so virtual
// time does not jump past it, and asyncio.run's shutdown waits for it.
// Any other callable, a pyish function above all (pyish objects are not
// goroutine-safe), runs on the loop's goroutine when it is submitted,
// blocking the loop meanwhile; its outcome still reaches the future one
// iteration later, as a quick thread's does in CPython, so scripts print
// in CPython's order. Other executors are not supported.
//
// asyncio.run (Runner.close) shuts down as CPython 3.12 does: the tasks
// left are cancelled, then shutdown_asyncgens closes the async
// generators that started on the loop and have not ended (oldest first;
// CPython's order is a weak set's), then shutdown_default_executor waits
// for offloaded calls, each as a task of its own. CPython also closes an
// async generator as soon as it is freed (its finalizer hook schedules
// aclose() in a task); pyish does that where the drop is certain, when
// an `async for` over a call leaves by break or return, and otherwise
// leaves the generator to shutdown_asyncgens (one left suspended by an
// exception out of `async for`, or dropped after partial iteration).
//
// It leaves out subprocesses, streams, executors other than the default
// one, signal handlers and debug mode.
package asyncio
