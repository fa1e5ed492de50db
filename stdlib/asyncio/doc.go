// Package asyncio is pyish's asyncio module: asyncio.run, tasks and
// futures (from runtime), sleep, gather, wait, wait_for, as_completed,
// shield, timeout, TaskGroup, the event loop functions, and (from the
// queues and locks files) the synchronization primitives.
//
// The functions CPython writes as `async def` are Go state machines
// behind runtime.Coroutine, so they schedule in CPython's order: a Task
// steps with call_soon, done callbacks run with call_soon in registration
// order, sleep(0) is one bare yield. It leaves out subprocesses, streams,
// executors (to_thread), signal handlers and debug mode.
package asyncio
