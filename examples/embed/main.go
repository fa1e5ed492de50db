// Command embed shows pyish embedded in a Go program: a script fans out 20
// async host calls with asyncio.gather. Each call runs on its own goroutine
// and sleeps 100 ms, so the whole run takes about 100 ms, not 2 s.
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/pyish/pyish"
)

const script = `
import asyncio

async def main():
    urls = [f"https://example.test/item/{i}" for i in range(20)]
    results = await asyncio.gather(*(fetch(u) for u in urls))
    print(len(results), "results; first:", results[0])
    return sum(len(r) for r in results)

total = asyncio.run(main())
print("total length", total)
`

func main() {
	in := pyish.New(pyish.Options{Stdout: os.Stdout, Stderr: os.Stderr})
	// fetch stands in for real I/O: it runs on its own goroutine while the
	// script awaits it, and stops early if the awaiting task is cancelled.
	fetch, err := in.NewAsyncFunc("fetch", func(ctx context.Context, url string) (string, error) {
		select {
		case <-time.After(100 * time.Millisecond):
			return "body of " + url, nil
		case <-ctx.Done():
			return "", ctx.Err()
		}
	})
	if err != nil {
		panic(err)
	}
	in.Set("fetch", fetch)

	start := time.Now()
	if err := in.Exec(context.Background(), "fanout.pyish", script); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("took %d ms for 20 calls of 100 ms each\n", time.Since(start).Round(10*time.Millisecond).Milliseconds())
}
