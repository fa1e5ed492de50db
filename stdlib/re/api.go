package re

import (
	"math"
	"strings"

	"github.com/pyish/pyish/runtime"
)

// This file holds the matching operations, shared by the module-level
// functions and the Pattern methods: search, match, fullmatch, findall,
// finditer, sub, subn, split.

type builtinFn = func(th *runtime.Thread, args []value, kwnames []string) (value, error)

// functions are the module-level functions.
func (m *module) functions() map[string]builtinFn {
	fns := map[string]builtinFn{
		"compile": m.re_compile,
		"purge":   m.re_purge,
		"escape":  re_escape,
	}
	for name, op := range patternOps {
		fns[name] = m.moduleOp(name, op)
	}
	return fns
}

// opArgs are the arguments of one operation after the pattern.
type opArgs struct {
	pattern     value
	str, repl   value
	pos, endpos int
	count       int // count or maxsplit
}

// operation is one matching operation on a compiled pattern.
type operation struct {
	params []string // parameter names of the Pattern method
	run    func(p *Pattern, th *runtime.Thread, a *opArgs) (value, error)
}

var patternOps = map[string]operation{
	"search":    {[]string{"string", "pos?", "endpos?"}, matchOp(modeSearch)},
	"match":     {[]string{"string", "pos?", "endpos?"}, matchOp(modeMatch)},
	"fullmatch": {[]string{"string", "pos?", "endpos?"}, matchOp(modeFull)},
	"findall":   {[]string{"string", "pos?", "endpos?"}, (*Pattern).findall},
	"finditer":  {[]string{"string", "pos?", "endpos?"}, (*Pattern).finditer},
	"sub":       {[]string{"repl", "string", "count?"}, subOp(false)},
	"subn":      {[]string{"repl", "string", "count?"}, subOp(true)},
	"split":     {[]string{"string", "maxsplit?"}, (*Pattern).split},
}

// bind unpacks an operation's arguments into a.
func bind(name string, params []string, args []value, kwnames []string, extra ...any) (*opArgs, error) {
	a := &opArgs{endpos: math.MaxInt32}
	targets := map[string]any{"pattern": &a.pattern, "string": &a.str, "repl": &a.repl, "pos?": &a.pos, "endpos?": &a.endpos, "count?": &a.count, "maxsplit?": &a.count}
	pairs := make([]any, 0, 2*len(params)+len(extra))
	for _, p := range params {
		pairs = append(pairs, p, targets[p])
	}
	pairs = append(pairs, extra...)
	if err := runtime.UnpackArgs(name, args, kwnames, pairs...); err != nil {
		return nil, err
	}
	return a, nil
}

// moduleOp is re.NAME(pattern, ..., flags=0).
func (m *module) moduleOp(name string, op operation) builtinFn {
	params := op.params
	if name == "search" || name == "match" || name == "fullmatch" || name == "findall" || name == "finditer" {
		params = params[:1]
	}
	return func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
		var flags value
		a, err := bind(name, append([]string{"pattern"}, params...), args, kwnames, "flags?", &flags)
		if err != nil {
			return value{}, err
		}
		p, err := m.cached(th, a.pattern, flags)
		if err != nil {
			return value{}, err
		}
		return op.run(p, th, a)
	}
}

// patternMethods are the Pattern methods.
func patternMethods() map[string]runtime.MethodFunc {
	ms := map[string]runtime.MethodFunc{}
	for name, op := range patternOps {
		name, op := name, op
		ms[name] = func(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
			a, err := bind(name, op.params, args, kwnames)
			if err != nil {
				return value{}, err
			}
			return op.run(pat(s), th, a)
		}
	}
	return ms
}

func (m *module) re_compile(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	var pattern value
	flags := runtime.Int(0)
	if err := runtime.UnpackArgs("compile", args, kwnames, "pattern", &pattern, "flags?", &flags); err != nil {
		return value{}, err
	}
	p, err := m.cached(th, pattern, flags)
	if err != nil {
		return value{}, err
	}
	return runtime.Obj(p), nil
}

func (m *module) re_purge(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if err := runtime.UnpackArgs("purge", args, kwnames); err != nil {
		return value{}, err
	}
	m.cache = map[cacheKey]*Pattern{}
	m.order = nil
	return runtime.None, nil
}

// specialChars are the characters re.escape escapes.
const specialChars = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"

func re_escape(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	var pattern value
	if err := runtime.UnpackArgs("escape", args, kwnames, "pattern", &pattern); err != nil {
		return value{}, err
	}
	if s, ok := runtime.AsString(pattern); ok {
		var b strings.Builder
		for _, c := range s {
			if c < 0x80 && strings.IndexByte(specialChars, byte(c)) >= 0 {
				b.WriteByte('\\')
			}
			b.WriteRune(c)
		}
		return runtime.Str(b.String()), nil
	}
	if bs, ok := runtime.AsBytes(pattern); ok {
		var out []byte
		for _, c := range bs {
			if strings.IndexByte(specialChars, c) >= 0 {
				out = append(out, '\\')
			}
			out = append(out, c)
		}
		return runtime.Bytes(out), nil
	}
	return value{}, runtime.Errorf(runtime.TypeError, "expected str or bytes, not %s", pattern.Type().Name)
}

// subjectOf checks the string argument of an operation.
func (p *Pattern) subjectOf(v value) (*subject, error) {
	if s, ok := runtime.AsString(v); ok {
		if p.bytes {
			return nil, runtime.Errorf(runtime.TypeError, "cannot use a bytes pattern on a string-like object")
		}
		return newSubject(s), nil
	}
	if b, ok := runtime.AsBytes(v); ok {
		if !p.bytes {
			return nil, runtime.Errorf(runtime.TypeError, "cannot use a string pattern on a bytes-like object")
		}
		return newSubject(toLatin1(b)), nil
	}
	return nil, runtime.Errorf(runtime.TypeError, "expected string or bytes-like object, got '%s'", v.Type().Name)
}

// newMatch wraps a result.
func (p *Pattern) newMatch(a *opArgs, sub *subject, loc []int, pos, endpos int) value {
	return runtime.Obj(&Match{pat: p, str: a.str, sub: sub, spans: loc, pos: pos, endpos: endpos})
}

func matchOp(md mode) func(p *Pattern, th *runtime.Thread, a *opArgs) (value, error) {
	return func(p *Pattern, th *runtime.Thread, a *opArgs) (value, error) {
		sub, err := p.subjectOf(a.str)
		if err != nil {
			return value{}, err
		}
		pos, endpos := clamp(a.pos, a.endpos, sub.n)
		loc, err := p.eng.exec(sub, pos, endpos, md, true)
		if err != nil || loc == nil {
			return runtime.None, err
		}
		return p.newMatch(a, sub, loc, pos, endpos), nil
	}
}

// scan calls f on each match from pos to endpos with Python 3.7+'s
// rules: after an empty match the next one must not be empty at the same
// place; an empty match right after a non-empty one is allowed. f
// returns false to stop.
func (p *Pattern) scan(sub *subject, pos, endpos int, groups bool, f func(loc []int) (bool, error)) error {
	advance := false
	for pos <= endpos {
		var loc []int
		var err error
		if advance {
			loc, err = p.eng.execAdvance(sub, pos, endpos, groups)
		} else {
			loc, err = p.eng.exec(sub, pos, endpos, modeSearch, groups)
		}
		if err != nil || loc == nil {
			return err
		}
		if more, err := f(loc); err != nil || !more {
			return err
		}
		advance = loc[0] == loc[1]
		pos = loc[1]
	}
	return nil
}

func (p *Pattern) findall(th *runtime.Thread, a *opArgs) (value, error) {
	sub, err := p.subjectOf(a.str)
	if err != nil {
		return value{}, err
	}
	pos, endpos := clamp(a.pos, a.endpos, sub.n)
	var out []value
	groups := p.eng.t.groups
	m := &Match{pat: p, sub: sub}
	err = p.scan(sub, pos, endpos, groups > 0, func(loc []int) (bool, error) {
		m.spans = loc
		switch groups {
		case 0:
			out = append(out, m.text(0))
		case 1:
			out = append(out, m.textOr(1, p.val("")))
		default:
			items := make([]value, groups)
			for g := range items {
				items[g] = m.textOr(g+1, p.val(""))
			}
			out = append(out, runtime.Obj(runtime.NewTuple(items)))
		}
		return true, nil
	})
	if err != nil {
		return value{}, err
	}
	return runtime.Obj(runtime.NewList(out)), nil
}

func (p *Pattern) split(th *runtime.Thread, a *opArgs) (value, error) {
	sub, err := p.subjectOf(a.str)
	if err != nil {
		return value{}, err
	}
	var out []value
	last, n := 0, 0
	m := &Match{pat: p, sub: sub}
	err = p.scan(sub, 0, sub.n, p.eng.t.groups > 0, func(loc []int) (bool, error) {
		if a.count < 0 || a.count > 0 && n >= a.count {
			return false, nil
		}
		m.spans = loc
		out = append(out, p.val(sub.s[sub.off(last):sub.off(loc[0])]))
		for g := 1; g <= p.eng.t.groups; g++ {
			out = append(out, m.text(g))
		}
		n++
		last = loc[1]
		return true, nil
	})
	if err != nil {
		return value{}, err
	}
	out = append(out, p.val(sub.s[sub.off(last):]))
	return runtime.Obj(runtime.NewList(out)), nil
}

func subOp(withCount bool) func(p *Pattern, th *runtime.Thread, a *opArgs) (value, error) {
	return func(p *Pattern, th *runtime.Thread, a *opArgs) (value, error) {
		s, n, err := p.sub(th, a)
		if err != nil {
			return value{}, err
		}
		if withCount {
			return runtime.Obj(runtime.NewTuple([]value{p.val(s), runtime.Int(int64(n))})), nil
		}
		return p.val(s), nil
	}
}

// sub replaces matches by a template or the result of a callable.
func (p *Pattern) sub(th *runtime.Thread, a *opArgs) (string, int, error) {
	var tmpl *template
	if src, ok := p.templateText(a.repl); ok {
		t, err := p.parseTemplate(src, a.repl)
		if err != nil {
			return "", 0, err
		}
		tmpl = t
	} else if !runtime.IsCallable(a.repl) {
		return "", 0, p.badRepl(a.repl)
	}
	sub, err := p.subjectOf(a.str)
	if err != nil {
		return "", 0, err
	}
	j := &joiner{}
	last, n := 0, 0
	groups := tmpl == nil || tmpl.usesGroups()
	err = p.scan(sub, 0, sub.n, groups, func(loc []int) (bool, error) {
		if a.count < 0 || a.count > 0 && n >= a.count {
			return false, nil
		}
		j.add(sub.s[sub.off(last):sub.off(loc[0])])
		m := &Match{pat: p, str: a.str, sub: sub, spans: loc, endpos: sub.n}
		if tmpl != nil {
			j.b.WriteString(tmpl.expand(m))
			j.items++
		} else if err := j.call(th, a.repl, m, p.bytes); err != nil {
			return false, err
		}
		n++
		last = loc[1]
		return true, nil
	})
	if err != nil {
		return "", 0, err
	}
	j.add(sub.s[sub.off(last):])
	if j.bad != nil {
		return "", 0, j.bad
	}
	return j.b.String(), n, nil
}

// joiner builds sub's result as CPython's list and join do: a callable's
// None adds nothing, and a result that is not a str fails the join after
// every match was replaced, naming its place in the list.
type joiner struct {
	b     strings.Builder
	items int
	bad   error
}

// add appends a piece of the subject (CPython lists only non-empty ones).
func (j *joiner) add(s string) {
	if s != "" {
		j.b.WriteString(s)
		j.items++
	}
}

// call appends repl(m).
func (j *joiner) call(th *runtime.Thread, repl value, m *Match, isBytes bool) error {
	r, err := runtime.Call(th, repl, []value{runtime.Obj(m)}, nil)
	if err != nil || r.IsNone() {
		return err
	}
	s, ok := runtime.AsString(r)
	if isBytes {
		var b []byte
		b, ok = runtime.AsBytes(r)
		s = toLatin1(b)
	}
	if ok {
		j.b.WriteString(s)
	} else if j.bad == nil {
		want := "str instance"
		if isBytes {
			want = "a bytes-like object"
		}
		j.bad = runtime.Errorf(runtime.TypeError, "sequence item %d: expected %s, %s found", j.items, want, r.Type().Name)
	}
	j.items++
	return nil
}

// templateText is the text of a template of the pattern's type.
func (p *Pattern) templateText(v value) (string, bool) {
	if p.bytes {
		b, ok := runtime.AsBytes(v)
		return toLatin1(b), ok
	}
	return runtime.AsString(v)
}

// badRepl is CPython's TypeError for a repl that is neither a template
// nor callable.
func (p *Pattern) badRepl(v value) error {
	if p.bytes {
		if _, ok := runtime.AsString(v); ok {
			return runtime.Errorf(runtime.TypeError, "sequence item 0: expected a bytes-like object, str found")
		}
		return runtime.Errorf(runtime.TypeError, "a bytes-like object is required, not '%s'", v.Type().Name)
	}
	if _, ok := runtime.AsBytes(v); ok {
		return runtime.Errorf(runtime.TypeError, "expected str instance, bytes found")
	}
	return runtime.Errorf(runtime.TypeError, "decoding to str: need a bytes-like object, %s found", v.Type().Name)
}

// finditer returns an iterator of Match objects, searching lazily.
func (p *Pattern) finditer(th *runtime.Thread, a *opArgs) (value, error) {
	sub, err := p.subjectOf(a.str)
	if err != nil {
		return value{}, err
	}
	pos, endpos := clamp(a.pos, a.endpos, sub.n)
	return runtime.Obj(&matchIter{p: p, a: a, sub: sub, pos: pos, start: pos, endpos: endpos}), nil
}

// matchIter is the iterator finditer returns (a callable_iterator).
type matchIter struct {
	p                  *Pattern
	a                  *opArgs
	sub                *subject
	pos, start, endpos int
	advance, done      bool
}

// MatchIterType is the type of finditer's iterators.
var MatchIterType = runtime.NewType("callable_iterator", nil)

// Type implements runtime.Object.
func (it *matchIter) Type() *runtime.Type { return MatchIterType }

// Iter implements runtime.Iterable.
func (it *matchIter) Iter(th *runtime.Thread) (runtime.Iterator, error) { return it, nil }

// Next implements runtime.Iterator.
func (it *matchIter) Next(th *runtime.Thread) (value, bool, error) {
	if it.done || it.pos > it.endpos {
		return value{}, false, nil
	}
	var loc []int
	var err error
	if it.advance {
		loc, err = it.p.eng.execAdvance(it.sub, it.pos, it.endpos, true)
	} else {
		loc, err = it.p.eng.exec(it.sub, it.pos, it.endpos, modeSearch, true)
	}
	if err != nil || loc == nil {
		it.done = true
		return value{}, false, err
	}
	it.advance = loc[0] == loc[1]
	it.pos = loc[1]
	return it.p.newMatch(it.a, it.sub, loc, it.start, it.endpos), true, nil
}
