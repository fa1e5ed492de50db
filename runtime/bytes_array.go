package runtime

// This file defines ByteArray, Python's mutable bytearray. Its read-only
// methods are bytes' methods with bytes results turned into bytearrays.

import (
	"bytes"
	"weak"
)

// ByteArray is a Python bytearray. views are the memoryviews on it not
// yet released, which keep it from changing size while they live.
type ByteArray struct {
	b     []byte
	views []weak.Pointer[MemoryView]
	sub   *subclassed // class and attributes of an instance of a bytearray subclass
}

// ByteArrayType is the type of bytearray objects.
var ByteArrayType = NewType("bytearray", nil)

// NewByteArray returns a bytearray holding a copy of b.
func NewByteArray(b []byte) *ByteArray { return &ByteArray{b: append([]byte{}, b...)} }

// Type returns ByteArrayType, or the class of an instance of a subclass.
func (a *ByteArray) Type() *Type { return a.sub.typeOr(ByteArrayType) }

// Repr is bytearray(b'...'), with the class's name for a subclass.
func (a *ByteArray) Repr(th *Thread) (string, error) {
	if r, ok, err := subRepr(th, a.sub, Obj(a)); ok {
		return r, err
	}
	return a.repr(), nil
}

// repr is bytearray's own repr.
func (a *ByteArray) repr() string { return a.Type().Name + "(" + BytesRepr(a.b) + ")" }

// Str is str() of a bytearray: its own repr (a subclass's __repr__ does
// not count, its __str__ does).
func (a *ByteArray) Str(th *Thread) (string, error) {
	if a.sub != nil {
		if _, ok := userSlot(a.sub.cls, "__str__"); ok {
			return subStr(th, a.sub, Obj(a))
		}
	}
	return a.repr(), nil
}

// Len is the number of bytes.
func (a *ByteArray) Len(th *Thread) (int, error) {
	if n, ok, err := subLen(th, a.sub, Obj(a)); ok {
		return n, err
	}
	return len(a.b), nil
}

// Truth is true for a non-empty bytearray.
func (a *ByteArray) Truth(th *Thread) (bool, error) {
	if t, ok, err := subTruth(th, a.sub, Obj(a)); ok {
		return t, err
	}
	return len(a.b) > 0, nil
}

// Hash refuses: bytearrays are unhashable unless a subclass says.
func (a *ByteArray) Hash(th *Thread) (int64, error) {
	if h, ok, err := subHash(th, a.sub, Obj(a)); ok {
		return h, err
	}
	return 0, Errorf(TypeError, "unhashable type: '%s'", a.Type().Name)
}

// GetAttr looks up attributes (an instance of a subclass has a dict).
func (a *ByteArray) GetAttr(th *Thread, name string) (Value, error) {
	return a.sub.getAttr(th, Obj(a), name)
}

// SetAttr sets an attribute of an instance of a bytearray subclass.
func (a *ByteArray) SetAttr(th *Thread, name string, v Value) error {
	return a.sub.setAttr(th, Obj(a), name, v)
}

// DelAttr deletes an attribute of an instance of a bytearray subclass.
func (a *ByteArray) DelAttr(th *Thread, name string) error {
	return a.sub.setAttr(th, Obj(a), name, Value{})
}

// GetItem is a[i] (an int) and a[i:j:k] (a bytearray).
func (a *ByteArray) GetItem(th *Thread, key Value) (Value, error) {
	if r, ok, err := a.sub.call(th, Obj(a), "__getitem__", key); ok {
		return r, err
	}
	return a.getItem(th, key)
}

// getItem is bytearray's own a[key].
func (a *ByteArray) getItem(th *Thread, key Value) (Value, error) {
	r, err := (&BytesObject{b: a.b}).getItem(th, key)
	if err != nil {
		return Value{}, err
	}
	return toByteArrays(r), nil
}

// SetItem is a[i] = x and a[i:j] = bytes-like.
func (a *ByteArray) SetItem(th *Thread, key, x Value) error {
	if _, ok, err := a.sub.call(th, Obj(a), "__setitem__", key, x); ok {
		return err
	}
	return a.setItem(th, key, x)
}

// setItem is bytearray's own a[key] = x.
func (a *ByteArray) setItem(th *Thread, key, x Value) error {
	if sl, ok := key.o.(*Slice); ok {
		lo, hi, step, n, err := sl.Indices(th, len(a.b))
		if err != nil {
			return err
		}
		src, err := byteSource(th, x)
		if err != nil {
			return err
		}
		if step == 1 {
			hi = max(hi, lo)
			if err := a.resizable(len(a.b) - (hi - lo) + len(src)); err != nil {
				return err
			}
			a.b = append(a.b[:lo], append(append([]byte{}, src...), a.b[hi:]...)...)
			return nil
		}
		if len(src) != n {
			return Errorf(ValueError, "attempt to assign bytes of size %d to extended slice of size %d", len(src), n)
		}
		for k := 0; k < n; k++ {
			a.b[lo+k*step] = src[k]
		}
		return nil
	}
	i, err := strIndex(th, key, len(a.b))
	if err != nil {
		return Errorf(TypeError, "bytearray indices must be integers or slices, not %s", key.Type().Name)
	}
	if i < 0 {
		return Errorf(IndexError, "bytearray index out of range")
	}
	c, err := byteValue(th, x)
	if err != nil {
		return err
	}
	a.b[i] = c
	return nil
}

// DelItem is del a[i] and del a[i:j].
func (a *ByteArray) DelItem(th *Thread, key Value) error {
	if _, ok, err := a.sub.call(th, Obj(a), "__delitem__", key); ok {
		return err
	}
	return a.delItem(th, key)
}

// delItem is bytearray's own del a[key].
func (a *ByteArray) delItem(th *Thread, key Value) error {
	if sl, ok := key.o.(*Slice); ok {
		lo, _, step, n, err := sl.Indices(th, len(a.b))
		if err != nil {
			return err
		}
		if err := a.resizable(len(a.b) - n); err != nil {
			return err
		}
		keep := a.b[:0:0]
		drop := map[int]bool{}
		for k := 0; k < n; k++ {
			drop[lo+k*step] = true
		}
		for i, c := range a.b {
			if !drop[i] {
				keep = append(keep, c)
			}
		}
		a.b = keep
		return nil
	}
	i, err := strIndex(th, key, len(a.b))
	if err != nil {
		return err
	}
	if i < 0 {
		return Errorf(IndexError, "bytearray index out of range")
	}
	if err := a.resizable(len(a.b) - 1); err != nil {
		return err
	}
	a.b = append(a.b[:i], a.b[i+1:]...)
	return nil
}

// Contains is `x in a`.
func (a *ByteArray) Contains(th *Thread, x Value) (bool, error) {
	if r, ok, err := subContains(th, a.sub, Obj(a), x); ok {
		return r, err
	}
	return (&BytesObject{b: a.b}).contains(th, x)
}

// Iter iterates over the byte values (of a snapshot).
func (a *ByteArray) Iter(th *Thread) (Iterator, error) {
	if it, ok, err := subIter(th, a.sub, Obj(a)); ok {
		return it, err
	}
	return &bytesIterator{b: append([]byte(nil), a.b...)}, nil
}

// Binary implements +, * and % (results are new bytearrays).
func (a *ByteArray) Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	if a.sub != nil {
		if r, ok, err := subBinary(th, a.sub, Obj(a), op, other, right); ok && (err != nil || !r.Is(NotImplemented)) {
			return r, err
		}
	}
	return a.binary(th, op, other, right)
}

// binary is bytearray's own +, * and %.
func (a *ByteArray) binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error) {
	switch op {
	case OpAdd:
		o, ok := concatOperand(other, right)
		if !ok {
			if !right && isKnownValue(other) {
				return Value{}, Errorf(TypeError, "can't concat %s to bytearray", other.Type().Name)
			}
			return NotImplemented, nil
		}
		x, y := a.b, o
		if right {
			x, y = y, x
		}
		return Obj(&ByteArray{b: append(append([]byte{}, x...), y...)}), nil
	case OpMod:
		if !right {
			r, err := PercentFormatBytes(th, a.b, other)
			if err != nil {
				return Value{}, err
			}
			return Obj(&ByteArray{b: r}), nil
		}
	case OpMul:
		return repeatSeq(th, other, func(n int) (Value, error) {
			if err := checkSize(int64(len(a.b)) * int64(n)); err != nil {
				return Value{}, err
			}
			return Obj(&ByteArray{b: bytes.Repeat(a.b, n)}), nil
		})
	}
	return NotImplemented, nil
}

// Inplace implements += (extend) and *= in place.
func (a *ByteArray) Inplace(th *Thread, op BinaryOp, other Value) (Value, bool, error) {
	if r, ok, err := a.sub.call(th, Obj(a), ibinaryNames[op], other); ok {
		return r, true, err
	}
	return a.inplace(th, op, other)
}

// inplace is bytearray's own += and *=.
func (a *ByteArray) inplace(th *Thread, op BinaryOp, other Value) (Value, bool, error) {
	switch op {
	case OpAdd:
		o, ok := BufferBytes(other)
		if !ok {
			return Value{}, false, Errorf(TypeError, "can't concat %s to bytearray", other.Type().Name)
		}
		if err := a.resizable(len(a.b) + len(o)); err != nil {
			return Value{}, false, err
		}
		a.b = append(a.b, o...)
		return Obj(a), true, nil
	case OpMul:
		n, err := ToInt64(th, other)
		if err != nil {
			return Value{}, false, nil
		}
		if err := checkSize(int64(len(a.b)) * max(n, 0)); err != nil {
			return Value{}, false, err
		}
		if err := a.resizable(len(a.b) * int(max(n, 0))); err != nil {
			return Value{}, false, err
		}
		a.b = bytes.Repeat(a.b, int(max(n, 0)))
		return Obj(a), true, nil
	}
	return Value{}, false, nil
}

// Compare compares with bytes-like objects.
func (a *ByteArray) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	if r, ok, err := subCompare(th, a.sub, Obj(a), op, other); ok && (err != nil || !r.Is(NotImplemented)) {
		return r, err
	}
	return a.compare(op, other)
}

// compare is bytearray's own comparison.
func (a *ByteArray) compare(op CmpOp, other Value) (Value, error) {
	o, ok := BufferBytes(other)
	if !ok {
		return NotImplemented, nil
	}
	return Bool(cmpResult(op, bytes.Compare(a.b, o))), nil
}

// byteValue converts an int in range(256) to a byte.
func byteValue(th *Thread, v Value) (byte, error) {
	i, err := ToInt64(th, v)
	if err != nil {
		return 0, err
	}
	if i < 0 || i > 255 {
		return 0, Errorf(ValueError, "byte must be in range(0, 256)")
	}
	return byte(i), nil
}

// byteSource reads a bytes-like object or an iterable of ints.
func byteSource(th *Thread, v Value) ([]byte, error) {
	if b, ok := BufferBytes(v); ok {
		return append([]byte(nil), b...), nil
	}
	if _, isStr := AsString(v); isStr {
		return nil, Errorf(TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)")
	}
	var out []byte
	err := ForEach(th, v, func(x Value) error {
		c, err := byteValue(th, x)
		out = append(out, c)
		return err
	})
	return out, err
}

// toByteArrays turns bytes results (also in lists and tuples) into
// bytearrays.
func toByteArrays(v Value) Value {
	switch o := v.o.(type) {
	case *BytesObject:
		return Obj(&ByteArray{b: append([]byte{}, o.b...)})
	case *List:
		for i, it := range o.Items {
			o.Items[i] = toByteArrays(it)
		}
	case *Tuple:
		for i, it := range o.Items {
			o.Items[i] = toByteArrays(it)
		}
	}
	return v
}

// byteArrayMethod adapts a bytes method to bytearray receivers.
func byteArrayMethod(m MethodFunc) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		a := self.o.(*ByteArray)
		r, err := m(th, Obj(&BytesObject{b: a.b}), args, kwnames)
		if err != nil {
			return Value{}, err
		}
		return toByteArrays(r), nil
	}
}

// byteArraySelf returns the receiver of a bytearray method.
func byteArraySelf(self Value) *ByteArray { return self.o.(*ByteArray) }

// byteArrayMutators are the methods that change a bytearray.
var byteArrayMutators = map[string]MethodFunc{
	"append": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("bytearray.append", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		c, err := byteValue(th, args[0])
		if err != nil {
			return Value{}, err
		}
		a := byteArraySelf(self)
		if err := a.resizable(len(a.b) + 1); err != nil {
			return Value{}, err
		}
		a.b = append(a.b, c)
		return None, nil
	},
	"extend": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("bytearray.extend", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		src, err := byteSource(th, args[0])
		if err != nil {
			return Value{}, err
		}
		a := byteArraySelf(self)
		if err := a.resizable(len(a.b) + len(src)); err != nil {
			return Value{}, err
		}
		a.b = append(a.b, src...)
		return None, nil
	},
	"insert": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("insert", args, kwnames, 2, 2); err != nil {
			return Value{}, err
		}
		i, err := ToInt64(th, args[0])
		if err != nil {
			return Value{}, err
		}
		c, err := byteValue(th, args[1])
		if err != nil {
			return Value{}, err
		}
		a := byteArraySelf(self)
		n := int64(len(a.b))
		if i < 0 {
			i = max(i+n, 0)
		}
		i = min(i, n)
		if err := a.resizable(len(a.b) + 1); err != nil {
			return Value{}, err
		}
		a.b = append(a.b[:i], append([]byte{c}, a.b[i:]...)...)
		return None, nil
	},
	"pop": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("pop", args, kwnames, 0, 1); err != nil {
			return Value{}, err
		}
		a := byteArraySelf(self)
		if len(a.b) == 0 {
			return Value{}, Errorf(IndexError, "pop from empty bytearray")
		}
		i := Value(Int(-1))
		if len(args) == 1 {
			i = args[0]
		}
		k, err := strIndex(th, i, len(a.b))
		if err != nil {
			return Value{}, err
		}
		if k < 0 {
			return Value{}, Errorf(IndexError, "pop index out of range")
		}
		if err := a.resizable(len(a.b) - 1); err != nil {
			return Value{}, err
		}
		c := a.b[k]
		a.b = append(a.b[:k], a.b[k+1:]...)
		return Int(int64(c)), nil
	},
	"remove": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("bytearray.remove", args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		c, err := byteValue(th, args[0])
		if err != nil {
			return Value{}, err
		}
		a := byteArraySelf(self)
		k := bytes.IndexByte(a.b, c)
		if k < 0 {
			return Value{}, Errorf(ValueError, "value not found in bytearray")
		}
		if err := a.resizable(len(a.b) - 1); err != nil {
			return Value{}, err
		}
		a.b = append(a.b[:k], a.b[k+1:]...)
		return None, nil
	},
	"clear": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity("bytearray.clear", args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		a := byteArraySelf(self)
		if err := a.resizable(0); err != nil {
			return Value{}, err
		}
		a.b = nil
		return None, nil
	},
	"reverse": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		b := byteArraySelf(self).b
		for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
			b[i], b[j] = b[j], b[i]
		}
		return None, strArity("bytearray.reverse", args, kwnames, 0, 0)
	},
	"copy": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return Obj(NewByteArray(byteArraySelf(self).b)), strArity("bytearray.copy", args, kwnames, 0, 0)
	},
}

// initByteArray installs bytearray's methods (after bytes' are complete).
func initByteArray() {
	ByteArrayType.New = bytearray_new
	m := map[string]MethodFunc{}
	for name, f := range bytesMethods {
		m[name] = byteArrayMethod(f)
	}
	for name, f := range byteArrayMutators {
		m[name] = f
	}
	ByteArrayType.SetMethods(m)
	ByteArrayType.SetMethods(byteArrayDunders())
	ByteArrayType.Dict.SetStr("__hash__", None)
	ByteArrayType.Dict.SetStr("maketrans", Obj(&StaticMethod{Fn: NewBuiltin("maketrans", bytes_maketrans)}))
	ByteArrayType.Dict.SetStr("fromhex", Obj(&ClassMethod{Fn: NewBuiltin("fromhex", bytearray_fromhex)}))
}

// bytearray_new is bytearray(), bytearray(n), bytearray(bytes-like),
// bytearray(iterable of ints) and bytearray(str, encoding).
func bytearray_new(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if t != ByteArrayType {
		return Obj(&ByteArray{sub: newSub(t, ByteArrayType)}), nil // __init__ fills it
	}
	if len(args) == 0 {
		return Obj(&ByteArray{}), nil
	}
	if b, ok := BufferBytes(args[0]); ok && len(args) == 1 {
		return Obj(NewByteArray(b)), nil
	}
	v, err := bytes_new(th, BytesType, args, kwnames)
	if err != nil {
		return Value{}, err
	}
	b, _ := AsBytes(v)
	return Obj(NewByteArray(b)), nil
}

// bytearray_fromhex is bytearray.fromhex(s): bytes.fromhex's parse, made
// a bytearray (or cls(bytearray) for a subclass, as CPython does).
func bytearray_fromhex(th *Thread, args []Value, kwnames []string) (Value, error) {
	v, err := bytes_fromhex(th, args, kwnames)
	if err != nil {
		return Value{}, err
	}
	ba := Obj(NewByteArray(bytesSelf(v)))
	if cls, ok := args[0].o.(*Type); ok && cls != ByteArrayType {
		return Call(th, args[0], []Value{ba}, nil)
	}
	return ba, nil
}
