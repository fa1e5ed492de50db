package runtime

// This file is the fast path of accuratePow: x**y as exp(y·ln x) in
// double-double arithmetic (about 100 bits), accepted only when that
// approximation cannot round differently from the exact value; otherwise
// the 160-bit path in floatpow.go decides.

import "math"

// dd is a double-double number hi + lo with |lo| <= ulp(hi)/2.
type dd struct{ hi, lo float64 }

// twoSum returns a+b exactly as a double-double.
func twoSum(a, b float64) dd {
	s := a + b
	bb := s - a
	return dd{s, (a - (s - bb)) + (b - bb)}
}

// quickTwoSum is twoSum for |a| >= |b|.
func quickTwoSum(a, b float64) dd {
	s := a + b
	return dd{s, b - (s - a)}
}

// ddAdd is x + y.
func ddAdd(x, y dd) dd {
	s := twoSum(x.hi, y.hi)
	t := twoSum(x.lo, y.lo)
	s.lo += t.hi
	s = quickTwoSum(s.hi, s.lo)
	s.lo += t.lo
	return quickTwoSum(s.hi, s.lo)
}

// ddMul is x * y.
func ddMul(x, y dd) dd {
	p := x.hi * y.hi
	e := math.FMA(x.hi, y.hi, -p)
	e += x.hi*y.lo + x.lo*y.hi
	return quickTwoSum(p, e)
}

// ddMulF is x * f for a double f.
func ddMulF(x dd, f float64) dd {
	p := x.hi * f
	e := math.FMA(x.hi, f, -p)
	e += x.lo * f
	return quickTwoSum(p, e)
}

// ddDiv is x / y.
func ddDiv(x, y dd) dd {
	q1 := x.hi / y.hi
	r := ddAdd(x, ddMulF(y, -q1))
	q2 := r.hi / y.hi
	r = ddAdd(r, ddMulF(y, -q2))
	q3 := r.hi / y.hi
	q := quickTwoSum(q1, q2)
	return ddAdd(q, dd{q3, 0})
}

// ddRecip holds 1/k as double-doubles for the series (k < 80).
var ddRecip = func() (t [80]dd) {
	for k := 1; k < len(t); k++ {
		t[k] = ddDiv(dd{1, 0}, dd{float64(k), 0})
	}
	return t
}()

// ddLn2 is ln 2 as a double-double.
var ddLn2 = dd{0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56}

// ddLog is ln x for finite x > 0: ln m + e·ln 2 with m in [√½, √2),
// ln m = 2·atanh((m-1)/(m+1)) by its series.
func ddLog(x float64) dd {
	m, e := math.Frexp(x)
	if m < math.Sqrt2/2 {
		m, e = m*2, e-1
	}
	t := ddDiv(twoSum(m, -1), twoSum(m, 1))
	t2 := ddMul(t, t)
	sum, term := t, t
	for k := 3; k < len(ddRecip); k += 2 {
		term = ddMul(term, t2)
		q := ddMul(term, ddRecip[k])
		sum = ddAdd(sum, q)
		if math.Abs(q.hi) < 0x1p-110*math.Abs(sum.hi) {
			break
		}
	}
	sum = ddMulF(sum, 2)
	return ddAdd(sum, ddMulF(ddLn2, float64(e)))
}

// ddExp is e**t for |t| < 750: 2**k · exp(r) with r = t - k·ln 2,
// exp(r) by Taylor's series on r/2**8, squared eight times.
func ddExp(t dd) dd {
	k := math.Round(t.hi / math.Ln2)
	r := ddAdd(t, ddMulF(ddLn2, -k))
	r = dd{r.hi / 256, r.lo / 256}
	sum, term := dd{1, 0}, dd{1, 0}
	for n := 1; n < 30; n++ {
		term = ddMul(ddMul(term, r), ddRecip[n])
		sum = ddAdd(sum, term)
		if math.Abs(term.hi) < 0x1p-110 {
			break
		}
	}
	for i := 0; i < 8; i++ {
		sum = ddMul(sum, sum)
	}
	return dd{math.Ldexp(sum.hi, int(k)), math.Ldexp(sum.lo, int(k))}
}

// fastPow is v**w for finite v > 0 and finite w != 0 when the
// double-double result rounds safely; ok is false otherwise (including
// results near overflow or in the subnormal range).
func fastPow(v, w float64) (float64, bool) {
	t := ddMulF(ddLog(v), w)
	if math.Abs(t.hi) > 700 {
		return 0, false
	}
	r := ddExp(t)
	if r.hi == 0 || math.Abs(r.hi) < 0x1p-1000 {
		return 0, false
	}
	s := quickTwoSum(r.hi, r.lo)
	ulp := math.Nextafter(s.hi, math.Inf(1)) - s.hi
	if s.lo < 0 {
		ulp = s.hi - math.Nextafter(s.hi, 0)
	}
	err := 0x1p-85 * math.Abs(s.hi)
	if math.Abs(math.Abs(s.lo)-ulp/2) <= err {
		return 0, false
	}
	if math.Abs(s.lo) > ulp/2 {
		return 0, false
	}
	return s.hi, true
}
