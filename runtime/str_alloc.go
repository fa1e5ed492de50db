package runtime

// This file allocates strs built from pieces (concatenation, join,
// replace, case mapping, str(int)): a short str's bytes share one
// allocation with its header, and the pieces' ASCII flags spare the
// scan newString would do.

import (
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Headers with room for short text. The text follows the header, after
// its last pointer, so the collector never scans it; the header's s
// points into the same object, which keeps it alive as long as s is.
type (
	strIn16 struct {
		h String
		b [16]byte
	}
	strIn32 struct {
		h String
		b [32]byte
	}
	strIn48 struct {
		h String
		b [48]byte
	}
	strIn64 struct {
		h String
		b [64]byte
	}
	strIn96 struct {
		h String
		b [96]byte
	}
)

// allocStr returns a header and a buffer of n > 0 bytes for the caller
// to fill before sealStr; ascii tells whether the bytes will all be below
// 0x80. For n <= 96 header and bytes are one object.
func allocStr(n int, ascii bool) (*String, []byte) {
	if ascii && n <= 96 {
		return allocPlain(n)
	}
	var h *String
	var b []byte
	switch {
	case n <= 16:
		p := new(strIn16)
		h, b = &p.h, p.b[:n]
	case n <= 32:
		p := new(strIn32)
		h, b = &p.h, p.b[:n]
	case n <= 48:
		p := new(strIn48)
		h, b = &p.h, p.b[:n]
	case n <= 64:
		p := new(strIn64)
		h, b = &p.h, p.b[:n]
	case n <= 96:
		p := new(strIn96)
		h, b = &p.h, p.b[:n]
	default:
		h, b = new(String), make([]byte, n)
	}
	if !ascii {
		h.x = &strExtra{} // sealStr counts the code points
	}
	return h, b
}

// allocPlain is allocStr for a short ASCII str, in memory the collector
// does not scan. That is sound because such a str's only pointers are s,
// which points into the same object (kept alive by whoever holds the
// *String, or by s itself held elsewhere as a Go string), and x, which
// stays nil: a plain ASCII str never gets an extra part (rune tables are
// for non-ASCII text, subclass instances and concatenation buffers are
// allocated as ordinary Strings). Unscanned strs make allocation cheaper
// and leave the collector nothing to trace in them.
func allocPlain(n int) (*String, []byte) {
	var p unsafe.Pointer
	switch {
	case n <= 16:
		p = unsafe.Pointer(new([(strHeader + 16) / 8]uint64))
	case n <= 32:
		p = unsafe.Pointer(new([(strHeader + 32) / 8]uint64))
	case n <= 48:
		p = unsafe.Pointer(new([(strHeader + 48) / 8]uint64))
	case n <= 64:
		p = unsafe.Pointer(new([(strHeader + 64) / 8]uint64))
	default:
		p = unsafe.Pointer(new([(strHeader + 96) / 8]uint64))
	}
	return (*String)(p), unsafe.Slice((*byte)(unsafe.Add(p, strHeader)), n)
}

// strHeader is the size of a String, where the bytes of a plain str start.
const strHeader = unsafe.Sizeof(String{})

// sealStr makes h the str of the bytes b (from allocStr, now filled and
// never written again).
func sealStr(h *String, b []byte) Value {
	if len(b) == 1 && h.x == nil {
		return Obj(asciiStrings[b[0]])
	}
	h.s = unsafe.String(unsafe.SliceData(b), len(b))
	if h.x != nil {
		h.x.n = utf8.RuneCount(b)
		h.x.ascii = h.x.n == len(b) // "é".replace("é", "e")
	}
	return Obj(h)
}

// concat2 is the str a + b, both non-empty; ascii tells whether both are
// ASCII.
func concat2(a, b string, ascii bool) Value {
	h, buf := allocStr(len(a)+len(b), ascii)
	copy(buf[copy(buf, a):], b)
	return sealStr(h, buf)
}

// StrFromInt is str(i) for an int64, built in one allocation.
func StrFromInt(i int64) Value {
	if uint64(i) < 10 {
		return Obj(asciiStrings['0'+i])
	}
	var tmp [20]byte
	d := strconv.AppendInt(tmp[:0], i, 10)
	h, buf := allocStr(len(d), true)
	copy(buf, d)
	return sealStr(h, buf)
}

// strParts makes the list of parts, substrings of the str s.
func strParts(s *String, parts []string) Value {
	items := make([]Value, len(parts))
	hdrs := partHeaders(s, len(parts))
	for i, p := range parts {
		items[i] = partStr(&hdrs, p)
	}
	return Obj(NewList(items))
}

// partChunk is how many part headers share one allocation: enough to
// save most allocations, few enough that a part kept alive (a dict key)
// keeps only a few dead neighbours for the collector to scan.
const partChunk = 16

// copyPart is the length up to which a part gets its own copy of its
// bytes, unscanned and beside its header (as CPython copies every part):
// cheaper than a header pointing into the whole text, which that header
// would keep alive, and one cache line to compare as a dict key.
const copyPart = 16

// partHeaders returns room for part headers when the parts of s need no
// scan (s is ASCII, so they are), else nil.
func partHeaders(s *String, n int) []String {
	if !s.isASCII() {
		return nil
	}
	return make([]String, 0, min(n, partChunk))
}

// partStr is the str of p, a part of a str split into parts; *hdrs is
// from partHeaders.
func partStr(hdrs *[]String, p string) Value {
	switch {
	case *hdrs == nil:
		return Str(p)
	case len(p) == 0:
		return Obj(emptyString)
	case len(p) == 1:
		return Obj(asciiStrings[p[0]])
	case len(p) <= copyPart:
		h, b := allocPlain(len(p))
		copy(b, p)
		return sealStr(h, b)
	}
	h := *hdrs
	if len(h) == cap(h) {
		h = make([]String, 0, partChunk)
	}
	h = h[:len(h)+1]
	h[len(h)-1].s = p
	*hdrs = h
	return Obj(&h[len(h)-1])
}

// splitSep is s.split(sep) with at most maxsplit splits (sep not empty).
func splitSep(s *String, sep string, maxsplit int) Value {
	n := min(strings.Count(s.s, sep), maxsplit) + 1
	if n == 1 {
		return Obj(NewList([]Value{s.exact()}))
	}
	items := make([]Value, n)
	hdrs := partHeaders(s, n)
	rest := s.s
	for i := range n - 1 {
		j := strings.Index(rest, sep)
		items[i] = partStr(&hdrs, rest[:j])
		rest = rest[j+len(sep):]
	}
	items[n-1] = partStr(&hdrs, rest)
	return Obj(NewList(items))
}

// joinStrs is sep.join(items).
func joinStrs(sep *String, items []Value) (Value, error) {
	total, ascii := len(sep.s)*max(len(items)-1, 0), sep.isASCII()
	for i, v := range items {
		s, ok := v.o.(*String)
		if !ok {
			return Value{}, Errorf(TypeError, "sequence item %d: expected str instance, %s found", i, v.Type().Name)
		}
		total += len(s.s)
		ascii = ascii && s.isASCII()
	}
	switch {
	case total == 0:
		return Obj(emptyString), nil
	case len(items) == 1:
		return items[0].o.(*String).exact(), nil
	}
	if err := checkSize(int64(total)); err != nil {
		return Value{}, err
	}
	h, buf := allocStr(total, ascii)
	w := copy(buf, items[0].o.(*String).s)
	for _, v := range items[1:] {
		w += copy(buf[w:], sep.s)
		w += copy(buf[w:], v.o.(*String).s)
	}
	return sealStr(h, buf), nil
}

// replaceStr is s.replace(old, new, count) with count < 0 meaning all.
func replaceStr(s, old, nw *String, count int) (Value, error) {
	if old.s == "" {
		m := s.runeCount() + 1
		if count >= 0 && count < m {
			m = count
		}
		if err := checkSize(int64(len(s.s)) + int64(m)*int64(len(nw.s))); err != nil {
			return Value{}, err
		}
		return Str(strings.Replace(s.s, old.s, nw.s, count)), nil
	}
	m := strings.Count(s.s, old.s)
	if count >= 0 && count < m {
		m = count
	}
	if m == 0 {
		return s.exact(), nil
	}
	n := int64(len(s.s)) + int64(m)*int64(len(nw.s)-len(old.s))
	if n == 0 {
		return Obj(emptyString), nil
	}
	if err := checkSize(n); err != nil {
		return Value{}, err
	}
	ascii := s.isASCII() && nw.isASCII()
	h, buf := allocStr(int(n), ascii)
	rest, w := s.s, 0
	for range m {
		j := strings.Index(rest, old.s)
		w += copy(buf[w:], rest[:j])
		w += copy(buf[w:], nw.s)
		rest = rest[j+len(old.s):]
	}
	copy(buf[w:], rest)
	return sealStr(h, buf), nil
}

// upperASCII is s.upper() for an ASCII str.
func upperASCII(s string) Value {
	if s == "" {
		return Obj(emptyString)
	}
	h, buf := allocStr(len(s), true)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		buf[i] = c
	}
	return sealStr(h, buf)
}

// lowerASCII is s.lower() for an ASCII str.
func lowerASCII(s string) Value {
	if s == "" {
		return Obj(emptyString)
	}
	h, buf := allocStr(len(s), true)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return sealStr(h, buf)
}
