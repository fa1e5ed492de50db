package libm

import (
	"math"
	"math/big"
	"sync"
)

// This file holds correctly rounded log, log2, sin, cos, tan, atan,
// atan2, asin, acos, exp2 and pow: a double-double fast path (dd.go) and,
// when its rounding is in doubt, math/big at about 200 bits rounded once.
// CPython takes these from the C library, and glibc's versions are
// correctly rounded in all but about 0.1% of cases, so rounding the exact
// value is how pyish prints the same digits. Go's math package is
// accurate to about 1 ulp only, which would show in reprs. (glibc's exp
// is not correctly rounded as often; exp.go ports it.)

// prec is the working precision in bits.
const prec = 200

// piPrec is the precision of the cached pi: enough to reduce any finite
// float argument of sin or cos.
const piPrec = 1500

var (
	constOnce sync.Once
	bigPi     *big.Float // pi to piPrec bits
	bigLn2    *big.Float // ln 2 to prec+64 bits
)

func consts() (pi, ln2 *big.Float) {
	constOnce.Do(func() {
		bigPi = computePi(piPrec)
		bigLn2 = computeLn2(prec + 64)
	})
	return bigPi, bigLn2
}

func newF(p uint) *big.Float { return new(big.Float).SetPrec(p) }

func fl(x float64, p uint) *big.Float { return newF(p).SetFloat64(x) }

// tiny reports whether t is below 2**-p relative to the value 1.
func tiny(t *big.Float, p uint) bool {
	return t.Sign() == 0 || t.MantExp(nil) < -int(p)
}

// atanInv returns atan(1/n) by its Taylor series.
func atanInv(n int64, p uint) *big.Float {
	x := newF(p).Quo(fl(1, p), newF(p).SetInt64(n)) // 1/n
	x2 := newF(p).Mul(x, x)
	sum := newF(p).Set(x)
	pow := newF(p).Set(x)
	t := newF(p)
	for k := int64(1); ; k++ {
		pow.Mul(pow, x2)
		t.Quo(pow, newF(p).SetInt64(2*k+1))
		if tiny(t, p+8) {
			return sum
		}
		if k%2 == 1 {
			sum.Sub(sum, t)
		} else {
			sum.Add(sum, t)
		}
	}
}

// computePi uses Machin's formula pi = 16 atan(1/5) - 4 atan(1/239).
func computePi(p uint) *big.Float {
	wp := p + 32
	a := newF(wp).Mul(atanInv(5, wp), fl(16, wp))
	b := newF(wp).Mul(atanInv(239, wp), fl(4, wp))
	return newF(p).Sub(a, b)
}

// computeLn2 returns ln 2 = 2 atanh(1/3).
func computeLn2(p uint) *big.Float {
	wp := p + 16
	return newF(p).Mul(atanhSeries(newF(wp).Quo(fl(1, wp), fl(3, wp)), wp), fl(2, wp))
}

// atanhSeries returns atanh(z) = z + z**3/3 + z**5/5 + … for small |z|.
func atanhSeries(z *big.Float, p uint) *big.Float {
	z2 := newF(p).Mul(z, z)
	sum := newF(p).Set(z)
	pow := newF(p).Set(z)
	t := newF(p)
	for k := int64(1); ; k++ {
		pow.Mul(pow, z2)
		t.Quo(pow, newF(p).SetInt64(2*k+1))
		if tiny(t, p+8) {
			return sum
		}
		sum.Add(sum, t)
	}
}

// bigExp returns e**x for |x| < about 1e6.
func bigExp(x *big.Float) *big.Float {
	_, ln2 := consts()
	p := uint(prec)
	q := newF(p).Quo(x, ln2)
	kf, _ := q.Float64()
	k := math.Round(kf)
	r := newF(p+32).Mul(ln2, fl(k, p))
	r.Sub(x, r)
	const halvings = 10
	r.SetMantExp(r, -halvings)
	// Taylor series of e**r - 1, summed without the 1 to keep precision.
	sum := newF(p).Set(r)
	term := newF(p).Set(r)
	for n := int64(2); ; n++ {
		term.Mul(term, r)
		term.Quo(term, newF(p).SetInt64(n))
		if tiny(term, p+8) {
			break
		}
		sum.Add(sum, term)
	}
	// (1+s)**2 - 1 = s*(s+2), squared halvings times.
	two := fl(2, p)
	for i := 0; i < halvings; i++ {
		sum.Mul(sum, newF(p).Add(sum, two))
	}
	sum.Add(sum, fl(1, p))
	return sum.SetMantExp(sum, int(k))
}

// bigLog returns ln x for x > 0.
func bigLog(x *big.Float) *big.Float {
	_, ln2 := consts()
	p := uint(prec)
	m := newF(p)
	e := x.MantExp(m) // x = m * 2**e, 0.5 <= m < 1
	if m.Cmp(fl(math.Sqrt2/2, p)) < 0 {
		m.SetMantExp(m, 1)
		e--
	}
	one := fl(1, p)
	z := newF(p).Quo(newF(p).Sub(m, one), newF(p).Add(m, one))
	res := atanhSeries(z, p)
	res.SetMantExp(res, 1)
	return res.Add(res, newF(p).Mul(ln2, newF(p).SetInt64(int64(e))))
}

// Log is a correctly rounded natural logarithm (nan for x < 0, -inf
// for zero).
func Log(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	case x == 1:
		return 0
	}
	if f, ok := fastLog(x); ok {
		return f
	}
	f, _ := bigLog(fl(x, prec)).Float64()
	return f
}

// Log2 is a correctly rounded base-2 logarithm.
func Log2(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 1) || x <= 0 || x == 1 {
		return Log(x)
	}
	frac, exp := math.Frexp(x)
	if frac == 0.5 {
		return float64(exp - 1)
	}
	if f, ok := fastLog2(x); ok {
		return f
	}
	_, ln2 := consts()
	f, _ := newF(prec).Quo(bigLog(fl(x, prec)), ln2).Float64()
	return f
}

// reduceHalfPi returns r and k with x = k*pi/2 + r, |r| <= pi/4, and k
// mod 4, for finite x.
func reduceHalfPi(x float64) (*big.Float, int) {
	pi, _ := consts()
	_, e := math.Frexp(x)
	p := uint(prec + 64 + max(e, 0))
	halfPi := newF(p).SetMantExp(newF(p).Set(pi), -1)
	bx := fl(x, p)
	q := newF(p).Quo(bx, halfPi)
	q.Add(q, fl(0.5, p))
	k, _ := q.Int(nil)
	if q.Sign() < 0 && !q.IsInt() {
		k.Sub(k, big.NewInt(1)) // floor, not truncation
	}
	r := newF(p).Mul(halfPi, newF(p).SetInt(k))
	r.Sub(bx, r)
	quad := int(new(big.Int).And(k, big.NewInt(3)).Int64())
	return newF(prec).Set(r), quad
}

// sinCosSeries returns sin r and cos r for |r| <= pi/4.
func sinCosSeries(r *big.Float) (s, c *big.Float) {
	p := uint(prec)
	r2 := newF(p).Mul(r, r)
	s, c = newF(p).Set(r), fl(1, p)
	ts, tc := newF(p).Set(r), fl(1, p)
	for n := int64(1); ; n++ {
		ts.Mul(ts, r2)
		ts.Quo(ts, newF(p).SetInt64((2*n)*(2*n+1)))
		tc.Mul(tc, r2)
		tc.Quo(tc, newF(p).SetInt64((2*n-1)*(2*n)))
		if tiny(tc, p+8) && tiny(ts, p+8+uint(max(0, -r.MantExp(nil)))) {
			return s, c
		}
		if n%2 == 1 {
			s.Sub(s, ts)
			c.Sub(c, tc)
		} else {
			s.Add(s, ts)
			c.Add(c, tc)
		}
	}
}

// bigSinCos returns sin x and cos x for finite x.
func bigSinCos(x float64) (s, c *big.Float) {
	r, quad := reduceHalfPi(x)
	s, c = sinCosSeries(r)
	switch quad {
	case 1:
		s, c = c, s.Neg(s)
	case 2:
		s, c = s.Neg(s), c.Neg(c)
	case 3:
		s, c = c.Neg(c), s
	}
	return s, c
}

// Sin is a correctly rounded sine (nan for infinities).
func Sin(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.NaN()
	}
	if x == 0 {
		return x
	}
	if f, ok := fastSin(x); ok {
		return f
	}
	s, _ := bigSinCos(x)
	f, _ := s.Float64()
	return f
}

// Cos is a correctly rounded cosine.
func Cos(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.NaN()
	}
	if f, ok := fastCos(x); ok {
		return f
	}
	_, c := bigSinCos(x)
	f, _ := c.Float64()
	return f
}

// Tan is a correctly rounded tangent.
func Tan(x float64) float64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return math.NaN()
	}
	if x == 0 {
		return x
	}
	if f, ok := fastTan(x); ok {
		return f
	}
	s, c := bigSinCos(x)
	f, _ := newF(prec).Quo(s, c).Float64()
	return f
}

// bigAtan returns atan t.
func bigAtan(t *big.Float) *big.Float {
	p := uint(prec)
	pi, _ := consts()
	one := fl(1, p)
	neg := t.Sign() < 0
	a := newF(p).Abs(t)
	var res *big.Float
	inverted := a.Cmp(one) > 0
	if inverted {
		a.Quo(one, a)
	}
	// atan(a) = 2 atan(a / (1 + sqrt(1 + a*a))), three times.
	for i := 0; i < 3; i++ {
		d := newF(p).Mul(a, a)
		d.Add(d, one)
		d.Sqrt(d)
		d.Add(d, one)
		a.Quo(a, d)
	}
	res = atanSeries(a, p)
	res.SetMantExp(res, 3)
	if inverted {
		halfPi := newF(p).SetMantExp(newF(p).Set(pi), -1)
		res.Sub(halfPi, res)
	}
	if neg {
		res.Neg(res)
	}
	return res
}

// atanSeries returns atan z = z - z**3/3 + … for small z.
func atanSeries(z *big.Float, p uint) *big.Float {
	z2 := newF(p).Mul(z, z)
	sum := newF(p).Set(z)
	pow := newF(p).Set(z)
	t := newF(p)
	for k := int64(1); ; k++ {
		pow.Mul(pow, z2)
		t.Quo(pow, newF(p).SetInt64(2*k+1))
		if tiny(t, p+8+uint(max(0, -z.MantExp(nil)))) {
			return sum
		}
		if k%2 == 1 {
			sum.Sub(sum, t)
		} else {
			sum.Add(sum, t)
		}
	}
}

// Atan is a correctly rounded arctangent.
func Atan(x float64) float64 {
	switch {
	case math.IsNaN(x) || x == 0:
		return x
	case math.IsInf(x, 0):
		return math.Copysign(math.Pi/2, x)
	}
	if f, ok := fastAtan(x); ok {
		return f
	}
	f, _ := bigAtan(fl(x, prec)).Float64()
	return f
}

// Atan2 is CPython's m_atan2: C99's special cases, then a correctly
// rounded atan(y/x) in the right quadrant.
func Atan2(y, x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsNaN(y):
		return math.NaN()
	case math.IsInf(y, 0):
		if math.IsInf(x, 0) {
			if !math.Signbit(x) {
				return math.Copysign(0.25*math.Pi, y)
			}
			return math.Copysign(0.75*math.Pi, y)
		}
		return math.Copysign(0.5*math.Pi, y)
	case math.IsInf(x, 0) || y == 0:
		if !math.Signbit(x) {
			return math.Copysign(0, y)
		}
		return math.Copysign(math.Pi, y)
	case x == 0:
		return math.Copysign(0.5*math.Pi, y)
	}
	if f, ok := fastAtan2(y, x); ok {
		return f
	}
	p := uint(prec)
	a := bigAtan(newF(p).Quo(fl(math.Abs(y), p), fl(math.Abs(x), p)))
	if x < 0 {
		pi, _ := consts()
		a.Sub(newF(p).Set(pi), a)
	}
	f, _ := a.Float64()
	return math.Copysign(f, y)
}

// Asin is a correctly rounded arcsine (nan outside [-1, 1]).
func Asin(x float64) float64 {
	switch {
	case math.IsNaN(x) || x == 0:
		return x
	case math.Abs(x) > 1:
		return math.NaN()
	case math.Abs(x) == 1:
		return math.Copysign(math.Pi/2, x)
	}
	if f, ok := fastAsin(x); ok {
		return f
	}
	p := uint(prec)
	bx := fl(x, p)
	d := newF(p).Mul(bx, bx)
	d.Sub(fl(1, p), d)
	d.Sqrt(d)
	f, _ := bigAtan(d.Quo(bx, d)).Float64()
	return f
}

// Acos is a correctly rounded arccosine: 2 atan(sqrt((1-x)/(1+x))).
func Acos(x float64) float64 {
	switch {
	case math.IsNaN(x):
		return x
	case math.Abs(x) > 1:
		return math.NaN()
	case x == 1:
		return 0
	case x == -1:
		return math.Pi
	}
	if f, ok := fastAcos(x); ok {
		return f
	}
	p := uint(prec)
	bx := fl(x, p)
	one := fl(1, p)
	q := newF(p).Quo(newF(p).Sub(one, bx), newF(p).Add(one, bx))
	a := bigAtan(q.Sqrt(q))
	f, _ := a.SetMantExp(a, 1).Float64()
	return f
}

// Pow is C99's pow: a correctly rounded x**y, with C's results at the
// edges (nan for a negative x and non-integer y, ±inf for zero to a
// negative power and for overflow, Annex F for infinities and nans).
func Pow(x, y float64) float64 {
	if !isFinite(x) || !isFinite(y) {
		return powSpecial(x, y)
	}
	yInt := y == math.Trunc(y)
	yOdd := yInt && math.Mod(math.Abs(y), 2) == 1
	switch {
	case y == 0 || x == 1:
		return 1
	case x == 0:
		if y < 0 {
			if yOdd {
				return math.Copysign(math.Inf(1), x)
			}
			return math.Inf(1)
		}
		if yOdd {
			return x
		}
		return 0
	case x < 0 && !yInt:
		return math.NaN()
	}
	r, ok := fastPow(math.Abs(x), y)
	switch {
	case ok:
	case yInt && math.Abs(y) <= 1024:
		r = intPow(math.Abs(x), int64(y))
	default:
		r = expLogPow(math.Abs(x), y)
	}
	if x < 0 && yOdd {
		r = -r
	}
	return r
}

// intPow returns x**n for x > 0 exactly rounded, by exact repeated squaring.
func intPow(x float64, n int64) float64 {
	neg := n < 0
	if neg {
		n = -n
	}
	p := uint(53*n + 64)
	acc := fl(1, p)
	base := fl(x, p)
	for ; n > 0; n >>= 1 {
		if n&1 == 1 {
			acc.Mul(acc, base)
		}
		if n > 1 {
			base.Mul(base, base)
		}
	}
	if neg {
		acc = newF(prec).Quo(fl(1, prec), acc)
	}
	f, _ := acc.Float64()
	return f
}

// expLogPow returns exp(y * ln x) for x > 0.
func expLogPow(x, y float64) float64 {
	t := newF(prec).Mul(bigLog(fl(x, prec)), fl(y, prec))
	tf, _ := t.Float64()
	switch {
	case tf > 710:
		return math.Inf(1)
	case tf < -746:
		return 0
	}
	f, _ := bigExp(t).Float64()
	return f
}

// Exp2 is a correctly rounded 2**x.
func Exp2(x float64) float64 {
	switch {
	case math.IsNaN(x) || math.IsInf(x, 1):
		return x
	case math.IsInf(x, -1) || x < -1080:
		return 0
	case x >= 1024:
		return math.Inf(1)
	case x == math.Trunc(x):
		return math.Ldexp(1, int(x))
	}
	_, ln2 := consts()
	f, _ := bigExp(newF(prec).Mul(fl(x, prec), ln2)).Float64()
	return f
}

// Hypot is the correctly rounded Euclidean norm of finite xs: the exact
// sum of squares, then one rounding of its square root.
func Hypot(xs []float64) float64 {
	for _, x := range xs {
		if !isFinite(x) {
			return math.Inf(1) // callers handle infinities and nans first
		}
	}
	sum := newF(4400) // exact: squares span at most 2*(1024+1074+53) bits
	sq := newF(4400)
	for _, x := range xs {
		bx := fl(x, 4400)
		sum.Add(sum, sq.Mul(bx, bx))
	}
	if sum.Sign() == 0 {
		return 0
	}
	f, _ := newF(prec).Sqrt(newF(prec).Set(sum)).Float64()
	return f
}

// SumExact returns the correctly rounded sum of the products xs[i]*ys[i].
func SumExact(xs, ys []float64) float64 {
	for i := range xs {
		if !isFinite(xs[i]) || !isFinite(ys[i]) {
			var s float64
			for j := range xs {
				s += xs[j] * ys[j]
			}
			return s
		}
	}
	sum := newF(4400)
	p := newF(4400)
	for i := range xs {
		sum.Add(sum, p.Mul(fl(xs[i], 4400), fl(ys[i], 4400)))
	}
	f, _ := sum.Float64()
	return f
}

func isFinite(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }

// powSpecial is pow for an infinite or nan argument (what CPython's
// math.pow does itself before calling libm).
func powSpecial(x, y float64) float64 {
	switch {
	case math.IsNaN(x):
		if y == 0 {
			return 1
		}
		return x
	case math.IsNaN(y):
		if x == 1 {
			return 1
		}
		return y
	case math.IsInf(x, 0):
		oddY := isFinite(y) && math.Mod(math.Abs(y), 2.0) == 1.0
		switch {
		case y > 0:
			if oddY {
				return x
			}
			return math.Abs(x)
		case y == 0:
			return 1
		case oddY:
			return math.Copysign(0, x)
		}
		return 0
	}
	// y is infinite.
	switch {
	case math.Abs(x) == 1:
		return 1
	case y > 0 && math.Abs(x) > 1:
		return y
	case y < 0 && math.Abs(x) < 1:
		return -y
	}
	return 0
}
