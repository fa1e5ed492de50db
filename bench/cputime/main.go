// Command cputime runs a command and writes the CPU time it used (user
// and system seconds, from the child's rusage) to a file, with
// microsecond precision. bench/run.sh uses it in place of GNU time's
// "%U %S", which rounds to 10 ms: too coarse for scripts that pyish runs
// in 0.1 s.
//
// Usage: cputime -o FILE -timeout SECONDS COMMAND [ARGS...]
//
// Its exit status is the command's, or 124 when the timeout killed it
// (as timeout(1)).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"time"
)

func main() {
	out := flag.String("o", "", "file to write \"USER SYS\" seconds to")
	timeout := flag.Float64("timeout", 120, "seconds before the command is killed")
	flag.Parse()
	if flag.NArg() == 0 || *out == "" {
		fmt.Fprintln(os.Stderr, "usage: cputime -o FILE [-timeout S] COMMAND [ARGS...]")
		os.Exit(2)
	}
	os.Exit(run(*out, time.Duration(*timeout*float64(time.Second)), flag.Args()))
}

// run runs args with the timeout, records its CPU time in out and returns
// the exit status to report.
func run(out string, timeout time.Duration, args []string) int {
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	err := cmd.Run()
	if cmd.ProcessState != nil {
		user := cmd.ProcessState.UserTime().Seconds()
		sys := cmd.ProcessState.SystemTime().Seconds()
		if werr := os.WriteFile(out, fmt.Appendf(nil, "%.6f %.6f\n", user, sys), 0o644); werr != nil {
			fmt.Fprintln(os.Stderr, "cputime:", werr)
		}
	}
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return 124
	case errors.As(err, &exit):
		return exit.ExitCode()
	case err != nil:
		fmt.Fprintln(os.Stderr, "cputime:", err)
		return 127
	}
	return 0
}
