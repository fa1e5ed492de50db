package sys

import (
	"fmt"
	"math"
	"strings"

	"github.com/pyish/pyish/runtime"
)

// This file defines sys.version_info (a tuple with named fields, like
// CPython's struct sequences) and sys.implementation.

// StructSeq is a tuple whose items also have names: sys.version_info.
type StructSeq struct {
	typ    *runtime.Type
	names  []string
	values []value
}

// Types of the struct sequences.
var (
	VersionInfoType = runtime.NewType("sys.version_info", nil)
	FloatInfoType   = runtime.NewType("sys.float_info", nil)
	IntInfoType     = runtime.NewType("sys.int_info", nil)
)

func floatInfo() *StructSeq {
	return &StructSeq{
		typ:   FloatInfoType,
		names: []string{"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"},
		values: []value{runtime.Float(math.MaxFloat64), runtime.Int(1024), runtime.Int(308), runtime.Float(0x1p-1022), runtime.Int(-1021),
			runtime.Int(-307), runtime.Int(15), runtime.Int(53), runtime.Float(0x1p-52), runtime.Int(2), runtime.Int(1)},
	}
}

func intInfo() *StructSeq {
	return &StructSeq{
		typ:    IntInfoType,
		names:  []string{"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"},
		values: []value{runtime.Int(30), runtime.Int(4), runtime.Int(maxStrDigits), runtime.Int(640)},
	}
}

func versionInfo() *StructSeq {
	return &StructSeq{
		typ:    VersionInfoType,
		names:  []string{"major", "minor", "micro", "releaselevel", "serial"},
		values: []value{runtime.Int(3), runtime.Int(12), runtime.Int(0), runtime.Str("final"), runtime.Int(0)},
	}
}

// Type implements runtime.Object.
func (s *StructSeq) Type() *runtime.Type { return s.typ }

func (s *StructSeq) tuple() value { return runtime.Obj(runtime.NewTuple(s.values)) }

// GetAttr implements runtime.HasAttrs: the named fields.
func (s *StructSeq) GetAttr(th *runtime.Thread, name string) (value, error) {
	for i, n := range s.names {
		if n == name {
			return s.values[i], nil
		}
	}
	return runtime.GetAttr(th, s.tuple(), name)
}

// Repr implements runtime.HasRepr: sys.version_info(major=3, …).
func (s *StructSeq) Repr(th *runtime.Thread) (string, error) {
	parts := make([]string, len(s.names))
	for i, n := range s.names {
		r, err := runtime.Repr(th, s.values[i])
		if err != nil {
			return "", err
		}
		parts[i] = n + "=" + r
	}
	return fmt.Sprintf("%s.%s(%s)", s.typ.Module, s.typ.Name, strings.Join(parts, ", ")), nil
}

// Len implements runtime.HasLen.
func (s *StructSeq) Len(th *runtime.Thread) (int, error) { return len(s.values), nil }

// GetItem implements runtime.HasGetItem (indexes and slices, as a tuple).
func (s *StructSeq) GetItem(th *runtime.Thread, key value) (value, error) {
	return runtime.GetItem(th, s.tuple(), key)
}

// Iter implements runtime.Iterable.
func (s *StructSeq) Iter(th *runtime.Thread) (runtime.Iterator, error) {
	return runtime.Iter(th, s.tuple())
}

// Compare implements runtime.HasCompare: compared as a tuple
// (sys.version_info >= (3, 8)).
func (s *StructSeq) Compare(th *runtime.Thread, op runtime.CmpOp, other value) (value, error) {
	if o, ok := other.Object().(*StructSeq); ok {
		other = o.tuple()
	}
	return runtime.Compare(th, op, s.tuple(), other)
}

// Hash implements runtime.HasHash.
func (s *StructSeq) Hash(th *runtime.Thread) (int64, error) { return runtime.Hash(th, s.tuple()) }

// Contains implements runtime.HasContains.
func (s *StructSeq) Contains(th *runtime.Thread, x value) (bool, error) {
	return runtime.Contains(th, s.tuple(), x)
}

// Namespace is a simple attribute bag: sys.implementation.
type Namespace struct {
	names  []string
	values []value
}

// NamespaceType is types.SimpleNamespace.
var NamespaceType = runtime.NewType("types.SimpleNamespace", nil)

func implementation() *Namespace {
	return &Namespace{
		names:  []string{"name", "cache_tag", "version", "hexversion"},
		values: []value{runtime.Str("pyish"), runtime.None, runtime.Obj(versionInfo()), runtime.Int(0x030c00f0)},
	}
}

// Type implements runtime.Object.
func (n *Namespace) Type() *runtime.Type { return NamespaceType }

// GetAttr implements runtime.HasAttrs.
func (n *Namespace) GetAttr(th *runtime.Thread, name string) (value, error) {
	for i, k := range n.names {
		if k == name {
			return n.values[i], nil
		}
	}
	return value{}, runtime.Errorf(runtime.AttributeError, "'types.SimpleNamespace' object has no attribute '%s'", name)
}

// Repr implements runtime.HasRepr.
func (n *Namespace) Repr(th *runtime.Thread) (string, error) {
	parts := make([]string, len(n.names))
	for i, k := range n.names {
		r, err := runtime.Repr(th, n.values[i])
		if err != nil {
			return "", err
		}
		parts[i] = k + "=" + r
	}
	return "namespace(" + strings.Join(parts, ", ") + ")", nil
}
