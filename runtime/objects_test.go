package runtime

import (
	"fmt"
	"strings"
	"testing"
)

// testFunc stands in for a vm function: it binds like one (self first).
type testFunc struct {
	name string
	fn   func(th *Thread, args []Value) (Value, error)
}

func (f *testFunc) Type() *Type { return BuiltinFunctionType }
func (f *testFunc) Call(th *Thread, args []Value, kwnames []string) (Value, error) {
	return f.fn(th, args)
}
func (f *testFunc) DescrGet(th *Thread, obj Value, owner *Type) (Value, error) {
	if obj.IsNull() {
		return Obj(f), nil
	}
	return Obj(&BoundCall{Self: obj, Fn: Obj(f)}), nil
}
func (f *testFunc) IsGeneratorFunction() bool { return false }

func method(name string, fn func(th *Thread, args []Value) (Value, error)) Value {
	return Obj(&testFunc{name: name, fn: fn})
}

func mustRepr(t *testing.T, th *Thread, v Value) string {
	t.Helper()
	s, err := Repr(th, v)
	if err != nil {
		t.Fatalf("repr: %v", err)
	}
	return s
}

func class(t *testing.T, th *Thread, name string, bases []*Type, attrs map[string]Value) *Type {
	t.Helper()
	ns := NewDict()
	for k, v := range attrs {
		ns.SetStr(k, v)
	}
	c, err := NewClass(th, name, bases, ns)
	if err != nil {
		t.Fatalf("class %s: %v", name, err)
	}
	return c
}

func TestDictOrderDeleteRehash(t *testing.T) {
	th := NewThread()
	d := NewDict()
	const n = 1000
	for i := 0; i < n; i++ {
		if err := d.Set(th, Int(int64(i)), Int(int64(i*i))); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < n; i += 2 {
		if ok, err := d.Delete(th, Int(int64(i))); !ok || err != nil {
			t.Fatalf("delete %d: %v %v", i, ok, err)
		}
	}
	for i := 0; i < n; i += 4 {
		d.Set(th, Int(int64(i)), None) // re-added at the end
	}
	if d.Len() != n/2+n/4 {
		t.Fatalf("len %d", d.Len())
	}
	keys := d.Keys()
	for j := 0; j < n/2; j++ {
		if keys[j].AsInt() != int64(2*j+1) {
			t.Fatalf("key %d = %d", j, keys[j].AsInt())
		}
	}
	if keys[n/2].AsInt() != 0 || keys[n/2+1].AsInt() != 4 {
		t.Fatalf("re-added keys out of order: %v", keys[n/2:n/2+2])
	}
	for i := 1; i < n; i += 2 {
		v, ok, _ := d.Get(th, Int(int64(i)))
		if !ok || v.AsInt() != int64(i*i) {
			t.Fatalf("get %d", i)
		}
	}
	if _, ok, _ := d.Get(th, Int(2)); ok {
		t.Fatal("deleted key found")
	}
	// Equal numbers are one key.
	d2 := NewDict()
	d2.Set(th, Int(1), Str("int"))
	d2.Set(th, Float(1.0), Str("float"))
	d2.Set(th, True, Str("bool"))
	if d2.Len() != 1 || mustRepr(t, th, Obj(d2)) != "{1: 'bool'}" {
		t.Fatalf("numeric keys: %s", mustRepr(t, th, Obj(d2)))
	}
}

func TestDictStrKeysAndRepr(t *testing.T) {
	th := NewThread()
	d := NewDict()
	for i := 0; i < 50; i++ {
		d.SetStr(fmt.Sprintf("k%d", i), Int(int64(i)))
	}
	for i := 0; i < 50; i++ {
		v, ok := d.GetStr(fmt.Sprintf("k%d", i))
		if !ok || v.AsInt() != int64(i) {
			t.Fatalf("GetStr k%d", i)
		}
		v, ok, _ = d.Get(th, Str(fmt.Sprintf("k%d", i)))
		if !ok || v.AsInt() != int64(i) {
			t.Fatalf("Get k%d", i)
		}
	}
	small := NewDict()
	small.SetStr("a", Int(1))
	small.Set(th, Obj(NewTuple([]Value{Int(1), Int(2)})), Obj(small))
	if got := mustRepr(t, th, Obj(small)); got != "{'a': 1, (1, 2): {...}}" {
		t.Fatalf("repr %s", got)
	}
	if err := small.Set(th, Obj(NewList(nil)), None); err == nil || !strings.Contains(err.Error(), "unhashable type: 'list'") {
		t.Fatalf("list key: %v", err)
	}
	_, err := small.GetItem(th, Str("zz"))
	if e := AsException(err); e == nil || ExceptionMessage(th, e) != "KeyError: 'zz'" {
		t.Fatalf("KeyError: %v", err)
	}
}

func TestDictIterationMutation(t *testing.T) {
	th := NewThread()
	d := NewDict()
	d.Set(th, Int(1), Int(1))
	it, _ := d.Iter(th)
	d.Set(th, Int(2), Int(2))
	_, _, err := it.Next(th)
	if err == nil || err.Error() != "RuntimeError: dictionary changed size during iteration" {
		t.Fatalf("got %v", err)
	}
}

func TestMRO(t *testing.T) {
	th := NewThread()
	o := class(t, th, "O", nil, nil)
	a := class(t, th, "A", []*Type{o}, nil)
	b := class(t, th, "B", []*Type{o}, nil)
	c := class(t, th, "C", []*Type{a, b}, nil)
	var names []string
	for _, m := range c.MRO {
		names = append(names, m.Name)
	}
	if got := strings.Join(names, " "); got != "C A B O object" {
		t.Fatalf("mro %s", got)
	}
	_, err := NewClass(th, "D", []*Type{o, a}, NewDict())
	want := "TypeError: Cannot create a consistent method resolution\norder (MRO) for bases O, A"
	if err == nil || err.Error() != want {
		t.Fatalf("conflict: %v", err)
	}
	_, err = NewClass(th, "E", []*Type{BoolType}, NewDict())
	if err == nil || err.Error() != "TypeError: type 'bool' is not an acceptable base type" {
		t.Fatalf("bool base: %v", err)
	}
}

func TestAttributeLookup(t *testing.T) {
	th := NewThread()
	get := method("get", func(th *Thread, args []Value) (Value, error) { return Int(42), nil })
	base := class(t, th, "Base", nil, map[string]Value{
		"x":    Int(1),
		"prop": Obj(&Property{Fget: get}),
		"f":    method("f", func(th *Thread, args []Value) (Value, error) { return args[0], nil }),
	})
	c := class(t, th, "C", []*Type{base}, nil)
	obj, err := Call(th, Obj(c), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := GetAttr(th, obj, "x"); v.AsInt() != 1 {
		t.Fatal("class attribute")
	}
	SetAttr(th, obj, "x", Int(2))
	if v, _ := GetAttr(th, obj, "x"); v.AsInt() != 2 {
		t.Fatal("instance attribute")
	}
	if v, _ := GetAttr(th, Obj(c), "x"); v.AsInt() != 1 {
		t.Fatal("class attribute after instance set")
	}
	if v, _ := GetAttr(th, obj, "prop"); v.AsInt() != 42 {
		t.Fatal("property")
	}
	err = SetAttr(th, obj, "prop", Int(3))
	if err == nil || err.Error() != "AttributeError: property 'prop' of 'C' object has no setter" {
		t.Fatalf("property set: %v", err)
	}
	m, _ := GetAttr(th, obj, "f")
	if r, err := Call(th, m, nil, nil); err != nil || !r.Is(obj) {
		t.Fatalf("bound method: %v", err)
	}
	for _, tc := range []struct {
		v    Value
		name string
		want string
	}{
		{obj, "nope", "AttributeError: 'C' object has no attribute 'nope'"},
		{Obj(c), "nope", "AttributeError: type object 'C' has no attribute 'nope'"},
		{Int(1), "nope", "AttributeError: 'int' object has no attribute 'nope'"},
		{Obj(NewModule("m")), "nope", "AttributeError: module 'm' has no attribute 'nope'"},
	} {
		_, err := GetAttr(th, tc.v, tc.name)
		if err == nil || err.Error() != tc.want {
			t.Errorf("got %v, want %s", err, tc.want)
		}
	}
	if v, _ := GetAttr(th, Obj(c), "__name__"); mustRepr(t, th, v) != "'C'" {
		t.Fatal("__name__")
	}
	if v, _ := GetAttr(th, obj, "__class__"); !v.Is(Obj(c)) {
		t.Fatal("__class__")
	}
	if r := mustRepr(t, th, Obj(c)); r != "<class '__main__.C'>" {
		t.Fatalf("class repr %s", r)
	}
	if r := mustRepr(t, th, obj); !strings.HasPrefix(r, "<__main__.C object at 0x") {
		t.Fatalf("instance repr %s", r)
	}
	if _, err := Call(th, Obj(c), []Value{Int(1)}, nil); err == nil || err.Error() != "TypeError: C() takes no arguments" {
		t.Fatalf("C(1): %v", err)
	}
}

func TestSuperAndDunders(t *testing.T) {
	th := NewThread()
	a := class(t, th, "A", nil, map[string]Value{
		"who": method("who", func(th *Thread, args []Value) (Value, error) { return Str("A"), nil }),
		"__eq__": method("__eq__", func(th *Thread, args []Value) (Value, error) {
			return True, nil
		}),
		"__len__": method("__len__", func(th *Thread, args []Value) (Value, error) { return Int(0), nil }),
	})
	var b *Type
	b = class(t, th, "B", []*Type{a}, map[string]Value{
		"who": method("who", func(th *Thread, args []Value) (Value, error) {
			s, err := NewSuper(th, b, args[0])
			if err != nil {
				return Value{}, err
			}
			m, err := GetAttr(th, s, "who")
			if err != nil {
				return Value{}, err
			}
			r, err := Call(th, m, nil, nil)
			if err != nil {
				return Value{}, err
			}
			return Binary(th, OpAdd, Str("B>"), r)
		}),
	})
	obj, _ := Call(th, Obj(b), nil, nil)
	r, err := CallMethod(th, obj, "who")
	if err != nil || mustRepr(t, th, r) != "'B>A'" {
		t.Fatalf("super: %v %v", r, err)
	}
	if eq, _ := Equal(th, obj, Int(5)); !eq {
		t.Fatal("__eq__")
	}
	if ne, _ := Compare(th, CmpNe, obj, Int(5)); ne.AsBool() {
		t.Fatal("__ne__ from __eq__")
	}
	if _, err := Hash(th, obj); err == nil || err.Error() != "TypeError: unhashable type: 'B'" {
		t.Fatalf("hash: %v", err)
	}
	if tr, _ := Truth(th, obj); tr {
		t.Fatal("truth from __len__")
	}
	_, err = Compare(th, CmpLt, obj, obj)
	if err == nil || err.Error() != "TypeError: '<' not supported between instances of 'B' and 'B'" {
		t.Fatalf("lt: %v", err)
	}
	_, err = Binary(th, OpAdd, Int(1), Str("x"))
	if err == nil || err.Error() != "TypeError: unsupported operand type(s) for +: 'int' and 'str'" {
		t.Fatalf("binary: %v", err)
	}
}

func TestExceptions(t *testing.T) {
	th := NewThread()
	cases := []struct {
		e         *Exception
		str, repr string
		lastLine  string
	}{
		{NewException(KeyError, Str("k")), "'k'", "KeyError('k')", "KeyError: 'k'"},
		{NewException(ValueError, Str("x")), "x", "ValueError('x')", "ValueError: x"},
		{NewException(StopIteration), "", "StopIteration()", "StopIteration"},
		{NewException(ValueError, Int(1), Int(2)), "(1, 2)", "ValueError(1, 2)", "ValueError: (1, 2)"},
		{NewException(OSError, Int(2), Str("nf")), "[Errno 2] nf", "OSError(2, 'nf')", "OSError: [Errno 2] nf"},
	}
	for _, c := range cases {
		s, _ := StrOf(th, Obj(c.e))
		r, _ := Repr(th, Obj(c.e))
		if s != c.str || r != c.repr || ExceptionMessage(th, c.e) != c.lastLine {
			t.Errorf("got %q %q %q", s, r, ExceptionMessage(th, c.e))
		}
	}
	// class MyError(ValueError): def __init__(self, msg, code): super().__init__(msg); self.code = code
	var my *Type
	my = class(t, th, "MyError", []*Type{ValueError}, map[string]Value{
		"__init__": method("__init__", func(th *Thread, args []Value) (Value, error) {
			s, err := NewSuper(th, my, args[0])
			if err != nil {
				return Value{}, err
			}
			init, err := GetAttr(th, s, "__init__")
			if err != nil {
				return Value{}, err
			}
			if _, err := Call(th, init, args[1:2], nil); err != nil {
				return Value{}, err
			}
			return None, SetAttr(th, args[0], "code", args[2])
		}),
	})
	v, err := Call(th, Obj(my), []Value{Str("bad"), Int(7)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	e, ok := v.Object().(*Exception)
	if !ok || !e.Matches(ValueError) || !e.Matches(Exception_) {
		t.Fatalf("not an exception: %T", v.Object())
	}
	if code, _ := GetAttr(th, v, "code"); code.AsInt() != 7 {
		t.Fatal("code attribute")
	}
	if ExceptionMessage(th, e) != "MyError: bad" || mustRepr(t, th, v) != "MyError('bad')" {
		t.Fatalf("got %q %q", ExceptionMessage(th, e), mustRepr(t, th, v))
	}
	if args, _ := GetAttr(th, v, "args"); mustRepr(t, th, args) != "('bad',)" {
		t.Fatal("args")
	}
	if err := SetAttr(th, v, "__cause__", Int(1)); err == nil ||
		err.Error() != "TypeError: exception cause must be None or derive from BaseException" {
		t.Fatalf("cause: %v", err)
	}
}

func TestListSortStable(t *testing.T) {
	th := NewThread()
	// Sort (key, index) pairs by key only: equal keys keep their order.
	var items []Value
	for i := 0; i < 200; i++ {
		items = append(items, Obj(NewTuple([]Value{Int(int64(i % 7)), Int(int64(i))})))
	}
	l := NewList(items)
	key := NewBuiltin("k", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		return args[0].Object().(*Tuple).Items[0], nil
	})
	for _, reverse := range []bool{false, true} {
		if err := SortList(th, l, key, reverse); err != nil {
			t.Fatal(err)
		}
		for i := 1; i < len(l.Items); i++ {
			a, b := l.Items[i-1].Object().(*Tuple).Items, l.Items[i].Object().(*Tuple).Items
			if a[0].AsInt() == b[0].AsInt() && a[1].AsInt() > b[1].AsInt() {
				t.Fatalf("unstable at %d (reverse=%v)", i, reverse)
			}
			if (a[0].AsInt() > b[0].AsInt()) != reverse && a[0].AsInt() != b[0].AsInt() {
				t.Fatalf("unsorted at %d (reverse=%v)", i, reverse)
			}
		}
	}
	mixed := NewList([]Value{Int(1), Str("a")})
	if err := SortList(th, mixed, None, false); err == nil ||
		err.Error() != "TypeError: '<' not supported between instances of 'str' and 'int'" {
		t.Fatalf("mixed: %v", err)
	}
	tuples := NewList([]Value{TupleOf(Int(2), Str("b")), TupleOf(Int(1), Str("z")), TupleOf(Int(2), Str("a"))})
	SortList(th, tuples, None, false)
	if r := mustRepr(t, th, Obj(tuples)); r != "[(1, 'z'), (2, 'a'), (2, 'b')]" {
		t.Fatalf("tuples %s", r)
	}
}

func ints(ns ...int64) *List {
	l := NewList(nil)
	for _, n := range ns {
		l.Items = append(l.Items, Int(n))
	}
	return l
}

func TestListSlicing(t *testing.T) {
	th := NewThread()
	l := ints(0, 1, 2, 3, 4, 5, 6, 7, 8, 9)
	get := func(lo, hi, step Value) string {
		v, err := GetItem(th, Obj(l), NewSlice(lo, hi, step))
		if err != nil {
			return err.Error()
		}
		return mustRepr(t, th, v)
	}
	for _, c := range []struct {
		lo, hi, step Value
		want         string
	}{
		{Int(2), Int(5), None, "[2, 3, 4]"},
		{None, None, Int(-1), "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0]"},
		{Int(-3), None, None, "[7, 8, 9]"},
		{Int(8), Int(2), Int(-2), "[8, 6, 4]"},
		{Int(100), None, None, "[]"},
		{None, None, Int(0), "ValueError: slice step cannot be zero"},
		{Str("a"), None, None, "TypeError: slice indices must be integers or None or have an __index__ method"},
	} {
		if got := get(c.lo, c.hi, c.step); got != c.want {
			t.Errorf("[%v:%v:%v] = %s, want %s", c.lo, c.hi, c.step, got, c.want)
		}
	}
	if err := SetItem(th, Obj(l), NewSlice(Int(1), Int(3), None), Obj(ints(10, 11, 12))); err != nil {
		t.Fatal(err)
	}
	if r := mustRepr(t, th, Obj(l)); r != "[0, 10, 11, 12, 3, 4, 5, 6, 7, 8, 9]" {
		t.Fatalf("slice assign %s", r)
	}
	err := SetItem(th, Obj(l), NewSlice(None, None, Int(2)), Obj(ints(1)))
	if err == nil || err.Error() != "ValueError: attempt to assign sequence of size 1 to extended slice of size 6" {
		t.Fatalf("extended assign: %v", err)
	}
	if err := DelItem(th, Obj(l), NewSlice(None, None, Int(2))); err != nil {
		t.Fatal(err)
	}
	if r := mustRepr(t, th, Obj(l)); r != "[10, 12, 4, 6, 8]" {
		t.Fatalf("extended del %s", r)
	}
	if err := DelItem(th, Obj(l), NewSlice(None, None, Int(-2))); err != nil {
		t.Fatal(err)
	}
	if r := mustRepr(t, th, Obj(l)); r != "[12, 6]" {
		t.Fatalf("negative extended del %s", r)
	}
	l.Items = append(l.Items, Obj(l))
	if r := mustRepr(t, th, Obj(l)); r != "[12, 6, [...]]" {
		t.Fatalf("recursive %s", r)
	}
}

func TestSetsMatchCPython(t *testing.T) {
	th := NewThread()
	for _, c := range []struct {
		items []int64
		want  string
	}{
		{[]int64{10, 5, 100}, "{10, 100, 5}"},
		{[]int64{3, 1, 2}, "{1, 2, 3}"},
		{[]int64{-1, -2, 8, 16}, "{8, 16, -1, -2}"},
		{[]int64{-5, -1, 0, 7, 8, 9, 16}, "{0, 16, 7, 8, 9, -5, -1}"},
		{[]int64{100, 93, 86, 79, 72, 65, 58, 51, 44, 37, 30, 23, 16, 9, 2},
			"{65, 2, 100, 37, 72, 9, 44, 79, 16, 51, 86, 23, 58, 93, 30}"},
	} {
		s, err := NewSetDisplay(th, ints(c.items...).Items)
		if err != nil {
			t.Fatal(err)
		}
		if got := mustRepr(t, th, Obj(s)); got != c.want {
			t.Errorf("set %v = %s, want %s", c.items, got, c.want)
		}
	}
	empty, _ := NewFrozenSet(th, nil)
	if h, _ := Hash(th, Obj(empty)); h != 133146708735736 {
		t.Errorf("hash(frozenset()) = %d", h)
	}
	fs, _ := NewFrozenSet(th, ints(1, 2, 3).Items)
	if h, _ := Hash(th, Obj(fs)); h != -272375401224217160 {
		t.Errorf("hash(frozenset({1,2,3})) = %d", h)
	}
	if h, _ := Hash(th, TupleOf(Int(1), Int(2))); h != -3550055125485641917 {
		t.Errorf("hash((1, 2)) = %d", h)
	}
	if h, _ := Hash(th, TupleOf()); h != 5740354900026072187 {
		t.Errorf("hash(()) = %d", h)
	}
	a, _ := NewSet(th, ints(1, 2).Items)
	b, _ := NewSet(th, ints(2, 3).Items)
	x, _ := Binary(th, OpXor, Obj(a), Obj(b))
	if got := mustRepr(t, th, x); got != "{1, 3}" {
		t.Errorf("xor %s", got)
	}
}

func TestRange(t *testing.T) {
	th := NewThread()
	r := Obj(NewRange(1, 10, 2))
	if n, _ := Len(th, r); n != 5 {
		t.Fatal("len")
	}
	v, _ := GetItem(th, r, NewSlice(None, None, Int(-1)))
	if got := mustRepr(t, th, v); got != "range(9, -1, -2)" {
		t.Fatalf("reversed slice %s", got)
	}
	if ok, _ := Contains(th, r, Int(7)); !ok {
		t.Fatal("contains")
	}
	items, _ := ToSlice(th, Obj(NewRange(10, 0, -3)))
	if got := mustRepr(t, th, Obj(NewList(items))); got != "[10, 7, 4, 1]" {
		t.Fatalf("iter %s", got)
	}
}

func TestUnpackArgs(t *testing.T) {
	var a, b Value
	var n int
	err := UnpackArgs("f", []Value{Int(1)}, nil, "a", &a, "b?", &b)
	if err != nil || a.AsInt() != 1 || !b.IsNull() {
		t.Fatalf("basic: %v", err)
	}
	err = UnpackArgs("f", []Value{Int(1), Int(2), Int(3)}, nil, "a", &a, "b?", &b)
	if err == nil || err.Error() != "TypeError: f() takes at most 2 arguments (3 given)" {
		t.Fatalf("too many: %v", err)
	}
	err = UnpackArgs("f", nil, nil, "a", &a)
	if err == nil || err.Error() != "TypeError: f() missing required argument 'a' (pos 1)" {
		t.Fatalf("missing: %v", err)
	}
	err = UnpackArgs("f", []Value{Int(5)}, []string{"n"}, "a?", &a, "n?", &n)
	if err != nil || n != 5 {
		t.Fatalf("keyword: %v", err)
	}
	err = UnpackArgs("f", []Value{Int(5)}, []string{"z"}, "a?", &a)
	if err == nil || err.Error() != "TypeError: f() got an unexpected keyword argument 'z'" {
		t.Fatalf("unexpected: %v", err)
	}
}

func TestSubclassBuiltins(t *testing.T) {
	th := NewThread()
	counter := class(t, th, "Counter", []*Type{DictType}, map[string]Value{
		"__missing__": method("__missing__", func(th *Thread, args []Value) (Value, error) { return Int(0), nil }),
	})
	c, err := Call(th, Obj(counter), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if v, err := GetItem(th, c, Str("x")); err != nil || v.AsInt() != 0 {
		t.Fatalf("__missing__: %v %v", v, err)
	}
	SetItem(th, c, Str("a"), Int(2))
	if r := mustRepr(t, th, c); r != "{'a': 2}" || c.Type() != counter || !IsInstance(c, DictType) {
		t.Fatalf("dict subclass: %s %s", r, c.Type().Name)
	}
	stack := class(t, th, "Stack", []*Type{ListType}, nil)
	s, err := Call(th, Obj(stack), []Value{Obj(ints(1, 2))}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := CallMethod(th, s, "append", Int(3)); err != nil {
		t.Fatal(err)
	}
	if err := SetAttr(th, s, "tag", Str("t")); err != nil {
		t.Fatal(err)
	}
	if r := mustRepr(t, th, s); r != "[1, 2, 3]" {
		t.Fatalf("list subclass %s", r)
	}
	if _, err := NewClass(th, "B", []*Type{BoolType}, NewDict()); err == nil {
		t.Fatal("bool subclass accepted")
	}
	it := class(t, th, "I", []*Type{IntType}, nil)
	i, err := Call(th, Obj(it), []Value{Str("41")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	sum, err := Binary(th, OpAdd, i, Int(1))
	if err != nil || i.Type() != it || !sum.Is(Int(42)) {
		t.Fatalf("int subclass: %s + 1 = %v (%v)", i.Type().Name, sum, err)
	}
}

func TestSlots(t *testing.T) {
	th := NewThread()
	ns := NewDict()
	ns.SetStr("__slots__", TupleOf(Str("x")))
	p, err := NewClass(th, "P", nil, ns)
	if err != nil {
		t.Fatal(err)
	}
	obj, _ := Call(th, Obj(p), nil, nil)
	if err := SetAttr(th, obj, "x", Int(1)); err != nil {
		t.Fatal(err)
	}
	if v, _ := GetAttr(th, obj, "x"); v.AsInt() != 1 {
		t.Fatal("slot value")
	}
	if err := SetAttr(th, obj, "y", Int(1)); err == nil || err.Error() != "AttributeError: 'P' object has no attribute 'y'" {
		t.Fatalf("non-slot: %v", err)
	}
	if _, err := GetAttr(th, obj, "__dict__"); err == nil {
		t.Fatal("slotted instance has a __dict__")
	}
}

// TestConcurrentThreads exercises the shared built-in types from several
// goroutines at once (run with -race): classes, instances, containers and
// a shared constant tuple.
func TestConcurrentThreads(t *testing.T) {
	shared := TupleOf(Int(1), Str("a"), TupleOf(Int(2)))
	done := make(chan error)
	for g := 0; g < 4; g++ {
		go func() {
			th := NewThread()
			var err error
			for i := 0; i < 200 && err == nil; i++ {
				c, e := NewClass(th, "C", []*Type{ValueError}, NewDict())
				if e != nil {
					err = e
					break
				}
				v, e := Call(th, Obj(c), []Value{Str("m")}, nil)
				if e != nil {
					err = e
					break
				}
				err = SetAttr(th, v, "x", Int(int64(i)))
				l := NewList([]Value{shared, v})
				_, err = Repr(th, Obj(l))
				d := NewDict()
				d.Set(th, shared, Obj(l))
				s, _ := NewSet(th, []Value{Int(1), Str("b")})
				_, err = Repr(th, Obj(s))
				_, err = GetAttr(th, Obj(NewList(nil)), "append")
			}
			done <- err
		}()
	}
	for g := 0; g < 4; g++ {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
