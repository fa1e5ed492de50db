package builtins

// This file defines the builtins that reach the embedding layer: exit and
// quit, compile, exec and eval (through the Thread's CompileCode hook) and
// __import__ (through its Import hook).

import (
	"bytes"
	"fmt"

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

// execCode is a code object that exec() and eval() run: the vm's Code,
// which the Thread's CompileCode hook makes.
type execCode interface {
	runtime.Object
	Exec(th *runtime.Thread, globals, locals *runtime.Dict) (runtime.Value, error)
}

// builtin_exec is exec(source, globals=None, locals=None, /, *,
// closure=None): it runs a str, bytes or code object of statements in
// the namespaces given. Without globals it would have to run in the
// caller's scope, which builtins cannot see: the vm answers exec(source)
// called by name, and any other such call is refused.
func builtin_exec(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	pos, kw := splitKwargs(args, kwnames)
	switch {
	case len(pos) == 0:
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "exec() takes at least 1 positional argument (0 given)")
	case len(pos) > 3:
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "exec() takes at most 3 positional arguments (%d given)", len(pos))
	}
	for i, name := range kwnames {
		switch {
		case name != "closure":
			return runtime.Value{}, badKeyword("exec", name)
		case !kw[i].IsNone():
			return runtime.Value{}, runtime.Errorf(runtime.NotImplementedError, "exec() with a closure is not supported by pyish")
		}
	}
	globals, locals, err := execNamespaces(th, pos)
	if err != nil {
		return runtime.Value{}, err
	}
	code, err := sourceCode(th, "exec", pos[0])
	if err != nil {
		return runtime.Value{}, err
	}
	if _, err := code.Exec(th, globals, locals); err != nil {
		return runtime.Value{}, err
	}
	return runtime.None, nil
}

// builtin_eval is eval(source, globals=None, locals=None, /): the value
// of a str, bytes or code object expression evaluated in the namespaces
// given (see builtin_exec for a call without them).
func builtin_eval(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	switch {
	case len(kwnames) > 0:
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "eval() takes no keyword arguments")
	case len(args) == 0:
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "eval expected at least 1 argument, got 0")
	case len(args) > 3:
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "eval expected at most 3 arguments, got %d", len(args))
	}
	globals, locals, err := evalNamespaces(th, args)
	if err != nil {
		return runtime.Value{}, err
	}
	code, err := sourceCode(th, "eval", args[0])
	if err != nil {
		return runtime.Value{}, err
	}
	return code.Exec(th, globals, locals)
}

// optionalArg is args[i], or None past the end.
func optionalArg(args []runtime.Value, i int) runtime.Value {
	if i < len(args) {
		return args[i]
	}
	return runtime.None
}

// execNamespaces checks exec's globals and locals as CPython's exec does.
func execNamespaces(th *runtime.Thread, args []runtime.Value) (globals, locals *runtime.Dict, err error) {
	g, l := optionalArg(args, 1), optionalArg(args, 2)
	if err := compilerAvailable(th, "exec", g); err != nil {
		return nil, nil, err
	}
	if _, ok := g.Object().(*runtime.Dict); !ok {
		return nil, nil, runtime.Errorf(runtime.TypeError, "exec() globals must be a dict, not %s", typeName(g))
	}
	if !l.IsNone() && !isMapping(l) {
		return nil, nil, runtime.Errorf(runtime.TypeError, "locals must be a mapping or None, not %s", typeName(l))
	}
	return plainNamespaces(th, "exec", g, l)
}

// evalNamespaces checks eval's globals and locals as CPython's eval does.
func evalNamespaces(th *runtime.Thread, args []runtime.Value) (globals, locals *runtime.Dict, err error) {
	g, l := optionalArg(args, 1), optionalArg(args, 2)
	if !l.IsNone() && !isMapping(l) {
		return nil, nil, runtime.Errorf(runtime.TypeError, "locals must be a mapping")
	}
	if _, ok := g.Object().(*runtime.Dict); !ok && !g.IsNone() {
		if isMapping(g) {
			return nil, nil, runtime.Errorf(runtime.TypeError, "globals must be a real dict; try eval(expr, {}, mapping)")
		}
		return nil, nil, runtime.Errorf(runtime.TypeError, "globals must be a dict")
	}
	if err := compilerAvailable(th, "eval", g); err != nil {
		return nil, nil, err
	}
	return plainNamespaces(th, "eval", g, l)
}

// compilerAvailable refuses what pyish cannot do: run without a compiler
// hook, or in the caller's namespaces (globals None), which a builtin
// cannot see.
func compilerAvailable(th *runtime.Thread, name string, globals runtime.Value) error {
	switch {
	case th.CompileCode == nil:
		return runtime.Errorf(runtime.NotImplementedError, "%s() is not available in this interpreter", name)
	case globals.IsNone():
		return runtime.Errorf(runtime.NotImplementedError, "%s() needs an explicit globals dict in pyish", name)
	}
	return nil
}

// isMapping is CPython's PyMapping_Check: the type has __getitem__.
func isMapping(v runtime.Value) bool {
	_, ok := runtime.LookupSpecial(v, "__getitem__")
	return ok
}

// plainNamespaces returns the globals dict g and the locals l (g when
// None) after the checks pyish adds: both must be plain dicts, since the
// vm reads and writes names without calling a subclass's overrides, and
// the builtins must be pyish's own. As CPython does, a globals dict
// without __builtins__ gets the builtins dict.
func plainNamespaces(th *runtime.Thread, name string, g, l runtime.Value) (globals, locals *runtime.Dict, err error) {
	if l.IsNone() {
		l = g
	}
	if g.Type() != runtime.DictType {
		return nil, nil, runtime.Errorf(runtime.NotImplementedError, "%s() with globals of type '%s' (a dict subclass) is not supported by pyish", name, typeName(g))
	}
	if l.Type() != runtime.DictType {
		return nil, nil, runtime.Errorf(runtime.NotImplementedError, "%s() with locals of type '%s' is not supported by pyish (only a dict)", name, typeName(l))
	}
	globals, locals = g.Object().(*runtime.Dict), l.Object().(*runtime.Dict)
	b, ok := globals.GetStr("__builtins__")
	switch {
	case !ok:
		globals.SetStr("__builtins__", runtime.Obj(th.Builtins))
	case !b.Is(runtime.Obj(th.Builtins)) && !isBuiltinsModule(th, b):
		return nil, nil, runtime.Errorf(runtime.NotImplementedError,
			"%s() with a globals dict whose __builtins__ is not the builtins module is not supported by pyish", name)
	}
	return globals, locals, nil
}

// isBuiltinsModule reports whether v is the builtins module.
func isBuiltinsModule(th *runtime.Thread, v runtime.Value) bool {
	m, ok := th.Modules["builtins"]
	return ok && v.Is(runtime.Obj(m))
}

// sourceCode is exec's or eval's first argument as a code object: a code
// object itself, or a str or bytes compiled as <string> in the builtin's
// mode (eval drops the leading spaces and tabs of a source, as CPython's
// does).
func sourceCode(th *runtime.Thread, name string, source runtime.Value) (execCode, error) {
	if code, ok := source.Object().(execCode); ok {
		return code, nil
	}
	src, ok := sourceBytes(source)
	if !ok {
		return nil, runtime.Errorf(runtime.TypeError, "%s() arg 1 must be a string, bytes or code object", name)
	}
	if name == "eval" {
		src = bytes.TrimLeft(src, " \t")
	}
	return compileSource(th, "<string>", src, name)
}

// sourceBytes is the text of a str, bytes or bytearray source.
func sourceBytes(v runtime.Value) ([]byte, bool) {
	if s, ok := runtime.AsString(v); ok {
		return []byte(s), true
	}
	return runtime.AsBytes(v)
}

// compileSource compiles src through the Thread's CompileCode hook.
func compileSource(th *runtime.Thread, filename string, src []byte, mode string) (execCode, error) {
	if th.CompileCode == nil {
		return nil, runtime.Errorf(runtime.NotImplementedError, "compile() is not available in this interpreter")
	}
	obj, err := th.CompileCode(th, filename, src, mode)
	if err != nil {
		return nil, err
	}
	code, ok := obj.(execCode)
	if !ok {
		return nil, runtime.Errorf(runtime.SystemError, "compile() made a %s, not a code object", obj.Type().Name)
	}
	return code, nil
}

// Flags of compile() (CPython's Include/cpython/compile.h and code.h).
const (
	// noOpFutureFlags are the __future__ features every Python 3 has:
	// nested_scopes (obsolete), division, absolute_import,
	// with_statement, print_function, unicode_literals, generator_stop.
	noOpFutureFlags = 0x0010 | 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x800000
	// knownFlags adds barry_as_FLUFL and annotations, and the PyCF_*
	// compile flags (only_ast, type_comments, top-level await, and the
	// REPL's dont_imply_dedent and allow_incomplete_input).
	knownFlags = noOpFutureFlags | 0x400000 | 0x1000000 | 0x400 | 0x1000 | 0x2000 | 0x200 | 0x4000
)

// builtin_compile is compile(source, filename, mode, flags=0,
// dont_inherit=False, optimize=-1): source compiled into a code object
// for exec() and eval(). Flags that change the language (ast output,
// `from __future__ import annotations`, top-level await) and optimize
// levels that drop asserts are refused; the caller's future statements
// are not inherited (pyish's callers have none that change semantics but
// annotations).
func builtin_compile(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	var source, filename, mode, dontInherit runtime.Value
	flags, optimize := 0, -1
	if err := runtime.UnpackArgs("compile", args, kwnames, "source", &source, "filename", &filename, "mode", &mode,
		"flags?", &flags, "dont_inherit?", &dontInherit, "optimize?", &optimize); err != nil {
		return runtime.Value{}, err
	}
	fname, err := compileFilename(filename)
	if err != nil {
		return runtime.Value{}, err
	}
	m, ok := runtime.AsString(mode)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "compile() argument 'mode' must be str, not %s", typeName(mode))
	}
	if err := compileOptions(flags, optimize); err != nil {
		return runtime.Value{}, err
	}
	if m != "exec" && m != "eval" && m != "single" {
		return runtime.Value{}, runtime.Errorf(runtime.ValueError, "compile() mode must be 'exec', 'eval' or 'single'")
	}
	src, ok := sourceBytes(source)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "compile() arg 1 must be a string, bytes or AST object")
	}
	code, err := compileSource(th, fname, src, m)
	if err != nil {
		return runtime.Value{}, err
	}
	return runtime.Obj(code), nil
}

// flagName names the lowest of the flags that compile() refuses.
func flagName(flags int) string {
	names := []struct {
		bit  int
		name string
	}{{0x200, "PyCF_DONT_IMPLY_DEDENT"}, {0x400, "ast.PyCF_ONLY_AST"}, {0x1000, "ast.PyCF_TYPE_COMMENTS"},
		{0x2000, "ast.PyCF_ALLOW_TOP_LEVEL_AWAIT"}, {0x4000, "PyCF_ALLOW_INCOMPLETE_INPUT"},
		{0x400000, "__future__.barry_as_FLUFL"}, {0x1000000, "__future__.annotations"}}
	for _, n := range names {
		if flags&n.bit != 0 {
			return n.name
		}
	}
	return fmt.Sprintf("0x%x", flags)
}

// compileFilename is compile()'s filename: a str or bytes (os.PathLike
// objects are refused: pyish has no os module).
func compileFilename(v runtime.Value) (string, error) {
	if s, ok := runtime.AsString(v); ok {
		return s, nil
	}
	if b, ok := runtime.AsBytes(v); ok && v.Type() == runtime.BytesType {
		return string(b), nil
	}
	return "", runtime.Errorf(runtime.TypeError, "expected str, bytes or os.PathLike object, not %s", typeName(v))
}

// compileOptions checks compile()'s flags and optimize level.
func compileOptions(flags, optimize int) error {
	switch {
	case flags&^knownFlags != 0:
		return runtime.Errorf(runtime.ValueError, "compile(): unrecognised flags")
	case optimize < -1 || optimize > 2:
		return runtime.Errorf(runtime.ValueError, "compile(): invalid optimize value")
	case flags&^noOpFutureFlags != 0:
		return runtime.Errorf(runtime.NotImplementedError, "compile() with the flag %s is not supported by pyish", flagName(flags&^noOpFutureFlags))
	case optimize > 0:
		return runtime.Errorf(runtime.NotImplementedError, "compile() with optimize=%d is not supported by pyish", optimize)
	}
	return nil
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
