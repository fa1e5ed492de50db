package parser

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse checks that no input panics the parser and that every error is
// a positioned *Error.
func FuzzParse(f *testing.F) {
	for _, s := range snippets {
		f.Add(s)
	}
	for _, s := range []string{
		"def f(a, /, b=1, *c, d, **e) -> int:\n    return [x async for x in y if (z := x)]\n",
		"class A(B, metaclass=M):\n    @property\n    def x(self): return f'{self!r:>{10}}'\n",
		"try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    pass\n",
		"x = (1 +\n", "if x:\n", "f(**k, *a)\n", "x = [1, 2\ny = 3\n", "\tif x:\n", "a = b = c = yield\n",
		"lambda *: 1\n", "(" + strings.Repeat("-", 2000) + "1)\n", "f'{x:{y:{z}}}'\n", "with (a as b, c): pass\n",
		"@d\nasync def f(): await x\n", "del (a, [b, *c])\n", "from ... import (a as b,)\n",
		"x[1:2:3, ::, *a]\n", "match x:\n    case 1: pass\n", "1j\n", "'\\N{DASH}'\n",
	} {
		f.Add(s)
	}
	files, _ := filepath.Glob(corpusGlob)
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(string(b))
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		_, err := ParseFile("fuzz.py", []byte(src))
		checkFuzzError(t, src, err)
		_, err = ParseInteractive("<stdin>", []byte(src))
		checkFuzzError(t, src, err)
		_, err = ParseExpr("<string>", []byte(src))
		checkFuzzError(t, src, err)
	})
}

func checkFuzzError(t *testing.T, src string, err error) {
	if err == nil {
		return
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%q: error %T %v is not *Error", src, err, err)
	}
	if e.Line < 1 || e.Col < 1 || e.Kind == "" || e.Kind == "SystemError" || e.Msg == "" {
		t.Fatalf("%q: bad error %+v", src, e)
	}
	_ = e.Error()
	_ = IsIncomplete(err)
}
