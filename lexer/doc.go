// Package lexer turns pyish (Python 3) source into tokens for the parser.
//
// In: a source file as bytes or a string (UTF-8, an optional byte-order mark).
// Out: a slice of participle tokens: Name, Keyword, Int, Float, Imag, String
// and Op tokens carry their source text; Newline ends each logical line and
// Indent/Dedent bracket each indented block, as in CPython's tokenizer.
// Blank and comment-only lines produce nothing; line breaks inside brackets
// and after a backslash are joined. At the end of input come a Newline (if
// the last line lacks one), one Dedent per open block, then EOF. Positions
// are 1-based lines and rune columns with byte offsets. The token stream
// matches CPython 3.11's tokenize module on the standard library.
//
// Lexer plugs the scanner into participle as a lexer.Definition; Tokenize
// lexes a whole file at once. Errors are *Error values with CPython's wording
// and exception kind (SyntaxError, IndentationError, TabError); Incomplete
// tells the REPL that more input could fix the error, and Deferred tells the
// parser which errors CPython reports only after an earlier parse error.
//
// String tokens are decoded on demand by DecodeString. SplitFString splits
// an f-string into literal parts and replacement fields, and TokenizeExpr
// lexes a field's expression; the parser parses it.
//
// Left out: encoding declarations (source is always UTF-8), NFKC
// normalization of identifiers, the interactive tokenizer's blank-line
// rules, \N{...} escapes and lone surrogates (refused), CPython 3.12
// f-string nesting (f-strings follow 3.11: one token, no reuse of the
// enclosing quote inside fields), and every error that CPython's parser
// rather than its tokenizer reports: "unexpected indent" after the first
// line, and "invalid syntax" for $, ? and `, which come out as Op tokens.
package lexer
