package pyish_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyish/pyish"
)

// TestWarningScripts compares the whole stderr of testdata/warnings/*.pyish
// with CPython's (NAME.stderr, with the working directory taken out of
// the absolute paths warnings show); TestScripts checks their stdout.
func TestWarningScripts(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob("testdata/warnings/*.pyish")
	if err != nil || len(files) == 0 {
		t.Fatal("no scripts under testdata/warnings", err)
	}
	for _, file := range files {
		base := strings.TrimSuffix(file, ".pyish")
		t.Run(filepath.Base(base), func(t *testing.T) {
			want, err := os.ReadFile(base + ".stderr")
			if err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			in := pyish.New(pyish.Options{Stdout: &stdout, Stderr: &stderr, Args: []string{file}, VirtualTime: true})
			if err := in.ExecFile(context.Background(), file); err != nil {
				stderr.WriteString(traceback(err))
			}
			got := strings.ReplaceAll(stderr.String(), wd+string(filepath.Separator), "")
			if got != string(want) {
				t.Errorf("stderr differs\n--- got ---\n%s--- want ---\n%s", got, want)
			}
		})
	}
}
