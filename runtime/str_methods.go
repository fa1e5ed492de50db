package runtime

// This file defines the methods of str that search, split, strip, pad
// and join (str_find, str_split, …); case mapping and the is* predicates
// are in str_case.go.

import (
	"strings"
	"unicode/utf8"
)

// strSelf returns the *String receiver of a str method.
func strSelf(self Value) *String {
	if s, ok := self.o.(*String); ok {
		return s
	}
	return emptyString
}

// strArity checks the positional argument count of a method without
// keyword arguments, with CPython's messages: a method of no or one
// argument names its type ("str.upper() takes no arguments (1 given)",
// so name is qualified), others use the argument clinic's wording
// ("center expected at least 1 argument, got 0"); the special methods'
// name "expected" gives "expected 1 argument, got 0".
func strArity(name string, args []Value, kwnames []string, lo, hi int) error {
	if len(kwnames) > 0 {
		return Errorf(TypeError, "%s() takes no keyword arguments", name)
	}
	n := len(args)
	if n >= lo && n <= hi {
		return nil
	}
	bare := name[strings.LastIndexByte(name, '.')+1:]
	switch {
	case name == "expected":
		return Errorf(TypeError, "expected %d argument%s, got %d", lo, strPlural(lo), n)
	case lo == hi && hi == 0:
		return Errorf(TypeError, "%s() takes no arguments (%d given)", name, n)
	case lo == hi && hi == 1:
		return Errorf(TypeError, "%s() takes exactly one argument (%d given)", name, n)
	case n < lo:
		return Errorf(TypeError, "%s expected at least %d argument%s, got %d", bare, lo, strPlural(lo), n)
	}
	return Errorf(TypeError, "%s expected at most %d argument%s, got %d", bare, hi, strPlural(hi), n)
}

// oldArity is strArity with the older "find() takes at least 1 argument
// (0 given)" wording of some methods.
func oldArity(name string, args []Value, kwnames []string, lo, hi int) error {
	if len(kwnames) > 0 {
		return Errorf(TypeError, "%s() takes no keyword arguments", name)
	}
	switch n := len(args); {
	case n < lo:
		return Errorf(TypeError, "%s() takes at least %d argument%s (%d given)", name, lo, strPlural(lo), n)
	case n > hi:
		return Errorf(TypeError, "%s() takes at most %d argument%s (%d given)", name, hi, strPlural(hi), n)
	}
	return nil
}

// checkKeywords refuses keyword arguments other than allowed with the
// argument clinic's message ("'x' is an invalid keyword argument for
// split()").
func checkKeywords(fname string, kwnames []string, allowed ...string) error {
	for _, k := range kwnames {
		ok := false
		for _, a := range allowed {
			ok = ok || k == a
		}
		if !ok {
			return Errorf(TypeError, "'%s' is an invalid keyword argument for %s()", k, fname)
		}
	}
	return nil
}

// strPlural returns "s" unless n is 1.
func strPlural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// strArg requires a str argument ("must be str, not int").
func strArg(v Value) (*String, error) {
	if s, ok := v.o.(*String); ok {
		return s, nil
	}
	return nil, Errorf(TypeError, "must be str, not %s", v.Type().Name)
}

// optIndex converts an optional start/end argument (None means absent).
func optIndex(th *Thread, args []Value, i int, def int) (int, error) {
	if i >= len(args) || args[i].IsNone() {
		return def, nil
	}
	v, err := ToIndex(th, args[i])
	if err != nil {
		return 0, Errorf(TypeError, "slice indices must be integers or None or have an __index__ method")
	}
	if kindOf(v) == kBig {
		if toBig(v).Sign() < 0 {
			return -1 << 62, nil
		}
		return 1 << 62, nil
	}
	return int(int64(v.n)), nil
}

// clampRange resolves start and end against length n like a slice.
func clampRange(start, end, n int) (int, int) {
	if end > n {
		end = n
	} else if end < 0 {
		end = max(end+n, 0)
	}
	if start < 0 {
		start = max(start+n, 0)
	}
	return start, end
}

// strRange reads the optional start and end arguments at args[i:].
func strRange(th *Thread, s *String, args []Value, i int) (int, int, error) {
	start, err := optIndex(th, args, i, 0)
	if err != nil {
		return 0, 0, err
	}
	end, err := optIndex(th, args, i+1, s.runeCount())
	if err != nil {
		return 0, 0, err
	}
	start, end = clampRange(start, end, s.runeCount())
	return start, end, nil
}

// findIn returns the code point index of sub in s[start:end] (from the
// right if last), or -1.
func findIn(s *String, sub string, start, end int, last bool) int {
	if start > end || start > s.runeCount() {
		return -1
	}
	lo, hi := s.byteOffset(start), s.byteOffset(end)
	var i int
	if last {
		i = strings.LastIndex(s.s[lo:hi], sub)
	} else {
		i = strings.Index(s.s[lo:hi], sub)
	}
	if i < 0 {
		return -1
	}
	return s.runeIndex(lo + i)
}

// strFind implements find, rfind, index and rindex.
func strFind(name string, last, raise bool) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := oldArity(name, args, kwnames, 1, 3); err != nil {
			return Value{}, err
		}
		s := strSelf(self)
		sub, err := strArg(args[0])
		if err != nil {
			return Value{}, err
		}
		start, end, err := strRange(th, s, args, 1)
		if err != nil {
			return Value{}, err
		}
		i := findIn(s, sub.s, start, end, last)
		if i < 0 && raise {
			return Value{}, Errorf(ValueError, "substring not found")
		}
		return Int(int64(i)), nil
	}
}

// str_count is str.count(sub[, start[, end]]).
func str_count(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	if err := oldArity("count", args, kwnames, 1, 3); err != nil {
		return Value{}, err
	}
	s := strSelf(self)
	sub, err := strArg(args[0])
	if err != nil {
		return Value{}, err
	}
	start, end, err := strRange(th, s, args, 1)
	if err != nil {
		return Value{}, err
	}
	if start > end || start > s.runeCount() {
		return Int(0), nil
	}
	part := s.s[s.byteOffset(start):s.byteOffset(end)]
	if sub.runeCount() == 0 {
		return Int(int64(end - start + 1)), nil
	}
	return Int(int64(strings.Count(part, sub.s))), nil
}

// strAffix implements startswith and endswith.
func strAffix(name string, suffix bool) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if len(args) == 1 && len(kwnames) == 0 {
			if p, ok := args[0].o.(*String); ok { // s.startswith("w1"): the whole of s
				if suffix {
					return Bool(strings.HasSuffix(strSelf(self).s, p.s)), nil
				}
				return Bool(strings.HasPrefix(strSelf(self).s, p.s)), nil
			}
		}
		if err := oldArity(name, args, kwnames, 1, 3); err != nil {
			return Value{}, err
		}
		s := strSelf(self)
		start, end, err := strRange(th, s, args, 1)
		if err != nil {
			return Value{}, err
		}
		var part string
		if start <= end && start <= s.runeCount() {
			part = s.s[s.byteOffset(start):s.byteOffset(end)]
		} else {
			return False, nil
		}
		test := func(p string) bool {
			if suffix {
				return strings.HasSuffix(part, p)
			}
			return strings.HasPrefix(part, p)
		}
		if t, ok := args[0].o.(*Tuple); ok {
			for _, it := range t.Items {
				p, ok := it.o.(*String)
				if !ok {
					return Value{}, Errorf(TypeError, "tuple for %s must only contain str, not %s", name, it.Type().Name)
				}
				if test(p.s) {
					return True, nil
				}
			}
			return False, nil
		}
		p, ok := args[0].o.(*String)
		if !ok {
			return Value{}, Errorf(TypeError, "%s first arg must be str or a tuple of str, not %s", name, args[0].Type().Name)
		}
		return Bool(test(p.s)), nil
	}
}

// splitKeywords unpacks split's arguments when some are keywords (its
// own variables escape to UnpackArgs, splitArgs's do not).
func splitKeywords(name string, args []Value, kwnames []string) (sepv, maxv Value, err error) {
	sepv, maxv = None, Int(-1)
	if err := checkKeywords(name, kwnames, "sep", "maxsplit"); err != nil {
		return sepv, maxv, err
	}
	err = UnpackArgs(name, args, kwnames, "sep?", &sepv, "maxsplit?", &maxv)
	return sepv, maxv, err
}

// splitArgs reads split's sep and maxsplit.
func splitArgs(th *Thread, name string, args []Value, kwnames []string) (sep *String, maxsplit int, err error) {
	sepv, maxv := None, Int(-1)
	if len(kwnames) > 0 || len(args) > 2 {
		if sepv, maxv, err = splitKeywords(name, args, kwnames); err != nil {
			return nil, 0, err
		}
	} else if len(args) > 0 { // positional only: no UnpackArgs (it allocates)
		sepv = args[0]
		if len(args) == 2 {
			maxv = args[1]
		}
	}
	if !sepv.IsNone() {
		s, ok := sepv.o.(*String)
		if !ok {
			return nil, 0, Errorf(TypeError, "must be str or None, not %s", sepv.Type().Name)
		}
		if s.runeCount() == 0 {
			return nil, 0, Errorf(ValueError, "empty separator")
		}
		sep = s
	}
	m, err := ToInt64(th, maxv)
	if err != nil {
		return nil, 0, err
	}
	if m < 0 || m > 1<<31 {
		m = 1 << 31
	}
	return sep, int(m), nil
}

// strList makes a list of strs.
func strList(parts []string) Value {
	items := make([]Value, len(parts))
	for i, p := range parts {
		items[i] = Str(p)
	}
	return Obj(NewList(items))
}

// str_split is str.split(sep=None, maxsplit=-1).
func str_split(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	sep, maxsplit, err := splitArgs(th, "split", args, kwnames)
	if err != nil {
		return Value{}, err
	}
	s := strSelf(self)
	if sep == nil {
		return strParts(s, splitSpace(s.s, maxsplit)), nil
	}
	return splitSep(s, sep.s, maxsplit), nil
}

// splitSpace splits at runs of whitespace, at most maxsplit times.
func splitSpace(s string, maxsplit int) []string { return splitSpaceFunc(s, maxsplit, isPySpace) }

// splitSpaceFunc splits at runs of characters isSpace accepts.
func splitSpaceFunc(s string, maxsplit int, isSpace func(rune) bool) []string {
	var parts []string
	i := 0
	for {
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !isSpace(r) {
				break
			}
			i += size
		}
		if i >= len(s) {
			return parts
		}
		if len(parts) == maxsplit {
			return append(parts, s[i:])
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if isSpace(r) {
				break
			}
			j += size
		}
		parts = append(parts, s[i:j])
		i = j
	}
}

// str_rsplit is str.rsplit(sep=None, maxsplit=-1).
func str_rsplit(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	sep, maxsplit, err := splitArgs(th, "rsplit", args, kwnames)
	if err != nil {
		return Value{}, err
	}
	s := strSelf(self).s
	var parts []string
	if sep == nil {
		parts = rsplitSpace(s, maxsplit, isPySpace)
	} else {
		for len(parts) < maxsplit {
			i := strings.LastIndex(s, sep.s)
			if i < 0 {
				break
			}
			parts = append(parts, s[i+len(sep.s):])
			s = s[:i]
		}
		parts = append(parts, s)
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strList(parts), nil
}

// rsplitSpace splits at whitespace from the right, in reverse order.
func rsplitSpace(s string, maxsplit int, isSpace func(rune) bool) []string {
	var parts []string
	for {
		s = strings.TrimRightFunc(s, isSpace)
		if s == "" {
			return parts
		}
		if len(parts) == maxsplit {
			return append(parts, s)
		}
		i := strings.LastIndexFunc(s, isSpace)
		if i < 0 {
			return append(parts, s)
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		parts = append(parts, s[i+size:])
		s = s[:i]
	}
}

// isLineBreak reports whether r ends a line for splitlines.
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// str_splitlines is str.splitlines(keepends=False).
func str_splitlines(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	keep := False
	if err := checkKeywords("splitlines", kwnames, "keepends"); err != nil {
		return Value{}, err
	}
	if err := UnpackArgs("splitlines", args, kwnames, "keepends?", &keep); err != nil {
		return Value{}, err
	}
	keepends, err := Truth(th, keep)
	if err != nil {
		return Value{}, err
	}
	return strList(splitLines(strSelf(self).s, keepends, isLineBreak)), nil
}

// splitLines splits s at the line boundaries isBreak accepts (\r\n is one).
func splitLines(s string, keepends bool, isBreak func(rune) bool) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isBreak(r) {
			i += size
			continue
		}
		end := i + size
		if r == '\r' && end < len(s) && s[end] == '\n' {
			end++
		}
		if keepends {
			parts = append(parts, s[start:end])
		} else {
			parts = append(parts, s[start:i])
		}
		start, i = end, end
	}
	if start < len(s) {
		parts = append(parts, s[start:])
	}
	return parts
}

// stripChars reads strip's optional chars argument: nil means whitespace.
func stripChars(name string, args []Value, kwnames []string) (func(rune) bool, error) {
	if err := strArity(name, args, kwnames, 0, 1); err != nil {
		return nil, err
	}
	if len(args) == 0 || args[0].IsNone() {
		return isPySpace, nil
	}
	c, ok := args[0].o.(*String)
	if !ok {
		return nil, Errorf(TypeError, "%s arg must be None or str", name)
	}
	return func(r rune) bool { return strings.ContainsRune(c.s, r) }, nil
}

// strStrip implements strip, lstrip and rstrip.
func strStrip(name string, left, right bool) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		f, err := stripChars(name, args, kwnames)
		if err != nil {
			return Value{}, err
		}
		s := strSelf(self).s
		if left {
			s = strings.TrimLeftFunc(s, f)
		}
		if right {
			s = strings.TrimRightFunc(s, f)
		}
		return Str(s), nil
	}
}

// strPartition implements partition and rpartition.
func strPartition(name string, last bool) MethodFunc {
	qualified := "str." + name // built once: a call must not allocate
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity(qualified, args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		sep, err := strArg(args[0])
		if err != nil {
			return Value{}, err
		}
		if sep.runeCount() == 0 {
			return Value{}, Errorf(ValueError, "empty separator")
		}
		s := strSelf(self).s
		var i int
		if last {
			i = strings.LastIndex(s, sep.s)
		} else {
			i = strings.Index(s, sep.s)
		}
		var a, b, c string
		switch {
		case i >= 0:
			a, b, c = s[:i], sep.s, s[i+len(sep.s):]
		case last:
			c = s
		default:
			a = s
		}
		return Obj(NewTuple([]Value{Str(a), Str(b), Str(c)})), nil
	}
}

// str_replace is str.replace(old, new[, count]).
func str_replace(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	if err := strArity("replace", args, kwnames, 2, 3); err != nil {
		return Value{}, err
	}
	for i := 0; i < 2; i++ {
		if _, ok := args[i].o.(*String); !ok {
			return Value{}, Errorf(TypeError, "replace() argument %d must be str, not %s", i+1, args[i].Type().Name)
		}
	}
	n := int64(-1)
	if len(args) == 3 {
		var err error
		if n, err = ToInt64(th, args[2]); err != nil {
			return Value{}, err
		}
	}
	if n < 0 {
		n = -1
	}
	old, nw := args[0].o.(*String), args[1].o.(*String)
	return replaceStr(strSelf(self), old, nw, int(n))
}

// str_join is str.join(iterable).
func str_join(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	if err := strArity("str.join", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	sep := strSelf(self)
	switch it := args[0].o.(type) {
	case *List:
		return joinStrs(sep, it.Items)
	case *Tuple:
		return joinStrs(sep, it.Items)
	}
	var items []Value
	err := ForEach(th, args[0], func(v Value) error {
		items = append(items, v)
		return nil
	})
	if err != nil {
		return Value{}, err
	}
	return joinStrs(sep, items)
}

// padArgs reads the width and fill character of center/ljust/rjust.
func padArgs(th *Thread, name string, args []Value, kwnames []string) (int, string, error) {
	if err := strArity(name, args, kwnames, 1, 2); err != nil {
		return 0, "", err
	}
	w, err := ToInt64(th, args[0])
	if err != nil {
		return 0, "", err
	}
	if err := checkSize(w); err != nil {
		return 0, "", err
	}
	fill := " "
	if len(args) == 2 {
		c, ok := args[1].o.(*String)
		if !ok {
			return 0, "", Errorf(TypeError, "%s() argument 2 must be str, not %s", name, args[1].Type().Name)
		}
		if c.runeCount() != 1 {
			return 0, "", Errorf(TypeError, "The fill character must be exactly one character long")
		}
		fill = c.s
	}
	return int(w), fill, nil
}

// strJustify implements center, ljust and rjust.
func strJustify(name string) MethodFunc {
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		width, fill, err := padArgs(th, name, args, kwnames)
		if err != nil {
			return Value{}, err
		}
		s := strSelf(self)
		marg := width - s.runeCount()
		if marg <= 0 {
			return s.exact(), nil
		}
		left := 0
		switch name {
		case "center":
			left = marg/2 + (marg & width & 1)
		case "rjust":
			left = marg
		}
		return Str(strings.Repeat(fill, left) + s.s + strings.Repeat(fill, marg-left)), nil
	}
}

// str_zfill is str.zfill(width).
func str_zfill(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	if err := strArity("str.zfill", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	w, err := ToInt64(th, args[0])
	if err != nil {
		return Value{}, err
	}
	if err := checkSize(w); err != nil {
		return Value{}, err
	}
	s := strSelf(self)
	if int(w) <= s.runeCount() {
		return s.exact(), nil
	}
	zeros := strings.Repeat("0", int(w)-s.runeCount())
	if s.runeCount() > 0 && (s.s[0] == '+' || s.s[0] == '-') {
		return Str(s.s[:1] + zeros + s.s[1:]), nil
	}
	return Str(zeros + s.s), nil
}

// str_expandtabs is str.expandtabs(tabsize=8).
func str_expandtabs(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	size := 8
	if err := checkKeywords("expandtabs", kwnames, "tabsize"); err != nil {
		return Value{}, err
	}
	if err := UnpackArgs("expandtabs", args, kwnames, "tabsize?", &size); err != nil {
		return Value{}, err
	}
	var b strings.Builder
	col := 0
	for _, r := range strSelf(self).s {
		switch r {
		case '\t':
			if size > 0 {
				n := size - col%size
				if err := checkSize(int64(b.Len() + n)); err != nil {
					return Value{}, err
				}
				b.WriteString(strings.Repeat(" ", n))
				col += n
			}
		case '\n', '\r':
			b.WriteRune(r)
			col = 0
		default:
			b.WriteRune(r)
			col++
		}
	}
	return Str(b.String()), nil
}

// strRemoveAffix implements removeprefix and removesuffix.
func strRemoveAffix(name string, suffix bool) MethodFunc {
	qualified := "str." + name // built once: a call must not allocate
	return func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
		if err := strArity(qualified, args, kwnames, 1, 1); err != nil {
			return Value{}, err
		}
		a, ok := args[0].o.(*String)
		if !ok {
			return Value{}, Errorf(TypeError, "%s() argument must be str, not %s", name, args[0].Type().Name)
		}
		s := strSelf(self).s
		if suffix {
			return Str(strings.TrimSuffix(s, a.s)), nil
		}
		return Str(strings.TrimPrefix(s, a.s)), nil
	}
}

// str_translate is str.translate(table): table[ord(c)] is a str, an int
// code point, or None to delete; lookup errors keep the character.
func str_translate(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	if err := strArity("str.translate", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	var b strings.Builder
	for _, r := range strSelf(self).s {
		v, err := GetItem(th, args[0], Int(int64(r)))
		if err != nil {
			if e := AsException(err); e != nil && e.Matches(LookupError) {
				b.WriteRune(r)
				continue
			}
			return Value{}, err
		}
		switch {
		case v.IsNone():
		case kindOf(v) == kInt && !v.IsBool():
			c := int64(v.n)
			if c < 0 || c > 0x10ffff {
				return Value{}, Errorf(ValueError, "character mapping must be in range(0x110000)")
			}
			b.WriteRune(rune(c))
		default:
			s, ok := v.o.(*String)
			if !ok {
				return Value{}, Errorf(TypeError, "character mapping must return integer, None or str")
			}
			b.WriteString(s.s)
		}
	}
	return Str(b.String()), nil
}

// str_maketrans is str.maketrans(x[, y[, z]]).
func str_maketrans(th *Thread, args []Value, kwnames []string) (Value, error) {
	if err := strArity("maketrans", args, kwnames, 1, 3); err != nil {
		return Value{}, err
	}
	d := NewDict()
	if len(args) == 1 {
		src, ok := args[0].o.(*Dict)
		if !ok {
			return Value{}, Errorf(TypeError, "if you give only one argument to maketrans it must be a dict")
		}
		for _, kv := range src.Items() {
			k := kv[0]
			if s, ok := k.o.(*String); ok {
				if s.runeCount() != 1 {
					return Value{}, Errorf(ValueError, "string keys in translate table must be of length 1")
				}
				k = Int(int64(s.at(0)))
			} else if kindOf(k) != kInt {
				return Value{}, Errorf(TypeError, "keys in translate table must be strings or integers")
			}
			if err := d.Set(th, k, kv[1]); err != nil {
				return Value{}, err
			}
		}
		return Obj(d), nil
	}
	x, ok1 := args[0].o.(*String)
	y, ok2 := args[1].o.(*String)
	if !ok1 || !ok2 {
		return Value{}, Errorf(TypeError, "maketrans() argument must be str, not %s", args[0].Type().Name)
	}
	if x.runeCount() != y.runeCount() {
		return Value{}, Errorf(ValueError, "the first two maketrans arguments must have equal length")
	}
	for i := 0; i < x.runeCount(); i++ {
		if err := d.Set(th, Int(int64(x.at(i))), Int(int64(y.at(i)))); err != nil {
			return Value{}, err
		}
	}
	if len(args) == 3 {
		z, ok := args[2].o.(*String)
		if !ok {
			return Value{}, Errorf(TypeError, "maketrans() argument 3 must be str, not %s", args[2].Type().Name)
		}
		for _, r := range z.s {
			if err := d.Set(th, Int(int64(r)), None); err != nil {
				return Value{}, err
			}
		}
	}
	return Obj(d), nil
}
