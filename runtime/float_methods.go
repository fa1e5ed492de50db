package runtime

// This file installs float: its constructor, methods (float_is_integer,
// float_hex, …) and special methods.

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

func init() {
	FloatType.New = float_new
	FloatType.SetMethods(unwrapMethods(floatMethods))
	FloatType.SetMethods(unwrapMethods(numberDunders(isFloatOperand)))
	FloatType.Dict.SetStr("fromhex", Obj(&ClassMethod{Fn: NewBuiltin("fromhex", subclassResult(FloatType, float_fromhex))}))
	FloatType.SetMembers(unwrapMembers(map[string]MemberFunc{
		"real": func(th *Thread, self Value) (Value, error) { return self, nil },
		"imag": func(th *Thread, self Value) (Value, error) { return Float(0), nil },
	}))
}

// floatSelf returns the receiver of a float method.
func floatSelf(self Value) float64 { return self.AsFloat() }

// floatMethod wraps a float method without arguments.
func floatMethod(name string, f func(x float64) (Value, error)) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("float."+name, args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return f(floatSelf(self))
	}
}

// floatMethods is the method table of float.
var floatMethods = map[string]MethodFunc{
	"is_integer": floatMethod("is_integer", func(x float64) (Value, error) {
		return Bool(!math.IsInf(x, 0) && x == math.Trunc(x)), nil
	}),
	"as_integer_ratio": floatMethod("as_integer_ratio", floatAsIntegerRatio),
	"hex":              floatMethod("hex", func(x float64) (Value, error) { return Str(FloatHex(x)), nil }),
	"conjugate":        floatMethod("conjugate", func(x float64) (Value, error) { return Float(x), nil }),
	"__float__":        floatMethod("__float__", func(x float64) (Value, error) { return Float(x), nil }),
	"__int__":          floatMethod("__int__", floatToInt),
	"__trunc__":        floatMethod("__trunc__", floatToInt),
	"__floor__":        floatMethod("__floor__", func(x float64) (Value, error) { return floatToInt(math.Floor(x)) }),
	"__ceil__":         floatMethod("__ceil__", func(x float64) (Value, error) { return floatToInt(math.Ceil(x)) }),
	"__abs__":          floatMethod("__abs__", func(x float64) (Value, error) { return Float(math.Abs(x)), nil }),
	"__round__":        float_round,
	"__getnewargs__": floatMethod("__getnewargs__", func(x float64) (Value, error) {
		return Obj(NewTuple([]Value{Float(x)})), nil
	}),
}

// floatAsIntegerRatio is float.as_integer_ratio().
func floatAsIntegerRatio(x float64) (Value, error) {
	if math.IsInf(x, 0) {
		return Value{}, Errorf(OverflowError, "cannot convert Infinity to integer ratio")
	}
	if math.IsNaN(x) {
		return Value{}, Errorf(ValueError, "cannot convert NaN to integer ratio")
	}
	r := new(big.Rat).SetFloat64(x)
	return Obj(NewTuple([]Value{bigResult(new(big.Int).Set(r.Num())), bigResult(new(big.Int).Set(r.Denom()))})), nil
}

// FloatHex is float.hex(): 0x1.8000000000000p+0, -0x0.0p+0, inf, nan.
func FloatHex(x float64) string {
	if s, ok := floatSpecial(x); ok {
		return s
	}
	sign := ""
	if math.Signbit(x) {
		sign, x = "-", -x
	}
	if x == 0 {
		return sign + "0x0.0p+0"
	}
	b := math.Float64bits(x)
	mant, exp := b&(1<<52-1), int(b>>52)
	lead := "1"
	if exp == 0 {
		lead, exp = "0", -1022
	} else {
		exp -= 1023
	}
	digits := strconv.FormatUint(mant, 16)
	digits = strings.Repeat("0", 13-len(digits)) + digits
	es := strconv.Itoa(exp)
	if exp >= 0 {
		es = "+" + es
	}
	return sign + "0x" + lead + "." + digits + "p" + es
}

// float_fromhex is float.fromhex(s) (args[0] is the class).
func float_fromhex(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(args) != 2 {
		return Value{}, Errorf(TypeError, "fromhex() takes exactly one argument (%d given)", len(args)-1)
	}
	s, ok := AsString(args[1])
	if !ok {
		return Value{}, Errorf(TypeError, "must be str, not %s", args[1].Type().Name)
	}
	t := strings.ToLower(strings.TrimFunc(s, isPySpace))
	body := strings.TrimLeft(t, "+-")
	switch body {
	case "inf", "infinity", "nan":
		f, _ := ParseFloat(t)
		return Float(f), nil
	}
	if !strings.HasPrefix(body, "0x") {
		t = strings.Replace(t, body, "0x"+body, 1)
	}
	if !strings.Contains(t, "p") {
		t += "p0"
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil {
		if math.IsInf(f, 0) {
			return Value{}, Errorf(OverflowError, "hexadecimal value too large to represent as a float")
		}
		return Value{}, Errorf(ValueError, "invalid hexadecimal floating-point string")
	}
	return Float(f), nil
}

// float_round is float.__round__(ndigits=None).
func float_round(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	if err := strArity("__round__", args, kwnames, 0, 1); err != nil {
		return Value{}, err
	}
	nd := None
	if len(args) == 1 {
		nd = args[0]
	}
	x := floatSelf(self)
	if nd.IsNone() {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return floatToInt(x)
		}
		return floatToInt(math.RoundToEven(x))
	}
	n, err := ToIndex(th, nd)
	if err != nil {
		return Value{}, err
	}
	k := int64(1 << 20)
	if kindOf(n) == kInt {
		k = max(min(int64(n.n), 1<<20), -1<<20)
	} else if toBig(n).Sign() < 0 {
		k = -1 << 20
	}
	r, err := RoundFloat(x, int(k))
	if err != nil {
		return Value{}, err
	}
	return Float(r), nil
}

// RoundFloat is round(x, ndigits) for a float: correctly rounded to
// ndigits decimal places, ties to even.
func RoundFloat(x float64, ndigits int) (float64, error) {
	if math.IsNaN(x) || math.IsInf(x, 0) || x == 0 {
		return x, nil
	}
	switch {
	case ndigits > 323:
		return x, nil
	case ndigits < -308:
		return 0 * x, nil
	case ndigits >= 0:
		f, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', ndigits, 64), 64)
		return f, nil
	}
	p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(-ndigits)), nil)
	r := new(big.Rat).SetFloat64(x)
	q := new(big.Rat).Quo(r, new(big.Rat).SetInt(p))
	fl := new(big.Int).Quo(q.Num(), q.Denom())
	if q.Sign() < 0 && new(big.Int).Mul(fl, q.Denom()).Cmp(q.Num()) != 0 {
		fl.Sub(fl, big.NewInt(1))
	}
	rem := new(big.Rat).Sub(q, new(big.Rat).SetInt(fl))
	c := rem.Cmp(big.NewRat(1, 2))
	if c > 0 || (c == 0 && fl.Bit(0) == 1) {
		fl.Add(fl, big.NewInt(1))
	}
	f, _ := new(big.Float).SetInt(fl.Mul(fl, p)).Float64()
	if math.IsInf(f, 0) {
		return 0, Errorf(OverflowError, "rounded value too large to represent")
	}
	return math.Copysign(f, x), nil
}

// float_new is float(x=0.0), also for subclasses of float.
func float_new(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	v, err := floatOf(th, args, kwnames)
	if err != nil {
		return Value{}, err
	}
	return newNumSub(t, FloatType, v), nil
}

// floatOf is the value of float(*args).
func floatOf(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "float() takes no keyword arguments")
	}
	switch len(args) {
	case 0:
		return Float(0), nil
	case 1:
	default:
		return Value{}, Errorf(TypeError, "float expected at most 1 argument, got %d", len(args))
	}
	x := unwrapNum(args[0])
	switch k := kindOf(x); k {
	case kInt, kBig, kFloat:
		f, err := numToFloat(x, k)
		return Float(f), err
	}
	if s, ok := AsString(x); ok {
		f, err := ParseFloat(s)
		return Float(f), err
	}
	if b, ok := AsBytes(x); ok {
		f, err := ParseFloat(string(b))
		if err != nil {
			return Value{}, Errorf(ValueError, "could not convert string to float: %s", BytesRepr(b))
		}
		return Float(f), nil
	}
	_, hasFloat := userSlot(x.Type(), "__float__")
	_, hasIndex := userSlot(x.Type(), "__index__")
	if !hasFloat && !hasIndex {
		return Value{}, Errorf(TypeError, "float() argument must be a string or a real number, not '%s'", x.Type().Name)
	}
	f, err := ToFloat(th, x)
	return Float(f), err
}
