package parser

import (
	"strings"
	"testing"
)

// TestCarets checks that reports underline what CPython underlines.
func TestCarets(t *testing.T) {
	want := strings.Split(strings.Trim(caretWant, "\n"), "\n\n")
	srcs := []string{"f() = 1", "(a, f()) = 1", "(a, 1) = 2", "x, f() = 1", "[a + b, c] = 1",
		`del a, (b, "x,y")`, "for a, 1 in b: pass", "f(a b)", "x = [aa bb]", "f(x for x in y, 1)",
		"f(a.b=1)", "(a.b := 1)", "(*a)", "del f()", "for f() in x: pass", "x() += 1",
		"[x] : int = 1", "x = yield = 3", "print 'x'", "x = 5 if 3", "x = [*a for a in b]",
		"a < b = 1", "if x = 1: pass", "x = {1: 2, 3}"}
	for i, src := range srcs {
		_, err := ParseFile("t.py", []byte(src+"\n"))
		if err == nil {
			t.Errorf("%q: no error", src)
			continue
		}
		lines := strings.Split(err.Error(), "\n")
		if got := strings.Join(lines[1:3], "\n"); got != want[i] {
			t.Errorf("%q:\n got\n%s\nwant\n%s", src, got, want[i])
		}
	}
}

// caretWant is CPython 3.11's rendering of the cases in TestCarets.
const caretWant = `
    f() = 1
    ^^^

    (a, f()) = 1
        ^^^

    (a, 1) = 2
        ^

    x, f() = 1
       ^^^

    [a + b, c] = 1
     ^^^^^

    del a, (b, "x,y")
               ^^^^^

    for a, 1 in b: pass
           ^

    f(a b)
      ^^^

    x = [aa bb]
         ^^^^^

    f(x for x in y, 1)
      ^^^^^^^^^^^^

    f(a.b=1)
      ^^^^

    (a.b := 1)
     ^^^

    (*a)
     ^^

    del f()
        ^^^

    for f() in x: pass
        ^^^

    x() += 1
    ^^^

    [x] : int = 1
    ^^^

    x = yield = 3
        ^^^^^

    print 'x'
    ^^^^^^^^^

    x = 5 if 3
        ^^^^^^

    x = [*a for a in b]
         ^^

    a < b = 1
    ^^^^^

    if x = 1: pass
       ^^^^^

    x = {1: 2, 3}
               ^
`
