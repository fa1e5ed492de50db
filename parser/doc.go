// Package parser turns pyish source into the syntax tree of package ast.
//
// In: a file, one REPL input or one expression, as bytes. Package lexer
// makes the tokens (with INDENT/DEDENT). A participle parser, built once,
// drives the top level; each statement line and each expression is parsed
// by hand-written recursive descent (precedence climbing for operators)
// registered with participle.ParseTypeWith. That shape is fast (no
// participle struct per precedence level) and lets errors carry CPython's
// wording: "expected ':'", "expected an indented block after 'if'
// statement on line 1", "cannot assign to literal", "Perhaps you forgot a
// comma?", and CPython's choice between a tokenizer error and a parse
// error.
//
// Out: *ast.Module or ast.Expr, positioned as CPython's ast module
// positions them (the tests compare whole trees with CPython's), or an
// *Error that prints like CPython's SyntaxError report. IsIncomplete tells
// a REPL when to read more lines.
//
// Left out, refused with a SyntaxError naming the feature: type
// statements and type parameters. Checks that
// need scopes ('return' outside function, nonlocal at module level,
// keyword argument repeated) belong to the vm compiler.
package parser
