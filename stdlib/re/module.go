package re

import (
	"strconv"
	"strings"

	"github.com/pyish/pyish/runtime"
)

// This file builds the module: re.error, the pattern cache and the
// module-level functions.

// Error is re.error.
var Error = runtime.NewExceptionType("re.error", runtime.Exception_)

func init() {
	PatternType.SetMethods(patternMethods())
	PatternType.SetMembers(patternMembers())
	MatchType.SetMethods(matchMethods())
	MatchType.SetMembers(matchMembers())
}

// maxCache is CPython's _MAXCACHE.
const maxCache = 512

// cacheKey names a compiled pattern in the module's cache.
type cacheKey struct {
	pattern string
	flags   int
	bytes   bool
}

// module is one interpreter's re: its cache of compiled patterns.
type module struct {
	cache map[cacheKey]*Pattern
	order []cacheKey
}

// Module returns a fresh re module.
func Module(th *runtime.Thread) *runtime.Module {
	mod := &module{cache: map[cacheKey]*Pattern{}}
	m := runtime.NewModule("re")
	for name, fn := range mod.functions() {
		m.Dict.SetStr(name, runtime.NewBuiltin(name, fn))
	}
	m.Dict.SetStr("error", runtime.Obj(Error))
	m.Dict.SetStr("Pattern", runtime.Obj(PatternType))
	m.Dict.SetStr("Match", runtime.Obj(MatchType))
	if err := setFlags(th, m); err != nil {
		panic(err) // the members are fixed: a failure is a bug
	}
	return m
}

// newError is re.error(msg, pattern, pos) with CPython's message: the
// position, and its line and column when the pattern has several lines.
func (m *module) newError(msg string, pv value, pos int) error {
	pattern, ok := runtime.AsString(pv)
	if !ok {
		b, _ := runtime.AsBytes(pv)
		pattern = toLatin1(b)
	}
	runes := []rune(pattern)
	before := string(runes[:min(pos, len(runes))])
	lineno := strings.Count(before, "\n") + 1
	colno := len([]rune(before[strings.LastIndex(before, "\n")+1:])) + 1
	full := msg + " at position " + strconv.Itoa(pos)
	if strings.Contains(pattern, "\n") {
		full += " (line " + strconv.Itoa(lineno) + ", column " + strconv.Itoa(colno) + ")"
	}
	e := runtime.Errorf(Error, "%s", full)
	a := e.Attrs()
	a.SetStr("msg", runtime.Str(msg))
	a.SetStr("pattern", pv)
	a.SetStr("pos", runtime.Int(int64(pos)))
	a.SetStr("lineno", runtime.Int(int64(lineno)))
	a.SetStr("colno", runtime.Int(int64(colno)))
	return e
}

// indexError is the IndexError of an unknown group name in a template.
func (m *module) indexError(msg string) error {
	return runtime.Errorf(runtime.IndexError, "%s", msg)
}

// cached compiles pattern with flags through the cache.
func (m *module) cached(th *runtime.Thread, pattern value, flags value) (*Pattern, error) {
	f, err := flagsArg(th, flags)
	if err != nil {
		return nil, err
	}
	if p, ok := pattern.Object().(*Pattern); ok {
		if f != 0 {
			return nil, runtime.Errorf(runtime.ValueError, "cannot process flags argument with a compiled pattern")
		}
		return p, nil
	}
	src, ok := runtime.AsString(pattern)
	isBytes := false
	if !ok {
		b, ok := runtime.AsBytes(pattern)
		if !ok {
			return nil, runtime.Errorf(runtime.TypeError, "first argument must be string or compiled pattern")
		}
		src, isBytes = toLatin1(b), true
	}
	key := cacheKey{src, f, isBytes}
	if p, ok := m.cache[key]; ok {
		return p, nil
	}
	p, err := m.compile(src, f, isBytes, pattern)
	if err != nil {
		return nil, err
	}
	if len(m.order) >= maxCache {
		delete(m.cache, m.order[0])
		m.order = m.order[1:]
	}
	m.cache[key] = p
	m.order = append(m.order, key)
	return p, nil
}

// flagsArg converts a flags argument (an int or RegexFlag).
func flagsArg(th *runtime.Thread, v value) (int, error) {
	if v.IsNull() {
		return 0, nil
	}
	if !runtime.IsInstance(v, runtime.IntType) {
		return 0, runtime.Errorf(runtime.TypeError, "unsupported operand type(s) for &: '%s' and 'RegexFlag'", v.Type().Name)
	}
	n, err := runtime.ToInt64(th, v)
	return int(n), err
}
