package vm

// This file defines compiled code objects, compile modes and compile errors.

import (
	"fmt"
	"sort"

	"github.com/pyish/pyish/ast"

	"github.com/pyish/pyish/runtime"
)

// Mode selects how a module is compiled.
type Mode int

// Compile modes.
const (
	// ModeFile compiles a script or module.
	ModeFile Mode = iota
	// ModeInteractive compiles REPL input: top-level await, async for and
	// async with are allowed, and each top-level expression statement's
	// value is echoed (see PRINT_EXPR in Run's documentation).
	ModeInteractive
	// ModeExec compiles the source of exec() and compile(…, 'exec'): a
	// file whose module-level names go through LOAD_NAME/STORE_NAME, as
	// CPython compiles every module, so that it can run with a locals
	// mapping apart from its globals (see RunWithLocals).
	ModeExec
	// ModeEval compiles eval() input: a module whose body is one
	// expression statement, whose value the code returns. Names are
	// reached as in ModeExec.
	ModeEval
	// ModeSingle compiles compile(…, 'single'): as ModeExec, but the
	// value of each module-level expression statement that is not None
	// is shown through sys.displayhook, as CPython's interactive loop
	// shows it.
	ModeSingle
)

// moduleNames reports whether module-level names of code compiled in m
// are namespace names (LOAD_NAME), not globals (LOAD_GLOBAL).
func (m Mode) moduleNames() bool { return m >= ModeExec }

// echoes reports whether module-level expression statements compiled in
// m show their values (PRINT_EXPR).
func (m Mode) echoes() bool { return m == ModeInteractive || m == ModeSingle }

// Code flags.
const (
	flagVarArgs           = 1 << iota // has *args
	flagVarKw                         // has **kwargs
	flagGenerator                     // body contains yield
	flagCoroutine                     // async def
	flagAsyncGen                      // async def with yield
	flagClassBody                     // a class body (names in a namespace dict)
	flagModule                        // a module body
	flagSimpleArgs                    // positional parameters only, no cells among them
	flagModuleNames                   // a module body whose names are LOAD_NAME/STORE_NAME (Mode.moduleNames)
	flagModuleAnnotations             // a module body that sets up __annotations__
)

// Code is a compiled function, class or module body.
type Code struct {
	Name      string
	QualName  string
	Filename  string
	FirstLine int
	Doc       runtime.Value // docstring or the zero Value

	Code     []uint32        // instructions: opcode | arg<<8
	Consts   []runtime.Value // constants
	Names    []string        // attribute and global names
	NameVals []runtime.Value // Names as str values (dict keys)
	KwNames  [][]string      // keyword-name lists of CALL_KW
	Codes    []*Code         // nested function bodies

	VarNames []string // local slots: parameters first
	CellVars []string // cells owned by this frame
	FreeVars []string // cells received through the closure
	Cell2Arg []int    // for each cell var: the parameter slot it starts from, or -1

	ArgCount      int // positional parameters (including positional-only)
	PosOnlyCount  int
	KwOnlyCount   int
	NumDefaults   int    // defaults on the stack at MAKE_FUNCTION
	KwDefaultMask []bool // which keyword-only parameters have a default
	Annotated     bool   // an __annotations__ dict follows the defaults at MAKE_FUNCTION
	MakeOperands  int    // values MAKE_FUNCTION pops: defaults, annotations, closure cells
	Flags         int
	StackSize     int

	spans []spanEntry // the location table, sorted by pc: lines and what tracebacks underline

	// globalCaches are LOAD_GLOBAL's inline caches, one per name (made
	// on first use).
	globalCaches []globalCache
	// methodCaches are LOAD_METHOD's caches for built-in types, one per
	// instruction (made on first use).
	methodCaches []methodCache
	// moduleCaches are the caches of LOAD_ATTR and LOAD_METHOD on
	// modules, one per instruction (made on first use; see moduleAttrAt).
	moduleCaches []moduleCache
	// attrCaches are the attribute caches of LOAD_ATTR, STORE_ATTR and
	// LOAD_METHOD on instances of classes, one per instruction (made on
	// first use; see attrcache.go).
	attrCaches []*runtime.AttrCache
	// spare is a finished frame of this code that Function.Call reuses.
	spare *Frame

	// ownVars and ownCells count the slots of the code's own variables;
	// the VarNames and CellVars after them are the hidden variables of
	// the comprehensions inlined into it (PEP 709), which locals() shows
	// only inside their comprehension: compViews[k-1] lists those a
	// SCOPE_CALL with view k sees.
	ownVars, ownCells int
	compViews         []compView
}

// compView lists the hidden local slots and cells that locals() sees at
// a point inside inlined comprehensions.
type compView struct {
	vars, cells []int
}

// spanEntry says that instructions from pc on belong to the expression or
// statement that spans pos, as CPython's location table says which node an
// instruction evaluates: pos.Line is their line, and a span without an
// end underlines nothing.
type spanEntry struct {
	pc  int32
	pos ast.Pos
}

// Span returns the source span of the instruction at pc: the zero Pos
// when it is unknown.
func (c *Code) Span(pc int) ast.Pos {
	i := sort.Search(len(c.spans), func(i int) bool { return int(c.spans[i].pc) > pc })
	if i == 0 {
		return ast.Pos{}
	}
	return c.spans[i-1].pos
}

// Line returns the source line of the instruction at pc.
func (c *Code) Line(pc int) int { return c.lineOf(c.Span(pc)) }

// lineOf is the line of an instruction whose span is sp.
func (c *Code) lineOf(sp ast.Pos) int {
	if sp.Line > 0 {
		return int(sp.Line)
	}
	return c.FirstLine
}

// String names the code for debugging.
func (c *Code) String() string { return fmt.Sprintf("<code %s>", c.QualName) }

func (c *Code) has(flag int) bool { return c.Flags&flag != 0 }

// Disassemble returns a readable listing of the code (for tests and debugging).
func (c *Code) Disassemble() string {
	s := ""
	for pc, ins := range c.Code {
		op, arg := Opcode(ins&0xff), ins>>argShift
		s += fmt.Sprintf("%4d %4d %-20s %d", c.Line(pc), pc, op, arg)
		switch op {
		case LOAD_GLOBAL, STORE_GLOBAL, LOAD_NAME, STORE_NAME, LOAD_ATTR, STORE_ATTR, LOAD_METHOD, LOAD_SUPER_METHOD:
			s += " (" + c.Names[arg] + ")"
		case LOAD_FAST, STORE_FAST:
			s += " (" + c.VarNames[arg] + ")"
		}
		s += "\n"
	}
	return s
}

// CompileError is a syntax error found by the compiler.
type CompileError struct {
	Filename string
	Line     int
	Col      int
	// EndLine and EndCol end the span of the offending node (0: one caret).
	EndLine, EndCol int
	Kind            string // "SyntaxError"
	Msg             string
}

// Error formats the error like the last line CPython prints.
// InternalError is a bug in the compiler, reported as an error rather
// than a panic so that it never crashes the host program.
type InternalError struct {
	Filename string
	Detail   string
}

func (e *InternalError) Error() string {
	return "internal compiler error in " + e.Filename + ": " + e.Detail
}

func (e *CompileError) Error() string {
	return fmt.Sprintf("%s: %s (%s, line %d)", e.Kind, e.Msg, e.Filename, e.Line)
}

// CodeType is the type of code objects (a function's __code__).
var CodeType = runtime.NewType("code", nil)

// Type implements runtime.Object.
func (c *Code) Type() *runtime.Type { return CodeType }

// CPython's co_flags bits, for code that inspects __code__.co_flags.
const (
	coVarArgs        = 0x04
	coVarKeywords    = 0x08
	coGenerator      = 0x20
	coCoroutine      = 0x80
	coAsyncGenerator = 0x200
)

// CoFlags returns CPython's co_flags for c.
func (c *Code) CoFlags() int64 {
	var f int64
	for _, m := range []struct {
		ours   int
		python int64
	}{{flagVarArgs, coVarArgs}, {flagVarKw, coVarKeywords}, {flagGenerator, coGenerator},
		{flagCoroutine, coCoroutine}, {flagAsyncGen, coAsyncGenerator}} {
		if c.Flags&m.ours != 0 {
			f |= m.python
		}
	}
	return f
}

// GetAttr implements runtime.HasAttrs for the co_* attributes.
func (c *Code) GetAttr(th *runtime.Thread, name string) (runtime.Value, error) {
	switch name {
	case "co_name":
		return runtime.Str(c.Name), nil
	case "co_qualname":
		return runtime.Str(c.QualName), nil
	case "co_filename":
		return runtime.Str(c.Filename), nil
	case "co_firstlineno":
		return runtime.Int(int64(c.firstLineNo())), nil
	case "co_flags":
		return runtime.Int(c.CoFlags()), nil
	case "co_argcount":
		return runtime.Int(int64(c.ArgCount)), nil
	case "co_posonlyargcount":
		return runtime.Int(int64(c.PosOnlyCount)), nil
	case "co_kwonlyargcount":
		return runtime.Int(int64(c.KwOnlyCount)), nil
	case "co_nlocals":
		return runtime.Int(int64(len(c.VarNames))), nil
	case "co_varnames":
		items := make([]runtime.Value, len(c.VarNames))
		for i, n := range c.VarNames {
			items[i] = runtime.Str(n)
		}
		return runtime.Obj(runtime.NewTuple(items)), nil
	}
	return runtime.Value{}, runtime.Errorf(runtime.AttributeError, "'code' object has no attribute '%s'", name)
}
