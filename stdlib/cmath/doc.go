// Package cmath is Python's cmath module: the complex square root,
// exponential, logarithms, trigonometric and hyperbolic functions and
// their inverses, phase/polar/rect, the classification functions and
// the constants. Finite arguments go through CPython's own algorithms
// (cmathmodule.c) over the glibc-equivalent functions of
// runtime/libm, so results match CPython to the last bit; infinite
// and nan arguments follow C99 Annex G (Go's math/cmplx) with
// CPython's errors: ValueError "math domain error" for an invalid
// operation, OverflowError "math range error" when a finite argument
// overflows.
package cmath
