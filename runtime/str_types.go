package runtime

// This file installs the str type: its constructor, its method table and
// the str iterator type, and implements str.encode.

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// StrIteratorType is the type of iter(str).
var StrIteratorType = NewType("str_ascii_iterator", nil)

func init() {
	StrType.New = str_new
	StrType.SetMethods(strMethods)
	StrType.SetMethods(strDunders())
	StrType.Dict.SetStr("maketrans", Obj(&StaticMethod{Fn: NewBuiltin("maketrans", str_maketrans)}))
	StrIteratorType.SetMethods(map[string]MethodFunc{
		"__next__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			v, ok, err := self.o.(*strIterator).Next(th)
			if err == nil && !ok {
				return Value{}, NewException(StopIteration)
			}
			return v, err
		},
		"__iter__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return self, nil
		},
	})
}

// Iter returns the iterator itself.
func (it *strIterator) Iter(th *Thread) (Iterator, error) { return it, nil }

// strMethods is the method table of str.
var strMethods = map[string]MethodFunc{
	"capitalize":   strCaseMethod("capitalize", strCapitalize),
	"casefold":     strCaseMethod("casefold", strCasefold),
	"center":       strJustify("center"),
	"count":        str_count,
	"encode":       str_encode,
	"endswith":     strAffix("endswith", true),
	"expandtabs":   str_expandtabs,
	"find":         strFind("find", false, false),
	"format":       str_format,
	"format_map":   str_format_map,
	"index":        strFind("index", false, true),
	"isalnum":      strPredicate("isalnum", false, isAlnumRune),
	"isalpha":      strPredicate("isalpha", false, isLetterRune),
	"isascii":      strPredicate("isascii", true, func(r rune) bool { return r < 0x80 }),
	"isdecimal":    strPredicate("isdecimal", false, isDecimalRune),
	"isdigit":      strPredicate("isdigit", false, isDigitRune),
	"isidentifier": str_isidentifier,
	"islower":      strCaseTest("islower", false),
	"isnumeric":    strPredicate("isnumeric", false, isNumericRune),
	"isprintable":  strPredicate("isprintable", true, isPrintable),
	"isspace":      strPredicate("isspace", false, isPySpace),
	"istitle":      str_istitle,
	"isupper":      strCaseTest("isupper", true),
	"join":         str_join,
	"ljust":        strJustify("ljust"),
	"lower":        strCaseMethod("lower", strLower),
	"lstrip":       strStrip("lstrip", true, false),
	"partition":    strPartition("partition", false),
	"removeprefix": strRemoveAffix("removeprefix", false),
	"removesuffix": strRemoveAffix("removesuffix", true),
	"replace":      str_replace,
	"rfind":        strFind("rfind", true, false),
	"rindex":       strFind("rindex", true, true),
	"rjust":        strJustify("rjust"),
	"rpartition":   strPartition("rpartition", true),
	"rsplit":       str_rsplit,
	"rstrip":       strStrip("rstrip", false, true),
	"split":        str_split,
	"splitlines":   str_splitlines,
	"startswith":   strAffix("startswith", false),
	"strip":        strStrip("strip", true, true),
	"swapcase":     strCaseMethod("swapcase", strSwapcase),
	"title":        strCaseMethod("title", strTitle),
	"translate":    str_translate,
	"upper":        strCaseMethod("upper", strUpper),
	"zfill":        str_zfill,
	"__format__":   str_dunder_format,
	"__len__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return Int(int64(strSelf(self).runeCount())), nil
	},
	"__getnewargs__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return Obj(NewTuple([]Value{Str(strSelf(self).s)})), nil
	},
}

// strDunders exposes str's operators as special methods, for explicit
// calls and super() in subclasses.
func strDunders() map[string]MethodFunc {
	binary := func(op BinaryOp, right bool) MethodFunc {
		return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := strArity("expected", args, kwnames, 1, 1); err != nil {
				return Value{}, err
			}
			return strSelf(self).ownBinary(th, op, args[0], right)
		}
	}
	compare := func(op CmpOp) MethodFunc {
		return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := strArity("expected", args, kwnames, 1, 1); err != nil {
				return Value{}, err
			}
			return strSelf(self).ownCompare(op, args[0]), nil
		}
	}
	one := func(f func(th *Thread, s *String, x Value) (Value, error)) MethodFunc {
		return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := strArity("expected", args, kwnames, 1, 1); err != nil {
				return Value{}, err
			}
			return f(th, strSelf(self), args[0])
		}
	}
	return map[string]MethodFunc{
		"__add__": binary(OpAdd, false), "__mul__": binary(OpMul, false), "__rmul__": binary(OpMul, true),
		"__mod__": binary(OpMod, false), "__rmod__": binary(OpMod, true),
		"__eq__": compare(CmpEq), "__ne__": compare(CmpNe), "__lt__": compare(CmpLt),
		"__le__": compare(CmpLe), "__gt__": compare(CmpGt), "__ge__": compare(CmpGe),
		"__getitem__": one(func(th *Thread, s *String, x Value) (Value, error) { return s.ownGetItem(th, x) }),
		"__contains__": one(func(th *Thread, s *String, x Value) (Value, error) {
			ok, err := s.ownContains(x)
			return Bool(ok), err
		}),
		"__iter__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return Obj(&strIterator{s: strSelf(self)}), nil
		},
		"__hash__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return Int(strSelf(self).cachedHash()), nil
		},
		"__str__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return strSelf(self).exact(), nil
		},
		"__repr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return Str(StrRepr(strSelf(self).s)), nil
		},
	}
}

// isLetterRune is str.isalpha for one code point.
func isLetterRune(r rune) bool { return unicode.Is(pyAlpha, r) }

// str_dunder_format is str.__format__(spec).
func str_dunder_format(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	if err := strArity("str.__format__", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	spec, ok := AsString(args[0])
	if !ok {
		return Value{}, Errorf(TypeError, "__format__() argument must be str, not %s", args[0].Type().Name)
	}
	s, err := formatStr(strSelf(self).s, spec)
	if err != nil {
		return Value{}, err
	}
	return Str(s), nil
}

// str_new is str(object=”) and str(bytes, encoding, errors).
func str_new(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if t == StrType && len(args) == 1 && len(kwnames) == 0 {
		if v, ok := strOfKnown(args[0]); ok {
			return v, nil
		}
	}
	var obj, encoding, errors Value
	if err := checkKeywords("str", kwnames, "object", "encoding", "errors"); err != nil {
		return Value{}, err
	}
	if err := UnpackArgs("str", args, kwnames, "object?", &obj, "encoding?", &encoding, "errors?", &errors); err != nil {
		return Value{}, err
	}
	if obj.IsNull() {
		return strOfType(t, ""), nil
	}
	if encoding.IsNull() && errors.IsNull() {
		s, err := StrOf(th, obj)
		if err != nil {
			return Value{}, err
		}
		return strOfType(t, s), nil
	}
	b, ok := AsBytes(obj)
	if !ok {
		return Value{}, Errorf(TypeError, "decoding to str: need a bytes-like object, %s found", obj.Type().Name)
	}
	enc, errs, err := codecArgs("str", encoding, errors)
	if err != nil {
		return Value{}, err
	}
	s, err := decodeBytes(b, enc, errs)
	if err != nil {
		return Value{}, err
	}
	return strOfType(t, s), nil
}

// strOfType returns s as a str, or as an instance of t, a subclass of str.
func strOfType(t *Type, s string) Value {
	sub := newSub(t, StrType)
	if sub == nil {
		return Str(s)
	}
	v := &String{s: s, x: &strExtra{ascii: true, sub: sub}}
	if !strIsASCII(s) {
		v.x.ascii, v.x.n = false, utf8.RuneCountInString(s)
	}
	return Obj(v)
}

// codecArgs reads optional encoding and errors arguments.
func codecArgs(fname string, encoding, errors Value) (string, string, error) {
	enc, errs := "utf-8", "strict"
	if !encoding.IsNull() {
		s, ok := AsString(encoding)
		if !ok {
			return "", "", Errorf(TypeError, "%s() argument 'encoding' must be str, not %s", fname, encoding.Type().Name)
		}
		enc = s
	}
	if !errors.IsNull() {
		s, ok := AsString(errors)
		if !ok {
			return "", "", Errorf(TypeError, "%s() argument 'errors' must be str, not %s", fname, errors.Type().Name)
		}
		errs = s
	}
	return enc, errs, nil
}

// str_encode is str.encode(encoding='utf-8', errors='strict').
func str_encode(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	var encoding, errors Value
	if err := checkKeywords("encode", kwnames, "encoding", "errors"); err != nil {
		return Value{}, err
	}
	if err := UnpackArgs("encode", args, kwnames, "encoding?", &encoding, "errors?", &errors); err != nil {
		return Value{}, err
	}
	enc, errs, err := codecArgs("encode", encoding, errors)
	if err != nil {
		return Value{}, err
	}
	b, err := EncodeString(strSelf(self).s, enc, errs)
	if err != nil {
		return Value{}, err
	}
	return Bytes(b), nil
}

// normEncoding normalizes a codec name: "utf-8", "ascii", "latin-1", or "".
func normEncoding(name string) string {
	n := strings.ReplaceAll(strings.ToLower(name), "_", "-")
	switch n {
	case "utf-8", "utf8", "u8", "utf", "cp65001":
		return "utf-8"
	case "ascii", "us-ascii", "646":
		return "ascii"
	case "latin-1", "latin1", "iso-8859-1", "iso8859-1", "8859", "cp819", "l1", "latin":
		return "latin-1"
	}
	return ""
}

// EncodeString encodes s with a codec (utf-8, ascii, latin-1) and an
// error handler (strict, ignore, replace, backslashreplace).
func EncodeString(s, encoding, errors string) ([]byte, error) {
	enc := normEncoding(encoding)
	if enc == "" {
		return nil, Errorf(LookupError, "unknown encoding: %s", encoding)
	}
	if enc == "utf-8" {
		return []byte(s), nil
	}
	limit := rune(0x80)
	reason := "ordinal not in range(128)"
	if enc == "latin-1" {
		limit, reason = 0x100, "ordinal not in range(256)"
	}
	out := make([]byte, 0, len(s))
	pos := 0
	for _, r := range s {
		if r < limit {
			out = append(out, byte(r))
			pos++
			continue
		}
		switch errors {
		case "ignore":
		case "replace":
			out = append(out, '?')
		case "backslashreplace":
			out = append(out, ASCIIEscape(string(r))...)
		default:
			return nil, Errorf(UnicodeEncodeError, "'%s' codec can't encode character %s in position %d: %s",
				codecName(enc), "'"+ASCIIEscape(string(r))+"'", pos, reason)
		}
		pos++
	}
	return out, nil
}

// codecName is the name CPython's messages use for a normalized codec.
func codecName(enc string) string {
	if enc == "latin-1" {
		return "latin-1"
	}
	return enc
}

// decodeBytes decodes b with a codec and an error handler.
func decodeBytes(b []byte, encoding, errors string) (string, error) {
	enc := normEncoding(encoding)
	switch enc {
	case "":
		return "", Errorf(LookupError, "unknown encoding: %s", encoding)
	case "latin-1":
		rs := make([]rune, len(b))
		for i, c := range b {
			rs[i] = rune(c)
		}
		return string(rs), nil
	case "ascii":
		return decodeASCII(b, errors)
	}
	return decodeUTF8(b, errors)
}

// decodeASCII decodes ASCII bytes.
func decodeASCII(b []byte, errors string) (string, error) {
	var sb strings.Builder
	for i, c := range b {
		if c < 0x80 {
			sb.WriteByte(c)
			continue
		}
		switch errors {
		case "ignore":
		case "replace":
			sb.WriteRune(utf8.RuneError)
		case "backslashreplace":
			writeHexEscape(&sb, 'x', uint32(c), 2)
		default:
			return "", Errorf(UnicodeDecodeError, "'ascii' codec can't decode byte 0x%02x in position %d: ordinal not in range(128)", c, i)
		}
	}
	return sb.String(), nil
}

// decodeUTF8 decodes UTF-8 with CPython's error messages.
func decodeUTF8(b []byte, errors string) (string, error) {
	if utf8.Valid(b) {
		return string(b), nil
	}
	var sb strings.Builder
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			sb.WriteRune(r)
			i += size
			continue
		}
		switch errors {
		case "ignore":
		case "replace":
			sb.WriteRune(utf8.RuneError)
		case "backslashreplace":
			writeHexEscape(&sb, 'x', uint32(b[i]), 2)
		default:
			return "", Errorf(UnicodeDecodeError, "'utf-8' codec can't decode byte 0x%02x in position %d: %s", b[i], i, utf8Reason(b[i:]))
		}
		i++
	}
	return sb.String(), nil
}

// utf8Reason explains why b does not start with a valid UTF-8 sequence.
func utf8Reason(b []byte) string {
	c := b[0]
	if c < 0xc2 || c > 0xf4 {
		return "invalid start byte"
	}
	if len(b) < 2 || b[1]&0xc0 != 0x80 {
		if len(b) < 2 {
			return "unexpected end of data"
		}
		return "invalid continuation byte"
	}
	return "invalid continuation byte"
}
