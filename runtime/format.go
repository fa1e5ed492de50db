package runtime

// This file implements format(v, spec): Python's format specification
// mini-language for int, bool, float and str, with CPython's messages.

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fmtSpec is a parsed format specification
// [[fill]align][sign][z][#][0][width][grouping][.precision][type].
type fmtSpec struct {
	fill    rune
	align   byte // '<', '>', '^', '=' (after defaults)
	sign    byte // 0, '+', '-', ' '
	noNeg0  bool // 'z'
	alt     bool // '#'
	width   int  // -1 when absent
	group   byte // 0, ',' or '_'
	groupN  int  // digits per group: 3, or 4 for '_' in b/o/x/X
	prec    int  // -1 when absent
	typ     byte // presentation type, or the default
	typRune rune // the type as written (for messages)
}

// Format is Python's format(v, spec).
func Format(th *Thread, v Value, spec string) (string, error) {
	switch kindOf(v) {
	case kInt, kBig:
		return formatIntValue(th, v, spec)
	case kFloat:
		return formatFloatValue(v.AsFloat(), spec, "float")
	}
	if s, ok := v.o.(*String); ok && v.Type() == StrType {
		return formatStr(s.s, spec)
	}
	return formatObject(th, v, spec)
}

// formatObject calls a class's __format__, or does object.__format__.
func formatObject(th *Thread, v Value, spec string) (string, error) {
	if o, ok := v.o.(HasFormat); ok {
		return o.Format(th, spec)
	}
	if hasOwnMethod(v.Type(), "__format__") {
		m, err := GetAttr(th, v, "__format__")
		if err != nil {
			return "", err
		}
		r, err := Call(th, m, []Value{Str(spec)}, nil)
		if err != nil {
			return "", err
		}
		s, ok := AsString(r)
		if !ok {
			return "", Errorf(TypeError, "__format__ must return a str, not %s", r.Type().Name)
		}
		return s, nil
	}
	if s, ok := v.o.(*String); ok {
		return formatStr(s.s, spec)
	}
	if spec != "" {
		return "", Errorf(TypeError, "unsupported format string passed to %s.__format__", v.Type().Name)
	}
	return StrOf(th, v)
}

// hasOwnMethod reports whether a type other than object along t's MRO
// defines name.
func hasOwnMethod(t *Type, name string) bool {
	for _, c := range t.MRO {
		if c == ObjectType || c.Dict == nil {
			continue
		}
		if _, ok := c.Dict.GetStr(name); ok {
			return true
		}
	}
	return false
}

// errFormat builds a ValueError of the format mini-language.
func errFormat(format string, args ...any) error { return Errorf(ValueError, format, args...) }

// isAlign reports whether r is an alignment character.
func isAlign(r rune) bool { return r == '<' || r == '>' || r == '^' || r == '=' }

// parseSpec parses spec for an object of type typeName whose default
// presentation type and alignment are defType and defAlign.
func parseSpec(spec string, defType, defAlign byte, typeName string) (fmtSpec, error) {
	f := fmtSpec{fill: ' ', align: defAlign, width: -1, prec: -1, typ: defType}
	rs := []rune(spec)
	i := 0
	fillSet, alignSet := false, false
	switch {
	case len(rs) >= 2 && isAlign(rs[1]):
		f.fill, f.align, fillSet, alignSet, i = rs[0], byte(rs[1]), true, true, 2
	case len(rs) >= 1 && isAlign(rs[0]):
		f.align, alignSet, i = byte(rs[0]), true, 1
	}
	if i < len(rs) && (rs[i] == '+' || rs[i] == '-' || rs[i] == ' ') {
		f.sign = byte(rs[i])
		i++
	}
	if i < len(rs) && rs[i] == 'z' {
		f.noNeg0 = true
		i++
	}
	if i < len(rs) && rs[i] == '#' {
		f.alt = true
		i++
	}
	if !fillSet && i < len(rs) && rs[i] == '0' {
		f.fill = '0'
		if !alignSet && defAlign == '>' {
			f.align = '='
		}
		i++
	}
	var err error
	if f.width, i, err = specInt(rs, i); err != nil {
		return f, err
	}
	if err := checkSize(int64(f.width)); err != nil {
		return f, err
	}
	if i < len(rs) && rs[i] == ',' {
		f.group = ','
		i++
	}
	if i < len(rs) && rs[i] == '_' {
		if f.group != 0 {
			return f, errFormat("Cannot specify both ',' and '_'.")
		}
		f.group = '_'
		i++
	}
	if i < len(rs) && rs[i] == ',' && f.group == '_' {
		return f, errFormat("Cannot specify both ',' and '_'.")
	}
	if i < len(rs) && rs[i] == '.' {
		i++
		start := i
		if f.prec, i, err = specInt(rs, i); err != nil {
			return f, err
		}
		if i == start {
			return f, errFormat("Format specifier missing precision")
		}
		if err := checkSize(int64(f.prec)); err != nil {
			return f, err
		}
	}
	if len(rs)-i > 1 {
		return f, errFormat("Invalid format specifier '%s' for object of type '%s'", spec, typeName)
	}
	f.typRune = rune(defType)
	if i < len(rs) {
		f.typRune = rs[i]
		f.typ = 0xff
		if rs[i] < utf8.RuneSelf {
			f.typ = byte(rs[i])
		}
	}
	return f, f.checkGrouping()
}

// specInt reads a decimal number at rs[i:]; -1 when there is none.
func specInt(rs []rune, i int) (int, int, error) {
	n, start := 0, i
	for ; i < len(rs) && rs[i] >= '0' && rs[i] <= '9'; i++ {
		if n > (math.MaxInt64-9)/10 {
			return 0, i, errFormat("Too many decimal digits in format string")
		}
		n = n*10 + int(rs[i]-'0')
	}
	if i == start {
		return -1, i, nil
	}
	return n, i, nil
}

// checkGrouping validates the grouping option against the type.
func (f *fmtSpec) checkGrouping() error {
	if f.group == 0 {
		return nil
	}
	f.groupN = 3
	switch f.typ {
	case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0:
		return nil
	case 'b', 'o', 'x', 'X':
		if f.group == '_' {
			f.groupN = 4
			return nil
		}
	}
	if f.typRune >= ' ' && f.typRune <= '~' {
		return errFormat("Cannot specify '%c' with '%c'.", f.group, f.typRune)
	}
	return errFormat("Cannot specify '%c' with '\\x%x'.", f.group, f.typRune)
}

// errUnknownCode is the error of a presentation type the object lacks.
func errUnknownCode(f fmtSpec, typeName string) error {
	if f.typRune >= ' ' && f.typRune <= '~' {
		return errFormat("Unknown format code '%c' for object of type '%s'", f.typRune, typeName)
	}
	return errFormat("Unknown format code '\\x%x' for object of type '%s'", f.typRune, typeName)
}

// formatStr is str.__format__.
func formatStr(s, spec string) (string, error) {
	if spec == "" {
		return s, nil
	}
	f, err := parseSpec(spec, 's', '<', "str")
	if err != nil {
		return "", err
	}
	switch {
	case f.typ != 's':
		return "", errUnknownCode(f, "str")
	case f.sign == ' ':
		return "", errFormat("Space not allowed in string format specifier")
	case f.sign != 0:
		return "", errFormat("Sign not allowed in string format specifier")
	case f.noNeg0:
		return "", errFormat("Negative zero coercion (z) not allowed in string format specifier")
	case f.alt:
		return "", errFormat("Alternate form (#) not allowed in string format specifier")
	case f.align == '=':
		return "", errFormat("'=' alignment not allowed in string format specifier")
	}
	n := utf8.RuneCountInString(s)
	if f.prec >= 0 && n > f.prec {
		s = string([]rune(s)[:f.prec])
		n = f.prec
	}
	return fmtPad(s, n, f), nil
}

// fmtPad aligns s (n code points) in f.width with f.fill.
func fmtPad(s string, n int, f fmtSpec) string {
	if f.width <= n {
		return s
	}
	total := f.width - n
	fill := string(f.fill)
	switch f.align {
	case '>', '=':
		return strings.Repeat(fill, total) + s
	case '^':
		left := total / 2
		return strings.Repeat(fill, left) + s + strings.Repeat(fill, total-left)
	}
	return s + strings.Repeat(fill, total)
}

// formatIntValue is int.__format__ (and bool's).
func formatIntValue(th *Thread, v Value, spec string) (string, error) {
	if spec == "" {
		if v.IsBool() {
			return numRepr(v), nil
		}
		return IntString(v, 10, false)
	}
	f, err := parseSpec(spec, 'd', '>', v.Type().Name)
	if err != nil {
		return "", err
	}
	switch f.typ {
	case 'b', 'c', 'd', 'o', 'x', 'X', 'n':
		return formatIntInternal(v, f)
	case 'e', 'E', 'f', 'F', 'g', 'G', '%':
		x, err := numToFloat(v, kindOf(v))
		if err != nil {
			return "", err
		}
		return formatFloatInternal(x, f)
	}
	return "", errUnknownCode(f, v.Type().Name)
}

// formatIntInternal formats an int with an integer presentation type.
func formatIntInternal(v Value, f fmtSpec) (string, error) {
	if f.prec >= 0 {
		return "", errFormat("Precision not allowed in integer format specifier")
	}
	if f.noNeg0 {
		return "", errFormat("Negative zero coercion (z) not allowed in integer format specifier")
	}
	if f.typ == 'c' {
		return formatIntChar(v, f)
	}
	base := map[byte]int{'b': 2, 'o': 8, 'x': 16, 'X': 16}[f.typ]
	if base == 0 {
		base = 10
	}
	var digits string
	neg := false
	if kindOf(v) == kBig {
		b := toBig(v)
		neg = b.Sign() < 0
		if base == 10 {
			s, err := bigDecimal(b)
			if err != nil {
				return "", err
			}
			digits = strings.TrimPrefix(s, "-")
		} else {
			digits = strings.TrimPrefix(b.Text(base), "-")
		}
	} else {
		i := int64(v.n)
		neg = i < 0
		u := uint64(i)
		if neg {
			u = -u
		}
		digits = strconv.FormatUint(u, base)
	}
	prefix := ""
	if f.alt && base != 10 {
		prefix = "0" + string(f.typ)
	}
	if f.typ == 'X' {
		digits = strings.ToUpper(digits)
	}
	return assembleNumber(signOf(neg, f), prefix, digits, "", f), nil
}

// formatIntChar is the 'c' presentation type.
func formatIntChar(v Value, f fmtSpec) (string, error) {
	if f.sign != 0 {
		return "", errFormat("Sign not allowed with integer format specifier 'c'")
	}
	if f.alt {
		return "", errFormat("Alternate form (#) not allowed with integer format specifier 'c'")
	}
	if kindOf(v) == kBig {
		return "", Errorf(OverflowError, "Python int too large to convert to C long")
	}
	c := int64(v.n)
	if c < 0 || c > 0x10ffff {
		return "", Errorf(OverflowError, "%%c arg not in range(0x110000)")
	}
	f.align = map[bool]byte{true: '>', false: f.align}[f.align == '=']
	return fmtPad(string(rune(c)), 1, f), nil
}

// signOf returns the sign text of a number.
func signOf(neg bool, f fmtSpec) string {
	switch {
	case neg:
		return "-"
	case f.sign == '+':
		return "+"
	case f.sign == ' ':
		return " "
	}
	return ""
}

// formatFloatValue is float.__format__.
func formatFloatValue(x float64, spec, typeName string) (string, error) {
	if spec == "" {
		return FloatRepr(x), nil
	}
	f, err := parseSpec(spec, 0, '>', typeName)
	if err != nil {
		return "", err
	}
	switch f.typ {
	case 'e', 'E', 'f', 'F', 'g', 'G', '%', 'n', 0:
		return formatFloatInternal(x, f)
	}
	return "", errUnknownCode(f, typeName)
}

// formatFloatInternal formats a float with a float presentation type.
func formatFloatInternal(x float64, f fmtSpec) (string, error) {
	typ, prec, suffix := f.typ, f.prec, ""
	switch typ {
	case 0:
		if prec < 0 {
			typ = 'r'
		}
	case 'n':
		typ = 'g'
	case '%':
		typ, x, suffix = 'f', x*100, "%"
	}
	if prec < 0 {
		prec = 6
	}
	upper := typ == 'E' || typ == 'F' || typ == 'G'
	low := typ | 0x20
	if typ == 0 {
		low = 0
	}
	neg := math.Signbit(x) && !math.IsNaN(x)
	var body string
	if s, ok := floatSpecial(math.Abs(x)); ok {
		body = s
	} else {
		body = formatFloatAbs(x, low, prec, f.alt)
		if typ == 'r' && f.alt && !strings.Contains(body, ".") {
			body = addPointBeforeExp(body)
		}
	}
	if upper {
		body = strings.ToUpper(body)
	}
	if neg && f.noNeg0 && isZeroText(body) {
		neg = false
	}
	digits, rest := splitIntDigits(body)
	return assembleNumber(signOf(neg, f), "", digits, rest+suffix, f), nil
}

// addPointBeforeExp turns "1e+16" into "1.e+16" (repr style with '#').
func addPointBeforeExp(s string) string {
	if i := strings.IndexByte(s, 'e'); i >= 0 {
		return s[:i] + "." + s[i:]
	}
	return s + "."
}

// isZeroText reports whether the mantissa of a formatted number is zero.
func isZeroText(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == 'e' || c == 'E' {
			break
		}
		if c >= '1' && c <= '9' {
			return false
		}
		if c != '0' && c != '.' {
			return false
		}
	}
	return true
}

// splitIntDigits splits a formatted number into its leading digits and
// the rest (point, fraction, exponent, or the whole of inf/nan).
func splitIntDigits(s string) (string, string) {
	i := 0
	for i < len(s) && isASCIIDigit(s[i]) {
		i++
	}
	return s[:i], s[i:]
}

// assembleNumber lays out sign, prefix, grouped digits and the rest in
// the field, with CPython's zero-padding through the grouping.
func assembleNumber(sign, prefix, digits, rest string, f fmtSpec) string {
	fixed := len(sign) + len(prefix) + utf8.RuneCountInString(rest)
	if f.group != 0 && digits != "" {
		minWidth := 0
		if f.fill == '0' && f.align == '=' {
			minWidth = f.width - fixed
		}
		digits = groupDigits(digits, f.group, f.groupN, minWidth)
	}
	n := fixed + len(digits)
	if f.width <= n {
		return sign + prefix + digits + rest
	}
	if f.align == '=' {
		return sign + prefix + strings.Repeat(string(f.fill), f.width-n) + digits + rest
	}
	return fmtPad(sign+prefix+digits+rest, n, f)
}

// groupDigits inserts sep every n digits from the right, padding with
// zeros (and separators) to at least minWidth characters, never starting
// with a separator (CPython's _PyUnicode_InsertThousandsGrouping).
func groupDigits(digits string, sep byte, n, minWidth int) string {
	var groups []string
	remaining := len(digits)
	for {
		l := min(n, max(remaining, minWidth, 1))
		zeros := max(0, l-remaining)
		chars := max(0, min(remaining, l))
		groups = append(groups, strings.Repeat("0", zeros)+digits[remaining-chars:remaining])
		remaining -= chars
		minWidth -= l
		if remaining <= 0 && minWidth <= 0 {
			break
		}
		minWidth--
	}
	var b strings.Builder
	for i := len(groups) - 1; i >= 0; i-- {
		b.WriteString(groups[i])
		if i > 0 {
			b.WriteByte(sep)
		}
	}
	return b.String()
}
