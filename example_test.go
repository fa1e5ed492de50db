package pyish_test

import (
	"context"
	"fmt"
	"os"
	"strings"

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
