package runtime

// This file defines collections.namedtuple: it makes a tuple subclass
// with named fields, CPython's reprs and messages.

import (
	"strings"
	"unicode"
)

var pyKeywords = map[string]bool{
	"False": true, "None": true, "True": true, "and": true, "as": true, "assert": true, "async": true,
	"await": true, "break": true, "class": true, "continue": true, "def": true, "del": true, "elif": true,
	"else": true, "except": true, "finally": true, "for": true, "from": true, "global": true, "if": true,
	"import": true, "in": true, "is": true, "lambda": true, "nonlocal": true, "not": true, "or": true,
	"pass": true, "raise": true, "return": true, "try": true, "while": true, "with": true, "yield": true,
}

func isIdentifier(s string) bool {
	for i, r := range s {
		if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
			return false
		}
	}
	return s != ""
}

// fieldNames parses namedtuple's field_names: a string of names separated
// by commas or spaces, or an iterable of strings.
func fieldNames(th *Thread, v Value) ([]string, error) {
	if s, ok := AsString(v); ok {
		return strings.Fields(strings.ReplaceAll(s, ",", " ")), nil
	}
	items, err := ToSlice(th, v)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(items))
	for i, it := range items {
		s, ok := AsString(it)
		if !ok {
			return nil, Errorf(TypeError, "Type names and field names must be strings")
		}
		names[i] = s
	}
	return names, nil
}

func checkNames(typename string, fields []string) error {
	for _, n := range append([]string{typename}, fields...) {
		if !isIdentifier(n) {
			return Errorf(ValueError, "Type names and field names must be valid identifiers: '%s'", n)
		}
		if pyKeywords[n] {
			return Errorf(ValueError, "Type names and field names cannot be a keyword: '%s'", n)
		}
	}
	seen := map[string]bool{}
	for _, n := range fields {
		if strings.HasPrefix(n, "_") {
			return Errorf(ValueError, "Field names cannot start with an underscore: '%s'", n)
		}
		if seen[n] {
			return Errorf(ValueError, "Encountered duplicate field name: '%s'", n)
		}
		seen[n] = true
	}
	return nil
}

// namedTuple is collections.namedtuple(typename, field_names, *, defaults=None).
func namedTuple(th *Thread, args []Value, kwnames []string) (Value, error) {
	var typename string
	var names, defaults, rename, module Value
	if err := UnpackArgs("namedtuple", args, kwnames, "typename", &typename, "field_names", &names,
		"rename?", &rename, "defaults?", &defaults, "module?", &module); err != nil {
		return Value{}, err
	}
	fields, err := fieldNames(th, names)
	if err != nil {
		return Value{}, err
	}
	if err := checkNames(typename, fields); err != nil {
		return Value{}, err
	}
	var defs []Value
	if !defaults.IsNull() && !defaults.IsNone() {
		if defs, err = ToSlice(th, defaults); err != nil {
			return Value{}, err
		}
		if len(defs) > len(fields) {
			return Value{}, Errorf(TypeError, "Got more default values than field names")
		}
	}
	nt := &namedTupleInfo{name: typename, fields: fields, defaults: defs}
	ns := nt.namespace(th)
	if s, ok := AsString(module); ok {
		ns.SetStr("__module__", Str(s))
	}
	t, err := NewClass(th, typename, []*Type{TupleType}, ns)
	if err != nil {
		return Value{}, err
	}
	for _, f := range fields {
		if v, ok := t.Dict.GetStr(f); ok {
			if m, ok := v.o.(*Member); ok {
				m.Owner = t
			}
		}
	}
	return Obj(t), nil
}

// namedTupleInfo describes one namedtuple class.
type namedTupleInfo struct {
	name     string
	fields   []string
	defaults []Value // for the last len(defaults) fields
}

func (nt *namedTupleInfo) namespace(th *Thread) *Dict {
	ns := NewDict()
	fieldVals := make([]Value, len(nt.fields))
	for i, f := range nt.fields {
		fieldVals[i] = Str(f)
	}
	ns.SetStr("__doc__", Str(nt.name+"("+strings.Join(nt.fields, ", ")+")"))
	ns.SetStr("_fields", Obj(NewTuple(fieldVals)))
	fd := NewDict()
	for i, d := range nt.defaults {
		fd.SetStr(nt.fields[len(nt.fields)-len(nt.defaults)+i], d)
	}
	ns.SetStr("_field_defaults", Obj(fd))
	ns.SetStr("__match_args__", Obj(NewTuple(fieldVals)))
	ns.SetStr("__new__", Obj(&StaticMethod{Fn: NewBuiltin("__new__", nt.new)}))
	ns.SetStr("_make", Obj(&ClassMethod{Fn: NewBuiltin("_make", func(th *Thread, args []Value, kwnames []string) (Value, error) {
		if len(args) != 2 {
			return Value{}, Errorf(TypeError, "_make() takes 2 positional arguments but %d were given", len(args))
		}
		items, err := ToSlice(th, args[1])
		if err != nil {
			return Value{}, err
		}
		if len(items) != len(nt.fields) {
			return Value{}, Errorf(TypeError, "Expected %d arguments, got %d", len(nt.fields), len(items))
		}
		return Obj(&Tuple{Items: items, sub: newSub(args[0].o.(*Type), TupleType)}), nil
	})}))
	for i, f := range nt.fields {
		i := i
		ns.SetStr(f, Obj(&Member{Name: f, Get: func(th *Thread, self Value) (Value, error) {
			return self.o.(*Tuple).Items[i], nil
		}, Set: func(th *Thread, self, v Value) error {
			return Errorf(AttributeError, "can't set attribute")
		}}))
	}
	methods := map[string]MethodFunc{
		"__repr__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			t := self.o.(*Tuple)
			parts := make([]string, len(t.Items))
			for i, v := range t.Items {
				r, err := Repr(th, v)
				if err != nil {
					return Value{}, err
				}
				parts[i] = nt.fields[i] + "=" + r
			}
			return Str(self.Type().Name + "(" + strings.Join(parts, ", ") + ")"), nil
		},
		"_asdict": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			d := NewDict()
			for i, v := range self.o.(*Tuple).Items {
				d.SetStr(nt.fields[i], v)
			}
			return Obj(d), nil
		},
		"_replace": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			if len(args) > len(kwnames) {
				return Value{}, Errorf(TypeError, "_replace() takes 1 positional argument but %d were given", len(args)-len(kwnames)+1)
			}
			items := append([]Value(nil), self.o.(*Tuple).Items...)
			var bad []string
			for k, name := range kwnames {
				i := indexOfName(nt.fields, name)
				if i < 0 {
					bad = append(bad, "'"+name+"'")
					continue
				}
				items[i] = args[k]
			}
			if bad != nil {
				return Value{}, Errorf(ValueError, "Got unexpected field names: [%s]", strings.Join(bad, ", "))
			}
			return Obj(&Tuple{Items: items, sub: newSub(self.Type(), TupleType)}), nil
		},
		"__getnewargs__": func(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
			return Obj(NewTuple(append([]Value(nil), self.o.(*Tuple).Items...))), nil
		},
	}
	for name, fn := range methods {
		ns.SetStr(name, Obj(&BuiltinMethod{Name: name, Fn: fn, Owner: TupleType}))
	}
	return ns
}

// new is the class's __new__(cls, *args, **kwargs), with the messages of
// CPython's generated __new__.
func (nt *namedTupleInfo) new(th *Thread, args []Value, kwnames []string) (Value, error) {
	cls := args[0].o.(*Type)
	npos := len(args) - len(kwnames) - 1
	n := len(nt.fields)
	fname := cls.Name + ".__new__()"
	if npos > n {
		firstDefault := n - len(nt.defaults)
		if len(nt.defaults) > 0 {
			return Value{}, Errorf(TypeError, "%s takes from %d to %d positional arguments but %d were given", fname, firstDefault+1, n+1, npos+1)
		}
		return Value{}, Errorf(TypeError, "%s takes %d positional arguments but %d were given", fname, n+1, npos+1)
	}
	items := make([]Value, n)
	copy(items, args[1:1+npos])
	for k, name := range kwnames {
		i := indexOfName(nt.fields, name)
		if i < 0 {
			return Value{}, Errorf(TypeError, "%s got an unexpected keyword argument '%s'", fname, name)
		}
		if !items[i].IsNull() {
			return Value{}, Errorf(TypeError, "%s got multiple values for argument '%s'", fname, name)
		}
		items[i] = args[1+npos+k]
	}
	var missing []string
	for i := range items {
		if items[i].IsNull() {
			if j := i - (n - len(nt.defaults)); j >= 0 {
				items[i] = nt.defaults[j]
				continue
			}
			missing = append(missing, "'"+nt.fields[i]+"'")
		}
	}
	if missing != nil {
		return Value{}, Errorf(TypeError, "%s missing %d required positional argument%s: %s", fname, len(missing), plural(len(missing)), joinMissing(missing))
	}
	return Obj(&Tuple{Items: items, sub: newSub(cls, TupleType)}), nil
}

// joinMissing lists names as CPython's argument errors do: 'a', 'b' and 'c'.
func joinMissing(names []string) string {
	switch len(names) {
	case 1:
		return names[0]
	case 2:
		return names[0] + " and " + names[1]
	}
	return strings.Join(names[:len(names)-1], ", ") + ", and " + names[len(names)-1]
}
