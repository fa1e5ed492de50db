package pyish

import (
	"unicode/utf8"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/parser"
	"github.com/pyish/pyish/runtime"
)

// parseSegment parses the source text of an expression a traceback line
// underlines, as CPython's traceback module does with ast.parse: a lone
// expression statement that is a binary operation or a subscript gives
// the offsets its `~~^^~~` marker is placed by.
func parseSegment(segment string) runtime.Segment {
	mod, err := parser.ParseFile("<segment>", []byte(segment))
	if err != nil || len(mod.Body) != 1 {
		return runtime.Segment{}
	}
	stmt, ok := mod.Body[0].(*ast.ExprStmt)
	if !ok {
		return runtime.Segment{}
	}
	switch x := stmt.Value.(type) {
	case *ast.BinOp:
		left, right := x.Left.Position(), x.Right.Position()
		return runtime.Segment{Kind: runtime.SegmentBinOp,
			A: byteOffset(segment, left.EndLine, left.EndCol), B: byteOffset(segment, right.Line, right.Col)}
	case *ast.Subscript:
		value, slice := x.Value.Position(), x.Slice.Position()
		return runtime.Segment{Kind: runtime.SegmentSubscript,
			A: byteOffset(segment, value.EndLine, value.EndCol), B: byteOffset(segment, slice.EndLine, slice.EndCol)}
	}
	return runtime.Segment{}
}

// byteOffset converts a position on the first line of s (1-based column
// in characters) to a byte offset, as CPython's col_offset counts; -1 for
// a position on another line, which no marker uses.
func byteOffset(s string, line, col int32) int {
	if line != 1 {
		return -1
	}
	off := 0
	for i := int32(1); i < col && off < len(s); i++ {
		_, size := utf8.DecodeRuneInString(s[off:])
		off += size
	}
	return off
}
