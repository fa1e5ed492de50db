package libm

import (
	"math"
	"sync"
)

// This file holds double-double arithmetic (about 106 bits) and the fast
// paths built on it: each computes a function with a known error bound
// and returns the nearest float64 only when that bound cannot change the
// rounding; otherwise the caller falls back to math/big. Intermediate
// sums and products must be rounded exactly as written, so error-free
// transformations use math.FMA and explicit float64 conversions.

// dd is the unevaluated sum hi + lo with |lo| <= ulp(hi)/2.
type dd struct{ hi, lo float64 }

// Constants as double-doubles (and a third word where it matters).
var (
	ddLn2  = dd{0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56}
	ln2Lo2 = 0x1.7b57a079a1934p-111
	ddPio2 = dd{0x1.921fb54442d18p+0, 0x1.1a62633145c07p-54}
	pio2Lo = -0x1.f1976b7ed8fbcp-110
	ddPi   = dd{0x1.921fb54442d18p+1, 0x1.1a62633145c07p-53}
	invLn2 = 0x1.71547652b82fep+0
	twoOPi = 0x1.45f306dc9c883p-1
	ddOne  = dd{1, 0}
)

// invInt[n] is 1/n as a double-double, for the series' coefficients.
var invInt = func() (t [64]dd) {
	for n := 1; n < len(t); n++ {
		t[n] = ddDiv(ddOne, dd{float64(n), 0})
	}
	return t
}()

func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := float64(s - a)
	e = float64(a-float64(s-bb)) + float64(b-bb)
	return s, e
}

// fastTwoSum requires |a| >= |b| (or a == 0).
func fastTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - float64(s-a)
	return s, e
}

func twoProd(a, b float64) (p, e float64) {
	p = a * b
	return p, math.FMA(a, b, -p)
}

func ddAdd(x, y dd) dd {
	s, e := twoSum(x.hi, y.hi)
	t, f := twoSum(x.lo, y.lo)
	e += t
	s, e = fastTwoSum(s, e)
	e += f
	s, e = fastTwoSum(s, e)
	return dd{s, e}
}

func ddNeg(x dd) dd { return dd{-x.hi, -x.lo} }

func ddSub(x, y dd) dd { return ddAdd(x, ddNeg(y)) }

func ddMul(x, y dd) dd {
	p, e := twoProd(x.hi, y.hi)
	e += float64(x.hi*y.lo) + float64(x.lo*y.hi)
	p, e = fastTwoSum(p, e)
	return dd{p, e}
}

func ddMulF(x dd, y float64) dd {
	p, e := twoProd(x.hi, y)
	e += float64(x.lo * y)
	p, e = fastTwoSum(p, e)
	return dd{p, e}
}

func ddDiv(x, y dd) dd {
	q1 := x.hi / y.hi
	r := ddSub(x, ddMulF(y, q1))
	q2 := r.hi / y.hi
	r = ddSub(r, ddMulF(y, q2))
	q3 := r.hi / y.hi
	q1, q2 = fastTwoSum(q1, q2)
	return ddAdd(dd{q1, q2}, dd{q3, 0})
}

func ddSqrt(a dd) dd {
	s := math.Sqrt(a.hi)
	p, pe := twoProd(s, s)
	r := float64(float64(float64(a.hi-p)-pe)+a.lo) / float64(2*s)
	s, r = fastTwoSum(s, r)
	return dd{s, r}
}

func ddScale(x dd, k int) dd { return dd{math.Ldexp(x.hi, k), math.Ldexp(x.lo, k)} }

// roundDD returns the float64 nearest v when every value within v*(1±rel)
// rounds to it; ok is false when the bound straddles a rounding boundary
// or v is not a normal float.
func roundDD(v dd, rel float64) (float64, bool) {
	hi, lo := fastTwoSum(v.hi, v.lo)
	a := math.Abs(hi)
	if !(a >= 0x1p-1000 && a <= 0x1p1000) {
		return 0, false
	}
	err := 2*rel*a + math.Abs(lo)*0x1p-52
	if float64(hi+float64(lo+err)) != hi || float64(hi+float64(lo-err)) != hi {
		return 0, false
	}
	return hi, true
}

// expDD is e**t for |t| < 708: the reduced value and the power of two.
func expDD(t dd) (dd, int) {
	k := math.Round(t.hi * invLn2)
	p, pe := twoProd(k, ddLn2.hi)
	s, se := twoSum(t.hi, -p)
	r := ddAdd(dd{s, se}, dd{t.lo - pe, 0})
	r = ddSub(r, ddMulF(dd{ddLn2.lo, ln2Lo2}, k))
	r = ddScale(r, -8)
	sum, term := r, r
	for n := 2.0; n <= 11; n++ {
		term = ddMul(ddMul(term, r), invInt[int(n)])
		sum = ddAdd(sum, term)
	}
	two := dd{2, 0}
	for i := 0; i < 8; i++ {
		sum = ddMul(sum, ddAdd(sum, two))
	}
	return ddAdd(ddOne, sum), int(k)
}

// logDD is ln x for a positive normal x.
func logDD(x float64) dd {
	m, e := math.Frexp(x)
	if m < math.Sqrt2/2 {
		m *= 2
		e--
	}
	dh, dl := twoSum(m, 1)
	z := ddDiv(dd{m - 1, 0}, dd{dh, dl})
	z2 := ddMul(z, z)
	sum, pow := z, z
	for k := 1; k < 31; k++ {
		pow = ddMul(pow, z2)
		t := ddMul(pow, invInt[2*k+1])
		sum = ddAdd(sum, t)
		if math.Abs(t.hi) < 0x1p-112*math.Abs(sum.hi) {
			break
		}
	}
	res := ddScale(sum, 1)
	if e != 0 {
		fe := float64(e)
		res = ddAdd(res, ddAdd(ddMulF(ddLn2, fe), dd{ln2Lo2 * fe, 0}))
	}
	return res
}

func fastLog(x float64) (float64, bool) {
	if !(x >= 0x1p-1000 && x <= 0x1p1000) {
		return 0, false
	}
	return roundDD(logDD(x), 0x1p-92)
}

func fastLog2(x float64) (float64, bool) {
	if !(x >= 0x1p-1000 && x <= 0x1p1000) {
		return 0, false
	}
	return roundDD(ddDiv(logDD(x), ddLn2), 0x1p-90)
}

// fastPow is x**y for x > 0 through exp(y ln x).
func fastPow(x, y float64) (float64, bool) {
	if !(x >= 0x1p-1000 && x <= 0x1p1000) {
		return 0, false
	}
	t := ddMulF(logDD(x), y)
	if !(math.Abs(t.hi) < 700) {
		return 0, false
	}
	v, k := expDD(t)
	f, ok := roundDD(v, 0x1p-92*(1+math.Abs(t.hi)))
	return math.Ldexp(f, k), ok
}

// reduceDD returns r = x - k*pi/2 and k mod 4 for |x| < 2**20, with the
// relative error bound of r; ok is false when r is too small to trust.
func reduceDD(x float64) (r dd, quad int, rel float64, ok bool) {
	k := math.Round(x * twoOPi)
	p, pe := twoProd(k, ddPio2.hi)
	s, se := twoSum(x, -p)
	r = ddAdd(dd{s, se}, dd{-pe, 0})
	r = ddSub(r, ddMulF(dd{ddPio2.lo, pio2Lo}, k))
	ar := math.Abs(r.hi)
	if k == 0 {
		return r, 0, 0x1p-104, true // r is x itself
	}
	if ar < 0x1p-30 {
		return dd{}, 0, 0, false
	}
	rel = (math.Abs(k)*0x1p-160+math.Abs(x)*0x1p-106)/ar + 0x1p-100
	return r, int(int64(k) & 3), rel, true
}

// sinCosTable holds sin and cos of j/64 for j = 0..51 (to just past
// pi/4), computed once by the series.
var sinCosTable = sync.OnceValue(func() (t [52][2]dd) {
	for j := range t {
		s, c := sinCosSeriesDD(dd{float64(j) / 64, 0})
		t[j] = [2]dd{s, c}
	}
	return t
})

// sinCosDD returns sin r and cos r for |r| <= pi/4 + tiny: r = a + b with
// a = j/64 from the table and |b| <= 1/128, by the angle-sum formulas.
func sinCosDD(r dd) (s, c dd) {
	neg := r.hi < 0
	if neg {
		r = ddNeg(r)
	}
	j := int(math.Round(r.hi * 64))
	if j == 0 {
		s, c = sinCosShort(r)
	} else {
		t := sinCosTable()[j]
		sb, cb := sinCosShort(ddSub(r, dd{float64(j) / 64, 0}))
		s = ddAdd(ddMul(t[0], cb), ddMul(t[1], sb))
		c = ddSub(ddMul(t[1], cb), ddMul(t[0], sb))
	}
	if neg {
		s = ddNeg(s)
	}
	return s, c
}

// sinCosShort is the series for |r| <= 1/128 (six terms reach 2**-120).
func sinCosShort(r dd) (s, c dd) {
	r2 := ddMul(r, r)
	s, c = r, ddOne
	ts, tc := r, ddOne
	for n := 1.0; n <= 6; n++ {
		i := int(2 * n)
		ts = ddMul(ddMul(ddMul(ts, r2), invInt[i]), invInt[i+1])
		tc = ddMul(ddMul(ddMul(tc, r2), invInt[i-1]), invInt[i])
		if int(n)%2 == 1 {
			s, c = ddSub(s, ts), ddSub(c, tc)
		} else {
			s, c = ddAdd(s, ts), ddAdd(c, tc)
		}
	}
	return s, c
}

// sinCosSeriesDD is the plain series for |r| <= pi/4 + tiny.
func sinCosSeriesDD(r dd) (s, c dd) {
	r2 := ddMul(r, r)
	s, c = r, ddOne
	ts, tc := r, ddOne
	for n := 1.0; n <= 15; n++ {
		i := int(2 * n)
		ts = ddMul(ddMul(ddMul(ts, r2), invInt[i]), invInt[i+1])
		tc = ddMul(ddMul(ddMul(tc, r2), invInt[i-1]), invInt[i])
		if int(n)%2 == 1 {
			s, c = ddSub(s, ts), ddSub(c, tc)
		} else {
			s, c = ddAdd(s, ts), ddAdd(c, tc)
		}
	}
	return s, c
}

// fastSinCos returns sin x and cos x as double-doubles with their bound.
func fastSinCos(x float64) (s, c dd, rel float64, ok bool) {
	if !(math.Abs(x) < 0x1p20) {
		return dd{}, dd{}, 0, false
	}
	r, quad, rel, ok := reduceDD(x)
	if !ok {
		return dd{}, dd{}, 0, false
	}
	s, c = sinCosDD(r)
	switch quad {
	case 1:
		s, c = c, ddNeg(s)
	case 2:
		s, c = ddNeg(s), ddNeg(c)
	case 3:
		s, c = ddNeg(c), s
	}
	return s, c, 2*rel + 0x1p-96, true
}

func fastSin(x float64) (float64, bool) {
	s, _, rel, ok := fastSinCos(x)
	if !ok {
		return 0, false
	}
	return roundDD(s, rel)
}

func fastCos(x float64) (float64, bool) {
	_, c, rel, ok := fastSinCos(x)
	if !ok {
		return 0, false
	}
	return roundDD(c, rel)
}

func fastTan(x float64) (float64, bool) {
	s, c, rel, ok := fastSinCos(x)
	if !ok {
		return 0, false
	}
	return roundDD(ddDiv(s, c), 2*rel+0x1p-96)
}

// atanDD is atan t for a double-double t.
func atanDD(t dd) dd {
	neg := t.hi < 0
	if neg {
		t = ddNeg(t)
	}
	inverted := t.hi > 1
	if inverted {
		t = ddDiv(ddOne, t)
	}
	for i := 0; i < 3; i++ {
		t = ddDiv(t, ddAdd(ddOne, ddSqrt(ddAdd(ddOne, ddMul(t, t)))))
	}
	t2 := ddMul(t, t)
	sum, pow := t, t
	for k := 1; k < 31; k++ {
		pow = ddMul(pow, t2)
		term := ddMul(pow, invInt[2*k+1])
		if k%2 == 1 {
			sum = ddSub(sum, term)
		} else {
			sum = ddAdd(sum, term)
		}
		if math.Abs(term.hi) < 0x1p-112*math.Abs(sum.hi) {
			break
		}
	}
	res := ddScale(sum, 3)
	if inverted {
		res = ddSub(ddPio2, res)
	}
	if neg {
		res = ddNeg(res)
	}
	return res
}

func fastAtan(x float64) (float64, bool) {
	if !(math.Abs(x) >= 0x1p-500 && math.Abs(x) <= 0x1p500) {
		return 0, false
	}
	return roundDD(atanDD(dd{x, 0}), 0x1p-90)
}

// fastAtan2 handles finite nonzero x and y (the special cases are done).
func fastAtan2(y, x float64) (float64, bool) {
	ay, ax := math.Abs(y), math.Abs(x)
	q := ay / ax
	if !(q >= 0x1p-500 && q <= 0x1p500) {
		return 0, false
	}
	a := atanDD(ddDiv(dd{ay, 0}, dd{ax, 0}))
	if x < 0 {
		a = ddSub(ddPi, a)
	}
	f, ok := roundDD(a, 0x1p-90)
	return math.Copysign(f, y), ok
}

// oneMinusSquare is 1 - x*x as a double-double.
func oneMinusSquare(x float64) dd {
	p, e := twoProd(x, x)
	s, se := twoSum(1, -p)
	return ddAdd(dd{s, se}, dd{-e, 0})
}

func fastAsin(x float64) (float64, bool) {
	if !(math.Abs(x) >= 0x1p-500 && math.Abs(x) < 1) {
		return 0, false
	}
	d := oneMinusSquare(x)
	if d.hi < 0x1p-500 {
		return 0, false
	}
	return roundDD(atanDD(ddDiv(dd{x, 0}, ddSqrt(d))), 0x1p-88)
}

func fastAcos(x float64) (float64, bool) {
	if !(math.Abs(x) < 1) {
		return 0, false
	}
	nh, nl := twoSum(1, -x)
	dh, dl := twoSum(1, x)
	q := ddDiv(dd{nh, nl}, dd{dh, dl})
	if q.hi < 0x1p-500 {
		return 0, false
	}
	return roundDD(ddScale(atanDD(ddSqrt(q)), 1), 0x1p-88)
}
