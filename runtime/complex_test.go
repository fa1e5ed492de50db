package runtime

import (
	"math"
	"testing"
)

func TestComplexRepr(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		z    complex128
		want string
	}{
		{complex(0, 1), "1j"},
		{complex(0, 0), "0j"},
		{complex(math.Copysign(0, -1), 0), "(-0+0j)"},
		{complex(math.Copysign(0, -1), -1), "(-0-1j)"},
		{complex(0, math.Copysign(0, -1)), "-0j"},
		{complex(1, 2), "(1+2j)"},
		{complex(1.5, -2.25), "(1.5-2.25j)"},
		{complex(1e20, 1), "(1e+20+1j)"},
		{complex(1e16, 1e-7), "(1e+16+1e-07j)"},
		{complex(nan, inf), "(nan+infj)"},
		{complex(1, -nan), "(1+nanj)"},
		{complex(-inf, -inf), "(-inf-infj)"},
		{complex(0, 123456789012345678), "1.2345678901234568e+17j"},
	}
	for _, tt := range tests {
		if got := ComplexRepr(tt.z); got != tt.want {
			t.Errorf("ComplexRepr(%v) = %q, want %q", tt.z, got, tt.want)
		}
	}
}

func TestParseComplex(t *testing.T) {
	inf := math.Inf(1)
	good := map[string]complex128{
		"1": 1, "1j": 1i, "-j": -1i, "+J": 1i, "j": 1i, "1+j": 1 + 1i, "1-j": 1 - 1i,
		" (1+2j) ": 1 + 2i, "( 1-2j )": 1 - 2i, "1e3j": 1000i, ".5-5.j": 0.5 - 5i,
		"-infj": complex(0, -inf), "inf+infinityj": complex(inf, inf), "1_0+2_5j": 10 + 25i,
		"1e+2+1e-2j": 100 + 0.01i, "1e400": complex(inf, 0),
	}
	for s, want := range good {
		got, err := ParseComplex(s)
		if err != nil || got != want {
			t.Errorf("ParseComplex(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", " ", "1+", "1+2", "1j+2", "j1", "1jj", "(1+2j", "1+2j)", "()",
		"1__0", "_1", "1_", "1e", "1 + 2j", "1e+j", "--1j", "nanx", "+-1j"} {
		if z, err := ParseComplex(s); err == nil {
			t.Errorf("ParseComplex(%q) = %v, want an error", s, z)
		}
	}
}

func TestComplexHashMatchesReal(t *testing.T) {
	for _, x := range []float64{0, 1, -1, 2.5, 1e300, -1e-300, math.Inf(1)} {
		if h, want := complexHash(complex(x, 0)), hashFloat(x); h != want {
			t.Errorf("hash(complex(%v, 0)) = %d, want %d", x, h, want)
		}
	}
	if h := complexHash(complex(0, 1)); h != 1000003 {
		t.Errorf("hash(1j) = %d, want 1000003", h)
	}
}
