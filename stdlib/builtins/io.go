package builtins

// This file defines print and input, the builtins that touch the Thread's
// standard streams, and open, which refuses: scripts have no file access.

import (
	"errors"
	"io"
	"strings"

	"github.com/pyish/pyish/runtime"
)

// builtin_print is print(*args, sep=' ', end='\n', file=None, flush=False).
// The whole line goes out in one Write so that line-buffered consoles (the
// REPL redraws its prompt between writes) never see half a line.
func builtin_print(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	pos, kw := splitKwargs(args, kwnames)
	sep, end := " ", "\n"
	file, flush := runtime.None, false
	for i, name := range kwnames {
		var err error
		switch name {
		case "sep":
			sep, err = printSeparator("sep", kw[i], sep)
		case "end":
			end, err = printSeparator("end", kw[i], end)
		case "file":
			file = kw[i]
		case "flush":
			flush, err = runtime.Truth(th, kw[i])
		default:
			err = badKeyword("print", name)
		}
		if err != nil {
			return runtime.Value{}, err
		}
	}
	if file.IsNone() {
		if cur, ok := currentStream(th, "stdout"); ok {
			if cur.IsNone() {
				return runtime.None, nil // CPython prints nothing when sys.stdout is None
			}
			file = cur
		}
	}
	w, isWriter := file.Object().(io.Writer)
	if !file.IsNone() && !isWriter {
		return runtime.None, printToFile(th, file, pos, sep, end, flush)
	}
	if file.IsNone() {
		w = th.Stdout
	}
	line, err := joinStr(th, pos, sep, end)
	if err != nil {
		writeLine(w, line) // CPython has written the items before the failing one
		return runtime.Value{}, err
	}
	if err := writeLine(w, line); err != nil {
		return runtime.Value{}, err
	}
	if flush {
		return runtime.None, flushWriter(w)
	}
	return runtime.None, nil
}

// currentStream returns sys.<name> when a script has imported sys (and so
// may have replaced it); ok is false when sys was never imported, and the
// thread's own stream is current.
func currentStream(th *runtime.Thread, name string) (v runtime.Value, ok bool) {
	if sys, imported := th.Modules["sys"]; imported {
		return sys.Dict.GetStr(name)
	}
	return runtime.None, false
}

// flushWriter flushes w if it buffers (has a Flush method).
func flushWriter(w io.Writer) error {
	f, ok := w.(interface{ Flush() error })
	if !ok {
		return nil
	}
	if err := f.Flush(); err != nil {
		return ioError("flush", err)
	}
	return nil
}

// printSeparator checks print's sep= and end=: None keeps the default.
func printSeparator(name string, v runtime.Value, def string) (string, error) {
	if v.IsNone() {
		return def, nil
	}
	s, ok := runtime.AsString(v)
	if !ok {
		return "", runtime.Errorf(runtime.TypeError, "%s must be None or a string, not %s", name, typeName(v))
	}
	return s, nil
}

// joinStr is sep.join(map(str, vals)) + end. If a str() fails, it returns
// the text up to that item with the error.
func joinStr(th *runtime.Thread, vals []runtime.Value, sep, end string) (string, error) {
	if len(vals) == 1 {
		s, err := runtime.StrOf(th, vals[0])
		if err != nil {
			return "", err
		}
		return s + end, nil
	}
	var b strings.Builder
	for i, v := range vals {
		if i > 0 {
			b.WriteString(sep)
		}
		s, err := runtime.StrOf(th, v)
		if err != nil {
			return b.String(), err
		}
		b.WriteString(s)
	}
	b.WriteString(end)
	return b.String(), nil
}

// writeLine writes s to w in one Write. Stream objects written in Go
// (sys.stdout, sys.stderr) implement io.Writer to get this path.
func writeLine(w io.Writer, s string) error {
	if w == nil {
		return nil
	}
	if _, err := io.WriteString(w, s); err != nil {
		return ioError("write", err)
	}
	return nil
}

// ioError passes on a Python exception from a Go stream (sys.stdin is
// not writable) and wraps any other error in OSError.
func ioError(op string, err error) error {
	var exc *runtime.Exception
	if errors.As(err, &exc) {
		return exc
	}
	return runtime.Errorf(runtime.OSError, "%s failed: %v", op, err)
}

// printToFile prints to a file object as CPython does: one write() call
// per argument, separator and end, then flush() when asked.
func printToFile(th *runtime.Thread, file runtime.Value, vals []runtime.Value, sep, end string, flush bool) error {
	write, err := runtime.GetAttr(th, file, "write")
	if err != nil {
		return err
	}
	put := func(s string) error {
		_, err := runtime.Call(th, write, []runtime.Value{runtime.Str(s)}, nil)
		return err
	}
	for i, v := range vals {
		if i > 0 {
			if err := put(sep); err != nil {
				return err
			}
		}
		s, err := runtime.StrOf(th, v)
		if err != nil {
			return err
		}
		if err := put(s); err != nil {
			return err
		}
	}
	if err := put(end); err != nil {
		return err
	}
	if !flush {
		return nil
	}
	return callMethod(th, file, "flush")
}

// callMethod calls obj.name(args...) and drops the result.
func callMethod(th *runtime.Thread, obj runtime.Value, name string, args ...runtime.Value) error {
	m, err := runtime.GetAttr(th, obj, name)
	if err != nil {
		return err
	}
	_, err = runtime.Call(th, m, args, nil)
	return err
}

// builtin_input is input(prompt=”): it writes the prompt, then reads one
// line from the Thread's stdin without its newline; EOFError at end of input.
func builtin_input(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := posArgs("input", args, kwnames, 0, 1); err != nil {
		return runtime.Value{}, err
	}
	if len(args) == 1 {
		prompt, err := runtime.StrOf(th, args[0])
		if err != nil {
			return runtime.Value{}, err
		}
		if err := writeLine(th.Stdout, prompt); err != nil {
			return runtime.Value{}, err
		}
		if err := flushWriter(th.Stdout); err != nil {
			return runtime.Value{}, err
		}
	}
	line, err := readLine(th.Stdin)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Str(line), nil
}

// readLine reads up to and including '\n' from r, a byte at a time unless r
// can read bytes itself, so that nothing past the line is consumed.
func readLine(r io.Reader) (string, error) {
	if r == nil {
		return "", runtime.Errorf(runtime.EOFError, "EOF when reading a line")
	}
	br, ok := r.(io.ByteReader)
	if !ok {
		br = &byteReader{r: r}
	}
	var b strings.Builder
	for {
		c, err := br.ReadByte()
		if err != nil {
			if errors.Is(err, io.EOF) && b.Len() > 0 {
				return b.String(), nil
			}
			if errors.Is(err, io.EOF) {
				return "", runtime.Errorf(runtime.EOFError, "EOF when reading a line")
			}
			return "", ioError("read from stdin", err)
		}
		if c == '\n' {
			return b.String(), nil
		}
		b.WriteByte(c)
	}
}

// byteReader reads single bytes from a reader without buffering ahead.
type byteReader struct {
	r   io.Reader
	buf [1]byte
}

// ReadByte implements io.ByteReader.
func (b *byteReader) ReadByte() (byte, error) {
	for {
		n, err := b.r.Read(b.buf[:])
		if n == 1 {
			return b.buf[0], nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// builtin_open refuses clearly rather than leaving a NameError.
func builtin_open(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	return runtime.Value{}, runtime.Errorf(runtime.NotImplementedError, "open() is not supported by pyish: scripts have no file access")
}
