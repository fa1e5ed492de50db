package vm

// This file defines function objects, bound methods and closure cells.

import (
	"fmt"
	"unsafe"

	"github.com/pyish/pyish/runtime"
)

// Function is a pyish function: compiled code plus its globals, defaults
// and closure. It is the `function` type of Python.
type Function struct {
	code       *Code
	globals    *runtime.Dict
	defaults   []runtime.Value // for the last len(defaults) positional parameters
	kwdefaults []runtime.Value // per keyword-only parameter; zero Value = required
	closure    []*Cell
	name       string
	qualname   string
	doc        runtime.Value
	module     runtime.Value
	dict       *runtime.Dict // __dict__, created on first use
	// qualBox is qualname in a box that generators made by fn share (see
	// qualnamePtr).
	qualBox *string
	// simpleArgc is the number of positional arguments a call binds
	// straight into the first locals (see simpleCall), or -1.
	simpleArgc int
	annots     *runtime.Dict // __annotations__, created on first use if the def had none
}

// Cell holds a variable shared between a function and its closures.
type Cell struct {
	v runtime.Value
}

// Method is a function bound to an instance (Python's bound method).
type Method struct {
	Self runtime.Value
	Fn   *Function
}

// Types of the objects defined by the vm.
var (
	FunctionType = runtime.NewType("function", nil)
	MethodType   = runtime.NewType("method", nil)
	CellType     = runtime.NewType("cell", nil)
)

// Type implements runtime.Object.
func (fn *Function) Type() *runtime.Type { return FunctionType }

// Type implements runtime.Object.
func (m *Method) Type() *runtime.Type { return MethodType }

// Type implements runtime.Object.
func (c *Cell) Type() *runtime.Type { return CellType }

// Code returns the function's compiled code.
func (fn *Function) Code() *Code { return fn.code }

// Name returns the function's __name__.
func (fn *Function) Name() string { return fn.name }

func addr(p unsafe.Pointer) string { return fmt.Sprintf("0x%x", uintptr(p)) }

func ptrHash(p unsafe.Pointer) int64 { return int64(uintptr(p) >> 4) }

// Repr implements runtime.HasRepr.
func (fn *Function) Repr(th *runtime.Thread) (string, error) {
	return fmt.Sprintf("<function %s at %s>", fn.qualname, addr(unsafe.Pointer(fn))), nil
}

// Hash implements runtime.HasHash (identity).
func (fn *Function) Hash(th *runtime.Thread) (int64, error) { return ptrHash(unsafe.Pointer(fn)), nil }

// Hash implements runtime.HasHash (identity).
func (c *Cell) Hash(th *runtime.Thread) (int64, error) { return ptrHash(unsafe.Pointer(c)), nil }

// Repr implements runtime.HasRepr.
func (c *Cell) Repr(th *runtime.Thread) (string, error) {
	return fmt.Sprintf("<cell at %s>", addr(unsafe.Pointer(c))), nil
}

// Call implements runtime.Callable: it runs the function in a nested run
// loop (calls from pyish code push a frame instead).
func (fn *Function) Call(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	co := fn.code
	if co.Flags&(flagGenerator|flagCoroutine|flagAsyncGen) != 0 {
		c, spare := coroutineWithFrame(co)
		f, err := fn.frameFor(th, args, kwnames, spare)
		if err != nil {
			return runtime.Value{}, err
		}
		if c != nil && f == spare {
			return c.start(f), nil
		}
		return newGenerator(f), nil
	}
	spare := co.spare
	co.spare = nil
	f, err := fn.frameFor(th, args, kwnames, spare)
	if err != nil {
		co.spare = spare
		return runtime.Value{}, err
	}
	return fn.runSpare(th, f)
}

// runSpare runs f, a plain-function frame, as an entry frame and keeps it
// as its code's spare frame afterwards: nested calls from Go (dunder
// methods, sort keys) then allocate no frame in the steady state.
func (fn *Function) runSpare(th *runtime.Thread, f *Frame) (runtime.Value, error) {
	v, err := runFrame(th, f)
	fn.code.spare = f
	return v, err
}

// CallSelf0 calls fn(self): the runtime calls dunder methods through it
// without building an argument slice.
func (fn *Function) CallSelf0(th *runtime.Thread, self runtime.Value) (runtime.Value, error) {
	if f := fn.spareFrame(1); f != nil {
		f.vals[0] = self
		return fn.runSpare(th, f)
	}
	if f := fn.simpleFrame(1); f != nil {
		f.vals[0] = self
		fn.setupCells(f)
		return fn.runSpare(th, f)
	}
	return fn.Call(th, []runtime.Value{self}, nil)
}

// CallSelf1 calls fn(self, arg) (see CallSelf0).
func (fn *Function) CallSelf1(th *runtime.Thread, self, arg runtime.Value) (runtime.Value, error) {
	if f := fn.spareFrame(2); f != nil {
		f.vals[0], f.vals[1] = self, arg
		return fn.runSpare(th, f)
	}
	if f := fn.simpleFrame(2); f != nil {
		f.vals[0], f.vals[1] = self, arg
		fn.setupCells(f)
		return fn.runSpare(th, f)
	}
	return fn.Call(th, []runtime.Value{self, arg}, nil)
}

// spareFrame is the light entry of dunder calls from Go: for a simpleCall
// of fn with n arguments, it takes its code's spare frame (see runSpare),
// which ran that code last, and resets only what a finished run of it
// leaves; the caller stores the arguments into the first n locals. nil
// when there is no spare frame or the call is not a simpleCall.
//
// The spare frame ran the same code, so code is already set, and a
// simpleCall's code has no cells or free variables, so cells stays nil.
func (fn *Function) spareFrame(n int) *Frame {
	co := fn.code
	f := co.spare
	if f == nil || fn.simpleArgc != n {
		return nil
	}
	co.spare = nil
	f.fn, f.globals = fn, fn.globals
	nloc := len(co.VarNames)
	for i := n; i < nloc; i++ {
		f.vals[i] = runtime.Value{}
	}
	f.sp, f.pc = nloc, 0
	if len(f.blocks) > 0 || f.handling != nil || f.x != nil {
		f.blocks, f.handling = f.blocks[:0], nil
		if f.x != nil {
			*f.x = frameExtra{}
		}
	}
	f.flags = 0
	return f
}

// simpleFrame returns a frame for a call with n positional arguments,
// which the caller stores into its first locals before calling
// setupCells, when fn binds them directly (plain function, positional
// parameters, n of them); else nil.
func (fn *Function) simpleFrame(n int) *Frame {
	co := fn.code
	if co.Flags&(flagSimpleArgs|flagGenerator|flagCoroutine|flagAsyncGen) != flagSimpleArgs || co.ArgCount != n {
		return nil
	}
	f := reuseFrame(co.spare, co, fn.globals)
	co.spare = nil
	f.fn = fn
	return f
}

// binaryFrame is BINARY_OP ins at sp in f (its operands x y at sp-1 and
// sp) when x and y are instances of one class whose operator method is a
// plain function: it enters the method's frame, which returns through
// binaryReturned, instead of calling it from Go in a nested run. nil when
// the operation takes the general path (as the recursion limit, step
// limits and interrupts do).
//
// Only one class is involved, so the reflected method is never tried
// (CPython's binary_op1) and NotImplemented means TypeError.
func binaryFrame(th *runtime.Thread, f *Frame, ins uint32, vals []runtime.Value, sp, pc int) *Frame {
	if Opcode(ins&0xff) != BINARY_OP || uint(th.Depth) >= uint(th.MaxDepth) || th.Checking() {
		return nil
	}
	x, y := vals[sp-1], vals[sp]
	m, ok := runtime.SameClassBinary(runtime.BinaryOp(ins>>argShift), x, y)
	if !ok {
		return nil
	}
	fn, ok := m.Ref().(*Function)
	if !ok || fn.simpleArgc != 2 {
		return nil
	}
	th.Depth++
	co := fn.code
	nf := f.child
	if nf == nil || len(nf.vals) < len(co.VarNames)+co.StackSize {
		nf = newFrame(co, fn.globals)
		f.child = nf
	} else {
		nf.resetFor(co, fn.globals)
	}
	nf.fn = fn
	nf.vals[0], nf.vals[1] = x, y
	for i := 2; i < len(co.VarNames); i++ {
		nf.vals[i] = runtime.Value{}
	}
	nf.flags |= fBinop
	f.sp, f.pc = sp+1, pc // the operands stay for binaryReturned
	nf.back = f
	return nf
}

// binaryReturned finishes in f the BINARY_OP whose method frame (see
// binaryFrame) returned v: the operands give way to v, or to the
// TypeError of an operator the class does not implement.
func binaryReturned(f *Frame, v runtime.Value) error {
	sp := f.sp - 2
	x, y := f.vals[sp], f.vals[sp+1]
	f.vals[sp], f.vals[sp+1] = runtime.Value{}, runtime.Value{}
	f.sp = sp
	if v.Is(runtime.NotImplemented) {
		return runtime.BinaryUnsupported(runtime.BinaryOp(f.code.Code[f.pc-1]>>argShift), x, y)
	}
	f.push(v)
	return nil
}

// DescrGet implements runtime.Descriptor: looked up on an instance, a
// function becomes a bound method.
func (fn *Function) DescrGet(th *runtime.Thread, obj runtime.Value, owner *runtime.Type) (runtime.Value, error) {
	if obj.IsNull() {
		return runtime.Obj(fn), nil
	}
	return runtime.Obj(&Method{Self: obj, Fn: fn}), nil
}

// getMethod is function.__get__(instance, owner=None): the method bound to
// instance, or the function itself for None.
func (fn *Function) getMethod(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if len(kwnames) > 0 || len(args) < 1 || len(args) > 2 {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "expected 1 or 2 arguments, got %d", len(args))
	}
	if args[0].IsNone() {
		return runtime.Obj(fn), nil
	}
	return runtime.Obj(&Method{Self: args[0], Fn: fn}), nil
}

// GetAttr implements runtime.HasAttrs.
func (fn *Function) GetAttr(th *runtime.Thread, name string) (runtime.Value, error) {
	switch name {
	case "__name__":
		return runtime.Str(fn.name), nil
	case "__qualname__":
		return runtime.Str(fn.qualname), nil
	case "__doc__":
		if fn.doc.IsNull() {
			return runtime.None, nil
		}
		return fn.doc, nil
	case "__module__":
		return fn.module, nil
	case "__defaults__":
		if len(fn.defaults) == 0 {
			return runtime.None, nil
		}
		return runtime.Obj(runtime.NewTuple(append([]runtime.Value(nil), fn.defaults...))), nil
	case "__dict__":
		return runtime.Obj(fn.attrDict()), nil
	case "__globals__":
		return runtime.Obj(fn.globals), nil
	case "__code__":
		return runtime.Obj(fn.code), nil
	case "__kwdefaults__":
		return fn.kwdefaultsDict(th)
	case "__closure__":
		return fn.closureTuple(), nil
	case "__annotations__":
		if fn.annots == nil {
			fn.annots = runtime.NewDict()
		}
		return runtime.Obj(fn.annots), nil
	case "__get__":
		return runtime.NewBuiltin("__get__", fn.getMethod), nil
	}
	if fn.dict != nil {
		if v, ok, err := dictGetStr(th, fn.dict, name); err != nil || ok {
			return v, err
		}
	}
	return runtime.Value{}, runtime.NoAttribute(runtime.Obj(fn), name)
}

func (fn *Function) kwdefaultsDict(th *runtime.Thread) (runtime.Value, error) {
	if len(fn.kwdefaults) == 0 {
		return runtime.None, nil
	}
	d := runtime.NewDict()
	for k, v := range fn.kwdefaults {
		if !v.IsNull() {
			if err := dictSetStr(th, d, fn.code.VarNames[fn.code.ArgCount+k], v); err != nil {
				return runtime.Value{}, err
			}
		}
	}
	return runtime.Obj(d), nil
}

// IsCoroutineFunction reports whether calling fn makes a coroutine (an
// async def without yield): asyncio.iscoroutinefunction can test it
// through an interface without importing the vm.
func (fn *Function) IsCoroutineFunction() bool { return fn.code.has(flagCoroutine) }

// IsGeneratorFunction reports whether calling fn makes a generator.
func (fn *Function) IsGeneratorFunction() bool { return fn.code.has(flagGenerator) }

func (fn *Function) attrDict() *runtime.Dict {
	if fn.dict == nil {
		fn.dict = runtime.NewDict()
	}
	return fn.dict
}

// SetAttr implements runtime.HasSetAttr.
func (fn *Function) SetAttr(th *runtime.Thread, name string, v runtime.Value) error {
	switch name {
	case "__name__", "__qualname__":
		s, ok := strValue(th, v)
		if !ok {
			return runtime.Errorf(runtime.TypeError, "%s must be set to a string object", name)
		}
		if name == "__name__" {
			fn.name = s
		} else {
			fn.qualname = s
		}
		return nil
	case "__doc__":
		fn.doc = v
		return nil
	case "__module__":
		fn.module = v
		return nil
	case "__annotations__":
		d, ok := v.Object().(*runtime.Dict)
		if !ok {
			return runtime.Errorf(runtime.TypeError, "__annotations__ must be set to a dict object")
		}
		fn.annots = d
		return nil
	case "__defaults__":
		if v.IsNone() {
			fn.defaults = nil
			return nil
		}
		t, ok := v.Object().(*runtime.Tuple)
		if !ok {
			return runtime.Errorf(runtime.TypeError, "__defaults__ must be set to a tuple object")
		}
		fn.defaults = append([]runtime.Value(nil), t.Items...)
		return nil
	}
	return dictSetStr(th, fn.attrDict(), name, v)
}

// DelAttr implements runtime.HasSetAttr.
func (fn *Function) DelAttr(th *runtime.Thread, name string) error {
	if fn.dict != nil {
		if _, ok, _ := dictGetStr(th, fn.dict, name); ok {
			return dictDelStr(th, fn.dict, name)
		}
	}
	return runtime.Errorf(runtime.AttributeError, "'function' object has no attribute '%s'", name)
}

// ---- bound methods ----

// Call implements runtime.Callable.
func (m *Method) Call(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	switch {
	case len(args) == 0 && len(kwnames) == 0:
		return m.Fn.CallSelf0(th, m.Self)
	case len(args) == 1 && len(kwnames) == 0:
		return m.Fn.CallSelf1(th, m.Self, args[0])
	}
	all := make([]runtime.Value, 0, len(args)+1)
	all = append(all, m.Self)
	all = append(all, args...)
	return m.Fn.Call(th, all, kwnames)
}

// GetAttr implements runtime.HasAttrs.
func (m *Method) GetAttr(th *runtime.Thread, name string) (runtime.Value, error) {
	switch name {
	case "__self__":
		return m.Self, nil
	case "__func__":
		return runtime.Obj(m.Fn), nil
	}
	return m.Fn.GetAttr(th, name)
}

// Repr implements runtime.HasRepr.
func (m *Method) Repr(th *runtime.Thread) (string, error) {
	r, err := runtime.Repr(th, m.Self)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("<bound method %s of %s>", m.Fn.qualname, r), nil
}

// Hash implements runtime.HasHash.
func (m *Method) Hash(th *runtime.Thread) (int64, error) {
	h, err := runtime.Hash(th, m.Self)
	if err != nil {
		h = 0
	}
	return h ^ ptrHash(unsafe.Pointer(m.Fn)), nil
}

// Compare implements runtime.HasCompare: bound methods are equal when they
// bind the same function to the same object.
func (m *Method) Compare(th *runtime.Thread, op runtime.CmpOp, other runtime.Value) (runtime.Value, error) {
	o, ok := other.Object().(*Method)
	if !ok || (op != runtime.CmpEq && op != runtime.CmpNe) {
		return runtime.NotImplemented, nil
	}
	eq := o.Fn == m.Fn && o.Self.Is(m.Self)
	return runtime.Bool(eq == (op == runtime.CmpEq)), nil
}

// ---- argument binding ----

// newFrame makes the frame of a call to fn with vectorcall arguments.
func (fn *Function) newFrame(th *runtime.Thread, args []runtime.Value, kwnames []string) (*Frame, error) {
	return fn.frameFor(th, args, kwnames, nil)
}

// frameFor is newFrame reusing old (see reuseFrame) when it is not nil.
func (fn *Function) frameFor(th *runtime.Thread, args []runtime.Value, kwnames []string, old *Frame) (*Frame, error) {
	co := fn.code
	if co.Flags&flagSimpleArgs != 0 && len(kwnames) == 0 && len(args) == co.ArgCount {
		// The arguments are the first locals: store them and clear the
		// rest in one pass (an __init__ with super() has a __class__
		// cell, so class calls come here rather than to simpleCall).
		f := simpleCallFrame(fn, args, old)
		fn.setupCells(f)
		return f, nil
	}
	f := reuseFrame(old, co, fn.globals)
	f.fn = fn
	if err := fn.bind(th, f.locals(), args, kwnames); err != nil {
		return nil, err
	}
	fn.setupCells(f)
	return f, nil
}

// qualnamePtr returns a pointer to an immutable copy of fn's current
// __qualname__, shared by the generators and coroutines fn makes.
func (fn *Function) qualnamePtr() *string {
	if fn.qualBox == nil || *fn.qualBox != fn.qualname {
		s := fn.qualname
		fn.qualBox = &s
	}
	return fn.qualBox
}

// simpleCall reports whether a call of fn with n positional arguments
// and no keywords binds them straight into its first locals: a plain
// function of n positional parameters without cells or closure.
func (fn *Function) simpleCall(n int) bool { return fn.simpleArgc == n }

// initSimpleArgc sets simpleArgc (see simpleCall) from fn's code and closure.
func (fn *Function) initSimpleArgc() {
	co := fn.code
	fn.simpleArgc = -1
	if co.Flags&(flagSimpleArgs|flagGenerator|flagCoroutine|flagAsyncGen) == flagSimpleArgs &&
		len(co.CellVars) == 0 && len(fn.closure) == 0 {
		fn.simpleArgc = co.ArgCount
	}
}

// simpleCallFrame is frameFor for a simpleCall, reusing old (see
// reuseFrame) when it is big enough.
func simpleCallFrame(fn *Function, args []runtime.Value, old *Frame) *Frame {
	co := fn.code
	n := len(co.VarNames)
	f := old
	if f == nil || len(f.vals) < n+co.StackSize {
		f = newFrame(co, fn.globals)
	} else {
		f.resetFor(co, fn.globals)
	}
	f.fn = fn
	// Element copies: cheaper than copy's typedslicecopy for a few values.
	vals := f.vals[:n]
	i := 0
	for ; i < len(args) && i < len(vals); i++ {
		vals[i] = args[i]
	}
	for ; i < len(vals); i++ {
		vals[i] = runtime.Value{}
	}
	return f
}

// setupCells creates the frame's cells and moves cell parameters into them.
func (fn *Function) setupCells(f *Frame) {
	co := fn.code
	var backing []Cell
	if len(co.CellVars) == 0 {
		// Only free variables: the frame reads the closure's cells in
		// place (nothing stores into a frame's cell slice).
		f.cells = fn.closure[:len(fn.closure):len(fn.closure)]
		return
	}
	f.cells, backing = newCells(len(co.CellVars), len(fn.closure))
	for i := range co.CellVars {
		c := &backing[i]
		if j := co.Cell2Arg[i]; j >= 0 {
			c.v = f.vals[j]
			f.vals[j] = runtime.Value{}
		}
		f.cells[i] = c
	}
	copy(f.cells[len(co.CellVars):], fn.closure)
}

// cells2 and cells4 hold the cell pointers and the new cells of a frame
// with few cells in one allocation.
type cells2 struct {
	ptrs  [2]*Cell
	cells [2]Cell
}

type cells4 struct {
	ptrs  [4]*Cell
	cells [4]Cell
}

// newCells returns a frame's cell pointers (own cells, then closure
// cells) and the backing of its own cells. The own cells share one
// allocation, and for a few cells the pointers do too: a closure then
// keeps them all alive, a few words, against an allocation per cell.
func newCells(own, free int) ([]*Cell, []Cell) {
	n := own + free
	switch {
	case own == 0:
		return make([]*Cell, n), nil
	case n <= 2:
		b := new(cells2)
		return b.ptrs[:n:n], b.cells[:own:own]
	case n <= 4:
		b := new(cells4)
		return b.ptrs[:n:n], b.cells[:own:own]
	}
	return make([]*Cell, n), make([]Cell, own)
}

func (fn *Function) bind(th *runtime.Thread, locals []runtime.Value, args []runtime.Value, kwnames []string) error {
	co := fn.code
	npos := len(args) - len(kwnames)
	slot := co.ArgCount + co.KwOnlyCount
	var kwdict *runtime.Dict
	if co.Flags&flagVarArgs != 0 {
		slot++
	}
	if co.Flags&flagVarKw != 0 {
		kwdict = runtime.NewDict()
		locals[slot] = runtime.Obj(kwdict)
	}
	n := min(npos, co.ArgCount)
	copy(locals, args[:n])
	if co.Flags&flagVarArgs != 0 {
		var rest []runtime.Value
		if npos > n {
			rest = append(rest, args[n:npos]...)
		}
		locals[co.ArgCount+co.KwOnlyCount] = runtime.Obj(runtime.NewTuple(rest))
	}
	var posAsKw []string
	for i, name := range kwnames {
		v := args[npos+i]
		j := fn.paramIndex(name)
		if j < 0 {
			if kwdict == nil {
				if fn.isPosOnly(name) {
					posAsKw = append(posAsKw, name)
					continue
				}
				return runtime.Errorf(runtime.TypeError, "%s() got an unexpected keyword argument '%s'", fn.qualname, name)
			}
			if err := dictSetStr(th, kwdict, name, v); err != nil {
				return err
			}
			continue
		}
		if !locals[j].IsNull() {
			return runtime.Errorf(runtime.TypeError, "%s() got multiple values for argument '%s'", fn.qualname, name)
		}
		locals[j] = v
	}
	if posAsKw != nil {
		return runtime.Errorf(runtime.TypeError, "%s() got some positional-only arguments passed as keyword arguments: '%s'",
			fn.qualname, joinNames(posAsKw, ", "))
	}
	if npos > co.ArgCount && co.Flags&flagVarArgs == 0 {
		return fn.tooManyPositional(npos, locals)
	}
	return fn.fillDefaults(locals, npos)
}

func (fn *Function) paramIndex(name string) int {
	co := fn.code
	for j := co.PosOnlyCount; j < co.ArgCount+co.KwOnlyCount; j++ {
		if co.VarNames[j] == name {
			return j
		}
	}
	return -1
}

func (fn *Function) isPosOnly(name string) bool {
	for j := 0; j < fn.code.PosOnlyCount; j++ {
		if fn.code.VarNames[j] == name {
			return true
		}
	}
	return false
}

func (fn *Function) fillDefaults(locals []runtime.Value, npos int) error {
	co := fn.code
	firstDefault := co.ArgCount - len(fn.defaults)
	var missing []string
	for i := npos; i < co.ArgCount; i++ {
		if !locals[i].IsNull() {
			continue
		}
		if i >= firstDefault {
			locals[i] = fn.defaults[i-firstDefault]
			continue
		}
		missing = append(missing, co.VarNames[i])
	}
	if missing != nil {
		return fn.missing(missing, "positional")
	}
	for k := 0; k < co.KwOnlyCount; k++ {
		i := co.ArgCount + k
		if !locals[i].IsNull() {
			continue
		}
		if k < len(fn.kwdefaults) && !fn.kwdefaults[k].IsNull() {
			locals[i] = fn.kwdefaults[k]
			continue
		}
		missing = append(missing, co.VarNames[i])
	}
	if missing != nil {
		return fn.missing(missing, "keyword-only")
	}
	return nil
}

func (fn *Function) missing(names []string, kind string) error {
	s := "s"
	if len(names) == 1 {
		s = ""
	}
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "'" + n + "'"
	}
	var list string
	switch len(quoted) {
	case 1:
		list = quoted[0]
	case 2:
		list = quoted[0] + " and " + quoted[1]
	default:
		list = joinNames(quoted[:len(quoted)-1], ", ") + ", and " + quoted[len(quoted)-1]
	}
	return runtime.Errorf(runtime.TypeError, "%s() missing %d required %s argument%s: %s",
		fn.qualname, len(names), kind, s, list)
}

func (fn *Function) tooManyPositional(given int, locals []runtime.Value) error {
	co := fn.code
	var takes string
	if len(fn.defaults) > 0 {
		takes = fmt.Sprintf("from %d to %d positional arguments", co.ArgCount-len(fn.defaults), co.ArgCount)
	} else {
		takes = fmt.Sprintf("%d positional argument%s", co.ArgCount, plural(co.ArgCount))
	}
	kwGiven := 0
	for k := 0; k < co.KwOnlyCount; k++ {
		if !locals[co.ArgCount+k].IsNull() {
			kwGiven++
		}
	}
	was := "were"
	if given == 1 {
		was = "was"
	}
	if kwGiven > 0 {
		return runtime.Errorf(runtime.TypeError, "%s() takes %s but %d positional argument%s (and %d keyword-only argument%s) were given",
			fn.qualname, takes, given, plural(given), kwGiven, plural(kwGiven))
	}
	return runtime.Errorf(runtime.TypeError, "%s() takes %s but %d %s given", fn.qualname, takes, given, was)
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func joinNames(names []string, sep string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += sep
		}
		s += n
	}
	return s
}

// makeFunction builds a function from code and the operands of MAKE_FUNCTION.
func makeFunction(th *runtime.Thread, co *Code, globals *runtime.Dict, operands []runtime.Value) *Function {
	fn := &Function{code: co, globals: globals, name: co.Name, qualname: co.QualName, doc: co.Doc}
	i := 0
	if co.NumDefaults > 0 {
		fn.defaults = append([]runtime.Value(nil), operands[:co.NumDefaults]...)
		i = co.NumDefaults
	}
	if len(co.KwDefaultMask) > 0 {
		fn.kwdefaults = make([]runtime.Value, len(co.KwDefaultMask))
		for k, has := range co.KwDefaultMask {
			if has {
				fn.kwdefaults[k] = operands[i]
				i++
			}
		}
	}
	if co.Annotated {
		fn.annots = operands[i].Object().(*runtime.Dict)
		i++
	}
	if n := len(co.FreeVars); n > 0 {
		fn.closure = make([]*Cell, n)
		for k := range fn.closure {
			fn.closure[k] = operands[i+k].Object().(*Cell)
		}
	}
	fn.initSimpleArgc()
	if v, ok, _ := dictGetStr(th, globals, "__name__"); ok {
		fn.module = v
	} else {
		fn.module = runtime.None
	}
	return fn
}
