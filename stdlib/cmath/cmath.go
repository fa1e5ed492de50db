package cmath

// This file builds the module and wraps the complex functions.

import (
	"math"
	"math/cmplx"

	"github.com/pyish/pyish/runtime"
)

type value = runtime.Value

type builtinFn = func(th *runtime.Thread, args []value, kwnames []string) (value, error)

// Module returns a fresh cmath module.
func Module(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("cmath")
	for name, fn := range functions() {
		m.Dict.SetStr(name, runtime.NewBuiltin(name, fn))
	}
	m.Dict.SetStr("pi", runtime.Float(math.Pi))
	m.Dict.SetStr("e", runtime.Float(math.E))
	m.Dict.SetStr("tau", runtime.Float(2*math.Pi))
	m.Dict.SetStr("inf", runtime.Float(math.Inf(1)))
	m.Dict.SetStr("nan", runtime.Float(math.NaN()))
	m.Dict.SetStr("infj", runtime.NewComplex(complex(0, math.Inf(1))))
	m.Dict.SetStr("nanj", runtime.NewComplex(complex(0, math.NaN())))
	return m
}

func functions() map[string]builtinFn {
	return map[string]builtinFn{
		"sqrt":     cmath1("sqrt", cSqrt, specialFor("sqrt", cmplx.Sqrt)),
		"exp":      cmath1("exp", cExp, specialFor("exp", cmplx.Exp)),
		"log10":    cmath1("log10", cLog10, specialFor("log10", cmplx.Log10)),
		"sin":      cmath1("sin", cSin, specialFor("sin", cmplx.Sin)),
		"cos":      cmath1("cos", cCos, specialFor("cos", cmplx.Cos)),
		"tan":      cmath1("tan", cTan, specialFor("tan", cmplx.Tan)),
		"asin":     cmath1("asin", cAsin, specialFor("asin", cmplx.Asin)),
		"acos":     cmath1("acos", cAcos, specialFor("acos", cmplx.Acos)),
		"atan":     cmath1("atan", cAtan, specialFor("atan", cmplx.Atan)),
		"sinh":     cmath1("sinh", cSinh, specialFor("sinh", cmplx.Sinh)),
		"cosh":     cmath1("cosh", cCosh, specialFor("cosh", cmplx.Cosh)),
		"tanh":     cmath1("tanh", cTanh, specialFor("tanh", cmplx.Tanh)),
		"asinh":    cmath1("asinh", cAsinh, specialFor("asinh", cmplx.Asinh)),
		"acosh":    cmath1("acosh", cAcosh, specialFor("acosh", cmplx.Acosh)),
		"atanh":    cmath1("atanh", cAtanh, specialFor("atanh", cmplx.Atanh)),
		"log":      cmath_log,
		"phase":    cmath_phase,
		"polar":    cmath_polar,
		"rect":     cmath_rect,
		"isfinite": classify("isfinite", func(z complex128) bool { return isFinite(real(z)) && isFinite(imag(z)) }),
		"isinf":    classify("isinf", func(z complex128) bool { return math.IsInf(real(z), 0) || math.IsInf(imag(z), 0) }),
		"isnan":    classify("isnan", func(z complex128) bool { return math.IsNaN(real(z)) || math.IsNaN(imag(z)) }),
		"isclose":  cmath_isclose,
	}
}

func errDomain() error { return runtime.Errorf(runtime.ValueError, "math domain error") }

func errRange() error { return runtime.Errorf(runtime.OverflowError, "math range error") }

func isFinite(x float64) bool { return !math.IsInf(x, 0) && !math.IsNaN(x) }

func isFiniteC(z complex128) bool { return isFinite(real(z)) && isFinite(imag(z)) }

func hasNaN(z complex128) bool { return math.IsNaN(real(z)) || math.IsNaN(imag(z)) }

func hasInf(z complex128) bool { return math.IsInf(real(z), 0) || math.IsInf(imag(z), 0) }

// oneArg returns the single positional argument of name.
func oneArg(name string, args []value, kwnames []string) (value, error) {
	if len(kwnames) > 0 {
		return value{}, runtime.Errorf(runtime.TypeError, "cmath.%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return value{}, runtime.Errorf(runtime.TypeError, "cmath.%s() takes exactly one argument (%d given)", name, len(args))
	}
	return args[0], nil
}

// cfunc is a complex function on finite arguments; ok false is EDOM.
type cfunc func(z complex128) (r complex128, ok bool)

// cmath1 wraps a function: finite arguments take CPython's algorithm f
// (an infinite result is an overflow), others C99's special values from
// special (a nan from a non-nan argument is a domain error).
func cmath1(name string, f cfunc, special func(complex128) complex128) builtinFn {
	return func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
		a, err := oneArg(name, args, kwnames)
		if err != nil {
			return value{}, err
		}
		z, err := runtime.ToComplex(th, a)
		if err != nil {
			return value{}, err
		}
		r, err := apply(z, f, special)
		if err != nil {
			return value{}, err
		}
		return runtime.NewComplex(r), nil
	}
}

// apply computes f(z) with CPython's errors.
func apply(z complex128, f cfunc, special func(complex128) complex128) (complex128, error) {
	if !isFiniteC(z) {
		r := special(z)
		if hasNaN(r) && !hasNaN(z) {
			return 0, errDomain()
		}
		return r, nil
	}
	r, ok := f(z)
	switch {
	case !ok:
		return 0, errDomain()
	case hasInf(r):
		return 0, errRange()
	}
	return r, nil
}

// classify wraps isfinite, isinf or isnan.
func classify(name string, f func(complex128) bool) builtinFn {
	return func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
		a, err := oneArg(name, args, kwnames)
		if err != nil {
			return value{}, err
		}
		z, err := runtime.ToComplex(th, a)
		if err != nil {
			return value{}, err
		}
		return runtime.Bool(f(z)), nil
	}
}

// cmath_log is log(z[, base]).
func cmath_log(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	var x, base value
	if err := runtime.UnpackArgs("log", args, kwnames, "x", &x, "base?", &base); err != nil {
		return value{}, err
	}
	z, err := runtime.ToComplex(th, x)
	if err != nil {
		return value{}, err
	}
	r, err := apply(z, cLog, logSpecial)
	if base.IsNull() {
		if err != nil {
			return value{}, err
		}
		return runtime.NewComplex(r), nil
	}
	// CPython checks errno only after the base's logarithm and the
	// division, so log(0, 2) is (-inf+nanj) rather than an error.
	if err != nil {
		r = complex(math.Inf(-1), atan2(imag(z), real(z)))
	}
	b, err := runtime.ToComplex(th, base)
	if err != nil {
		return value{}, err
	}
	lb, err := apply(b, cLog, logSpecial)
	if err != nil {
		return value{}, err
	}
	q, err := runtime.Binary(th, runtime.OpDiv, runtime.NewComplex(r), runtime.NewComplex(lb))
	if err != nil {
		return value{}, errDomain()
	}
	return q, nil
}

// logSpecial is log's special values.
var logSpecial = specialFor("log", cmplx.Log)

// cmath_phase is phase(z).
func cmath_phase(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	a, err := oneArg("phase", args, kwnames)
	if err != nil {
		return value{}, err
	}
	z, err := runtime.ToComplex(th, a)
	if err != nil {
		return value{}, err
	}
	phi := atan2(imag(z), real(z))
	if phi == 0 && imag(z) != 0 && isFinite(real(z)) {
		return value{}, errRange() // glibc's atan2 reports the underflow as ERANGE
	}
	return runtime.Float(phi), nil
}

// cmath_polar is polar(z): (abs(z), phase(z)).
func cmath_polar(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	a, err := oneArg("polar", args, kwnames)
	if err != nil {
		return value{}, err
	}
	z, err := runtime.ToComplex(th, a)
	if err != nil {
		return value{}, err
	}
	r := cAbs(z)
	if math.IsInf(r, 0) && isFiniteC(z) {
		return value{}, errRange()
	}
	return runtime.Obj(runtime.NewTuple([]value{runtime.Float(r), runtime.Float(atan2(imag(z), real(z)))})), nil
}

// cmath_rect is rect(r, phi).
func cmath_rect(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if len(kwnames) > 0 {
		return value{}, runtime.Errorf(runtime.TypeError, "rect() takes no keyword arguments")
	}
	if len(args) != 2 {
		return value{}, runtime.Errorf(runtime.TypeError, "rect expected 2 arguments, got %d", len(args))
	}
	r, err := runtime.ToFloat(th, args[0])
	if err != nil {
		return value{}, err
	}
	phi, err := runtime.ToFloat(th, args[1])
	if err != nil {
		return value{}, err
	}
	z, err := rect(r, phi)
	if err != nil {
		return value{}, err
	}
	return runtime.NewComplex(z), nil
}

// cmath_isclose is isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0).
func cmath_isclose(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	var av, bv value
	relTol, absTol := runtime.Float(1e-9), runtime.Float(0)
	if len(args)-len(kwnames) > 2 {
		return value{}, runtime.Errorf(runtime.TypeError, "isclose() takes exactly 2 positional arguments (%d given)", len(args)-len(kwnames))
	}
	if err := runtime.UnpackArgs("isclose", args, kwnames, "a", &av, "b", &bv, "rel_tol?", &relTol, "abs_tol?", &absTol); err != nil {
		return value{}, err
	}
	a, err := runtime.ToComplex(th, av)
	if err != nil {
		return value{}, err
	}
	b, err := runtime.ToComplex(th, bv)
	if err != nil {
		return value{}, err
	}
	rt, err := runtime.ToFloat(th, relTol)
	if err != nil {
		return value{}, err
	}
	at, err := runtime.ToFloat(th, absTol)
	if err != nil {
		return value{}, err
	}
	if rt < 0 || at < 0 {
		return value{}, runtime.Errorf(runtime.ValueError, "tolerances must be non-negative")
	}
	return runtime.Bool(isclose(a, b, rt, at)), nil
}

// isclose is CPython's cmath_isclose_impl.
func isclose(a, b complex128, relTol, absTol float64) bool {
	if a == b {
		return true
	}
	if hasInf(a) || hasInf(b) {
		return false
	}
	diff := cAbs(a - b)
	return (diff <= relTol*cAbs(b)) || diff <= relTol*cAbs(a) || diff <= absTol
}
