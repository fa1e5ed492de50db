package re

import (
	"fmt"

	"github.com/pyish/pyish/runtime"
)

// This file defines re.Match.

// Match is a successful match (re.Match).
type Match struct {
	pat         *Pattern
	str         value
	sub         *subject
	spans       []int // code point pairs per group, -1 when unmatched
	pos, endpos int
}

// MatchType is re.Match.
var MatchType = runtime.NewType("re.Match", nil)

// Type implements runtime.Object.
func (m *Match) Type() *runtime.Type { return MatchType }

// Truth implements runtime.HasTruth.
func (m *Match) Truth(th *runtime.Thread) (bool, error) { return true, nil }

func mat(v value) *Match { return v.Object().(*Match) }

// text is group g's text, or None.
func (m *Match) text(g int) value {
	a, b := m.spans[2*g], m.spans[2*g+1]
	if a < 0 {
		return runtime.None
	}
	return m.pat.val(m.sub.s[m.sub.off(a):m.sub.off(b)])
}

// group0 is the matched text.
func (m *Match) group0() string { return m.sub.s[m.sub.off(m.spans[0]):m.sub.off(m.spans[1])] }

// textOr is group g's text, or def when it did not take part.
func (m *Match) textOr(g int, def value) value {
	if m.spans[2*g] < 0 {
		return def
	}
	return m.text(g)
}

// Repr implements runtime.HasRepr.
func (m *Match) Repr(th *runtime.Thread) (string, error) {
	r, err := runtime.Repr(th, m.pat.val(m.group0()))
	if err != nil {
		return "", err
	}
	r = truncate(r, 50)
	return fmt.Sprintf("<re.Match object; span=(%d, %d), match=%s>", m.spans[0], m.spans[1], r), nil
}

// GetItem implements runtime.HasGetItem: m[g].
func (m *Match) GetItem(th *runtime.Thread, key value) (value, error) {
	g, err := m.groupIndex(th, key)
	if err != nil {
		return value{}, err
	}
	return m.text(g), nil
}

// groupIndex resolves a group number or name.
func (m *Match) groupIndex(th *runtime.Thread, key value) (int, error) {
	if s, ok := runtime.AsString(key); ok {
		if g, ok := m.pat.eng.t.names[s]; ok {
			return g, nil
		}
		return 0, runtime.Errorf(runtime.IndexError, "no such group")
	}
	if runtime.IsInstance(key, runtime.IntType) {
		g, err := runtime.ToInt64(th, key)
		if err == nil && g >= 0 && int(g) <= m.pat.eng.t.groups {
			return int(g), nil
		}
	}
	return 0, runtime.Errorf(runtime.IndexError, "no such group")
}

// lastIndex is the group that closed last: the matched group ending
// furthest, an enclosing group before the groups inside it.
func (m *Match) lastIndex() int {
	best := 0
	t := m.pat.eng.t
	for g := 1; g <= t.groups; g++ {
		if m.spans[2*g] < 0 {
			continue
		}
		if best == 0 || m.spans[2*g+1] > m.spans[2*best+1] || (m.spans[2*g+1] == m.spans[2*best+1] && !encloses(t, g, best)) {
			best = g
		}
	}
	return best
}

// encloses reports whether group a encloses group b.
func encloses(t *translation, b, a int) bool {
	for p := t.parent[b]; p != 0; p = t.parent[p] {
		if p == a {
			return true
		}
	}
	return false
}

func matchMembers() map[string]runtime.MemberFunc {
	return map[string]runtime.MemberFunc{
		"string": func(th *runtime.Thread, s value) (value, error) { return mat(s).str, nil },
		"re":     func(th *runtime.Thread, s value) (value, error) { return runtime.Obj(mat(s).pat), nil },
		"pos":    func(th *runtime.Thread, s value) (value, error) { return runtime.Int(int64(mat(s).pos)), nil },
		"endpos": func(th *runtime.Thread, s value) (value, error) { return runtime.Int(int64(mat(s).endpos)), nil },
		"lastindex": func(th *runtime.Thread, s value) (value, error) {
			if g := mat(s).lastIndex(); g > 0 {
				return runtime.Int(int64(g)), nil
			}
			return runtime.None, nil
		},
		"lastgroup": func(th *runtime.Thread, s value) (value, error) {
			m := mat(s)
			if g := m.lastIndex(); g > 0 && m.pat.eng.t.nameOf[g] != "" {
				return runtime.Str(m.pat.eng.t.nameOf[g]), nil
			}
			return runtime.None, nil
		},
		"regs": func(th *runtime.Thread, s value) (value, error) {
			m := mat(s)
			items := make([]value, m.pat.eng.t.groups+1)
			for g := range items {
				items[g] = m.spanTuple(g)
			}
			return runtime.Obj(runtime.NewTuple(items)), nil
		},
	}
}

func (m *Match) spanTuple(g int) value {
	return runtime.Obj(runtime.NewTuple([]value{runtime.Int(int64(m.spans[2*g])), runtime.Int(int64(m.spans[2*g+1]))}))
}

func matchMethods() map[string]runtime.MethodFunc {
	return map[string]runtime.MethodFunc{
		"group":     match_group,
		"groups":    match_groups,
		"groupdict": match_groupdict,
		"start":     spanMethod("start", func(m *Match, g int) value { return runtime.Int(int64(m.spans[2*g])) }),
		"end":       spanMethod("end", func(m *Match, g int) value { return runtime.Int(int64(m.spans[2*g+1])) }),
		"span":      spanMethod("span", (*Match).spanTuple),
		"expand":    match_expand,
		"__getitem__": func(th *runtime.Thread, s value, args []value, kw []string) (value, error) {
			return mat(s).GetItem(th, args[0])
		},
	}
}

func match_group(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	if len(kwnames) > 0 {
		return value{}, runtime.Errorf(runtime.TypeError, "group() takes no keyword arguments")
	}
	m := mat(s)
	if len(args) == 0 {
		return m.text(0), nil
	}
	items := make([]value, len(args))
	for i, a := range args {
		g, err := m.groupIndex(th, a)
		if err != nil {
			return value{}, err
		}
		items[i] = m.text(g)
	}
	if len(items) == 1 {
		return items[0], nil
	}
	return runtime.Obj(runtime.NewTuple(items)), nil
}

func match_groups(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	def := runtime.None
	if err := runtime.UnpackArgs("groups", args, kwnames, "default?", &def); err != nil {
		return value{}, err
	}
	m := mat(s)
	items := make([]value, m.pat.eng.t.groups)
	for g := range items {
		items[g] = m.textOr(g+1, def)
	}
	return runtime.Obj(runtime.NewTuple(items)), nil
}

func match_groupdict(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	def := runtime.None
	if err := runtime.UnpackArgs("groupdict", args, kwnames, "default?", &def); err != nil {
		return value{}, err
	}
	m := mat(s)
	d := runtime.NewDict()
	for g, name := range m.pat.eng.t.nameOf {
		if name != "" {
			d.SetStr(name, m.textOr(g, def))
		}
	}
	return runtime.Obj(d), nil
}

// spanMethod builds start, end and span, which take an optional group.
func spanMethod(name string, f func(m *Match, g int) value) runtime.MethodFunc {
	return func(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
		key := runtime.Int(0)
		if err := runtime.UnpackArgs(name, args, kwnames, "group?", &key); err != nil {
			return value{}, err
		}
		m := mat(s)
		g, err := m.groupIndex(th, key)
		if err != nil {
			return value{}, err
		}
		return f(m, g), nil
	}
}

func match_expand(th *runtime.Thread, s value, args []value, kwnames []string) (value, error) {
	var tmpl value
	if err := runtime.UnpackArgs("expand", args, kwnames, "template", &tmpl); err != nil {
		return value{}, err
	}
	m := mat(s)
	src, ok := m.pat.templateText(tmpl)
	if !ok {
		return value{}, m.pat.badRepl(tmpl)
	}
	t, err := m.pat.parseTemplate(src, tmpl)
	if err != nil {
		return value{}, err
	}
	return m.pat.val(t.expand(m)), nil
}
