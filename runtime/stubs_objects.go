package runtime

// Contract stubs for the object-model owner: each declaration here is
// replaced by a real implementation in its own file (delete it here when
// you implement it). The vm and stdlib program against these signatures.

// Type is a Python type: built-in or a class.
type Type struct {
	Name  string
	Bases []*Type
	MRO   []*Type
	Dict  *Dict
	// (the object-model owner adds fields: slots for fast dispatch, flags, …)
}

// Dict is an insertion-ordered dict.
type Dict struct{}

// List is a Python list.
type List struct{ Items []Value }

// Tuple is a Python tuple.
type Tuple struct{ Items []Value }

// Module is a module object: a name and its globals.
type Module struct {
	Name string
	Dict *Dict
}

// Exception is a raised (or raisable) exception object: an instance of
// BaseException or a subclass. It is the Go error that carries Python
// exceptions through the runtime, the vm and the embedding API.
type Exception struct {
	typ     *Type
	Args    []Value
	Cause   *Exception
	Context *Exception
	// SuppressContext is set by `raise … from …`.
	SuppressContext bool
	// Traceback lists the frames the exception passed through, innermost last.
	Traceback []TraceEntry
}

// TraceEntry is one line of a traceback.
type TraceEntry struct {
	File string
	Func string
	Line int
}

// BuiltinFunction is a function written in Go.
type BuiltinFunction struct {
	Name string
	Fn   func(th *Thread, args []Value, kwnames []string) (Value, error)
}

// Built-in types and exception classes (filled in by the object model).
var (
	IntType, FloatType, BoolType, NoneType, StrType, BytesType      *Type
	ListType, TupleType, DictType, SetType, FrozenSetType           *Type
	RangeType, SliceType, TypeType, ObjectType, ModuleType          *Type
	BaseException, Exception_, TypeError, ValueError, NameError     *Type
	AttributeError, KeyError, IndexError, ZeroDivisionError         *Type
	RuntimeError, RecursionError, StopIteration, StopAsyncIteration *Type
	UnboundLocalError, AssertionError, NotImplementedError          *Type
	OverflowError, KeyboardInterrupt, SystemExit, ImportError       *Type
	GeneratorExit, MemoryError, LookupError, ArithmeticError        *Type
)

// NotImplemented is Python's NotImplemented singleton.
var NotImplemented Value

// Errorf returns a new exception of type t with a formatted message.
func Errorf(t *Type, format string, args ...any) *Exception { panic("runtime: Errorf not implemented") }

// NewException returns a new exception of type t with the given args.
func NewException(t *Type, args ...Value) *Exception {
	panic("runtime: NewException not implemented")
}

// Truth is Python's bool(v).
func Truth(th *Thread, v Value) (bool, error) { panic("runtime: Truth not implemented") }

// Repr is Python's repr(v).
func Repr(th *Thread, v Value) (string, error) { panic("runtime: Repr not implemented") }

// StrOf is Python's str(v).
func StrOf(th *Thread, v Value) (string, error) { panic("runtime: StrOf not implemented") }

// Hash is Python's hash(v); unhashable values raise TypeError.
func Hash(th *Thread, v Value) (int64, error) { panic("runtime: Hash not implemented") }

// Equal is Python's a == b as a bool.
func Equal(th *Thread, a, b Value) (bool, error) { panic("runtime: Equal not implemented") }

// Compare is Python's rich comparison `a op b`, returning its value.
func Compare(th *Thread, op CmpOp, a, b Value) (Value, error) {
	panic("runtime: Compare not implemented")
}

// Binary is Python's `a op b`.
func Binary(th *Thread, op BinaryOp, a, b Value) (Value, error) {
	panic("runtime: Binary not implemented")
}

// InplaceBinary is Python's `a op= b` (tries __iadd__ and friends first).
func InplaceBinary(th *Thread, op BinaryOp, a, b Value) (Value, error) {
	panic("runtime: InplaceBinary not implemented")
}

// Unary is Python's -v, +v, ~v (not v is Truth).
func Unary(th *Thread, op UnaryOp, v Value) (Value, error) { panic("runtime: Unary not implemented") }

// GetAttr is Python's getattr(v, name).
func GetAttr(th *Thread, v Value, name string) (Value, error) {
	panic("runtime: GetAttr not implemented")
}

// SetAttr is Python's setattr(v, name, x).
func SetAttr(th *Thread, v Value, name string, x Value) error {
	panic("runtime: SetAttr not implemented")
}

// DelAttr is Python's delattr(v, name).
func DelAttr(th *Thread, v Value, name string) error { panic("runtime: DelAttr not implemented") }

// GetItem is Python's v[key].
func GetItem(th *Thread, v, key Value) (Value, error) { panic("runtime: GetItem not implemented") }

// SetItem is Python's v[key] = x.
func SetItem(th *Thread, v, key, x Value) error { panic("runtime: SetItem not implemented") }

// DelItem is Python's del v[key].
func DelItem(th *Thread, v, key Value) error { panic("runtime: DelItem not implemented") }

// Len is Python's len(v).
func Len(th *Thread, v Value) (int, error) { panic("runtime: Len not implemented") }

// Iter is Python's iter(v).
func Iter(th *Thread, v Value) (Iterator, error) { panic("runtime: Iter not implemented") }

// Contains is Python's `x in container`.
func Contains(th *Thread, container, x Value) (bool, error) {
	panic("runtime: Contains not implemented")
}

// Call calls fn with vectorcall-style arguments (see Callable).
func Call(th *Thread, fn Value, args []Value, kwnames []string) (Value, error) {
	panic("runtime: Call not implemented")
}

// IsInstance is Python's isinstance(v, t) for one type.
func IsInstance(v Value, t *Type) bool { panic("runtime: IsInstance not implemented") }

// IsSubtype reports whether t is s or a subclass of s.
func IsSubtype(t, s *Type) bool { panic("runtime: IsSubtype not implemented") }

// Str returns a str value.
func Str(s string) Value { panic("runtime: Str not implemented") }

// NewList returns a list holding items (not copied).
func NewList(items []Value) *List { panic("runtime: NewList not implemented") }

// NewTuple returns a tuple holding items (not copied).
func NewTuple(items []Value) *Tuple { panic("runtime: NewTuple not implemented") }

// NewDict returns an empty dict.
func NewDict() *Dict { panic("runtime: NewDict not implemented") }

// MethodFunc is the Go body of a method of a built-in type.
type MethodFunc func(th *Thread, self Value, args []Value, kwnames []string) (Value, error)

// BuiltinMethod is a Go method stored in a built-in type's dict; looking it
// up on an instance binds it. The vm calls Fn directly for obj.m(...)
// without allocating a bound method.
type BuiltinMethod struct {
	Name string
	Fn   MethodFunc
}

// NewType creates a built-in type named name with one base (nil = object)
// and an empty dict. Call it in package-level var declarations; install
// methods from init() with SetMethods to avoid initialization cycles.
func NewType(name string, base *Type) *Type { panic("runtime: NewType not implemented") }

// SetMethods installs Go methods into t's dict.
func (t *Type) SetMethods(methods map[string]MethodFunc) {
	panic("runtime: SetMethods not implemented")
}

// SetAttr stores a class attribute in t's dict.
func (t *Type) SetAttr(name string, v Value) { panic("runtime: Type.SetAttr not implemented") }

// NewModule returns an empty module named name (its dict holds __name__).
func NewModule(name string) *Module { panic("runtime: NewModule not implemented") }

// UnpackArgs binds positional and keyword arguments to the named parameters,
// like starlark's: each pair is "name" (required), "name?" (optional; the
// target keeps its value when absent), or "*name"/"**name" not supported.
// Targets are *Value, *int, *int64, *float64, *string, *bool. It raises
// CPython's TypeError messages ("f() missing required argument 'x' (pos 1)",
// "f() takes at most 2 arguments (3 given)", unexpected keyword …).
func UnpackArgs(fname string, args []Value, kwnames []string, pairs ...any) error {
	panic("runtime: UnpackArgs not implemented")
}

// ExceptionMessage returns the last line CPython prints for an uncaught
// exception: "ValueError: bad", "KeyError: 'k'", or just "StopIteration".
func ExceptionMessage(th *Thread, e *Exception) string {
	panic("runtime: ExceptionMessage not implemented")
}
