package runtime

// This file installs complex: its constructor with CPython's argument
// rules and string syntax, members, methods and special methods.

import (
	"math"
	"strings"
)

func init() {
	ComplexType.Flags |= FlagFinal
	ComplexType.New = complex_new
	ComplexType.SetMethods(complexMethods())
	ComplexType.SetMembers(map[string]MemberFunc{
		"real": func(th *Thread, self Value) (Value, error) { return Float(real(complexSelf(self))), nil },
		"imag": func(th *Thread, self Value) (Value, error) { return Float(imag(complexSelf(self))), nil },
	})
}

// complexSelf returns the receiver of a complex method.
func complexSelf(self Value) complex128 { return self.o.(*Complex).v }

// complexMethod wraps a complex method without arguments.
func complexMethod(name string, f func(z complex128) (Value, error)) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("complex."+name, args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return f(complexSelf(self))
	}
}

// complexMethods is the method table of complex, special methods included.
func complexMethods() map[string]MethodFunc {
	m := map[string]MethodFunc{
		"conjugate": complexMethod("conjugate", func(z complex128) (Value, error) {
			return NewComplex(complex(real(z), -imag(z))), nil
		}),
		"__complex__": complexMethod("__complex__", func(z complex128) (Value, error) { return NewComplex(z), nil }),
		"__abs__": complexMethod("__abs__", func(z complex128) (Value, error) {
			r, err := complexAbs(z)
			return Float(r), err
		}),
		"__getnewargs__": complexMethod("__getnewargs__", func(z complex128) (Value, error) {
			return Obj(NewTuple([]Value{Float(real(z)), Float(imag(z))})), nil
		}),
		"__pow__":  complexPowDunder(false),
		"__rpow__": complexPowDunder(true),
	}
	names := map[BinaryOp]string{OpAdd: "add", OpSub: "sub", OpMul: "mul", OpDiv: "truediv"}
	for op, name := range names {
		m["__"+name+"__"] = complexBinaryDunder(op, false)
		m["__r"+name+"__"] = complexBinaryDunder(op, true)
	}
	for name, op := range map[string]CmpOp{"__eq__": CmpEq, "__ne__": CmpNe} {
		op := op
		m[name] = func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := strArity("expected", args, kwnames, 1, 1); err != nil {
				return Value{}, err
			}
			return self.o.(*Complex).Compare(th, op, args[0])
		}
	}
	for name, op := range map[string]UnaryOp{"__neg__": OpNeg, "__pos__": OpPos} {
		op := op
		m[name] = func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return self.o.(*Complex).Unary(th, op)
		}
	}
	m["__bool__"] = complexMethod("__bool__", func(z complex128) (Value, error) { return Bool(z != 0), nil })
	m["__hash__"] = complexMethod("__hash__", func(z complex128) (Value, error) { return Int(complexHash(z)), nil })
	m["__repr__"] = complexMethod("__repr__", func(z complex128) (Value, error) { return Str(ComplexRepr(z)), nil })
	m["__format__"] = func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("__format__", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		spec, ok := AsString(args[0])
		if !ok {
			return Value{}, Errorf(TypeError, "__format__() argument must be str, not %s", args[0].Type().Name)
		}
		s, err := FormatComplex(complexSelf(self), spec)
		return Str(s), err
	}
	return m
}

// complexBinaryDunder is __add__, __radd__ and the like.
func complexBinaryDunder(op BinaryOp, right bool) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("expected", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		return self.o.(*Complex).Binary(th, op, args[0], right)
	}
}

// complexPowDunder is __pow__(other, mod=None) or __rpow__; a modulus is
// a ValueError, as in CPython.
func complexPowDunder(right bool) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("expected", args, kwnames, 1, 2); err != nil {
			return Value{}, err
		}
		if len(args) == 2 && !args[1].IsNone() {
			return Value{}, Errorf(ValueError, "complex modulo")
		}
		return self.o.(*Complex).Binary(th, OpPow, args[0], right)
	}
}

// Format implements HasFormat.
func (c *Complex) Format(th *Thread, spec string) (string, error) { return FormatComplex(c.v, spec) }

// complex_new is complex(real=0, imag=0).
func complex_new(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	for _, kw := range kwnames {
		if kw != "real" && kw != "imag" {
			return Value{}, Errorf(TypeError, "'%s' is an invalid keyword argument for complex()", kw)
		}
	}
	var r, i Value
	if err := UnpackArgs("complex", args, kwnames, "real?", &r, "imag?", &i); err != nil {
		return Value{}, err
	}
	if r.IsNull() {
		r = Int(0)
	}
	if s, ok := AsString(r); ok {
		if !i.IsNull() {
			return Value{}, Errorf(TypeError, "complex() can't take second arg if first is a string")
		}
		z, err := ParseComplex(s)
		if err != nil {
			return Value{}, err
		}
		return NewComplex(z), nil
	}
	if !i.IsNull() {
		if _, ok := AsString(i); ok {
			return Value{}, Errorf(TypeError, "complex() second arg can't be a string")
		}
	}
	if c, ok := r.o.(*Complex); ok && i.IsNull() {
		return NewComplex(c.v), nil
	}
	return complexFromParts(th, r, i)
}

// complexFromParts is complex(r, i) for numbers (i may be absent),
// with CPython's correction when either part is itself complex.
func complexFromParts(th *Thread, r, i Value) (Value, error) {
	cr, rComplex, err := complexArg(th, r, "complex() first argument must be a string or a number, not '%s'")
	if err != nil {
		return Value{}, err
	}
	if i.IsNull() {
		return NewComplex(cr), nil
	}
	ci, iComplex, err := complexArg(th, i, "complex() second argument must be a number, not '%s'")
	if err != nil {
		return Value{}, err
	}
	re, im := real(cr), real(ci)
	if iComplex {
		re -= imag(ci)
	}
	if rComplex {
		im += imag(cr)
	}
	return NewComplex(complex(re, im)), nil
}

// complexArg converts one argument of complex(): a complex, an object
// with __complex__, or a real number (through __float__ or __index__).
func complexArg(th *Thread, v Value, notNumber string) (complex128, bool, error) {
	if c, ok := v.o.(*Complex); ok {
		return c.v, true, nil
	}
	if v.Object() != nil && !isBuiltinValueType(v) {
		if r, ok, err := callDunder(th, v, "__complex__"); ok {
			if err != nil {
				return 0, false, err
			}
			c, isC := r.o.(*Complex)
			if !isC {
				return 0, false, Errorf(TypeError, "__complex__ returned non-complex (type %s)", r.Type().Name)
			}
			return c.v, true, nil
		}
	}
	if !isRealNumber(v) {
		return 0, false, Errorf(TypeError, notNumber, v.Type().Name)
	}
	f, err := ToFloat(th, v)
	return complex(f, 0), false, err
}

// isRealNumber reports whether v is an int, float or an object with
// __float__ or __index__.
func isRealNumber(v Value) bool {
	if kindOf(unwrapNum(v)) != kNone {
		return true
	}
	_, hasFloat := userSlot(v.Type(), "__float__")
	_, hasIndex := userSlot(v.Type(), "__index__")
	return hasFloat || hasIndex
}

// errMalformedComplex is the ValueError of an unparsable complex string.
func errMalformedComplex() error {
	return Errorf(ValueError, "complex() arg is a malformed string")
}

// ParseComplex parses a string as complex() does (complex_from_string):
// "1+2j", "(1-2j)", "2j", "-j", "inf+nanj", with surrounding whitespace,
// optional parentheses and underscores between digits.
func ParseComplex(s string) (complex128, error) {
	t := asciiDigits(s)
	if strings.IndexByte(t, '_') >= 0 {
		var ok bool
		if t, ok = dropDigitUnderscores(t); !ok {
			return 0, Errorf(ValueError, "could not convert string to complex: %s", StrRepr(s))
		}
	}
	t = strings.TrimFunc(t, isPySpace)
	if strings.HasPrefix(t, "(") {
		if !strings.HasSuffix(t, ")") {
			return 0, errMalformedComplex()
		}
		t = strings.TrimFunc(t[1:len(t)-1], isPySpace)
	}
	z, ok := parseComplexBody(t)
	if !ok {
		return 0, errMalformedComplex()
	}
	return z, nil
}

// dropDigitUnderscores removes underscores that sit between digits;
// ok is false for any other underscore.
func dropDigitUnderscores(s string) (string, bool) {
	var b strings.Builder
	prev := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '_' {
			if !isASCIIDigit(prev) {
				return "", false
			}
		} else {
			if prev == '_' && !isASCIIDigit(c) {
				return "", false
			}
			b.WriteByte(c)
		}
		prev = c
	}
	return b.String(), prev != '_'
}

// parseComplexBody parses <float>, <float>j, <float><signed-float>j,
// <float><sign>j, <sign>j or j, the whole of s.
func parseComplexBody(s string) (complex128, bool) {
	x, n := floatPrefix(s)
	if n == 0 {
		y := 1.0
		if s != "" && (s[0] == '+' || s[0] == '-') {
			if s[0] == '-' {
				y = -1
			}
			s = s[1:]
		}
		return complex(0, y), s == "j" || s == "J"
	}
	s = s[n:]
	switch {
	case s == "":
		return complex(x, 0), true
	case s == "j" || s == "J":
		return complex(0, x), true
	case s[0] != '+' && s[0] != '-':
		return 0, false
	}
	y, m := floatPrefix(s)
	if m == 0 {
		y, m = 1, 1
		if s[0] == '-' {
			y = -1
		}
	}
	s = s[m:]
	return complex(x, y), s == "j" || s == "J"
}

// floatPrefix parses the longest prefix of s that strtod accepts as a
// Python float (sign, digits, point, exponent, or inf/infinity/nan),
// returning its value and length (0: none). Out-of-range values are ±inf.
func floatPrefix(s string) (float64, int) {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	lower := strings.ToLower(s[i:])
	for _, word := range [...]string{"infinity", "inf", "nan"} {
		if strings.HasPrefix(lower, word) {
			f, _ := ParseFloat(s[:i+len(word)])
			return f, i + len(word)
		}
	}
	start := i
	for i < len(s) && isASCIIDigit(s[i]) {
		i++
	}
	digits := i - start
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && isASCIIDigit(s[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return 0, 0
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		j := i + 1
		if j < len(s) && (s[j] == '+' || s[j] == '-') {
			j++
		}
		k := j
		for k < len(s) && isASCIIDigit(s[k]) {
			k++
		}
		if k > j {
			i = k
		}
	}
	f, err := ParseFloat(s[:i])
	if err != nil {
		return 0, 0
	}
	return f, i
}

// FormatComplex is complex.__format__ (format_complex_internal): each
// part formatted as a float, the imaginary one always signed unless the
// real part is omitted, then padded as a whole.
func FormatComplex(z complex128, spec string) (string, error) {
	if spec == "" {
		return ComplexRepr(z), nil
	}
	f, err := parseSpec(spec, 0, '>', "complex")
	if err != nil {
		return "", err
	}
	switch f.typ {
	case 'e', 'E', 'f', 'F', 'g', 'G', 'n', 0:
	default:
		return "", errUnknownCode(f, "complex")
	}
	switch {
	case f.fill == '0':
		return "", errFormat("Zero padding is not allowed in complex format specifier")
	case f.align == '=':
		return "", errFormat("'=' alignment flag is not allowed in complex format specifier")
	}
	re, im := real(z), imag(z)
	skipRe, parens := false, false
	part := f
	part.width, part.fill, part.align = -1, ' ', '<'
	if f.typ == 0 {
		skipRe = re == 0 && !math.Signbit(re)
		parens = !skipRe
		if f.prec >= 0 {
			part.typ = 'g'
		}
	}
	if f.typ == 'n' {
		part.typ = 'g'
	}
	reText, err := complexPartFormat(re, part)
	if err != nil {
		return "", err
	}
	if !skipRe {
		part.sign = '+'
	}
	imText, err := complexPartFormat(im, part)
	if err != nil {
		return "", err
	}
	body := imText + "j"
	if !skipRe {
		body = reText + body
	}
	if parens {
		body = "(" + body + ")"
	}
	return fmtPad(body, len(body), f), nil
}

// complexPartFormat formats one part; the default type is float's repr
// without the ".0" of integral values, as PyOS_double_to_string's 'r'
// (with '#', a bare point instead: "1.", "1.e+20").
func complexPartFormat(x float64, f fmtSpec) (string, error) {
	s, err := formatFloatInternal(x, f)
	if err != nil || f.typ != 0 || f.prec >= 0 {
		return s, err
	}
	s = strings.TrimSuffix(s, ".0")
	if f.alt && !strings.Contains(s, ".") && strings.ContainsAny(s, "0123456789") {
		s = addPointBeforeExp(s)
	}
	return s, nil
}

// ToComplex converts an argument of a cmath function: a complex, an
// object with __complex__, or a real number (TypeError "must be real
// number, not str" otherwise, as CPython's "D" converter says).
func ToComplex(th *Thread, v Value) (complex128, error) {
	if c, ok := v.o.(*Complex); ok {
		return c.v, nil
	}
	if v.Object() != nil && !isBuiltinValueType(v) {
		if _, ok := userSlot(v.Type(), "__complex__"); ok {
			c, _, err := complexArg(th, v, "")
			return c, err
		}
	}
	f, err := ToFloat(th, v)
	return complex(f, 0), err
}
