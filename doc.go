// Package pyish embeds a Python-like scripting language with asyncio built
// in into Go programs.
//
// An Interpreter runs scripts, evaluates expressions, calls pyish
// functions from Go and exposes Go functions — plain or async, run on their
// own goroutine while the script awaits them — to scripts. One interpreter
// is used from one goroutine at a time; many interpreters run in parallel
// and share nothing mutable.
//
//	in := pyish.New(pyish.Options{Stdout: os.Stdout})
//	err := in.ExecFile(ctx, "script.pyish")
package pyish
