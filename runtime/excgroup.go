package runtime

// This file defines BaseExceptionGroup and ExceptionGroup (PEP 654): their
// constructor checks, message/exceptions, split/subgroup/derive, and the
// splitting and re-raising that `except*` needs.

import "strconv"

// The exception group types. ExceptionGroup derives from both
// BaseExceptionGroup and Exception, as in CPython.
var (
	BaseExceptionGroup = NewExceptionType("BaseExceptionGroup", BaseException)
	ExceptionGroup     = NewExceptionType("ExceptionGroup", BaseExceptionGroup)
)

func init() {
	eg := ExceptionGroup
	eg.Bases = []*Type{BaseExceptionGroup, Exception_}
	eg.MRO = []*Type{eg, BaseExceptionGroup, Exception_, BaseException, ObjectType}
	ExceptionTypes = append(ExceptionTypes, BaseExceptionGroup, ExceptionGroup)
	BaseExceptionGroup.New = groupNew
	BaseExceptionGroup.SetMembers(map[string]MemberFunc{
		"message": func(th *Thread, self Value) (Value, error) {
			return selfExc(self).Args[0], nil
		},
		"exceptions": func(th *Thread, self Value) (Value, error) {
			return Obj(groupTuple(selfExc(self))), nil
		},
	})
	BaseExceptionGroup.SetMethods(map[string]MethodFunc{
		"split":    group_split,
		"subgroup": group_subgroup,
		"derive":   group_derive,
	})
}

// NewExceptionGroup returns BaseExceptionGroup(msg, excs): an
// ExceptionGroup when every member is an Exception.
func NewExceptionGroup(msg string, excs []*Exception) *Exception {
	t := ExceptionGroup
	items := make([]Value, len(excs))
	for i, e := range excs {
		items[i] = Obj(e)
		if !IsSubtype(e.typ, Exception_) {
			t = BaseExceptionGroup
		}
	}
	// CPython's callers (derive, split, TaskGroup) pass a list.
	return &Exception{typ: t, Args: []Value{Str(msg), Obj(NewList(append([]Value(nil), items...)))}, members: NewTuple(items)}
}

// groupNew is BaseExceptionGroup.__new__ with CPython's checks.
func groupNew(th *Thread, t *Type, args []Value, kwnames []string) (Value, error) {
	if len(kwnames) > 0 {
		return Value{}, Errorf(TypeError, "%s() takes no keyword arguments", t.Name)
	}
	if len(args) != 2 {
		return Value{}, Errorf(TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(args))
	}
	if _, ok := AsString(args[0]); !ok {
		return Value{}, Errorf(TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s", args[0].Type().Name)
	}
	excs, err := groupMembersArg(th, args[1])
	if err != nil {
		return Value{}, err
	}
	allExceptions := true
	for _, e := range excs {
		if !IsSubtype(e.typ, Exception_) {
			allExceptions = false
		}
	}
	switch {
	case t == BaseExceptionGroup && allExceptions:
		t = ExceptionGroup
	case IsSubtype(t, ExceptionGroup) && !allExceptions:
		return Value{}, Errorf(TypeError, "Cannot nest BaseExceptions in an ExceptionGroup")
	}
	items := make([]Value, len(excs))
	for i, e := range excs {
		items[i] = Obj(e)
	}
	return Obj(&Exception{typ: t, Args: []Value{args[0], args[1]}, members: NewTuple(items)}), nil
}

// groupMembersArg validates the exceptions argument of a group.
func groupMembersArg(th *Thread, v Value) ([]*Exception, error) {
	if _, ok := v.o.(HasGetItem); !ok || IsInstance(v, DictType) || IsInstance(v, SetType) {
		return nil, Errorf(TypeError, "second argument (exceptions) must be a sequence")
	}
	items, err := ToSlice(th, v)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		return nil, Errorf(ValueError, "second argument (exceptions) must be a non-empty sequence")
	}
	excs := make([]*Exception, len(items))
	for i, it := range items {
		e, ok := it.o.(*Exception)
		if !ok {
			return nil, Errorf(ValueError, "Item %d of second argument (exceptions) is not an exception", i)
		}
		excs[i] = e
	}
	return excs, nil
}

// groupTuple is the exceptions tuple of the group e (nil for a group
// whose args were replaced by something else).
func groupTuple(e *Exception) *Tuple {
	if e.members != nil {
		return e.members
	}
	t, _ := e.Args[1].o.(*Tuple)
	return t
}

// GroupMembers returns the sub-exceptions of a group (nil if e is none).
func GroupMembers(e *Exception) []*Exception {
	if !IsSubtype(e.typ, BaseExceptionGroup) || len(e.Args) < 2 {
		return nil
	}
	t := groupTuple(e)
	if t == nil {
		return nil
	}
	out := make([]*Exception, 0, len(t.Items))
	for _, it := range t.Items {
		if x, ok := it.o.(*Exception); ok {
			out = append(out, x)
		}
	}
	return out
}

// groupStr is BaseExceptionGroup.__str__: "msg (2 sub-exceptions)".
func groupStr(th *Thread, e *Exception) (string, error) {
	msg, err := StrOf(th, e.Args[0])
	if err != nil {
		return "", err
	}
	n := len(GroupMembers(e))
	plural := "s"
	if n == 1 {
		plural = ""
	}
	return msg + " (" + strconv.Itoa(n) + " sub-exception" + plural + ")", nil
}

// deriveGroup makes a group like e (same type when possible, message,
// and links) holding excs, as BaseExceptionGroup.derive plus copying
// __cause__, __context__ and the traceback like CPython's split does.
func deriveGroup(e *Exception, excs []*Exception) *Exception {
	g := NewExceptionGroup("", excs)
	g.Args[0] = e.Args[0]
	if g.typ == ExceptionGroup && IsSubtype(e.typ, ExceptionGroup) && e.typ.Flags&FlagHeap == 0 {
		g.typ = e.typ
	}
	g.Cause, g.Context, g.SuppressContext = e.Cause, e.Context, e.SuppressContext
	g.Traceback = e.Traceback
	return g
}

// SplitGroup splits e by match into the part whose leaves match and the
// rest (either may be nil), keeping the nesting like CPython's split.
func SplitGroup(e *Exception, match func(*Exception) bool) (matched, rest *Exception) {
	if match(e) {
		return e, nil
	}
	members := GroupMembers(e)
	if members == nil {
		return nil, e
	}
	var ms, rs []*Exception
	for _, m := range members {
		a, b := SplitGroup(m, match)
		if a != nil {
			ms = append(ms, a)
		}
		if b != nil {
			rs = append(rs, b)
		}
	}
	if len(ms) > 0 {
		matched = deriveGroup(e, ms)
	}
	if len(rs) > 0 {
		rest = deriveGroup(e, rs)
	}
	return matched, rest
}

// ExceptionMatcher returns the match function of `except* T` / split(T)
// for a type, a tuple of types, or a predicate.
func ExceptionMatcher(th *Thread, t Value, allowCallable bool) (func(*Exception) bool, error) {
	switch o := t.o.(type) {
	case *Type:
		if !IsSubtype(o, BaseException) {
			return nil, matcherError()
		}
		return func(e *Exception) bool { return IsSubtype(e.typ, o) }, nil
	case *Tuple:
		types := make([]*Type, len(o.Items))
		for i, it := range o.Items {
			tt, ok := it.o.(*Type)
			if !ok || !IsSubtype(tt, BaseException) {
				return nil, matcherError()
			}
			types[i] = tt
		}
		return func(e *Exception) bool {
			for _, tt := range types {
				if IsSubtype(e.typ, tt) {
					return true
				}
			}
			return false
		}, nil
	}
	if allowCallable && IsCallable(t) {
		var callErr error
		return func(e *Exception) bool {
			if callErr != nil {
				return false
			}
			r, err := Call(th, t, []Value{Obj(e)}, nil)
			if err != nil {
				callErr = err
				return false
			}
			ok, err := Truth(th, r)
			callErr = err
			return ok
		}, nil
	}
	return nil, matcherError()
}

func matcherError() error {
	return Errorf(TypeError, "expected an exception type, a tuple of exception types, or a callable (other than a class)")
}

func group_split(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	var cond Value
	if err := UnpackArgs("split", args, kwnames, "matcher_value", &cond); err != nil {
		return Value{}, err
	}
	m, err := ExceptionMatcher(th, cond, true)
	if err != nil {
		return Value{}, err
	}
	a, b := SplitGroup(selfExc(self), m)
	return Obj(NewTuple([]Value{excOrNone(a), excOrNone(b)})), nil
}

func group_subgroup(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	var cond Value
	if err := UnpackArgs("subgroup", args, kwnames, "matcher_value", &cond); err != nil {
		return Value{}, err
	}
	m, err := ExceptionMatcher(th, cond, true)
	if err != nil {
		return Value{}, err
	}
	a, _ := SplitGroup(selfExc(self), m)
	return excOrNone(a), nil
}

func group_derive(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	var excs Value
	if err := UnpackArgs("derive", args, kwnames, "excs", &excs); err != nil {
		return Value{}, err
	}
	return Call(th, Obj(BaseExceptionGroup), []Value{selfExc(self).Args[0], excs}, nil)
}

// PrepReraiseStar computes what leaves a try/except* statement: orig is
// the exception caught, raised lists what the handlers raised (re-raises
// of a matched part included), and rest is the unmatched part (nil if
// all matched). It returns nil when nothing propagates.
func PrepReraiseStar(orig *Exception, rest *Exception, raised []*Exception) *Exception {
	if !IsSubtype(orig.typ, BaseExceptionGroup) {
		// A naked exception was wrapped for matching: at most one
		// handler ran.
		if len(raised) > 0 {
			return raised[0]
		}
		if rest != nil {
			return orig
		}
		return nil
	}
	leaves := map[*Exception]bool{}
	collectLeaves(orig, leaves)
	var kept []*Exception // re-raised leaves of orig, and the rest
	var fresh []*Exception
	if rest != nil {
		kept = append(kept, rest)
	}
	for _, r := range raised {
		if isReraise(r, leaves) {
			kept = append(kept, r)
		} else {
			fresh = append(fresh, r)
		}
	}
	keep := map[*Exception]bool{}
	for _, k := range kept {
		collectLeaves(k, keep)
	}
	// CPython's order: the new exceptions, then what is left of orig.
	out := fresh
	if len(keep) > 0 {
		if r, _ := SplitGroup(orig, func(e *Exception) bool { return keep[e] && GroupMembers(e) == nil }); r != nil {
			out = append(out, r)
		}
	}
	switch len(out) {
	case 0:
		return nil
	case 1:
		return out[0]
	}
	return NewExceptionGroup("", out)
}

// collectLeaves adds the non-group exceptions inside e to set.
func collectLeaves(e *Exception, set map[*Exception]bool) {
	members := GroupMembers(e)
	if members == nil {
		set[e] = true
		return
	}
	for _, m := range members {
		collectLeaves(m, set)
	}
}

// isReraise reports whether every leaf of e is a leaf of the original.
func isReraise(e *Exception, leaves map[*Exception]bool) bool {
	own := map[*Exception]bool{}
	collectLeaves(e, own)
	for l := range own {
		if !leaves[l] {
			return false
		}
	}
	return true
}
