// Package libm is the C math library as CPython on glibc computes it, so
// that pyish prints the same digits: correctly rounded exp, log, sin, cos,
// tan, atan, atan2, asin, acos, log2 and pow (glibc's are correctly
// rounded in all but rare cases), glibc's fdlibm-derived sinh, cosh,
// tanh, asinh, acosh, atanh, log10 and cbrt, and CPython's own gamma and
// lgamma. Functions return C's values (nan, ±inf); callers map them to
// Python exceptions. Used by the math and random modules.
package libm
