package vm

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pyish/pyish/parser"
)

// TestMatchStackDepths checks the stack discipline of compiled match
// statements (captures kept under working items, fail-pop chains) on
// every path, for the scripts under testdata/match.
func TestMatchStackDepths(t *testing.T) {
	files, _ := filepath.Glob("../testdata/match/*.pyish")
	if len(files) == 0 {
		t.Fatal("no match scripts")
	}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		mod, err := parser.ParseFile(file, src)
		if err != nil {
			t.Fatalf("%s: %v", file, err)
		}
		co, err := Compile(mod, ModeFile)
		if err != nil {
			continue // the scripts that test compile errors
		}
		if err := verifyStack(co); err != nil {
			t.Errorf("%s: %v", file, err)
		}
	}
}
