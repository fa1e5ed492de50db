package sys

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pyish/pyish/runtime"
)

func get(t *testing.T, m *runtime.Module, name string) runtime.Value {
	t.Helper()
	v, ok := m.Dict.GetStr(name)
	if !ok {
		t.Fatalf("sys.%s missing", name)
	}
	return v
}

func TestStreams(t *testing.T) {
	th := runtime.NewThread()
	var out, errw bytes.Buffer
	th.Stdout, th.Stderr, th.Stdin = &out, &errw, strings.NewReader("one\ntwo\nrest")
	m := Module(th)
	n, err := runtime.CallMethod(th, get(t, m, "stdout"), "write", runtime.Str("héllo\n"))
	if err != nil || n.AsInt() != 6 || out.String() != "héllo\n" {
		t.Fatalf("stdout.write: %v %v %q", n, err, out.String())
	}
	if _, err := runtime.CallMethod(th, get(t, m, "stderr"), "write", runtime.Str("e")); err != nil || errw.String() != "e" {
		t.Fatalf("stderr.write: %v %q", err, errw.String())
	}
	stdin := get(t, m, "stdin")
	for _, want := range []string{"one\n", "two\n", "rest", ""} {
		v, err := runtime.CallMethod(th, stdin, "readline")
		if s, _ := runtime.AsString(v); err != nil || s != want {
			t.Fatalf("readline = %q, %v; want %q", s, err, want)
		}
	}
}

func TestExitAndLimits(t *testing.T) {
	th := runtime.NewThread()
	m := Module(th)
	_, err := runtime.Call(th, get(t, m, "exit"), []runtime.Value{runtime.Int(3)}, nil)
	e := runtime.AsException(err)
	if e == nil || e.Type() != runtime.SystemExit || len(e.Args) != 1 || e.Args[0].AsInt() != 3 {
		t.Fatalf("exit(3): %v", err)
	}
	if _, err := runtime.Call(th, get(t, m, "setrecursionlimit"), []runtime.Value{runtime.Int(50)}, nil); err != nil || th.MaxDepth != 50 {
		t.Fatalf("setrecursionlimit: %v, MaxDepth %d", err, th.MaxDepth)
	}
	_, err = runtime.Call(th, get(t, m, "setrecursionlimit"), []runtime.Value{runtime.Int(0)}, nil)
	if got := runtime.ExceptionMessage(th, runtime.AsException(err)); got != "ValueError: recursion limit must be greater or equal than 1" {
		t.Fatalf("setrecursionlimit(0): %s", got)
	}
	r, _ := runtime.Repr(th, get(t, m, "version_info"))
	if r != "sys.version_info(major=3, minor=12, micro=0, releaselevel='final', serial=0)" {
		t.Fatalf("version_info repr %s", r)
	}
}
