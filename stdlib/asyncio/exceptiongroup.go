package asyncio

// This file defines minimal BaseExceptionGroup and ExceptionGroup types
// (message, exceptions, CPython's str) for TaskGroup, until the object
// model provides the builtin ones.

import (
	"strconv"

	"github.com/pyish/pyish/runtime"
)

// BaseExceptionGroupType and ExceptionGroupType are the builtins
// BaseExceptionGroup and ExceptionGroup (which derives from both
// BaseExceptionGroup and Exception).
var (
	BaseExceptionGroupType = runtime.NewExceptionType("BaseExceptionGroup", runtime.BaseException)
	ExceptionGroupType     = runtime.NewExceptionType("ExceptionGroup", BaseExceptionGroupType)
)

func init() {
	eg := ExceptionGroupType
	eg.Bases = []*runtime.Type{BaseExceptionGroupType, runtime.Exception_}
	eg.MRO = []*runtime.Type{eg, BaseExceptionGroupType, runtime.Exception_, runtime.BaseException, runtime.ObjectType}
	BaseExceptionGroupType.SetMembers(map[string]runtime.MemberFunc{
		"message": func(th *runtime.Thread, self runtime.Value) (runtime.Value, error) {
			if e := groupOf(self); e != nil && len(e.Args) > 0 {
				return e.Args[0], nil
			}
			return runtime.Str(""), nil
		},
		"exceptions": func(th *runtime.Thread, self runtime.Value) (runtime.Value, error) {
			return runtime.Obj(runtime.NewTuple(groupMembers(th, self))), nil
		},
	})
	BaseExceptionGroupType.Dict.SetStr("__str__", runtime.Obj(&slotFunc{name: "__str__", fn: groupStr}))
	// The object model calls only a class's own dunders (FlagHeap); the
	// group's __str__ is written in Go, so the type poses as one.
	BaseExceptionGroupType.Flags |= runtime.FlagHeap
}

// NewExceptionGroup returns BaseExceptionGroup(msg, excs): an
// ExceptionGroup when all of excs are Exceptions.
func NewExceptionGroup(msg string, excs []*runtime.Exception) *runtime.Exception {
	t := ExceptionGroupType
	items := make([]runtime.Value, len(excs))
	for i, e := range excs {
		items[i] = runtime.Obj(e)
		if !e.Matches(runtime.Exception_) {
			t = BaseExceptionGroupType
		}
	}
	return runtime.NewException(t, runtime.Str(msg), runtime.Obj(runtime.NewList(items)))
}

func groupOf(v runtime.Value) *runtime.Exception {
	e, _ := v.Object().(*runtime.Exception)
	return e
}

// groupMembers returns the sub-exceptions (the second argument).
func groupMembers(th *runtime.Thread, self runtime.Value) []runtime.Value {
	e := groupOf(self)
	if e == nil || len(e.Args) < 2 {
		return nil
	}
	items, err := runtime.ToSlice(th, e.Args[1])
	if err != nil {
		return nil
	}
	return items
}

// groupStr is BaseExceptionGroup.__str__: "msg (2 sub-exceptions)".
func groupStr(th *runtime.Thread, self runtime.Value) (runtime.Value, error) {
	e := groupOf(self)
	msg := ""
	if e != nil && len(e.Args) > 0 {
		s, err := runtime.StrOf(th, e.Args[0])
		if err != nil {
			return runtime.Value{}, err
		}
		msg = s
	}
	n := len(groupMembers(th, self))
	plural := "s"
	if n == 1 {
		plural = ""
	}
	return runtime.Str(msg + " (" + strconv.Itoa(n) + " sub-exception" + plural + ")"), nil
}

// slotFuncType is the type of slotFunc.
var slotFuncType = runtime.NewType("wrapper_descriptor", nil)

// slotFunc is a dunder method written in Go that the object model calls
// like a class's own (its __str__ of an exception, say): a Callable that
// takes self first and binds as a method.
type slotFunc struct {
	name string
	fn   func(th *runtime.Thread, self runtime.Value) (runtime.Value, error)
}

// Type implements runtime.Object.
func (s *slotFunc) Type() *runtime.Type { return slotFuncType }

// Call implements runtime.Callable: self is the first argument.
func (s *slotFunc) Call(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if len(args) != 1 || len(kwnames) > 0 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s() takes no arguments", s.name)
	}
	return s.fn(th, args[0])
}

// DescrGet implements runtime.Descriptor: bind to obj.
func (s *slotFunc) DescrGet(th *runtime.Thread, obj runtime.Value, owner *runtime.Type) (runtime.Value, error) {
	if obj.IsNull() {
		return runtime.Obj(s), nil
	}
	return runtime.NewBuiltin(s.name, func(th *runtime.Thread, args []runtime.Value, kw []string) (runtime.Value, error) {
		if len(args) > 0 {
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "%s() takes no arguments", s.name)
		}
		return s.fn(th, obj)
	}), nil
}
