package sys

import (
	"math"
	goruntime "runtime"
	"sort"

	"github.com/pyish/pyish/runtime"
)

// This file builds the module.

type value = runtime.Value

// Version facts: pyish implements the language of CPython 3.12.
const (
	versionString = "3.12.0 (pyish)"
	maxStrDigits  = 4300
)

// Module returns a fresh sys module for th.
func Module(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("sys")
	d := m.Dict
	argv := make([]value, len(th.Argv))
	for i, a := range th.Argv {
		argv[i] = runtime.Str(a)
	}
	d.SetStr("argv", runtime.Obj(runtime.NewList(argv)))
	d.SetStr("path", runtime.Obj(runtime.NewList([]value{})))
	d.SetStr("maxsize", runtime.Int(math.MaxInt64))
	d.SetStr("version", runtime.Str(versionString))
	d.SetStr("version_info", runtime.Obj(versionInfo()))
	d.SetStr("hexversion", runtime.Int(0x030c00f0))
	d.SetStr("platform", runtime.Str(platform()))
	d.SetStr("byteorder", runtime.Str("little"))
	d.SetStr("executable", runtime.Str(""))
	d.SetStr("implementation", runtime.Obj(implementation()))
	d.SetStr("float_info", runtime.Obj(floatInfo()))
	d.SetStr("int_info", runtime.Obj(intInfo()))
	stdout := &Stream{th: th, name: "<stdout>", mode: "w", fd: 1}
	stderr := &Stream{th: th, name: "<stderr>", mode: "w", fd: 2}
	stdin := &Stream{th: th, name: "<stdin>", mode: "r", fd: 0}
	for _, s := range []struct {
		name   string
		stream *Stream
	}{{"stdout", stdout}, {"stderr", stderr}, {"stdin", stdin}} {
		d.SetStr(s.name, runtime.Obj(s.stream))
		d.SetStr("__"+s.name+"__", runtime.Obj(s.stream))
	}
	for name, fn := range functions() {
		d.SetStr(name, runtime.NewBuiltin(name, fn))
	}
	return m
}

func platform() string {
	switch goruntime.GOOS {
	case "windows":
		return "win32"
	case "linux", "darwin", "freebsd", "openbsd", "netbsd", "aix":
		return goruntime.GOOS
	}
	return goruntime.GOOS
}

func functions() map[string]func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	return map[string]func(th *runtime.Thread, args []value, kwnames []string) (value, error){
		"exit":                   sys_exit,
		"getrecursionlimit":      sys_getrecursionlimit,
		"setrecursionlimit":      sys_setrecursionlimit,
		"getdefaultencoding":     constStr("getdefaultencoding", "utf-8"),
		"getfilesystemencoding":  constStr("getfilesystemencoding", "utf-8"),
		"get_int_max_str_digits": sys_get_int_max_str_digits,
		"intern":                 sys_intern,
		"displayhook":            sys_displayhook,
		"__displayhook__":        sys_displayhook,
		"__getattr__":            sys_getattr,
		"exc_info":               frameReader("exc_info"),
		"exception":              frameReader("exception"),
	}
}

// frameReader is exc_info or exception: the vm answers a direct call
// (`sys.exc_info()`, or by name after `from sys import exc_info`) from the
// calling frame. Reached any other way (through getattr, passed as a
// value), the function cannot see the caller's frame, and says so rather
// than answer wrongly.
func frameReader(name string) func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	return func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
		if err := noArgs(name, args, kwnames); err != nil {
			return value{}, err
		}
		return value{}, runtime.Errorf(runtime.NotImplementedError,
			"pyish: sys.%s() must be called directly (sys.%s() or %s()), not through another name", name, name, name)
	}
}

// noArgs checks a call of a function without parameters.
func noArgs(name string, args []value, kwnames []string) error {
	if len(kwnames) > 0 {
		return runtime.Errorf(runtime.TypeError, "sys.%s() takes no keyword arguments", name)
	}
	if len(args) > 0 {
		return runtime.Errorf(runtime.TypeError, "sys.%s() takes no arguments (%d given)", name, len(args))
	}
	return nil
}

func constStr(name, s string) func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	return func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
		if err := noArgs(name, args, kwnames); err != nil {
			return value{}, err
		}
		return runtime.Str(s), nil
	}
}

// sys_exit is sys.exit(status=None): it raises SystemExit(status).
func sys_exit(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if len(kwnames) > 0 {
		return value{}, runtime.Errorf(runtime.TypeError, "sys.exit() takes no keyword arguments")
	}
	switch {
	case len(args) == 0 || (len(args) == 1 && args[0].IsNone()):
		return value{}, runtime.NewException(runtime.SystemExit)
	case len(args) == 1:
		return value{}, runtime.NewException(runtime.SystemExit, args[0])
	}
	return value{}, runtime.Errorf(runtime.TypeError, "exit expected at most 1 argument, got %d", len(args))
}

func sys_getrecursionlimit(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if err := noArgs("getrecursionlimit", args, kwnames); err != nil {
		return value{}, err
	}
	return runtime.Int(int64(th.MaxDepth)), nil
}

func sys_setrecursionlimit(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if len(kwnames) > 0 {
		return value{}, runtime.Errorf(runtime.TypeError, "sys.setrecursionlimit() takes no keyword arguments")
	}
	if len(args) != 1 {
		return value{}, runtime.Errorf(runtime.TypeError, "sys.setrecursionlimit() takes exactly one argument (%d given)", len(args))
	}
	if args[0].IsFloat() {
		return value{}, runtime.Errorf(runtime.TypeError, "'float' object cannot be interpreted as an integer")
	}
	n, err := runtime.ToInt64(th, args[0])
	if err != nil {
		return value{}, err
	}
	if n < 1 {
		return value{}, runtime.Errorf(runtime.ValueError, "recursion limit must be greater or equal than 1")
	}
	if n > math.MaxInt32 {
		return value{}, runtime.Errorf(runtime.OverflowError, "Python int too large to convert to C int")
	}
	if int(n) <= th.Depth {
		return value{}, runtime.Errorf(runtime.RecursionError, "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low", n, th.Depth)
	}
	th.MaxDepth = int(n)
	return runtime.None, nil
}

func sys_get_int_max_str_digits(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if err := noArgs("get_int_max_str_digits", args, kwnames); err != nil {
		return value{}, err
	}
	return runtime.Int(maxStrDigits), nil
}

// sys_intern is sys.intern(s): strings are values in pyish, so it
// returns s.
func sys_intern(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if len(kwnames) > 0 || len(args) != 1 {
		return value{}, runtime.Errorf(runtime.TypeError, "intern() takes exactly one argument (%d given)", len(args))
	}
	if _, ok := runtime.AsString(args[0]); !ok {
		return value{}, runtime.Errorf(runtime.TypeError, "intern() argument must be str, not %s", args[0].Type().Name)
	}
	return args[0], nil
}

// sys_displayhook is sys.displayhook(object), what compile(…, 'single')
// code shows its expression values with: repr(object) written to
// sys.stdout, and object bound to builtins._ (None is neither).
func sys_displayhook(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if len(kwnames) > 0 || len(args) != 1 {
		return value{}, runtime.Errorf(runtime.TypeError, "displayhook() takes exactly one argument (%d given)", len(args))
	}
	v := args[0]
	if v.IsNone() {
		return runtime.None, nil
	}
	setUnderscore(th, runtime.None)
	text, err := runtime.Repr(th, v)
	if err != nil {
		return value{}, err
	}
	sys, ok := th.Modules["sys"]
	if !ok {
		return value{}, runtime.Errorf(runtime.RuntimeError, "lost sys.stdout")
	}
	out, ok := sys.Dict.GetStr("stdout")
	if !ok || out.IsNone() {
		return value{}, runtime.Errorf(runtime.RuntimeError, "lost sys.stdout")
	}
	if _, err := runtime.CallMethod(th, out, "write", runtime.Str(text+"\n")); err != nil {
		return value{}, err
	}
	setUnderscore(th, v)
	return runtime.None, nil
}

// setUnderscore binds builtins._ (a Thread without builtins has none).
func setUnderscore(th *runtime.Thread, v value) {
	if th.Builtins != nil {
		th.Builtins.SetStr("_", v)
	}
}

// sys_getattr is the module's __getattr__: sys.modules, built on access.
func sys_getattr(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if len(args) == 1 && len(kwnames) == 0 {
		if name, _ := runtime.AsString(args[0]); name == "modules" {
			names := make([]string, 0, len(th.Modules))
			for name := range th.Modules {
				names = append(names, name)
			}
			sort.Strings(names)
			d := runtime.NewDict()
			for _, name := range names {
				d.SetStr(name, runtime.Obj(th.Modules[name]))
			}
			return runtime.Obj(d), nil
		}
		name, _ := runtime.AsString(args[0])
		return value{}, runtime.Errorf(runtime.AttributeError, "module 'sys' has no attribute '%s'", name)
	}
	return value{}, runtime.Errorf(runtime.TypeError, "__getattr__ expected 1 argument")
}
