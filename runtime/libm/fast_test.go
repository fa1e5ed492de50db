package libm

import (
	"math"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
)

// TestFastPaths checks that every double-double result the fast paths
// accept equals the math/big one (LIBM_N raises the count of inputs).
func TestFastPaths(t *testing.T) {
	n := 1500
	if s := os.Getenv("LIBM_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	wide := func() float64 { // any magnitude, either sign
		return math.Copysign(math.Ldexp(1+rng.Float64(), rng.IntN(120)-60), rng.Float64()-0.5)
	}
	unit := func() float64 { return 2*rng.Float64() - 1 }
	angle := func() float64 { // below 2**20, where reduction is fast
		return math.Copysign(math.Ldexp(1+rng.Float64(), rng.IntN(80)-60), rng.Float64()-0.5)
	}
	cases := []struct {
		name string
		fast func(x, y float64) (float64, bool)
		big  func(x, y float64) float64
		gen  func() (float64, float64)
	}{
		{"log", func(x, _ float64) (float64, bool) { return fastLog(x) }, func(x, _ float64) float64 { f, _ := bigLog(fl(x, prec)).Float64(); return f },
			func() (float64, float64) { return math.Abs(wide()), 0 }},
		{"log2", func(x, _ float64) (float64, bool) { return fastLog2(x) }, func(x, _ float64) float64 {
			_, ln2 := consts()
			f, _ := newF(prec).Quo(bigLog(fl(x, prec)), ln2).Float64()
			return f
		}, func() (float64, float64) { return math.Abs(wide()), 0 }},
		{"sin", func(x, _ float64) (float64, bool) { return fastSin(x) }, func(x, _ float64) float64 { s, _ := bigSinCos(x); f, _ := s.Float64(); return f },
			func() (float64, float64) { return angle(), 0 }},
		{"cos", func(x, _ float64) (float64, bool) { return fastCos(x) }, func(x, _ float64) float64 { _, c := bigSinCos(x); f, _ := c.Float64(); return f },
			func() (float64, float64) { return angle(), 0 }},
		{"tan", func(x, _ float64) (float64, bool) { return fastTan(x) }, func(x, _ float64) float64 {
			s, c := bigSinCos(x)
			f, _ := newF(prec).Quo(s, c).Float64()
			return f
		}, func() (float64, float64) { return angle(), 0 }},
		{"atan", func(x, _ float64) (float64, bool) { return fastAtan(x) }, func(x, _ float64) float64 { f, _ := bigAtan(fl(x, prec)).Float64(); return f },
			func() (float64, float64) { return wide(), 0 }},
		{"atan2", fastAtan2, func(y, x float64) float64 {
			a := bigAtan(newF(prec).Quo(fl(math.Abs(y), prec), fl(math.Abs(x), prec)))
			if x < 0 {
				pi, _ := consts()
				a.Sub(newF(prec).Set(pi), a)
			}
			f, _ := a.Float64()
			return math.Copysign(f, y)
		}, func() (float64, float64) { return wide(), wide() }},
		{"asin", func(x, _ float64) (float64, bool) { return fastAsin(x) }, func(x, _ float64) float64 {
			bx := fl(x, prec)
			d := newF(prec).Mul(bx, bx)
			d.Sub(fl(1, prec), d)
			d.Sqrt(d)
			f, _ := bigAtan(d.Quo(bx, d)).Float64()
			return f
		}, func() (float64, float64) { return unit(), 0 }},
		{"acos", func(x, _ float64) (float64, bool) { return fastAcos(x) }, func(x, _ float64) float64 {
			bx := fl(x, prec)
			one := fl(1, prec)
			q := newF(prec).Quo(newF(prec).Sub(one, bx), newF(prec).Add(one, bx))
			a := bigAtan(q.Sqrt(q))
			f, _ := a.SetMantExp(a, 1).Float64()
			return f
		}, func() (float64, float64) { return unit(), 0 }},
		{"pow", fastPow, func(x, y float64) float64 {
			if y == math.Trunc(y) && math.Abs(y) <= 1024 {
				return intPow(x, int64(y))
			}
			return expLogPow(x, y)
		}, func() (float64, float64) {
			x := math.Abs(wide()) / 1e6
			if rng.IntN(4) == 0 {
				return x, float64(rng.IntN(40) - 20)
			}
			return x, 20*rng.Float64() - 10
		}},
	}
	for _, c := range cases {
		fallbacks := 0
		for i := 0; i < n; i++ {
			x, y := c.gen()
			got, ok := c.fast(x, y)
			if !ok {
				fallbacks++
				continue
			}
			if want := c.big(x, y); got != want {
				t.Errorf("%s(%v, %v): fast %v, big %v", c.name, x, y, got, want)
			}
		}
		if fallbacks > n/50+2 {
			t.Errorf("%s: %d of %d inputs fell back", c.name, fallbacks, n)
		}
	}
}
