package pyish

import (
	"context"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/pyish/pyish/ast"
	"github.com/pyish/pyish/parser"
	"github.com/pyish/pyish/runtime"
	"github.com/pyish/pyish/vm"
)

// Interpreter runs pyish code. Create it with New. Use it from one
// goroutine at a time (the one running its event loop); only Interrupt is
// safe from other goroutines.
type Interpreter struct {
	th      *runtime.Thread
	opts    Options
	allowed map[string]bool
	globals *runtime.Dict // __main__'s namespace

	loop    *runtime.Loop // the first loop: later loops share its wake-up channel
	depth   int           // nesting of Exec/Eval/Call (loop goroutine only)
	runCtx  context.Context
	stopper stopper // how Interrupt and a cancelled context reach the run

	mu      sync.Mutex
	sources map[string][]string // file name → source lines, for tracebacks
}

// New returns an interpreter configured by opts.
func New(opts Options) *Interpreter {
	th := runtime.NewThread()
	th.Stdout = writerOr(opts.Stdout)
	th.Stderr = writerOr(opts.Stderr)
	th.Stdin = opts.Stdin
	if th.Stdin == nil {
		th.Stdin = strings.NewReader("")
	}
	if opts.MaxDepth > 0 {
		th.MaxDepth = opts.MaxDepth
	}
	th.MaxSteps = opts.MaxSteps
	th.MaxMemory = opts.MaxMemory
	th.Argv = opts.Args
	if len(th.Argv) == 0 {
		th.Argv = []string{""}
	}
	in := &Interpreter{th: th, opts: opts, sources: map[string][]string{}}
	in.allowed = allowSet(opts.Modules)
	th.Local = in
	th.Import = in.importModule
	th.Compile = in.compileAndRun
	th.CompileCode = in.compileCode
	th.SourceLine = in.sourceLine
	th.ParseSegment = parseSegment
	installBuiltins(th)
	in.globals = newModuleGlobals(th, "__main__")
	in.loop = newLoop(in)
	return in
}

func writerOr(w io.Writer) io.Writer {
	if w == nil {
		return io.Discard
	}
	return w
}

func allowSet(names []string) map[string]bool {
	if names == nil {
		names = DefaultModules()
	}
	set := map[string]bool{}
	for _, n := range names {
		set[n] = true
		// A module's Go half (_abc for abc) comes with it.
		set["_"+n] = true
	}
	return set
}

// newModuleGlobals returns a fresh module namespace named name.
func newModuleGlobals(th *runtime.Thread, name string) *runtime.Dict {
	m := runtime.NewModule(name)
	m.Dict.SetStr("__builtins__", runtime.Obj(th.Modules["builtins"]))
	th.Modules[name] = m
	return m.Dict
}

// Globals returns the __main__ namespace scripts run in.
func (in *Interpreter) Globals() *runtime.Dict { return in.globals }

// Thread returns the interpreter's runtime state, for Go code that works
// with runtime values directly.
func (in *Interpreter) Thread() *runtime.Thread { return in.th }

// ExecFile runs the script at path as __main__.
func (in *Interpreter) ExecFile(ctx context.Context, path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	in.globals.SetStr("__file__", runtime.Str(path))
	return in.Exec(ctx, path, string(src))
}

// Exec runs src (named filename in tracebacks) as __main__.
func (in *Interpreter) Exec(ctx context.Context, filename, src string) error {
	code, err := in.compile(filename, src, vm.ModeFile)
	if err != nil {
		return err
	}
	_, err = in.run(ctx, func() (runtime.Value, error) {
		return vm.Run(in.th, code, in.globals)
	})
	return err
}

// compile parses and compiles src, remembering its lines for tracebacks.
func (in *Interpreter) compile(filename, src string, mode vm.Mode) (*vm.Code, error) {
	in.mu.Lock()
	in.sources[filename] = strings.Split(src, "\n")
	in.mu.Unlock()
	var mod *ast.Module
	var err error
	if mode == vm.ModeInteractive {
		mod, err = parser.ParseInteractive(filename, []byte(src))
	} else {
		mod, err = parser.ParseFile(filename, []byte(src))
	}
	if err != nil {
		return nil, in.syntaxError(err)
	}
	code, err := vm.Compile(mod, mode)
	if err != nil {
		return nil, in.syntaxError(err)
	}
	return code, nil
}

// compileAndRun is the Thread's Compile hook (exec, eval and helpers the
// builtins define in pyish): it compiles src as a file and runs it in
// globals. It runs inside the current execution, so it is never wrapped
// as a host-facing error.
func (in *Interpreter) compileAndRun(th *runtime.Thread, filename, src string, globals *runtime.Dict) (runtime.Value, error) {
	in.mu.Lock()
	in.sources[filename] = strings.Split(src, "\n")
	in.mu.Unlock()
	mod, err := parser.ParseFile(filename, []byte(src))
	if err != nil {
		return runtime.Value{}, in.syntaxException(err)
	}
	code, err := vm.Compile(mod, vm.ModeFile)
	if err != nil {
		return runtime.Value{}, in.syntaxException(err)
	}
	if _, ok := globals.GetStr("__builtins__"); !ok {
		globals.SetStr("__builtins__", runtime.Obj(th.Builtins))
	}
	return vm.Run(th, code, globals)
}
