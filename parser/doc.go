// Package parser turns pyish source into the syntax tree of package ast.
//
// In: a file, one REPL input or one expression, as bytes. The lexer package
// makes tokens (with INDENT/DEDENT); a participle parser built once drives
// the top level, and every statement and expression is parsed by hand-written
// recursive descent (precedence climbing for operators) registered with
// participle.ParseTypeWith, because that is both fast and able to give
// CPython's error messages.
//
// Out: *ast.Module or ast.Expr, or an *Error shaped like CPython's
// SyntaxError/IndentationError report.
//
// Left out, refused with a SyntaxError naming the feature: match statements,
// type statements and type parameters, complex literals and except*.
// Scope checks ('return' outside function, nonlocal at module level) belong to
// the vm compiler.
package parser
