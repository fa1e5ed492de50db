package runtime

// This file holds float arithmetic with CPython's special cases, the
// numeric hash of floats, and conversions to float.

import (
	"math"
	"math/big"
	"strconv"
	"strings"
)

// floatBinary applies op to two floats.
func floatBinary(op BinaryOp, a, b float64) (Value, bool, error) {
	switch op {
	case OpAdd:
		return Float(a + b), true, nil
	case OpSub:
		return Float(a - b), true, nil
	case OpMul:
		return Float(a * b), true, nil
	case OpDiv:
		if b == 0 {
			return Value{}, true, errZeroDiv(msgFloatDivZero)
		}
		return Float(a / b), true, nil
	case OpFloorDiv:
		if b == 0 {
			return Value{}, true, errZeroDiv("float floor division by zero")
		}
		q, _ := floatDivMod(a, b)
		return Float(q), true, nil
	case OpMod:
		if b == 0 {
			return Value{}, true, errZeroDiv("float modulo")
		}
		return Float(floatMod(a, b)), true, nil
	case OpPow:
		if negativeToFraction(a, b) {
			return complexPowOf(a, b)
		}
		f, err := floatPow(a, b)
		if err != nil {
			return Value{}, true, err
		}
		return Float(f), true, nil
	}
	return Value{}, false, nil
}

// floatMod is a % b with the sign of b (CPython's float_rem), b != 0.
func floatMod(a, b float64) float64 {
	mod := math.Mod(a, b)
	if mod != 0 {
		if (b < 0) != (mod < 0) {
			mod += b
		}
		return mod
	}
	return math.Copysign(0, b)
}

// floatDivMod is CPython's float_divmod: floor quotient and modulo, b != 0.
func floatDivMod(a, b float64) (float64, float64) {
	mod := math.Mod(a, b)
	div := (a - mod) / b
	if mod != 0 {
		if (b < 0) != (mod < 0) {
			mod += b
			div--
		}
	} else {
		mod = math.Copysign(0, b)
	}
	if div == 0 {
		return math.Copysign(0, a/b), mod
	}
	q := math.Floor(div)
	if div-q > 0.5 {
		q++
	}
	return q, mod
}

// isOddInteger reports whether w is an odd integer.
func isOddInteger(w float64) bool { return math.Mod(math.Abs(w), 2) == 1 }

// floatPow is v ** w with CPython's special cases and errors.
func floatPow(v, w float64) (float64, error) {
	switch {
	case w == 0:
		return 1, nil
	case math.IsNaN(v):
		return v, nil
	case math.IsNaN(w):
		if v == 1 {
			return 1, nil
		}
		return w, nil
	case math.IsInf(w, 0):
		v = math.Abs(v)
		if v == 1 {
			return 1, nil
		}
		if (w > 0) == (v > 1) {
			return math.Inf(1), nil
		}
		return 0, nil
	case math.IsInf(v, 0):
		return infPow(v, w), nil
	case v == 0:
		if w < 0 {
			return 0, errZeroDiv("0.0 cannot be raised to a negative power")
		}
		if isOddInteger(w) {
			return v, nil
		}
		return 0, nil
	}
	negate := false
	if v < 0 {
		if w != math.Floor(w) {
			return 0, Errorf(ValueError, "pyish does not support complex numbers (negative number raised to a fractional power)")
		}
		v, negate = -v, isOddInteger(w)
	}
	r := 1.0
	if v != 1 {
		r = accuratePow(v, w)
		if math.IsInf(r, 0) {
			return 0, errRange()
		}
	}
	if negate {
		r = -r
	}
	return r, nil
}

// errRange is the OverflowError of a float result out of range (errno 34).
func errRange() error {
	return Errorf(OverflowError, "(34, 'Numerical result out of range')")
}

// infPow is inf ** w for finite nonzero w.
func infPow(v, w float64) float64 {
	odd := isOddInteger(w)
	if w > 0 {
		if odd {
			return v
		}
		return math.Abs(v)
	}
	if odd {
		return math.Copysign(0, v)
	}
	return 0
}

// maxExactPow bounds the integer exponents computed exactly.
const maxExactPow = 512

// accuratePow is v ** w for finite v > 0 and finite w != 0. Integer
// exponents are computed exactly and rounded once, which matches C's
// libm pow (Go's math.Pow can be off by several units in the last place).
func accuratePow(v, w float64) float64 {
	if w == 0.5 {
		return math.Sqrt(v)
	}
	if r, ok := fastPow(v, w); ok {
		return r
	}
	if w != math.Trunc(w) || math.Abs(w) > maxExactPow {
		return powLogExp(v, w)
	}
	return accuratePowBig(v, w)
}

// accuratePowBig is v ** w for an integer w (|w| <= maxExactPow),
// computed exactly and rounded once.
func accuratePowBig(v, w float64) float64 {
	n := int64(math.Abs(w))
	frac, exp := math.Frexp(v)
	m := int64(frac * (1 << 53))
	e := exp - 53
	p := new(big.Int).Exp(big.NewInt(m), big.NewInt(n), nil)
	f := new(big.Float).SetInt(p)
	if w > 0 {
		f.SetMantExp(f, e*int(n))
		r, _ := f.Float64()
		return r
	}
	one := new(big.Float).SetMantExp(big.NewFloat(1), -e*int(n))
	q := new(big.Float).SetPrec(160).Quo(one, f)
	r, _ := q.Float64()
	return r
}

// hashFloat is CPython's _Py_HashDouble (nan hashes to 0 here).
func hashFloat(v float64) int64 {
	if math.IsInf(v, 0) {
		if v > 0 {
			return 314159
		}
		return -314159
	}
	if math.IsNaN(v) {
		return 0
	}
	const hashBits = 61
	m, e := math.Frexp(v)
	sign := uint64(1)
	if m < 0 {
		sign, m = ^uint64(0), -m
	}
	var x uint64
	for m != 0 {
		x = ((x << 28) & hashModulus) | x>>(hashBits-28)
		m *= 268435456.0
		e -= 28
		y := uint64(m)
		m -= float64(y)
		x += y
		if x >= hashModulus {
			x -= hashModulus
		}
	}
	if e >= 0 {
		e %= hashBits
	} else {
		e = hashBits - 1 - ((-1 - e) % hashBits)
	}
	x = ((x << uint(e)) & hashModulus) | x>>(hashBits-uint(e))
	x *= sign
	if x == ^uint64(0) {
		x--
	}
	return int64(x)
}

// ToFloat converts a number (int, bool, big int, float, or an object with
// __float__ or __index__) to float64, as the math functions do.
func ToFloat(th *Thread, v Value) (float64, error) {
	v = unwrapNum(v)
	switch k := kindOf(v); k {
	case kInt, kFloat, kBig:
		return numToFloat(v, k)
	}
	if v.Object() != nil && !isBuiltinValueType(v) {
		if f, ok, err := callDunder(th, v, "__float__"); ok {
			if err != nil {
				return 0, err
			}
			if f.IsFloat() {
				return f.AsFloat(), nil
			}
			return 0, Errorf(TypeError, "%s.__float__ returned non-float (type %s)", v.Type().Name, f.Type().Name)
		}
		if i, ok, err := callDunder(th, v, "__index__"); ok {
			if err != nil {
				return 0, err
			}
			if k := kindOf(i); k == kInt || k == kBig {
				return numToFloat(i, k)
			}
		}
	}
	return 0, Errorf(TypeError, "must be real number, not %s", v.Type().Name)
}

// isBuiltinValueType reports whether v is a str, bytes or another value
// type of this file set, which never has number dunders.
func isBuiltinValueType(v Value) bool {
	switch v.o.(type) {
	case *String, *BytesObject:
		return true
	}
	return false
}

// callDunder calls the special method name of v when v's class (not a
// built-in type) defines it; ok is false if it does not.
func callDunder(th *Thread, v Value, name string) (Value, bool, error) {
	return callUserSlot(th, v, name)
}

// ParseFloat parses a string as Python's float() does: surrounding
// whitespace, underscores between digits, inf, infinity and nan in any
// case. Errors are CPython's ValueError.
func ParseFloat(s string) (float64, error) {
	t := asciiDigits(strings.TrimFunc(s, isPySpace))
	clean, ok := cleanFloatLiteral(t)
	if !ok {
		return 0, Errorf(ValueError, "could not convert string to float: %s", StrRepr(s))
	}
	f, err := strconv.ParseFloat(clean, 64)
	if err != nil && !math.IsInf(f, 0) && f != 0 {
		return 0, Errorf(ValueError, "could not convert string to float: %s", StrRepr(s))
	}
	return f, nil
}

// cleanFloatLiteral validates Python's float syntax and drops underscores.
func cleanFloatLiteral(t string) (string, bool) {
	body := t
	if body != "" && (body[0] == '+' || body[0] == '-') {
		body = body[1:]
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		return t[:len(t)-len(body)] + "inf", true
	case "nan":
		return "nan", true
	}
	var b strings.Builder
	i, digits := 0, 0
	scanDigits := func() (int, bool) {
		n := 0
		for i < len(body) {
			c := body[i]
			if c == '_' {
				if n == 0 || i+1 >= len(body) || !isASCIIDigit(body[i+1]) {
					return n, false
				}
				i++
				continue
			}
			if !isASCIIDigit(c) {
				break
			}
			b.WriteByte(c)
			n++
			i++
		}
		return n, true
	}
	b.WriteString(t[:len(t)-len(body)])
	n, ok := scanDigits()
	if !ok {
		return "", false
	}
	digits += n
	if i < len(body) && body[i] == '.' {
		b.WriteByte('.')
		i++
		if n, ok = scanDigits(); !ok {
			return "", false
		}
		digits += n
	}
	if digits == 0 {
		return "", false
	}
	if i < len(body) && (body[i] == 'e' || body[i] == 'E') {
		b.WriteByte('e')
		i++
		if i < len(body) && (body[i] == '+' || body[i] == '-') {
			b.WriteByte(body[i])
			i++
		}
		if n, ok = scanDigits(); !ok || n == 0 {
			return "", false
		}
	}
	return b.String(), i == len(body)
}

// isASCIIDigit reports whether c is an ASCII decimal digit.
func isASCIIDigit(c byte) bool { return c >= '0' && c <= '9' }

// isPySpace reports whether r is whitespace for str.split() and strip():
// Unicode whitespace plus the ASCII separators \x1c-\x1f.
func isPySpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\v', '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0xa0:
		return true
	}
	if r < 0x80 {
		return false
	}
	return isUnicodeSpace(r)
}

// floatToInt is int(f): truncation toward zero, errors for inf and nan.
func floatToInt(f float64) (Value, error) {
	if math.IsInf(f, 0) {
		return Value{}, Errorf(OverflowError, "cannot convert float infinity to integer")
	}
	if math.IsNaN(f) {
		return Value{}, Errorf(ValueError, "cannot convert float NaN to integer")
	}
	t := math.Trunc(f)
	if t >= -(1<<63) && t < 1<<63 {
		return Int(int64(t)), nil
	}
	b, _ := new(big.Float).SetFloat64(t).Int(nil)
	return bigResult(b), nil
}
