// Package math is pyish's math module, following CPython 3.12's
// Modules/mathmodule.c: the same argument conversions, special cases and
// errors ("math domain error", "math range error"), and the same digits,
// from the glibc-equivalent functions of package libm.
//
// Left out: erf and erfc come from Go (they may differ from glibc in the
// last digit), and sumprod's mixed int/float inputs take the generic path.
package math
