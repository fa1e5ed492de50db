package math

import (
	"math"
	"math/big"
	"testing"

	"github.com/pyish/pyish/runtime"
)

// mathCases are CPython 3.12 results: the repr of math.NAME(*args), or
// "Type: message" of the exception raised. A string argument is a big int.
var mathCases = []struct {
	name string
	args []any
	want string
}{
	{"sqrt", []any{2.0}, "1.4142135623730951"},
	{"sqrt", []any{-1.0}, "ValueError: math domain error"},
	{"exp", []any{1000.0}, "OverflowError: math range error"},
	{"exp", []any{1.0}, "2.718281828459045"},
	{"log", []any{10.0}, "2.302585092994046"},
	{"log", []any{0.0}, "ValueError: math domain error"},
	{"log", []any{8.0, 2.0}, "3.0"},
	{"log", []any{1.0, 1.0}, "ZeroDivisionError: float division by zero"},
	{"log", []any{"10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"}, "921.0340371976182"},
	{"log10", []any{1e-05}, "-5.0"},
	{"log2", []any{3.0}, "1.584962500721156"},
	{"sin", []any{1e+22}, "-0.8522008497671888"},
	{"cos", []any{0.5}, "0.8775825618903728"},
	{"tan", []any{1.5}, "14.101419947171719"},
	{"atan2", []any{math.Copysign(0, -1), -1.0}, "-3.141592653589793"},
	{"asin", []any{2.0}, "ValueError: math domain error"},
	{"acosh", []any{0.5}, "ValueError: math domain error"},
	{"atanh", []any{1.0}, "ValueError: math domain error"},
	{"sinh", []any{710.0}, "1.1169973830808557e+308"},
	{"cosh", []any{2.0}, "3.7621956910836314"},
	{"tanh", []any{-3.0}, "-0.9950547536867305"},
	{"pow", []any{0.0, -1.0}, "ValueError: math domain error"},
	{"pow", []any{2.0, 0.5}, "1.4142135623730951"},
	{"pow", []any{-8.0, 0.5}, "ValueError: math domain error"},
	{"pow", []any{10.0, 400.0}, "OverflowError: math range error"},
	{"gamma", []any{0.5}, "1.7724538509055159"},
	{"gamma", []any{-1.0}, "ValueError: math domain error"},
	{"lgamma", []any{100.5}, "361.4355404677776"},
	{"hypot", []any{3.0, 4.0, 12.0}, "13.0"},
	{"fmod", []any{-7.0, 3.0}, "-1.0"},
	{"fmod", []any{1.0, 0.0}, "ValueError: math domain error"},
	{"copysign", []any{2.0, math.Copysign(0, -1)}, "-2.0"},
	{"degrees", []any{1.0}, "57.29577951308232"},
	{"radians", []any{45.0}, "0.7853981633974483"},
	{"floor", []any{-2.5}, "-3"},
	{"ceil", []any{2.1}, "3"},
	{"trunc", []any{-2.7}, "-2"},
	{"floor", []any{1e+300}, "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160"},
	{"floor", []any{math.Inf(1)}, "OverflowError: cannot convert float infinity to integer"},
	{"ceil", []any{math.NaN()}, "ValueError: cannot convert float NaN to integer"},
	{"factorial", []any{int64(25)}, "15511210043330985984000000"},
	{"gcd", []any{int64(12), int64(18), int64(27)}, "3"},
	{"lcm", []any{int64(4), int64(6), int64(10)}, "60"},
	{"comb", []any{int64(52), int64(5)}, "2598960"},
	{"perm", []any{int64(10), int64(3)}, "720"},
	{"isqrt", []any{"100000000000000000001"}, "10000000000"},
	{"factorial", []any{int64(-1)}, "ValueError: factorial() not defined for negative values"},
	{"comb", []any{int64(-1), int64(2)}, "ValueError: n must be a non-negative integer"},
	{"isqrt", []any{int64(-4)}, "ValueError: isqrt() argument must be nonnegative"},
	{"ldexp", []any{1.0, int64(1024)}, "OverflowError: math range error"},
	{"frexp", []any{10.0}, "(0.625, 4)"},
	{"modf", []any{-3.25}, "(-0.25, -3.0)"},
	{"isclose", []any{1.0, 1.0000000001}, "True"},
	{"cbrt", []any{-27.0}, "-3.0000000000000004"},
	{"exp2", []any{0.5}, "1.4142135623730951"},
	{"expm1", []any{1e-10}, "1.00000000005e-10"},
	{"log1p", []any{-1.0}, "ValueError: math domain error"},
	{"remainder", []any{10.0, 3.0}, "1.0"},
	{"nextafter", []any{1.0, 0.0}, "0.9999999999999999"},
	{"ulp", []any{1e+300}, "1.487016908477783e+284"},
	{"sqrt", []any{}, "TypeError: math.sqrt() takes exactly one argument (0 given)"},
	{"atan2", []any{1.0}, "TypeError: atan2 expected 2 arguments, got 1"},
}

func toValue(a any) runtime.Value {
	switch x := a.(type) {
	case float64:
		return runtime.Float(x)
	case int64:
		return runtime.Int(x)
	case string:
		b, _ := new(big.Int).SetString(x, 10)
		return runtime.NewBigInt(b)
	}
	panic("bad argument")
}

func TestFunctions(t *testing.T) {
	th := runtime.NewThread()
	m := Module(th)
	for _, c := range mathCases {
		fn, ok := m.Dict.GetStr(c.name)
		if !ok {
			t.Fatalf("math.%s missing", c.name)
		}
		args := make([]runtime.Value, len(c.args))
		for i, a := range c.args {
			args[i] = toValue(a)
		}
		var got string
		v, err := runtime.Call(th, fn, args, nil)
		if err != nil {
			got = runtime.ExceptionMessage(th, runtime.AsException(err))
		} else if got, err = runtime.Repr(th, v); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("math.%s%v = %s, want %s", c.name, c.args, got, c.want)
		}
	}
}

func TestConstants(t *testing.T) {
	m := Module(runtime.NewThread())
	for name, want := range map[string]float64{"pi": math.Pi, "e": math.E, "tau": 2 * math.Pi, "inf": math.Inf(1)} {
		if v, _ := m.Dict.GetStr(name); v.AsFloat() != want {
			t.Errorf("math.%s = %v", name, v.AsFloat())
		}
	}
}
