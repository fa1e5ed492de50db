package random

import (
	"math"

	"github.com/pyish/pyish/runtime"
	"github.com/pyish/pyish/runtime/libm"
)

// This file holds the real-valued distributions of Lib/random.py. Each
// operation is rounded to float64 on its own (float64(...) conversions)
// so that the compiler cannot fuse a multiply and an add: the results
// must be CPython's to the last bit.

var (
	nvMagicConst = 4 * libm.Exp(-0.5) / math.Sqrt(2.0)
	twoPi        = 2.0 * math.Pi
	log4         = libm.Log(4.0)
	sgMagicConst = 1.0 + libm.Log(4.5)
)

func distMethods() map[string]runtime.MethodFunc {
	return map[string]runtime.MethodFunc{
		"uniform":         random_uniform,
		"triangular":      random_triangular,
		"normalvariate":   random_normalvariate,
		"gauss":           random_gauss,
		"lognormvariate":  random_lognormvariate,
		"expovariate":     random_expovariate,
		"vonmisesvariate": random_vonmisesvariate,
		"gammavariate":    random_gammavariate,
		"betavariate":     random_betavariate,
		"paretovariate":   random_paretovariate,
		"weibullvariate":  random_weibullvariate,
		"binomialvariate": random_binomialvariate,
	}
}

// floats unpacks float parameters with their defaults already in place.
func floats(th *runtime.Thread, fname string, args []value, kwnames []string, names []string, out ...*float64) error {
	vals := make([]value, len(out))
	pairs := make([]any, 0, 2*len(out))
	for i, name := range names {
		vals[i] = runtime.Float(*out[i])
		pairs = append(pairs, name, &vals[i])
	}
	if err := runtime.UnpackArgs(fname, args, kwnames, pairs...); err != nil {
		return err
	}
	for i, v := range vals {
		f, err := runtime.ToFloat(th, v)
		if err != nil {
			return err
		}
		*out[i] = f
	}
	return nil
}

func random_uniform(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var a, b value
	if err := runtime.UnpackArgs("uniform", args, kwnames, "a", &a, "b", &b); err != nil {
		return value{}, err
	}
	u := runtime.Float(self(s).src.random())
	if a.IsFloat() && b.IsFloat() {
		x, y := a.AsFloat(), b.AsFloat()
		return runtime.Float(x + float64(float64(y-x)*u.AsFloat())), nil
	}
	d, err := runtime.Binary(th, runtime.OpSub, b, a)
	if err != nil {
		return value{}, err
	}
	if d, err = runtime.Binary(th, runtime.OpMul, d, u); err != nil {
		return value{}, err
	}
	return runtime.Binary(th, runtime.OpAdd, a, d)
}

func random_triangular(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	low, high, mode := runtime.Float(0), runtime.Float(1), runtime.None
	if err := runtime.UnpackArgs("triangular", args, kwnames, "low?", &low, "high?", &high, "mode?", &mode); err != nil {
		return value{}, err
	}
	u := self(s).src.random()
	lo, err := runtime.ToFloat(th, low)
	if err != nil {
		return value{}, err
	}
	hi, err := runtime.ToFloat(th, high)
	if err != nil {
		return value{}, err
	}
	c := 0.5
	if !mode.IsNone() {
		m, err := runtime.ToFloat(th, mode)
		if err != nil {
			return value{}, err
		}
		if hi == lo {
			return low, nil
		}
		c = float64(m-lo) / float64(hi-lo)
	}
	if u > c {
		u, c = 1.0-u, 1.0-c
		lo, hi = hi, lo
	}
	return runtime.Float(lo + float64(float64(hi-lo)*math.Sqrt(u*c))), nil
}

func random_normalvariate(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	mu, sigma := 0.0, 1.0
	if err := floats(th, "normalvariate", args, kwnames, []string{"mu?", "sigma?"}, &mu, &sigma); err != nil {
		return value{}, err
	}
	return runtime.Float(self(s).normal(mu, sigma)), nil
}

// normal is normalvariate (Kinderman and Monahan).
func (r *Random) normal(mu, sigma float64) float64 {
	var z float64
	for {
		u1 := r.src.random()
		u2 := 1.0 - r.src.random()
		z = float64(nvMagicConst*(u1-0.5)) / u2
		zz := float64(z*z) / 4.0
		if zz <= -libm.Log(u2) {
			break
		}
	}
	return mu + float64(z*sigma)
}

func random_gauss(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	mu, sigma := 0.0, 1.0
	if err := floats(th, "gauss", args, kwnames, []string{"mu?", "sigma?"}, &mu, &sigma); err != nil {
		return value{}, err
	}
	r := self(s)
	var z float64
	if r.gaussNext.IsFloat() {
		z = r.gaussNext.AsFloat()
		r.gaussNext = runtime.None
	} else {
		x2pi := r.src.random() * twoPi
		g2rad := math.Sqrt(-2.0 * libm.Log(1.0-r.src.random()))
		z = libm.Cos(x2pi) * g2rad
		r.gaussNext = runtime.Float(libm.Sin(x2pi) * g2rad)
	}
	return runtime.Float(mu + float64(z*sigma)), nil
}

func random_lognormvariate(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var mu, sigma float64
	if err := floats(th, "lognormvariate", args, kwnames, []string{"mu", "sigma"}, &mu, &sigma); err != nil {
		return value{}, err
	}
	return expResult(self(s).normal(mu, sigma))
}

// expResult is math.exp(x) with its OverflowError.
func expResult(x float64) (value, error) {
	r := libm.Exp(x)
	if math.IsInf(r, 0) && !math.IsInf(x, 0) {
		return value{}, runtime.Errorf(runtime.OverflowError, "math range error")
	}
	return runtime.Float(r), nil
}

// divide is Python's float division with its ZeroDivisionError.
func divide(a, b float64) (value, error) {
	if b == 0 {
		return value{}, runtime.Errorf(runtime.ZeroDivisionError, "float division by zero")
	}
	return runtime.Float(a / b), nil
}

func random_expovariate(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	lambd := 1.0
	if err := floats(th, "expovariate", args, kwnames, []string{"lambd?"}, &lambd); err != nil {
		return value{}, err
	}
	return divide(-libm.Log(1.0-self(s).src.random()), lambd)
}

func random_vonmisesvariate(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var mu, kappa float64
	if err := floats(th, "vonmisesvariate", args, kwnames, []string{"mu", "kappa"}, &mu, &kappa); err != nil {
		return value{}, err
	}
	r := self(s)
	if kappa <= 1e-6 {
		return runtime.Float(twoPi * r.src.random()), nil
	}
	sv := 0.5 / kappa
	rr := sv + math.Sqrt(1.0+float64(sv*sv))
	var z float64
	for {
		u1 := r.src.random()
		z = libm.Cos(math.Pi * u1)
		d := z / (rr + z)
		u2 := r.src.random()
		if u2 < 1.0-float64(d*d) || u2 <= float64((1.0-d)*libm.Exp(d)) {
			break
		}
	}
	q := 1.0 / rr
	f := (q + z) / (1.0 + float64(q*z))
	u3 := r.src.random()
	var theta float64
	if u3 > 0.5 {
		theta = pyMod(mu+libm.Acos(f), twoPi)
	} else {
		theta = pyMod(mu-libm.Acos(f), twoPi)
	}
	return runtime.Float(theta), nil
}

// pyMod is Python's float %.
func pyMod(a, b float64) float64 {
	m := math.Mod(a, b)
	if m != 0 && (m < 0) != (b < 0) {
		m += b
	}
	if m == 0 {
		m = math.Copysign(0, b)
	}
	return m
}

func random_gammavariate(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var alpha, beta float64
	if err := floats(th, "gammavariate", args, kwnames, []string{"alpha", "beta"}, &alpha, &beta); err != nil {
		return value{}, err
	}
	g, err := self(s).gamma(alpha, beta)
	if err != nil {
		return value{}, err
	}
	return runtime.Float(g), nil
}

// gamma is gammavariate.
func (r *Random) gamma(alpha, beta float64) (float64, error) {
	if alpha <= 0.0 || beta <= 0.0 {
		return 0, runtime.Errorf(runtime.ValueError, "gammavariate: alpha and beta must be > 0.0")
	}
	switch {
	case alpha > 1.0:
		ainv := math.Sqrt(float64(2.0*alpha) - 1.0)
		bbb := alpha - log4
		ccc := alpha + ainv
		for {
			u1 := r.src.random()
			if !(1e-7 < u1 && u1 < 0.9999999) {
				continue
			}
			u2 := 1.0 - r.src.random()
			v := libm.Log(u1/(1.0-u1)) / ainv
			x := alpha * libm.Exp(v)
			z := float64(u1*u1) * u2
			rr := bbb + float64(ccc*v) - x
			if float64(rr+sgMagicConst)-float64(4.5*z) >= 0.0 || rr >= libm.Log(z) {
				return x * beta, nil
			}
		}
	case alpha == 1.0:
		return -libm.Log(1.0-r.src.random()) * beta, nil
	}
	var x float64
	for {
		u := r.src.random()
		b := (math.E + alpha) / math.E
		p := b * u
		if p <= 1.0 {
			x = libm.Pow(p, 1.0/alpha)
		} else {
			x = -libm.Log((b - p) / alpha)
		}
		u1 := r.src.random()
		if p > 1.0 {
			if u1 <= libm.Pow(x, alpha-1.0) {
				break
			}
		} else if u1 <= libm.Exp(-x) {
			break
		}
	}
	return x * beta, nil
}

func random_betavariate(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var alpha, beta float64
	if err := floats(th, "betavariate", args, kwnames, []string{"alpha", "beta"}, &alpha, &beta); err != nil {
		return value{}, err
	}
	r := self(s)
	y, err := r.gamma(alpha, 1.0)
	if err != nil {
		return value{}, err
	}
	if y == 0 {
		return runtime.Float(0), nil
	}
	y2, err := r.gamma(beta, 1.0)
	if err != nil {
		return value{}, err
	}
	return runtime.Float(y / (y + y2)), nil
}

func random_paretovariate(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var alpha float64
	if err := floats(th, "paretovariate", args, kwnames, []string{"alpha"}, &alpha); err != nil {
		return value{}, err
	}
	u := 1.0 - self(s).src.random()
	if alpha == 0 {
		return value{}, runtime.Errorf(runtime.ZeroDivisionError, "float division by zero")
	}
	return runtime.Float(libm.Pow(u, -1.0/alpha)), nil
}

func random_weibullvariate(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var alpha, beta float64
	if err := floats(th, "weibullvariate", args, kwnames, []string{"alpha", "beta"}, &alpha, &beta); err != nil {
		return value{}, err
	}
	u := 1.0 - self(s).src.random()
	if beta == 0 {
		return value{}, runtime.Errorf(runtime.ZeroDivisionError, "float division by zero")
	}
	return runtime.Float(alpha * libm.Pow(-libm.Log(u), 1.0/beta)), nil
}

func random_binomialvariate(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	nv := runtime.Int(1)
	p := 0.5
	pv := runtime.Float(p)
	if err := runtime.UnpackArgs("binomialvariate", args, kwnames, "n?", &nv, "p?", &pv); err != nil {
		return value{}, err
	}
	n, err := runtime.ToInt64(th, nv)
	if err != nil {
		return value{}, err
	}
	if p, err = runtime.ToFloat(th, pv); err != nil {
		return value{}, err
	}
	if n < 0 {
		return value{}, runtime.Errorf(runtime.ValueError, "n must be non-negative")
	}
	if p <= 0.0 || p >= 1.0 {
		switch p {
		case 0.0:
			return runtime.Int(0), nil
		case 1.0:
			return runtime.Int(n), nil
		}
		return value{}, runtime.Errorf(runtime.ValueError, "p must be in the range 0.0 <= p <= 1.0")
	}
	k, err := self(s).binomial(n, p)
	if err != nil {
		return value{}, err
	}
	return runtime.Int(k), nil
}

// floorInt is Python's math.floor of a float, with its errors for nan and
// infinities.
func floorInt(x float64) (float64, error) {
	switch {
	case math.IsNaN(x):
		return 0, runtime.Errorf(runtime.ValueError, "cannot convert float NaN to integer")
	case math.IsInf(x, 0):
		return 0, runtime.Errorf(runtime.OverflowError, "cannot convert float infinity to integer")
	}
	return math.Floor(x), nil
}

// binomial is binomialvariate for n >= 0 and 0 < p < 1.
func (r *Random) binomial(n int64, p float64) (int64, error) {
	if n == 1 {
		if r.src.random() < p {
			return 1, nil
		}
		return 0, nil
	}
	if p > 0.5 {
		k, err := r.binomial(n, 1.0-p)
		return n - k, err
	}
	if float64(n)*p < 10.0 {
		var x, y int64
		c := libm.Log2(1.0 - p)
		if c == 0 {
			return x, nil
		}
		for {
			f, err := floorInt(libm.Log2(r.src.random()) / c)
			if err != nil {
				return 0, err
			}
			y += int64(f) + 1
			if y > n {
				return x, nil
			}
			x++
		}
	}
	if !(float64(n)*p >= 10.0 && p <= 0.5) { // Lib/random.py asserts this (nan fails)
		return 0, runtime.NewException(runtime.AssertionError)
	}
	return r.btrs(n, p)
}

// btrs is Hormann's BTRS rejection sampler, for n*p >= 10 and p <= 0.5.
func (r *Random) btrs(n int64, p float64) (int64, error) {
	fn := float64(n)
	spq := math.Sqrt(float64(fn*p) * (1.0 - p))
	b := 1.15 + float64(2.53*spq)
	a := -0.0873 + float64(0.0248*b) + float64(0.01*p)
	c := float64(fn*p) + 0.5
	vr := 0.92 - 4.2/b
	setup := false
	var alpha, lpq, m, h float64
	for {
		u := r.src.random()
		u -= 0.5
		us := 0.5 - math.Abs(u)
		k, err := floorInt(float64(float64(float64(2.0*a)/us+b)*u) + c)
		if err != nil {
			return 0, err
		}
		if k < 0 || k > fn {
			continue
		}
		v := r.src.random()
		if us >= 0.07 && v <= vr {
			return int64(k), nil
		}
		if !setup {
			alpha = float64(2.83+5.1/b) * spq
			lpq = libm.Log(p / (1.0 - p))
			m = math.Floor(float64((fn + 1) * p))
			h = lg(m+1) + lg(fn-m+1)
			setup = true
		}
		v *= alpha / (a/float64(us*us) + b)
		if libm.Log(v) <= h-lg(k+1)-lg(fn-k+1)+float64((k-m)*lpq) {
			return int64(k), nil
		}
	}
}

func lg(x float64) float64 {
	r, _ := libm.Lgamma(x)
	return r
}
