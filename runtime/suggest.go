package runtime

// This file computes the "Did you mean: 'x'?" hint that CPython 3.12 adds
// to the last line of a NameError's or AttributeError's report (not to
// str() of the exception). It follows Python/suggestions.c, which prints
// the report of an uncaught exception: candidates are searched in passes
// (the code's local variable names, then the globals, then the builtins),
// and names are compared as UTF-8 bytes with a weighted Levenshtein
// distance. (The traceback module's Python copy differs in corner cases:
// one combined pass, code points; pyish uses the C rules for both.)

import "strings"

// NameScope is what a NameError's hint searches, captured where the name
// was looked up: the code's local variable names (co_varnames), the
// frame's `self` if bound (for the "self.x" hint), its globals and its
// builtins.
type NameScope struct {
	Locals []string
	// Bound lists the names frame.f_locals has: the bound locals, cells and
	// free variables of a function, or a class body's namespace.
	Bound    []string
	Self     Value
	Globals  *Dict
	Builtins *Dict
}

// SetNameScope attaches the scope a NameError's hint searches.
func (e *Exception) SetNameScope(s *NameScope) { e.scope = s }

// NoAttribute is the AttributeError "'T' object has no attribute 'name'"
// for obj.name, with the name and obj its hint needs.
func NoAttribute(obj Value, name string) *Exception { return noAttr(obj, name) }

// missingAttr sets the name and obj attributes of AttributeError e for
// obj.name, which its hint needs, and returns e.
func missingAttr(obj Value, name string, e *Exception) *Exception {
	e.SetField("name", Str(name))
	e.SetField("obj", obj)
	return e
}

// Limits of CPython's suggestion search (traceback._MAX_*).
const (
	suggestMaxCandidates = 750
	suggestMaxLen        = 40
	suggestMoveCost      = 2
	suggestCaseCost      = 1
)

// ExceptionReport is the last line CPython prints for an uncaught e:
// ExceptionMessage plus, for NameError and AttributeError, the hint.
func ExceptionReport(th *Thread, e *Exception) string {
	return ExceptionMessage(th, e) + Suggestion(th, e)
}

// hintTarget is the wrong name of a NameError or AttributeError e, and
// whether e is a NameError; ok is false for other exceptions or no name.
func hintTarget(e *Exception) (name string, isName, ok bool) {
	isName = IsSubtype(e.typ, NameError)
	if !isName && !IsSubtype(e.typ, AttributeError) {
		return "", false, false
	}
	v, found := e.Field("name")
	if !found {
		return "", false, false
	}
	name, ok = AsString(v)
	return name, isName, ok
}

// hintText formats the hint for name: "Did you mean" the suggestion, and
// for a NameError of a standard module's name "did you forget to import",
// ending in end ("?" in the interpreter's report, "" in traceback.py's).
func hintText(name, hint string, isName bool, end string) string {
	out := ""
	if hint != "" {
		out = ". Did you mean: '" + hint + "'?"
	}
	if isName && isStdlibModule(name) {
		if hint != "" {
			out += " Or did you forget to import '" + name + "'" + end
		} else {
			out += ". Did you forget to import '" + name + "'" + end
		}
	}
	return out
}

// Suggestion returns the hint CPython appends to e's report line
// (". Did you mean: 'sqrt'?"), or "".
func Suggestion(th *Thread, e *Exception) string {
	name, isName, ok := hintTarget(e)
	if !ok {
		return ""
	}
	var hint string
	if isName {
		hint = nameSuggestion(th, e.scope, name)
	} else if obj, ok := e.Field("obj"); ok {
		hint = closestName(name, dirNames(th, obj))
	}
	return hintText(name, hint, isName, "?")
}

// nameSuggestion searches a NameError's scope: self's attributes first,
// then the local names, the globals and the builtins, each pass on its own.
func nameSuggestion(th *Thread, s *NameScope, name string) string {
	if s == nil {
		return ""
	}
	if !s.Self.IsNull() {
		if _, err := GetAttr(th, s.Self, name); err == nil {
			return "self." + name
		}
	}
	if hint := closestName(name, s.Locals); hint != "" {
		return hint
	}
	for _, d := range []*Dict{s.Globals, s.Builtins} {
		if hint := closestName(name, dictStrKeys(d)); hint != "" {
			return hint
		}
	}
	return ""
}

// dirNames is dir(obj) as strings (nil if dir fails).
func dirNames(th *Thread, obj Value) (names []string) {
	defer func() {
		if recover() != nil {
			names = nil
		}
	}()
	for _, v := range Dir(th, obj) {
		if s, ok := AsString(v); ok {
			names = append(names, s)
		}
	}
	return names
}

// closestName is suggestions.c's calculate_suggestions: the first
// candidate at the smallest distance, if that distance is at most a third
// of the bytes involved.
func closestName(wrong string, candidates []string) string {
	if len(candidates) >= suggestMaxCandidates {
		return ""
	}
	best, suggestion := int(^uint(0)>>1), ""
	for _, c := range candidates {
		if c == wrong {
			continue // a missing attribute that dir() lists: no hint (GH-88821)
		}
		maxDist := min((len(wrong)+len(c)+3)*suggestMoveCost/6, best-1)
		d := maxDist + 1
		if wrong != c {
			d = levenshtein([]byte(wrong), []byte(c), maxDist, substitutionCost)
		}
		if d > maxDist {
			continue
		}
		if suggestion == "" || d < best {
			suggestion, best = c, d
		}
	}
	return suggestion
}

// levenshtein is suggestions.c's levenshtein_distance (over bytes) and
// traceback._levenshtein_distance (over code points): moves cost 2, a
// change of case (as cost says) 1; past maxCost it returns maxCost+1.
func levenshtein[T byte | rune](a, b []T, maxCost int, cost func(a, b T) int) int {
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if len(a) == 0 || len(b) == 0 {
		return suggestMoveCost * (len(a) + len(b))
	}
	if len(a) > suggestMaxLen || len(b) > suggestMaxLen {
		return maxCost + 1
	}
	if len(b) < len(a) {
		a, b = b, a
	}
	if (len(b)-len(a))*suggestMoveCost > maxCost {
		return maxCost + 1
	}
	var buf [suggestMaxLen]int
	row := buf[:len(a)]
	for i := range row {
		row[i] = (i + 1) * suggestMoveCost
	}
	result := 0
	for bi, bc := range b {
		distance := bi * suggestMoveCost
		result = distance
		minimum := int(^uint(0) >> 1)
		for i, ac := range a {
			substitute := distance + cost(bc, ac)
			distance = row[i]
			result = min(min(result, distance)+suggestMoveCost, substitute)
			row[i] = result
			minimum = min(minimum, result)
		}
		if minimum > maxCost {
			return maxCost + 1
		}
	}
	return result
}

// substitutionCost is 0 for equal bytes, 1 for ASCII letters differing
// only in case, else 2.
func substitutionCost(a, b byte) int {
	switch {
	case a == b:
		return 0
	case a|32 == b|32 && a|32 >= 'a' && a|32 <= 'z':
		return suggestCaseCost
	}
	return suggestMoveCost
}

// runeSubstitutionCost is traceback._substitution_cost: 1 when the code
// points are equal once lowercased.
func runeSubstitutionCost(a, b rune) int {
	switch {
	case a == b:
		return 0
	case lowerOf(a) == lowerOf(b):
		return suggestCaseCost
	}
	return suggestMoveCost
}

// ModuleSuggestion is the hint the traceback module (3.12's Python code)
// adds when it formats e: for a NameError only when it formats the
// traceback too (withTraceback), from one combined list of the frame's
// bound locals, globals and builtins; and "forget to import" without the
// question mark that the interpreter's own report has.
func ModuleSuggestion(th *Thread, e *Exception, withTraceback bool) string {
	name, isName, ok := hintTarget(e)
	if !ok {
		return ""
	}
	var hint string
	switch {
	case !isName:
		if obj, ok := e.Field("obj"); ok {
			hint = pyClosestName(name, dirNames(th, obj))
		}
	case withTraceback && e.scope != nil:
		s := e.scope
		if !s.Self.IsNull() {
			if _, err := GetAttr(th, s.Self, name); err == nil {
				hint = "self." + name
				break
			}
		}
		names := append([]string(nil), s.Bound...)
		for _, d := range []*Dict{s.Globals, s.Builtins} {
			names = append(names, dictStrKeys(d)...)
		}
		hint = pyClosestName(name, names)
	}
	return hintText(name, hint, isName, "")
}

// pyClosestName is traceback._compute_suggestion_error's search over code
// points, with the distance capped by the wrong name's length.
func pyClosestName(wrong string, candidates []string) string {
	w := []rune(wrong)
	if len(candidates) > suggestMaxCandidates || len(w) > suggestMaxLen {
		return ""
	}
	best, suggestion := len(w), ""
	for _, c := range candidates {
		if c == wrong {
			continue
		}
		r := []rune(c)
		maxDist := min((len(r)+len(w)+3)*suggestMoveCost/6, best-1)
		if d := levenshtein(w, r, maxDist, runeSubstitutionCost); d <= maxDist && (suggestion == "" || d < best) {
			suggestion, best = c, d
		}
	}
	return suggestion
}

// dictStrKeys returns d's str keys in order (nil for a nil d).
func dictStrKeys(d *Dict) []string {
	if d == nil {
		return nil
	}
	var names []string
	d.Range(func(k, _ Value) bool {
		if s, ok := AsString(k); ok {
			names = append(names, s)
		}
		return true
	})
	return names
}

// lowerOf is str.lower() of the one-character string r.
func lowerOf(r rune) string {
	var b strings.Builder
	lowerRune(&b, r)
	return b.String()
}
