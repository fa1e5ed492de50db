// Package runtime is pyish's object model and event loop.
//
// It defines Value (ints, floats, bools and None inline; everything else a
// heap Object), the built-in types and their methods, Python's semantics in
// central functions (Truth, Equal, Hash, Compare, Binary, GetAttr, Call,
// Iter, …) used alike by the vm and the builtins, the exception hierarchy,
// and the asyncio event loop with Futures and Tasks.
//
// It imports nothing of pyish: the vm implements the interfaces declared
// here (Callable, Coroutine, Descriptor, Iterator) for compiled code.
package runtime
