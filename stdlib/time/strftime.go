package time

import (
	"fmt"
	"strings"
	gotime "time"
)

// This file holds strftime, with glibc's C-locale output for each
// directive; unknown directives are copied as they are.

func strftime(format string, s *StructTime) string {
	var b strings.Builder
	rs := []rune(format)
	for i := 0; i < len(rs); i++ {
		if rs[i] != '%' || i+1 >= len(rs) {
			b.WriteRune(rs[i])
			continue
		}
		i++
		if rs[i] == '-' && i+1 < len(rs) { // glibc's flag: a number without padding (%-d)
			i++
			b.WriteString(unpadded(directive(rs[i], s)))
			continue
		}
		b.WriteString(directive(rs[i], s))
	}
	return b.String()
}

// unpadded drops the leading zeros and spaces of a numeric directive's
// output (keeping one digit); other output is left as it is.
func unpadded(out string) string {
	if strings.Trim(out, " 0123456789") != "" {
		return out
	}
	t := strings.TrimLeft(out, " 0")
	if t == "" && out != "" {
		return "0"
	}
	return t
}

// directive expands one %c directive.
func directive(c rune, s *StructTime) string {
	f := s.fields
	year, mon, mday, hour, min, sec, yday := f[0], f[1], f[2], f[3], f[4], f[5], f[7]
	sunday := (f[6] + 1) % 7 // C's tm_wday: Sunday 0
	switch c {
	case 'a':
		return dayName(s)[:3]
	case 'A':
		return dayName(s)
	case 'b', 'h':
		return monthName(s)[:3]
	case 'B':
		return monthName(s)
	case 'c':
		return fmt.Sprintf("%s %s %2d %02d:%02d:%02d %d", dayName(s)[:3], monthName(s)[:3], mday, hour, min, sec, year)
	case 'C':
		return fmt.Sprintf("%02d", year/100)
	case 'd':
		return fmt.Sprintf("%02d", mday)
	case 'D', 'x':
		return fmt.Sprintf("%02d/%02d/%02d", mon, mday, year%100)
	case 'e':
		return fmt.Sprintf("%2d", mday)
	case 'F':
		return fmt.Sprintf("%d-%02d-%02d", year, mon, mday)
	case 'G', 'g', 'V':
		return isoDirective(c, s)
	case 'H':
		return fmt.Sprintf("%02d", hour)
	case 'I':
		return fmt.Sprintf("%02d", hour12(hour))
	case 'j':
		return fmt.Sprintf("%03d", yday)
	case 'k':
		return fmt.Sprintf("%2d", hour)
	case 'l':
		return fmt.Sprintf("%2d", hour12(hour))
	case 'm':
		return fmt.Sprintf("%02d", mon)
	case 'M':
		return fmt.Sprintf("%02d", min)
	case 'n':
		return "\n"
	case 'p':
		if hour < 12 {
			return "AM"
		}
		return "PM"
	case 'r':
		return fmt.Sprintf("%02d:%02d:%02d %s", hour12(hour), min, sec, directive('p', s))
	case 'R':
		return fmt.Sprintf("%02d:%02d", hour, min)
	case 's':
		return fmt.Sprint(s.goTime(gotime.Local).Unix())
	case 'S':
		return fmt.Sprintf("%02d", sec)
	case 't':
		return "\t"
	case 'T', 'X':
		return fmt.Sprintf("%02d:%02d:%02d", hour, min, sec)
	case 'u':
		return fmt.Sprint(f[6] + 1)
	case 'U':
		return fmt.Sprintf("%02d", (yday-1+7-sunday)/7)
	case 'w':
		return fmt.Sprint(sunday)
	case 'W':
		return fmt.Sprintf("%02d", (yday-1+7-f[6])/7)
	case 'y':
		return fmt.Sprintf("%02d", year%100)
	case 'Y':
		return fmt.Sprint(year)
	case 'z':
		return zoneOffset(s.gmtoff)
	case 'Z':
		return s.zone
	case '%':
		return "%"
	}
	return "%" + string(c)
}

func hour12(h int64) int64 {
	if h%12 == 0 {
		return 12
	}
	return h % 12
}

// isoDirective is %G (ISO year), %g (its last two digits) or %V (ISO week).
func isoDirective(c rune, s *StructTime) string {
	y, w := s.goTime(gotime.UTC).ISOWeek()
	switch c {
	case 'G':
		return fmt.Sprint(y)
	case 'g':
		return fmt.Sprintf("%02d", y%100)
	}
	return fmt.Sprintf("%02d", w)
}

// zoneOffset formats a UTC offset as +hhmm.
func zoneOffset(off int64) string {
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("%c%02d%02d", sign, off/3600, off/60%60)
}
