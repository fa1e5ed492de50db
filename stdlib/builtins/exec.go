package builtins

// This file defines the builtins that reach the embedding layer: exit and
// quit, exec and eval (through the Thread's Compile hook) and __import__
// (through its Import hook).

import (
	"strings"

	"github.com/pyish/pyish/runtime"
)

// builtin_exit is exit(code=None) and quit(code=None): raise SystemExit.
func builtin_exit(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	code := runtime.None
	if err := runtime.UnpackArgs("exit", args, kwnames, "code?", &code); err != nil {
		return runtime.Value{}, err
	}
	return runtime.Value{}, runtime.NewException(runtime.SystemExit, code)
}

// evalResult is the global that eval's wrapped expression assigns.
const evalResult = "__pyish_eval_result__"

// builtin_exec is exec(source, globals): it runs a str of statements in
// the globals dict given. Without that dict it would have to run in the
// caller's scope, which builtins cannot see, so it refuses.
func builtin_exec(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	src, globals, err := sourceArgs(th, "exec", args, kwnames)
	if err != nil {
		return runtime.Value{}, err
	}
	if _, err := th.Compile(th, "<string>", src, globals); err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, nil
}

// builtin_eval is eval(expression, globals): the value of a str
// expression evaluated in the globals dict given.
func builtin_eval(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	src, globals, err := sourceArgs(th, "eval", args, kwnames)
	if err != nil {
		return runtime.Value{}, err
	}
	if _, err := th.Compile(th, "<string>", evalResult+" = (\n"+trimLeft(src)+"\n)", globals); err != nil {
		return runtime.Value{}, evalSyntaxLine(th, err, src)
	}
	v, ok := globals.GetStr(evalResult)
	if !ok {
		return runtime.None, nil
	}
	_, err = globals.Delete(th, runtime.Str(evalResult))
	return v, err
}

// evalSyntaxLine gives a SyntaxError in eval's source the line CPython
// reports: the wrapped source starts a line down, and an error found at
// the wrapper's closing line is at the source's end.
func evalSyntaxLine(th *runtime.Thread, err error, src string) error {
	exc, ok := err.(*runtime.Exception)
	if !ok || !exc.Matches(runtime.SyntaxError) {
		return err
	}
	v, e := runtime.GetAttr(th, runtime.Obj(exc), "lineno")
	if e != nil || !v.IsInt() {
		return err
	}
	line := min(int(v.AsInt())-1, strings.Count(strings.TrimRight(src, "\n"), "\n")+1)
	if e := runtime.SetAttr(th, runtime.Obj(exc), "lineno", runtime.Int(int64(max(line, 1)))); e != nil {
		return e
	}
	return err
}

// trimLeft drops the leading spaces and tabs eval ignores.
func trimLeft(s string) string {
	for len(s) > 0 && (s[0] == ' ' || s[0] == '\t') {
		s = s[1:]
	}
	return s
}

// sourceArgs checks exec/eval's (source, globals=None, locals=None).
func sourceArgs(th *runtime.Thread, name string, args []runtime.Value, kwnames []string) (string, *runtime.Dict, error) {
	var source runtime.Value
	globals, locals := runtime.None, runtime.None
	if err := runtime.UnpackArgs(name, args, kwnames, "source", &source, "globals?", &globals, "locals?", &locals); err != nil {
		return "", nil, err
	}
	src, ok := runtime.AsString(source)
	if !ok {
		return "", nil, runtime.Errorf(runtime.TypeError, "%s() arg 1 must be a string, bytes or code object", name)
	}
	if th.Compile == nil {
		return "", nil, runtime.Errorf(runtime.NotImplementedError, "%s() is not available in this interpreter", name)
	}
	if globals.IsNone() {
		return "", nil, runtime.Errorf(runtime.NotImplementedError, "%s() needs an explicit globals dict in pyish", name)
	}
	d, ok := globals.Object().(*runtime.Dict)
	switch {
	case !ok && name == "eval":
		return "", nil, runtime.Errorf(runtime.TypeError, "globals must be a dict")
	case !ok:
		return "", nil, runtime.Errorf(runtime.TypeError, "%s() globals must be a dict, not %s", name, typeName(globals))
	}
	if !locals.IsNone() && !locals.Is(globals) {
		return "", nil, runtime.Errorf(runtime.NotImplementedError, "%s() with a separate locals mapping is not supported by pyish", name)
	}
	return src, d, nil
}

// builtin_compile refuses: pyish has no code objects for scripts.
func builtin_compile(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	return runtime.Value{}, runtime.Errorf(runtime.NotImplementedError, "compile() is not supported by pyish")
}

// builtin_import is __import__(name, globals=None, locals=None,
// fromlist=(), level=0) for absolute imports of pyish's flat modules.
func builtin_import(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	var name, globals, locals, fromlist runtime.Value
	level := 0
	if err := runtime.UnpackArgs("__import__", args, kwnames, "name", &name, "globals?", &globals,
		"locals?", &locals, "fromlist?", &fromlist, "level?", &level); err != nil {
		return runtime.Value{}, err
	}
	s, ok := runtime.AsString(name)
	switch {
	case !ok:
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "module name must be a string")
	case level < 0:
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "level must be >= 0")
	case level > 0:
		return runtime.Value{}, runtime.Errorf(runtime.ImportError, "relative imports are not supported by pyish")
	case s == "":
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "Empty module name")
	case th.Import == nil:
		return runtime.Value{}, runtime.Errorf(runtime.ModuleNotFoundError, "No module named '%s'", s)
	}
	m, err := th.Import(th, s)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(m), nil
}
