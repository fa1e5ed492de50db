package cmath

import (
	"math"
	"testing"
)

// TestFiniteAlgorithms checks values CPython 3.12 prints for finite
// arguments, bit for bit.
func TestFiniteAlgorithms(t *testing.T) {
	tests := []struct {
		name string
		f    cfunc
		z    complex128
		want complex128
	}{
		{"sqrt", cSqrt, complex(-1, 0), complex(0, 1)},
		{"sqrt", cSqrt, complex(0, 1), complex(0.7071067811865476, 0.7071067811865475)},
		{"sqrt", cSqrt, complex(1e-310, 1e-310), complex(1.0986841134678082e-155, 4.550898605622267e-156)},
		{"exp", cExp, complex(0, 1), complex(0.5403023058681398, 0.8414709848078965)},
		{"log", cLog, complex(3, 4), complex(1.6094379124341003, 0.9272952180016122)},
		{"atanh", cAtanh, complex(0.5, 0.5), complex(0.40235947810852507, 0.5535743588970452)},
		{"acos", cAcos, complex(2, 0), complex(0, -1.3169578969248166)},
	}
	for _, tt := range tests {
		got, ok := tt.f(tt.z)
		if !ok || got != tt.want {
			t.Errorf("%s(%v) = %v, %v; want %v", tt.name, tt.z, got, ok, tt.want)
		}
	}
	if _, ok := cLog(0); ok {
		t.Error("log(0) should be a domain error")
	}
}

func TestRectSpecial(t *testing.T) {
	inf := math.Inf(1)
	if z := rectSpecial(-inf, 0); real(z) != -inf || !math.Signbit(imag(z)) {
		t.Errorf("rect(-inf, 0) = %v, want (-inf-0j)", z)
	}
	if z := rectSpecial(inf, math.NaN()); real(z) != inf || !math.IsNaN(imag(z)) {
		t.Errorf("rect(inf, nan) = %v, want (inf+nanj)", z)
	}
}
