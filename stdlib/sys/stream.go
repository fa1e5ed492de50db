package sys

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pyish/pyish/runtime"
)

// This file defines the standard stream objects.

// Stream is sys.stdout, sys.stderr or sys.stdin: a text stream over the
// Thread's writer or reader, looked up at each call so an embedder may
// swap them. It implements io.Writer so print(file=sys.stderr) writes
// directly.
type Stream struct {
	th   *runtime.Thread
	name string
	mode string
	fd   int64
}

// StreamType is the type of the standard streams.
var StreamType = runtime.NewType("_io.TextIOWrapper", nil)

func init() {
	StreamType.SetMethods(map[string]runtime.MethodFunc{
		"write":      stream_write,
		"writelines": stream_writelines,
		"flush":      stream_flush,
		"readline":   stream_readline,
		"readlines":  stream_readlines,
		"read":       stream_read,
		"isatty":     stream_false,
		"readable": func(th *runtime.Thread, s value, args []value, kw []string) (value, error) {
			return runtime.Bool(stream(s).mode == "r"), nil
		},
		"writable": func(th *runtime.Thread, s value, args []value, kw []string) (value, error) {
			return runtime.Bool(stream(s).mode == "w"), nil
		},
		"fileno": func(th *runtime.Thread, s value, args []value, kw []string) (value, error) {
			return runtime.Int(stream(s).fd), nil
		},
	})
	StreamType.SetMembers(map[string]runtime.MemberFunc{
		"name":     func(th *runtime.Thread, s value) (value, error) { return runtime.Str(stream(s).name), nil },
		"mode":     func(th *runtime.Thread, s value) (value, error) { return runtime.Str(stream(s).mode), nil },
		"encoding": func(th *runtime.Thread, s value) (value, error) { return runtime.Str("utf-8"), nil },
		"closed":   func(th *runtime.Thread, s value) (value, error) { return runtime.False, nil },
	})
}

func stream(v value) *Stream { return v.Object().(*Stream) }

// Type implements runtime.Object.
func (s *Stream) Type() *runtime.Type { return StreamType }

// Repr implements runtime.HasRepr.
func (s *Stream) Repr(th *runtime.Thread) (string, error) {
	return fmt.Sprintf("<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>", s.name, s.mode), nil
}

// writer is the Thread's writer for this stream.
func (s *Stream) writer() io.Writer {
	if s.fd == 2 {
		return s.th.Stderr
	}
	return s.th.Stdout
}

// Write implements io.Writer.
func (s *Stream) Write(p []byte) (int, error) {
	if s.mode != "w" {
		return 0, runtime.Errorf(runtime.OSError, "not writable")
	}
	w := s.writer()
	if w == nil {
		return len(p), nil
	}
	return w.Write(p)
}

// Flush flushes the Thread's writer if it buffers.
func (s *Stream) Flush() error {
	if f, ok := s.writer().(interface{ Flush() error }); ok && s.mode == "w" {
		return f.Flush()
	}
	return nil
}

func unsupported(op string) error {
	return runtime.NewException(ioUnsupported, runtime.Str(op))
}

// ioUnsupported stands in for io.UnsupportedOperation.
var ioUnsupported = runtime.NewExceptionType("io.UnsupportedOperation", runtime.OSError)

func stream_write(th *runtime.Thread, sv value, args []value, kwnames []string) (value, error) {
	var text value
	if err := runtime.UnpackArgs("write", args, kwnames, "s", &text); err != nil {
		return value{}, err
	}
	s := stream(sv)
	if s.mode != "w" {
		return value{}, unsupported("not writable")
	}
	str, ok := runtime.AsString(text)
	if !ok {
		return value{}, runtime.Errorf(runtime.TypeError, "write() argument must be str, not %s", text.Type().Name)
	}
	if _, err := s.Write([]byte(str)); err != nil {
		return value{}, runtime.Errorf(runtime.OSError, "%v", err)
	}
	return runtime.Int(int64(len([]rune(str)))), nil
}

func stream_writelines(th *runtime.Thread, sv value, args []value, kwnames []string) (value, error) {
	var lines value
	if err := runtime.UnpackArgs("writelines", args, kwnames, "lines", &lines); err != nil {
		return value{}, err
	}
	err := runtime.ForEach(th, lines, func(line value) error {
		_, err := stream_write(th, sv, []value{line}, nil)
		return err
	})
	return runtime.None, err
}

func stream_flush(th *runtime.Thread, sv value, args []value, kwnames []string) (value, error) {
	if err := runtime.UnpackArgs("flush", args, kwnames); err != nil {
		return value{}, err
	}
	if err := stream(sv).Flush(); err != nil {
		return value{}, runtime.Errorf(runtime.OSError, "%v", err)
	}
	return runtime.None, nil
}

func stream_false(th *runtime.Thread, sv value, args []value, kwnames []string) (value, error) {
	return runtime.False, nil
}

// reader returns the Thread's reader, or an error for output streams.
func (s *Stream) reader() (io.Reader, error) {
	if s.mode != "r" {
		return nil, unsupported("not readable")
	}
	if s.th.Stdin == nil {
		return strings.NewReader(""), nil
	}
	return s.th.Stdin, nil
}

// readLine reads through the next '\n' (kept), or what is left; it reads a
// byte at a time unless the reader reads bytes itself, so that input()
// and sys.stdin can be mixed without losing text.
func readLine(r io.Reader, limit int64) (string, error) {
	br, ok := r.(io.ByteReader)
	if !ok {
		br = &byteReader{r: r}
	}
	var b strings.Builder
	for limit < 0 || int64(b.Len()) < limit {
		c, err := br.ReadByte()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", runtime.Errorf(runtime.OSError, "read from stdin failed: %v", err)
		}
		b.WriteByte(c)
		if c == '\n' {
			break
		}
	}
	return b.String(), nil
}

// byteReader reads single bytes without buffering ahead.
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

// sizeArg reads an optional size argument (None or negative: no limit).
func sizeArg(th *runtime.Thread, fname string, args []value, kwnames []string) (int64, error) {
	size := runtime.Int(-1)
	if err := runtime.UnpackArgs(fname, args, kwnames, "size?", &size); err != nil {
		return 0, err
	}
	if size.IsNone() {
		return -1, nil
	}
	return runtime.ToInt64(th, size)
}

func stream_readline(th *runtime.Thread, sv value, args []value, kwnames []string) (value, error) {
	limit, err := sizeArg(th, "readline", args, kwnames)
	if err != nil {
		return value{}, err
	}
	r, err := stream(sv).reader()
	if err != nil {
		return value{}, err
	}
	line, err := readLine(r, limit)
	if err != nil {
		return value{}, err
	}
	return runtime.Str(line), nil
}

func stream_readlines(th *runtime.Thread, sv value, args []value, kwnames []string) (value, error) {
	if err := runtime.UnpackArgs("readlines", args, kwnames); err != nil {
		return value{}, err
	}
	r, err := stream(sv).reader()
	if err != nil {
		return value{}, err
	}
	var lines []value
	for {
		line, err := readLine(r, -1)
		if err != nil {
			return value{}, err
		}
		if line == "" {
			return runtime.Obj(runtime.NewList(append([]value{}, lines...))), nil
		}
		lines = append(lines, runtime.Str(line))
	}
}

func stream_read(th *runtime.Thread, sv value, args []value, kwnames []string) (value, error) {
	limit, err := sizeArg(th, "read", args, kwnames)
	if err != nil {
		return value{}, err
	}
	r, err := stream(sv).reader()
	if err != nil {
		return value{}, err
	}
	var data []byte
	if limit < 0 {
		data, err = io.ReadAll(r)
	} else {
		data = make([]byte, limit)
		var n int
		n, err = io.ReadFull(r, data)
		data = data[:n]
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			err = nil
		}
	}
	if err != nil {
		return value{}, runtime.Errorf(runtime.OSError, "read from stdin failed: %v", err)
	}
	return runtime.Str(string(data)), nil
}

// Iter implements runtime.Iterable: iterating stdin yields its lines.
func (s *Stream) Iter(th *runtime.Thread) (runtime.Iterator, error) {
	if _, err := s.reader(); err != nil {
		return nil, err
	}
	return &lineIter{s: s}, nil
}

// lineIter iterates the lines of an input stream.
type lineIter struct{ s *Stream }

// Type implements runtime.Object.
func (it *lineIter) Type() *runtime.Type { return StreamType }

// Next implements runtime.Iterator.
func (it *lineIter) Next(th *runtime.Thread) (value, bool, error) {
	r, err := it.s.reader()
	if err != nil {
		return value{}, false, err
	}
	line, err := readLine(r, -1)
	if err != nil || line == "" {
		return value{}, false, err
	}
	return runtime.Str(line), true, nil
}
