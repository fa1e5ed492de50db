package runtime

// This file defines SyntaxError's attributes (msg, filename, lineno,
// offset, text, end_lineno, end_offset, print_file_and_line) and its
// str(), "msg (file.py, line 3)", as CPython's SyntaxError_init and
// SyntaxError_str make them.

import (
	"strconv"
	"strings"
)

// syntaxFields are the attributes of a SyntaxError, in CPython's order.
var syntaxFields = [...]string{"msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"}

const (
	synMsg = iota
	synFilename
	synLineno
	synOffset
	synText
	synEndLineno
	synEndOffset
	synPrint
)

// syntaxInfo holds a SyntaxError's attributes. unknown marks those pyish's
// parser does not report for its own errors: reading one raises
// NotImplementedError rather than give a value CPython would not.
type syntaxInfo struct {
	v       [len(syntaxFields)]Value
	unknown [len(syntaxFields)]bool
}

// NewSyntaxError returns an exception of t (SyntaxError or a subclass)
// for an error pyish found in source: its message, file and line; its
// offset, text and end position are not known.
func NewSyntaxError(t *Type, msg, filename string, lineno int) *Exception {
	e := &Exception{typ: t, Args: []Value{Str(msg)}}
	s := &syntaxInfo{}
	for i := range s.v {
		s.v[i] = None
	}
	s.v[synMsg], s.v[synFilename], s.v[synLineno] = Str(msg), Str(filename), Int(int64(lineno))
	for _, i := range []int{synOffset, synText, synEndLineno, synEndOffset} {
		s.unknown[i] = true
	}
	e.syntax = s
	return e
}

// syntaxFieldsOf returns e's attributes, made from its args the first
// time (SyntaxError(msg, (filename, lineno, offset, text[, end_lineno,
// end_offset]))).
func syntaxFieldsOf(e *Exception) *syntaxInfo {
	if e.syntax != nil {
		return e.syntax
	}
	s := &syntaxInfo{}
	for i := range s.v {
		s.v[i] = None
	}
	if len(e.Args) >= 1 {
		s.v[synMsg] = e.Args[0]
	}
	if len(e.Args) == 2 {
		if t, ok := e.Args[1].o.(*Tuple); ok && len(t.Items) >= 4 && len(t.Items) <= 6 {
			copy(s.v[synFilename:], t.Items)
		}
	}
	e.syntax = s
	return s
}

// syntaxNew is SyntaxError's constructor: BaseException's, with the
// attributes taken from the args and their check as SyntaxError_init's.
func syntaxNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	v, err := excNew(th, t, args, kwnames)
	if err != nil {
		return v, err
	}
	e := selfExc(v)
	s := syntaxFieldsOf(e)
	if len(e.Args) == 2 {
		info, err := ToSlice(th, e.Args[1])
		if err != nil {
			return Value{}, err
		}
		switch n := len(info); {
		case n < 4:
			return Value{}, Errorf(TypeError, "function takes at least 4 arguments (%d given)", n)
		case n > 6:
			return Value{}, Errorf(TypeError, "function takes at most 6 arguments (%d given)", n)
		}
		copy(s.v[synFilename:], info)
	}
	return v, nil
}

func init() {
	for _, t := range []*Type{SyntaxError, IndentationError, TabError} {
		t.New = syntaxNew
	}
	members := map[string]MemberFunc{}
	for i, name := range syntaxFields {
		i, name := i, name
		members[name] = func(th *Thread, self Value) (Value, error) {
			s := syntaxFieldsOf(selfExc(self))
			if s.unknown[i] {
				return Value{}, Errorf(NotImplementedError, "pyish: the %s of a syntax error pyish reports is not available", name)
			}
			return s.v[i], nil
		}
	}
	SyntaxError.SetMembers(members)
	for i, name := range syntaxFields {
		i := i
		m, _ := SyntaxError.Dict.GetStr(name)
		m.o.(*Member).Set = func(th *Thread, self, v Value) error {
			s := syntaxFieldsOf(selfExc(self))
			if v.IsNull() {
				v = None
			}
			s.v[i], s.unknown[i] = v, false
			return nil
		}
	}
}

// syntaxErrorStr is SyntaxError.__str__: the message, with the file's
// base name and the line when they are known.
func syntaxErrorStr(th *Thread, e *Exception) (string, error) {
	s := syntaxFieldsOf(e)
	msg, err := StrOf(th, s.v[synMsg])
	if err != nil {
		return "", err
	}
	file, haveFile := AsString(s.v[synFilename])
	if haveFile {
		file = file[strings.LastIndexByte(file, '/')+1:] // CPython's my_basename
	}
	lineno := s.v[synLineno]
	haveLine := lineno.IsInt()
	switch {
	case haveFile && haveLine:
		return msg + " (" + file + ", line " + strconv.FormatInt(lineno.AsInt(), 10) + ")", nil
	case haveFile:
		return msg + " (" + file + ")", nil
	case haveLine:
		return msg + " (line " + strconv.FormatInt(lineno.AsInt(), 10) + ")", nil
	}
	return msg, nil
}

// syntaxErrorMsg is what the last line of a SyntaxError's report shows:
// str() of its msg.
func syntaxErrorMsg(th *Thread, e *Exception) (string, error) {
	return StrOf(th, syntaxFieldsOf(e).v[synMsg])
}
