package runtime

// This file defines MemoryView, Python's memoryview over bytes and
// bytearray: one-dimensional views of unsigned bytes (format 'B'), sliced
// with strides, written through when the bytearray is writable. Other
// formats (cast), buffers of other objects (__buffer__) and exports of a
// view's own buffer are refused with NotImplementedError.

import (
	"encoding/hex"
	goruntime "runtime"
	"slices"
	"weak"
)

// MemoryView is a memoryview. Its elements are buf[start+k*step] for
// k < n, where buf is the bytes' contents or the bytearray's current
// contents (which cannot change size while the view holds an export).
type MemoryView struct {
	obj      Value      // the object the memory belongs to (bytes or bytearray)
	bytes    []byte     // obj's contents when obj is bytes
	array    *ByteArray // obj when it is a bytearray, else nil
	start    int
	step     int
	n        int
	readonly bool
	released bool
}

// MemoryViewType is the type of memoryview objects.
var MemoryViewType = NewType("memoryview", nil)

// MemoryIteratorType is the type of iter(memoryview).
var MemoryIteratorType = NewType("memory_iterator", nil)

// errReleased is the error of every use of a released view.
func errReleased() error {
	return Errorf(ValueError, "operation forbidden on released memoryview object")
}

// NewMemoryView returns memoryview(obj) for a bytes, bytearray or
// memoryview obj.
func NewMemoryView(obj Value) (*MemoryView, error) {
	switch o := obj.o.(type) {
	case *BytesObject:
		return &MemoryView{obj: obj, bytes: o.b, step: 1, n: len(o.b), readonly: true}, nil
	case *ByteArray:
		m := &MemoryView{obj: obj, array: o, step: 1, n: len(o.b)}
		o.export(m)
		return m, nil
	case *MemoryView:
		if o.released {
			return nil, errReleased()
		}
		return o.view(o.start, o.step, o.n, o.readonly), nil
	}
	if _, ok := obj.Type().Lookup("__buffer__"); ok && obj.Type().Flags&FlagHeap != 0 {
		return nil, Errorf(NotImplementedError, "pyish: memoryview() of an object with __buffer__ is not supported (only bytes and bytearray)")
	}
	return nil, Errorf(TypeError, "memoryview: a bytes-like object is required, not '%s'", obj.Type().Name)
}

// view returns a new view of the same memory (one more export of a
// bytearray).
func (m *MemoryView) view(start, step, n int, readonly bool) *MemoryView {
	v := &MemoryView{obj: m.obj, bytes: m.bytes, array: m.array, start: start, step: step, n: n, readonly: readonly}
	if m.array != nil {
		m.array.export(v)
	}
	return v
}

// buf is the memory the view looks into.
func (m *MemoryView) buf() []byte {
	if m.array != nil {
		return m.array.b
	}
	return m.bytes
}

// contents returns a copy of the view's bytes.
func (m *MemoryView) contents() []byte {
	b, out := m.buf(), make([]byte, m.n)
	for k := range out {
		out[k] = b[m.start+k*m.step]
	}
	return out
}

// release ends the view's export; later uses raise ValueError.
func (m *MemoryView) release() {
	if m.released {
		return
	}
	m.released = true
	if m.array != nil {
		m.array.unexport(m)
	}
}

// Type returns MemoryViewType.
func (m *MemoryView) Type() *Type { return MemoryViewType }

// Repr is <memory at 0x…>, or <released memory at 0x…>.
func (m *MemoryView) Repr(th *Thread) (string, error) {
	if m.released {
		return "<released memory at " + addrOf(Obj(m)) + ">", nil
	}
	return "<memory at " + addrOf(Obj(m)) + ">", nil
}

// Len is the number of elements.
func (m *MemoryView) Len(th *Thread) (int, error) {
	if m.released {
		return 0, errReleased()
	}
	return m.n, nil
}

// index is the position in buf of element key, an integer.
func (m *MemoryView) index(th *Thread, key Value) (int, error) {
	if !IsIntegral(key) {
		if _, err := ToIndex(th, key); err != nil {
			return 0, Errorf(TypeError, "memoryview: invalid slice key")
		}
	}
	i, err := strIndex(th, key, m.n)
	if err != nil {
		return 0, err
	}
	if i < 0 {
		return 0, Errorf(IndexError, "index out of bounds on dimension 1")
	}
	return m.start + i*m.step, nil
}

// GetItem is m[i] (an int) and m[i:j:k] (a memoryview of the same memory).
func (m *MemoryView) GetItem(th *Thread, key Value) (Value, error) {
	if m.released {
		return Value{}, errReleased()
	}
	if sl, ok := key.o.(*Slice); ok {
		lo, _, step, n, err := sl.Indices(th, m.n)
		if err != nil {
			return Value{}, err
		}
		return Obj(m.view(m.start+lo*m.step, m.step*step, n, m.readonly)), nil
	}
	i, err := m.index(th, key)
	if err != nil {
		return Value{}, err
	}
	return Int(int64(m.buf()[i])), nil
}

// SetItem is m[i] = int and m[i:j:k] = bytes-like of the same length,
// written into the bytearray.
func (m *MemoryView) SetItem(th *Thread, key, x Value) error {
	switch {
	case m.released:
		return errReleased()
	case m.readonly:
		return Errorf(TypeError, "cannot modify read-only memory")
	}
	if sl, ok := key.o.(*Slice); ok {
		return m.setSlice(th, sl, x)
	}
	i, err := m.index(th, key)
	if err != nil {
		return err
	}
	if !IsIntegral(x) {
		return Errorf(TypeError, "memoryview: invalid type for format 'B'")
	}
	c, err := ToInt64(th, x)
	if err != nil || c < 0 || c > 255 {
		return Errorf(ValueError, "memoryview: invalid value for format 'B'")
	}
	m.buf()[i] = byte(c)
	return nil
}

// setSlice is m[i:j:k] = x.
func (m *MemoryView) setSlice(th *Thread, sl *Slice, x Value) error {
	lo, _, step, n, err := sl.Indices(th, m.n)
	if err != nil {
		return err
	}
	src, ok := BufferBytes(x)
	if !ok {
		return Errorf(TypeError, "a bytes-like object is required, not '%s'", x.Type().Name)
	}
	if len(src) != n {
		return Errorf(ValueError, "memoryview assignment: lvalue and rvalue have different structures")
	}
	b := m.buf()
	for k, c := range src {
		b[m.start+(lo+k*step)*m.step] = c
	}
	return nil
}

// DelItem refuses: a view cannot change the memory's size.
func (m *MemoryView) DelItem(th *Thread, key Value) error {
	if m.released {
		return errReleased()
	}
	return Errorf(TypeError, "cannot delete memory")
}

// Iter iterates over the elements as ints.
func (m *MemoryView) Iter(th *Thread) (Iterator, error) {
	if m.released {
		return nil, errReleased()
	}
	return &memoryIterator{m: m}, nil
}

// memoryIterator yields a view's elements, read when reached.
type memoryIterator struct {
	m *MemoryView
	k int
}

// Type returns MemoryIteratorType.
func (it *memoryIterator) Type() *Type { return MemoryIteratorType }

// Next returns the next element.
func (it *memoryIterator) Next(th *Thread) (Value, bool, error) {
	m := it.m
	switch {
	case m.released:
		return Value{}, false, errReleased()
	case it.k >= m.n:
		return Value{}, false, nil
	}
	it.k++
	return Int(int64(m.buf()[m.start+(it.k-1)*m.step])), true, nil
}

// Iter returns the iterator itself.
func (it *memoryIterator) Iter(th *Thread) (Iterator, error) { return it, nil }

// Compare is == and != with bytes-like objects (by contents; a released
// view equals only itself). Other comparisons are not defined.
func (m *MemoryView) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	if op != CmpEq && op != CmpNe {
		return NotImplemented, nil
	}
	o, isView := other.o.(*MemoryView)
	var eq bool
	switch {
	case m.released || isView && o.released:
		eq = other.o == Object(m)
	default:
		b, ok := BufferBytes(other)
		if !ok {
			return NotImplemented, nil
		}
		eq = string(m.contents()) == string(b)
	}
	return Bool(eq == (op == CmpEq)), nil
}

// Hash is the hash of the bytes a read-only view holds.
func (m *MemoryView) Hash(th *Thread) (int64, error) {
	switch {
	case m.released:
		return 0, errReleased()
	case !m.readonly:
		return 0, Errorf(ValueError, "cannot hash writable memoryview object")
	}
	return StrHash(string(m.contents())), nil
}

// BufferBytes returns the contents of a bytes-like object: bytes,
// bytearray (not to be modified, nor kept past a change of it) or an
// unreleased memoryview (a copy).
func BufferBytes(v Value) ([]byte, bool) {
	if m, ok := v.o.(*MemoryView); ok {
		if m.released {
			return nil, false
		}
		return m.contents(), true
	}
	return AsBytes(v)
}

// memoryViewSelf returns the receiver of a memoryview method, refusing a
// released one.
func memoryViewSelf(self Value) (*MemoryView, error) {
	m := self.o.(*MemoryView)
	if m.released {
		return nil, errReleased()
	}
	return m, nil
}

// memoryViewMember is a read-only attribute of an unreleased view.
func memoryViewMember(get func(m *MemoryView) Value) MemberFunc {
	return func(th *Thread, self Value) (Value, error) {
		m, err := memoryViewSelf(self)
		if err != nil {
			return Value{}, err
		}
		return get(m), nil
	}
}

// memoryViewMethod is a method of an unreleased view taking no arguments.
func memoryViewMethod(name string, fn func(m *MemoryView) (Value, error)) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity(name, args, kwnames, 0, 0); err != nil {
			return Value{}, err
		}
		m, err := memoryViewSelf(self)
		if err != nil {
			return Value{}, err
		}
		return fn(m)
	}
}

// memoryViewRefused is a method pyish does not implement.
func memoryViewRefused(what string) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		return Value{}, Errorf(NotImplementedError, "pyish: %s is not supported (memoryviews are of format 'B' over bytes and bytearray only)", what)
	}
}

func init() {
	MemoryViewType.Flags |= FlagFinal
	MemoryViewType.New = memoryview_new
	MemoryViewType.SetMembers(memoryViewMembers())
	MemoryViewType.SetMethods(memoryViewMethods())
}

// memoryview_new is memoryview(object).
func memoryview_new(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(args) > 1 {
		return Value{}, Errorf(TypeError, "memoryview() takes at most 1 argument (%d given)", len(args))
	}
	var obj Value
	if err := UnpackArgs("memoryview", args, kwnames, "object", &obj); err != nil {
		return Value{}, err
	}
	m, err := NewMemoryView(obj)
	if err != nil {
		return Value{}, err
	}
	return Obj(m), nil
}

// memoryViewMembers are memoryview's read-only attributes.
func memoryViewMembers() map[string]MemberFunc {
	contiguous := func(m *MemoryView) Value { return Bool(m.step == 1 || m.n <= 1) }
	return map[string]MemberFunc{
		"obj":          memoryViewMember(func(m *MemoryView) Value { return m.obj }),
		"readonly":     memoryViewMember(func(m *MemoryView) Value { return Bool(m.readonly) }),
		"format":       memoryViewMember(func(m *MemoryView) Value { return Str("B") }),
		"itemsize":     memoryViewMember(func(m *MemoryView) Value { return Int(1) }),
		"nbytes":       memoryViewMember(func(m *MemoryView) Value { return Int(int64(m.n)) }),
		"ndim":         memoryViewMember(func(m *MemoryView) Value { return Int(1) }),
		"shape":        memoryViewMember(func(m *MemoryView) Value { return Obj(NewTuple([]Value{Int(int64(m.n))})) }),
		"strides":      memoryViewMember(func(m *MemoryView) Value { return Obj(NewTuple([]Value{Int(int64(m.step))})) }),
		"suboffsets":   memoryViewMember(func(m *MemoryView) Value { return Obj(NewTuple(nil)) }),
		"c_contiguous": memoryViewMember(contiguous),
		"f_contiguous": memoryViewMember(contiguous),
		"contiguous":   memoryViewMember(contiguous),
		"released": func(th *Thread, self Value) (Value, error) {
			return Bool(self.o.(*MemoryView).released), nil
		},
	}
}

// memoryViewMethods are memoryview's methods.
func memoryViewMethods() map[string]MethodFunc {
	return map[string]MethodFunc{
		"tobytes": memoryview_tobytes,
		"tolist": memoryViewMethod("tolist", func(m *MemoryView) (Value, error) {
			b := m.contents()
			items := make([]Value, len(b))
			for i, c := range b {
				items[i] = Int(int64(c))
			}
			return Obj(NewList(items)), nil
		}),
		"hex": memoryViewMethod("hex", func(m *MemoryView) (Value, error) {
			return Str(hex.EncodeToString(m.contents())), nil
		}),
		"toreadonly": memoryViewMethod("toreadonly", func(m *MemoryView) (Value, error) {
			return Obj(m.view(m.start, m.step, m.n, true)), nil
		}),
		"release": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := strArity("release", args, kwnames, 0, 0); err != nil {
				return Value{}, err
			}
			self.o.(*MemoryView).release()
			return None, nil
		},
		"__enter__": memoryViewMethod("__enter__", func(m *MemoryView) (Value, error) { return Obj(m), nil }),
		"__exit__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			self.o.(*MemoryView).release()
			return None, nil
		},
		"__len__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			n, err := Len(th, self)
			return Int(int64(n)), err
		},
		"__iter__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			it, err := Iter(th, self)
			if err != nil {
				return Value{}, err
			}
			return Obj(it), nil
		},
		"__getitem__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("__getitem__", args, kwnames); err != nil {
				return Value{}, err
			}
			return self.o.(*MemoryView).GetItem(th, args[0])
		},
		"__setitem__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := strArity("__setitem__", args, kwnames, 2, 2); err != nil {
				return Value{}, err
			}
			return None, self.o.(*MemoryView).SetItem(th, args[0], args[1])
		},
		"__delitem__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if err := oneArg("__delitem__", args, kwnames); err != nil {
				return Value{}, err
			}
			return None, self.o.(*MemoryView).DelItem(th, args[0])
		},
		"cast":               memoryViewRefused("memoryview.cast()"),
		"__buffer__":         memoryViewRefused("memoryview.__buffer__() (exporting a view's buffer)"),
		"__release_buffer__": memoryViewRefused("memoryview.__release_buffer__()"),
		"_from_flags":        memoryViewRefused("memoryview._from_flags()"),
	}
}

// memoryview_tobytes is memoryview.tobytes(order=None).
func memoryview_tobytes(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	order := None
	if err := UnpackArgs("tobytes", args, kwnames, "order?", &order); err != nil {
		return Value{}, err
	}
	m, err := memoryViewSelf(self)
	if err != nil {
		return Value{}, err
	}
	if !order.IsNone() {
		s, ok := AsString(order)
		if !ok {
			return Value{}, Errorf(TypeError, "tobytes() argument 'order' must be str or None, not %s", order.Type().Name)
		}
		if s != "C" && s != "F" && s != "A" {
			return Value{}, Errorf(ValueError, "order must be 'C', 'F' or 'A'")
		}
	}
	return newBytes(m.contents()), nil
}

// export records v, a new view on a.
func (a *ByteArray) export(v *MemoryView) { a.views = append(a.views, weak.Make(v)) }

// unexport forgets v, released.
func (a *ByteArray) unexport(v *MemoryView) {
	a.views = slices.DeleteFunc(a.views, func(p weak.Pointer[MemoryView]) bool { return p.Value() == v })
}

// resizable refuses to change the size of a bytearray that live views
// look into, as CPython does. CPython frees a view at its last reference;
// pyish, without reference counts, asks the garbage collector which of
// the views not released are still reachable. A view still referenced
// (by a variable, say) keeps its export, as in CPython.
func (a *ByteArray) resizable(newLen int) error {
	if len(a.views) == 0 || newLen == len(a.b) {
		return nil
	}
	if a.pruneViews() > 0 {
		goruntime.GC()
		if a.pruneViews() > 0 {
			return Errorf(BufferError, "Existing exports of data: object cannot be re-sized")
		}
	}
	return nil
}

// pruneViews drops the views that were collected and returns how many
// remain.
func (a *ByteArray) pruneViews() int {
	a.views = slices.DeleteFunc(a.views, func(p weak.Pointer[MemoryView]) bool { return p.Value() == nil })
	return len(a.views)
}
