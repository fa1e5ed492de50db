package runtime

// This file computes x ** y for non-integer exponents in 160-bit binary
// floating point (exp(y·ln x)) and rounds once, so results agree with C's
// libm pow to the last bit, which Go's math.Pow does not.

import (
	"math"
	"math/big"
)

// powPrec is the working precision of powLogExp.
const powPrec = 160

// ln2Big is ln 2 to more than powPrec bits.
var ln2Big, _, _ = big.ParseFloat("0.69314718055994530941723212145817656807550013436025525412068000949339362196969471560586332699641868754200148102057068573368552023575813055703267075163507596193072757082837143519030703862389167347112335", 10, powPrec+32, big.ToNearestEven)

// newPowFloat returns a big.Float of the working precision.
func newPowFloat() *big.Float { return new(big.Float).SetPrec(powPrec) }

// powLogExp is v ** w for finite v > 0 and finite w.
func powLogExp(v, w float64) float64 {
	t := newPowFloat().Mul(bigLog(v), newPowFloat().SetFloat64(w))
	tf, _ := t.Float64()
	switch {
	case tf > 1100:
		return math.Inf(1)
	case tf < -1100:
		return 0
	}
	r, _ := bigExp(t, tf).Float64()
	return r
}

// bigLog is ln v for finite v > 0: ln m + e·ln 2 with m in [√½, √2), and
// ln m = 2·atanh((m-1)/(m+1)) by its series.
func bigLog(v float64) *big.Float {
	m, e := math.Frexp(v)
	if m < math.Sqrt2/2 {
		m, e = m*2, e-1
	}
	bm := newPowFloat().SetFloat64(m)
	one := newPowFloat().SetInt64(1)
	z := newPowFloat().Quo(newPowFloat().Sub(bm, one), newPowFloat().Add(bm, one))
	z2 := newPowFloat().Mul(z, z)
	sum, term := newPowFloat().Set(z), newPowFloat().Set(z)
	tiny := new(big.Float).SetMantExp(big.NewFloat(1), -powPrec-8)
	for k := int64(3); ; k += 2 {
		term.Mul(term, z2)
		q := newPowFloat().Quo(term, newPowFloat().SetInt64(k))
		if q.Sign() == 0 || new(big.Float).Abs(q).Cmp(tiny) < 0 {
			break
		}
		sum.Add(sum, q)
	}
	sum.Mul(sum, newPowFloat().SetInt64(2))
	return sum.Add(sum, newPowFloat().Mul(newPowFloat().SetInt64(int64(e)), ln2Big))
}

// bigExp is e**t (tf is t rounded): 2**k · exp(r) with r = t - k·ln 2,
// exp(r) by Taylor's series on r/2**10, squared ten times.
func bigExp(t *big.Float, tf float64) *big.Float {
	k := math.Round(tf / math.Ln2)
	r := newPowFloat().Sub(t, newPowFloat().Mul(newPowFloat().SetFloat64(k), ln2Big))
	const halvings = 10
	r.SetMantExp(r, -halvings)
	sum, term := newPowFloat().SetInt64(1), newPowFloat().SetInt64(1)
	tiny := new(big.Float).SetMantExp(big.NewFloat(1), -powPrec-8)
	for n := int64(1); n < 40; n++ {
		term.Mul(term, r)
		term.Quo(term, newPowFloat().SetInt64(n))
		sum.Add(sum, term)
		if term.Sign() == 0 || new(big.Float).Abs(term).Cmp(tiny) < 0 {
			break
		}
	}
	for i := 0; i < halvings; i++ {
		sum.Mul(sum, sum)
	}
	return sum.SetMantExp(sum, int(k))
}
