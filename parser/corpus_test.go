package parser

// This file compares the parser's trees with CPython's on the conformance
// corpus and on extra snippets, when python3 is available.

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const corpusGlob = "/work/shared/conformance/cases/*/*.pyish"

// refusedFeatures lists corpus files that use syntax pyish refuses on
// purpose, with the message (none today).
var refusedFeatures = map[string]string{}

// cpythonDumps runs testdata/pydump.py over files.
func cpythonDumps(t *testing.T, files []string) map[string]string {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("python3 not available")
	}
	out, err := exec.Command("python3", append([]string{"testdata/pydump.py"}, files...)...).Output()
	if err != nil {
		t.Fatalf("pydump: %v", err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// goDump parses src and dumps it like pydump.py, or "!Kind" on error.
func goDump(name string, src []byte) (string, error) {
	mod, err := ParseFile(name, src)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			return "!" + e.Kind, err
		}
		return "!?", err
	}
	return dump(mod.Body), nil
}

// TestCorpusMatchesCPython parses every conformance case and compares the
// tree with CPython's ast.
func TestCorpusMatchesCPython(t *testing.T) {
	files, _ := filepath.Glob(corpusGlob)
	if len(files) == 0 {
		t.Skip("no conformance corpus")
	}
	want := cpythonDumps(t, files)
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got, perr := goDump(f, src)
		if msg, ok := refusedFeatures[filepath.Base(f)]; ok {
			var e *Error
			if !errors.As(perr, &e) || e.Msg != msg {
				t.Errorf("%s: got %v, want %q", f, perr, msg)
			}
			continue
		}
		if w := want[f]; got != w {
			if strings.HasPrefix(got, "!") {
				t.Errorf("%s: %v", f, perr)
				continue
			}
			t.Errorf("%s: %s", f, firstDiff(got, w))
		}
	}
}

// firstDiff shows where two dumps part.
func firstDiff(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	lo := max(i-150, 0)
	return "\n got …" + got[lo:min(i+80, len(got))] + "\nwant …" + want[lo:min(i+80, len(want))]
}
