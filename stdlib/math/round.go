package math

import (
	"math"
	"math/big"

	"github.com/pyish/pyish/runtime"
	"github.com/pyish/pyish/runtime/libm"
)

// This file holds the functions that take floats to ints (floor, ceil,
// trunc) and the logarithms, which accept ints of any size.

// floatToInt is PyLong_FromDouble for an integral float.
func floatToInt(f float64) (value, error) {
	switch {
	case math.IsInf(f, 0):
		return value{}, runtime.Errorf(runtime.OverflowError, "cannot convert float infinity to integer")
	case math.IsNaN(f):
		return value{}, runtime.Errorf(runtime.ValueError, "cannot convert float NaN to integer")
	case f >= -(1<<63) && f < 1<<63:
		return runtime.Int(int64(f)), nil
	}
	b, _ := new(big.Float).SetFloat64(f).Int(nil)
	return runtime.NewBigInt(b), nil
}

// isExactFloatOrInt reports whether v is a built-in int, bool or float,
// whose rounding methods pyish applies directly.
func isExactFloatOrInt(v value) bool {
	return v.IsFloat() || runtime.IsIntegral(v)
}

// rounder is math.floor or math.ceil: ints are returned as they are,
// objects with the dunder use it, everything else goes through float.
func rounder(name, dunder string, f func(float64) float64) builtinFn {
	return func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
		a, err := oneArg(name, args, kwnames)
		if err != nil {
			return value{}, err
		}
		if runtime.IsIntegral(a) {
			return runtime.ToIndex(th, a)
		}
		if !isExactFloatOrInt(a) {
			if _, ok := runtime.LookupSpecial(a, dunder); ok {
				return runtime.CallMethod(th, a, dunder)
			}
		}
		x, err := runtime.ToFloat(th, a)
		if err != nil {
			return value{}, err
		}
		return floatToInt(f(x))
	}
}

func math_trunc(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	a, err := oneArg("trunc", args, kwnames)
	if err != nil {
		return value{}, err
	}
	switch {
	case a.IsFloat():
		return floatToInt(math.Trunc(a.AsFloat()))
	case runtime.IsIntegral(a):
		return runtime.ToIndex(th, a)
	}
	if _, ok := runtime.LookupSpecial(a, "__trunc__"); ok {
		return runtime.CallMethod(th, a, "__trunc__")
	}
	return value{}, runtime.Errorf(runtime.TypeError, "type %s doesn't define __trunc__ method", a.Type().Name)
}

// logHelper is CPython's loghelper: ints too large for a float are
// split as m * 2**e, giving f(m) + f(2.0)*e.
func logHelper(th *runtime.Thread, a value, f func(float64) float64) (float64, error) {
	if b, ok := runtime.AsBigInt(a); ok {
		if b.Sign() <= 0 {
			return 0, errDomain()
		}
		if x, _ := new(big.Float).SetInt(b).Float64(); !math.IsInf(x, 0) {
			return f(x), nil
		}
		m, e := frexpBig(b)
		return f(m) + float64(f(2.0)*float64(e)), nil
	}
	x, err := runtime.ToFloat(th, a)
	if err != nil {
		return 0, err
	}
	r := f(x)
	switch {
	case math.IsNaN(r) && !math.IsNaN(x):
		return 0, errDomain()
	case math.IsInf(r, 0) && isFinite(x):
		return 0, errDomain()
	}
	return r, nil
}

// frexpBig is _PyLong_Frexp: b = m * 2**e with 0.5 <= m < 1, m rounded
// half-even to 53 bits.
func frexpBig(b *big.Int) (float64, int) {
	f := new(big.Float).SetPrec(53).SetMode(big.ToNearestEven).SetInt(b)
	mant := new(big.Float)
	e := f.MantExp(mant)
	m, _ := mant.Float64()
	return m, e
}

func logFunc(name string, f func(float64) float64) builtinFn {
	return func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
		a, err := oneArg(name, args, kwnames)
		if err != nil {
			return value{}, err
		}
		r, err := logHelper(th, a, f)
		if err != nil {
			return value{}, err
		}
		return runtime.Float(r), nil
	}
}

func math_log(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if err := positional("log", args, kwnames, 1, 2); err != nil {
		return value{}, err
	}
	num, err := logHelper(th, args[0], libm.Log)
	if err != nil {
		return value{}, err
	}
	if len(args) == 1 {
		return runtime.Float(num), nil
	}
	den, err := logHelper(th, args[1], libm.Log)
	if err != nil {
		return value{}, err
	}
	if den == 0 {
		return value{}, runtime.Errorf(runtime.ZeroDivisionError, "float division by zero")
	}
	return runtime.Float(num / den), nil
}
