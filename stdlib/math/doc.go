// Package math is pyish's math module, following CPython 3.12's
// Modules/mathmodule.c: the same argument conversions, special cases and
// errors ("math domain error", "math range error"), and the same digits,
// from the glibc-equivalent functions of package libm.
//
// Not exact: glibc's sin, cos, tan, asin, log, log2 and pow are not
// correctly rounded for about 0.05-0.2% of inputs, where pyish's
// correctly rounded results differ in the last digit (exp, expm1, erf,
// erfc, cbrt, sinh, cosh and tanh are glibc's own algorithms and match);
// sumprod's mixed int and float inputs take the generic path.
package math
