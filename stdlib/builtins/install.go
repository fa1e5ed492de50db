package builtins

// This file assembles the builtins dict.

import (
	"github.com/pyish/pyish/runtime"
)

// builtinFunc is the Go body of a builtin function.
type builtinFunc = func(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error)

// functions are the builtin functions by Python name. globals, locals,
// breakpoint and __build_class__ are absent: they need the vm's frames. anext keeps per-Thread state and is added by Install.
var functions = map[string]builtinFunc{
	"__import__": builtin_import,
	"abs":        builtin_abs,
	"aiter":      builtin_aiter,
	"all":        builtin_all,
	"any":        builtin_any,
	"ascii":      builtin_ascii,
	"bin":        builtin_bin,
	"callable":   builtin_callable,
	"chr":        builtin_chr,
	"compile":    builtin_compile,
	"delattr":    builtin_delattr,
	"dir":        builtin_dir,
	"divmod":     builtin_divmod,
	"eval":       builtin_eval,
	"exec":       builtin_exec,
	"exit":       builtin_exit,
	"format":     builtin_format,
	"getattr":    builtin_getattr,
	"hasattr":    builtin_hasattr,
	"hex":        builtin_hex,
	"id":         builtin_id,
	"input":      builtin_input,
	"isinstance": builtin_isinstance,
	"issubclass": builtin_issubclass,
	"iter":       builtin_iter,
	"len":        builtin_len,
	"max":        builtin_max,
	"min":        builtin_min,
	"next":       builtin_next,
	"oct":        builtin_oct,
	"open":       builtin_open,
	"ord":        builtin_ord,
	"pow":        builtin_pow,
	"print":      builtin_print,
	"quit":       builtin_exit,
	"repr":       builtin_repr,
	"round":      builtin_round,
	"setattr":    builtin_setattr,
	"sorted":     builtin_sorted,
	"sum":        builtin_sum,
	"vars":       builtin_vars,
	"globals":    builtin_globals,
	"locals":     builtin_locals,
}

// types are the built-in types exposed under their names (their Name
// field), including this package's iterator types.
var types = []*runtime.Type{
	runtime.ObjectType, runtime.TypeType, runtime.IntType, runtime.FloatType, runtime.ComplexType,
	runtime.BoolType, runtime.StrType, runtime.BytesType, runtime.ByteArrayType, runtime.MemoryViewType, runtime.ListType,
	runtime.TupleType, runtime.DictType, runtime.SetType, runtime.FrozenSetType,
	runtime.RangeType, runtime.SliceType, runtime.PropertyType,
	runtime.StaticMethodType, runtime.ClassMethodType, runtime.SuperType,
	EnumerateType, ZipType, MapType, FilterType, ReversedType,
}

// Install fills th.Builtins (created by the caller) with the builtin
// functions, types, exception classes and constants.
func Install(th *runtime.Thread) {
	d := th.Builtins
	for name, fn := range functions {
		d.SetStr(name, runtime.Obj(&runtime.BuiltinFunction{Name: name, Fn: fn}))
	}
	d.SetStr("hash", runtime.Obj(runtime.HashBuiltin)) // the vm knows this one
	for _, t := range types {
		d.SetStr(t.Name, runtime.Obj(t))
	}
	for _, t := range runtime.ExceptionTypes {
		d.SetStr(t.Name, runtime.Obj(t))
	}
	d.SetStr("anext", runtime.Obj(&runtime.BuiltinFunction{Name: "anext", Fn: newAnext()}))
	// CPython's old names for OSError.
	d.SetStr("EnvironmentError", runtime.Obj(runtime.OSError))
	d.SetStr("IOError", runtime.Obj(runtime.OSError))
	d.SetStr("None", runtime.None)
	d.SetStr("True", runtime.True)
	d.SetStr("False", runtime.False)
	d.SetStr("NotImplemented", runtime.NotImplemented)
	d.SetStr("Ellipsis", runtime.Ellipsis)
	d.SetStr("__name__", runtime.Str("builtins"))
	d.SetStr("__doc__", runtime.None)
}
