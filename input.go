package pyish

import (
	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/parser"
)

// InputStatus classifies what a REPL has read so far.
type InputStatus int

// Input states, as CPython's codeop decides them.
const (
	// InputComplete: run it now.
	InputComplete InputStatus = iota
	// InputIncomplete: an open bracket, string or block header; read more.
	InputIncomplete
	// InputNeedsBlankLine: a compound statement, finished by an empty line.
	InputNeedsBlankLine
	// InputInvalid: a syntax error; run it to report the error.
	InputInvalid
)

// CheckInput reports whether src is a complete interactive input.
func CheckInput(src string) InputStatus {
	mod, err := parser.ParseInteractive("<stdin>", []byte(src))
	if err != nil {
		if parser.IsIncomplete(err) {
			return InputIncomplete
		}
		return InputInvalid
	}
	if n := len(mod.Body); n > 0 && isCompound(mod.Body[n-1]) {
		return InputNeedsBlankLine
	}
	return InputComplete
}

// isCompound reports whether s is a statement with an indented body.
func isCompound(s ast.Stmt) bool {
	switch s.(type) {
	case *ast.FunctionDef, *ast.ClassDef, *ast.If, *ast.For, *ast.While, *ast.With, *ast.Try, *ast.Match:
		return true
	}
	return false
}
