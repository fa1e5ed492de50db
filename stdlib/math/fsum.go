package math

import "math"

// This file holds math.fsum: Shewchuk's exact summation with CPython's
// half-even correction across partials (Modules/mathmodule.c, math_fsum).

// fsumState accumulates the exact sum of floats as non-overlapping partials.
type fsumState struct {
	partials   []float64
	specialSum float64 // sum of the non-finite inputs
	infSum     float64 // sum of the infinite inputs (nan when +inf and -inf met)
	overflow   bool    // an intermediate sum overflowed
}

// add adds x to the exact sum.
func (s *fsumState) add(x float64) {
	xsave := x
	p := s.partials
	i := 0
	for _, y := range p {
		if math.Abs(x) < math.Abs(y) {
			x, y = y, x
		}
		hi := float64(x + y)
		yr := float64(hi - x)
		lo := float64(y - yr)
		if lo != 0 {
			p[i] = lo
			i++
		}
		x = hi
	}
	p = p[:i]
	switch {
	case x == 0:
	case math.IsInf(x, 0) || math.IsNaN(x):
		if !math.IsInf(xsave, 0) && !math.IsNaN(xsave) {
			s.overflow = true
		}
		if math.IsInf(xsave, 0) {
			s.infSum += xsave
		}
		s.specialSum += xsave
		p = p[:0]
	default:
		p = append(p, x)
	}
	s.partials = p
}

// result returns the correctly rounded sum, or the message of the
// exception CPython raises ("intermediate overflow in fsum" is an
// OverflowError, "-inf + inf in fsum" a ValueError).
func (s *fsumState) result() (sum float64, overflow bool, errMsg string) {
	if s.overflow {
		return 0, true, "intermediate overflow in fsum"
	}
	if s.specialSum != 0 || math.IsNaN(s.specialSum) {
		if math.IsNaN(s.infSum) {
			return 0, false, "-inf + inf in fsum"
		}
		return s.specialSum, false, ""
	}
	p := s.partials
	n := len(p)
	if n == 0 {
		return 0, false, ""
	}
	var lo float64
	n--
	hi := p[n]
	for n > 0 {
		x := hi
		n--
		y := p[n]
		hi = float64(x + y)
		yr := float64(hi - x)
		lo = float64(y - yr)
		if lo != 0 {
			break
		}
	}
	if n > 0 && ((lo < 0 && p[n-1] < 0) || (lo > 0 && p[n-1] > 0)) {
		y := lo * 2
		x := float64(hi + y)
		yr := float64(x - hi)
		if y == yr {
			hi = x
		}
	}
	return hi, false, ""
}
