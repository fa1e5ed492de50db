package runtime

// This file converts floats to text exactly as CPython does: repr() (the
// shortest string that round-trips) and the 'e', 'f', 'g' and '%' styles
// of format() and %-formatting.

import (
	"math"
	"strconv"
	"strings"
)

// FloatRepr is repr() and str() of a float: the shortest round-tripping
// digits, in positional notation when the decimal exponent is in [-4, 16)
// and scientific otherwise (0.1, 1e+16, 1e-05, 123.0, inf, nan, -0.0).
func FloatRepr(f float64) string {
	if s, ok := floatSpecial(f); ok {
		return s
	}
	digits, exp := shortestDigits(math.Abs(f))
	s := layoutRepr(digits, exp)
	if math.Signbit(f) {
		return "-" + s
	}
	return s
}

// floatSpecial spells inf, -inf and nan.
func floatSpecial(f float64) (string, bool) {
	switch {
	case math.IsNaN(f):
		return "nan", true
	case math.IsInf(f, 1):
		return "inf", true
	case math.IsInf(f, -1):
		return "-inf", true
	}
	return "", false
}

// shortestDigits returns the shortest round-tripping decimal digits of
// f >= 0 and the decimal exponent of the first digit (f = d.ddd × 10^exp).
func shortestDigits(f float64) (string, int) {
	return splitE(strconv.FormatFloat(f, 'e', -1, 64))
}

// splitE splits Go's 'e' output "d.ddde±XX" into digits and exponent.
func splitE(s string) (string, int) {
	i := strings.IndexByte(s, 'e')
	exp, _ := strconv.Atoi(s[i+1:])
	return strings.Replace(s[:i], ".", "", 1), exp
}

// layoutRepr places digits with exponent exp the way repr() does.
func layoutRepr(digits string, exp int) string {
	if exp < -4 || exp >= 16 {
		return sciLayout(digits, exp, false)
	}
	s := fixedLayout(digits, exp)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// fixedLayout writes digits (d.ddd × 10^exp) in positional notation,
// without a trailing point.
func fixedLayout(digits string, exp int) string {
	if exp < 0 {
		return "0." + strings.Repeat("0", -exp-1) + digits
	}
	if len(digits) <= exp+1 {
		return digits + strings.Repeat("0", exp+1-len(digits))
	}
	return digits[:exp+1] + "." + digits[exp+1:]
}

// sciLayout writes digits in scientific notation with a two-digit (or
// longer) exponent; alt keeps a point after a single digit.
func sciLayout(digits string, exp int, alt bool) string {
	var b strings.Builder
	b.WriteByte(digits[0])
	if len(digits) > 1 || alt {
		b.WriteByte('.')
		b.WriteString(digits[1:])
	}
	b.WriteByte('e')
	if exp < 0 {
		b.WriteByte('-')
		exp = -exp
	} else {
		b.WriteByte('+')
	}
	if exp < 10 {
		b.WriteByte('0')
	}
	b.WriteString(strconv.Itoa(exp))
	return b.String()
}

// formatFloatAbs formats |f| (finite) in style typ ('e', 'f', 'g', 'r' for
// repr, or 0 for format()'s default with a precision) at precision prec.
// alt is the '#' flag. Upper-case styles are handled by the caller.
func formatFloatAbs(f float64, typ byte, prec int, alt bool) string {
	f = math.Abs(f)
	switch typ {
	case 'r':
		d, exp := shortestDigits(f)
		return layoutRepr(d, exp)
	case 'e':
		d, exp := splitE(strconv.FormatFloat(f, 'e', prec, 64))
		return sciLayout(d, exp, alt)
	case 'f':
		s := strconv.FormatFloat(f, 'f', prec, 64)
		if alt && prec == 0 {
			s += "."
		}
		return s
	}
	return formatGeneral(f, typ, prec, alt)
}

// formatGeneral is the 'g' style (and format()'s default style with a
// precision, which keeps at least one digit after the point).
func formatGeneral(f float64, typ byte, prec int, alt bool) string {
	if prec == 0 {
		prec = 1
	}
	d, exp := splitE(strconv.FormatFloat(f, 'e', prec-1, 64))
	if f == 0 {
		exp = 0
	}
	limit := prec
	if typ == 0 {
		limit = prec - 1
	}
	var s string
	if exp >= -4 && exp < limit {
		s = strconv.FormatFloat(f, 'f', prec-1-exp, 64)
		if alt && !strings.Contains(s, ".") {
			s += "."
		}
		if !alt {
			s = trimFraction(s)
		}
		if typ == 0 && !strings.Contains(s, ".") {
			s += ".0"
		}
		return s
	}
	if !alt {
		d = strings.TrimRight(d, "0")
		if d == "" {
			d = "0"
		}
	}
	return sciLayout(d, exp, alt)
}

// trimFraction drops trailing zeros after a decimal point, and the point.
func trimFraction(s string) string {
	if !strings.Contains(s, ".") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ".")
}
