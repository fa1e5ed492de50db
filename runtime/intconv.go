package runtime

// This file converts ints from and to text: int(str, base), str(int),
// hex(), oct(), bin(), and ToInt64 for indexes and counts.

import (
	"math/big"
	"strconv"
	"strings"
	"unicode"
)

// IntFromString parses s as int(s, base) does: surrounding whitespace, a
// sign, an optional 0x/0o/0b prefix (required to choose the base when
// base is 0), and single underscores between digits. Errors are CPython's
// ValueErrors.
func IntFromString(s string, base int) (Value, error) {
	if base != 0 && (base < 2 || base > 36) {
		return Value{}, Errorf(ValueError, "int() base must be >= 2 and <= 36, or 0")
	}
	digits, b, neg, ok := scanIntLiteral(asciiDigits(strings.TrimFunc(s, isPySpace)), base)
	if !ok {
		return Value{}, errIntLiteral(s, base)
	}
	if b&(b-1) != 0 && len(digits) > maxStrDigits {
		return Value{}, Errorf(ValueError, "Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", maxStrDigits, len(digits))
	}
	if neg {
		digits = "-" + digits
	}
	if i, err := strconv.ParseInt(digits, b, 64); err == nil {
		return Int(i), nil
	}
	z, _ := new(big.Int).SetString(digits, b)
	return bigResult(z), nil
}

// asciiDigits replaces Unicode decimal digits (category Nd, like '٣')
// by ASCII ones, as int() and float() accept them.
func asciiDigits(s string) string {
	if strIsASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r >= 0x80 && unicode.Is(pyDecimal, r) {
			start := r
			for unicode.Is(pyDecimal, start-1) {
				start--
			}
			b.WriteByte(byte('0' + (r-start)%10))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// errIntLiteral is the ValueError of a malformed int() string.
func errIntLiteral(s string, base int) error {
	r := StrRepr(s)
	if len(r) > 200 {
		r = r[:200]
	}
	return Errorf(ValueError, "invalid literal for int() with base %d: %s", base, r)
}

// scanIntLiteral validates an int literal (already stripped) and returns
// its digits without underscores, the base it is written in, and its sign.
func scanIntLiteral(t string, base int) (digits string, b int, neg, ok bool) {
	if t != "" && (t[0] == '+' || t[0] == '-') {
		neg, t = t[0] == '-', t[1:]
	}
	b = base
	prefixed := false
	if len(t) >= 2 && t[0] == '0' {
		if pb := prefixBase(t[1]); pb != 0 && (base == 0 || base == pb) {
			b, t, prefixed = pb, t[2:], true
		}
	}
	if b == 0 {
		b = 10
	}
	var sb strings.Builder
	prevUnderscore := !prefixed
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == '_' {
			if prevUnderscore {
				return "", 0, false, false
			}
			prevUnderscore = true
			continue
		}
		if digitValue(c) >= b {
			return "", 0, false, false
		}
		sb.WriteByte(c)
		prevUnderscore = false
	}
	digits = sb.String()
	if digits == "" || (prevUnderscore && len(t) > 0 && t[len(t)-1] == '_') {
		return "", 0, false, false
	}
	if base == 0 && !prefixed && digits[0] == '0' && strings.Trim(digits, "0") != "" {
		return "", 0, false, false
	}
	return digits, b, neg, true
}

// prefixBase returns the base named by the letter after a leading 0.
func prefixBase(c byte) int {
	switch c | 0x20 {
	case 'x':
		return 16
	case 'o':
		return 8
	case 'b':
		return 2
	}
	return 0
}

// digitValue returns the value of an ASCII digit or letter (99 if none).
func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

// IntString returns the digits of an int in base 2, 8, 10 or 16 with
// Python's prefixes when prefix is set (hex(-255) == '-0xff'). Decimal
// conversion of more than 4300 digits raises ValueError.
func IntString(v Value, base int, prefix bool) (string, error) {
	var s string
	if kindOf(v) == kBig {
		b := v.o.(*BigInt).b
		if base == 10 {
			return bigDecimal(b)
		}
		s = b.Text(base)
	} else {
		s = strconv.FormatInt(int64(v.n), base)
	}
	if !prefix || base == 10 {
		return s, nil
	}
	p := map[int]string{2: "0b", 8: "0o", 16: "0x"}[base]
	if s[0] == '-' {
		return "-" + p + s[1:], nil
	}
	return p + s, nil
}

// ToInt64 converts an int (or bool, or an object with __index__) to an
// int64, as indexes and counts need. Non-integers raise TypeError ("'str'
// object cannot be interpreted as an integer"); huge ints OverflowError.
func ToInt64(th *Thread, v Value) (int64, error) {
	v = unwrapNum(v)
	switch kindOf(v) {
	case kInt:
		return int64(v.n), nil
	case kBig:
		return 0, Errorf(OverflowError, "Python int too large to convert to C ssize_t")
	}
	if v.Object() != nil && !isBuiltinValueType(v) {
		if i, ok, err := callDunder(th, v, "__index__"); ok {
			if err != nil {
				return 0, err
			}
			if IsIntegral(i) {
				return ToInt64(th, i)
			}
			return 0, Errorf(TypeError, "__index__ returned non-int (type %s)", i.Type().Name)
		}
	}
	return 0, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}

// ToIndex is like ToInt64 but returns the int itself (any size), calling
// __index__ for other objects.
func ToIndex(th *Thread, v Value) (Value, error) {
	v = unwrapNum(v)
	if IsIntegral(v) {
		if v.IsBool() {
			return Int(int64(v.n)), nil
		}
		return v, nil
	}
	if v.Object() != nil && !isBuiltinValueType(v) {
		if i, ok, err := callDunder(th, v, "__index__"); ok {
			if err != nil {
				return Value{}, err
			}
			if IsIntegral(i) {
				return i, nil
			}
			return Value{}, Errorf(TypeError, "__index__ returned non-int (type %s)", i.Type().Name)
		}
	}
	return Value{}, Errorf(TypeError, "'%s' object cannot be interpreted as an integer", v.Type().Name)
}
