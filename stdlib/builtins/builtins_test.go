package builtins

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/pyish/pyish/runtime"
)

// newThread returns a thread with the builtins installed and its output
// captured.
func newThread() (*runtime.Thread, *bytes.Buffer) {
	th := runtime.NewThread()
	var out bytes.Buffer
	th.Stdout = &out
	th.Builtins = runtime.NewDict()
	Install(th)
	return th, &out
}

// builtin returns the builtin named name.
func builtin(t testing.TB, th *runtime.Thread, name string) runtime.Value {
	t.Helper()
	v, ok := th.Builtins.GetStr(name)
	if !ok {
		t.Fatalf("builtin %s missing", name)
	}
	return v
}

// call calls the builtin name with positional arguments.
func call(t testing.TB, th *runtime.Thread, name string, args ...runtime.Value) (runtime.Value, error) {
	t.Helper()
	return runtime.Call(th, builtin(t, th, name), args, nil)
}

// mustCall is call that fails the test on error.
func mustCall(t testing.TB, th *runtime.Thread, name string, args ...runtime.Value) runtime.Value {
	t.Helper()
	v, err := call(t, th, name, args...)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return v
}

// repr is repr(v), failing the test on error.
func repr(t testing.TB, th *runtime.Thread, v runtime.Value) string {
	t.Helper()
	s, err := runtime.Repr(th, v)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func list(items ...runtime.Value) runtime.Value { return runtime.Obj(runtime.NewList(items)) }

func floats(fs ...float64) runtime.Value {
	items := make([]runtime.Value, len(fs))
	for i, f := range fs {
		items[i] = runtime.Float(f)
	}
	return list(items...)
}

// writeCounter counts Write calls.
type writeCounter struct {
	buf    bytes.Buffer
	writes int
}

func (w *writeCounter) Write(p []byte) (int, error) {
	w.writes++
	return w.buf.Write(p)
}

func (w *writeCounter) String() string { return w.buf.String() }

func TestPrintWritesOneLineAtOnce(t *testing.T) {
	th, _ := newThread()
	w := &writeCounter{}
	th.Stdout = w
	mustCall(t, th, "print", runtime.Str("a"), runtime.Int(1), runtime.Float(2.5), runtime.None)
	if w.writes != 1 || w.String() != "a 1 2.5 None\n" {
		t.Errorf("print wrote %q in %d writes", w.String(), w.writes)
	}
	p := builtin(t, th, "print")
	if _, err := runtime.Call(th, p, []runtime.Value{runtime.Str("x"), runtime.Str("y"), runtime.Str("-"), runtime.Str("")}, []string{"sep", "end"}); err != nil {
		t.Fatal(err)
	}
	if got := w.String(); got != "a 1 2.5 None\nx-y" {
		t.Errorf("print with sep/end: %q", got)
	}
}

func TestSumNeumaier(t *testing.T) {
	th, _ := newThread()
	tenths := make([]float64, 10)
	for i := range tenths {
		tenths[i] = 0.1
	}
	cases := []struct {
		in   runtime.Value
		want string
	}{
		{floats(tenths...), "1.0"}, // CPython 3.12; 3.11 gives 0.9999999999999999
		{floats(1e100, 1.0, -1e100, 1.0), "2.0"},
		{floats(0.1, 0.2, 0.3), "0.6"},
		{list(runtime.Int(1), runtime.Float(0.5), runtime.Int(2)), "3.5"},
		{list(runtime.Int(1<<62), runtime.Int(1<<62), runtime.Int(1<<62)), "13835058055282163712"},
	}
	for _, c := range cases {
		v := mustCall(t, th, "sum", c.in)
		if got := repr(t, th, v); got != c.want {
			t.Errorf("sum(%s) = %s, want %s", repr(t, th, c.in), got, c.want)
		}
	}
}

func TestErrorMessages(t *testing.T) {
	th, _ := newThread()
	empty := list()
	cases := []struct {
		name string
		args []runtime.Value
		want string
	}{
		{"len", nil, "TypeError: len() takes exactly one argument (0 given)"},
		{"len", []runtime.Value{runtime.Int(5)}, "TypeError: object of type 'int' has no len()"},
		{"max", []runtime.Value{empty}, "ValueError: max() iterable argument is empty"},
		{"min", nil, "TypeError: min expected at least 1 argument, got 0"},
		{"isinstance", []runtime.Value{runtime.Int(1), runtime.Int(1)}, "TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union"},
		{"divmod", []runtime.Value{runtime.Float(1), runtime.Int(0)}, "ZeroDivisionError: float divmod()"},
		{"pow", []runtime.Value{runtime.Int(2), runtime.Int(-1), runtime.Int(4)}, "ValueError: base is not invertible for the given modulus"},
		{"chr", []runtime.Value{runtime.Int(-1)}, "ValueError: chr() arg not in range(0x110000)"},
		{"next", []runtime.Value{empty}, "TypeError: 'list' object is not an iterator"},
		{"sum", []runtime.Value{empty, runtime.Str("")}, "TypeError: sum() can't sum strings [use ''.join(seq) instead]"},
		{"exec", []runtime.Value{runtime.Str("x = 1")}, "NotImplementedError: exec() is not available in this interpreter"},
		{"exit", []runtime.Value{runtime.Int(3)}, "SystemExit: 3"},
	}
	for _, c := range cases {
		_, err := call(t, th, c.name, c.args...)
		if err == nil {
			t.Errorf("%s: no error, want %s", c.name, c.want)
			continue
		}
		if got := runtime.ExceptionMessage(th, runtime.AsException(err)); got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestNumbers(t *testing.T) {
	th, _ := newThread()
	big := mustCall(t, th, "pow", runtime.Int(2), runtime.Int(70))
	cases := []struct {
		name string
		args []runtime.Value
		want string
	}{
		{"abs", []runtime.Value{runtime.Int(-1 << 63)}, "9223372036854775808"},
		{"hex", []runtime.Value{runtime.Int(-255)}, "'-0xff'"},
		{"hex", []runtime.Value{big}, "'0x400000000000000000'"},
		{"bin", []runtime.Value{runtime.Int(-1 << 63)}, "'-0b1" + strings.Repeat("0", 63) + "'"},
		{"oct", []runtime.Value{runtime.True}, "'0o1'"},
		{"pow", []runtime.Value{runtime.Int(3), runtime.Int(4), runtime.Int(-5)}, "-4"},
		{"pow", []runtime.Value{runtime.Int(3), runtime.Int(-2), runtime.Int(7)}, "4"},
		{"divmod", []runtime.Value{runtime.Int(-7), runtime.Int(2)}, "(-4, 1)"},
		{"divmod", []runtime.Value{runtime.Float(-7.5), runtime.Int(2)}, "(-4.0, 0.5)"},
		{"round", []runtime.Value{runtime.Float(2.5)}, "2"},
		{"round", []runtime.Value{runtime.Float(-1.5)}, "-2"},
		{"ord", []runtime.Value{runtime.Str("☃")}, "9731"},
		{"chr", []runtime.Value{runtime.Int(0x1F600)}, "'😀'"},
		{"ascii", []runtime.Value{runtime.Str("é☃😀")}, `"'\\xe9\\u2603\\U0001f600'"`},
	}
	for _, c := range cases {
		v := mustCall(t, th, c.name, c.args...)
		if got := repr(t, th, v); got != c.want {
			t.Errorf("%s: got %s, want %s", c.name, got, c.want)
		}
	}
}

func TestIteratorTypes(t *testing.T) {
	th, _ := newThread()
	items := list(runtime.Str("a"), runtime.Str("b"))
	cases := []struct {
		expr func() (runtime.Value, error)
		want string
	}{
		{func() (runtime.Value, error) { return call(t, th, "enumerate", items, runtime.Int(5)) }, "[(5, 'a'), (6, 'b')]"},
		{func() (runtime.Value, error) { return call(t, th, "zip", items, items) }, "[('a', 'a'), ('b', 'b')]"},
		{func() (runtime.Value, error) { return call(t, th, "map", builtin(t, th, "repr"), items) }, `["'a'", "'b'"]`},
		{func() (runtime.Value, error) {
			return call(t, th, "filter", runtime.None, list(runtime.Int(0), runtime.Int(2)))
		}, "[2]"},
		{func() (runtime.Value, error) { return call(t, th, "reversed", items) }, "['b', 'a']"},
	}
	for i, c := range cases {
		it, err := c.expr()
		if err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		l, err := runtime.Call(th, runtime.Obj(runtime.ListType), []runtime.Value{it}, nil)
		if err != nil {
			t.Fatalf("case %d: list: %v", i, err)
		}
		if got := repr(t, th, l); got != c.want {
			t.Errorf("case %d: got %s, want %s", i, got, c.want)
		}
	}
}

func TestInput(t *testing.T) {
	th, out := newThread()
	th.Stdin = strings.NewReader("first line\nlast")
	for _, want := range []string{"first line", "last"} {
		v := mustCall(t, th, "input", runtime.Str("? "))
		if s, _ := runtime.AsString(v); s != want {
			t.Errorf("input() = %q, want %q", s, want)
		}
	}
	if _, err := call(t, th, "input"); err == nil || !runtime.AsException(err).Matches(runtime.EOFError) {
		t.Errorf("input at EOF: %v, want EOFError", err)
	}
	if out.String() != "? ? " {
		t.Errorf("prompts: %q", out.String())
	}
}

// fakeCode is a code object made by a test's CompileCode hook.
type fakeCode struct {
	src  string
	mode string
}

var fakeCodeType = runtime.NewType("code", nil)

func (c *fakeCode) Type() *runtime.Type { return fakeCodeType }

// Exec returns the source's length and notes its mode in locals.
func (c *fakeCode) Exec(th *runtime.Thread, globals, locals *runtime.Dict) (runtime.Value, error) {
	locals.SetStr("ran", runtime.Str(c.mode))
	return runtime.Int(int64(len(c.src))), nil
}

func TestEvalUsesCompileHook(t *testing.T) {
	th, _ := newThread()
	th.CompileCode = func(th *runtime.Thread, filename string, src []byte, mode string) (runtime.Object, error) {
		if filename != "<string>" {
			t.Errorf("compiled as %q", filename)
		}
		return &fakeCode{src: string(src), mode: mode}, nil
	}
	g, l := runtime.NewDict(), runtime.NewDict()
	v := mustCall(t, th, "eval", runtime.Str("  40 + 2"), runtime.Obj(g), runtime.Obj(l))
	if !v.IsInt() || v.AsInt() != 6 {
		t.Errorf("eval = %s, want the length of the stripped source", repr(t, th, v))
	}
	if ran, _ := l.GetStr("ran"); repr(t, th, ran) != "'eval'" {
		t.Errorf("eval ran %s in locals", repr(t, th, ran))
	}
	if b, ok := g.GetStr("__builtins__"); !ok || !b.Is(runtime.Obj(th.Builtins)) {
		t.Errorf("globals without the builtins dict: %v", ok)
	}
	v = mustCall(t, th, "exec", runtime.Str("  x"), runtime.Obj(g))
	if !v.IsNone() || g.Len() != 2 {
		t.Errorf("exec = %s, globals %d names, want None and 2", repr(t, th, v), g.Len())
	}
}

func TestIDs(t *testing.T) {
	th, _ := newThread()
	l := list()
	a, b := mustCall(t, th, "id", l), mustCall(t, th, "id", l)
	if !a.Is(b) || a.AsInt() <= 0 {
		t.Errorf("id(l) not stable and positive: %d %d", a.AsInt(), b.AsInt())
	}
	one, tru := mustCall(t, th, "id", runtime.Int(1)), mustCall(t, th, "id", runtime.True)
	if one.AsInt() == tru.AsInt() {
		t.Errorf("id(1) == id(True)")
	}
}

func TestHotPathsDoNotAllocate(t *testing.T) {
	th, _ := newThread()
	l := list(runtime.Int(1), runtime.Int(2))
	fns := map[string][]runtime.Value{
		"len":              {l},
		"isinstance":       {runtime.Int(1), runtime.Obj(runtime.IntType)},
		"abs":              {runtime.Int(-3)},
		"isinstance tuple": {runtime.Float(1), runtime.Obj(runtime.NewTuple([]runtime.Value{runtime.Obj(runtime.IntType), runtime.Obj(runtime.FloatType)}))},
		"max":              {runtime.Int(1), runtime.Int(2)},
		"callable":         {l},
		"hash":             {runtime.Int(7)},
		"id":               {l},
	}
	for name, args := range fns {
		fn := builtin(t, th, strings.Fields(name)[0])
		allocs := testing.AllocsPerRun(100, func() {
			if _, err := runtime.Call(th, fn, args, nil); err != nil {
				t.Fatal(err)
			}
		})
		if allocs > 0 {
			t.Errorf("%s allocates %.0f times per call", name, allocs)
		}
	}
}

func BenchmarkLen(b *testing.B) {
	th, _ := newThread()
	fn := builtin(b, th, "len")
	args := []runtime.Value{list(runtime.Int(1))}
	for b.Loop() {
		runtime.Call(th, fn, args, nil)
	}
}

func BenchmarkEnumerate(b *testing.B) {
	th, _ := newThread()
	items := make([]runtime.Value, 1000)
	for i := range items {
		items[i] = runtime.Int(int64(i))
	}
	l := list(items...)
	fn := builtin(b, th, "enumerate")
	b.ReportAllocs()
	for b.Loop() {
		e, _ := runtime.Call(th, fn, []runtime.Value{l}, nil)
		it := e.Object().(runtime.Iterator)
		for {
			if _, ok, _ := it.Next(th); !ok {
				break
			}
		}
	}
}

func BenchmarkZip2(b *testing.B) {
	th, _ := newThread()
	items := make([]runtime.Value, 1000)
	for i := range items {
		items[i] = runtime.Int(int64(i))
	}
	l := list(items...)
	fn := builtin(b, th, "zip")
	b.ReportAllocs()
	for b.Loop() {
		z, _ := runtime.Call(th, fn, []runtime.Value{l, l}, nil)
		it := z.Object().(runtime.Iterator)
		for {
			if _, ok, _ := it.Next(th); !ok {
				break
			}
		}
	}
}

func BenchmarkPrintInt(b *testing.B) {
	th, _ := newThread()
	th.Stdout = io.Discard
	fn := builtin(b, th, "print")
	args := []runtime.Value{runtime.Int(12345)}
	b.ReportAllocs()
	for b.Loop() {
		runtime.Call(th, fn, args, nil)
	}
}

// TestNoPanics calls every builtin function of this package with up to
// three arguments drawn from a set of odd values: each call must return a
// value or an exception.
func TestNoPanics(t *testing.T) {
	th, _ := newThread()
	big := mustCall(t, th, "pow", runtime.Int(2), runtime.Int(80))
	samples := []runtime.Value{
		{}, runtime.None, runtime.True, runtime.Int(-1), runtime.Int(0), runtime.Int(1 << 62), big,
		runtime.Float(-0.5), runtime.Float(0), runtime.Str(""), runtime.Str("ab"),
		list(), list(runtime.Int(2), runtime.Str("x")), runtime.Obj(runtime.NewTuple(nil)),
		runtime.Obj(runtime.NewDict()), runtime.Obj(runtime.IntType), builtin(t, th, "len"),
		runtime.NotImplemented,
	}
	samples = samples[1:] // the zero Value is not a Python value
	names := []string{"anext", "enumerate", "zip", "map", "filter", "reversed"}
	for name := range functions {
		if name != "input" {
			names = append(names, name)
		}
	}
	try := func(name string, args []runtime.Value) {
		defer func() {
			if r := recover(); r != nil {
				t.Errorf("%s%s panicked: %v", name, reprArgs(th, args), r)
			}
		}()
		r, err := runtime.Call(th, builtin(t, th, name), args, nil)
		if it, ok := r.Object().(runtime.Iterator); ok && err == nil {
			for i := 0; i < 5; i++ {
				if _, ok, err := it.Next(th); !ok || err != nil {
					break
				}
			}
		}
	}
	for _, name := range names {
		try(name, nil)
		for _, a := range samples {
			try(name, []runtime.Value{a})
			for _, b := range samples {
				try(name, []runtime.Value{a, b})
				try(name, []runtime.Value{a, b, runtime.Int(3)})
			}
		}
	}
}

// reprArgs formats a call's arguments for a message.
func reprArgs(th *runtime.Thread, args []runtime.Value) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i], _ = runtime.Repr(th, a)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}
