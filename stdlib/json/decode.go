package json

import (
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/pyish/pyish/runtime"
)

// This file holds the decoder, a transcription of CPython's C scanner
// (Modules/_json.c): the same grammar, and errors at the same positions.

// decoder scans one document, held as code points so positions are
// CPython's character offsets.
type decoder struct {
	th  *runtime.Thread
	doc []rune
	// hooks (zero when not given)
	objectHook, pairsHook, parseFloat, parseInt, parseConstant value
	strict                                                     bool
	depth                                                      int // containers open
}

// cRecursionLimit is CPython 3.12's limit on nested C calls, which bounds
// how deeply the C scanner and encoder nest.
const cRecursionLimit = 1497

// enter counts one more open container, failing as CPython's
// Py_EnterRecursiveCall does.
func (d *decoder) enter(what string) error {
	d.depth++
	if d.depth > cRecursionLimit {
		return runtime.Errorf(runtime.RecursionError, "maximum recursion depth exceeded while decoding a JSON %s from a unicode string", what)
	}
	return nil
}

// stopIteration is the scanner's "no value starts here" (CPython raises
// StopIteration(idx), which raw_decode turns into "Expecting value").
type stopIteration struct{ pos int }

func (s *stopIteration) Error() string { return "json: no value" }

func isWS(c rune) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (d *decoder) skipWS(i int) int {
	for i < len(d.doc) && isWS(d.doc[i]) {
		i++
	}
	return i
}

// decode is JSONDecoder.decode: one value between optional whitespace.
func (d *decoder) decode() (value, error) {
	i := d.skipWS(0)
	v, end, err := d.scan(i)
	if err != nil {
		if s, ok := err.(*stopIteration); ok {
			return value{}, decodeError("Expecting value", d.doc, s.pos)
		}
		return value{}, err
	}
	end = d.skipWS(end)
	if end != len(d.doc) {
		return value{}, decodeError("Extra data", d.doc, end)
	}
	return v, nil
}

// hasPrefix reports whether the document continues with lit at i.
func (d *decoder) hasPrefix(i int, lit string) bool {
	for _, c := range lit {
		if i >= len(d.doc) || d.doc[i] != c {
			return false
		}
		i++
	}
	return true
}

// scan is scan_once: the value starting at i and the index after it.
func (d *decoder) scan(i int) (value, int, error) {
	if i >= len(d.doc) {
		return value{}, 0, &stopIteration{i}
	}
	switch c := d.doc[i]; {
	case c == '"':
		s, end, err := d.scanString(i + 1)
		return runtime.Str(s), end, err
	case c == '{':
		if err := d.enter("object"); err != nil {
			return value{}, 0, err
		}
		v, end, err := d.scanObject(i + 1)
		d.depth--
		return v, end, err
	case c == '[':
		if err := d.enter("array"); err != nil {
			return value{}, 0, err
		}
		v, end, err := d.scanArray(i + 1)
		d.depth--
		return v, end, err
	case c == 'n' && d.hasPrefix(i, "null"):
		return runtime.None, i + 4, nil
	case c == 't' && d.hasPrefix(i, "true"):
		return runtime.True, i + 4, nil
	case c == 'f' && d.hasPrefix(i, "false"):
		return runtime.False, i + 5, nil
	case c == 'N' && d.hasPrefix(i, "NaN"):
		return d.constant("NaN", i+3)
	case c == 'I' && d.hasPrefix(i, "Infinity"):
		return d.constant("Infinity", i+8)
	case c == '-' && d.hasPrefix(i, "-Infinity"):
		return d.constant("-Infinity", i+9)
	}
	return d.scanNumber(i)
}

// constant is NaN, Infinity or -Infinity, through parse_constant if given.
func (d *decoder) constant(name string, end int) (value, int, error) {
	if !d.parseConstant.IsNull() {
		v, err := runtime.Call(d.th, d.parseConstant, []value{runtime.Str(name)}, nil)
		return v, end, err
	}
	f, _ := strconv.ParseFloat(strings.TrimPrefix(name, "-"), 64)
	if name == "NaN" {
		f, _ = strconv.ParseFloat("NaN", 64)
	} else if name[0] == '-' {
		f = -f
	}
	return runtime.Float(f), end, nil
}

func isDigit(c rune) bool { return c >= '0' && c <= '9' }

// scanNumber is _match_number_unicode.
func (d *decoder) scanNumber(start int) (value, int, error) {
	doc, i, n := d.doc, start, len(d.doc)
	if doc[i] == '-' {
		i++
		if i >= n {
			return value{}, 0, &stopIteration{start}
		}
	}
	switch {
	case doc[i] >= '1' && doc[i] <= '9':
		for i++; i < n && isDigit(doc[i]); i++ {
		}
	case doc[i] == '0':
		i++
	default:
		return value{}, 0, &stopIteration{start}
	}
	isFloat := false
	if i < n-1 && doc[i] == '.' && isDigit(doc[i+1]) {
		isFloat = true
		for i += 2; i < n && isDigit(doc[i]); i++ {
		}
	}
	if i < n-1 && (doc[i] == 'e' || doc[i] == 'E') {
		e := i
		i++
		if i < n-1 && (doc[i] == '-' || doc[i] == '+') {
			i++
		}
		for ; i < n && isDigit(doc[i]); i++ {
		}
		if isDigit(doc[i-1]) {
			isFloat = true
		} else {
			i = e
		}
	}
	text := string(doc[start:i])
	if isFloat {
		return d.number(d.parseFloat, text, i, true)
	}
	return d.number(d.parseInt, text, i, false)
}

// number converts a number's text, through the hook when given.
func (d *decoder) number(hook value, text string, end int, isFloat bool) (value, int, error) {
	if !hook.IsNull() {
		v, err := runtime.Call(d.th, hook, []value{runtime.Str(text)}, nil)
		return v, end, err
	}
	if isFloat {
		f, err := strconv.ParseFloat(text, 64)
		if err != nil && !isRangeErr(err) {
			return value{}, 0, err
		}
		return runtime.Float(f), end, nil
	}
	v, err := runtime.IntFromString(text, 10)
	return v, end, err
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

// scanString is scanstring_unicode: the string whose opening quote is at
// begin-1; returns the index after the closing quote.
func (d *decoder) scanString(begin int) (string, int, error) {
	doc, n := d.doc, len(d.doc)
	var b strings.Builder
	quote := begin - 1
	for i := begin; ; {
		j := i
		for ; j < n && doc[j] != '"' && doc[j] != '\\'; j++ {
			if doc[j] <= 0x1f && d.strict {
				return "", 0, decodeError("Invalid control character at", doc, j)
			}
		}
		if j >= n {
			return "", 0, decodeError("Unterminated string starting at", doc, quote)
		}
		b.WriteString(string(doc[i:j]))
		if doc[j] == '"' {
			return b.String(), j + 1, nil
		}
		j++ // past the backslash
		if j >= n {
			return "", 0, decodeError("Unterminated string starting at", doc, quote)
		}
		if doc[j] != 'u' {
			c, ok := simpleEscape(doc[j])
			if !ok {
				return "", 0, decodeError("Invalid \\escape", doc, j-1)
			}
			b.WriteRune(c)
			i = j + 1
			continue
		}
		c, next, err := d.scanUnicode(j)
		if err != nil {
			return "", 0, err
		}
		b.WriteRune(c)
		i = next
	}
}

func simpleEscape(c rune) (rune, bool) {
	switch c {
	case '"', '\\', '/':
		return c, true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	}
	return 0, false
}

// scanUnicode decodes \uXXXX (u at index u), joining a surrogate pair.
func (d *decoder) scanUnicode(u int) (rune, int, error) {
	doc, n := d.doc, len(d.doc)
	if u+5 >= n {
		return 0, 0, decodeError("Invalid \\uXXXX escape", doc, u)
	}
	c, ok := hex4(doc[u+1 : u+5])
	if !ok {
		return 0, 0, decodeError("Invalid \\uXXXX escape", doc, u)
	}
	next := u + 5
	if utf16.IsSurrogate(c) && c < 0xdc00 && next+6 < n && doc[next] == '\\' && doc[next+1] == 'u' {
		c2, ok := hex4(doc[next+2 : next+6])
		if !ok {
			return 0, 0, decodeError("Invalid \\uXXXX escape", doc, next+1)
		}
		if c2 >= 0xdc00 && c2 <= 0xdfff {
			return utf16.DecodeRune(c, c2), next + 6, nil
		}
	}
	return c, next, nil
}

func hex4(ds []rune) (rune, bool) {
	var c rune
	for _, x := range ds {
		c <<= 4
		switch {
		case x >= '0' && x <= '9':
			c |= x - '0'
		case x >= 'a' && x <= 'f':
			c |= x - 'a' + 10
		case x >= 'A' && x <= 'F':
			c |= x - 'A' + 10
		default:
			return 0, false
		}
	}
	return c, true
}

// scanObject is _parse_object_unicode; i is just past the '{'.
func (d *decoder) scanObject(i int) (value, int, error) {
	doc, n := d.doc, len(d.doc)
	var pairs [][2]value
	i = d.skipWS(i)
	if i >= n || doc[i] != '}' {
		for {
			if i >= n || doc[i] != '"' {
				return value{}, 0, decodeError("Expecting property name enclosed in double quotes", doc, i)
			}
			key, next, err := d.scanString(i + 1)
			if err != nil {
				return value{}, 0, err
			}
			i = d.skipWS(next)
			if i >= n || doc[i] != ':' {
				return value{}, 0, decodeError("Expecting ':' delimiter", doc, i)
			}
			i = d.skipWS(i + 1)
			v, next, err := d.scan(i)
			if err != nil {
				return value{}, 0, err
			}
			pairs = append(pairs, [2]value{runtime.Str(key), v})
			i = d.skipWS(next)
			if i < n && doc[i] == '}' {
				break
			}
			if i >= n || doc[i] != ',' {
				return value{}, 0, decodeError("Expecting ',' delimiter", doc, i)
			}
			i = d.skipWS(i + 1)
		}
	}
	v, err := d.makeObject(pairs)
	return v, i + 1, err
}

// makeObject builds the dict of an object (or calls the hooks).
func (d *decoder) makeObject(pairs [][2]value) (value, error) {
	if !d.pairsHook.IsNull() {
		items := make([]value, len(pairs))
		for i, p := range pairs {
			items[i] = runtime.Obj(runtime.NewTuple([]value{p[0], p[1]}))
		}
		return runtime.Call(d.th, d.pairsHook, []value{runtime.Obj(runtime.NewList(items))}, nil)
	}
	dict := runtime.NewDict()
	for _, p := range pairs {
		if err := dict.Set(d.th, p[0], p[1]); err != nil {
			return value{}, err
		}
	}
	if !d.objectHook.IsNull() {
		return runtime.Call(d.th, d.objectHook, []value{runtime.Obj(dict)}, nil)
	}
	return runtime.Obj(dict), nil
}

// scanArray is _parse_array_unicode; i is just past the '['.
func (d *decoder) scanArray(i int) (value, int, error) {
	doc, n := d.doc, len(d.doc)
	var items []value
	i = d.skipWS(i)
	if i >= n || doc[i] != ']' {
		for {
			v, next, err := d.scan(i)
			if err != nil {
				return value{}, 0, err
			}
			items = append(items, v)
			i = d.skipWS(next)
			if i < n && doc[i] == ']' {
				break
			}
			if i >= n || doc[i] != ',' {
				return value{}, 0, decodeError("Expecting ',' delimiter", doc, i)
			}
			i = d.skipWS(i + 1)
		}
	}
	if items == nil {
		items = []value{}
	}
	return runtime.Obj(runtime.NewList(items)), i + 1, nil
}
