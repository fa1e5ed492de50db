package math

import (
	"math"

	"github.com/pyish/pyish/runtime"
	"github.com/pyish/pyish/runtime/libm"
)

// This file holds the accurate sums: fsum, hypot, dist and sumprod.

func math_fsum(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	a, err := oneArg("fsum", args, kwnames)
	if err != nil {
		return value{}, err
	}
	var s fsumState
	err = runtime.ForEach(th, a, func(v value) error {
		x, err := runtime.ToFloat(th, v)
		if err != nil {
			return err
		}
		s.add(x)
		if s.overflow {
			return runtime.Errorf(runtime.OverflowError, "intermediate overflow in fsum")
		}
		return nil
	})
	if err != nil {
		return value{}, err
	}
	sum, _, msg := s.result()
	if msg != "" {
		return value{}, runtime.Errorf(runtime.ValueError, "%s", msg)
	}
	return runtime.Float(sum), nil
}

// norm is CPython's vector_norm: inf if any coordinate is infinite, else
// nan if any is nan, else the correctly rounded Euclidean norm.
func norm(xs []float64) float64 {
	nan := false
	for _, x := range xs {
		if math.IsInf(x, 0) {
			return math.Inf(1)
		}
		nan = nan || math.IsNaN(x)
	}
	if nan {
		return math.NaN()
	}
	return libm.Hypot(xs)
}

func math_hypot(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if len(kwnames) > 0 {
		return value{}, runtime.Errorf(runtime.TypeError, "hypot() takes no keyword arguments")
	}
	xs := make([]float64, len(args))
	for i, a := range args {
		x, err := runtime.ToFloat(th, a)
		if err != nil {
			return value{}, err
		}
		xs[i] = math.Abs(x)
	}
	return runtime.Float(norm(xs)), nil
}

// floatsOf converts an iterable's items to floats.
func floatsOf(th *runtime.Thread, v value) ([]float64, error) {
	items, err := runtime.ToSlice(th, v)
	if err != nil {
		return nil, err
	}
	out := make([]float64, len(items))
	for i, it := range items {
		if out[i], err = runtime.ToFloat(th, it); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func math_dist(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if err := positional("dist", args, kwnames, 2, 2); err != nil {
		return value{}, err
	}
	p, err := floatsOf(th, args[0])
	if err != nil {
		return value{}, err
	}
	q, err := floatsOf(th, args[1])
	if err != nil {
		return value{}, err
	}
	if len(p) != len(q) {
		return value{}, runtime.Errorf(runtime.ValueError, "both points must have the same number of dimensions")
	}
	d := make([]float64, len(p))
	for i := range p {
		d[i] = math.Abs(p[i] - q[i])
	}
	return runtime.Float(norm(d)), nil
}

func math_sumprod(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if err := positional("sumprod", args, kwnames, 2, 2); err != nil {
		return value{}, err
	}
	p, err := runtime.ToSlice(th, args[0])
	if err != nil {
		return value{}, err
	}
	q, err := runtime.ToSlice(th, args[1])
	if err != nil {
		return value{}, err
	}
	if len(p) != len(q) {
		return value{}, runtime.Errorf(runtime.ValueError, "Inputs are not the same length")
	}
	if xs, ys, ok := allFloats(p, q); ok {
		return runtime.Float(libm.SumExact(xs, ys)), nil
	}
	acc := runtime.Int(0)
	for i := range p {
		t, err := runtime.Binary(th, runtime.OpMul, p[i], q[i])
		if err != nil {
			return value{}, err
		}
		if acc, err = runtime.Binary(th, runtime.OpAdd, acc, t); err != nil {
			return value{}, err
		}
	}
	return acc, nil
}

// allFloats returns the values of p and q when all of them are finite
// floats.
func allFloats(p, q []value) (xs, ys []float64, ok bool) {
	xs, ys = make([]float64, len(p)), make([]float64, len(q))
	for i := range p {
		if !p[i].IsFloat() || !q[i].IsFloat() {
			return nil, nil, false
		}
		xs[i], ys[i] = p[i].AsFloat(), q[i].AsFloat()
		if !isFinite(xs[i]) || !isFinite(ys[i]) {
			return nil, nil, false // IEEE arithmetic gives the inf or nan
		}
	}
	return xs, ys, len(p) > 0
}
