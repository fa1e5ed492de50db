package pyish

// This file is the compiler behind compile(), exec() and eval(): the
// Thread's CompileCode hook, which turns source into the code objects
// those builtins run.

import (
	"bytes"
	"strings"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/parser"
	"github.com/pyish/pyish/runtime"
	"github.com/pyish/pyish/vm"
)

// compileModes maps compile()'s mode argument to the vm's.
var compileModes = map[string]vm.Mode{"exec": vm.ModeExec, "eval": vm.ModeEval, "single": vm.ModeSingle}

// compileCode is the Thread's CompileCode hook: src compiled in mode
// ("exec", "eval" or "single") as a *vm.Code. Errors are exceptions, as
// compile() raises them.
func (in *Interpreter) compileCode(th *runtime.Thread, filename string, src []byte, mode string) (runtime.Object, error) {
	vmMode, ok := compileModes[mode]
	if !ok {
		return nil, runtime.Errorf(runtime.ValueError, "compile() mode must be 'exec', 'eval' or 'single'")
	}
	if bytes.IndexByte(src, 0) >= 0 {
		return nil, runtime.Errorf(runtime.SyntaxError, "source code string cannot contain null bytes")
	}
	in.mu.Lock()
	in.sources[filename] = strings.Split(string(src), "\n")
	in.mu.Unlock()
	mod, err := parseMode(filename, src, vmMode)
	if err != nil {
		return nil, in.syntaxException(err)
	}
	code, err := vm.Compile(mod, vmMode)
	if err != nil {
		return nil, in.syntaxException(err)
	}
	return code, nil
}

// parseMode parses src as mode expects it: a file, one expression or
// one interactive statement.
func parseMode(filename string, src []byte, mode vm.Mode) (*ast.Module, error) {
	switch mode {
	case vm.ModeEval:
		return parseEval(filename, src)
	case vm.ModeSingle:
		return parseSingle(filename, src)
	}
	return parser.ParseFile(filename, src)
}

// parseEval parses compile(…, 'eval') input as a module of one
// expression statement. Unlike eval() of a str, compile() does not strip
// leading blanks: an indented expression is an unexpected indent.
func parseEval(filename string, src []byte) (*ast.Module, error) {
	if indentedLine(src) {
		return nil, &parser.Error{Filename: filename, Line: 1, Col: 1, EndCol: -1, Kind: "IndentationError", Msg: "unexpected indent"}
	}
	if blank(src) {
		return nil, &parser.Error{Filename: filename, Line: lineCount(src), Col: 1, EndCol: -1, Kind: "SyntaxError", Msg: "invalid syntax"}
	}
	x, err := parser.ParseExpr(filename, src)
	if err != nil {
		return nil, err
	}
	if star := bareStarred(x); star != nil {
		return nil, &parser.Error{Filename: filename, Line: int(star.Line), Col: int(star.Col), EndCol: -1, Kind: "SyntaxError", Msg: "invalid syntax"}
	}
	return &ast.Module{Filename: filename, Body: []ast.Stmt{&ast.ExprStmt{Pos: x.Position(), Value: x}}}, nil
}

// indentedLine reports whether src's first line starts with blanks
// before something that is not a newline or a comment (a line of blanks
// alone at the end of the input counts as indented, as CPython's
// tokenizer has it).
func indentedLine(src []byte) bool {
	rest := bytes.TrimLeft(src, " \t\f")
	if len(rest) == len(src) {
		return false
	}
	return len(rest) == 0 || (rest[0] != '\n' && rest[0] != '\r' && rest[0] != '#')
}

// blank reports whether src holds no token: only blanks, newlines and
// comments.
func blank(src []byte) bool {
	for _, line := range bytes.Split(src, []byte("\n")) {
		line = bytes.TrimLeft(line, " \t\f\r")
		if len(line) > 0 && line[0] != '#' {
			return false
		}
	}
	return true
}

// bareStarred returns the starred item of an eval input that is a
// starred expression or a tuple without parentheses holding one (`*a`,
// `*a, b`): the expression grammar of eval() has no place for them,
// although `(*a, b)` is a tuple display.
func bareStarred(x ast.Expr) *ast.Starred {
	switch x := x.(type) {
	case *ast.Starred:
		return x
	case *ast.Tuple:
		if len(x.Elts) == 0 || x.Elts[0].Position().Start() != x.Pos.Start() {
			return nil // parenthesized
		}
		for _, e := range x.Elts {
			if s, ok := e.(*ast.Starred); ok {
				return s
			}
		}
	}
	return nil
}

// parseSingle parses compile(…, 'single') input: exactly one statement
// (simple statements on one line count as one).
func parseSingle(filename string, src []byte) (*ast.Module, error) {
	mod, err := parser.ParseInteractive(filename, src)
	if err != nil {
		return nil, err
	}
	if len(mod.Body) == 0 {
		return nil, &parser.Error{Filename: filename, Line: lineCount(src), Col: 1, EndCol: -1, Kind: "SyntaxError", Msg: "invalid syntax"}
	}
	first := mod.Body[0].Position().Line
	for _, s := range mod.Body[1:] {
		if line := s.Position().Line; line != first {
			if isCompound(mod.Body[0]) {
				return nil, &parser.Error{Filename: filename, Line: int(line), Col: 1, EndCol: -1, Kind: "SyntaxError", Msg: "invalid syntax"}
			}
			return nil, &parser.Error{Filename: filename, Line: int(first), Col: 1, EndCol: -1, Kind: "SyntaxError",
				Msg: "multiple statements found while compiling a single statement"}
		}
	}
	return mod, nil
}

// lineCount is the number of lines in src, a last one without a newline
// included.
func lineCount(src []byte) int {
	n := bytes.Count(src, []byte("\n"))
	if len(src) > 0 && src[len(src)-1] != '\n' {
		n++
	}
	return n
}
