package runtime

// This file implements str.format and str.format_map: replacement fields
// {name.attr[key]!conv:spec} with nested fields in the spec.

import (
	"strconv"
	"strings"
)

// formatter expands one format string.
type formatter struct {
	th      *Thread
	args    []Value
	kwnames []string
	kwvals  []Value
	mapping Value // format_map's mapping, or the zero Value
	auto    int   // next automatic field number, -1 once manual
	manual  bool
}

// str_format is str.format(*args, **kwargs).
func str_format(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	npos := len(args) - len(kwnames)
	f := &formatter{th: th, args: args[:npos], kwnames: kwnames, kwvals: args[npos:]}
	s, err := f.expand(strSelf(self).s, 2)
	if err != nil {
		return Value{}, err
	}
	if !strings.ContainsAny(strSelf(self).s, "{}") {
		return Obj(strSelf(self)), nil // CPython returns the text itself, subclass and all
	}
	return Str(s), nil
}

// str_format_map is str.format_map(mapping).
func str_format_map(th *Thread, self Value, args []Value, kwnames []string) (Value, error) {
	if err := strArity("str.format_map", args, kwnames, 1, 1); err != nil {
		return Value{}, err
	}
	f := &formatter{th: th, mapping: args[0]}
	s, err := f.expand(strSelf(self).s, 2)
	if err != nil {
		return Value{}, err
	}
	if !strings.ContainsAny(strSelf(self).s, "{}") {
		return Obj(strSelf(self)), nil // CPython returns the text itself, subclass and all
	}
	return Str(s), nil
}

// FormatString is Python's fmt.format(*args, **kwargs) for Go callers.
func FormatString(th *Thread, fmt string, args []Value, kwnames []string) (string, error) {
	npos := len(args) - len(kwnames)
	f := &formatter{th: th, args: args[:npos], kwnames: kwnames, kwvals: args[npos:]}
	return f.expand(fmt, 2)
}

// expand substitutes the fields of s; depth limits nesting in specs.
func (f *formatter) expand(s string, depth int) (string, error) {
	if depth <= 0 {
		return "", Errorf(ValueError, "Max string recursion exceeded")
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '{' && i+1 < len(s) && s[i+1] == '{':
			b.WriteByte('{')
			i += 2
		case c == '}' && i+1 < len(s) && s[i+1] == '}':
			b.WriteByte('}')
			i += 2
		case c == '}':
			return "", Errorf(ValueError, "Single '}' encountered in format string")
		case c == '{':
			end, err := fieldEnd(s, i+1)
			if err != nil {
				return "", err
			}
			out, err := f.field(s[i+1:end], depth)
			if err != nil {
				return "", err
			}
			b.WriteString(out)
			i = end + 1
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String(), nil
}

// fieldEnd finds the '}' closing the field that starts at s[i:].
func fieldEnd(s string, i int) (int, error) {
	level, inBracket := 1, false
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c == '[' && !inBracket:
			inBracket = true
		case c == ']' && inBracket:
			inBracket = false
		case c == '{' && !inBracket:
			level++
		case c == '}' && !inBracket:
			level--
			if level == 0 {
				return i, nil
			}
		}
	}
	if inBracket {
		return 0, Errorf(ValueError, "expected '}' before end of string")
	}
	return 0, Errorf(ValueError, "Single '{' encountered in format string")
}

// splitField splits a field into name, conversion (0 if none) and spec.
func splitField(field string) (name string, conv byte, spec string, err error) {
	inBracket := false
	end := len(field)
	for i := 0; i < len(field); i++ {
		c := field[i]
		if c == '[' {
			inBracket = true
		} else if c == ']' {
			inBracket = false
		} else if !inBracket && (c == ':' || c == '!') {
			end = i
			break
		}
	}
	name, rest := field[:end], field[end:]
	if strings.HasPrefix(rest, "!") {
		if len(rest) < 2 {
			return "", 0, "", Errorf(ValueError, "end of string while looking for conversion specifier")
		}
		conv, rest = rest[1], rest[2:]
		if rest != "" && rest[0] != ':' {
			return "", 0, "", Errorf(ValueError, "expected ':' after conversion specifier")
		}
	}
	return name, conv, strings.TrimPrefix(rest, ":"), nil
}

// field expands one replacement field.
func (f *formatter) field(field string, depth int) (string, error) {
	name, conv, spec, err := splitField(field)
	if err != nil {
		return "", err
	}
	v, err := f.resolve(name)
	if err != nil {
		return "", err
	}
	if strings.ContainsAny(spec, "{}") {
		if spec, err = f.expand(spec, depth-1); err != nil {
			return "", err
		}
	}
	switch conv {
	case 0:
	case 'r', 's', 'a':
		var s string
		if conv == 's' {
			s, err = StrOf(f.th, v)
		} else {
			s, err = Repr(f.th, v)
		}
		if err != nil {
			return "", err
		}
		if conv == 'a' {
			s = ASCIIEscape(s)
		}
		v = Str(s)
	default:
		return "", Errorf(ValueError, "Unknown conversion specifier %c", conv)
	}
	return Format(f.th, v, spec)
}

// resolve evaluates a field name: arg_name ("." attr | "[" key "]")*.
func (f *formatter) resolve(name string) (Value, error) {
	i := strings.IndexAny(name, ".[")
	first, rest := name, ""
	if i >= 0 {
		first, rest = name[:i], name[i:]
	}
	v, err := f.argument(first)
	if err != nil {
		return Value{}, err
	}
	for rest != "" {
		if rest[0] == '.' {
			j := strings.IndexAny(rest[1:], ".[")
			attr := rest[1:]
			if j >= 0 {
				attr = rest[1 : j+1]
			}
			if attr == "" {
				return Value{}, Errorf(ValueError, "Empty attribute in format string")
			}
			if v, err = GetAttr(f.th, v, attr); err != nil {
				return Value{}, err
			}
			rest = rest[1+len(attr):]
			continue
		}
		j := strings.IndexByte(rest, ']')
		if j < 0 {
			return Value{}, Errorf(ValueError, "Missing ']' in format string")
		}
		key := rest[1:j]
		if key == "" {
			return Value{}, Errorf(ValueError, "Empty attribute in format string")
		}
		var k Value
		if n, err := strconv.Atoi(key); err == nil && n >= 0 {
			k = Int(int64(n))
		} else {
			k = Str(key)
		}
		if v, err = GetItem(f.th, v, k); err != nil {
			return Value{}, err
		}
		rest = rest[j+1:]
		if rest != "" && rest[0] != '.' && rest[0] != '[' {
			return Value{}, Errorf(ValueError, "Only '.' or '[' may follow ']' in format field specifier")
		}
	}
	return v, nil
}

// argument looks up a positional (number or automatic) or keyword argument.
func (f *formatter) argument(name string) (Value, error) {
	if name == "" {
		if f.manual {
			return Value{}, Errorf(ValueError, "cannot switch from manual field specification to automatic field numbering")
		}
		f.auto++
		return f.positional(f.auto - 1)
	}
	if n, err := strconv.Atoi(name); err == nil && n >= 0 {
		if f.auto > 0 {
			return Value{}, Errorf(ValueError, "cannot switch from automatic field numbering to manual field specification")
		}
		f.manual = true
		return f.positional(n)
	}
	if !f.mapping.IsNull() {
		return GetItem(f.th, f.mapping, Str(name))
	}
	for i, k := range f.kwnames {
		if k == name {
			return f.kwvals[i], nil
		}
	}
	return Value{}, NewException(KeyError, Str(name))
}

// positional returns positional argument n.
func (f *formatter) positional(n int) (Value, error) {
	if n >= len(f.args) {
		if !f.mapping.IsNull() {
			return Value{}, Errorf(ValueError, "Format string contains positional fields")
		}
		return Value{}, Errorf(IndexError, "Replacement index %d out of range for positional args tuple", n)
	}
	return f.args[n], nil
}
