package cmath

// This file holds the special values where CPython's tables pick a
// different sign (of a zero, an infinity, or nan for a part C99 leaves
// unspecified) than Go's math/cmplx.

import "math"

// class is CPython's special_type of a float, for non-finite arguments.
type class uint8

const (
	cNInf class = iota
	cNFinite
	cNZero
	cPZero
	cPFinite
	cPInf
	cNaN
)

func classOf(x float64) class {
	switch {
	case math.IsNaN(x):
		return cNaN
	case math.IsInf(x, 1):
		return cPInf
	case math.IsInf(x, -1):
		return cNInf
	case x == 0 && math.Signbit(x):
		return cNZero
	case x == 0:
		return cPZero
	case x < 0:
		return cNFinite
	}
	return cPFinite
}

type classes [2]class

var (
	inf    = math.Inf(1)
	nan    = math.NaN()
	negZ   = math.Copysign(0, -1)
	halfPi = math.Pi / 2
)

// overrides maps a function and the classes of its argument's parts to
// CPython's value, where it differs from math/cmplx.
var overrides = map[string]map[classes]complex128{
	"acos":  {{cPInf, cNaN}: complex(nan, inf)},
	"acosh": {{cNZero, cNaN}: complex(nan, nan), {cPZero, cNaN}: complex(nan, nan)},
	"asin":  {{cPInf, cNaN}: complex(nan, -inf)},
	"asinh": {{cNaN, cNInf}: complex(inf, nan)},
	"atan":  {{cNInf, cNaN}: complex(-halfPi, negZ), {cPInf, cNaN}: complex(halfPi, negZ)},
	"cos":   {{cNaN, cPZero}: complex(nan, 0)},
	"cosh":  {{cNZero, cNaN}: complex(nan, 0), {cNaN, cNZero}: complex(nan, 0)},
	"exp":   {{cNInf, cNInf}: 0},
	"sin":   {{cNaN, cPZero}: complex(nan, negZ), {cNaN, cPInf}: complex(nan, -inf)},
	"sinh":  {{cNZero, cNaN}: complex(0, nan), {cNInf, cNaN}: complex(inf, nan)},
	"sqrt":  {{cNaN, cPZero}: complex(nan, nan), {cNaN, cNZero}: complex(nan, nan)},
	"tan":   {{cNInf, cPInf}: complex(0, 1), {cNInf, cNInf}: complex(0, -1)},
	"tanh":  {{cPInf, cNInf}: complex(1, 0), {cNInf, cNInf}: complex(-1, 0)},
}

// specialFor returns the special-value function of name: CPython's
// value where it differs, else math/cmplx's.
func specialFor(name string, f func(complex128) complex128) func(complex128) complex128 {
	table := overrides[name]
	return func(z complex128) complex128 {
		if r, ok := table[classes{classOf(real(z)), classOf(imag(z))}]; ok {
			return r
		}
		return f(z)
	}
}
