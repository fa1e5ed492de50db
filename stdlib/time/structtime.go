package time

import (
	"fmt"
	"math"
	"strings"
	gotime "time"

	"github.com/pyish/pyish/runtime"
)

// This file defines struct_time and the calendar functions.

// StructTime is time.struct_time: nine fields, a tuple with names, and
// the zone it was made in.
type StructTime struct {
	fields [9]int64 // year, mon, mday, hour, min, sec, wday (Monday 0), yday, isdst
	zone   string
	gmtoff int64
}

// StructTimeType is time.struct_time.
var StructTimeType = runtime.NewType("time.struct_time", nil)

var fieldNames = [9]string{"tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"}

// Type implements runtime.Object.
func (s *StructTime) Type() *runtime.Type { return StructTimeType }

func (s *StructTime) tuple() value {
	items := make([]value, 9)
	for i, f := range s.fields {
		items[i] = runtime.Int(f)
	}
	return runtime.Obj(runtime.NewTuple(items))
}

// GetAttr implements runtime.HasAttrs.
func (s *StructTime) GetAttr(th *runtime.Thread, name string) (value, error) {
	for i, n := range fieldNames {
		if n == name {
			return runtime.Int(s.fields[i]), nil
		}
	}
	switch name {
	case "tm_zone":
		return runtime.Str(s.zone), nil
	case "tm_gmtoff":
		return runtime.Int(s.gmtoff), nil
	}
	return runtime.GetAttr(th, s.tuple(), name)
}

// Repr implements runtime.HasRepr.
func (s *StructTime) Repr(th *runtime.Thread) (string, error) {
	parts := make([]string, 9)
	for i, n := range fieldNames {
		parts[i] = fmt.Sprintf("%s=%d", n, s.fields[i])
	}
	return "time.struct_time(" + strings.Join(parts, ", ") + ")", nil
}

// Len implements runtime.HasLen.
func (s *StructTime) Len(th *runtime.Thread) (int, error) { return 9, nil }

// GetItem implements runtime.HasGetItem.
func (s *StructTime) GetItem(th *runtime.Thread, key value) (value, error) {
	return runtime.GetItem(th, s.tuple(), key)
}

// Iter implements runtime.Iterable.
func (s *StructTime) Iter(th *runtime.Thread) (runtime.Iterator, error) {
	return runtime.Iter(th, s.tuple())
}

// Compare implements runtime.HasCompare (as a tuple).
func (s *StructTime) Compare(th *runtime.Thread, op runtime.CmpOp, other value) (value, error) {
	if o, ok := other.Object().(*StructTime); ok {
		other = o.tuple()
	}
	return runtime.Compare(th, op, s.tuple(), other)
}

// Hash implements runtime.HasHash.
func (s *StructTime) Hash(th *runtime.Thread) (int64, error) { return runtime.Hash(th, s.tuple()) }

// fromTime converts a Go time to struct_time.
func fromTime(t gotime.Time) *StructTime {
	zone, off := t.Zone()
	isdst := int64(0)
	if t.IsDST() {
		isdst = 1
	}
	return &StructTime{
		fields: [9]int64{int64(t.Year()), int64(t.Month()), int64(t.Day()), int64(t.Hour()), int64(t.Minute()), int64(t.Second()),
			int64((t.Weekday() + 6) % 7), int64(t.YearDay()), isdst},
		zone:   zone,
		gmtoff: int64(off),
	}
}

// timestamp reads an optional seconds argument (None or absent: now).
func timestamp(th *runtime.Thread, fname string, args []value, kwnames []string) (gotime.Time, error) {
	if len(kwnames) > 0 {
		return gotime.Time{}, runtime.Errorf(runtime.TypeError, "time.%s() takes no keyword arguments", fname)
	}
	if len(args) > 1 {
		return gotime.Time{}, runtime.Errorf(runtime.TypeError, "%s expected at most 1 argument, got %d", fname, len(args))
	}
	if len(args) == 0 || args[0].IsNone() {
		return gotime.Now(), nil
	}
	secs, err := calendarSeconds(th, args[0])
	if err != nil {
		return gotime.Time{}, err
	}
	return gotime.Unix(secs, 0), nil
}

// maxCalendarSeconds is the last second glibc's gmtime and localtime can
// convert: tm_year, an int, holds years up to 2147483647 + 1900.
const maxCalendarSeconds = 67768036191676799

// calendarSeconds converts the timestamp of gmtime or localtime to whole
// seconds (floor), with CPython's errors on Linux: past time_t an
// OverflowError, past the years glibc represents OSError EOVERFLOW.
func calendarSeconds(th *runtime.Thread, v value) (int64, error) {
	f, err := secondsFloat(th, v)
	if err != nil {
		return 0, err
	}
	f = math.Floor(f)
	if f >= 9223372036854775807 || f < -9223372036854775808 {
		return 0, runtime.Errorf(runtime.OverflowError, "timestamp out of range for platform time_t")
	}
	if math.Abs(f) > maxCalendarSeconds {
		return 0, runtime.NewException(runtime.OSError, runtime.Int(75), runtime.Str("Value too large for defined data type"))
	}
	return int64(f), nil
}

func time_gmtime(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	t, err := timestamp(th, "gmtime", args, kwnames)
	if err != nil {
		return value{}, err
	}
	return runtime.Obj(fromTime(t.UTC())), nil
}

func time_localtime(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	t, err := timestamp(th, "localtime", args, kwnames)
	if err != nil {
		return value{}, err
	}
	return runtime.Obj(fromTime(t.Local())), nil
}

func time_ctime(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	t, err := timestamp(th, "ctime", args, kwnames)
	if err != nil {
		return value{}, err
	}
	return runtime.Str(asctime(fromTime(t.Local()))), nil
}

// structArg converts a struct_time or a 9-sequence (or absent/None: now,
// local time).
func structArg(th *runtime.Thread, fname string, v value) (*StructTime, error) {
	if v.IsNull() || v.IsNone() {
		return fromTime(gotime.Now()), nil
	}
	if s, ok := v.Object().(*StructTime); ok {
		return s, nil
	}
	items, err := runtime.ToSlice(th, v)
	if err != nil || v.Type() != runtime.TupleType {
		return nil, runtime.Errorf(runtime.TypeError, "Tuple or struct_time argument required")
	}
	if len(items) != 9 {
		return nil, runtime.Errorf(runtime.TypeError, "%s(): illegal time tuple argument", fname)
	}
	s := &StructTime{}
	for i, it := range items {
		if s.fields[i], err = runtime.ToInt64(th, it); err != nil {
			return nil, err
		}
	}
	t := s.goTime(gotime.Local)
	s.zone, _ = t.Zone()
	_, off := t.Zone()
	s.gmtoff = int64(off)
	return s, nil
}

// goTime is the instant the fields name in loc.
func (s *StructTime) goTime(loc *gotime.Location) gotime.Time {
	f := s.fields
	return gotime.Date(int(f[0]), gotime.Month(f[1]), int(f[2]), int(f[3]), int(f[4]), int(f[5]), 0, loc)
}

func time_mktime(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if len(args) != 1 || len(kwnames) > 0 {
		return value{}, runtime.Errorf(runtime.TypeError, "time.mktime() takes exactly one argument (%d given)", len(args))
	}
	s, err := structArg(th, "mktime", args[0])
	if err != nil {
		return value{}, err
	}
	return runtime.Float(float64(s.goTime(gotime.Local).Unix())), nil
}

func time_asctime(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if len(kwnames) > 0 || len(args) > 1 {
		return value{}, runtime.Errorf(runtime.TypeError, "asctime expected at most 1 argument, got %d", len(args))
	}
	var v value
	if len(args) == 1 {
		v = args[0]
	}
	s, err := structArg(th, "asctime", v)
	if err != nil {
		return value{}, err
	}
	return runtime.Str(asctime(s)), nil
}

var (
	dayNames   = [7]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	monthNames = [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
)

func dayName(s *StructTime) string   { return dayNames[((s.fields[6]%7)+7)%7] }
func monthName(s *StructTime) string { return monthNames[((s.fields[1]-1)%12+12)%12] }

// asctime is "Sun Sep 16 01:03:52 1973".
func asctime(s *StructTime) string {
	f := s.fields
	return fmt.Sprintf("%s %s%3d %02d:%02d:%02d %d", dayName(s)[:3], monthName(s)[:3], f[2], f[3], f[4], f[5], f[0])
}

func time_strftime(th *runtime.Thread, args []value, kwnames []string) (value, error) {
	if len(kwnames) > 0 {
		return value{}, runtime.Errorf(runtime.TypeError, "time.strftime() takes no keyword arguments")
	}
	if len(args) < 1 || len(args) > 2 {
		return value{}, runtime.Errorf(runtime.TypeError, "strftime expected at most 2 arguments, got %d", len(args))
	}
	format, ok := runtime.AsString(args[0])
	if !ok {
		return value{}, runtime.Errorf(runtime.TypeError, "strftime() argument 1 must be str, not %s", args[0].Type().Name)
	}
	var v value
	if len(args) == 2 {
		v = args[1]
	}
	s, err := structArg(th, "strftime", v)
	if err != nil {
		return value{}, err
	}
	return runtime.Str(strftime(format, s)), nil
}

// setZoneInfo sets timezone, altzone, daylight and tzname from the local zone.
func setZoneInfo(d *runtime.Dict) {
	year := gotime.Now().Year()
	jan := gotime.Date(year, 1, 1, 0, 0, 0, 0, gotime.Local)
	jul := gotime.Date(year, 7, 1, 0, 0, 0, 0, gotime.Local)
	jname, joff := jan.Zone()
	uname, uoff := jul.Zone()
	std, dst, stdName, dstName := joff, uoff, jname, uname
	if joff > uoff { // southern hemisphere: January is summer
		std, dst, stdName, dstName = uoff, joff, uname, jname
	}
	d.SetStr("timezone", runtime.Int(int64(-std)))
	d.SetStr("altzone", runtime.Int(int64(-dst)))
	daylight := int64(0)
	if std != dst {
		daylight = 1
	}
	d.SetStr("daylight", runtime.Int(daylight))
	d.SetStr("tzname", runtime.Obj(runtime.NewTuple([]value{runtime.Str(stdName), runtime.Str(dstName)})))
}

func init() { StructTimeType.New = newStructTime }

// newStructTime is time.struct_time(seq): nine integers, optionally
// followed by tm_zone and tm_gmtoff (how datetime.timetuple builds one).
func newStructTime(th *runtime.Thread, _ *runtime.Type, args []value, kwnames []string) (value, error) {
	if len(args) != 1 || len(kwnames) > 0 {
		return value{}, runtime.Errorf(runtime.TypeError, "time.struct_time() takes exactly 1 argument (%d given)", len(args))
	}
	items, err := runtime.ToSlice(th, args[0])
	if err != nil {
		return value{}, runtime.Errorf(runtime.TypeError, "constructor requires a sequence")
	}
	if len(items) < 9 {
		return value{}, runtime.Errorf(runtime.TypeError, "time.struct_time() takes an at least 9-sequence (%d-sequence given)", len(items))
	}
	if len(items) > 11 {
		return value{}, runtime.Errorf(runtime.TypeError, "time.struct_time() takes an at most 11-sequence (%d-sequence given)", len(items))
	}
	s := &StructTime{}
	for i := 0; i < 9; i++ {
		if s.fields[i], err = runtime.ToInt64(th, items[i]); err != nil {
			return value{}, err
		}
	}
	if len(items) > 9 {
		s.zone, _ = runtime.AsString(items[9])
	}
	if len(items) > 10 {
		if s.gmtoff, err = runtime.ToInt64(th, items[10]); err != nil {
			return value{}, err
		}
	}
	return runtime.Obj(s), nil
}
