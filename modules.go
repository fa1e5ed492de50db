package pyish

import (
	"github.com/pyish/pyish/runtime"
	"github.com/pyish/pyish/stdlib/asyncio"
	"github.com/pyish/pyish/stdlib/builtins"
	"github.com/pyish/pyish/stdlib/json"
	"github.com/pyish/pyish/stdlib/math"
	"github.com/pyish/pyish/stdlib/random"
	"github.com/pyish/pyish/stdlib/sys"
	"github.com/pyish/pyish/stdlib/time"
)

// stdModules builds each standard module afresh for an interpreter.
var stdModules = map[string]func(th *runtime.Thread) *runtime.Module{
	"asyncio": asyncio.Module,
	"json":    json.Module,
	"math":    math.Module,
	"random":  random.Module,
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

func installBuiltins(th *runtime.Thread) {
	th.Builtins = runtime.NewDict()
	builtins.Install(th)
}

// importModule is the Thread's import hook: cached modules first, then the
// standard modules the options allow.
func (in *Interpreter) importModule(th *runtime.Thread, name string) (*runtime.Module, error) {
	if m, ok := th.Modules[name]; ok {
		return m, nil
	}
	build, ok := stdModules[name]
	if !ok {
		return nil, runtime.Errorf(runtime.ModuleNotFoundError, "No module named '%s'", name)
	}
	if !in.allowed[name] {
		return nil, runtime.Errorf(runtime.ImportError, "import of module '%s' is not allowed by this interpreter", name)
	}
	m := build(th)
	th.Modules[name] = m
	return m, nil
}
