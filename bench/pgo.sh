#!/usr/bin/env bash
# bench/pgo.sh — regenerate cmd/pyish/default.pgo, the CPU profile that Go's
# profile-guided optimisation builds the pyish command with (go build picks
# up a main package's default.pgo by itself).
#
# The profile is of the benchmark scripts run in-process (bench_test.go's
# BenchmarkScripts), so it weights the run loop, calls, strings, dicts,
# instances and the event loop as the suite does. Rerun it after large
# changes to the VM: a stale profile still builds, it just helps less.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -run '^$' -bench 'Scripts/' -benchtime 2x -o "$tmp/bench.test" \
	-cpuprofile "$tmp/cpu.pprof" ./bench/ >"$tmp/out" || { cat "$tmp/out"; exit 1; }
mv "$tmp/cpu.pprof" cmd/pyish/default.pgo
echo "wrote cmd/pyish/default.pgo ($(wc -c <cmd/pyish/default.pgo) bytes)"
