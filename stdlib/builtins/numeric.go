package builtins

// This file defines the numeric builtins: abs, round, divmod, pow, hex,
// oct, bin, ord and chr.

import (
	"math"
	"math/big"
	"unicode/utf8"

	"github.com/pyish/pyish/runtime"
)

// builtin_abs is abs(x).
func builtin_abs(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := oneArg("abs", args, kwnames); err != nil {
		return runtime.Value{}, err
	}
	v := args[0]
	switch {
	case v.IsInt():
		if n := v.AsInt(); n >= 0 {
			return v, nil
		} else if n != math.MinInt64 {
			return runtime.Int(-n), nil
		}
		return runtime.Unary(th, runtime.OpNeg, v)
	case v.IsFloat():
		return runtime.Float(math.Abs(v.AsFloat())), nil
	case v.IsBool():
		return runtime.Int(v.AsInt()), nil
	}
	if b, ok := runtime.AsBigInt(v); ok && !isUserInstance(v) {
		return runtime.NewBigInt(new(big.Int).Abs(b)), nil
	}
	r, found, err := callSpecial(th, v, "__abs__")
	if !found {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "bad operand type for abs(): '%s'", typeName(v))
	}
	return r, err
}

// isUserInstance reports whether v's type is not one of the runtime's
// exact number types (a subclass may override the special methods).
func isUserInstance(v runtime.Value) bool {
	t := v.Type()
	return t != runtime.IntType && t != runtime.FloatType && t != runtime.BoolType
}

// builtin_round is round(number, ndigits=None), delegated to __round__
// except for the common round(float) and round(int).
func builtin_round(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	var number runtime.Value
	ndigits := runtime.None
	if err := checkKeywords("round", kwnames, "number", "ndigits"); err != nil {
		return runtime.Value{}, err
	}
	if err := runtime.UnpackArgs("round", args, kwnames, "number", &number, "ndigits?", &ndigits); err != nil {
		return runtime.Value{}, err
	}
	if ndigits.IsNone() {
		switch {
		case number.IsInt():
			return number, nil
		case number.IsFloat():
			return roundFloat(number.AsFloat())
		}
	}
	var r runtime.Value
	var found bool
	var err error
	if ndigits.IsNone() {
		r, found, err = callSpecial(th, number, "__round__")
	} else {
		r, found, err = callSpecial(th, number, "__round__", ndigits)
	}
	if !found {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "type %s doesn't define __round__ method", typeName(number))
	}
	return r, err
}

// roundFloat is round(f): the nearest int, ties to even.
func roundFloat(f float64) (runtime.Value, error) {
	switch {
	case math.IsNaN(f):
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "cannot convert float NaN to integer")
	case math.IsInf(f, 0):
		return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "cannot convert float infinity to integer")
	}
	r := math.RoundToEven(f)
	if r >= -(1<<63) && r < 1<<63 {
		return runtime.Int(int64(r)), nil
	}
	b, _ := big.NewFloat(r).Int(nil)
	return runtime.NewBigInt(b), nil
}

// builtin_divmod is divmod(a, b): (a // b, a % b) for numbers, else
// __divmod__ / __rdivmod__.
func builtin_divmod(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("divmod", args, kwnames, 2, 2); err != nil {
		return runtime.Value{}, err
	}
	a, b := args[0], args[1]
	if isNumber(a) && isNumber(b) && !isUserInstance(a) && !isUserInstance(b) {
		return numDivmod(th, a, b)
	}
	if r, found, err := callSpecial(th, a, "__divmod__", b); found && (err != nil || !r.Is(runtime.NotImplemented)) {
		return r, err
	}
	if r, found, err := callSpecial(th, b, "__rdivmod__", a); found && (err != nil || !r.Is(runtime.NotImplemented)) {
		return r, err
	}
	return runtime.Value{}, runtime.Errorf(runtime.TypeError, "unsupported operand type(s) for divmod(): '%s' and '%s'", typeName(a), typeName(b))
}

// numDivmod is divmod of two built-in numbers.
func numDivmod(th *runtime.Thread, a, b runtime.Value) (runtime.Value, error) {
	if a.IsInt() && b.IsInt() && b.AsInt() != 0 && !(a.AsInt() == math.MinInt64 && b.AsInt() == -1) {
		x, y := a.AsInt(), b.AsInt()
		q, r := x/y, x%y
		if r != 0 && (r < 0) != (y < 0) {
			q, r = q-1, r+y
		}
		return pair(runtime.Int(q), runtime.Int(r)), nil
	}
	if (a.IsFloat() || b.IsFloat()) && isZero(b) {
		return runtime.Value{}, runtime.Errorf(runtime.ZeroDivisionError, "float divmod()")
	}
	q, err := runtime.Binary(th, runtime.OpFloorDiv, a, b)
	if err != nil {
		return runtime.Value{}, err
	}
	r, err := runtime.Binary(th, runtime.OpMod, a, b)
	if err != nil {
		return runtime.Value{}, err
	}
	return pair(q, r), nil
}

// isZero reports whether the number v is zero.
func isZero(v runtime.Value) bool {
	switch {
	case v.IsFloat():
		return v.AsFloat() == 0
	case v.IsInt(), v.IsBool():
		return v.AsInt() == 0
	}
	return false
}

// builtin_pow is pow(base, exp, mod=None).
func builtin_pow(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	var base, exp runtime.Value
	mod := runtime.None
	if err := checkKeywords("pow", kwnames, "base", "exp", "mod"); err != nil {
		return runtime.Value{}, err
	}
	if err := runtime.UnpackArgs("pow", args, kwnames, "base", &base, "exp", &exp, "mod?", &mod); err != nil {
		return runtime.Value{}, err
	}
	if mod.IsNone() {
		return runtime.Binary(th, runtime.OpPow, base, exp)
	}
	base, exp, mod = plainPowArgs(base), runtime.BaseNumber(exp), runtime.BaseNumber(mod)
	if !isNumber(base) || isUserInstance(base) {
		if r, found, err := callSpecial(th, base, "__pow__", exp, mod); found && (err != nil || !r.Is(runtime.NotImplemented)) {
			return r, err
		}
	}
	if complexModulo(base, exp, mod) {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "complex modulo")
	}
	if !runtime.IsIntegral(base) || !runtime.IsIntegral(exp) || !runtime.IsIntegral(mod) {
		if isNumber(base) && isNumber(exp) && isNumber(mod) {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "pow() 3rd argument not allowed unless all arguments are integers")
		}
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", typeName(base), typeName(exp), typeName(mod))
	}
	return modPow(bigOf(base), bigOf(exp), bigOf(mod))
}

// plainPowArgs returns the number inside an instance of a subclass of
// int or float that does not define its own __pow__, which three-argument
// pow() then treats as the number itself.
func plainPowArgs(base runtime.Value) runtime.Value {
	if m, ok := runtime.LookupSpecial(base, "__pow__"); ok {
		if _, builtin := m.Object().(*runtime.BuiltinMethod); builtin {
			return runtime.BaseNumber(base)
		}
	}
	return base
}

// bigOf returns the int (or bool) v as a big.Int.
func bigOf(v runtime.Value) *big.Int {
	if v.IsInt() || v.IsBool() {
		return big.NewInt(v.AsInt())
	}
	b, _ := runtime.AsBigInt(v)
	return b
}

// modPow is pow(b, e, m) for ints: the result has the sign of m, and a
// negative exponent uses the inverse of b modulo m.
func modPow(b, e, m *big.Int) (runtime.Value, error) {
	if m.Sign() == 0 {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "pow() 3rd argument cannot be 0")
	}
	am := new(big.Int).Abs(m)
	x := new(big.Int).Mod(b, am)
	if e.Sign() < 0 {
		if am.Cmp(big.NewInt(1)) != 0 && x.ModInverse(x, am) == nil {
			return runtime.Value{}, runtime.Errorf(runtime.ValueError, "base is not invertible for the given modulus")
		}
		e = new(big.Int).Neg(e)
	}
	r := new(big.Int).Exp(x, e, am)
	r.Mod(r, am)
	if m.Sign() < 0 && r.Sign() != 0 {
		r.Add(r, m)
	}
	return runtime.NewBigInt(r), nil
}

// builtin_hex is hex(x).
func builtin_hex(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	return intToBase(th, "hex", 16, args, kwnames)
}

// builtin_oct is oct(x).
func builtin_oct(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	return intToBase(th, "oct", 8, args, kwnames)
}

// builtin_bin is bin(x).
func builtin_bin(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	return intToBase(th, "bin", 2, args, kwnames)
}

// intToBase spells the integer args[0] (through __index__) in base with
// Python's prefix, the sign first: -0xff.
func intToBase(th *runtime.Thread, name string, base int, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := oneArg(name, args, kwnames); err != nil {
		return runtime.Value{}, err
	}
	v, err := runtime.ToIndex(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	s, err := runtime.IntString(v, base, true)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Str(s), nil
}

// builtin_ord is ord(c) for a one-character str or a one-byte bytes.
func builtin_ord(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := oneArg("ord", args, kwnames); err != nil {
		return runtime.Value{}, err
	}
	v := args[0]
	if s, ok := runtime.AsString(v); ok {
		r, size := utf8.DecodeRuneInString(s)
		if size > 0 && size == len(s) {
			return runtime.Int(int64(r)), nil
		}
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "ord() expected a character, but string of length %d found", utf8.RuneCountInString(s))
	}
	if b, ok := runtime.AsBytes(v); ok {
		if len(b) == 1 {
			return runtime.Int(int64(b[0])), nil
		}
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "ord() expected a character, but string of length %d found", len(b))
	}
	return runtime.Value{}, runtime.Errorf(runtime.TypeError, "ord() expected string of length 1, but %s found", typeName(v))
}

// builtin_chr is chr(i).
func builtin_chr(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := oneArg("chr", args, kwnames); err != nil {
		return runtime.Value{}, err
	}
	v, err := runtime.ToIndex(th, args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	if !v.IsInt() || v.AsInt() < math.MinInt32 || v.AsInt() > math.MaxInt32 {
		return runtime.Value{}, runtime.Errorf(runtime.OverflowError, "Python int too large to convert to C int")
	}
	n := v.AsInt()
	if n < 0 || n > utf8.MaxRune {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "chr() arg not in range(0x110000)")
	}
	return runtime.Str(encodeRune(rune(n))), nil
}

// encodeRune is the UTF-8 of r; lone surrogates, which Go would turn into
// U+FFFD, keep their own three-byte form (as WTF-8 does).
func encodeRune(r rune) string {
	if r >= 0xD800 && r <= 0xDFFF {
		return string([]byte{0xED, byte(0x80 | (r>>6)&0x3F), byte(0x80 | r&0x3F)})
	}
	return string(r)
}

// complexModulo reports whether pow(base, exp, mod) reaches complex's
// power slot, which refuses any modulus: one of the three is complex and
// base and exp are both numbers.
func complexModulo(base, exp, mod runtime.Value) bool {
	_, b := runtime.AsComplex(base)
	_, e := runtime.AsComplex(exp)
	_, m := runtime.AsComplex(mod)
	return (b || e || m) && (b || isNumber(base)) && (e || isNumber(exp))
}
