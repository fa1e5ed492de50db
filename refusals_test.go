package pyish_test

import (
	"context"
	"strings"
	"testing"

	"github.com/pyish/pyish"
)

// TestRefusals checks that what pyish's compile(), exec(), eval() and
// memoryview cannot do as CPython does raises NotImplementedError naming
// it, rather than give another answer.
func TestRefusals(t *testing.T) {
	cases := []struct{ src, want string }{
		{`exec("x = 1", {"__builtins__": {}})`, "exec() with a globals dict whose __builtins__ is not the builtins module"},
		{`eval("1", {"__builtins__": None})`, "eval() with a globals dict whose __builtins__ is not the builtins module"},
		{`class D(dict): pass
exec("x = 1", D())`, "exec() with globals of type 'D' (a dict subclass)"},
		{`import collections
eval("x", {}, collections.ChainMap({"x": 1}))`, "eval() with locals of type 'ChainMap' is not supported by pyish (only a dict)"},
		{`exec("x = 1", None, {})`, "exec() needs an explicit globals dict"},
		{`e = eval
e("1")`, "eval() needs an explicit globals dict"},
		{`def f():
    exec("y = 1")
f()`, "exec() without a globals dict inside a function is not supported"},
		{`[exec("y = 1") for i in range(1)]`, "exec() without a globals dict inside a function is not supported"},
		{`exec("1", {}, closure=(1,))`, "exec() with a closure is not supported"},
		{`def f(): pass
exec(f.__code__, {})`, "exec() and eval() of a function's code object are not supported"},
		{`compile("1", "f", "exec", 0x400)`, "compile() with the flag ast.PyCF_ONLY_AST is not supported"},
		{`compile("x: int", "f", "exec", 0x1000000)`, "compile() with the flag __future__.annotations is not supported"},
		{`compile("assert 0", "f", "exec", optimize=1)`, "compile() with optimize=1 is not supported"},
		{`memoryview(b"abcd").cast("I")`, "memoryview.cast() is not supported"},
		{`memoryview(b"ab").__buffer__(0)`, "memoryview.__buffer__() (exporting a view's buffer) is not supported"},
		{`class Buf:
    def __buffer__(self, flags):
        return memoryview(b"x")
memoryview(Buf())`, "memoryview() of an object with __buffer__ is not supported"},
	}
	for _, c := range cases {
		in, _ := newInterp(t, pyish.Options{})
		err := in.Exec(context.Background(), "refuse.pyish", c.src)
		if err == nil {
			t.Errorf("%s: ran, want an error containing %q", c.src, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.src, err, c.want)
		}
		if !strings.Contains(err.Error(), "NotImplementedError") {
			t.Errorf("%s: got %v, want a NotImplementedError", c.src, err)
		}
	}
}
