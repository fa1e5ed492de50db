package time

import (
	"testing"

	"github.com/pyish/pyish/runtime"
)

func call(t *testing.T, th *runtime.Thread, m *runtime.Module, name string, args ...runtime.Value) runtime.Value {
	t.Helper()
	fn, _ := m.Dict.GetStr(name)
	v, err := runtime.Call(th, fn, args, nil)
	if err != nil {
		t.Fatalf("time.%s: %v", name, err)
	}
	return v
}

func TestCalendar(t *testing.T) {
	th := runtime.NewThread()
	m := Module(th)
	g := call(t, th, m, "gmtime", runtime.Int(1700000000))
	r, _ := runtime.Repr(th, g)
	if want := "time.struct_time(tm_year=2023, tm_mon=11, tm_mday=14, tm_hour=22, tm_min=13, tm_sec=20, tm_wday=1, tm_yday=318, tm_isdst=0)"; r != want {
		t.Errorf("gmtime = %s", r)
	}
	s, _ := runtime.AsString(call(t, th, m, "strftime", runtime.Str("%Y-%m-%d %H:%M:%S %a %j %U %W %V %c"), g))
	if want := "2023-11-14 22:13:20 Tue 318 46 46 46 Tue Nov 14 22:13:20 2023"; s != want {
		t.Errorf("strftime = %q, want %q", s, want)
	}
	if a, _ := runtime.AsString(call(t, th, m, "asctime", g)); a != "Tue Nov 14 22:13:20 2023" {
		t.Errorf("asctime = %q", a)
	}
}

func TestSleepAndClocks(t *testing.T) {
	th := runtime.NewThread()
	m := Module(th)
	a := call(t, th, m, "monotonic").AsFloat()
	call(t, th, m, "sleep", runtime.Float(0.01))
	if b := call(t, th, m, "monotonic").AsFloat(); b-a < 0.009 {
		t.Errorf("slept %v s", b-a)
	}
	fn, _ := m.Dict.GetStr("sleep")
	_, err := runtime.Call(th, fn, []runtime.Value{runtime.Int(-1)}, nil)
	if got := runtime.ExceptionMessage(th, runtime.AsException(err)); got != "ValueError: sleep length must be non-negative" {
		t.Errorf("sleep(-1): %s", got)
	}
	th.Interrupt(runtime.NewException(runtime.KeyboardInterrupt))
	_, err = runtime.Call(th, fn, []runtime.Value{runtime.Int(5)}, nil)
	if e := runtime.AsException(err); e == nil || e.Type() != runtime.KeyboardInterrupt {
		t.Errorf("interrupted sleep: %v", err)
	}
}

func TestStructTimeConstructor(t *testing.T) {
	th := runtime.NewThread()
	m := Module(th)
	items := []runtime.Value{}
	for _, n := range []int64{2020, 1, 2, 3, 4, 5, 3, 2, -1} {
		items = append(items, runtime.Int(n))
	}
	st := call(t, th, m, "struct_time", runtime.Obj(runtime.NewTuple(items)))
	r, _ := runtime.Repr(th, st)
	if want := "time.struct_time(tm_year=2020, tm_mon=1, tm_mday=2, tm_hour=3, tm_min=4, tm_sec=5, tm_wday=3, tm_yday=2, tm_isdst=-1)"; r != want {
		t.Errorf("struct_time = %s", r)
	}
	fn, _ := m.Dict.GetStr("struct_time")
	_, err := runtime.Call(th, fn, []runtime.Value{runtime.Obj(runtime.NewTuple(items[:8]))}, nil)
	if err == nil || err.Error() != "TypeError: time.struct_time() takes an at least 9-sequence (8-sequence given)" {
		t.Errorf("short sequence: %v", err)
	}
}

func TestUnpadded(t *testing.T) {
	for in, want := range map[string]string{"05": "5", " 5": "5", "00": "0", "001": "1", "2005": "2005", "Mon": "Mon", "": ""} {
		if got := unpadded(in); got != want {
			t.Errorf("unpadded(%q) = %q, want %q", in, got, want)
		}
	}
}
