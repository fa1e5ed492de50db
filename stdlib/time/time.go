package time

import (
	"context"
	"math"
	gotime "time"

	"github.com/pyish/pyish/runtime"
)

// This file builds the module and holds the clocks and sleep.

type value = runtime.Value

type builtinFn = func(th *runtime.Thread, args []value, kwnames []string) (value, error)

// origin anchors monotonic and perf_counter (CPython's are also relative
// to an unspecified point).
var origin = gotime.Now()

// Module returns a fresh time module.
func Module(th *runtime.Thread) *runtime.Module {
	m := runtime.NewModule("time")
	fns := map[string]builtinFn{
		"time":            clock("time", wallNanos),
		"time_ns":         clockNs("time_ns", wallNanos),
		"monotonic":       clock("monotonic", monoNanos),
		"monotonic_ns":    clockNs("monotonic_ns", monoNanos),
		"perf_counter":    clock("perf_counter", monoNanos),
		"perf_counter_ns": clockNs("perf_counter_ns", monoNanos),
		"process_time":    clock("process_time", processNanos),
		"process_time_ns": clockNs("process_time_ns", processNanos),
		"gmtime":          time_gmtime,
		"localtime":       time_localtime,
		"mktime":          time_mktime,
		"asctime":         time_asctime,
		"ctime":           time_ctime,
		"strftime":        time_strftime,
	}
	for name, fn := range fns {
		m.Dict.SetStr(name, runtime.NewBuiltin(name, fn))
	}
	sleep := &runtime.BuiltinFunction{Name: "sleep", Fn: time_sleep, Offload: sleepOffload}
	m.Dict.SetStr("sleep", runtime.Obj(sleep))
	m.Dict.SetStr("struct_time", runtime.Obj(StructTimeType))
	setZoneInfo(m.Dict)
	return m
}

func wallNanos() int64 { return gotime.Now().UnixNano() }

func monoNanos() int64 { return int64(gotime.Since(origin)) }

// noArgs checks a call of a function without parameters.
func noArgs(name string, args []value, kwnames []string) error {
	if len(kwnames) > 0 {
		return runtime.Errorf(runtime.TypeError, "time.%s() takes no keyword arguments", name)
	}
	if len(args) > 0 {
		return runtime.Errorf(runtime.TypeError, "time.%s() takes no arguments (%d given)", name, len(args))
	}
	return nil
}

func clock(name string, nanos func() int64) builtinFn {
	return func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
		if err := noArgs(name, args, kwnames); err != nil {
			return value{}, err
		}
		return runtime.Float(float64(nanos()) / 1e9), nil
	}
}

func clockNs(name string, nanos func() int64) builtinFn {
	return func(th *runtime.Thread, args []value, kwnames []string) (value, error) {
		if err := noArgs(name, args, kwnames); err != nil {
			return value{}, err
		}
		return runtime.Int(nanos()), nil
	}
}

// sleepSlice bounds how long a sleep goes without checking for an interrupt.
const sleepSlice = 50 * gotime.Millisecond

// time_sleep is time.sleep(secs): it blocks the goroutine (see the package
// doc) and raises a pending interrupt.
func time_sleep(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	secs, err := sleepArgs(th, args, kwnames)
	if err != nil {
		return value{}, err
	}
	deadline := gotime.Now().Add(gotime.Duration(secs * 1e9))
	for {
		if exc := th.TakeInterrupt(); exc != nil {
			return value{}, exc
		}
		left := gotime.Until(deadline)
		if left <= 0 {
			return runtime.None, nil
		}
		gotime.Sleep(min(left, sleepSlice))
	}
}

// sleepArgs checks sleep's argument and returns it in seconds.
func sleepArgs(th *runtime.Thread, args []value, kwnames []string) (float64, error) {
	if len(kwnames) > 0 {
		return 0, runtime.Errorf(runtime.TypeError, "time.sleep() takes no keyword arguments")
	}
	if len(args) != 1 {
		return 0, runtime.Errorf(runtime.TypeError, "time.sleep() takes exactly one argument (%d given)", len(args))
	}
	secs, err := seconds(th, args[0])
	if err != nil {
		return 0, err
	}
	if secs < 0 {
		return 0, runtime.Errorf(runtime.ValueError, "sleep length must be non-negative")
	}
	return secs, nil
}

// sleepOffload is sleep's split for asyncio.to_thread: the sleep runs on
// a goroutine of its own, ended early when the awaiting side gives up.
func sleepOffload(th *runtime.Thread, args []value, kwnames []string) (func(context.Context) func() (value, error), error) {
	secs, err := sleepArgs(th, args, kwnames)
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context) func() (value, error) {
		t := gotime.NewTimer(gotime.Duration(secs * 1e9))
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
		}
		return func() (value, error) { return runtime.None, nil }
	}, nil
}

// secondsFloat is a number of seconds as a float: an int, a float or an
// object with __index__, not NaN (CPython's errors for each).
func secondsFloat(th *runtime.Thread, v value) (float64, error) {
	if !v.IsFloat() && !runtime.IsIntegral(v) {
		if _, err := runtime.ToIndex(th, v); err != nil {
			return 0, err
		}
	}
	f, err := runtime.ToFloat(th, v)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(f) {
		return 0, runtime.Errorf(runtime.ValueError, "Invalid value NaN (not a number)")
	}
	return f, nil
}

// seconds converts a float or int number of seconds, with CPython's errors.
func seconds(th *runtime.Thread, v value) (float64, error) {
	f, err := secondsFloat(th, v)
	if err != nil {
		return 0, err
	}
	if math.Abs(f) > 9.2e9 {
		return 0, runtime.Errorf(runtime.OverflowError, "timestamp too large to convert to C _PyTime_t")
	}
	return f, nil
}
