package libm

import (
	"math"
	"testing"
)

// TestHypot2 uses values where glibc's hypot (CPython's abs(complex)) is
// not correctly rounded, so only a faithful port prints them.
func TestHypot2(t *testing.T) {
	tests := [][3]float64{
		{5.0138457605101046, 13.432858478081986, 14.33807295986334},
		{8.401214226219766, 8.292922581795859, 11.804785699981897},
		{19.559303171419124, 12.419022784640692, 23.16891165931},
		{12.467807255386099, 11.350214444291593, 16.86041475435476},
		{3, 4, 5},
		{1e308, 1e308, 1.4142135623730951e+308},
		{1.7e308, 1.7e308, math.Inf(1)},
		{math.Inf(-1), math.NaN(), math.Inf(1)},
	}
	for _, tt := range tests {
		if got := Hypot2(tt[0], tt[1]); got != tt[2] {
			t.Errorf("Hypot2(%v, %v) = %v, want %v", tt[0], tt[1], got, tt[2])
		}
	}
	if got := Hypot2(math.NaN(), 1); !math.IsNaN(got) {
		t.Errorf("Hypot2(nan, 1) = %v, want nan", got)
	}
}
