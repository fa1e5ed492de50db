package libm

// This file ports glibc's two-argument hypot (2.35 and later, the
// variant without fused multiply-add): CPython's abs(complex) and cmath
// call it, and it is not always correctly rounded, so pyish must round
// the same way.

import "math"

const (
	hypotScale = 0x1p-600
	hypotLarge = 0x1p+511
	hypotTiny  = 0x1p-511
	hypotEps   = 0x1p-54
)

// Hypot2 is C's hypot(x, y): an infinity wins over a nan.
func Hypot2(x, y float64) float64 {
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return math.Inf(1)
	}
	if math.IsNaN(x) || math.IsNaN(y) {
		return x + y
	}
	x, y = math.Abs(x), math.Abs(y)
	ax, ay := max(x, y), min(x, y)
	switch {
	case ax > hypotLarge:
		if ay <= ax*hypotEps {
			return ax + ay
		}
		return hypotKernel(ax*hypotScale, ay*hypotScale) / hypotScale
	case ay < hypotTiny:
		if ax >= ay/hypotEps {
			return ax + ay
		}
		return hypotKernel(ax/hypotScale, ay/hypotScale) * hypotScale
	case ay <= ax*hypotEps:
		return ax + ay
	}
	return hypotKernel(ax, ay)
}

// hypotKernel is sqrt(ax² + ay²) for ax >= ay >= 0 in range, with one
// correction step; float64() keeps every product rounded as in C.
func hypotKernel(ax, ay float64) float64 {
	h := math.Sqrt(float64(ax*ax) + float64(ay*ay))
	var t1, t2 float64
	if h <= 2*ay {
		delta := h - ay
		t1 = ax * (2*delta - ax)
		t2 = (delta - 2*(ax-ay)) * delta
	} else {
		delta := h - ax
		t1 = 2 * delta * (ax - 2*ay)
		t2 = float64((4*delta-ay)*ay) + float64(delta*delta)
	}
	return h - (t1+t2)/(2*h)
}
