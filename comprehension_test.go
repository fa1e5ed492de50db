package pyish_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/pyish/pyish"
)

// TestComprehensionTraceback checks that an exception inside a list,
// set or dict comprehension shows the enclosing function, as in CPython
// 3.12, whose comprehensions run in their caller's frame (PEP 709); a
// generator expression keeps a frame of its own.
func TestComprehensionTraceback(t *testing.T) {
	cases := []struct{ src, want string }{
		{"def f(n):\n    return [1 // x for x in range(n)]\nf(2)\n",
			"[{c.pyish 3 <module>} {c.pyish 2 f}]"},
		{"def f(n):\n    return {x: {1 // y for y in range(x)} for x in range(n)}\nf(2)\n",
			"[{c.pyish 3 <module>} {c.pyish 2 f}]"},
		{"class C:\n    v = [1 // x for x in range(2)]\n",
			"[{c.pyish 1 <module>} {c.pyish 2 C}]"},
		{"[1 // x for x in range(2)]\n",
			"[{c.pyish 1 <module>}]"},
		{"def f(n):\n    return list(1 // x for x in range(n))\nf(2)\n",
			"[{c.pyish 3 <module>} {c.pyish 2 f} {c.pyish 2 <genexpr>}]"},
	}
	for _, tc := range cases {
		in, _ := newInterp(t, pyish.Options{})
		err := in.Exec(context.Background(), "c.pyish", tc.src)
		var pe *pyish.Error
		if !errors.As(err, &pe) || pe.Type != "ZeroDivisionError" {
			t.Fatalf("%q: err = %v", tc.src, err)
		}
		if got := fmt.Sprint(pe.Frames); got != tc.want {
			t.Errorf("%q: frames %s, want %s", tc.src, got, tc.want)
		}
	}
}
