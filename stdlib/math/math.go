package math

import (
	"math"

	"github.com/pyish/pyish/runtime"
	"github.com/pyish/pyish/runtime/libm"
)

// This file builds the module and wraps the float functions.

type value = runtime.Value

type builtinFn = func(th *runtime.Thread, args []value, kwnames []string) (value, error)

// Module returns a fresh math module.
func Module(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("math")
	for name, fn := range functions() {
		m.Dict.SetStr(name, runtime.NewBuiltin(name, fn))
	}
	m.Dict.SetStr("pi", runtime.Float(math.Pi))
	m.Dict.SetStr("e", runtime.Float(math.E))
	m.Dict.SetStr("tau", runtime.Float(2*math.Pi))
	m.Dict.SetStr("inf", runtime.Float(math.Inf(1)))
	m.Dict.SetStr("nan", runtime.Float(math.NaN()))
	return m
}

func functions() map[string]builtinFn {
	fns := map[string]builtinFn{
		"acos":      math1("acos", libm.Acos, false),
		"acosh":     math1("acosh", libm.Acosh, false),
		"asin":      math1("asin", libm.Asin, false),
		"asinh":     math1("asinh", libm.Asinh, false),
		"atan":      math1("atan", libm.Atan, false),
		"atanh":     math1("atanh", libm.Atanh, false),
		"cbrt":      math1("cbrt", libm.Cbrt, false),
		"cos":       math1("cos", libm.Cos, false),
		"cosh":      math1("cosh", libm.Cosh, true),
		"exp":       math1("exp", libm.Exp, true),
		"exp2":      math1("exp2", libm.Exp2, true),
		"expm1":     math1("expm1", libm.Expm1, true),
		"fabs":      math1("fabs", math.Abs, false),
		"log1p":     math1("log1p", log1p, false),
		"sin":       math1("sin", libm.Sin, false),
		"sinh":      math1("sinh", libm.Sinh, true),
		"sqrt":      math1("sqrt", math.Sqrt, false),
		"tan":       math1("tan", libm.Tan, false),
		"tanh":      math1("tanh", libm.Tanh, false),
		"erf":       math1("erf", libm.Erf, false),
		"erfc":      math1("erfc", libm.Erfc, false),
		"gamma":     math1a("gamma", libm.Gamma),
		"lgamma":    math1a("lgamma", libm.Lgamma),
		"atan2":     math2("atan2", libm.Atan2),
		"copysign":  math2("copysign", math.Copysign),
		"remainder": math2("remainder", math.Remainder),
		"fmod":      math2("fmod", fmod),
		"pow":       math2("pow", powFunc),
		"degrees":   math1("degrees", func(x float64) float64 { return x * radToDeg }, false),
		"radians":   math1("radians", func(x float64) float64 { return x * degToRad }, false),
		"log":       math_log,
		"log2":      logFunc("log2", libm.Log2),
		"log10":     logFunc("log10", libm.Log10),
		"isfinite":  predicate("isfinite", func(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }),
		"isinf":     predicate("isinf", func(x float64) bool { return math.IsInf(x, 0) }),
		"isnan":     predicate("isnan", math.IsNaN),
		"isclose":   math_isclose,
		"floor":     rounder("floor", "__floor__", math.Floor),
		"ceil":      rounder("ceil", "__ceil__", math.Ceil),
		"trunc":     math_trunc,
		"frexp":     math_frexp,
		"ldexp":     math_ldexp,
		"modf":      math_modf,
		"nextafter": math_nextafter,
		"ulp":       math_ulp,
		"fsum":      math_fsum,
		"hypot":     math_hypot,
		"dist":      math_dist,
		"sumprod":   math_sumprod,
	}
	for name, fn := range intFunctions() {
		fns[name] = fn
	}
	return fns
}

// Variables, not constants: C rounds pi/180 in float64; Go would fold the
// exact constants.
var (
	pi       = math.Pi
	degToRad = pi / 180.0
	radToDeg = 180.0 / pi
)

func errDomain() error { return runtime.Errorf(runtime.ValueError, "math domain error") }

func errRange() error { return runtime.Errorf(runtime.OverflowError, "math range error") }

// oneArg checks a METH_O function's call: exactly one positional argument.
func oneArg(name string, args []value, kwnames []string) (value, error) {
	if len(kwnames) > 0 {
		return value{}, runtime.Errorf(runtime.TypeError, "math.%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return value{}, runtime.Errorf(runtime.TypeError, "math.%s() takes exactly one argument (%d given)", name, len(args))
	}
	return args[0], nil
}

// positional checks a call of a function taking min..max positional arguments.
func positional(name string, args []value, kwnames []string, min, max int) error {
	if len(kwnames) > 0 {
		return runtime.Errorf(runtime.TypeError, "%s() takes no keyword arguments", name)
	}
	n := len(args)
	switch {
	case min == max && n != min:
		return runtime.Errorf(runtime.TypeError, "%s expected %d argument%s, got %d", name, min, plural(min), n)
	case n < min:
		return runtime.Errorf(runtime.TypeError, "%s expected at least %d argument%s, got %d", name, min, plural(min), n)
	case n > max:
		return runtime.Errorf(runtime.TypeError, "%s expected at most %d argument%s, got %d", name, max, plural(max), n)
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// math1 is CPython's math_1: a nan from a non-nan is a domain error, an
// infinity from a finite argument a range error (canOverflow) or a
// domain error.
func math1(name string, f func(float64) float64, canOverflow bool) builtinFn {
	return func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
		var x float64
		if len(args) == 1 && len(kwnames) == 0 && args[0].IsFloat() { // sqrt(d2) in a numeric loop
			x = args[0].AsFloat()
		} else {
			a, err := oneArg(name, args, kwnames)
			if err != nil {
				return value{}, err
			}
			if x, err = runtime.ToFloat(th, a); err != nil {
				return value{}, err
			}
		}
		r := f(x)
		if math.IsNaN(r) && !math.IsNaN(x) {
			return value{}, errDomain()
		}
		if math.IsInf(r, 0) && isFinite(x) {
			if canOverflow {
				return value{}, errRange()
			}
			return value{}, errDomain()
		}
		return runtime.Float(r), nil
	}
}

// math1a is CPython's math_1a, for functions reporting their own errors.
func math1a(name string, f func(float64) (float64, libm.Err)) builtinFn {
	return func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
		a, err := oneArg(name, args, kwnames)
		if err != nil {
			return value{}, err
		}
		x, err := runtime.ToFloat(th, a)
		if err != nil {
			return value{}, err
		}
		r, e := f(x)
		return cResult(r, e)
	}
}

// cResult is CPython's is_error: EDOM is ValueError, ERANGE OverflowError
// unless the result is small (an underflow).
func cResult(r float64, e libm.Err) (value, error) {
	switch {
	case e == libm.ErrDomain:
		return value{}, errDomain()
	case e == libm.ErrRange && math.Abs(r) >= 1.5:
		return value{}, errRange()
	}
	return runtime.Float(r), nil
}

// math2 is CPython's math_2 for functions of two floats.
func math2(name string, f func(x, y float64) float64) builtinFn {
	return func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
		if err := positional(name, args, kwnames, 2, 2); err != nil {
			return value{}, err
		}
		x, err := runtime.ToFloat(th, args[0])
		if err != nil {
			return value{}, err
		}
		y, err := runtime.ToFloat(th, args[1])
		if err != nil {
			return value{}, err
		}
		r := f(x, y)
		switch {
		case math.IsNaN(r) && !math.IsNaN(x) && !math.IsNaN(y):
			return value{}, errDomain()
		case math.IsInf(r, 0) && isFinite(x) && isFinite(y):
			if name == "pow" && x == 0 {
				return value{}, errDomain()
			}
			return value{}, errRange()
		}
		return runtime.Float(r), nil
	}
}

func isFinite(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }

func log1p(x float64) float64 {
	if x == 0 {
		return x
	}
	return libm.Log1p(x)
}

// fmod is CPython's math_fmod: fmod(x, ±inf) is x for finite x.
func fmod(x, y float64) float64 {
	if math.IsInf(y, 0) && isFinite(x) {
		return x
	}
	return math.Mod(x, y)
}

// powFunc is math.pow: C99's pow, IEEE specials included.
func powFunc(x, y float64) float64 { return libm.Pow(x, y) }

func predicate(name string, f func(float64) bool) builtinFn {
	return func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
		a, err := oneArg(name, args, kwnames)
		if err != nil {
			return value{}, err
		}
		x, err := runtime.ToFloat(th, a)
		if err != nil {
			return value{}, err
		}
		return runtime.Bool(f(x)), nil
	}
}

func math_isclose(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	npos := len(args) - len(kwnames)
	if npos > 2 {
		return value{}, runtime.Errorf(runtime.TypeError, "isclose() takes exactly 2 positional arguments (%d given)", npos)
	}
	var a, b value
	relTol, absTol := runtime.Float(1e-09), runtime.Float(0)
	if err := runtime.UnpackArgs("isclose", args, kwnames, "a", &a, "b", &b, "rel_tol?", &relTol, "abs_tol?", &absTol); err != nil {
		return value{}, err
	}
	var f [4]float64
	for i, v := range []value{a, b, relTol, absTol} {
		x, err := runtime.ToFloat(th, v)
		if err != nil {
			return value{}, err
		}
		f[i] = x
	}
	x, y, rel, abs := f[0], f[1], f[2], f[3]
	if rel < 0 || abs < 0 {
		return value{}, runtime.Errorf(runtime.ValueError, "tolerances must be non-negative")
	}
	if x == y {
		return runtime.True, nil
	}
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return runtime.False, nil
	}
	diff := math.Abs(y - x)
	return runtime.Bool(diff <= math.Abs(rel*y) || diff <= math.Abs(rel*x) || diff <= abs), nil
}

func math_frexp(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	a, err := oneArg("frexp", args, kwnames)
	if err != nil {
		return value{}, err
	}
	x, err := runtime.ToFloat(th, a)
	if err != nil {
		return value{}, err
	}
	m, e := x, 0
	if isFinite(x) && x != 0 {
		m, e = math.Frexp(x)
	}
	return tuple(runtime.Float(m), runtime.Int(int64(e))), nil
}

func tuple(items ...value) value { return runtime.Obj(runtime.NewTuple(items)) }

func math_ldexp(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if err := positional("ldexp", args, kwnames, 2, 2); err != nil {
		return value{}, err
	}
	x, err := runtime.ToFloat(th, args[0])
	if err != nil {
		return value{}, err
	}
	if !runtime.IsIntegral(args[1]) {
		return value{}, runtime.Errorf(runtime.TypeError, "Expected an int as second argument to ldexp.")
	}
	var exp int64
	if b, _ := runtime.AsBigInt(args[1]); b.IsInt64() {
		exp = b.Int64()
	} else if b.Sign() > 0 {
		exp = math.MaxInt64
	} else {
		exp = math.MinInt64
	}
	switch {
	case x == 0 || !isFinite(x):
		return runtime.Float(x), nil
	case exp > math.MaxInt32:
		return value{}, errRange()
	case exp < math.MinInt32:
		return runtime.Float(math.Copysign(0, x)), nil
	}
	r := math.Ldexp(x, int(exp))
	if math.IsInf(r, 0) {
		return value{}, errRange()
	}
	return runtime.Float(r), nil
}

func math_modf(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	a, err := oneArg("modf", args, kwnames)
	if err != nil {
		return value{}, err
	}
	x, err := runtime.ToFloat(th, a)
	if err != nil {
		return value{}, err
	}
	if math.IsInf(x, 0) {
		return tuple(runtime.Float(math.Copysign(0, x)), runtime.Float(x)), nil
	}
	ip, frac := math.Modf(x)
	return tuple(runtime.Float(frac), runtime.Float(ip)), nil
}

func math_nextafter(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	var xv, yv value
	steps := runtime.None
	if err := runtime.UnpackArgs("nextafter", args, kwnames, "x", &xv, "y", &yv, "steps?", &steps); err != nil {
		return value{}, err
	}
	x, err := runtime.ToFloat(th, xv)
	if err != nil {
		return value{}, err
	}
	y, err := runtime.ToFloat(th, yv)
	if err != nil {
		return value{}, err
	}
	if steps.IsNone() {
		return runtime.Float(math.Nextafter(x, y)), nil
	}
	n, err := runtime.ToInt64(th, steps)
	if err != nil {
		return value{}, err
	}
	if n < 0 {
		return value{}, runtime.Errorf(runtime.ValueError, "steps must be a non-negative integer")
	}
	for i := int64(0); i < n && x != y && !math.IsNaN(x); i++ {
		x = math.Nextafter(x, y)
	}
	return runtime.Float(x), nil
}

func math_ulp(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	a, err := oneArg("ulp", args, kwnames)
	if err != nil {
		return value{}, err
	}
	x, err := runtime.ToFloat(th, a)
	if err != nil {
		return value{}, err
	}
	switch {
	case math.IsNaN(x):
		return runtime.Float(x), nil
	case math.IsInf(x, 0):
		return runtime.Float(math.Inf(1)), nil
	}
	x = math.Abs(x)
	next := math.Nextafter(x, math.Inf(1))
	if math.IsInf(next, 0) {
		return runtime.Float(x - math.Nextafter(x, 0)), nil
	}
	return runtime.Float(next - x), nil
}
