// Package libm is the C math library as CPython on glibc computes it, so
// that pyish prints the same digits: glibc's exp (ported), correctly
// rounded log, sin, cos, tan, atan, atan2, asin, acos, log2, exp2 and pow
// (glibc's agree with those in all but about 0.1% of cases), glibc's
// fdlibm-derived sinh, cosh, tanh, asinh, acosh, atanh, log10, cbrt,
// expm1, log1p, erf and erfc, and CPython's own gamma and lgamma.
// Functions return C's values (nan, ±inf); callers map them to Python
// exceptions. Used by the math, cmath and random modules and by the
// runtime's complex type; it imports nothing of pyish's, so runtime may
// use it without breaking the layering (runtime imports none of ours).
package libm
