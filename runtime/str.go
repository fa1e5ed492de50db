package runtime

// This file defines String, pyish's str: an immutable Go UTF-8 string with
// its length in code points and an index built on demand for O(1)
// indexing of non-ASCII text.

import (
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// String is a Python str. Its text is UTF-8; len() and indexes count code
// points. ASCII strings index their bytes directly; others build a rune
// table the first time they are indexed.
//
// A plain ASCII str is 32 bytes: the rarely needed parts (the code point
// count and rune table of non-ASCII text, the subclass part, the buffer
// of strings built by +) live in x, allocated only for strings that need
// one. Short strings built here carry their bytes in the same allocation
// (see allocStr), so most strs cost one small object.
type String struct {
	s string
	// hash caches StrHash(s); 0 means not computed yet. Atomic because
	// strings are shared between interpreters (the one-character table,
	// package-level names), which may run on different goroutines.
	hash atomic.Int64
	x    *strExtra // nil for a plain ASCII str
}

// strExtra holds what only some strs need. Strs built in one buffer by +
// share it when they are ASCII (n is unused then).
type strExtra struct {
	n     int         // length in code points, unless ascii
	ascii bool        // every byte < 0x80, so byte i is code point i
	runes []rune      // code points, built lazily for non-ASCII indexing
	sub   *subclassed // class and attributes of an instance of a str subclass
	buf   *strBuf     // the buffer s is a prefix of, for strings built by +
}

// isASCII reports whether every byte of s is below 0x80.
func (s *String) isASCII() bool { return s.x == nil || s.x.ascii }

// runeCount is the length in code points.
func (s *String) runeCount() int {
	if s.x == nil || s.x.ascii {
		return len(s.s)
	}
	return s.x.n
}

// sub is the subclass part (nil for an exact str).
func (s *String) sub() *subclassed {
	if s.x == nil {
		return nil
	}
	return s.x.sub
}

// buf is the concatenation buffer s sits at the start of, or nil.
func (s *String) buf() *strBuf {
	if s.x == nil {
		return nil
	}
	return s.x.buf
}

// asciiStrings holds the one-character ASCII strings, shared.
var asciiStrings = func() (t [128]*String) {
	for i := range t {
		t[i] = &String{s: string(rune(i))}
	}
	return t
}()

// emptyString is the shared "".
var emptyString = &String{}

// Str returns the str value of s (UTF-8; invalid bytes read as U+FFFD).
func Str(s string) Value { return Obj(newString(s)) }

// newString wraps s.
func newString(s string) *String {
	switch {
	case s == "":
		return emptyString
	case len(s) == 1 && s[0] < 0x80:
		return asciiStrings[s[0]]
	}
	if strIsASCII(s) {
		return &String{s: s}
	}
	w := &strWide{h: String{s: s}, x: strExtra{n: utf8.RuneCountInString(s)}}
	w.h.x = &w.x
	return &w.h
}

// strWide is a non-ASCII str and its extra part in one allocation.
type strWide struct {
	h String
	x strExtra
}

// newStringASCII wraps s, which the caller knows is ASCII when ascii is
// true (the pieces of an ASCII str), saving the scan.
func newStringASCII(s string, ascii bool) *String {
	if !ascii {
		return newString(s)
	}
	switch len(s) {
	case 0:
		return emptyString
	case 1:
		return asciiStrings[s[0]]
	}
	return &String{s: s}
}

// strIsASCII reports whether every byte of s is below 0x80.
func strIsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// AsString returns the text of a str value.
func AsString(v Value) (string, bool) {
	if s, ok := v.o.(*String); ok {
		return s.s, true
	}
	return "", false
}

// Type returns StrType, or the class of an instance of a subclass.
func (s *String) Type() *Type { return s.sub().typeOr(StrType) }

// String returns the Go string.
func (s *String) String() string { return s.s }

// Repr is repr() of the str.
func (s *String) Repr(th *Thread) (string, error) {
	if s.sub() != nil {
		if r, ok, err := subRepr(th, s.sub(), Obj(s)); ok {
			return r, err
		}
	}
	return StrRepr(s.s), nil
}

// Str is str() of the str: itself.
func (s *String) Str(th *Thread) (string, error) {
	if s.sub() != nil {
		if _, ok := userSlot(s.sub().cls, "__str__"); ok {
			return subStr(th, s.sub(), Obj(s))
		}
	}
	return s.s, nil
}

// Len is the length in code points.
func (s *String) Len(th *Thread) (int, error) {
	if n, ok, err := subLen(th, s.sub(), Obj(s)); ok {
		return n, err
	}
	return s.runeCount(), nil
}

// Truth is true for a non-empty str.
func (s *String) Truth(th *Thread) (bool, error) {
	if t, ok, err := subTruth(th, s.sub(), Obj(s)); ok {
		return t, err
	}
	return s.runeCount() > 0, nil
}

// Hash is hash() of the str (StrHash), cached.
func (s *String) Hash(th *Thread) (int64, error) {
	if h, ok, err := subHash(th, s.sub(), Obj(s)); ok {
		return h, err
	}
	return s.cachedHash(), nil
}

// cachedHash is StrHash of the text, computed once (a string whose hash
// is 0 is simply recomputed). Small enough to inline at dict lookups.
func (s *String) cachedHash() int64 {
	if h := s.hash.Load(); h != 0 {
		return h
	}
	return s.storeHash()
}

// storeHash computes and caches the hash. It stays out of line so that
// cachedHash inlines.
//
//go:noinline
func (s *String) storeHash() int64 {
	h := StrHash(s.s)
	s.hash.Store(h)
	return h
}

// table returns the code points of a non-ASCII string.
func (s *String) table() []rune {
	if s.x.runes == nil {
		s.x.runes = []rune(s.s)
	}
	return s.x.runes
}

// at returns code point i (0 <= i < n).
func (s *String) at(i int) rune {
	if s.isASCII() {
		return rune(s.s[i])
	}
	return s.table()[i]
}

// charAt returns code point i as a one-character str.
func (s *String) charAt(i int) Value {
	if s.isASCII() {
		return Obj(asciiStrings[s.s[i]])
	}
	return Str(string(s.table()[i]))
}

// substr returns code points [lo, hi) as a Go string.
func (s *String) substr(lo, hi int) string {
	if s.isASCII() {
		return s.s[lo:hi]
	}
	return string(s.table()[lo:hi])
}

// byteOffset converts a code point index (0..n) to a byte offset.
func (s *String) byteOffset(i int) int {
	if s.isASCII() || i <= 0 {
		return i
	}
	if i >= s.runeCount() {
		return len(s.s)
	}
	off := 0
	for k := 0; k < i; k++ {
		_, size := utf8.DecodeRuneInString(s.s[off:])
		off += size
	}
	return off
}

// runeIndex converts a byte offset into s to a code point index.
func (s *String) runeIndex(off int) int {
	if s.isASCII() {
		return off
	}
	return utf8.RuneCountInString(s.s[:off])
}

// GetItem is s[i] and s[lo:hi:step].
func (s *String) GetItem(th *Thread, key Value) (Value, error) {
	if r, ok, err := s.sub().call(th, Obj(s), "__getitem__", key); ok {
		return r, err
	}
	return s.ownGetItem(th, key)
}

// ownGetItem is str's own indexing and slicing (str.__getitem__).
func (s *String) ownGetItem(th *Thread, key Value) (Value, error) {
	if sl, ok := key.o.(*Slice); ok {
		lo, _, step, n, err := sl.Indices(th, s.runeCount())
		if err != nil {
			return Value{}, err
		}
		return s.slice(lo, step, n), nil
	}
	i, err := strIndex(th, key, s.runeCount())
	if err != nil {
		return Value{}, err
	}
	if i < 0 {
		return Value{}, Errorf(IndexError, "string index out of range")
	}
	return s.charAt(i), nil
}

// slice returns the n code points from lo by step.
func (s *String) slice(lo, step, n int) Value {
	switch {
	case n <= 0:
		return Obj(emptyString)
	case step == 1 && n == s.runeCount():
		return s.exact()
	case step == 1 && s.isASCII():
		return substrASCII(s.s[lo : lo+n])
	case step == 1:
		return Str(s.substr(lo, lo+n))
	}
	var b strings.Builder
	for k := 0; k < n; k++ {
		b.WriteRune(s.at(lo + k*step))
	}
	return Str(b.String())
}

// strIndex normalizes an index (an int or an object with __index__)
// against length n: the index in [0, n), or -1 when out of range.
func strIndex(th *Thread, key Value, n int) (int, error) {
	key = unwrapNum(key)
	if !IsIntegral(key) {
		v, err := ToIndex(th, key)
		if err != nil {
			return 0, Errorf(TypeError, "string indices must be integers, not '%s'", key.Type().Name)
		}
		key = v
	}
	if kindOf(key) == kBig {
		return 0, Errorf(IndexError, "cannot fit 'int' into an index-sized integer")
	}
	i := int64(key.n)
	if i < 0 {
		i += int64(n)
	}
	if i < 0 || i >= int64(n) {
		return -1, nil
	}
	return int(i), nil
}

// Contains is `sub in s`.
func (s *String) Contains(th *Thread, x Value) (bool, error) {
	if r, ok, err := subContains(th, s.sub(), Obj(s), x); ok {
		return r, err
	}
	return s.ownContains(x)
}

// ownContains is str's own `in` (str.__contains__).
func (s *String) ownContains(x Value) (bool, error) {
	sub, ok := x.o.(*String)
	if !ok {
		return false, Errorf(TypeError, "'in <string>' requires string as left operand, not %s", x.Type().Name)
	}
	return strings.Contains(s.s, sub.s), nil
}

// Iter iterates over the characters.
func (s *String) Iter(th *Thread) (Iterator, error) {
	if it, ok, err := subIter(th, s.sub(), Obj(s)); ok {
		return it, err
	}
	return &strIterator{s: s}, nil
}

// strIterator iterates over a str's code points.
type strIterator struct {
	s   *String
	i   int // next code point
	off int // its byte offset
}

// Type returns the str_iterator type.
func (it *strIterator) Type() *Type { return StrIteratorType }

// Next returns the next character.
func (it *strIterator) Next(th *Thread) (Value, bool, error) {
	if it.off >= len(it.s.s) {
		return Value{}, false, nil
	}
	if it.s.isASCII() {
		c := it.s.s[it.off]
		it.off++
		return Obj(asciiStrings[c]), true, nil
	}
	r, size := utf8.DecodeRuneInString(it.s.s[it.off:])
	it.off += size
	if r < 0x80 {
		return Obj(asciiStrings[r]), true, nil
	}
	return Str(string(r)), true, nil
}

// Binary implements + (concatenation), * (repetition) and % (formatting).
func (s *String) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	if s.sub() != nil {
		if r, ok, err := subBinary(th, s.sub(), Obj(s), op, other, right); ok && (err != nil || !r.Is(NotImplemented)) {
			return r, err
		}
	}
	return s.ownBinary(th, op, other, right)
}

// ownBinary is str's own +, * and %, without a subclass's overrides: what
// str.__add__ and the others run, so super().__add__ does not come back.
func (s *String) ownBinary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	switch op {
	case OpAdd:
		if o, ok := other.o.(*String); ok {
			if right {
				return Str(o.s + s.s), nil
			}
			return concatStr(s, o), nil
		}
		if !right && !hasOwnRadd(other) {
			return Value{}, Errorf(TypeError, "can only concatenate str (not \"%s\") to str", other.Type().Name)
		}
	case OpMul:
		return repeatSeq(th, other, func(n int) (Value, error) {
			if err := checkSize(int64(len(s.s)) * int64(n)); err != nil {
				return Value{}, err
			}
			return Str(strings.Repeat(s.s, n)), nil
		})
	case OpMod:
		if !right {
			r, err := PercentFormat(th, s.s, other)
			if err != nil {
				return Value{}, err
			}
			if strings.IndexByte(s.s, '%') < 0 {
				return Obj(s), nil // CPython returns the text itself, subclass and all
			}
			return Str(r), nil
		}
	}
	return NotImplemented, nil
}

// strBuf is the growable buffer behind strings built by concatenation.
// Every string using it is a prefix of b; only the string ending at
// len(b) may append in place, so s += x in a loop is amortized O(len(x))
// (CPython gets the same effect by resizing a str it holds the only
// reference to). The ASCII strings of one buffer share its extra part.
type strBuf struct {
	b     []byte
	ascii *strExtra
}

// minGrowable is the length from which concatenation keeps spare room.
const minGrowable = 128

// concatStr is a + b.
func concatStr(a, b *String) Value {
	if len(a.s) == 0 {
		return b.exact()
	}
	if len(b.s) == 0 {
		return a.exact()
	}
	n := len(a.s) + len(b.s)
	ascii := a.isASCII() && b.isASCII()
	if n < minGrowable {
		return concat2(a.s, b.s, ascii)
	}
	buf := a.buf()
	if buf != nil && len(buf.b) == len(a.s) && cap(buf.b)-len(buf.b) >= len(b.s) {
		buf.b = append(buf.b, b.s...)
	} else {
		nb := make([]byte, 0, 2*n)
		buf = &strBuf{b: append(append(nb, a.s...), b.s...)}
		buf.ascii = &strExtra{ascii: true, buf: buf}
	}
	r := &String{s: unsafe.String(unsafe.SliceData(buf.b), n), x: buf.ascii}
	if !ascii {
		r.x = &strExtra{n: a.runeCount() + b.runeCount(), buf: buf}
	}
	return Obj(r)
}

// hasOwnRadd reports whether v's class defines or inherits a __radd__
// written in Python, the only kind that can take a str, list or tuple on
// its left: the sequence's own + must wait for it, and for any other
// operand it raises its own error (CPython tries the sequence's concat
// only after the reflected operator, whose message it then gives).
func hasOwnRadd(v Value) bool {
	if v.IsInline() {
		return false
	}
	_, ok := userSlot(v.Type(), "__radd__")
	return ok
}

// isKnownValue reports whether v is a number, str or bytes: a value of a
// built-in type that has no reflected operators.
func isKnownValue(v Value) bool {
	if kindOf(v) != kNone || v.IsNone() {
		return true
	}
	switch v.o.(type) {
	case *String, *BytesObject, *ByteArray:
		return true
	}
	return false
}

// maxStrBytes bounds the strs and bytes pyish builds (256 MiB); beyond it
// operations raise MemoryError instead of exhausting the host.
const maxStrBytes = 1 << 28

// checkSize raises MemoryError for a result of more than maxStrBytes.
func checkSize(n int64) error {
	if n > maxStrBytes {
		return NewException(MemoryError)
	}
	return nil
}

// repeatSeq is seq * n for sequences: n must be an int (negative counts
// as 0); mk builds the result.
func repeatSeq(th *Thread, n Value, mk func(n int) (Value, error)) (Value, error) {
	n = unwrapNum(n)
	switch kindOf(n) {
	case kInt:
		c := int64(n.n)
		if c < 0 {
			c = 0
		}
		if c > 1<<31 {
			return Value{}, NewException(MemoryError)
		}
		return mk(int(c))
	case kBig:
		if toBig(n).Sign() < 0 {
			return mk(0)
		}
		return Value{}, Errorf(OverflowError, "cannot fit 'int' into an index-sized integer")
	}
	if isKnownValue(n) {
		return Value{}, Errorf(TypeError, "can't multiply sequence by non-int of type '%s'", n.Type().Name)
	}
	return NotImplemented, nil
}

// Compare orders strs by code point.
func (s *String) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	if r, ok, err := subCompare(th, s.sub(), Obj(s), op, other); ok && (err != nil || !r.Is(NotImplemented)) {
		return r, err
	}
	return s.ownCompare(op, other), nil
}

// ownCompare is str's own comparison (str.__eq__ and the others).
func (s *String) ownCompare(op CmpOp, other Value) Value {
	o, ok := other.o.(*String)
	if !ok {
		return NotImplemented
	}
	return Bool(cmpResult(op, strings.Compare(s.s, o.s)))
}

// exact returns s as a plain str (a new one for a subclass instance).
func (s *String) exact() Value {
	if s.sub() == nil {
		return Obj(s)
	}
	return Str(s.s)
}

// GetAttr looks up attributes (an instance of a subclass has a dict).
func (s *String) GetAttr(th *Thread, name string) (Value, error) {
	return s.sub().getAttr(th, Obj(s), name)
}

// SetAttr sets an attribute of an instance of a str subclass.
func (s *String) SetAttr(th *Thread, name string, v Value) error {
	return s.sub().setAttr(th, Obj(s), name, v)
}

// DelAttr deletes an attribute of an instance of a str subclass.
func (s *String) DelAttr(th *Thread, name string) error {
	return s.sub().setAttr(th, Obj(s), name, Value{})
}

// Format is the class's __format__ for an instance of a subclass, else
// str's.
func (s *String) Format(th *Thread, spec string) (string, error) {
	if out, ok, err := subFormat(th, s.sub(), Obj(s), spec); ok {
		return out, err
	}
	return formatStr(s.s, spec)
}

// StrRepr is repr() of a str: single quotes unless the text contains a
// single quote and no double quote, with CPython's escapes (\n, \x00,
// \u200b, …) for non-printable characters.
func StrRepr(s string) string {
	quote := byte('\'')
	if strings.IndexByte(s, '\'') >= 0 && strings.IndexByte(s, '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte(quote)
	for _, r := range s {
		writeReprRune(&b, r, quote)
	}
	b.WriteByte(quote)
	return b.String()
}

// writeReprRune writes one code point of a str repr.
func writeReprRune(b *strings.Builder, r rune, quote byte) {
	switch {
	case r == rune(quote) || r == '\\':
		b.WriteByte('\\')
		b.WriteRune(r)
	case r == '\n':
		b.WriteString(`\n`)
	case r == '\r':
		b.WriteString(`\r`)
	case r == '\t':
		b.WriteString(`\t`)
	case r < 0x20 || r == 0x7f:
		writeHexEscape(b, 'x', uint32(r), 2)
	case r < 0x7f:
		b.WriteByte(byte(r))
	case isPrintable(r):
		b.WriteRune(r)
	case r < 0x100:
		writeHexEscape(b, 'x', uint32(r), 2)
	case r < 0x10000:
		writeHexEscape(b, 'u', uint32(r), 4)
	default:
		writeHexEscape(b, 'U', uint32(r), 8)
	}
}

// writeHexEscape writes \<kind> and n lower-case hex digits of v.
func writeHexEscape(b *strings.Builder, kind byte, v uint32, n int) {
	b.WriteByte('\\')
	b.WriteByte(kind)
	h := strconv.FormatUint(uint64(v), 16)
	b.WriteString(strings.Repeat("0", n-len(h)))
	b.WriteString(h)
}

// isPrintable is Python's str.isprintable for one code point: not a
// control, format, surrogate, private-use, unassigned or separator
// character, except the ASCII space.
func isPrintable(r rune) bool {
	if r < 0x7f {
		return r >= ' '
	}
	return unicode.Is(pyPrintable, r)
}

// isUnicodeSpace is Unicode's White_Space property, which is what Python
// calls whitespace outside ASCII.
func isUnicodeSpace(r rune) bool { return unicode.IsSpace(r) }
