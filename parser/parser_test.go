package parser

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pyish/pyish/ast"
)

// TestTrees checks the trees of precedence-sensitive and representative
// snippets (dumps as testdata/pydump.py prints CPython's).
func TestTrees(t *testing.T) {
	tests := []struct{ src, want string }{
		{"not a == b", `[ExprStmt(Value=UnaryOp(Op="not", Operand=Compare(Left=Name(Id="a")@1:5, Ops=["=="], Comparators=[Name(Id="b")@1:10])@1:5)@1:1)@1:1]`},
		{"-2**2", `[ExprStmt(Value=UnaryOp(Op="-", Operand=BinOp(Left=Constant(Value=2)@1:2, Op="**", Right=Constant(Value=2)@1:5)@1:2)@1:1)@1:1]`},
		{"a if b else c if d else e", `[ExprStmt(Value=IfExp(Test=Name(Id="b")@1:6, Body=Name(Id="a")@1:1, Orelse=IfExp(Test=Name(Id="d")@1:18, Body=Name(Id="c")@1:13, Orelse=Name(Id="e")@1:25)@1:13)@1:1)@1:1]`},
		{"lambda: x if y else z", `[ExprStmt(Value=Lambda(Args=Arguments(), Body=IfExp(Test=Name(Id="y")@1:14, Body=Name(Id="x")@1:9, Orelse=Name(Id="z")@1:21)@1:9)@1:1)@1:1]`},
		{"*a, b = c", `[Assign(Targets=[Tuple(Elts=[Starred(Value=Name(Id="a")@1:2)@1:1, Name(Id="b")@1:5])@1:1], Value=Name(Id="c")@1:9)@1:1]`},
		{"x[1:2, ::3]", `[ExprStmt(Value=Subscript(Value=Name(Id="x")@1:1, Slice=Tuple(Elts=[Slice(Lower=Constant(Value=1)@1:3, Upper=Constant(Value=2)@1:5)@1:3, Slice(Step=Constant(Value=3)@1:10)@1:8])@1:3)@1:1)@1:1]`},
		{"f(*a, **k, x=1)", `[ExprStmt(Value=Call(Func=Name(Id="f")@1:1, Args=[Starred(Value=Name(Id="a")@1:4)@1:3], Keywords=[Keyword(Value=Name(Id="k")@1:9)@1:7, Keyword(Arg="x", Value=Constant(Value=1)@1:14)@1:12])@1:1)@1:1]`},
		{"x = yield", `[Assign(Targets=[Name(Id="x")@1:1], Value=Yield()@1:5)@1:1]`},
		{`f"{x!r:>{w}}"`, `[ExprStmt(Value=JoinedStr(Values=[FormattedValue(Value=Name(Id="x")@1:4, Conversion=114, FormatSpec=JoinedStr(Values=[Constant(Value=">")@1:1, FormattedValue(Value=Name(Id="w")@1:10)@1:1])@1:1)@1:1])@1:1)@1:1]`},
		{"async def f():\n    async for a in b: pass", `[FunctionDef(Name="f", Args=Arguments(), Body=[For(Target=Name(Id="a")@2:15, Iter=Name(Id="b")@2:20, Body=[Pass()@2:23], IsAsync=True)@2:5], IsAsync=True)@1:1]`},
		{"a < b < c", `[ExprStmt(Value=Compare(Left=Name(Id="a")@1:1, Ops=["<", "<"], Comparators=[Name(Id="b")@1:5, Name(Id="c")@1:9])@1:1)@1:1]`},
		{"@d\nclass A(B, k=1): pass", `[ClassDef(Name="A", Bases=[Name(Id="B")@2:9], Keywords=[Keyword(Arg="k", Value=Constant(Value=1)@2:14)@2:12], Body=[Pass()@2:18], Decorators=[Name(Id="d")@1:2])@2:1]`},
	}
	for _, tt := range tests {
		mod, err := ParseFile("t.py", []byte(tt.src))
		if err != nil {
			t.Errorf("%q: %v", tt.src, err)
			continue
		}
		if got := startsOnly(dump(mod.Body)); got != tt.want {
			t.Errorf("%q:%s", tt.src, firstDiff(got, tt.want))
		}
	}
}

// TestConstantTypes checks the Go types the vm compiler expects.
func TestConstantTypes(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"1", "int64"}, {"9223372036854775808", "*big.Int"}, {"1.5", "float64"},
		{"'s'", "string"}, {"b's'", "[]uint8"}, {"True", "bool"}, {"None", "<nil>"},
		{"...", "ast.Ellipsis"},
	}
	for _, tt := range tests {
		x, err := ParseExpr("t", []byte(tt.src))
		if err != nil {
			t.Fatal(err)
		}
		c, ok := x.(*ast.Constant)
		if !ok {
			t.Fatalf("%s: %T", tt.src, x)
		}
		if got := typeName(c.Value); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.src, got, tt.want)
		}
	}
}

func typeName(v any) string {
	if v == nil {
		return "<nil>"
	}
	return strings.TrimPrefix(strings.Replace(reflectType(v), "github.com/pyish/pyish/", "", 1), "")
}

// TestErrors checks messages, kinds and positions of syntax errors,
// as CPython 3.11 reports them (or pyish's refusals).
func TestErrors(t *testing.T) {
	tests := []struct {
		src, kind, msg string
		line, col      int
	}{
		{"if True\n    print('x')\n", "SyntaxError", "expected ':'", 1, 8},
		{"if x:\npass\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1},
		{"def f():\nreturn\n", "IndentationError", "expected an indented block after function definition on line 1", 2, 1},
		{"class A:\nx=1\n", "IndentationError", "expected an indented block after class definition on line 1", 2, 1},
		{"for x in y:\n", "IndentationError", "expected an indented block after 'for' statement on line 1", 1, 12},
		{"try:\n  x\nexcept:\nx\n", "IndentationError", "expected an indented block after 'except' statement on line 3", 4, 1},
		{"if x:\n  y\nelif z:\nw\n", "IndentationError", "expected an indented block after 'elif' statement on line 3", 4, 1},
		{"x = 1 +\n", "SyntaxError", "invalid syntax", 1, 8},
		{"x = (1 +\n", "SyntaxError", "'(' was never closed", 1, 5},
		{"x = [1, 2\ny = 3\n", "SyntaxError", "'[' was never closed", 1, 5},
		{"def f(:\n", "SyntaxError", "invalid syntax", 1, 7},
		{"1 = x\n", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1},
		{"f() = 1\n", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1},
		{"(a, 1) = 2\n", "SyntaxError", "cannot assign to literal", 1, 5},
		{"None = 1\n", "SyntaxError", "cannot assign to None", 1, 1},
		{"a < b = 1\n", "SyntaxError", "cannot assign to comparison", 1, 1},
		{"x = 1\n  y = 2\n", "IndentationError", "unexpected indent", 2, 2},
		{"def f():\n    x = 1\n      y = 2\n", "IndentationError", "unexpected indent", 3, 6},
		{"del 1\n", "SyntaxError", "cannot delete literal", 1, 5},
		{"del *a\n", "SyntaxError", "cannot delete starred", 1, 5},
		{"for 1 in x: pass\n", "SyntaxError", "cannot assign to literal", 1, 5},
		{"with a as 1: pass\n", "SyntaxError", "cannot assign to literal", 1, 11},
		{"x() += 1\n", "SyntaxError", "'function call' is an illegal expression for augmented assignment", 1, 1},
		{"[x] : int = 1\n", "SyntaxError", "only single target (not list) can be annotated", 1, 1},
		{"a, b : int\n", "SyntaxError", "only single target (not tuple) can be annotated", 1, 1},
		{"x = yield = 3\n", "SyntaxError", "assignment to yield expression not possible", 1, 5},
		{"(a.b := 1)\n", "SyntaxError", "cannot use assignment expressions with attribute", 1, 2},
		{"f(x for x in y, 1)\n", "SyntaxError", "Generator expression must be parenthesized", 1, 3},
		{"f(**k, *a)\n", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8},
		{"f(a.b=1)\n", "SyntaxError", `expression cannot contain assignment, perhaps you meant "=="?`, 1, 3},
		{"a b\n", "SyntaxError", "invalid syntax", 1, 3},
		{"print 'x'\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1},
		{"def f(a, a): pass\n", "SyntaxError", "duplicate argument 'a' in function definition", 1, 10},
		{"def f(a=1, b): pass\n", "SyntaxError", "non-default argument follows default argument", 1, 12},
		{"def f(*): pass\n", "SyntaxError", "named arguments must follow bare *", 1, 7},
		{"def f(**k, a): pass\n", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 12},
		{"def f(/, a): pass\n", "SyntaxError", "at least one argument must precede /", 1, 7},
		{"def f(a, /, b, /): pass\n", "SyntaxError", "/ may appear only once", 1, 16},
		{"def f(*a, *b): pass\n", "SyntaxError", "* argument may appear only once", 1, 11},
		{"lambda x=1, y: x\n", "SyntaxError", "non-default argument follows default argument", 1, 13},
		{"x = [*a for a in b]\n", "SyntaxError", "iterable unpacking cannot be used in comprehension", 1, 6},
		{"x = {**a for a in b}\n", "SyntaxError", "dict unpacking cannot be used in dict comprehension", 1, 6},
		{"x = {1: 2, 3}\n", "SyntaxError", "':' expected after dictionary key", 1, 12},
		{"x = {a: *b}\n", "SyntaxError", "cannot use a starred expression in a dictionary value", 1, 9},
		{"(*a)\n", "SyntaxError", "cannot use starred expression here", 1, 2},
		{"x = 5 if 3\n", "SyntaxError", "expected 'else' after 'if' expression", 1, 5},
		{"def f() pass\n", "SyntaxError", "expected ':'", 1, 9},
		{"else: pass\n", "SyntaxError", "invalid syntax", 1, 1},
		{"from x import a,\n", "SyntaxError", "trailing comma not allowed without surrounding parentheses", 1, 17},
		{"try:\n  pass\nexcept A, B:\n  pass\n", "SyntaxError", "multiple exception types must be parenthesized", 3, 8},
		{"try:\n  pass\nelse:\n  pass\n", "SyntaxError", "expected 'except' or 'finally' block", 3, 1},
		{"x = 'a' b'b'\n", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 9},
		{"class A(x for x in y): pass\n", "SyntaxError", "invalid syntax", 1, 11},
		{"x = )\n", "SyntaxError", "unmatched ')'", 1, 5},
		// match statements, positions as CPython 3.12's
		{"match x:\n  case C(a=1, 2): pass\n", "SyntaxError", "positional patterns follow keyword patterns", 2, 15},
		{"match x:\n  case 1 as _: pass\n", "SyntaxError", "cannot use '_' as a target", 2, 13},
		{"match x:\n  case f'a': pass\n", "SyntaxError", "patterns may only match literals and attribute lookups", 2, 8},
		{"match x:\n  case *a: pass\n", "SyntaxError", "invalid syntax", 2, 10},
		{"match x:\n  case {a: 1}: pass\n", "SyntaxError", "invalid syntax", 2, 10},
		{"match x:\n  case {**_}: pass\n", "SyntaxError", "invalid syntax", 2, 11},
		{"match x:\n  case {**r, 1: 2}: pass\n", "SyntaxError", "invalid syntax", 2, 14},
		{"match x:\n  pass\n", "SyntaxError", "invalid syntax", 2, 3},
		{"match x:\n  case 1 as 2: pass\n", "SyntaxError", "invalid pattern target", 2, 13},
		{"match *x:\n  case 1: pass\n", "SyntaxError", "invalid syntax", 1, 9},
		{"match x:\ncase 1: pass\n", "IndentationError", "expected an indented block after 'match' statement on line 1", 2, 1},
		{"match x:\n  case 1:\n  pass\n", "IndentationError", "expected an indented block after 'case' statement on line 2", 3, 3},
		{"match x:\n  case (*a): pass\n", "SyntaxError", "invalid syntax", 2, 11},
		{"match x:\n  case 1+2: pass\n", "SyntaxError", "imaginary number required in complex literal", 2, 10},
		{"match x:\n  case 1j+2j: pass\n", "SyntaxError", "real number required in complex literal", 2, 8},
		{"match x:\n  case -1j-2: pass\n", "SyntaxError", "real number required in complex literal", 2, 9},
		{"match x:\n  case 1+-2j: pass\n", "SyntaxError", "invalid syntax", 2, 10},
		// refusals
		{"type X = int\n", "SyntaxError", "'type' statements are not supported", 1, 1},
		{"try:\n  pass\nexcept* E:\n  pass\nexcept E:\n  pass\n", "SyntaxError", "cannot have both 'except' and 'except*' on the same 'try'", 5, 1},
		{"try:\n  pass\nexcept*:\n  pass\n", "SyntaxError", "expected one or more exception types", 3, 8},
		{"def f[T](): pass\n", "SyntaxError", "type parameters are not supported", 1, 6},
		{"class A[T]: pass\n", "SyntaxError", "type parameters are not supported", 1, 8},
	}
	for _, tt := range tests {
		_, err := ParseFile("t.py", []byte(tt.src))
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%q: got %v, want %s", tt.src, err, tt.msg)
			continue
		}
		if e.Kind != tt.kind || e.Msg != tt.msg || e.Line != tt.line || e.Col != tt.col {
			t.Errorf("%q:\n got %s %q at %d:%d\nwant %s %q at %d:%d", tt.src, e.Kind, e.Msg, e.Line, e.Col, tt.kind, tt.msg, tt.line, tt.col)
		}
	}
}

// TestErrorReport checks the CPython-style report.
func TestErrorReport(t *testing.T) {
	tests := []struct{ src, want string }{
		{"x = 1\nif True\n    print(1)\n", "  File \"f.pyish\", line 2\n    if True\n           ^\nSyntaxError: expected ':'"},
		{"def f():\n    x = 1\n      y = 2\n", "  File \"f.pyish\", line 3\n    y = 2\nIndentationError: unexpected indent"},
		{"   \n\tx = (1 +\n", "  File \"f.pyish\", line 2\n    x = (1 +\nIndentationError: unexpected indent"},
		{"x = (1 +\n", "  File \"f.pyish\", line 1\n    x = (1 +\n        ^\nSyntaxError: '(' was never closed"},
		{"if x:\npass\n", "  File \"f.pyish\", line 2\n    pass\n    ^^^^\nIndentationError: expected an indented block after 'if' statement on line 1"},
		{"for x in y:\n", "  File \"f.pyish\", line 1\n    for x in y:\nIndentationError: expected an indented block after 'for' statement on line 1"},
		{"class A pass\n", "  File \"f.pyish\", line 1\n    class A pass\n            ^^^^\nSyntaxError: invalid syntax"},
		{"x = 1 +", "  File \"f.pyish\", line 1\n    x = 1 +\n           ^\nSyntaxError: invalid syntax"},
	}
	for _, tt := range tests {
		_, err := ParseFile("f.pyish", []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("%q:\n got %v\nwant %s", tt.src, err, tt.want)
		}
	}
}

// TestIncomplete checks what a REPL should keep reading.
func TestIncomplete(t *testing.T) {
	tests := []struct {
		src        string
		incomplete bool
	}{
		{"x = (1 +\n", true},
		{"x = [\n1,\n", true},
		{"s = '''abc\n", true},
		{"if x:\n", true},
		{"if x:", true},
		{"for a in b:\n", true},
		{"def f():\n", true},
		{"class A:\n    def f(self):\n", true},
		{"@dec\n", true},
		{"if x:\n    pass\nelse:\n", true},
		{"try:\n    pass\n", true},
		{"x = 1 + \\\n", true},
		{"x = 1 +\n", false},
		{"x = 1 +", false},
		{"a b\n", false},
		{"if x\n", false},
		{"def f(:\n", false},
		{"x = )\n", false},
	}
	for _, tt := range tests {
		_, err := ParseInteractive("<stdin>", []byte(tt.src))
		if err == nil {
			t.Errorf("%q: no error", tt.src)
			continue
		}
		if got := IsIncomplete(err); got != tt.incomplete {
			t.Errorf("%q: IsIncomplete = %v, want %v (%v)", tt.src, got, tt.incomplete, err)
		}
	}
	for _, ok := range []string{"x = 1\n", "if x:\n    pass\n", "if x: pass\n", "", "x = 1; y = 2"} {
		if _, err := ParseInteractive("<stdin>", []byte(ok)); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
}

// TestParseExpr checks eval input.
func TestParseExpr(t *testing.T) {
	for src, want := range map[string]string{
		"1 + 2":      `BinOp(Left=Constant(Value=1)@1:1, Op="+", Right=Constant(Value=2)@1:5)@1:1`,
		"a, b\n\n":   `Tuple(Elts=[Name(Id="a")@1:1, Name(Id="b")@1:4])@1:1`,
		"  x":        `Name(Id="x")@1:1`, // eval strips leading blanks, as CPython
		"(\n  x\n)":  `Name(Id="x")@2:3`,
		"[*a, *b]\n": `List(Elts=[Starred(Value=Name(Id="a")@1:3)@1:2, Starred(Value=Name(Id="b")@1:7)@1:6])@1:1`,
	} {
		x, err := ParseExpr("<string>", []byte(src))
		if err != nil {
			t.Errorf("%q: %v", src, err)
			continue
		}
		if got := startsOnly(dump(x)); got != want {
			t.Errorf("%q:%s", src, firstDiff(got, want))
		}
	}
	for _, bad := range []string{"x = 1", "", "1 +", "a b", "if x: pass", "(1"} {
		_, err := ParseExpr("<string>", []byte(bad))
		var e *Error
		if !errors.As(err, &e) || e.Line < 1 {
			t.Errorf("%q: got %v, want a positioned *Error", bad, err)
		}
	}
}

// TestModuleFilename checks that the module remembers its file.
func TestModuleFilename(t *testing.T) {
	mod, err := ParseFile("m.pyish", []byte("x = 1\n"))
	if err != nil || mod.Filename != "m.pyish" || len(mod.Body) != 1 {
		t.Fatalf("%v %+v", err, mod)
	}
}

// TestCorpusParses parses every conformance case: all parse, except those
// whose .err names SyntaxError or IndentationError, which fail with it.
func TestCorpusParses(t *testing.T) {
	files, _ := filepath.Glob(corpusGlob)
	if len(files) == 0 {
		t.Skip("no conformance corpus")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		_, perr := ParseFile(f, src)
		if msg, ok := refusedFeatures[filepath.Base(f)]; ok {
			var e *Error
			if !errors.As(perr, &e) || e.Msg != msg {
				t.Errorf("%s: got %v, want %q", f, perr, msg)
			}
			continue
		}
		want := ""
		if b, err := os.ReadFile(strings.TrimSuffix(f, ".pyish") + ".err"); err == nil {
			kind, _, _ := strings.Cut(strings.TrimSpace(string(b)), ":")
			if kind == "SyntaxError" || kind == "IndentationError" {
				want = kind
			}
		}
		var e *Error
		switch {
		case want == "" && perr != nil:
			t.Errorf("%s: %v", f, perr)
		case want != "" && (!errors.As(perr, &e) || e.Kind != want):
			t.Errorf("%s: got %v, want %s", f, perr, want)
		}
	}
}

// TestIncompleteLikeCodeop checks inputs where CPython's codeop reports an
// error although a bracket is still open.
func TestIncompleteLikeCodeop(t *testing.T) {
	for src, want := range map[string]string{
		"x = [1, 2\ny = 3\n": "'[' was never closed",
		"x = [1, 2\n3\n":     "'[' was never closed",
		"f(a b\n":            "'(' was never closed",
		"def f(:\n":          "invalid syntax",
	} {
		_, err := ParseInteractive("<stdin>", []byte(src))
		var e *Error
		if !errors.As(err, &e) || e.Msg != want || IsIncomplete(err) {
			t.Errorf("%q: got %v (incomplete %v), want complete error %q", src, err, IsIncomplete(err), want)
		}
	}
}

// TestHints checks CPython's hints for common slips.
func TestHints(t *testing.T) {
	tests := []struct {
		src, msg  string
		line, col int
	}{
		{"if x = 1:\n  pass\n", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4},
		{"while f() = 1:\n pass\n", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 7},
		{"[x = 1]\n", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 2},
		{"x[a = 1]\n", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 3},
		{"print(x.y = 1)\n", `expression cannot contain assignment, perhaps you meant "=="?`, 1, 7},
		{"def f(a, (b)): pass\n", "Function parameters cannot be parenthesized", 1, 10},
		{"lambda (x): x\n", "Lambda expression parameters cannot be parenthesized", 1, 8},
		{"{1: }\n", "expression expected after dictionary key and ':'", 1, 3},
		{"[x, y for x, y in z]\n", "did you forget parentheses around the comprehension target?", 1, 2},
		{"{x, y for x, y in z}\n", "did you forget parentheses around the comprehension target?", 1, 2},
		{"f(a b)\n", "invalid syntax. Perhaps you forgot a comma?", 1, 3},
		{"x = {1: 2 3: 4}\n", "invalid syntax. Perhaps you forgot a comma?", 1, 9},
		{"f'{a b}'\n", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 4},
	}
	for _, tt := range tests {
		_, err := ParseFile("t.py", []byte(tt.src))
		var e *Error
		if !errors.As(err, &e) || e.Msg != tt.msg || e.Line != tt.line || e.Col != tt.col {
			t.Errorf("%q: got %v, want %q at %d:%d", tt.src, err, tt.msg, tt.line, tt.col)
		}
	}
}

// TestConcurrentParses checks that parses may run in parallel (run with
// -race): the participle parser is built once and shared.
func TestConcurrentParses(t *testing.T) {
	src := benchSource(300)
	done := make(chan error)
	for range 4 {
		go func() {
			_, err := ParseFile("c.py", src)
			done <- err
		}()
	}
	for range 4 {
		if err := <-done; err != nil {
			t.Error(err)
		}
	}
}
