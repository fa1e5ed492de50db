package pyish_test

import (
	"strings"
	"testing"

	"github.com/pyish/pyish"
)

// TestSyntaxErrorUnknownAttrs checks that the attributes pyish's parser
// does not report for its own syntax errors refuse to be read, while the
// ones it does (and str()) are CPython's.
func TestSyntaxErrorUnknownAttrs(t *testing.T) {
	in, out := newInterp(t, pyish.Options{})
	mustExec(t, in, `
try:
    exec("x = (1,\n", {})
except SyntaxError as e:
    print(e, e.msg, e.filename, e.lineno)
    for name in ["offset", "text", "end_lineno", "end_offset"]:
        try:
            getattr(e, name)
        except NotImplementedError as x:
            print(name, x)
    e.offset = 3
    print(e.offset)
`)
	want := `'(' was never closed (<string>, line 1) '(' was never closed <string> 1
offset pyish: the offset of a syntax error pyish reports is not available
text pyish: the text of a syntax error pyish reports is not available
end_lineno pyish: the end_lineno of a syntax error pyish reports is not available
end_offset pyish: the end_offset of a syntax error pyish reports is not available
3
`
	if got := out.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, strings.TrimSpace(want))
	}
}
