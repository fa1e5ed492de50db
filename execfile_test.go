package pyish_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pyish/pyish"
)

// TestExecFileSetsFile checks that ExecFile gives the script __file__, as
// runpy.run_path does, and that Exec (like -c) does not.
func TestExecFileSetsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.py")
	if err := os.WriteFile(path, []byte("print(__file__)\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	in := pyish.New(pyish.Options{Stdout: &out})
	if err := in.ExecFile(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	if out.String() != path+"\n" {
		t.Errorf("__file__ printed %q, want %q", out.String(), path)
	}
	err := pyish.New(pyish.Options{}).Exec(context.Background(), "<string>", "__file__")
	if err == nil {
		t.Error("Exec defined __file__")
	}
}
