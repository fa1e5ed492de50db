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
	if ascii && n <= plainMax {
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
// and leave the collector nothing to trace in them; the shortest share
// a chunk (arenaAlloc).
func allocPlain(n int) (*String, []byte) {
	var p unsafe.Pointer
	switch {
	case n <= arenaPlainMax:
		p = arenaAlloc((int(strHeader) + n + 7) / 8)
	case n <= 64:
		p = unsafe.Pointer(new([(strHeader + 64) / 8]uint64))
	default:
		p = unsafe.Pointer(new([(strHeader + 96) / 8]uint64))
	}
	return (*String)(p), unsafe.Slice((*byte)(unsafe.Add(p, strHeader)), n)
}

// setPlainText makes b the text of h, a header in unscanned memory
// (allocPlain), without the write barrier a pointer store into the heap
// has: the collector never reads h, and b lies in the same object, kept
// alive by whoever holds h.
func setPlainText(h *String, b []byte) {
	type stringHeader struct {
		data uintptr
		n    int
	}
	*(*stringHeader)(unsafe.Pointer(&h.s)) = stringHeader{uintptr(unsafe.Pointer(unsafe.SliceData(b))), len(b)}
}

// plainMax is the longest text allocStr puts in unscanned memory.
const plainMax = 96

// strHeader is the size of a String, where the bytes of a plain str start.
const strHeader = unsafe.Sizeof(String{})

// sealStr makes h the str of the bytes b (from allocStr, now filled and
// never written again).
func sealStr(h *String, b []byte) Value {
	if h.x == nil && len(b) <= plainMax { // allocPlain made h
		if len(b) == 1 {
			return Obj(asciiStrings[b[0]])
		}
		setPlainText(h, b)
		return Obj(h)
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
	putText(buf, putText(buf, 0, a), b)
	return sealStr(h, buf)
}

// putText copies t into b at w and returns the position after it: a
// one-byte piece (a separator, a digit) by a store, not a call to
// memmove.
func putText(b []byte, w int, t string) int {
	if len(t) == 1 {
		b[w] = t[0]
		return w + 1
	}
	return w + copy(b[w:], t)
}

// StrFromInt is str(i) for an int64, built in one allocation unless it
// is small enough to be shared.
func StrFromInt(i int64) Value {
	if uint64(i) < 10 {
		return Obj(asciiStrings['0'+i])
	}
	if uint64(i) < smallIntStrs {
		return Obj(&smallIntStr[i])
	}
	var tmp [20]byte
	d := strconv.AppendInt(tmp[:0], i, 10)
	h, buf := allocStr(len(d), true)
	copy(buf, d)
	return sealStr(h, buf)
}

// smallIntStrs bounds the ints whose str is shared: counters and
// indexes printed or used in keys are mostly small, and a shared str
// saves an allocation each time (strs are immutable, and their identity
// is not part of the language, as CPython shares one-character strs).
const smallIntStrs = 1000

// smallIntStr holds str(i) for 10 <= i < smallIntStrs (and unused
// entries below 10, which asciiStrings covers).
var smallIntStr [smallIntStrs]String

func init() {
	var text []byte
	for i := range smallIntStr {
		text = strconv.AppendInt(text, int64(i), 10)
	}
	all, at := string(text), 0
	for i := range smallIntStr {
		n := len(strconv.Itoa(i))
		smallIntStr[i].s = all[at : at+n]
		at += n
	}
}

// strParts makes the list of parts, substrings of the str s.
func strParts(s *String, parts []string) Value {
	l, items := newListLen(len(parts))
	pa := newPartAlloc(s, len(parts))
	for i, p := range parts {
		items[i] = pa.str(p)
	}
	return Obj(l)
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

// partAlloc makes the strs of the parts of a str split into parts.
type partAlloc struct {
	ascii bool     // the whole str is ASCII, so every part is
	left  int      // parts not made yet, to size a chunk of headers
	hdrs  []String // room for headers of long parts, made on first need
	// plain is room for short parts, each a header with its bytes after
	// it as allocPlain lays them out, made on first need: up to
	// partChunk parts share one unscanned allocation. Its first nplain
	// words are used (an index, not a reslice, spares the write barrier
	// of a pointer store per part).
	plain  []uint64
	nplain int
}

func newPartAlloc(s *String, n int) partAlloc {
	return partAlloc{ascii: s.isASCII(), left: n}
}

// str is the str of the next part p.
func (pa *partAlloc) str(p string) Value {
	pa.left--
	switch {
	case !pa.ascii:
		return Str(p)
	case len(p) == 0:
		return Obj(emptyString)
	case len(p) == 1:
		return Obj(asciiStrings[p[0]])
	case len(p) <= copyPart:
		return pa.short(p)
	}
	h := pa.hdrs
	if len(h) == cap(h) {
		h = make([]String, 0, min(pa.left+1, partChunk))
	}
	h = h[:len(h)+1]
	h[len(h)-1].s = p
	pa.hdrs = h
	return Obj(&h[len(h)-1])
}

// short is the str of a short ASCII part p, carved from pa.plain.
func (pa *partAlloc) short(p string) Value {
	words := (int(strHeader) + len(p) + 7) / 8
	if pa.nplain+words > len(pa.plain) {
		pa.plain, pa.nplain = make([]uint64, min(pa.left+1, partChunk)*int((strHeader+copyPart)/8)), 0
	}
	at := unsafe.Pointer(&pa.plain[pa.nplain])
	pa.nplain += words
	b := unsafe.Slice((*byte)(unsafe.Add(at, strHeader)), len(p))
	copy(b, p)
	h := (*String)(at)
	setPlainText(h, b) // what sealStr does for a plain str of two or more bytes
	return Obj(h)
}

// substrASCII is the str of p, a part of an ASCII str: a short part
// copied beside its header like a split part, a long one a header over
// the original bytes.
func substrASCII(p string) Value {
	if len(p) < 2 || len(p) > copyPart {
		return Obj(newStringASCII(p, true))
	}
	h, b := allocPlain(len(p))
	copy(b, p)
	return sealStr(h, b)
}

// splitSep is s.split(sep) with at most maxsplit splits (sep not empty).
func splitSep(s *String, sep string, maxsplit int) Value {
	n := min(strings.Count(s.s, sep), maxsplit) + 1
	l, items := newListLen(n)
	if n == 1 {
		items[0] = s.exact()
		return Obj(l)
	}
	pa := newPartAlloc(s, n)
	rest := s.s
	if len(sep) == 1 { // IndexByte without Index's dispatch on the length
		c := sep[0]
		for i := range n - 1 {
			j := strings.IndexByte(rest, c)
			items[i] = pa.str(rest[:j])
			rest = rest[j+1:]
		}
	} else {
		for i := range n - 1 {
			j := strings.Index(rest, sep)
			items[i] = pa.str(rest[:j])
			rest = rest[j+len(sep):]
		}
	}
	items[n-1] = pa.str(rest)
	return Obj(l)
}

// joinStrs is sep.join(items).
func joinStrs(sep *String, items []Value) (Value, error) {
	if len(items) > joinOnePass {
		return joinLarge(sep, items)
	}
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
	if len(sep.s) == 1 { // ",".join: a byte store, not a call to memmove
		c := sep.s[0]
		for _, v := range items[1:] {
			buf[w] = c
			w += 1 + copy(buf[w+1:], v.o.(*String).s)
		}
		return sealStr(h, buf), nil
	}
	for _, v := range items[1:] {
		w += copy(buf[w:], sep.s)
		w += copy(buf[w:], v.o.(*String).s)
	}
	return sealStr(h, buf), nil
}

// joinOnePass is the number of items past which join reads each item
// once: the items of a long list are spread over more memory than the
// caches hold, so a pass to size the result and a pass to copy would
// each wait on every item's header.
const joinOnePass = 256

// joinLarge is joinStrs for many items, in one pass: the result grows
// from an estimate of its size and is copied to its exact size only if
// the estimate left much room unused.
func joinLarge(sep *String, items []Value) (Value, error) {
	var b strings.Builder
	b.Grow(joinEstimate(sep, items))
	ascii := sep.isASCII()
	for i, v := range items {
		s, ok := v.o.(*String)
		if !ok {
			return Value{}, Errorf(TypeError, "sequence item %d: expected str instance, %s found", i, v.Type().Name)
		}
		if b.Len()+len(sep.s)+len(s.s) > maxStrBytes {
			return Value{}, NewException(MemoryError)
		}
		switch {
		case i == 0:
		case len(sep.s) == 1:
			b.WriteByte(sep.s[0])
		default:
			b.WriteString(sep.s)
		}
		b.WriteString(s.s)
		ascii = ascii && s.isASCII()
	}
	text := b.String()
	if b.Cap()-len(text) > len(text)/8 && text != "" {
		h, buf := allocStr(len(text), ascii)
		copy(buf, text)
		return sealStr(h, buf), nil
	}
	return Obj(newStringASCII(text, ascii)), nil
}

// joinEstimate guesses the length of sep.join(items) from items spread
// over the list, with some room to spare.
func joinEstimate(sep *String, items []Value) int {
	const sample = 32
	n, step := 0, len(items)/sample
	for i := range sample {
		if s, ok := items[i*step].o.(*String); ok {
			n += len(s.s)
		}
	}
	per := n/sample + len(sep.s)
	return min(per*len(items)+per*len(items)/8, maxStrBytes)
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
	if len(old.s) == 1 && len(nw.s) == 1 && count < 0 && nw.isASCII() {
		return replaceByte(s, old.s[0], nw.s[0]), nil
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

// replaceByte is s.replace(old, nw) for one ASCII byte by another, all
// of them: one pass over a copy, where each byte is the old one or not
// (an ASCII byte is never part of a longer UTF-8 sequence).
func replaceByte(s *String, old, nw byte) Value {
	i := strings.IndexByte(s.s, old)
	if i < 0 {
		return s.exact()
	}
	h, buf := allocStr(len(s.s), s.isASCII())
	copy(buf, s.s)
	for ; i < len(buf); i++ {
		if buf[i] == old {
			buf[i] = nw
		}
	}
	return sealStr(h, buf)
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
