// Package builtins fills a Thread's builtins dict: the functions (print,
// len, sorted, isinstance, …), the built-in types under their Python names,
// the iterator types enumerate, zip, map, filter and reversed, and every
// exception class of the runtime.
//
// Python semantics live in package runtime (Repr, Compare, Iter, Call, …);
// this package parses arguments with CPython's messages and composes those
// central functions. It leaves out what needs the compiler's frames:
// globals(), locals(), vars() and dir() without arguments, and
// exec/eval without an explicit globals dict. open() refuses (scripts
// have no file access) and breakpoint() is not provided.
package builtins
