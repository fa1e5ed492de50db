package parser

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrefixesMatchCodeop feeds every line prefix of the corpus files to
// ParseInteractive and compares complete / incomplete / error with
// CPython's codeop. Opt in with PYISH_CODEOP=1.
func TestPrefixesMatchCodeop(t *testing.T) {
	if os.Getenv("PYISH_CODEOP") == "" {
		t.Skip("set PYISH_CODEOP=1")
	}
	files, _ := filepath.Glob(corpusGlob)
	out, err := exec.Command("python3", append([]string{"testdata/pycodeop.py"}, files...)...).Output()
	if err != nil {
		t.Fatal(err)
	}
	var want map[string]string
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for src, w := range want {
		_, perr := ParseInteractive("<stdin>", []byte(src))
		got := "complete"
		switch {
		case perr != nil && IsIncomplete(perr):
			got = "incomplete"
		case perr != nil:
			got = "error"
		}
		if got != w {
			if got == "incomplete" && strings.HasSuffix(src, "\\\n") {
				// A string continued by a backslash at the end of the input
				// is incomplete, as in CPython's interactive REPL (codeop
				// compiles the whole text and calls it an error).
				continue
			}
			bad++
			t.Errorf("%q: got %s (%v), want %s", src, got, perr, w)
		}
	}
	t.Logf("%d inputs, %d differ", len(want), bad)
}
