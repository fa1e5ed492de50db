// Command pyish runs pyish scripts and, on a terminal, the asyncio REPL.
//
//	pyish FILE [ARGS…]   run a script
//	pyish -c CODE        run CODE
//	pyish -              run the program read from stdin
//	pyish -i FILE        run a script, then the REPL in its globals
//	pyish                the asyncio REPL (on a terminal; else run stdin)
//	pyish --version      print the version
package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/chzyer/readline"

	"github.com/pyish/pyish"
)

const usage = `usage: pyish [--virtual-time] [-c CODE | -i FILE | FILE | -] [ARGS...]
       pyish --version`

func main() {
	// A script's live heap is small and its garbage plenty: see pyish.TuneGC.
	pyish.TuneGC(0)
	os.Exit(run(os.Args[1:]))
}

// run executes the command line and returns the exit status.
func run(args []string) int {
	opts := pyish.Options{Stdout: os.Stdout, Stderr: os.Stderr, Stdin: os.Stdin}
	for len(args) > 0 && len(args[0]) > 1 && args[0][0] == '-' {
		switch args[0] {
		case "--version", "-V":
			fmt.Println("pyish " + pyish.Version)
			return 0
		case "--virtual-time":
			opts.VirtualTime = true
			args = args[1:]
			continue
		case "-c":
			if len(args) < 2 {
				fmt.Fprintln(os.Stderr, "Argument expected for the -c option\n"+usage)
				return 2
			}
			opts.Args = append([]string{"-c"}, args[2:]...)
			return execSource(opts, "<string>", args[1])
		case "-i":
			if len(args) < 2 {
				fmt.Fprintln(os.Stderr, "Argument expected for the -i option\n"+usage)
				return 2
			}
			opts.Args = args[1:]
			return repl(opts, args[1])
		case "-h", "--help":
			fmt.Println(usage)
			return 0
		default:
			fmt.Fprintf(os.Stderr, "unknown option %s\n%s\n", args[0], usage)
			return 2
		}
	}
	if len(args) == 0 && readline.IsTerminal(int(os.Stdin.Fd())) {
		opts.Args = []string{""}
		return repl(opts, "")
	}
	if len(args) == 0 || args[0] == "-" {
		opts.Args = append([]string{"-"}, args...)
		if len(args) > 0 {
			opts.Args = args
		}
		src, err := io.ReadAll(os.Stdin)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return execSource(opts, "<stdin>", string(src))
	}
	opts.Args = args
	path := scriptPath(args[0])
	if _, err := os.Stat(path); err != nil {
		fmt.Fprintf(os.Stderr, "pyish: can't open file '%s': %s\n", path, errnoText(err))
		return 2
	}
	return runMain(opts, func(in *pyish.Interpreter) error { return in.ExecFile(context.Background(), path) })
}

// execSource runs one program and turns its outcome into an exit status,
// printing an uncaught exception's traceback as CPython does.
// scriptPath is the name a script has in __file__ and tracebacks: as
// CPython 3.9+ does, the working directory joined to a relative path,
// without cleaning it (sys.argv[0] keeps the path as given).
func scriptPath(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	return wd + string(filepath.Separator) + p
}

// errnoText is a file error as CPython words it: "[Errno 2] No such file
// or directory".
func errnoText(err error) string {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return err.Error()
	}
	msg := errno.Error()
	if msg != "" {
		msg = strings.ToUpper(msg[:1]) + msg[1:]
	}
	return fmt.Sprintf("[Errno %d] %s", int(errno), msg)
}

// execSource runs src as __main__ under filename and returns the exit
// status.
func execSource(opts pyish.Options, filename, src string) int {
	return runMain(opts, func(in *pyish.Interpreter) error { return in.Exec(context.Background(), filename, src) })
}

// runMain runs a new interpreter for opts with run and returns the exit
// status.
func runMain(opts pyish.Options, run func(*pyish.Interpreter) error) int {
	if !readline.IsTerminal(int(os.Stdout.Fd())) {
		// Like CPython, buffer output that goes to a pipe or file.
		buf := bufio.NewWriterSize(os.Stdout, 64<<10)
		defer buf.Flush()
		opts.Stdout = buf
	}
	in := pyish.New(opts)
	err := run(in)
	if f, ok := opts.Stdout.(interface{ Flush() error }); ok {
		f.Flush()
	}
	return exitStatus(err)
}

func exitStatus(err error) int {
	if err == nil {
		return 0
	}
	var exit *pyish.ExitError
	if errors.As(err, &exit) {
		if exit.Message != "" {
			fmt.Fprintln(os.Stderr, exit.Message)
		}
		return exit.Code
	}
	var pe *pyish.Error
	if errors.As(err, &pe) {
		os.Stderr.WriteString(pe.Traceback())
		return 1
	}
	fmt.Fprintln(os.Stderr, err)
	return 1
}
