package runtime

// This file defines the bytes methods that share str's algorithms: the
// bytes are viewed as Latin-1 text (one code point per byte), the str
// method runs, and str results turn back into bytes. Case mappings,
// predicates and whitespace are ASCII-only, as in CPython.

import "strings"

func init() {
	for name, m := range bytesViaStr {
		bytesMethods[name] = latin1Method(name, m)
	}
	for name, m := range bytesASCII {
		bytesMethods[name] = m
	}
	BytesType.SetMethods(bytesMethods)
	BytesType.SetMethods(bytesDunders())
	BytesType.Dict.SetStr("maketrans", Obj(&StaticMethod{Fn: NewBuiltin("maketrans", bytes_maketrans)}))
	initByteArray()
}

// bytesViaStr are the str methods that bytes reuse through Latin-1.
var bytesViaStr = map[string]MethodFunc{
	"center":       strJustify("center"),
	"ljust":        strJustify("ljust"),
	"rjust":        strJustify("rjust"),
	"zfill":        str_zfill,
	"count":        str_count,
	"find":         strFind("find", false, false),
	"rfind":        strFind("rfind", true, false),
	"index":        strFind("index", false, true),
	"rindex":       strFind("rindex", true, true),
	"startswith":   strAffix("startswith", false),
	"endswith":     strAffix("endswith", true),
	"partition":    strPartition("partition", false),
	"rpartition":   strPartition("rpartition", true),
	"expandtabs":   str_expandtabs,
	"removeprefix": strRemoveAffix("removeprefix", false),
	"removesuffix": strRemoveAffix("removesuffix", true),
}

// latin1 views bytes as a str of code points 0-255.
func latin1(b []byte) string {
	rs := make([]rune, len(b))
	for i, c := range b {
		rs[i] = rune(c)
	}
	return string(rs)
}

// fromLatin1 turns a str of code points 0-255 back into bytes.
func fromLatin1(s string) []byte {
	out := make([]byte, 0, len(s))
	for _, r := range s {
		out = append(out, byte(r))
	}
	return out
}

// toLatin1Arg converts a bytes argument (or a tuple of them) to str;
// ints stay (find(105)), other values are refused.
func toLatin1Arg(name string, i int, v Value) (Value, error) {
	if b, ok := AsBytes(v); ok {
		return Str(latin1(b)), nil
	}
	switch {
	case kindOf(v) == kInt && (name == "find" || name == "rfind" || name == "index" || name == "rindex" || name == "count") && i == 0:
		c := int64(v.n)
		if c < 0 || c > 255 {
			return Value{}, Errorf(ValueError, "byte must be in range(0, 256)")
		}
		return Str(string(rune(c))), nil
	case kindOf(v) != kNone || v.IsNone():
		return v, nil
	}
	if t, ok := v.o.(*Tuple); ok && (name == "startswith" || name == "endswith") {
		items := make([]Value, len(t.Items))
		for k, it := range t.Items {
			b, ok := AsBytes(it)
			if !ok {
				return Value{}, Errorf(TypeError, "a bytes-like object is required, not '%s'", it.Type().Name)
			}
			items[k] = Str(latin1(b))
		}
		return Obj(NewTuple(items)), nil
	}
	switch name {
	case "startswith", "endswith":
		return Value{}, Errorf(TypeError, "%s first arg must be bytes or a tuple of bytes, not %s", name, v.Type().Name)
	case "center", "ljust", "rjust":
		return Value{}, Errorf(TypeError, "%s() argument 2 must be a byte string of length 1, not %s", name, v.Type().Name)
	case "find", "rfind", "index", "rindex", "count":
		return Value{}, Errorf(TypeError, "argument should be integer or bytes-like object, not '%s'", v.Type().Name)
	}
	return Value{}, Errorf(TypeError, "a bytes-like object is required, not '%s'", v.Type().Name)
}

// fromLatin1Result turns str results (also inside lists and tuples)
// back into bytes.
func fromLatin1Result(v Value) Value {
	switch o := v.o.(type) {
	case *String:
		return newBytes(fromLatin1(o.s))
	case *List:
		for i, it := range o.Items {
			o.Items[i] = fromLatin1Result(it)
		}
	case *Tuple:
		for i, it := range o.Items {
			o.Items[i] = fromLatin1Result(it)
		}
	}
	return v
}

// latin1Method adapts a str method to bytes.
func latin1Method(name string, m MethodFunc) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		conv := make([]Value, len(args))
		for i, a := range args {
			c, err := toLatin1Arg(name, i, a)
			if err != nil {
				return Value{}, err
			}
			conv[i] = c
		}
		r, err := m(th, Str(latin1(bytesSelf(self))), conv, kwnames)
		if err != nil {
			if e := AsException(err); e != nil && e.Matches(ValueError) && (name == "index" || name == "rindex") {
				return Value{}, Errorf(ValueError, "subsection not found")
			}
			return Value{}, err
		}
		return fromLatin1Result(r), nil
	}
}

// isASCIISpace reports whether c is bytes whitespace.
func isASCIISpace(c byte) bool { return strings.IndexByte(asciiSpace, c) >= 0 }

// asciiUpper and asciiLower map one byte's ASCII case.
func asciiUpper(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 32
	}
	return c
}

func asciiLower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 32
	}
	return c
}

// bytesASCII are the case mappings and predicates of bytes.
var bytesASCII = map[string]MethodFunc{
	"upper":      bytesMapASCII("upper", func(_ int, prev, c byte) byte { return asciiUpper(c) }),
	"lower":      bytesMapASCII("lower", func(_ int, prev, c byte) byte { return asciiLower(c) }),
	"swapcase":   bytesMapASCII("swapcase", swapASCII),
	"capitalize": bytesMapASCII("capitalize", capitalizeASCII),
	"title":      bytesMapASCII("title", titleASCII),
	"isalpha":    bytesTest("isalpha", false, isASCIIAlpha),
	"isalnum":    bytesTest("isalnum", false, func(c byte) bool { return isASCIIAlpha(c) || isASCIIDigit(c) }),
	"isdigit":    bytesTest("isdigit", false, isASCIIDigit),
	"isspace":    bytesTest("isspace", false, isASCIISpace),
	"isascii":    bytesTest("isascii", true, func(c byte) bool { return c < 0x80 }),
	"islower":    bytesCaseTest("islower", false),
	"isupper":    bytesCaseTest("isupper", true),
	"istitle":    bytesIsTitle,
}

// bytesIsTitle is bytes.istitle(): the ASCII letters form titlecased words
// (an upper-case letter only at the start of a word), and there is one.
func bytesIsTitle(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	if err := strArity("bytes.istitle", args, kwnames, 0, 0); err != nil {
		return Value{}, err
	}
	cased, prevCased := false, false
	for _, c := range bytesSelf(self) {
		switch {
		case c >= 'A' && c <= 'Z':
			if prevCased {
				return False, nil
			}
			cased, prevCased = true, true
		case c >= 'a' && c <= 'z':
			if !prevCased {
				return False, nil
			}
			cased, prevCased = true, true
		default:
			prevCased = false
		}
	}
	return Bool(cased), nil
}

// isASCIIAlpha reports whether c is an ASCII letter.
func isASCIIAlpha(c byte) bool { return (c|0x20) >= 'a' && (c|0x20) <= 'z' }

func swapASCII(_ int, _, c byte) byte {
	if u := asciiUpper(c); u != c {
		return u
	}
	return asciiLower(c)
}

func capitalizeASCII(i int, _, c byte) byte {
	if i == 0 {
		return asciiUpper(c)
	}
	return asciiLower(c)
}

func titleASCII(i int, prev, c byte) byte {
	if i > 0 && isASCIIAlpha(prev) {
		return asciiLower(c)
	}
	return asciiUpper(c)
}

// bytesMapASCII builds a case mapping; f sees the index, the previous
// original byte and the byte.
func bytesMapASCII(name string, f func(i int, prev, c byte) byte) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("bytes."+name, args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		b := bytesSelf(self)
		out := make([]byte, len(b))
		var prev byte
		for i, c := range b {
			out[i] = f(i, prev, c)
			prev = c
		}
		return newBytes(out), nil
	}
}

// bytesTest builds an is* predicate over every byte.
func bytesTest(name string, emptyOK bool, f func(c byte) bool) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("bytes."+name, args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		b := bytesSelf(self)
		if len(b) == 0 {
			return Bool(emptyOK), nil
		}
		for _, c := range b {
			if !f(c) {
				return False, nil
			}
		}
		return True, nil
	}
}

// bytesCaseTest is isupper or islower.
func bytesCaseTest(name string, upper bool) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("bytes."+name, args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		cased := false
		for _, c := range bytesSelf(self) {
			isUp, isLow := c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z'
			if (upper && isLow) || (!upper && isUp) {
				return False, nil
			}
			cased = cased || isUp || isLow
		}
		return Bool(cased), nil
	}
}

// bytes_maketrans is bytes.maketrans(from, to): a 256-byte table.
func bytes_maketrans(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := strArity("maketrans", args, kwnames, 2, 2); err != nil {
		return Value{}, err
	}
	from, err := bytesArg(args[0])
	if err != nil {
		return Value{}, err
	}
	to, err := bytesArg(args[1])
	if err != nil {
		return Value{}, err
	}
	if len(from) != len(to) {
		return Value{}, Errorf(ValueError, "maketrans arguments must have same length")
	}
	table := make([]byte, 256)
	for i := range table {
		table[i] = byte(i)
	}
	for i, c := range from {
		table[c] = to[i]
	}
	return newBytes(table), nil
}

// bytes_translate is bytes.translate(table, delete=b”).
func bytes_translate(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	var table, del Value
	if err := UnpackArgs("translate", args, kwnames, "table", &table, "delete?", &del); err != nil {
		return Value{}, err
	}
	var tb []byte
	if !table.IsNone() {
		t, err := bytesArg(table)
		if err != nil {
			return Value{}, err
		}
		if len(t) != 256 {
			return Value{}, Errorf(ValueError, "translation table must be 256 characters long")
		}
		tb = t
	}
	var drop []byte
	if !del.IsNull() {
		d, err := bytesArg(del)
		if err != nil {
			return Value{}, err
		}
		drop = d
	}
	var out []byte
	for _, c := range bytesSelf(self) {
		if strings.IndexByte(string(drop), c) >= 0 {
			continue
		}
		if tb != nil {
			c = tb[c]
		}
		out = append(out, c)
	}
	return newBytes(out), nil
}
