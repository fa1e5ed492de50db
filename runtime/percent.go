package runtime

// This file implements printf-style formatting, str % args, with
// CPython's conversions, flags and messages.

import (
	"math"
	"strings"
	"unicode/utf8"
)

// percentState walks a format string and its arguments.
type percentState struct {
	th      *Thread
	format  string
	pos     int     // byte offset of the next character
	args    []Value // positional arguments
	argi    int     // next positional argument
	mapping Value   // the mapping for %(name)s, or the zero Value
	bytes   bool    // formatting bytes: format and result are Latin-1 text
}

// percentSpec is one conversion: %[(key)][flags][width][.prec]type.
type percentSpec struct {
	left, plus, space, alt, zero bool
	width, prec                  int // -1 when absent
	conv                         rune
}

// PercentFormat is Python's format % args for a str format.
func PercentFormat(th *Thread, format string, args Value) (string, error) {
	return percentFormat(&percentState{th: th, format: format}, args)
}

// PercentFormatBytes is Python's format % args for a bytes format.
func PercentFormatBytes(th *Thread, format []byte, args Value) ([]byte, error) {
	s, err := percentFormat(&percentState{th: th, format: latin1(format), bytes: true}, args)
	if err != nil {
		return nil, err
	}
	return fromLatin1(s), nil
}

// percentFormat runs the conversions of st.format over args.
func percentFormat(st *percentState, args Value) (string, error) {
	format := st.format
	if t, ok := args.o.(*Tuple); ok {
		st.args = t.Items
	} else {
		st.args = []Value{args}
		if _, isStr := args.o.(*String); !isStr {
			if _, ok := args.o.(HasGetItem); ok {
				st.mapping = args
			}
		}
	}
	var b strings.Builder
	for st.pos < len(format) {
		i := strings.IndexByte(format[st.pos:], '%')
		if i < 0 {
			b.WriteString(format[st.pos:])
			break
		}
		b.WriteString(format[st.pos : st.pos+i])
		st.pos += i + 1
		if err := st.conversion(&b); err != nil {
			return "", err
		}
	}
	if st.argi < len(st.args) && st.mapping.IsNull() {
		return "", Errorf(TypeError, "not all arguments converted during string formatting")
	}
	return b.String(), nil
}

// next returns the next positional argument.
func (st *percentState) next() (Value, error) {
	if st.argi >= len(st.args) {
		return Value{}, Errorf(TypeError, "not enough arguments for format string")
	}
	st.argi++
	return st.args[st.argi-1], nil
}

// peek returns the next format character, or -1 at the end.
func (st *percentState) peek() rune {
	if st.pos >= len(st.format) {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(st.format[st.pos:])
	return r
}

// conversion handles one %-directive (the '%' already consumed).
func (st *percentState) conversion(b *strings.Builder) error {
	if st.peek() == '%' {
		st.pos++
		b.WriteByte('%')
		return nil
	}
	arg, keyed, err := st.key()
	if err != nil {
		return err
	}
	sp, err := st.parseSpec()
	if err != nil {
		return err
	}
	if sp.conv == '%' {
		if !keyed {
			if _, err := st.next(); err != nil {
				return err
			}
		}
		return st.unsupported('%')
	}
	if !keyed {
		if arg, err = st.next(); err != nil {
			return err
		}
	}
	s, err := st.convert(arg, sp)
	if err != nil {
		return err
	}
	b.WriteString(s)
	return nil
}

// key reads an optional (name) and looks it up in the mapping.
func (st *percentState) key() (Value, bool, error) {
	if st.peek() != '(' {
		return Value{}, false, nil
	}
	if st.mapping.IsNull() {
		return Value{}, false, Errorf(TypeError, "format requires a mapping")
	}
	depth, start := 1, st.pos+1
	st.pos++
	for depth > 0 {
		if st.pos >= len(st.format) {
			return Value{}, false, Errorf(ValueError, "incomplete format key")
		}
		switch st.format[st.pos] {
		case '(':
			depth++
		case ')':
			depth--
		}
		st.pos++
	}
	key := Str(st.format[start : st.pos-1])
	if st.bytes {
		key = newBytes(fromLatin1(st.format[start : st.pos-1]))
	}
	v, err := GetItem(st.th, st.mapping, key)
	if err != nil {
		return Value{}, false, err
	}
	st.args, st.argi = nil, 0
	return v, true, nil
}

// parseSpec reads flags, width, precision, length modifier and type.
func (st *percentState) parseSpec() (percentSpec, error) {
	sp := percentSpec{width: -1, prec: -1}
flags:
	for {
		switch st.peek() {
		case '-':
			sp.left = true
		case '+':
			sp.plus = true
		case ' ':
			sp.space = true
		case '#':
			sp.alt = true
		case '0':
			sp.zero = true
		default:
			break flags
		}
		st.pos++
	}
	w, ok, err := st.number("width")
	if err != nil {
		return sp, err
	}
	if ok {
		sp.width = w
		if w < 0 {
			sp.left, sp.width = true, -w
		}
		if err := checkSize(int64(sp.width)); err != nil {
			return sp, err
		}
	}
	if st.peek() == '.' {
		st.pos++
		p, _, err := st.number("precision")
		if err != nil {
			return sp, err
		}
		sp.prec = max(p, 0)
		if err := checkSize(int64(sp.prec)); err != nil {
			return sp, err
		}
	}
	for r := st.peek(); r == 'h' || r == 'l' || r == 'L'; r = st.peek() {
		st.pos++
	}
	if st.pos >= len(st.format) {
		return sp, Errorf(ValueError, "incomplete format")
	}
	r, size := utf8.DecodeRuneInString(st.format[st.pos:])
	st.pos += size
	sp.conv = r
	return sp, nil
}

// number reads a width or precision: digits, or '*' taking it from the
// arguments; ok is false when there is neither.
func (st *percentState) number(what string) (n int, ok bool, err error) {
	if st.peek() == '*' {
		st.pos++
		v, err := st.next()
		if err != nil {
			return 0, false, err
		}
		if kindOf(v) != kInt {
			return 0, false, Errorf(TypeError, "* wants int")
		}
		return int(int64(v.n)), true, nil
	}
	for r := st.peek(); r >= '0' && r <= '9'; r = st.peek() {
		if n > (math.MaxInt64-9)/10 {
			return 0, false, Errorf(ValueError, "%s too big", what)
		}
		n, ok = n*10+int(r-'0'), true
		st.pos++
	}
	return n, ok, nil
}

// convert formats one argument.
func (st *percentState) convert(arg Value, sp percentSpec) (string, error) {
	if st.bytes && (sp.conv == 's' || sp.conv == 'b' || sp.conv == 'c') {
		return st.bytesText(arg, sp)
	}
	switch sp.conv {
	case 's', 'r', 'a':
		s, err := st.text(arg, sp.conv)
		if err != nil {
			return "", err
		}
		if sp.prec >= 0 && utf8.RuneCountInString(s) > sp.prec {
			s = string([]rune(s)[:sp.prec])
		}
		return padPercent(s, "", sp, false), nil
	case 'd', 'i', 'u', 'x', 'X', 'o':
		return st.integer(arg, sp)
	case 'e', 'E', 'f', 'F', 'g', 'G':
		f, err := ToFloat(st.th, arg)
		if err != nil {
			return "", err
		}
		return percentFloat(f, sp), nil
	case 'c':
		return percentChar(arg, sp)
	}
	return "", st.unsupported(sp.conv)
}

// unsupported is the ValueError of an unknown conversion character.
func (st *percentState) unsupported(r rune) error {
	idx := utf8.RuneCountInString(st.format[:st.pos]) - 1
	if r >= ' ' && r < 0x7f {
		return Errorf(ValueError, "unsupported format character '%c' (0x%x) at index %d", r, r, idx)
	}
	return Errorf(ValueError, "unsupported format character '\\x%x' (0x%x) at index %d", r, r, idx)
}

// bytesText is %s, %b and %c in a bytes format.
func (st *percentState) bytesText(arg Value, sp percentSpec) (string, error) {
	if sp.conv == 'c' {
		if b, ok := AsBytes(arg); ok && len(b) == 1 {
			return padPercent(latin1(b), "", sp, false), nil
		}
		if kindOf(arg) != kInt {
			return "", Errorf(TypeError, "%%c requires an integer in range(256) or a single byte")
		}
		if c := int64(arg.n); c < 0 || c > 255 {
			return "", Errorf(OverflowError, "%%c arg not in range(256)")
		}
		return padPercent(string(rune(arg.n)), "", sp, false), nil
	}
	b, ok := AsBytes(arg)
	if !ok {
		r, found, err := callDunder(st.th, arg, "__bytes__")
		if !found {
			return "", Errorf(TypeError, "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'", arg.Type().Name)
		}
		if err != nil {
			return "", err
		}
		if b, ok = AsBytes(r); !ok {
			return "", Errorf(TypeError, "__bytes__ returned non-bytes (type %s)", r.Type().Name)
		}
	}
	s := latin1(b)
	if sp.prec >= 0 && len(b) > sp.prec {
		s = latin1(b[:sp.prec])
	}
	return padPercent(s, "", sp, false), nil
}

// text is %s, %r or %a of v.
func (st *percentState) text(v Value, conv rune) (string, error) {
	switch conv {
	case 's':
		return StrOf(st.th, v)
	case 'r':
		if st.bytes {
			s, err := Repr(st.th, v)
			return ASCIIEscape(s), err
		}
		return Repr(st.th, v)
	}
	s, err := Repr(st.th, v)
	return ASCIIEscape(s), err
}

// integer is %d, %i, %u, %x, %X and %o.
func (st *percentState) integer(arg Value, sp percentSpec) (string, error) {
	v, err := st.intArg(arg, sp.conv)
	if err != nil {
		return "", err
	}
	base := map[rune]int{'x': 16, 'X': 16, 'o': 8}[sp.conv]
	if base == 0 {
		base = 10
	}
	s, err := IntString(v, base, false)
	if err != nil {
		return "", err
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if sp.conv == 'X' {
		s = strings.ToUpper(s)
	}
	if sp.prec > len(s) {
		s = strings.Repeat("0", sp.prec-len(s)) + s
	}
	prefix := percentSign(neg, sp)
	if sp.alt && base != 10 {
		prefix += "0" + string(sp.conv)
	}
	return padPercent(s, prefix, sp, true), nil
}

// intArg converts the argument of an integer conversion.
func (st *percentState) intArg(arg Value, conv rune) (Value, error) {
	switch kindOf(arg) {
	case kInt, kBig:
		return arg, nil
	case kFloat:
		if conv == 'd' || conv == 'i' || conv == 'u' {
			return floatToInt(arg.AsFloat())
		}
		return Value{}, Errorf(TypeError, "%%%c format: an integer is required, not float", conv)
	}
	if v, err := ToIndex(st.th, arg); err == nil {
		return v, nil
	}
	if conv == 'd' || conv == 'i' || conv == 'u' {
		if arg.Object() != nil && !isBuiltinValueType(arg) {
			if i, ok, err := callDunder(st.th, arg, "__int__"); ok {
				return i, err
			}
		}
		return Value{}, Errorf(TypeError, "%%%c format: a real number is required, not %s", conv, arg.Type().Name)
	}
	return Value{}, Errorf(TypeError, "%%%c format: an integer is required, not %s", conv, arg.Type().Name)
}

// percentSign is the sign text of a number under the + and space flags.
func percentSign(neg bool, sp percentSpec) string {
	switch {
	case neg:
		return "-"
	case sp.plus:
		return "+"
	case sp.space:
		return " "
	}
	return ""
}

// percentFloat is %e, %f, %g and their upper-case forms.
func percentFloat(f float64, sp percentSpec) string {
	prec := sp.prec
	if prec < 0 {
		prec = 6
	}
	neg := math.Signbit(f) && !math.IsNaN(f)
	body, ok := floatSpecial(math.Abs(f))
	if !ok {
		body = formatFloatAbs(f, byte(sp.conv|0x20), prec, sp.alt)
	}
	if sp.conv == 'E' || sp.conv == 'F' || sp.conv == 'G' {
		body = strings.ToUpper(body)
	}
	return padPercent(body, percentSign(neg, sp), sp, true)
}

// percentChar is %c of an int or a one-character str.
func percentChar(arg Value, sp percentSpec) (string, error) {
	if s, ok := arg.o.(*String); ok {
		if s.runeCount() != 1 {
			return "", Errorf(TypeError, "%%c requires int or char")
		}
		return padPercent(s.s, "", sp, false), nil
	}
	switch kindOf(arg) {
	case kInt:
		c := int64(arg.n)
		if c < 0 || c > 0x10ffff {
			return "", Errorf(OverflowError, "%%c arg not in range(0x110000)")
		}
		return padPercent(string(rune(c)), "", sp, false), nil
	case kBig:
		return "", Errorf(OverflowError, "%%c arg not in range(0x110000)")
	}
	return "", Errorf(TypeError, "%%c requires int or char")
}

// padPercent pads body (after prefix: sign and 0x) to the width: left
// with '-', zeros after the prefix for numbers with '0', else spaces.
func padPercent(body, prefix string, sp percentSpec, numeric bool) string {
	n := utf8.RuneCountInString(body) + len(prefix)
	if sp.width <= n {
		return prefix + body
	}
	fill := sp.width - n
	switch {
	case sp.left:
		return prefix + body + strings.Repeat(" ", fill)
	case sp.zero && numeric:
		return prefix + strings.Repeat("0", fill) + body
	}
	return strings.Repeat(" ", fill) + prefix + body
}

// ASCIIEscape is ascii() applied to a repr: non-ASCII characters become
// \xhh, \uhhhh or \Uhhhhhhhh.
func ASCIIEscape(s string) string {
	if strIsASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x80:
			b.WriteRune(r)
		case r < 0x100:
			writeHexEscape(&b, 'x', uint32(r), 2)
		case r < 0x10000:
			writeHexEscape(&b, 'u', uint32(r), 4)
		default:
			writeHexEscape(&b, 'U', uint32(r), 8)
		}
	}
	return b.String()
}
