package ast

// This file defines the match statement (PEP 634) and its patterns, named
// and shaped as in CPython's ast module.

// Match is `match subject:` with its case blocks.
type Match struct {
	Pos
	Subject Expr
	Cases   []*MatchCase
}

// MatchCase is one `case pattern [if guard]:` block (CPython's
// match_case, which has no position of its own).
type MatchCase struct {
	Pattern Pattern
	Guard   Expr // nil without `if`
	Body    []Stmt
}

// Pattern is a pattern node.
type Pattern interface {
	Node
	patternNode()
}

// MatchValue is a literal or dotted-name value pattern, compared with ==.
type MatchValue struct {
	Pos
	Value Expr
}

// MatchSingleton is None, True or False, compared with `is`.
type MatchSingleton struct {
	Pos
	Value any // nil, true or false
}

// MatchSequence is `[p, ...]`, `(p, ...)` or an open `p, q` sequence.
type MatchSequence struct {
	Pos
	Patterns []Pattern
}

// MatchMapping is `{k: p, ..., **rest}`.
type MatchMapping struct {
	Pos
	Keys     []Expr
	Patterns []Pattern
	Rest     string // "" without `**rest`
}

// MatchClass is `Cls(p, ..., attr=p, ...)`.
type MatchClass struct {
	Pos
	Cls         Expr
	Patterns    []Pattern
	KwdAttrs    []string
	KwdPatterns []Pattern
}

// MatchStar is `*name` (or `*_`, Name "") in a sequence pattern.
type MatchStar struct {
	Pos
	Name string
}

// MatchAs is a capture `name`, the wildcard `_` (Pattern nil, Name ""),
// or `pattern as name`.
type MatchAs struct {
	Pos
	Pattern Pattern
	Name    string
}

// MatchOr is `p | q | ...`.
type MatchOr struct {
	Pos
	Patterns []Pattern
}

func (*Match) stmtNode() {}

func (*MatchValue) patternNode()     {}
func (*MatchSingleton) patternNode() {}
func (*MatchSequence) patternNode()  {}
func (*MatchMapping) patternNode()   {}
func (*MatchClass) patternNode()     {}
func (*MatchStar) patternNode()      {}
func (*MatchAs) patternNode()        {}
func (*MatchOr) patternNode()        {}
