package libm

import "math"

// This file ports the fdlibm-derived functions of glibc that CPython's
// math module calls (sinh, cosh, tanh, asinh, acosh, atanh, log10), over
// the correctly rounded exp and log and glibc's expm1 and log1p, so
// results match glibc's digits. Every intermediate is
// forced to float64 so the compiler cannot fuse a multiply and add.

func highWord(x float64) int32 { return int32(math.Float64bits(x) >> 32) }

func lowWord(x float64) uint32 { return uint32(math.Float64bits(x)) }

// Sinh is glibc's __ieee754_sinh.
func Sinh(x float64) float64 {
	jx := highWord(x)
	ix := jx & 0x7fffffff
	if ix >= 0x7ff00000 {
		return x + x
	}
	h := 0.5
	if jx < 0 {
		h = -h
	}
	ax := math.Abs(x)
	if ix < 0x40360000 { // |x| < 22
		if ix < 0x3e300000 { // |x| < 2**-28
			return x
		}
		t := Expm1(ax)
		if ix < 0x3ff00000 {
			return h * float64(float64(2.0*t)-float64(t*t)/float64(t+1))
		}
		return h * float64(t+t/float64(t+1))
	}
	if ix < 0x40862e42 { // |x| < log(maxdouble)
		return h * Exp(ax)
	}
	if ix < 0x408633ce || (ix == 0x408633ce && lowWord(x) <= 0x8fb9f87d) {
		w := Exp(0.5 * ax)
		t := h * w
		return t * w
	}
	return x * 1.0e307 * 10
}

// Cosh is glibc's __ieee754_cosh.
func Cosh(x float64) float64 {
	ix := highWord(x) & 0x7fffffff
	ax := math.Abs(x)
	if ix < 0x40360000 { // |x| < 22
		if ix < 0x3fd62e43 { // |x| < 0.5*ln2
			if ix < 0x3c800000 {
				return 1
			}
			t := Expm1(ax)
			w := 1 + t
			return 1 + float64(t*t)/float64(w+w)
		}
		t := Exp(ax)
		return float64(0.5*t) + 0.5/t
	}
	if ix < 0x40862e42 {
		return 0.5 * Exp(ax)
	}
	if ix < 0x408633ce || (ix == 0x408633ce && lowWord(x) <= 0x8fb9f87d) {
		w := Exp(0.5 * ax)
		t := 0.5 * w
		return t * w
	}
	if ix >= 0x7ff00000 {
		return x * x
	}
	return math.Inf(1)
}

// Tanh is glibc's __tanh.
func Tanh(x float64) float64 {
	jx := highWord(x)
	ix := jx & 0x7fffffff
	if ix >= 0x7ff00000 {
		if jx >= 0 {
			return 1/x + 1
		}
		return 1/x - 1
	}
	var z float64
	switch {
	case x == 0:
		return x
	case ix < 0x3c800000: // |x| < 2**-55
		return x * (1 + x)
	case ix >= 0x40360000: // |x| >= 22
		z = 1
	case ix >= 0x3ff00000: // |x| >= 1
		t := Expm1(2 * math.Abs(x))
		z = 1 - 2/float64(t+2)
	default:
		t := Expm1(-2 * math.Abs(x))
		z = -t / float64(t+2)
	}
	if jx >= 0 {
		return z
	}
	return -z
}

const ln2 = 6.93147180559945286227e-01

// Asinh is glibc's __asinh.
func Asinh(x float64) float64 {
	ix := highWord(x) & 0x7fffffff
	if ix < 0x3e300000 { // |x| < 2**-28
		return x
	}
	var w float64
	xa := math.Abs(x)
	switch {
	case ix > 0x41b00000: // |x| > 2**28
		if ix >= 0x7ff00000 {
			return x + x
		}
		w = Log(xa) + ln2
	case ix > 0x40000000: // 2**28 > |x| > 2
		w = Log(float64(2.0*xa) + 1/float64(math.Sqrt(float64(xa*xa)+1)+xa))
	default:
		t := xa * xa
		w = Log1p(xa + t/float64(1+math.Sqrt(1+t)))
	}
	return math.Copysign(w, x)
}

// Acosh is glibc's __ieee754_acosh.
func Acosh(x float64) float64 {
	hx := highWord(x)
	switch {
	case hx < 0x3ff00000: // x < 1
		return math.NaN()
	case hx >= 0x41b00000: // x > 2**28
		if hx >= 0x7ff00000 {
			return x + x
		}
		return Log(x) + ln2
	case x == 1:
		return 0
	case hx > 0x40000000: // 2**28 > x > 2
		t := x * x
		return Log(float64(2.0*x) - 1/float64(x+math.Sqrt(t-1)))
	default:
		t := x - 1
		return Log1p(t + math.Sqrt(float64(2.0*t)+float64(t*t)))
	}
}

// Atanh is glibc's __ieee754_atanh.
func Atanh(x float64) float64 {
	xa := math.Abs(x)
	var t float64
	switch {
	case math.IsNaN(x):
		return x
	case xa < 0x1p-28:
		return x
	case xa < 0.5:
		t = xa + xa
		t = 0.5 * Log1p(t+float64(t*xa)/float64(1-xa))
	case xa < 1:
		t = 0.5 * Log1p(float64(xa+xa)/float64(1-xa))
	case xa > 1:
		return math.NaN()
	default:
		return x / 0.0
	}
	return math.Copysign(t, x)
}

// Log10 is glibc's __ieee754_log10.
func Log10(x float64) float64 {
	const (
		two54     = 1.80143985094819840000e+16
		ivln10    = 4.34294481903251816668e-01
		log10_2hi = 3.01029995663611771306e-01
		log10_2lo = 3.69423907715893078616e-13
	)
	hx := highWord(x)
	k := int32(0)
	if hx < 0x00100000 { // x < 2**-1022
		if x == 0 {
			return math.Inf(-1)
		}
		if hx < 0 {
			return math.NaN()
		}
		k -= 54
		x *= two54
		hx = highWord(x)
	}
	if hx >= 0x7ff00000 {
		return x + x
	}
	k += (hx >> 20) - 1023
	i := int32(uint32(k) & 0x80000000 >> 31)
	hx = (hx & 0x000fffff) | ((0x3ff - i) << 20)
	y := float64(k + i)
	x = math.Float64frombits(uint64(uint32(hx))<<32 | uint64(lowWord(x)))
	z := float64(y*log10_2lo) + float64(ivln10*Log(x))
	return z + float64(y*log10_2hi)
}

// Cbrt is glibc's __cbrt (sysdeps/ieee754/dbl-64/s_cbrt.c).
func Cbrt(x float64) float64 {
	// Variables, not constants: C divides in float64, Go would divide
	// the exact constants.
	cbrt2, sqrCbrt2 := 1.2599210498948731648, 1.5874010519681994748
	factor := [5]float64{1.0 / sqrCbrt2, 1.0 / cbrt2, 1.0, cbrt2, sqrCbrt2}
	if x == 0 || math.IsNaN(x) || math.IsInf(x, 0) {
		return x + x
	}
	xm, xe := math.Frexp(math.Abs(x))
	u := 0.354895765043919860 + float64((1.50819193781584896+
		float64((-2.11499494167371287+
			float64((2.44693122563534430+
				float64((-1.83469277483613086+
					float64((0.784932344976639262-float64(0.145263899385486377*xm))*xm))*xm))*xm))*xm))*xm)
	t2 := float64(u*u) * u
	ym := float64(float64(u*float64(t2+float64(2.0*xm)))/float64(float64(2.0*t2)+xm)) * factor[2+xe%3]
	return math.Copysign(math.Ldexp(ym, xe/3), x)
}
