// Package time is pyish's time module: clocks (time, monotonic,
// perf_counter, process_time and their _ns forms), sleep, and the
// struct_time functions gmtime, localtime, mktime, asctime, ctime and
// strftime (C-locale names; Go's time zone database).
//
// sleep blocks the interpreter's goroutine, as CPython's time.sleep blocks
// its thread: inside an asyncio event loop it stalls every task, so
// programs should await asyncio.sleep there. A pending interrupt
// (KeyboardInterrupt) ends the sleep early and is raised from it.
// asyncio.to_thread(time.sleep, secs) sleeps on a goroutine of its own
// instead, so the loop runs on meanwhile.
// strptime is left out.
package time
