package pyish

import (
	"strings"

	"github.com/pyish/pyish/runtime"
	"github.com/pyish/pyish/stdlib/asyncio"
	"github.com/pyish/pyish/stdlib/builtins"
	"github.com/pyish/pyish/stdlib/cmath"
	"github.com/pyish/pyish/stdlib/json"
	"github.com/pyish/pyish/stdlib/math"
	"github.com/pyish/pyish/stdlib/pysrc"
	"github.com/pyish/pyish/stdlib/random"
	"github.com/pyish/pyish/stdlib/re"
	"github.com/pyish/pyish/stdlib/sys"
	"github.com/pyish/pyish/stdlib/time"
)

// stdModules builds each standard module afresh for an interpreter.
var stdModules = map[string]func(th *runtime.Thread) *runtime.Module{
	"asyncio": asyncio.Module,
	"cmath":   cmath.Module,
	"json":    json.Module,
	"math":    math.Module,
	"random":  random.Module,
	"re":      re.Module,
	"sys":     sys.Module,
	"time":    time.Module,
}

func init() {
	// The pure-Python-object modules the runtime defines (collections,
	// itertools, functools, heapq, bisect, copy, operator, abc, enum).
	for name, build := range runtime.ObjectModules() {
		stdModules[name] = build
	}
}

// installBuiltins fills the thread's builtins and makes them importable
// as the builtins module (its dict is the builtins themselves, as in
// CPython, so builtins.print = f changes print for every module).
func installBuiltins(th *runtime.Thread) {
	th.Builtins = runtime.NewDict()
	builtins.Install(th)
	m := &runtime.Module{Name: "builtins", Dict: th.Builtins}
	th.Builtins.SetStr("__name__", runtime.Str("builtins"))
	th.Modules["builtins"] = m
}

// importModule is the Thread's import hook: cached modules first, then the
// standard modules the options allow.
func (in *Interpreter) importModule(th *runtime.Thread, name string) (*runtime.Module, error) {
	if m, ok := th.Modules[name]; ok {
		return m, nil
	}
	if parent, child, ok := strings.Cut(name, "."); ok {
		return in.importSubmodule(th, name, parent, child)
	}
	if name == "_traceback" && in.allowed[name] {
		m := in.tracebackModule()
		th.Modules[name] = m
		return m, nil
	}
	if name == "_warnings" && in.allowed[name] {
		m := in.warningsModule()
		th.Modules[name] = m
		return m, nil
	}
	build, ok := stdModules[name]
	src, isSource := pysrc.Source(name)
	if !ok && !isSource {
		return nil, runtime.Errorf(runtime.ModuleNotFoundError, "No module named '%s'", name)
	}
	if !in.allowed[name] && name != "__future__" { // __future__ is harmless and often first
		return nil, runtime.Errorf(runtime.ImportError, "import of module '%s' is not allowed by this interpreter", name)
	}
	if isSource {
		return in.importSource(th, name, src)
	}
	m := build(th)
	th.Modules[name] = m
	if src, ok := pysrc.Extension(name); ok {
		if _, err := in.compileAndRun(th, pysrc.Filename(name), src, m.Dict); err != nil {
			delete(th.Modules, name)
			return nil, err
		}
	}
	return m, nil
}

// importSubmodule imports parent (a standard module with submodules, such
// as collections), then its submodule name, which becomes the parent's
// attribute child as in CPython.
func (in *Interpreter) importSubmodule(th *runtime.Thread, name, parent, child string) (*runtime.Module, error) {
	pm, err := in.importModule(th, parent)
	if err != nil {
		return nil, err
	}
	src, isSource := pysrc.Source(name)
	if !isSource {
		if !isPackage(parent) {
			return nil, runtime.Errorf(runtime.ModuleNotFoundError, "No module named '%s'; '%s' is not a package", name, parent)
		}
		return nil, runtime.Errorf(runtime.ModuleNotFoundError, "No module named '%s'", name)
	}
	if !in.allowed[name] {
		return nil, runtime.Errorf(runtime.ImportError, "import of module '%s' is not allowed by this interpreter", name)
	}
	m, err := in.importSource(th, name, src)
	if err != nil {
		return nil, err
	}
	pm.Dict.SetStr(child, runtime.Obj(m))
	return m, nil
}

// isPackage reports whether the standard module name has submodules.
func isPackage(name string) bool {
	for _, n := range pysrc.Names() {
		if strings.HasPrefix(n, name+".") {
			return true
		}
	}
	return false
}

// importSource runs a module written in Python (stdlib/pysrc) in a fresh
// namespace. As in CPython, the module is in sys.modules while its body
// runs and is taken out again if the body fails.
func (in *Interpreter) importSource(th *runtime.Thread, name, src string) (*runtime.Module, error) {
	m := runtime.NewModule(name)
	m.Dict.SetStr("__file__", runtime.Str(pysrc.Filename(name)))
	th.Modules[name] = m
	if _, err := in.compileAndRun(th, pysrc.Filename(name), src, m.Dict); err != nil {
		delete(th.Modules, name)
		return nil, err
	}
	return m, nil
}
