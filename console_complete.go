package pyish

// This file implements the console's Tab completion, as CPython's
// rlcompleter does: keywords and names in scope, or attributes after a dot.

import (
	"sort"
	"strings"
	"time"

	"github.com/pyish/pyish/runtime"
)

// Complete returns the completions of word: keywords and names in scope,
// or for `a.b.pre` the attributes of a.b starting with pre, each whole
// (`a.b.name`). A callable's completion ends with "(", as CPython's does.
// It asks the loop goroutine and gives up (returning nothing) if the loop
// is busy for more than a fraction of a second.
func (c *Console) Complete(word string) []string {
	result := make(chan []string, 1)
	c.loop.CallSoonThreadsafe(func() { result <- c.complete(word) })
	select {
	case r := <-result:
		return r
	case <-time.After(300 * time.Millisecond):
		return nil
	}
}

func (c *Console) complete(word string) []string {
	dot := strings.LastIndexByte(word, '.')
	if dot < 0 {
		return c.completeName(word)
	}
	obj, ok := c.lookupPath(word[:dot])
	if !ok {
		return nil
	}
	var out []string
	for _, name := range withPrefix(attributeNames(c.in.th, obj), word[dot+1:]) {
		v, err := runtime.GetAttr(c.in.th, obj, name)
		out = append(out, word[:dot+1]+c.decorate(name, v, err == nil))
	}
	return out
}

// completeName completes a keyword or a global or builtin name.
func (c *Console) completeName(word string) []string {
	out := withPrefix(pythonKeywords, word)
	names := append(dictKeys(c.in.globals), dictKeys(c.in.th.Builtins)...)
	for _, name := range withPrefix(names, word) {
		v, ok := c.lookupName(name)
		out = append(out, c.decorate(name, v, ok))
	}
	sort.Strings(out)
	return dedupe(out)
}

// decorate appends "(" to the name of a callable.
func (c *Console) decorate(name string, v Value, ok bool) string {
	if ok && isCallable(c.in.th, v) {
		return name + "("
	}
	return name
}

func isCallable(th *runtime.Thread, v Value) bool {
	callable, ok := th.Builtins.GetStr("callable")
	if !ok {
		return false
	}
	r, err := runtime.Call(th, callable, []Value{v}, nil)
	if err != nil {
		return false
	}
	t, err := runtime.Truth(th, r)
	return err == nil && t
}

func (c *Console) lookupName(name string) (Value, bool) {
	if v, ok := dictGetStr(c.in.globals, name); ok {
		return v, true
	}
	return dictGetStr(c.in.th.Builtins, name)
}

// lookupPath resolves a dotted name of globals and attributes.
func (c *Console) lookupPath(path string) (Value, bool) {
	parts := strings.Split(path, ".")
	v, ok := c.lookupName(parts[0])
	if !ok {
		return Value{}, false
	}
	for _, p := range parts[1:] {
		next, err := runtime.GetAttr(c.in.th, v, p)
		if err != nil {
			return Value{}, false
		}
		v = next
	}
	return v, true
}

// withPrefix returns the sorted names that start with prefix, without
// private names unless the prefix starts with "_".
func withPrefix(names []string, prefix string) []string {
	var out []string
	for _, n := range names {
		if strings.HasPrefix(n, prefix) && (strings.HasPrefix(prefix, "_") || !strings.HasPrefix(n, "_")) {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return dedupe(out)
}

// dedupe drops repeats from a sorted slice.
func dedupe(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

var pythonKeywords = []string{"False", "None", "True", "and", "as", "assert", "async", "await",
	"break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
	"from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass",
	"raise", "return", "try", "while", "with", "yield"}
