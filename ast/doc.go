// Package ast declares the syntax tree of a pyish program.
//
// The parser produces it; the vm compiler consumes it. Node names follow
// CPython's ast module (FunctionDef, AugAssign, Await, …) so that Python's
// documentation describes them. Every node carries the position of its first
// token. Analyses (scope resolution) annotate the tree through side tables of
// their own: this package imports nothing of pyish.
package ast
