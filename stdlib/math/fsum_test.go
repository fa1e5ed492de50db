package math

import (
	"math"
	"testing"
)

func TestFsum(t *testing.T) {
	inf := math.Inf(1)
	cases := []struct {
		in   []float64
		want float64
		err  string
	}{
		{[]float64{0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}, 1.0, ""},
		{[]float64{1e-16, 1, 1e16}, 1.0000000000000002e+16, ""},
		{[]float64{1e308, 1e308, -1e308}, 0, "intermediate overflow in fsum"},
		{[]float64{1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50}, 1e-100, ""},
		{[]float64{inf, 1}, inf, ""},
		{[]float64{inf, -inf}, 0, "-inf + inf in fsum"},
		{nil, 0, ""},
		{[]float64{math.Copysign(0, -1)}, 0, ""},
		{[]float64{1.7976931348623157e308, -1.7976931348623157e308, 1.0}, 1, ""},
		{[]float64{9007199254740992.0, 1.0, -0.5}, 9007199254740992.0, ""},
	}
	for _, c := range cases {
		var s fsumState
		for _, x := range c.in {
			s.add(x)
		}
		got, _, err := s.result()
		if err != c.err || got != c.want || math.Signbit(got) != math.Signbit(c.want) {
			t.Errorf("fsum(%v) = %v, %q; want %v, %q", c.in, got, err, c.want, c.err)
		}
	}
	var s fsumState
	s.add(math.NaN())
	s.add(1)
	if got, _, _ := s.result(); !math.IsNaN(got) {
		t.Errorf("fsum([nan, 1]) = %v", got)
	}
}
