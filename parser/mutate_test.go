package parser

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestMutantsMatchCPython mutates corpus files token-wise and checks that
// pyish accepts and rejects the same mutants as CPython, with the same
// error kind. Opt in with PYISH_MUTANTS=N (PYISH_MUTANTS_SEED,
// PYISH_MUTANTS_GLOB choose the seed and the files).
func TestMutantsMatchCPython(t *testing.T) {
	n := os.Getenv("PYISH_MUTANTS")
	if n == "" {
		t.Skip("set PYISH_MUTANTS=2000")
	}
	glob := corpusGlob
	if g := os.Getenv("PYISH_MUTANTS_GLOB"); g != "" {
		glob = g
	}
	files, _ := filepath.Glob(glob)
	out, err := exec.Command("python3", append([]string{"testdata/pymutate.py", seed(), n}, files...)...).Output()
	if err != nil {
		t.Fatal(err)
	}
	var cases [][]any
	if err := json.Unmarshal(out, &cases); err != nil {
		t.Fatal(err)
	}
	msgDiff := 0
	for _, c := range cases {
		src, kind, msg := c[0].(string), c[1].(string), c[2].(string)
		_, perr := ParseFile("m.py", []byte(src))
		var e *Error
		got, gotMsg := "OK", ""
		if errors.As(perr, &e) {
			got, gotMsg = e.Kind, e.Msg
			if strings.Contains(e.Msg, "not supported") || strings.HasPrefix(e.Msg, "duplicate argument") {
				continue // refusals; and CPython finds duplicates after ast.parse
			}
		}
		switch {
		case got != kind:
			t.Errorf("got %s %s\nwant %s %q at line %v in\n%s", got, perr, kind, msg, c[3], excerpt(src, int(c[3].(float64))))
		case gotMsg != msg:
			msgDiff++
			t.Logf("message: got %q want %q (line %v) in\n%s", gotMsg, msg, c[3], excerpt(src, int(c[3].(float64))))
		}
	}
	t.Logf("%d mutants, %d with another message", len(cases), msgDiff)
}

// excerpt returns lines n-1..n+1 of src.
func excerpt(src string, n int) string {
	lines := strings.Split(src, "\n")
	lo, hi := max(n-2, 0), min(n+1, len(lines))
	if lo >= hi {
		return ""
	}
	return strings.Join(lines[lo:hi], "\n")
}

// seed is PYISH_MUTANTS_SEED or 1.
func seed() string {
	if s := os.Getenv("PYISH_MUTANTS_SEED"); s != "" {
		return s
	}
	return "1"
}
