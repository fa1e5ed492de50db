package runtime

// This file formats the report CPython prints for an exception: the chain
// of causes and contexts, each with its traceback; exception groups drawn
// as nested boxes (traceback.TracebackException.format with its default
// limits); and the exception's notes after its last line.

import (
	"fmt"
	"strings"
)

// HintMode says whose rules a report's "Did you mean" hint follows.
type HintMode uint8

const (
	// HintInterpreter is Python/suggestions.c, used for the report of an
	// uncaught exception.
	HintInterpreter HintMode = iota
	// HintTraceback is the traceback module's Python copy, used by
	// traceback.print_exception and the event loop's error reports.
	HintTraceback
)

// CPython's default limits for drawing exception groups.
const (
	maxGroupWidth = 15
	maxGroupDepth = 10
)

// recursionCutoff is how many equal traceback lines in a row show before
// the rest are summarised ("[Previous line repeated N more times]").
const recursionCutoff = 3

// FormatException returns the report CPython prints for exc, ending in a
// newline. Source lines come from th.SourceLine when it is set.
func FormatException(th *Thread, exc *Exception, mode HintMode) string {
	p := &excPrinter{th: th, mode: mode, seen: map[*Exception]bool{}}
	p.format(exc)
	return p.b.String()
}

// excPrinter is _ExceptionPrintContext: the output, the exceptions already
// shown (a cycle of causes stops there) and the group nesting.
type excPrinter struct {
	th        *Thread
	mode      HintMode
	b         strings.Builder
	seen      map[*Exception]bool
	depth     int  // exception_group_depth
	needClose bool // the last box of a group still needs its bottom line
}

// chainLink is one exception of a chain and the message shown above it.
type chainLink struct {
	msg string
	exc *Exception
}

const (
	causeMessage   = "\nThe above exception was the direct cause of the following exception:\n\n"
	contextMessage = "\nDuring handling of the above exception, another exception occurred:\n\n"
)

// format writes exc preceded by its causes and contexts.
func (p *excPrinter) format(exc *Exception) {
	var chain []chainLink
	msg := ""
	for e := exc; e != nil; {
		p.seen[e] = true
		chain = append(chain, chainLink{msg, e})
		switch {
		case e.Cause != nil && !p.seen[e.Cause]:
			msg, e = causeMessage, e.Cause
		case e.Context != nil && !e.SuppressContext && !p.seen[e.Context]:
			msg, e = contextMessage, e.Context
		default:
			e = nil
		}
	}
	for i := len(chain) - 1; i >= 0; i-- {
		p.formatOne(chain[i].exc)
		if chain[i].msg != "" {
			p.emit(chain[i].msg, '|')
		}
	}
}

// formatOne writes one exception of a chain: a plain one, or a group and
// its members.
func (p *excPrinter) formatOne(exc *Exception) {
	members := GroupMembers(exc)
	if members == nil {
		if len(exc.Traceback) > 0 {
			p.emit("Traceback (most recent call last):\n", '|')
			p.emit(p.entries(exc.Traceback), '|')
		}
		p.emit(p.finalLines(exc), '|')
		return
	}
	if p.depth > maxGroupDepth {
		p.emit(fmt.Sprintf("... (max_group_depth is %d)\n", maxGroupDepth), '|')
		return
	}
	top := p.depth == 0
	if top {
		p.depth++
	}
	if len(exc.Traceback) > 0 {
		margin := byte('|')
		if top {
			margin = '+'
		}
		p.emit("Exception Group Traceback (most recent call last):\n", margin)
		p.emit(p.entries(exc.Traceback), '|')
	}
	p.emit(p.finalLines(exc), '|')
	n := min(len(members), maxGroupWidth+1)
	p.needClose = false
	for i := 0; i < n; i++ {
		last := i == n-1
		if last {
			p.needClose = true // a nested group's last box may close it instead
		}
		truncated := i >= maxGroupWidth
		title := fmt.Sprint(i + 1)
		if truncated {
			title = "..."
		}
		corner := "  "
		if i == 0 {
			corner = "+-"
		}
		p.b.WriteString(p.indent() + corner + "+---------------- " + title + " ----------------\n")
		p.depth++
		if truncated {
			rest := len(members) - maxGroupWidth
			p.emit(fmt.Sprintf("and %d more exception%s\n", rest, plural(rest)), '|')
		} else {
			p.format(members[i])
		}
		if last && p.needClose {
			p.b.WriteString(p.indent() + "+------------------------------------\n")
			p.needClose = false
		}
		p.depth--
	}
	if top {
		p.depth = 0
	}
}

func (p *excPrinter) indent() string { return strings.Repeat(" ", 2*p.depth) }

// emit writes text with every line prefixed by the current indent and, in
// a group, the margin character.
func (p *excPrinter) emit(text string, margin byte) {
	prefix := p.indent()
	if p.depth > 0 {
		prefix += string(margin) + " "
	}
	for text != "" {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line = text[:i+1]
		}
		text = text[len(line):]
		p.b.WriteString(prefix + line)
	}
}

// entries formats traceback entries as StackSummary.format does.
func (p *excPrinter) entries(entries []TraceEntry) string {
	var b strings.Builder
	repeats := 0
	flush := func() {
		if repeats > recursionCutoff {
			n := repeats - recursionCutoff
			fmt.Fprintf(&b, "  [Previous line repeated %d more time%s]\n", n, plural(n))
		}
	}
	for i, t := range entries {
		if i > 0 && t.sameLine(entries[i-1]) {
			repeats++
		} else {
			flush()
			repeats = 1
		}
		if repeats > recursionCutoff {
			continue
		}
		fmt.Fprintf(&b, "  File \"%s\", line %d, in %s\n", t.File, t.Line, t.Func)
		if p.th.SourceLine != nil {
			if line := p.th.SourceLine(t.File, t.Line); strings.TrimSpace(line) != "" {
				style := stylePython
				if p.mode == HintInterpreter {
					style = styleC
				}
				fmt.Fprintf(&b, "    %s\n", shownLine(line, style))
				b.WriteString(caretLine(p.th, t, line, style))
			}
		}
	}
	flush()
	return b.String()
}

// finalLines is the exception's last line with its hint, then its notes.
func (p *excPrinter) finalLines(exc *Exception) string {
	s := ExceptionMessage(p.th, exc)
	if p.mode == HintInterpreter {
		s += Suggestion(p.th, exc)
	} else {
		s += ModuleSuggestion(p.th, exc, true)
	}
	return s + "\n" + p.notes(exc)
}

// notes formats __notes__ as TracebackException.format_exception_only:
// each note's lines for a sequence, else the repr of the value.
func (p *excPrinter) notes(exc *Exception) string {
	v, ok := exc.Attrs().GetStr("__notes__")
	if !ok {
		return ""
	}
	var items []Value
	switch o := v.o.(type) {
	case *List:
		items = o.Items
	case *Tuple:
		items = o.Items
	default:
		if s, ok := AsString(v); ok { // a str is a sequence of notes of one character
			var b strings.Builder
			for _, r := range s {
				b.WriteString(string(r) + "\n")
			}
			return b.String()
		}
		r, err := Repr(p.th, v)
		if err != nil {
			r = "<__notes__ repr() failed>"
		}
		return r + "\n"
	}
	var b strings.Builder
	for _, note := range items {
		s, err := StrOf(p.th, note)
		if err != nil {
			s = "<note str() failed>"
		}
		for _, line := range strings.Split(s, "\n") {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}
