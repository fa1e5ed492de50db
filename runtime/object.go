package runtime

// Object is any heap value of pyish.
type Object interface {
	Type() *Type
}

// Callable is an object that can be called: builtins, types, bound methods,
// and the vm's functions. Calls use the vectorcall shape: the keyword
// arguments' values are the last len(kwnames) entries of args, named in
// order by kwnames. Callees must not keep or modify args.
type Callable interface {
	Object
	Call(th *Thread, args []Value, kwnames []string) (Value, error)
}

// Descriptor is an object found on a type that computes the attribute when
// looked up (functions bind to methods, property, classmethod, …).
// obj is the zero Value when the attribute is looked up on the type itself.
type Descriptor interface {
	DescrGet(th *Thread, obj Value, owner *Type) (Value, error)
}

// DataDescriptor is a Descriptor that also controls assignment and
// deletion; it takes precedence over the instance dict.
type DataDescriptor interface {
	Descriptor
	DescrSet(th *Thread, obj Value, v Value) error
	DescrDelete(th *Thread, obj Value) error
}

// Iterator is a Python iterator. Next returns ok == false when exhausted.
type Iterator interface {
	Object
	Next(th *Thread) (v Value, ok bool, err error)
}

// Returner is an iterator that can finish with a value (a generator's
// return value): NextOrStop is next(it), raising StopIteration(value) when
// it finishes, where Next would drop the value.
type Returner interface {
	Iterator
	NextOrStop(th *Thread) (Value, error)
}

// Coroutine is something a Task can step: a pyish coroutine (from the vm) or
// one written in Go (asyncio.sleep). Resume runs it until it suspends or
// ends. If exc is non-nil it is thrown in at the suspension point, else send
// is the value of that point (None on the first resume).
//   - suspended: (yielded, false, nil); yielded is the Waitable it waits on,
//     or None for a bare yield (sleep(0)), to be resumed on the next turn;
//   - returned: (result, true, nil);
//   - raised: (zero, true, err).
type Coroutine interface {
	Object
	Resume(th *Thread, send Value, exc *Exception) (v Value, done bool, err error)
	Close(th *Thread) error
}

// Waitable is a Go awaitable that completes later: Future and Task. `await
// w` suspends the awaiting task until w is done, then takes its result.
type Waitable interface {
	Object
	Done() bool
	// Result returns the result, or the exception (*Exception) it raised.
	Result(th *Thread) (Value, error)
	// AddDoneCallback runs fn on the loop once w is done (soon, if it is).
	AddDoneCallback(fn func())
}

// Capability interfaces. Central functions (Repr, Hash, Binary, …) use them
// for heap objects; instances of pyish classes implement them by looking up
// dunder methods. A method that does not support its operand returns the
// NotImplemented value, as in Python.

// HasRepr objects have a repr().
type HasRepr interface {
	Repr(th *Thread) (string, error)
}

// HasStr objects have a str() that differs from repr().
type HasStr interface {
	Str(th *Thread) (string, error)
}

// HasHash objects are hashable. Unhashable types do not implement it.
type HasHash interface {
	Hash(th *Thread) (int64, error)
}

// HasTruth objects decide their own truth value (else: non-empty by HasLen, or true).
type HasTruth interface {
	Truth(th *Thread) (bool, error)
}

// HasLen objects have a len().
type HasLen interface {
	Len(th *Thread) (int, error)
}

// HasBinary objects implement binary operators. right is true when the
// object is the right operand (__radd__ and friends).
type HasBinary interface {
	Binary(th *Thread, op BinaryOp, other Value, right bool) (Value, error)
}

// HasUnary objects implement unary - + ~.
type HasUnary interface {
	Unary(th *Thread, op UnaryOp) (Value, error)
}

// HasCompare objects implement rich comparison (==, !=, <, <=, >, >=).
type HasCompare interface {
	Compare(th *Thread, op CmpOp, other Value) (Value, error)
}

// HasGetItem objects support v[key].
type HasGetItem interface {
	GetItem(th *Thread, key Value) (Value, error)
}

// HasSetItem objects support v[key] = x and del v[key].
type HasSetItem interface {
	SetItem(th *Thread, key, x Value) error
	DelItem(th *Thread, key Value) error
}

// HasContains objects implement `in`.
type HasContains interface {
	Contains(th *Thread, x Value) (bool, error)
}

// Iterable objects can make an iterator.
type Iterable interface {
	Iter(th *Thread) (Iterator, error)
}

// HasAttrs objects resolve their own attributes (modules, instances with a
// dict, exceptions). Types without it use the generic lookup on their type.
type HasAttrs interface {
	GetAttr(th *Thread, name string) (Value, error)
}

// HasSetAttr objects accept attribute assignment and deletion.
type HasSetAttr interface {
	SetAttr(th *Thread, name string, v Value) error
	DelAttr(th *Thread, name string) error
}

// BinaryOp is a binary operator, in the order of ast.Operator so the vm can
// convert by a cast.
type BinaryOp uint8

// Binary operators.
const (
	OpAdd BinaryOp = iota
	OpSub
	OpMul
	OpMatMul
	OpDiv
	OpMod
	OpPow
	OpLShift
	OpRShift
	OpOr
	OpXor
	OpAnd
	OpFloorDiv
)

// UnaryOp is a unary operator, in the order of ast.UnaryOperator.
type UnaryOp uint8

// Unary operators (OpNot is handled by Truth, never dispatched).
const (
	OpInvert UnaryOp = iota
	OpNot
	OpPos
	OpNeg
)

// CmpOp is a rich comparison, in the order of ast.CmpOperator (only the
// first six are rich comparisons; is/in are separate functions).
type CmpOp uint8

// Comparison operators.
const (
	CmpEq CmpOp = iota
	CmpNe
	CmpLt
	CmpLe
	CmpGt
	CmpGe
)
