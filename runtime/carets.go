package runtime

// This file draws the line under a traceback entry's source line that
// marks the failing expression, as CPython 3.12's
// StackSummary.format_frame_summary does: `^` under the span, or `~` with
// `^` under the operator of a binary operation and the brackets of a
// subscript.

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// SegmentKind says what a traceback segment parses as, for the anchors.
type SegmentKind uint8

const (
	// SegmentOther is any other segment, or one that does not parse as
	// a lone expression statement.
	SegmentOther SegmentKind = iota
	// SegmentBinOp is a binary operation: A is the end of its left
	// operand, B the start of its right one.
	SegmentBinOp
	// SegmentSubscript is a subscript: A is the end of the subscripted
	// value, B the end of the subscript.
	SegmentSubscript
)

// Segment is what the parser says of a segment of source: its kind and
// two offsets, in UTF-8 bytes from the segment's start, as CPython's
// col_offset and end_col_offset count.
type Segment struct {
	Kind SegmentKind
	A, B int
}

// markerStyle says whose code draws the marker line: the interpreter's
// C traceback printer (an uncaught exception's report) or the traceback
// module (traceback.print_exc, the event loop's reports). They differ in
// corner cases, which pyish copies.
type markerStyle uint8

const (
	styleC markerStyle = iota
	stylePython
)

// shownLine is the source line as the report prints it: the traceback
// module strips it; the C printer strips only the indentation (spaces,
// tabs and form feeds) and the newline.
func shownLine(line string, style markerStyle) string {
	if style == stylePython {
		return strings.TrimSpace(line)
	}
	return strings.TrimRight(strings.TrimLeft(line, " \t\f"), "\r\n")
}

// MarkerLine is the marker line the traceback module draws under source
// line line (as in the file) for entry t, or "": what
// StackSummary.format_frame_summary adds after the line.
func MarkerLine(th *Thread, t TraceEntry, line string) string {
	return caretLine(th, t, line, stylePython)
}

// caretLine returns the marker line for entry t whose source line is line
// (as in the file, with its newline when it has one), or "" when CPython
// shows none: the span is unknown, or it covers the whole line.
func caretLine(th *Thread, t TraceEntry, line string, style markerStyle) string {
	if t.Col <= 0 || t.EndLine <= 0 {
		return ""
	}
	runes := []rune(line)
	shown := []rune(shownLine(line, style))
	start, end := int(t.Col)-1, int(t.EndCol)-1
	if start > len(runes) {
		return ""
	}
	var segment []rune
	var anchors *caretAnchors
	if int(t.EndLine) == t.Line {
		end = min(max(end, start), len(runes))
		segment = runes[start:end]
		if th.ParseSegment != nil {
			anchors = anchorsOf(string(segment), th.ParseSegment(string(segment)), style)
		}
	} else if style == stylePython {
		end = len([]rune(strings.TrimRightFunc(line, unicode.IsSpace)))
	} else {
		end = len(strings.TrimRight(strings.TrimRight(line, "\r\n"), " \t\f")) // bytes, as CPython's C
	}
	if style == stylePython && end-start >= len(shown) && (anchors == nil || anchors.right-anchors.left <= 0) ||
		style == styleC && end-start == len(shown) && anchors == nil {
		return ""
	}
	dpStart := displayWidth(runes, start) + 1
	dpEnd := displayWidth(runes, end) + 1
	var b strings.Builder
	b.WriteString("    ")
	if style == stylePython {
		b.WriteString(repeat(" ", dpStart-(len(runes)-len(shown))))
	} else {
		indent := len(runes) - len([]rune(strings.TrimLeft(line, " \t\f")))
		b.WriteString(repeat(" ", dpStart-1-displayWidth(runes, indent)))
	}
	if anchors != nil {
		left, right := displayWidth(segment, anchors.left), displayWidth(segment, anchors.right)
		b.WriteString(repeat("~", left))
		b.WriteString(repeat("^", right-left))
		b.WriteString(repeat("~", dpEnd-dpStart-right))
	} else {
		b.WriteString(repeat("^", dpEnd-dpStart))
	}
	b.WriteByte('\n')
	return b.String()
}

// caretAnchors are the character offsets in a segment where the `^` part
// of a `~~^^~~` marker starts and ends.
type caretAnchors struct{ left, right int }

// anchorsOf places the `^` part of a binary operation's or subscript's
// marker. The C printer works in bytes of the segment; the traceback
// module's _extract_caret_anchors_from_line_segment mixes byte and
// character offsets, so a non-ASCII operand moves its marker, as there.
func anchorsOf(segment string, seg Segment, style markerStyle) *caretAnchors {
	if style == styleC {
		return anchorsC(segment, seg)
	}
	chars := []rune(segment)
	normalize := func(off int) int { return byteToCharOffset(segment, off) }
	at := func(i int) rune { return chars[i] }
	switch seg.Kind {
	case SegmentBinOp:
		opStart, opEnd := normalize(seg.A), normalize(seg.B)
		if opStart > opEnd || opEnd > len(chars) {
			return nil
		}
		op := chars[opStart:opEnd]
		opOffset := len(op) - len([]rune(strings.TrimLeftFunc(string(op), unicode.IsSpace)))
		left := seg.A + opOffset
		right := left + 1
		if opOffset+1 < len(op) && !unicode.IsSpace(op[opOffset+1]) {
			right++
		}
		for left < len(chars) && (unicode.IsSpace(at(left)) || at(left) == ')' || at(left) == '#') {
			left++
			right++
		}
		return &caretAnchors{normalize(left), normalize(right)}
	case SegmentSubscript:
		left, right := normalize(seg.A), normalize(seg.B+1)
		for left < len(chars) && (unicode.IsSpace(at(left)) || at(left) != '[') {
			left++
		}
		for right < len(chars) && (unicode.IsSpace(at(right)) || at(right) != ']') {
			right++
		}
		if right < len(chars) {
			right++
		}
		return &caretAnchors{left, right}
	}
	return nil
}

// anchorsC is the C printer's extract_anchors_from_expr, in bytes of the
// segment, then converted to characters.
func anchorsC(segment string, seg Segment) *caretAnchors {
	isWS := func(c byte) bool { return c == ' ' || c == '\t' || c == '\f' }
	left, right := -1, -1
	switch seg.Kind {
	case SegmentBinOp:
		for i := seg.A; i >= 0 && i < seg.B && i < len(segment); i++ {
			if isWS(segment[i]) {
				continue
			}
			left, right = i, i+1
			if i+1 < seg.B && i+1 < len(segment) && !isWS(segment[i+1]) {
				right++ // a two-character operator such as //
			}
			if i+1 < seg.B && segment[i] == ')' {
				continue // the operator comes after the closing parentheses
			}
			break
		}
	case SegmentSubscript:
		left, right = seg.A, seg.B+1
		for left >= 0 && left < len(segment) && (isWS(segment[left]) || segment[left] != '[') {
			left++
		}
		for right >= 0 && right < len(segment) && (isWS(segment[right]) || segment[right] != ']') {
			right++
		}
		if right < len(segment) {
			right++
		}
	}
	if left < 0 || right < 0 {
		return nil
	}
	return &caretAnchors{byteToCharOffset(segment, left), byteToCharOffset(segment, right)}
}

// byteToCharOffset is _byte_offset_to_character_offset: how many
// characters the first off bytes of s decode to.
func byteToCharOffset(s string, off int) int {
	off = min(max(off, 0), len(s))
	return utf8.RuneCountInString(s[:off])
}

// displayWidth is _display_width: the terminal columns of the first
// offset characters of line, two for a wide East Asian character.
func displayWidth(line []rune, offset int) int {
	ascii := true
	for _, r := range line {
		ascii = ascii && r < utf8.RuneSelf
	}
	if ascii {
		return offset // as CPython's fast path, even past the end
	}
	offset = min(max(offset, 0), len(line))
	w := offset
	for _, r := range line[:offset] {
		if isWide(r) {
			w++
		}
	}
	return w
}

// isWide reports whether r's East Asian Width is W or F.
func isWide(r rune) bool {
	if r < wideRanges[0][0] {
		return false
	}
	i := sort.Search(len(wideRanges), func(i int) bool { return wideRanges[i][1] >= r })
	return i < len(wideRanges) && wideRanges[i][0] <= r
}

// repeat is strings.Repeat that gives "" for a negative count, as Python's
// str * int does.
func repeat(s string, n int) string {
	if n <= 0 {
		return ""
	}
	return strings.Repeat(s, n)
}
