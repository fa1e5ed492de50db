package parser

import (
	"encoding/json"
	"errors"
	"os"
	"testing"
)

func TestErrDiff(t *testing.T) {
	b, err := os.ReadFile("/tmp/errcases.json")
	if err != nil {
		t.Skip()
	}
	var cases [][]any
	json.Unmarshal(b, &cases)
	for _, c := range cases {
		src := c[0].(string)
		_, perr := ParseFile("f.py", []byte(src))
		kind, msg, line, col := "OK", "", 0, 0
		var e *Error
		if errors.As(perr, &e) {
			kind, msg, line, col = e.Kind, e.Msg, e.Line, e.Col
		}
		wk, wm, wl, wc := c[1].(string), c[2].(string), int(c[3].(float64)), int(c[4].(float64))
		mark := "  "
		if kind != wk || msg != wm || line != wl || col != wc {
			mark = "XX"
		}
		t.Logf("%s %q\n    got  %s %q %d:%d\n    want %s %q %d:%d", mark, src, kind, msg, line, col, wk, wm, wl, wc)
	}
}
