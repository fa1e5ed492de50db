package runtime

// This file defines exception objects: the Go error that carries Python
// exceptions, their attributes, str/repr and the last traceback line.

import (
	"errors"
	"fmt"
	"strings"
)

// Exception is a raised (or raisable) exception object: an instance of
// BaseException or a subclass (user subclasses too). It is the Go error
// that carries Python exceptions through the runtime, the vm and the
// embedding API.
type Exception struct {
	typ     *Type
	Args    []Value
	Cause   *Exception
	Context *Exception
	// SuppressContext is set by `raise … from …`.
	SuppressContext bool
	// Traceback lists the frames the exception passed through, outermost first.
	Traceback []TraceEntry

	dict *Dict // instance attributes (created on first use)
	// members is an exception group's exceptions tuple; Args[1] keeps the
	// sequence the group was made from, as CPython's args does.
	members *Tuple
	// scope is what a NameError's "Did you mean" hint searches (nil: none).
	scope *NameScope
	// syntax holds a SyntaxError's attributes (see syntaxerror.go).
	syntax *syntaxInfo
	// fields holds the writable members of some exception types
	// (AttributeError.name and .obj, NameError.name, StopIteration.value),
	// which CPython keeps out of the instance __dict__.
	fields map[string]Value
}

// Field returns the member name set on e (see SetField).
func (e *Exception) Field(name string) (Value, bool) {
	v, ok := e.fields[name]
	return v, ok
}

// SetField sets a member of e that lives outside its __dict__, such as
// AttributeError.name.
func (e *Exception) SetField(name string, v Value) {
	if e.fields == nil {
		e.fields = map[string]Value{}
	}
	e.fields[name] = v
}

// TraceEntry is one line of a traceback.
type TraceEntry struct {
	File string
	Func string
	Line int
	// Col, EndLine and EndCol complete the span of the expression that
	// was running (1-based columns in characters, the end just past it),
	// which the report underlines; Col is 0 when it is unknown.
	Col, EndLine, EndCol int32
}

// sameLine reports whether e and o name the same line of the same
// function, which is when CPython counts a traceback line as repeated.
func (e TraceEntry) sameLine(o TraceEntry) bool {
	return e.File == o.File && e.Line == o.Line && e.Func == o.Func
}

// NewException returns a new exception of type t with the given args.
func NewException(t *Type, args ...Value) *Exception {
	return &Exception{typ: t, Args: args}
}

// Errorf returns a new exception of type t with a formatted message.
func Errorf(t *Type, format string, args ...any) *Exception {
	return &Exception{typ: t, Args: []Value{Str(fmt.Sprintf(format, args...))}}
}

// Type implements Object.
func (e *Exception) Type() *Type { return e.typ }

// Error implements error: the last line of CPython's traceback.
func (e *Exception) Error() string { return ExceptionMessage(NewThread(), e) }

// Matches reports whether e is an instance of t (except t:).
func (e *Exception) Matches(t *Type) bool { return IsSubtype(e.typ, t) }

// AsException converts any Go error to an exception: an *Exception (also
// wrapped) is returned as is, any other error becomes a RuntimeError.
func AsException(err error) *Exception {
	if err == nil {
		return nil
	}
	var e *Exception
	if errors.As(err, &e) {
		return e
	}
	return Errorf(RuntimeError, "%s", err.Error())
}

// Attrs returns the exception's attribute dict, creating it.
func (e *Exception) Attrs() *Dict {
	if e.dict == nil {
		e.dict = NewDict()
	}
	return e.dict
}

// Message returns str(e) (its message without the type name).
func (e *Exception) Message(th *Thread) (string, error) { return StrOf(th, Obj(e)) }

// ExceptionMessage returns the last line CPython prints for an uncaught
// exception: "ValueError: bad", "KeyError: 'k'", or just "StopIteration".
// Types outside builtins and __main__ are qualified by their module.
func ExceptionMessage(th *Thread, e *Exception) string {
	name := e.typ.Qualname
	if m := e.typ.ModuleName(); m != "builtins" && m != "__main__" {
		name = m + "." + name
	}
	var s string
	var err error
	if IsSubtype(e.typ, SyntaxError) {
		s, err = syntaxErrorMsg(th, e) // CPython prints msg, not str()
	} else {
		s, err = StrOf(th, Obj(e))
	}
	if err != nil {
		s = "<exception str() failed>"
	}
	if s == "" {
		return name
	}
	return name + ": " + s
}

// excStr is BaseException.__str__.
func excStr(th *Thread, e *Exception) (string, error) {
	if IsSubtype(e.typ, KeyError) && len(e.Args) == 1 {
		return Repr(th, e.Args[0])
	}
	switch len(e.Args) {
	case 0:
		return "", nil
	case 1:
		return StrOf(th, e.Args[0])
	}
	return Repr(th, Obj(NewTuple(e.Args)))
}

// excRepr is BaseException.__repr__: ValueError('x'), KeyError('a', 'b').
func excRepr(th *Thread, e *Exception) (string, error) {
	var b strings.Builder
	b.WriteString(e.typ.Name)
	if len(e.Args) == 1 {
		r, err := Repr(th, e.Args[0])
		if err != nil {
			return "", err
		}
		b.WriteString("(" + r + ")")
		return b.String(), nil
	}
	r, err := Repr(th, Obj(NewTuple(e.Args)))
	if err != nil {
		return "", err
	}
	b.WriteString(r)
	return b.String(), nil
}

// Exception attribute access goes through the class (data descriptors
// for args, __cause__, … live in BaseException's dict), then the
// instance dict, like instances of classes.

// GetAttr implements HasAttrs.
func (e *Exception) GetAttr(th *Thread, name string) (Value, error) {
	return instanceGetAttr(th, Obj(e), e.dict, name)
}

// SetAttr implements HasSetAttr.
func (e *Exception) SetAttr(th *Thread, name string, v Value) error {
	if m, ok := userSlot(e.typ, "__setattr__"); ok {
		_, err := callSlot(th, m, Obj(e), Str(name), v)
		return err
	}
	return genericSetAttr(th, Obj(e), e.Attrs(), name, v)
}

// DelAttr implements HasSetAttr.
func (e *Exception) DelAttr(th *Thread, name string) error {
	return genericSetAttr(th, Obj(e), e.Attrs(), name, Value{})
}

// Repr implements HasRepr (a class's __repr__, else BaseException's).
func (e *Exception) Repr(th *Thread) (string, error) {
	if _, ok := userSlot(e.typ, "__repr__"); ok {
		return reprSlot(th, Obj(e))
	}
	return excRepr(th, e)
}

// Str implements HasStr (a class's __str__, else BaseException's).
func (e *Exception) Str(th *Thread) (string, error) {
	r, ok, err := callUserSlot(th, Obj(e), "__str__")
	if err != nil {
		return "", err
	}
	if !ok {
		return e.builtinStr(th)
	}
	s, isStr := AsString(r)
	if !isStr {
		return "", Errorf(TypeError, "__str__ returned non-string (type %s)", r.Type().Name)
	}
	return s, nil
}

// builtinStr is the __str__ of the built-in exception types.
func (e *Exception) builtinStr(th *Thread) (string, error) {
	if IsSubtype(e.typ, OSError) && len(e.Args) >= 2 {
		return osErrorStr(th, e)
	}
	if IsSubtype(e.typ, BaseExceptionGroup) && len(e.Args) == 2 {
		return groupStr(th, e)
	}
	if IsSubtype(e.typ, SyntaxError) {
		return syntaxErrorStr(th, e)
	}
	return excStr(th, e)
}

func osErrorStr(th *Thread, e *Exception) (string, error) {
	errno, err := StrOf(th, e.Args[0])
	if err != nil {
		return "", err
	}
	msg, err := StrOf(th, e.Args[1])
	if err != nil {
		return "", err
	}
	s := "[Errno " + errno + "] " + msg
	if len(e.Args) >= 3 {
		f, err := Repr(th, e.Args[2])
		if err != nil {
			return "", err
		}
		s += ": " + f
	}
	return s, nil
}

// Hash implements HasHash (identity).
func (e *Exception) Hash(th *Thread) (int64, error) { return hashSlot(th, Obj(e)) }

// Compare implements HasCompare (a class's comparisons, else identity).
func (e *Exception) Compare(th *Thread, op CmpOp, other Value) (Value, error) {
	return compareSlot(th, Obj(e), op, other)
}

// excNew is BaseException.__new__: the instance, with the positional args.
func excNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	pos := args[:len(args)-len(kwnames)]
	if len(kwnames) > 0 && t.Flags&FlagHeap == 0 {
		return Value{}, Errorf(TypeError, "%s() takes no keyword arguments", t.Name)
	}
	return Obj(&Exception{typ: t, Args: append([]Value(nil), pos...)}), nil
}

func selfExc(self Value) *Exception { return self.o.(*Exception) }

func excOrNone(e *Exception) Value {
	if e == nil {
		return None
	}
	return Obj(e)
}

// setExcLink validates the value of __cause__ or __context__.
func setExcLink(v Value, what string) (*Exception, error) {
	if v.IsNone() {
		return nil, nil
	}
	if e, ok := v.o.(*Exception); ok {
		return e, nil
	}
	if v.IsNull() {
		return nil, Errorf(TypeError, "%s may not be deleted", what)
	}
	return nil, Errorf(TypeError, "exception %s must be None or derive from BaseException", what)
}

func exceptionInit() {
	BaseException.New = excNew
	b := BaseException
	member := func(name string, get MemberFunc, set func(th *Thread, self, v Value) error) {
		b.Dict.SetStr(name, Obj(&Member{Name: name, Get: get, Set: set, Owner: b}))
	}
	member("args", func(th *Thread, self Value) (Value, error) {
		return Obj(NewTuple(append([]Value(nil), selfExc(self).Args...))), nil
	}, func(th *Thread, self, v Value) error {
		if v.IsNull() {
			return Errorf(TypeError, "args may not be deleted")
		}
		items, err := ToSlice(th, v)
		selfExc(self).Args = items
		return err
	})
	member("__cause__", func(th *Thread, self Value) (Value, error) {
		return excOrNone(selfExc(self).Cause), nil
	}, func(th *Thread, self, v Value) error {
		c, err := setExcLink(v, "cause")
		if err == nil {
			selfExc(self).Cause = c
			selfExc(self).SuppressContext = true
		}
		return err
	})
	member("__context__", func(th *Thread, self Value) (Value, error) {
		return excOrNone(selfExc(self).Context), nil
	}, func(th *Thread, self, v Value) error {
		c, err := setExcLink(v, "context")
		if err == nil {
			selfExc(self).Context = c
		}
		return err
	})
	member("__suppress_context__", func(th *Thread, self Value) (Value, error) {
		return Bool(selfExc(self).SuppressContext), nil
	}, func(th *Thread, self, v Value) error {
		t, err := Truth(th, v)
		selfExc(self).SuppressContext = t
		return err
	})
	member("__traceback__", func(th *Thread, self Value) (Value, error) {
		return newTraceback(selfExc(self).Traceback), nil
	}, func(th *Thread, self, v Value) error { return setTraceback(selfExc(self), v) })
	member("__dict__", func(th *Thread, self Value) (Value, error) {
		return Obj(selfExc(self).Attrs()), nil
	}, nil)
	b.SetMethods(map[string]MethodFunc{
		"__init__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			e := selfExc(self)
			if len(kwnames) > 0 {
				return Value{}, Errorf(TypeError, "%s() takes no keyword arguments", e.typ.Name)
			}
			e.Args = append([]Value(nil), args...)
			return None, nil
		},
		"__str__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s, err := selfExc(self).builtinStr(th)
			return Str(s), err
		},
		"__repr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s, err := excRepr(th, selfExc(self))
			return Str(s), err
		},
		"with_traceback": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			var tb Value
			if err := UnpackArgs("with_traceback", args, kwnames, "tb", &tb); err != nil {
				return Value{}, err
			}
			return self, setTraceback(selfExc(self), tb)
		},
		"add_note": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			var note Value
			if err := UnpackArgs("add_note", args, kwnames, "note", &note); err != nil {
				return Value{}, err
			}
			if _, ok := AsString(note); !ok {
				return Value{}, Errorf(TypeError, "note must be a str, not '%s'", note.Type().Name)
			}
			d := selfExc(self).Attrs()
			notes, ok := d.GetStr("__notes__")
			if !ok {
				notes = Obj(NewList(nil))
				d.SetStr("__notes__", notes)
			}
			if l, ok := notes.o.(*List); ok {
				l.Items = append(l.Items, note)
			}
			return None, nil
		},
	})
	argAt := func(i int) MemberFunc {
		return func(th *Thread, self Value) (Value, error) {
			if a := selfExc(self).Args; len(a) > i {
				return a[i], nil
			}
			return None, nil
		}
	}
	// Writable members: a field once set, else the default from args.
	field := func(owner *Type, name string, dflt MemberFunc) {
		owner.Dict.SetStr(name, Obj(&Member{Name: name, Owner: owner,
			Get: func(th *Thread, self Value) (Value, error) {
				if v, ok := selfExc(self).Field(name); ok {
					return v, nil
				}
				return dflt(th, self)
			},
			Set: func(th *Thread, self, v Value) error {
				if v.IsNull() {
					v = None // del e.value leaves None, as CPython's member does
				}
				selfExc(self).SetField(name, v)
				return nil
			}}))
	}
	none := func(th *Thread, self Value) (Value, error) { return None, nil }
	field(StopIteration, "value", argAt(0))
	field(AttributeError, "name", none)
	field(AttributeError, "obj", none)
	field(NameError, "name", none)
	SystemExit.SetMembers(map[string]MemberFunc{"code": argAt(0)})
	OSError.SetMembers(map[string]MemberFunc{"errno": argAt(0), "strerror": argAt(1), "filename": argAt(2)})
	KeyError.SetMethods(map[string]MethodFunc{
		"__str__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			s, err := excStr(th, selfExc(self))
			return Str(s), err
		},
	})
}
