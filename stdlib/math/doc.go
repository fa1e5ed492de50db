// Package math is pyish's math module, following CPython 3.12's
// Modules/mathmodule.c: the same argument conversions, special cases and
// errors ("math domain error", "math range error"), and the same digits,
// from the glibc-equivalent functions of package libm.
//
// Not exact: expm1 and log1p are Go's fdlibm ports (glibc's expm1 differs
// in the last digit for about 0.2% of inputs), and sumprod's mixed int and
// float inputs take the generic path.
package math
