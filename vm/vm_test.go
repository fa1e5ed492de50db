package vm

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/runtime"
	"github.com/pyish/pyish/stdlib/builtins"
)

// newTestThread returns a thread with the builtins installed and output
// captured in out.
func newTestThread(out *bytes.Buffer) *runtime.Thread {
	th := runtime.NewThread()
	th.Stdout = out
	th.Builtins = runtime.NewDict()
	builtins.Install(th)
	return th
}

func newGlobals(t testing.TB, th *runtime.Thread) *runtime.Dict {
	g := runtime.NewDict()
	if err := runtime.SetItem(th, runtime.Obj(g), runtime.Str("__name__"), runtime.Str("__main__")); err != nil {
		t.Fatal(err)
	}
	return g
}

// runModule compiles and runs mod, returning its output and globals.
func runModule(t testing.TB, mod *ast.Module) (string, *runtime.Dict, *runtime.Thread, error) {
	t.Helper()
	code, err := Compile(mod, ModeFile)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	var out bytes.Buffer
	th := newTestThread(&out)
	g := newGlobals(t, th)
	_, err = Run(th, code, g)
	return out.String(), g, th, err
}

func global(t testing.TB, th *runtime.Thread, g *runtime.Dict, name string) runtime.Value {
	t.Helper()
	v, err := runtime.GetItem(th, runtime.Obj(g), runtime.Str(name))
	if err != nil {
		t.Fatalf("global %s: %v", name, err)
	}
	return v
}

func TestBasics(t *testing.T) {
	out, _, _, err := runModule(t, fixtures["basics"])
	if err != nil {
		t.Fatal(err)
	}
	want := `12 11
7
6
finally
error: integer division or modulo by zero
finally
3 None
[0, 1, 4, 9] [1, 2, 3]
1 [2, 3, 4] 5
True False yes
`
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}

func TestRecursionLimit(t *testing.T) {
	_, _, th, err := runModule(t, fixtures["recursion"])
	var exc *runtime.Exception
	if !errors.As(err, &exc) {
		t.Fatalf("got %v, want RecursionError", err)
	}
	if got := runtime.ExceptionMessage(th, exc); got != "RecursionError: maximum recursion depth exceeded" {
		t.Errorf("got %q", got)
	}
	if th.Depth != 0 {
		t.Errorf("Depth = %d after unwinding, want 0", th.Depth)
	}
}

func TestTraceback(t *testing.T) {
	_, _, th, err := runModule(t, fixtures["traceback"])
	exc, ok := err.(*runtime.Exception)
	if !ok {
		t.Fatalf("got %v", err)
	}
	if got := runtime.ExceptionMessage(th, exc); got != "ZeroDivisionError: integer division or modulo by zero" {
		t.Errorf("message %q", got)
	}
	want := []runtime.TraceEntry{
		{File: "traceback.py", Func: "<module>", Line: 6},
		{File: "traceback.py", Func: "outer", Line: 5},
		{File: "traceback.py", Func: "inner", Line: 2},
	}
	if len(exc.Traceback) != len(want) {
		t.Fatalf("traceback %v, want %v", exc.Traceback, want)
	}
	for i := range want {
		if exc.Traceback[i] != want[i] {
			t.Errorf("entry %d = %v, want %v", i, exc.Traceback[i], want[i])
		}
	}
}

func TestGeneratorStepping(t *testing.T) {
	out, g, th, err := runModule(t, fixtures["gen"])
	if err != nil {
		t.Fatal(err)
	}
	gv, err := runtime.Call(th, global(t, th, g, "gen"), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	gen := gv.Object().(*Generator)
	v, ok, err := gen.Next(th)
	if err != nil || !ok || v.AsInt() != 1 {
		t.Fatalf("next = %v %v %v", v, ok, err)
	}
	v, done, err := gen.resume(th, runtime.Int(5), nil)
	if err != nil || done || v.AsInt() != 6 {
		t.Fatalf("send(5) = %v %v %v", v, done, err)
	}
	gen.running = true
	if _, _, err := gen.resume(th, runtime.None, nil); err == nil || !strings.Contains(err.Error(), "already executing") {
		t.Errorf("reentry: %v", err)
	}
	gen.running = false
	if err := gen.close(th); err != nil {
		t.Fatal(err)
	}
	if !gen.finished {
		t.Error("closed generator not finished")
	}
	if got := th.Stdout.(*bytes.Buffer).String(); got != out+"closing\n" {
		t.Errorf("output %q", got)
	}
}

// fakeWaitable is a Future the test completes by hand.
type fakeWaitable struct {
	done bool
	v    runtime.Value
}

func (w *fakeWaitable) Type() *runtime.Type                              { return runtime.ObjectType }
func (w *fakeWaitable) Done() bool                                       { return w.done }
func (w *fakeWaitable) Result(th *runtime.Thread) (runtime.Value, error) { return w.v, nil }
func (w *fakeWaitable) AddDoneCallback(fn func())                        {}

func startCoroutine(t *testing.T) (*runtime.Thread, *bytes.Buffer, runtime.Coroutine, *fakeWaitable) {
	out, g, th, err := runModule(t, fixtures["coro"])
	if err != nil || out != "" {
		t.Fatal(err, out)
	}
	w := &fakeWaitable{}
	cv, err := runtime.Call(th, global(t, th, g, "main"), []runtime.Value{runtime.Obj(w)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	co, ok := cv.Object().(runtime.Coroutine)
	if !ok {
		t.Fatalf("main() returned %T", cv.Object())
	}
	buf := th.Stdout.(*bytes.Buffer)
	return th, buf, co, w
}

func TestCoroutineResume(t *testing.T) {
	th, out, co, w := startCoroutine(t)
	v, done, err := co.Resume(th, runtime.None, nil)
	if err != nil || done || v.Object() != runtime.Object(w) {
		t.Fatalf("first resume = %v %v %v, want the waitable", v, done, err)
	}
	w.done, w.v = true, runtime.Int(20)
	v, done, err = co.Resume(th, runtime.None, nil)
	if err != nil || !done || v.AsInt() != 41 {
		t.Fatalf("second resume = %v %v %v, want 41", v, done, err)
	}
	if out.String() != "child finally\n" {
		t.Errorf("output %q", out.String())
	}
	if _, _, err := co.Resume(th, runtime.None, nil); err == nil {
		t.Error("resuming a finished coroutine succeeded")
	}
	if th.Depth != 0 {
		t.Errorf("Depth = %d", th.Depth)
	}
}

func TestCoroutineCancel(t *testing.T) {
	th, out, co, _ := startCoroutine(t)
	if _, done, err := co.Resume(th, runtime.None, nil); done || err != nil {
		t.Fatal(done, err)
	}
	cancel := runtime.Errorf(runtime.KeyboardInterrupt, "stop")
	_, done, err := co.Resume(th, runtime.None, cancel)
	if !done || err != error(cancel) {
		t.Fatalf("cancel: %v %v", done, err)
	}
	if out.String() != "child finally\n" {
		t.Errorf("finally did not run: %q", out.String())
	}
}

func TestCompileErrors(t *testing.T) {
	p := ast.Pos{Line: 1, Col: 1}
	name := &ast.Name{Pos: p, Id: "x"}
	cases := []struct {
		body []ast.Stmt
		want string
	}{
		{[]ast.Stmt{&ast.Break{Pos: p}}, "'break' outside loop"},
		{[]ast.Stmt{&ast.Continue{Pos: p}}, "'continue' not properly in loop"},
		{[]ast.Stmt{&ast.Return{Pos: p}}, "'return' outside function"},
		{[]ast.Stmt{&ast.ExprStmt{Pos: p, Value: &ast.Yield{Pos: p}}}, "'yield' outside function"},
		{[]ast.Stmt{&ast.ExprStmt{Pos: p, Value: &ast.Await{Pos: p, Value: name}}}, "'await' outside function"},
		{[]ast.Stmt{&ast.FunctionDef{Pos: p, Name: "f", Args: &ast.Arguments{},
			Body: []ast.Stmt{&ast.ExprStmt{Pos: p, Value: &ast.Await{Pos: p, Value: name}}}}}, "'await' outside async function"},
		{[]ast.Stmt{&ast.FunctionDef{Pos: p, Name: "f", Args: &ast.Arguments{},
			Body: []ast.Stmt{&ast.Nonlocal{Pos: p, Names: []string{"x"}}}}}, "no binding for nonlocal 'x' found"},
		{[]ast.Stmt{&ast.FunctionDef{Pos: p, Name: "f", Args: &ast.Arguments{},
			Body: []ast.Stmt{&ast.ExprStmt{Pos: p, Value: name}, &ast.Global{Pos: p, Names: []string{"x"}}}}},
			"name 'x' is used prior to global declaration"},
		{[]ast.Stmt{&ast.Assign{Pos: p, Targets: []ast.Expr{&ast.Call{Pos: p, Func: name}}, Value: name}}, "cannot assign to function call"},
	}
	for _, c := range cases {
		_, err := Compile(&ast.Module{Filename: "e.py", Body: c.body}, ModeFile)
		var ce *CompileError
		if !errors.As(err, &ce) || ce.Msg != c.want || ce.Kind != "SyntaxError" || ce.Line != 1 {
			t.Errorf("got %v, want SyntaxError %q", err, c.want)
		}
	}
}

func BenchmarkFib25(b *testing.B) {
	_, g, th, err := runModule(b, fixtures["bench"])
	if err != nil {
		b.Fatal(err)
	}
	fib := global(b, th, g, "fib")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := runtime.Call(th, fib, []runtime.Value{runtime.Int(25)}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoopSum1e6(b *testing.B) {
	_, g, th, err := runModule(b, fixtures["bench"])
	if err != nil {
		b.Fatal(err)
	}
	loop := global(b, th, g, "loop")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v, err := runtime.Call(th, loop, []runtime.Value{runtime.Int(1_000_000)}, nil)
		if err != nil || v.AsInt() != 499999500000 {
			b.Fatal(v, err)
		}
	}
}

func TestClasses(t *testing.T) {
	out, _, _, err := runModule(t, fixtures["classes"])
	if err != nil {
		t.Fatal(err)
	}
	if out != "20 40 6\n" {
		t.Errorf("output %q", out)
	}
}

func BenchmarkMethodCalls(b *testing.B) {
	_, g, th, err := runModule(b, fixtures["classes"])
	if err != nil {
		b.Fatal(err)
	}
	run := global(b, th, g, "run")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := runtime.Call(th, run, []runtime.Value{runtime.Int(100_000)}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func TestInteractiveEcho(t *testing.T) {
	code, err := Compile(fixtures["interactive"], ModeInteractive)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	th := newTestThread(&out)
	v, err := Run(th, code, newGlobals(t, th))
	if err != nil || v.AsInt() != 10 {
		t.Fatalf("got %v %v, want the last expression's value 10", v, err)
	}
}

func TestTopLevelAwait(t *testing.T) {
	if _, err := Compile(fixtures["toplevel_await"], ModeFile); err == nil {
		t.Error("top-level await compiled in file mode")
	}
	code, err := Compile(fixtures["toplevel_await"], ModeInteractive)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	th := newTestThread(&out)
	g := newGlobals(t, th)
	w := &fakeWaitable{}
	if err := runtime.SetItem(th, runtime.Obj(g), runtime.Str("w"), runtime.Obj(w)); err != nil {
		t.Fatal(err)
	}
	co := NewModuleCoroutine(th, code, g)
	if _, done, err := co.Resume(th, runtime.None, nil); done || err != nil {
		t.Fatalf("first resume: %v %v", done, err)
	}
	w.done, w.v = true, runtime.Int(41)
	v, done, err := co.Resume(th, runtime.None, nil)
	if !done || err != nil || v.AsInt() != 42 {
		t.Fatalf("got %v %v %v, want 42", v, done, err)
	}
}

func TestExceptionSemantics(t *testing.T) {
	out, _, _, err := runModule(t, fixtures["exceptions"])
	if err != nil {
		t.Fatal(err)
	}
	want := `finally 0
finally 1
finally 2
value zero lookup ok
ValueError False
ValueError True
[0, 0, -1, 2, -2, -3]
swallowed
reraised inner
exceptions must derive from BaseException
name 'e' is not defined
`
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}

func TestGeneratorSemantics(t *testing.T) {
	out, _, _, err := runModule(t, fixtures["generators"])
	if err != nil {
		t.Fatal(err)
	}
	want := `[1, 2, 'inner-done']
0 1
returned ['a', 'b']
generator raised StopIteration
cleanup
caught x
14
`
	if out != want {
		t.Errorf("output:\n%s\nwant:\n%s", out, want)
	}
}

func BenchmarkGeneratorLoop1e5(b *testing.B) {
	_, g, th, err := runModule(b, fixtures["bench"])
	if err != nil {
		b.Fatal(err)
	}
	fn := global(b, th, g, "gen_sum")
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v, err := runtime.Call(th, fn, []runtime.Value{runtime.Int(100_000)}, nil)
		if err != nil || v.AsInt() != 4999950000 {
			b.Fatal(v, err)
		}
	}
}

// yielder is a Go coroutine that suspends once (like asyncio.sleep(0)).
type yielder struct{ suspended bool }

func (y *yielder) Type() *runtime.Type            { return runtime.ObjectType }
func (y *yielder) Close(th *runtime.Thread) error { return nil }
func (y *yielder) Resume(th *runtime.Thread, send runtime.Value, exc *runtime.Exception) (runtime.Value, bool, error) {
	if exc != nil {
		return runtime.Value{}, true, exc
	}
	y.suspended = !y.suspended
	return runtime.None, !y.suspended, nil
}

// BenchmarkSwitchDepth50 measures one suspend and resume of a task whose
// innermost frame is 50 awaits deep.
func BenchmarkSwitchDepth50(b *testing.B) {
	_, g, th, err := runModule(b, fixtures["deep"])
	if err != nil {
		b.Fatal(err)
	}
	deep := global(b, th, g, "deep")
	args := []runtime.Value{runtime.Int(50), runtime.Obj(&yielder{}), runtime.Int(int64(b.N))}
	cv, err := runtime.Call(th, deep, args, nil)
	if err != nil {
		b.Fatal(err)
	}
	co := cv.Object().(runtime.Coroutine)
	b.ReportAllocs()
	b.ResetTimer()
	for {
		_, done, err := co.Resume(th, runtime.None, nil)
		if err != nil {
			b.Fatal(err)
		}
		if done {
			break
		}
	}
}
