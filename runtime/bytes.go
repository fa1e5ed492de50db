package runtime

// This file defines BytesObject, pyish's immutable bytes, and its methods.

import (
	"bytes"
	"encoding/hex"
	"strings"
)

// BytesObject is a Python bytes value. Its contents never change.
type BytesObject struct {
	b      []byte
	hashed bool
	hash   int64
	sub    *subclassed // class and attributes of an instance of a bytes subclass
}

// Bytes returns a bytes value holding a copy of b.
func Bytes(b []byte) Value { return Obj(&BytesObject{b: append([]byte(nil), b...)}) }

// newBytes wraps b without copying.
func newBytes(b []byte) Value { return Obj(&BytesObject{b: b}) }

// AsBytes returns the contents of a bytes or bytearray value (not to be
// modified, nor kept past a change of the bytearray).
func AsBytes(v Value) ([]byte, bool) {
	switch b := v.o.(type) {
	case *BytesObject:
		return b.b, true
	case *ByteArray:
		return b.b, true
	}
	return nil, false
}

// Type returns BytesType, or the class of an instance of a subclass.
func (b *BytesObject) Type() *Type { return b.sub.typeOr(BytesType) }

// Repr is b'...' with CPython's quote choice and escapes.
func (b *BytesObject) Repr(th *Thread) (string, error) {
	if r, ok, err := subRepr(th, b.sub, Obj(b)); ok {
		return r, err
	}
	return BytesRepr(b.b), nil
}

// Str is str() of bytes: the repr of the bytes (a subclass's __repr__
// does not count, its __str__ does).
func (b *BytesObject) Str(th *Thread) (string, error) {
	if b.sub != nil {
		if _, ok := userSlot(b.sub.cls, "__str__"); ok {
			return subStr(th, b.sub, Obj(b))
		}
	}
	return BytesRepr(b.b), nil
}

// Len is the number of bytes.
func (b *BytesObject) Len(th *Thread) (int, error) {
	if n, ok, err := subLen(th, b.sub, Obj(b)); ok {
		return n, err
	}
	return len(b.b), nil
}

// Truth is true for non-empty bytes.
func (b *BytesObject) Truth(th *Thread) (bool, error) {
	if t, ok, err := subTruth(th, b.sub, Obj(b)); ok {
		return t, err
	}
	return len(b.b) > 0, nil
}

// Hash equals the hash of the str with the same (Latin-1 range) bytes.
func (b *BytesObject) Hash(th *Thread) (int64, error) {
	if h, ok, err := subHash(th, b.sub, Obj(b)); ok {
		return h, err
	}
	return b.hashValue(), nil
}

// hashValue is bytes' own hash, cached.
func (b *BytesObject) hashValue() int64 {
	if !b.hashed {
		b.hash, b.hashed = StrHash(string(b.b)), true
	}
	return b.hash
}

// GetAttr looks up attributes (an instance of a subclass has a dict).
func (b *BytesObject) GetAttr(th *Thread, name string) (Value, error) {
	return b.sub.getAttr(th, Obj(b), name)
}

// SetAttr sets an attribute of an instance of a bytes subclass.
func (b *BytesObject) SetAttr(th *Thread, name string, v Value) error {
	return b.sub.setAttr(th, Obj(b), name, v)
}

// DelAttr deletes an attribute of an instance of a bytes subclass.
func (b *BytesObject) DelAttr(th *Thread, name string) error {
	return b.sub.setAttr(th, Obj(b), name, Value{})
}

// BytesRepr is repr() of bytes.
func BytesRepr(b []byte) string {
	quote := byte('\'')
	if bytes.IndexByte(b, '\'') >= 0 && bytes.IndexByte(b, '"') < 0 {
		quote = '"'
	}
	var sb strings.Builder
	sb.WriteByte('b')
	sb.WriteByte(quote)
	for _, c := range b {
		switch {
		case c == quote || c == '\\':
			sb.WriteByte('\\')
			sb.WriteByte(c)
		case c == '\n':
			sb.WriteString(`\n`)
		case c == '\r':
			sb.WriteString(`\r`)
		case c == '\t':
			sb.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			writeHexEscape(&sb, 'x', uint32(c), 2)
		default:
			sb.WriteByte(c)
		}
	}
	sb.WriteByte(quote)
	return sb.String()
}

// GetItem is b[i] (an int) and b[lo:hi:step] (bytes).
func (b *BytesObject) GetItem(th *Thread, key Value) (Value, error) {
	if r, ok, err := b.sub.call(th, Obj(b), "__getitem__", key); ok {
		return r, err
	}
	return b.getItem(th, key)
}

// getItem is bytes' own b[key].
func (b *BytesObject) getItem(th *Thread, key Value) (Value, error) {
	if _, isSlice := key.o.(*Slice); !isSlice {
		i, err := strIndex(th, key, len(b.b))
		if e := AsException(err); e != nil && e.Matches(TypeError) {
			return Value{}, Errorf(TypeError, "byte indices must be integers or slices, not %s", key.Type().Name)
		}
		if err != nil {
			return Value{}, err
		}
		if i < 0 {
			return Value{}, Errorf(IndexError, "index out of range")
		}
		return Int(int64(b.b[i])), nil
	}
	if sl, ok := key.o.(*Slice); ok {
		lo, _, step, n, err := sl.Indices(th, len(b.b))
		if err != nil {
			return Value{}, err
		}
		out := make([]byte, n)
		for k := 0; k < n; k++ {
			out[k] = b.b[lo+k*step]
		}
		return newBytes(out), nil
	}
	return Value{}, Errorf(TypeError, "byte indices must be integers or slices, not %s", key.Type().Name)
}

// Contains is `x in b` for an int or a bytes-like x.
func (b *BytesObject) Contains(th *Thread, x Value) (bool, error) {
	if r, ok, err := subContains(th, b.sub, Obj(b), x); ok {
		return r, err
	}
	return b.contains(th, x)
}

// contains is bytes' own `x in b`.
func (b *BytesObject) contains(th *Thread, x Value) (bool, error) {
	if o, ok := BufferBytes(x); ok {
		return bytes.Contains(b.b, o), nil
	}
	if kindOf(x) == kInt {
		c := int64(x.n)
		if c < 0 || c > 255 {
			return false, Errorf(ValueError, "byte must be in range(0, 256)")
		}
		return bytes.IndexByte(b.b, byte(c)) >= 0, nil
	}
	return false, Errorf(TypeError, "a bytes-like object is required, not '%s'", x.Type().Name)
}

// Iter iterates over the byte values.
func (b *BytesObject) Iter(th *Thread) (Iterator, error) {
	if it, ok, err := subIter(th, b.sub, Obj(b)); ok {
		return it, err
	}
	return &bytesIterator{b: b.b}, nil
}

// bytesIterator yields the ints of a bytes value.
type bytesIterator struct {
	b []byte
	i int
}

// BytesIteratorType is the type of iter(bytes).
var BytesIteratorType = NewType("bytes_iterator", nil)

// Type returns BytesIteratorType.
func (it *bytesIterator) Type() *Type { return BytesIteratorType }

// Next returns the next byte as an int.
func (it *bytesIterator) Next(th *Thread) (Value, bool, error) {
	if it.i >= len(it.b) {
		return Value{}, false, nil
	}
	it.i++
	return Int(int64(it.b[it.i-1])), true, nil
}

// Iter returns the iterator itself.
func (it *bytesIterator) Iter(th *Thread) (Iterator, error) { return it, nil }

// Binary implements +, * and %.
func (b *BytesObject) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	if b.sub != nil {
		if r, ok, err := subBinary(th, b.sub, Obj(b), op, other, right); ok && (err != nil || !r.Is(NotImplemented)) {
			return r, err
		}
	}
	return b.binary(th, op, other, right)
}

// binary is bytes' own +, * and %.
func (b *BytesObject) binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	switch op {
	case OpAdd:
		if o, ok := concatOperand(other, right); ok {
			x, y := b.b, o
			if right {
				x, y = y, x
			}
			return newBytes(append(append(make([]byte, 0, len(x)+len(y)), x...), y...)), nil
		}
		if !right && isKnownValue(other) {
			return Value{}, Errorf(TypeError, "can't concat %s to bytes", other.Type().Name)
		}
	case OpMod:
		if !right {
			r, err := PercentFormatBytes(th, b.b, other)
			if err != nil {
				return Value{}, err
			}
			return newBytes(r), nil
		}
	case OpMul:
		return repeatSeq(th, other, func(n int) (Value, error) {
			if err := checkSize(int64(len(b.b)) * int64(n)); err != nil {
				return Value{}, err
			}
			return newBytes(bytes.Repeat(b.b, n)), nil
		})
	}
	return NotImplemented, nil
}

// Compare orders bytes lexicographically.
func (b *BytesObject) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	if r, ok, err := subCompare(th, b.sub, Obj(b), op, other); ok && (err != nil || !r.Is(NotImplemented)) {
		return r, err
	}
	return b.compare(op, other)
}

// compare is bytes' own comparison.
func (b *BytesObject) compare(op CmpOp, other Value) (Value, error) {
	o, ok := AsBytes(other)
	if !ok {
		return NotImplemented, nil
	}
	return Bool(cmpResult(op, bytes.Compare(b.b, o))), nil
}

// bytesSelf returns the receiver of a bytes method.
func bytesSelf(self Value) []byte {
	b, _ := AsBytes(self)
	return b
}

// concatOperand is the other operand of + on bytes or bytearray: any
// bytes-like object on the right, only bytes and bytearray on the left
// (memoryview has no + of its own).
func concatOperand(other Value, right bool) ([]byte, bool) {
	if right {
		return AsBytes(other)
	}
	return BufferBytes(other)
}

// bytesArg requires a bytes-like argument.
func bytesArg(v Value) ([]byte, error) {
	if b, ok := BufferBytes(v); ok {
		return b, nil
	}
	return nil, Errorf(TypeError, "a bytes-like object is required, not '%s'", v.Type().Name)
}

func init() {
	BytesType.New = bytes_new
	BytesType.Dict.SetStr("fromhex", Obj(&ClassMethod{Fn: NewBuiltin("fromhex", bytes_fromhex)}))
}

// bytesMethods is the method table of bytes.
var bytesMethods = map[string]MethodFunc{
	"decode": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		var encoding, errors Value
		if err := checkKeywords("decode", kwnames, "encoding", "errors"); err != nil {
			return Value{}, err
		}
		if err := UnpackArgs("decode", args, kwnames, "encoding?", &encoding, "errors?", &errors); err != nil {
			return Value{}, err
		}
		enc, errs, err := codecArgs("decode", encoding, errors)
		if err != nil {
			return Value{}, err
		}
		s, err := decodeBytes(bytesSelf(self), enc, errs)
		return Str(s), err
	},
	"hex": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("bytes.hex", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		return Str(hex.EncodeToString(bytesSelf(self))), nil
	},
	"join":   bytes_join,
	"split":  bytes_split,
	"strip":  bytesStrip("strip", true, true),
	"lstrip": bytesStrip("lstrip", true, false),
	"rstrip": bytesStrip("rstrip", false, true),
	"replace": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("replace", args, kwnames, 2, 3); err != nil {
			return Value{}, err
		}
		old, err := bytesArg(args[0])
		if err != nil {
			return Value{}, err
		}
		nw, err := bytesArg(args[1])
		if err != nil {
			return Value{}, err
		}
		n := int64(-1)
		if len(args) == 3 {
			if n, err = ToInt64(th, args[2]); err != nil {
				return Value{}, err
			}
		}
		return newBytes(bytes.Replace(bytesSelf(self), old, nw, int(max(n, -1)))), nil
	},
	"translate":  bytes_translate,
	"rsplit":     bytes_rsplit,
	"splitlines": bytes_splitlines,
	"__len__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return Int(int64(len(bytesSelf(self)))), nil
	},
}

// asciiSpace is the whitespace of bytes methods.
const asciiSpace = " \t\n\r\v\f"

// bytesStrip implements strip, lstrip and rstrip.
func bytesStrip(name string, left, right bool) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity(name, args, kwnames, 0, 1); err != nil {
			return Value{}, err
		}
		cut := asciiSpace
		if len(args) == 1 && !args[0].IsNone() {
			c, err := bytesArg(args[0])
			if err != nil {
				return Value{}, err
			}
			cut = string(c)
		}
		b := bytesSelf(self)
		if left {
			b = bytes.TrimLeft(b, cut)
		}
		if right {
			b = bytes.TrimRight(b, cut)
		}
		return Bytes(b), nil
	}
}

// bytes_split is bytes.split(sep=None, maxsplit=-1).
func bytes_split(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	sepv, maxv := None, Int(-1)
	if err := UnpackArgs("split", args, kwnames, "sep?", &sepv, "maxsplit?", &maxv); err != nil {
		return Value{}, err
	}
	m, err := ToInt64(th, maxv)
	if err != nil {
		return Value{}, err
	}
	if m < 0 || m > 1<<31 {
		m = 1 << 31
	}
	b := bytesSelf(self)
	var parts []string
	if sepv.IsNone() {
		parts = splitSpaceFunc(string(b), int(m), isByteSpace)
	} else {
		sep, err := bytesArg(sepv)
		if err != nil {
			return Value{}, err
		}
		if len(sep) == 0 {
			return Value{}, Errorf(ValueError, "empty separator")
		}
		parts = strings.SplitN(string(b), string(sep), int(m)+1)
	}
	items := make([]Value, len(parts))
	for i, p := range parts {
		items[i] = newBytes([]byte(p))
	}
	return Obj(NewList(items)), nil
}

// isByteSpace reports whether r (a byte value) is bytes whitespace.
func isByteSpace(r rune) bool { return r < 0x80 && isASCIISpace(byte(r)) }

// bytes_rsplit is bytes.rsplit(sep=None, maxsplit=-1).
func bytes_rsplit(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	sepv, maxv := None, Int(-1)
	if err := UnpackArgs("rsplit", args, kwnames, "sep?", &sepv, "maxsplit?", &maxv); err != nil {
		return Value{}, err
	}
	if sepv.IsNone() {
		m, err := ToInt64(th, maxv)
		if err != nil {
			return Value{}, err
		}
		if m < 0 || m > 1<<31 {
			m = 1 << 31
		}
		parts := rsplitSpace(latin1(bytesSelf(self)), int(m), isByteSpace)
		items := make([]Value, len(parts))
		for i, p := range parts {
			items[len(parts)-1-i] = newBytes(fromLatin1(p))
		}
		return Obj(NewList(items)), nil
	}
	return latin1Method("rsplit", str_rsplit)(th, self, args, kwnames)
}

// bytes_splitlines is bytes.splitlines(keepends=False): only \n and \r.
func bytes_splitlines(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	keep := False
	if err := UnpackArgs("splitlines", args, kwnames, "keepends?", &keep); err != nil {
		return Value{}, err
	}
	keepends, err := Truth(th, keep)
	if err != nil {
		return Value{}, err
	}
	parts := splitLines(latin1(bytesSelf(self)), keepends, func(r rune) bool { return r == '\n' || r == '\r' })
	items := make([]Value, len(parts))
	for i, p := range parts {
		items[i] = newBytes(fromLatin1(p))
	}
	return Obj(NewList(items)), nil
}

// bytes_join is bytes.join(iterable of bytes).
func bytes_join(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	if err := strArity("join", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	sep := bytesSelf(self)
	var out []byte
	i := 0
	err := ForEach(th, args[0], func(v Value) error {
		p, ok := BufferBytes(v)
		if !ok {
			return Errorf(TypeError, "sequence item %d: expected a bytes-like object, %s found", i, v.Type().Name)
		}
		if i > 0 {
			out = append(out, sep...)
		}
		out = append(out, p...)
		i++
		return nil
	})
	if err != nil {
		return Value{}, err
	}
	return newBytes(out), nil
}

// bytes_fromhex is bytes.fromhex(string) (args[0] is the class).
func bytes_fromhex(th *Thread, args []Value, kwnames []string) (Value, error) {
	if len(args) != 2 {
		return Value{}, Errorf(TypeError, "fromhex() takes exactly one argument (%d given)", len(args)-1)
	}
	s, ok := AsString(args[1])
	if !ok {
		return Value{}, Errorf(TypeError, "fromhex() argument must be str, not %s", args[1].Type().Name)
	}
	var out []byte
	for i := 0; i < len(s); {
		if s[i] == ' ' {
			i++
			continue
		}
		if i+1 >= len(s) || digitValue(s[i]) > 15 || digitValue(s[i+1]) > 15 {
			pos := i
			if i < len(s) && digitValue(s[i]) <= 15 {
				pos = i + 1
			}
			return Value{}, Errorf(ValueError, "non-hexadecimal number found in fromhex() arg at position %d", pos)
		}
		out = append(out, byte(digitValue(s[i])<<4|digitValue(s[i+1])))
		i += 2
	}
	if cls, ok := args[0].o.(*Type); ok && cls != BytesType && cls != ByteArrayType {
		return Call(th, args[0], []Value{newBytes(out)}, nil) // cls(bytes), as CPython does
	}
	return newBytes(out), nil
}

// bytes_new is bytes(), bytes(n), bytes(str, encoding), bytes(iterable),
// bytes(x) through x.__bytes__(); for a subclass t, an instance of t.
func bytes_new(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	v, err := bytesFrom(th, args, kwnames)
	if err != nil || t == BytesType {
		return v, err
	}
	return bytesOfType(t, bytesSelf(v)), nil
}

// bytesOfType returns b as bytes, or as an instance of t, a subclass of
// bytes (b is not copied).
func bytesOfType(t *Type, b []byte) Value {
	return Obj(&BytesObject{b: b, sub: newSub(t, BytesType)})
}

// bytesFrom is bytes(…) of args: exact bytes.
func bytesFrom(th *Thread, args []Value, kwnames []string) (Value, error) {
	var src, encoding, errors Value
	if err := checkKeywords("bytes", kwnames, "source", "encoding", "errors"); err != nil {
		return Value{}, err
	}
	if err := UnpackArgs("bytes", args, kwnames, "source?", &src, "encoding?", &encoding, "errors?", &errors); err != nil {
		return Value{}, err
	}
	enc, errs, err := codecArgs("bytes", encoding, errors)
	if err != nil {
		return Value{}, err
	}
	if src.IsNull() {
		return newBytes(nil), nil
	}
	if s, ok := AsString(src); ok {
		if encoding.IsNull() {
			return Value{}, Errorf(TypeError, "string argument without an encoding")
		}
		b, err := EncodeString(s, enc, errs)
		if err != nil {
			return Value{}, err
		}
		return newBytes(b), nil
	}
	if !encoding.IsNull() {
		return Value{}, Errorf(TypeError, "encoding without a string argument")
	}
	if r, ok, err := callDunder(th, src, "__bytes__"); ok {
		if err != nil {
			return Value{}, err
		}
		if _, isBytes := r.o.(*BytesObject); !isBytes {
			return Value{}, Errorf(TypeError, "__bytes__ returned non-bytes (type %s)", r.Type().Name)
		}
		src = r
	}
	if _, ok := src.o.(*BytesObject); ok && src.Type() == BytesType {
		return src, nil
	}
	if b, ok := BufferBytes(src); ok {
		return Bytes(b), nil
	}
	if kindOf(src) == kInt {
		n := int64(src.n)
		if n < 0 {
			return Value{}, Errorf(ValueError, "negative count")
		}
		return newBytes(make([]byte, n)), nil
	}
	var out []byte
	err = ForEach(th, src, func(v Value) error {
		i, err := ToInt64(th, v)
		if err != nil {
			return err
		}
		if i < 0 || i > 255 {
			return Errorf(ValueError, "bytes must be in range(0, 256)")
		}
		out = append(out, byte(i))
		return nil
	})
	if err != nil {
		if e := AsException(err); e != nil && e.Matches(TypeError) && !IsIntegral(src) {
			if _, iterable := src.o.(Iterable); !iterable {
				return Value{}, Errorf(TypeError, "cannot convert '%s' object to bytes", src.Type().Name)
			}
		}
		return Value{}, err
	}
	return newBytes(out), nil
}
