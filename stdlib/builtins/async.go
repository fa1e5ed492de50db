package builtins

// This file defines aiter and anext. anext with a default needs an
// awaitable that catches StopAsyncIteration around another awaitable,
// which only compiled code can await, so it is written in pyish and
// compiled once per Thread through the Compile hook.

import (
	"github.com/pyish/pyish/runtime"
)

// builtin_aiter is aiter(async_iterable): its __aiter__().
func builtin_aiter(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
	if err := oneArg("aiter", args, kwnames); err != nil {
		return runtime.Value{}, err
	}
	r, found, err := callSpecial(th, args[0], "__aiter__")
	switch {
	case !found:
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'%s' object is not an async iterable", typeName(args[0]))
	case err != nil:
		return runtime.Value{}, err
	}
	if _, ok := runtime.LookupSpecial(r, "__anext__"); !ok {
		return runtime.Value{}, runtime.Errorf(runtime.TypeError, "aiter() returned not an async iterator of type '%s'", typeName(r))
	}
	return r, nil
}

// anextDefaultSrc defines the awaitable of anext(iterator, default).
const anextDefaultSrc = `
async def anext_default(awaitable, default):
    try:
        return await awaitable
    except StopAsyncIteration:
        return default
`

// newAnext returns the anext builtin of one Thread, which keeps the
// compiled helper for the default case.
func newAnext() builtinFunc {
	var withDefault runtime.Value
	return func(th *runtime.Thread, args []runtime.Value, kwnames []string) (runtime.Value, error) {
		if err := posArgs("anext", args, kwnames, 1, 2); err != nil {
			return runtime.Value{}, err
		}
		aw, found, err := callSpecial(th, args[0], "__anext__")
		switch {
		case !found:
			return runtime.Value{}, runtime.Errorf(runtime.TypeError, "'%s' object is not an async iterator", typeName(args[0]))
		case err != nil || len(args) == 1:
			return aw, err
		}
		if withDefault.IsNull() {
			if withDefault, err = compileHelper(th, "anext_default", anextDefaultSrc); err != nil {
				return runtime.Value{}, err
			}
		}
		return runtime.Call(th, withDefault, []runtime.Value{aw, args[1]}, nil)
	}
}

// compileHelper compiles src, which defines the function name, in a
// namespace of its own and returns that function.
func compileHelper(th *runtime.Thread, name, src string) (runtime.Value, error) {
	if th.Compile == nil {
		return runtime.Value{}, runtime.Errorf(runtime.NotImplementedError, "%s needs the compiler, which this interpreter does not provide", name)
	}
	g := runtime.NewDict()
	g.SetStr("__name__", runtime.Str("builtins"))
	if _, err := th.Compile(th, "<builtins>", src, g); err != nil {
		return runtime.Value{}, err
	}
	fn, ok := g.GetStr(name)
	if !ok {
		return runtime.Value{}, runtime.Errorf(runtime.SystemError, "builtins: helper %s not defined", name)
	}
	return fn, nil
}
