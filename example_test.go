package pyish_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/pyish/pyish"
)

func ExampleInterpreter_Exec() {
	in := pyish.New(pyish.Options{Stdout: os.Stdout})
	err := in.Exec(context.Background(), "hello.pyish", `
import asyncio

async def greet(name):
    await asyncio.sleep(0.01)
    return f"hello, {name}"

print(asyncio.run(greet("gopher")))
`)
	fmt.Println(err)
	// Output:
	// hello, gopher
	// <nil>
}

func ExampleInterpreter_Eval() {
	in := pyish.New(pyish.Options{})
	v, _ := in.Eval(context.Background(), "sum(x * x for x in range(10))")
	n, _ := in.Export(v)
	fmt.Println(n)
	// Output: 285
}

func ExampleInterpreter_Call() {
	in := pyish.New(pyish.Options{})
	in.Exec(context.Background(), "lib.pyish", `
import asyncio

async def slow_double(x):
    await asyncio.sleep(0.01)
    return 2 * x
`)
	// Calling an async def from Go runs the event loop until it is done.
	v, err := in.Call(context.Background(), "slow_double", 21)
	n, _ := in.Export(v)
	fmt.Println(n, err)
	// Output: 42 <nil>
}

func ExampleInterpreter_NewFunc() {
	in := pyish.New(pyish.Options{Stdout: os.Stdout})
	upper, _ := in.NewFunc("upper", strings.ToUpper)
	in.Set("upper", upper)
	in.Exec(context.Background(), "main.pyish", `print(upper("shout"))`)
	// Output: SHOUT
}

func ExampleInterpreter_NewAsyncFunc() {
	in := pyish.New(pyish.Options{Stdout: os.Stdout})
	lookup, _ := in.NewAsyncFunc("lookup", func(ctx context.Context, key string) (int, error) {
		return len(key), nil // runs on its own goroutine
	})
	in.Set("lookup", lookup)
	in.Exec(context.Background(), "main.pyish", `
import asyncio

async def main():
    print(await asyncio.gather(lookup("a"), lookup("abc")))

asyncio.run(main())
`)
	// Output: [1, 3]
}

func ExampleInterpreter_RegisterModule() {
	in := pyish.New(pyish.Options{Stdout: os.Stdout})
	in.RegisterModule("config", map[string]any{
		"name":  "demo",
		"ports": []int{80, 443},
	})
	in.Exec(context.Background(), "main.pyish", `
import config
print(config.name, config.ports)
`)
	// Output: demo [80, 443]
}

func ExampleInterpreter_ExportTo() {
	in := pyish.New(pyish.Options{})
	v, _ := in.Eval(context.Background(), `{"Name": "svc", "Replicas": 3, "Tags": ["a", "b"]}`)
	var cfg struct {
		Name     string
		Replicas int
		Tags     []string
	}
	err := in.ExportTo(v, &cfg)
	fmt.Printf("%+v %v\n", cfg, err)
	// Output: {Name:svc Replicas:3 Tags:[a b]} <nil>
}

func ExampleNew() {
	// A sandbox: only math may be imported, and runs are bounded.
	in := pyish.New(pyish.Options{
		Stdout:   os.Stdout,
		Modules:  []string{"math"},
		MaxSteps: 1_000_000,
		MaxDepth: 200,
	})
	err := in.Exec(context.Background(), "main.pyish", "import math\nprint(math.factorial(20))\nimport json")
	fmt.Println(err)
	// Output:
	// 2432902008176640000
	// ImportError: import of module 'json' is not allowed by this interpreter
}

func ExampleInterpreter_Set() {
	in := pyish.New(pyish.Options{})
	in.Set("limits", map[string]int{"cpu": 2, "mem": 512})
	in.Exec(context.Background(), "main.pyish", "total = sum(limits.values())")
	v, _ := in.Get("total")
	var total int
	in.ExportTo(v, &total)
	fmt.Println(total)
	// Output: 514
}

func ExampleInterpreter_ToValue() {
	in := pyish.New(pyish.Options{Stdout: os.Stdout})
	type Job struct {
		Name    string
		Retries int `pyish:"retries"`
		Timeout time.Duration
	}
	v, _ := in.ToValue(Job{Name: "backup", Retries: 3, Timeout: 90 * time.Second})
	in.Set("job", v)
	in.Exec(context.Background(), "main.pyish", "print(job)")
	// Output: {'Name': 'backup', 'retries': 3, 'Timeout': 90.0}
}

func ExampleInterpreter_Interrupt() {
	in := pyish.New(pyish.Options{Stdout: os.Stdout})
	// Interrupt stops the run in progress (it does nothing before a run
	// starts), so the script reports when it is running.
	in.Set("started", func() {
		time.AfterFunc(10*time.Millisecond, in.Interrupt) // from another goroutine
	})
	err := in.Exec(context.Background(), "main.pyish", `
started()
try:
    while True:
        pass
finally:
    print("cleaned up")
`)
	fmt.Println(errors.Is(err, pyish.ErrInterrupted))
	// Output:
	// cleaned up
	// true
}

func ExampleError_Traceback() {
	in := pyish.New(pyish.Options{})
	err := in.Exec(context.Background(), "calc.pyish", `def ratio(a, b):
    return a / b

ratio(1, 0)
`)
	var perr *pyish.Error
	if errors.As(err, &perr) {
		fmt.Print(perr.Traceback())
		fmt.Println(perr.Type, perr.Frames[1].Func, perr.Frames[1].Line)
	}
	// Output:
	// Traceback (most recent call last):
	//   File "calc.pyish", line 4, in <module>
	//     ratio(1, 0)
	//   File "calc.pyish", line 2, in ratio
	//     return a / b
	//            ~~^~~
	// ZeroDivisionError: division by zero
	// ZeroDivisionError ratio 2
}
