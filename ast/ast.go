package ast

import "math/big"

// Pos is a compact source span: where a node starts, 1-based line and
// 1-based column (in runes), and where it ends, the line and column just
// past its last character (EndLine 0 when the parser did not record it).
// The file name is held once by the Module. Tracebacks underline the span
// of the expression that failed, as CPython 3.11+ does.
type Pos struct {
	Line    int32
	Col     int32
	EndLine int32
	EndCol  int32
}

// Position returns p itself; it lets every node satisfy Node.
func (p Pos) Position() Pos { return p }

// Start is p without its end: the point where the node begins.
func (p Pos) Start() Pos { return Pos{Line: p.Line, Col: p.Col} }

// SetEnd records where the node ends (the line and column just past it).
func (p *Pos) SetEnd(line, col int32) { p.EndLine, p.EndCol = line, col }

// HasEnd reports whether the end of the span was recorded.
func (p Pos) HasEnd() bool { return p.EndLine > 0 }

// IsValid reports whether the position was set.
func (p Pos) IsValid() bool { return p.Line > 0 }

// Node is any node of the tree.
type Node interface{ Position() Pos }

// Stmt is a statement node.
type Stmt interface {
	Node
	stmtNode()
}

// Expr is an expression node.
type Expr interface {
	Node
	exprNode()
}

// Module is a whole parsed file or REPL input.
type Module struct {
	Filename string
	Body     []Stmt
}

// ---- statements ----

// FunctionDef is `def` or `async def`.
type FunctionDef struct {
	Pos
	Name       string
	Args       *Arguments
	Body       []Stmt
	Decorators []Expr
	Returns    Expr // annotation or nil
	IsAsync    bool
}

// ClassDef is a class statement.
type ClassDef struct {
	Pos
	Name       string
	Bases      []Expr
	Keywords   []*Keyword // metaclass=… and friends
	Body       []Stmt
	Decorators []Expr
}

// Return is `return [value]`.
type Return struct {
	Pos
	Value Expr // nil for a bare return
}

// Delete is `del a, b[i], c.x`.
type Delete struct {
	Pos
	Targets []Expr
}

// Assign is `t1 = t2 = value`; Targets has one entry per `=`.
type Assign struct {
	Pos
	Targets []Expr
	Value   Expr
}

// AugAssign is `target op= value`.
type AugAssign struct {
	Pos
	Target Expr
	Op     Operator
	Value  Expr
}

// AnnAssign is `target: annotation [= value]`.
type AnnAssign struct {
	Pos
	Target     Expr
	Annotation Expr
	Value      Expr // nil when there is no `=`
	Simple     bool // target is a bare name, not in parentheses
}

// For is `[async] for target in iter: body else: orelse`.
type For struct {
	Pos
	Target  Expr
	Iter    Expr
	Body    []Stmt
	Orelse  []Stmt
	IsAsync bool
}

// While is `while test: body else: orelse`.
type While struct {
	Pos
	Test   Expr
	Body   []Stmt
	Orelse []Stmt
}

// If is `if test: body` with elif chains nested in Orelse.
type If struct {
	Pos
	Test   Expr
	Body   []Stmt
	Orelse []Stmt
}

// With is `[async] with a as x, b: body`.
type With struct {
	Pos
	Items   []*WithItem
	Body    []Stmt
	IsAsync bool
}

// WithItem is one `expr [as target]` of a with statement.
type WithItem struct {
	ContextExpr  Expr
	OptionalVars Expr // nil when there is no `as`
}

// Raise is `raise [exc [from cause]]`.
type Raise struct {
	Pos
	Exc   Expr // nil for a bare re-raise
	Cause Expr // nil without `from`
}

// Try is try/except/else/finally.
type Try struct {
	Pos
	Body      []Stmt
	Handlers  []*ExceptHandler
	Orelse    []Stmt
	Finalbody []Stmt
	IsStar    bool // try/except* (PEP 654)
}

// ExceptHandler is one `except [type [as name]]:` clause.
type ExceptHandler struct {
	Pos
	Type Expr   // nil for a bare except
	Name string // "" without `as`
	Body []Stmt
}

// Assert is `assert test [, msg]`.
type Assert struct {
	Pos
	Test Expr
	Msg  Expr
}

// Import is `import a.b as c, d`.
type Import struct {
	Pos
	Names []*Alias
}

// ImportFrom is `from module import a as b, c` (Names[0].Name == "*" for a star import).
type ImportFrom struct {
	Pos
	Module string
	Names  []*Alias
	Level  int // leading dots
}

// Alias is `name [as asname]` in an import.
type Alias struct {
	Pos
	Name   string
	AsName string // "" without `as`
}

// Global is `global a, b`.
type Global struct {
	Pos
	Names []string
}

// Nonlocal is `nonlocal a, b`.
type Nonlocal struct {
	Pos
	Names []string
}

// ExprStmt is an expression used as a statement.
type ExprStmt struct {
	Pos
	Value Expr
}

// Pass is `pass`.
type Pass struct{ Pos }

// Break is `break`.
type Break struct{ Pos }

// Continue is `continue`.
type Continue struct{ Pos }

// ---- expressions ----

// BoolOp is `a and b and c` or `a or b`.
type BoolOp struct {
	Pos
	Op     BoolOperator
	Values []Expr
}

// NamedExpr is the walrus `target := value`.
type NamedExpr struct {
	Pos
	Target *Name
	Value  Expr
}

// BinOp is `left op right`.
type BinOp struct {
	Pos
	Left  Expr
	Op    Operator
	Right Expr
}

// UnaryOp is `op operand`.
type UnaryOp struct {
	Pos
	Op      UnaryOperator
	Operand Expr
}

// Lambda is `lambda args: body`.
type Lambda struct {
	Pos
	Args *Arguments
	Body Expr
}

// IfExp is `body if test else orelse`.
type IfExp struct {
	Pos
	Test   Expr
	Body   Expr
	Orelse Expr
}

// Dict is a dict display; a nil key marks `**value`.
type Dict struct {
	Pos
	Keys   []Expr
	Values []Expr
}

// Set is a set display `{a, b}`.
type Set struct {
	Pos
	Elts []Expr
}

// ListComp is `[elt for …]`.
type ListComp struct {
	Pos
	Elt        Expr
	Generators []*Comprehension
}

// SetComp is `{elt for …}`.
type SetComp struct {
	Pos
	Elt        Expr
	Generators []*Comprehension
}

// DictComp is `{key: value for …}`.
type DictComp struct {
	Pos
	Key        Expr
	Value      Expr
	Generators []*Comprehension
}

// GeneratorExp is `(elt for …)`.
type GeneratorExp struct {
	Pos
	Elt        Expr
	Generators []*Comprehension
}

// Comprehension is one `[async] for target in iter if cond…` clause.
type Comprehension struct {
	Pos
	Target  Expr
	Iter    Expr
	Ifs     []Expr
	IsAsync bool
}

// Await is `await value`.
type Await struct {
	Pos
	Value Expr
}

// Yield is `yield [value]`.
type Yield struct {
	Pos
	Value Expr // nil for a bare yield
}

// YieldFrom is `yield from value`.
type YieldFrom struct {
	Pos
	Value Expr
}

// Compare is a comparison chain `left op1 c1 op2 c2 …`.
type Compare struct {
	Pos
	Left        Expr
	Ops         []CmpOperator
	Comparators []Expr
}

// Call is `func(args, keywords)`. A *Starred in Args is `*x`; a Keyword with
// Arg == "" is `**x`.
type Call struct {
	Pos
	Func     Expr
	Args     []Expr
	Keywords []*Keyword
}

// Keyword is `arg=value` in a call or class header, or `**value` when Arg is "".
type Keyword struct {
	Pos
	Arg   string
	Value Expr
}

// FormattedValue is one `{value!conv:spec}` field of an f-string.
type FormattedValue struct {
	Pos
	Value      Expr
	Conversion rune // 0, 's', 'r' or 'a'
	FormatSpec Expr // *JoinedStr or nil
}

// JoinedStr is an f-string: Constant strings and FormattedValues.
type JoinedStr struct {
	Pos
	Values []Expr
}

// Ellipsis is the value of the `...` literal inside a Constant.
type Ellipsis struct{}

// Constant is a literal. Value is one of: nil (None), bool, int64, *big.Int
// (only for ints outside int64), float64, complex128, string, []byte, Ellipsis.
type Constant struct {
	Pos
	Value any
}

// BigInt is a helper for constructing a big constant.
func BigInt(s string) *big.Int {
	n, _ := new(big.Int).SetString(s, 0)
	return n
}

// Attribute is `value.attr`.
type Attribute struct {
	Pos
	Value Expr
	Attr  string
}

// Subscript is `value[slice]`; Slice may be a *Slice or a *Tuple holding slices.
type Subscript struct {
	Pos
	Value Expr
	Slice Expr
}

// Starred is `*value` in a target, display or call.
type Starred struct {
	Pos
	Value Expr
}

// Name is an identifier.
type Name struct {
	Pos
	Id string
}

// List is a list display or target `[a, b]`.
type List struct {
	Pos
	Elts []Expr
}

// Tuple is a tuple display or target `a, b` / `(a, b)`.
type Tuple struct {
	Pos
	Elts []Expr
}

// Slice is `lower:upper:step` inside a subscript; each part may be nil.
type Slice struct {
	Pos
	Lower Expr
	Upper Expr
	Step  Expr
}

// Arguments is a function's parameter list.
type Arguments struct {
	PosOnly    []*Arg // before `/`
	Args       []*Arg
	Vararg     *Arg // *args or nil
	KwOnly     []*Arg
	KwDefaults []Expr // one per KwOnly; nil entry = required
	Kwarg      *Arg   // **kwargs or nil
	Defaults   []Expr // for the last len(Defaults) of PosOnly+Args
}

// Arg is one parameter.
type Arg struct {
	Pos
	Name       string
	Annotation Expr
}

func (*FunctionDef) stmtNode() {}
func (*ClassDef) stmtNode()    {}
func (*Return) stmtNode()      {}
func (*Delete) stmtNode()      {}
func (*Assign) stmtNode()      {}
func (*AugAssign) stmtNode()   {}
func (*AnnAssign) stmtNode()   {}
func (*For) stmtNode()         {}
func (*While) stmtNode()       {}
func (*If) stmtNode()          {}
func (*With) stmtNode()        {}
func (*Raise) stmtNode()       {}
func (*Try) stmtNode()         {}
func (*Assert) stmtNode()      {}
func (*Import) stmtNode()      {}
func (*ImportFrom) stmtNode()  {}
func (*Global) stmtNode()      {}
func (*Nonlocal) stmtNode()    {}
func (*ExprStmt) stmtNode()    {}
func (*Pass) stmtNode()        {}
func (*Break) stmtNode()       {}
func (*Continue) stmtNode()    {}

func (*BoolOp) exprNode()         {}
func (*NamedExpr) exprNode()      {}
func (*BinOp) exprNode()          {}
func (*UnaryOp) exprNode()        {}
func (*Lambda) exprNode()         {}
func (*IfExp) exprNode()          {}
func (*Dict) exprNode()           {}
func (*Set) exprNode()            {}
func (*ListComp) exprNode()       {}
func (*SetComp) exprNode()        {}
func (*DictComp) exprNode()       {}
func (*GeneratorExp) exprNode()   {}
func (*Await) exprNode()          {}
func (*Yield) exprNode()          {}
func (*YieldFrom) exprNode()      {}
func (*Compare) exprNode()        {}
func (*Call) exprNode()           {}
func (*FormattedValue) exprNode() {}
func (*JoinedStr) exprNode()      {}
func (*Constant) exprNode()       {}
func (*Attribute) exprNode()      {}
func (*Subscript) exprNode()      {}
func (*Starred) exprNode()        {}
func (*Name) exprNode()           {}
func (*List) exprNode()           {}
func (*Tuple) exprNode()          {}
func (*Slice) exprNode()          {}
