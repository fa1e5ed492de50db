package cmath

// This file holds CPython's algorithms (Modules/cmathmodule.c) for finite
// arguments, over glibc-equivalent real functions.

import (
	"math"

	"github.com/pyish/pyish/runtime/libm"
)

// Constants of cmathmodule.c.
var (
	largeDouble     = math.MaxFloat64 / 4
	sqrtLargeDouble = math.Sqrt(largeDouble)
	logLargeDouble  = math.Log(largeDouble)
	sqrtDblMin      = math.Sqrt(0x1p-1022)
)

const (
	dblMin    = 0x1p-1022
	scaleUp   = 53  // 2*(DBL_MANT_DIG/2) + 1
	scaleDown = -27 // -(CM_SCALE_UP+1)/2
	ln2       = math.Ln2
)

func atan2(y, x float64) float64 { return libm.Atan2(y, x) }

// hypot is C's hypot: infinities win over nans.
func hypot(x, y float64) float64 {
	switch {
	case math.IsInf(x, 0) || math.IsInf(y, 0):
		return math.Inf(1)
	case math.IsNaN(x) || math.IsNaN(y):
		return math.NaN()
	case x == 0 || y == 0:
		return math.Abs(x) + math.Abs(y)
	}
	return libm.Hypot2(x, y)
}

// cAbs is _Py_c_abs.
func cAbs(z complex128) float64 { return hypot(real(z), imag(z)) }

func neg(z complex128) complex128 { return complex(-real(z), -imag(z)) }

// timesI is i*z computed as CPython does (-imag, real), keeping signed zeros.
func timesI(z complex128) complex128 { return complex(-imag(z), real(z)) }

// fromI undoes timesI after a function: -i*s.
func fromI(s complex128) complex128 { return complex(imag(s), -real(s)) }

func cSqrt(z complex128) (complex128, bool) {
	if real(z) == 0 && imag(z) == 0 {
		return complex(0, imag(z)), true
	}
	ax, ay := math.Abs(real(z)), math.Abs(imag(z))
	var s float64
	if ax < dblMin && ay < dblMin {
		ax = math.Ldexp(ax, scaleUp)
		s = math.Ldexp(math.Sqrt(ax+hypot(ax, math.Ldexp(ay, scaleUp))), scaleDown)
	} else {
		ax /= 8
		s = 2 * math.Sqrt(ax+hypot(ax, ay/8))
	}
	d := ay / (2 * s)
	if real(z) >= 0 {
		return complex(s, math.Copysign(d, imag(z))), true
	}
	return complex(d, math.Copysign(s, imag(z))), true
}

func cExp(z complex128) (complex128, bool) {
	if real(z) > logLargeDouble {
		l := libm.Exp(real(z) - 1)
		return complex(l*libm.Cos(imag(z))*math.E, l*libm.Sin(imag(z))*math.E), true
	}
	l := libm.Exp(real(z))
	return complex(l*libm.Cos(imag(z)), l*libm.Sin(imag(z))), true
}

func cLog(z complex128) (complex128, bool) {
	ax, ay := math.Abs(real(z)), math.Abs(imag(z))
	var re float64
	switch {
	case ax > largeDouble || ay > largeDouble:
		re = libm.Log(hypot(ax/2, ay/2)) + ln2
	case ax < dblMin && ay < dblMin:
		if ax == 0 && ay == 0 {
			return 0, false
		}
		re = libm.Log(hypot(math.Ldexp(ax, 53), math.Ldexp(ay, 53))) - 53*ln2
	default:
		h := hypot(ax, ay)
		if 0.71 <= h && h <= 1.73 {
			am, an := max(ax, ay), min(ax, ay)
			re = libm.Log1p(float64((am-1)*(am+1))+float64(an*an)) / 2
		} else {
			re = libm.Log(h)
		}
	}
	return complex(re, atan2(imag(z), real(z))), true
}

func cLog10(z complex128) (complex128, bool) {
	r, ok := cLog(z)
	return complex(real(r)/math.Ln10, imag(r)/math.Ln10), ok
}

func cAcos(z complex128) (complex128, bool) {
	x, y := real(z), imag(z)
	if math.Abs(x) > largeDouble || math.Abs(y) > largeDouble {
		re := atan2(math.Abs(y), x)
		l := libm.Log(hypot(x/2, y/2)) + ln2*2
		if x < 0 {
			return complex(re, -math.Copysign(l, y)), true
		}
		return complex(re, math.Copysign(l, -y)), true
	}
	s1, _ := cSqrt(complex(1-x, -y))
	s2, _ := cSqrt(complex(1+x, y))
	return complex(2*atan2(real(s1), real(s2)), libm.Asinh(float64(real(s2)*imag(s1))-float64(imag(s2)*real(s1)))), true
}

func cAcosh(z complex128) (complex128, bool) {
	x, y := real(z), imag(z)
	if math.Abs(x) > largeDouble || math.Abs(y) > largeDouble {
		return complex(libm.Log(hypot(x/2, y/2))+ln2*2, atan2(y, x)), true
	}
	s1, _ := cSqrt(complex(x-1, y))
	s2, _ := cSqrt(complex(x+1, y))
	return complex(libm.Asinh(float64(real(s1)*real(s2))+float64(imag(s1)*imag(s2))), 2*atan2(imag(s1), real(s2))), true
}

func cAsinh(z complex128) (complex128, bool) {
	x, y := real(z), imag(z)
	if math.Abs(x) > largeDouble || math.Abs(y) > largeDouble {
		l := libm.Log(hypot(x/2, y/2)) + ln2*2
		re := -math.Copysign(l, -x)
		if y >= 0 {
			re = math.Copysign(l, x)
		}
		return complex(re, atan2(y, math.Abs(x))), true
	}
	s1, _ := cSqrt(complex(1+y, -x))
	s2, _ := cSqrt(complex(1-y, x))
	re := libm.Asinh(float64(real(s1)*imag(s2)) - float64(real(s2)*imag(s1)))
	im := atan2(y, float64(real(s1)*real(s2))-float64(imag(s1)*imag(s2)))
	return complex(re, im), true
}

func cAsin(z complex128) (complex128, bool) {
	s, ok := cAsinh(timesI(z))
	return fromI(s), ok
}

func cAtanh(z complex128) (complex128, bool) {
	if real(z) < 0 {
		r, ok := cAtanh(neg(z))
		return neg(r), ok
	}
	x, y := real(z), imag(z)
	ay := math.Abs(y)
	switch {
	case x > sqrtLargeDouble || ay > sqrtLargeDouble:
		h := hypot(x/2, y/2)
		return complex(x/4/h/h, -math.Copysign(math.Pi/2, -y)), true
	case x == 1 && ay < sqrtDblMin:
		if ay == 0 {
			return 0, false
		}
		re := -libm.Log(math.Sqrt(ay) / math.Sqrt(hypot(ay, 2)))
		return complex(re, math.Copysign(atan2(2, -ay)/2, y)), true
	}
	re := libm.Log1p(4*x/(float64((1-x)*(1-x))+float64(ay*ay))) / 4
	im := -atan2(-2*y, float64((1-x)*(1+x))-float64(ay*ay)) / 2
	return complex(re, im), true
}

func cAtan(z complex128) (complex128, bool) {
	s, ok := cAtanh(timesI(z))
	return fromI(s), ok
}

func cCosh(z complex128) (complex128, bool) {
	x, y := real(z), imag(z)
	if math.Abs(x) > logLargeDouble {
		xm1 := x - math.Copysign(1, x)
		return complex(libm.Cos(y)*libm.Cosh(xm1)*math.E, libm.Sin(y)*libm.Sinh(xm1)*math.E), true
	}
	return complex(libm.Cos(y)*libm.Cosh(x), libm.Sin(y)*libm.Sinh(x)), true
}

func cSinh(z complex128) (complex128, bool) {
	x, y := real(z), imag(z)
	if math.Abs(x) > logLargeDouble {
		xm1 := x - math.Copysign(1, x)
		return complex(libm.Cos(y)*libm.Sinh(xm1)*math.E, libm.Sin(y)*libm.Cosh(xm1)*math.E), true
	}
	return complex(libm.Cos(y)*libm.Sinh(x), libm.Sin(y)*libm.Cosh(x)), true
}

func cTanh(z complex128) (complex128, bool) {
	x, y := real(z), imag(z)
	if math.Abs(x) > logLargeDouble {
		return complex(math.Copysign(1, x), 4*libm.Sin(y)*libm.Cos(y)*libm.Exp(-2*math.Abs(x))), true
	}
	tx, ty := libm.Tanh(x), libm.Tan(y)
	cx := 1 / libm.Cosh(x)
	txty := tx * ty
	denom := 1 + float64(txty*txty)
	return complex(tx*(1+float64(ty*ty))/denom, ((ty/denom)*cx)*cx), true
}

func cCos(z complex128) (complex128, bool) { return cCosh(timesI(z)) }

func cSin(z complex128) (complex128, bool) {
	s, ok := cSinh(timesI(z))
	return fromI(s), ok
}

func cTan(z complex128) (complex128, bool) {
	s, ok := cTanh(timesI(z))
	return fromI(s), ok
}

// rect is rect(r, phi) with CPython's special cases.
func rect(r, phi float64) (complex128, error) {
	if isFinite(r) && isFinite(phi) {
		if phi == 0 {
			return complex(r, r*phi), nil
		}
		z := complex(r*libm.Cos(phi), r*libm.Sin(phi))
		if hasInf(z) {
			return 0, errRange()
		}
		return z, nil
	}
	if r != 0 && !math.IsNaN(r) && math.IsInf(phi, 0) {
		return 0, errDomain()
	}
	if math.IsInf(r, 0) && isFinite(phi) && phi != 0 {
		inf := math.Copysign(math.Inf(1), r)
		return complex(inf*math.Copysign(1, libm.Cos(phi)), inf*math.Copysign(1, libm.Sin(phi))), nil
	}
	return rectSpecial(r, phi), nil
}

// rectSpecial is rect for the remaining non-finite cases, as CPython's
// rect_special_values table has them.
func rectSpecial(r, phi float64) complex128 {
	nan := math.NaN()
	switch {
	case phi == 0 && math.IsNaN(r):
		return complex(nan, 0)
	case phi == 0:
		im := 0.0
		if math.Signbit(phi) != math.Signbit(r) {
			im = math.Copysign(0, -1)
		}
		return complex(r, im)
	case math.IsInf(r, 0) && math.IsNaN(phi):
		return complex(math.Inf(1), nan)
	case r == 0:
		return 0
	}
	return complex(nan, nan)
}
