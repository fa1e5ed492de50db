//go:build linux || darwin || freebsd

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestScriptPath checks what CPython 3.9+ does with `python rel/x.py`:
// __file__ and tracebacks name the working directory joined to the
// path, uncleaned, while sys.argv[0] keeps the path as given; a missing
// script is reported with its absolute path and exit status 2.
func TestScriptPath(t *testing.T) {
	bin := buildPyish(t)
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	src := "import sys\nprint(__file__)\nprint(sys.argv[0])\n1/0\n"
	if err := os.WriteFile(filepath.Join(dir, "sub", "s.py"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "sub/../sub/s.py")
	cmd.Dir = dir
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Run()
	want := filepath.Join(dir, "sub") + "/../sub/s.py"
	if got := stdout.String(); got != want+"\nsub/../sub/s.py\n" {
		t.Errorf("stdout = %q, want __file__ %q and argv[0] as given", got, want)
	}
	if !strings.Contains(stderr.String(), `File "`+want+`", line 4, in <module>`) {
		t.Errorf("traceback does not name %s:\n%s", want, stderr.String())
	}

	cmd = exec.Command(bin, "missing.py")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	exit, _ := err.(*exec.ExitError)
	if exit == nil || exit.ExitCode() != 2 {
		t.Errorf("missing script: err %v, want exit status 2", err)
	}
	if w := "can't open file '" + filepath.Join(dir, "missing.py") + "': [Errno 2] No such file or directory\n"; !strings.HasSuffix(string(out), w) {
		t.Errorf("missing script: %q, want suffix %q", out, w)
	}
}
