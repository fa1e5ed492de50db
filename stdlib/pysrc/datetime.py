"""Dates, times and durations, as CPython's datetime.

Written for pyish from the documented semantics. The classes print as
CPython's C types do ('datetime.timedelta' in reprs and error messages),
which is why the operators raise their own TypeErrors against the
built-in types instead of returning NotImplemented. Dates are kept as
(year, month, day) and converted through proleptic Gregorian ordinals
(0001-01-01 is day 1) for arithmetic.
"""

import time as _time
import math as _math
from operator import attrgetter as _attrgetter, itemgetter as _itemgetter

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059  # date.max.toordinal()
_INF = float("inf")

_DAYS_IN_MONTH = (-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (-1, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MONTHNAMES = (None, "Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYNAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FULLMONTHS = (None, "January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")
_FULLDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_DI400Y = 146097  # days in 400 years
_DI100Y = 36524
_DI4Y = 1461


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd2ord(year, month, day):
    y = year - 1
    n = y * 365 + y // 4 - y // 100 + y // 400 + _DAYS_BEFORE_MONTH[month] + day
    if month > 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        n += 1
    return n


def _ord2ymd(n):
    """(year, month, day) of proleptic Gregorian ordinal n."""
    # // and % rather than divmod, which costs pyish three times as much.
    n -= 1
    n400 = n // _DI400Y
    n %= _DI400Y
    n100 = n // _DI100Y
    n %= _DI100Y
    n4 = n // _DI4Y
    n %= _DI4Y
    n1 = n // 365
    n %= 365
    year = n400 * 400 + n100 * 100 + n4 * 4 + n1 + 1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    leap = n1 == 3 and (n4 != 24 or n100 == 3)
    month = (n + 50) >> 5
    before = _DAYS_BEFORE_MONTH[month] + (month > 2 and leap)
    if before > n:
        month -= 1
        before -= _DAYS_IN_MONTH[month] + (month == 2 and leap)
    return year, month, n - before + 1


def _index(x):
    if type(x) is int:
        return x
    if isinstance(x, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    try:
        f = type(x).__index__
    except AttributeError:
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(x).__name__) from None
    return f(x)


def _check_date(year, month, day):
    year = _index(year)
    month = _index(month)
    day = _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time(hour, minute, second, microsecond, fold):
    hour = _index(hour)
    minute = _index(minute)
    second = _index(second)
    microsecond = _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError("hour must be in 0..23")
    if not 0 <= minute <= 59:
        raise ValueError("minute must be in 0..59")
    if not 0 <= second <= 59:
        raise ValueError("second must be in 0..59")
    if not 0 <= microsecond <= 999999:
        raise ValueError("microsecond must be in 0..999999")
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                        % type(tz).__name__)


def _tn(obj):
    """The type name CPython's C types show: datetime.X for the module's own."""
    t = type(obj)
    if t in _OWN:
        return "datetime." + t.__name__
    return t.__name__


def _binop_error(op, a, b):
    return TypeError("unsupported operand type(s) for %s: '%s' and '%s'" % (op, _tn(a), _tn(b)))


def _cmp_error(op, a, b):
    return TypeError("'%s' not supported between instances of '%s' and '%s'" % (op, _tn(a), _tn(b)))


# Types whose operators would also give up: raising at once lets the
# message name 'datetime.X' as CPython's does.
_PLAIN = (int, float, str, bytes, list, tuple, dict, set, frozenset, complex, type(None))


def _plain(x):
    return isinstance(x, _PLAIN) or type(x) in _OWN


def _cmp(x, y):
    return 0 if x == y else (1 if x > y else -1)


def _round_half_even_div(a, b):
    """a / b rounded to the nearest integer, ties to even (b > 0)."""
    q, r = divmod(a, b)
    r2 = r * 2
    if r2 > b or (r2 == b and q % 2 == 1):
        q += 1
    return q


def _format_offset(off, sep):
    """+HH<sep>MM[<sep>SS[.ffffff]] of a timedelta (None: '')."""
    if off is None:
        return ""
    if off.days < 0:
        sign = "-"
        off = -off
    else:
        sign = "+"
    hh, rest = divmod(off._seconds, 3600)
    mm, ss = divmod(rest, 60)
    s = "%s%02d%s%02d" % (sign, hh, sep, mm)
    if ss or off._microseconds:
        s += "%s%02d" % (sep, ss)
        if off._microseconds:
            s += ".%06d" % off._microseconds
    return s


def _format_time(hh, mm, ss, us, timespec):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "hours":
        return "%02d" % hh
    if timespec == "minutes":
        return "%02d:%02d" % (hh, mm)
    if timespec == "seconds":
        return "%02d:%02d:%02d" % (hh, mm, ss)
    if timespec == "milliseconds":
        return "%02d:%02d:%02d.%03d" % (hh, mm, ss, us // 1000)
    if timespec == "microseconds":
        return "%02d:%02d:%02d.%06d" % (hh, mm, ss, us)
    raise ValueError("Unknown timespec value")


def _wrap_strftime(obj, fmt, timetuple):
    """strftime with %f, %z, %:z and %Z filled in from obj, the rest by time.strftime."""
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(fmt).__name__)
    if "%f" not in fmt and "%z" not in fmt and "%Z" not in fmt and "%:" not in fmt:
        return _time.strftime(fmt, timetuple)
    _lazy()
    return _strftime_filled(obj, fmt, timetuple)


class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999)."""

    __slots__ = ("_days", "_seconds", "_microseconds", "_hashcode")

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        if type(days) is type(seconds) is type(microseconds) is type(milliseconds) is type(minutes) \
                is type(hours) is type(weeks) is int:
            return _td_from_us(((((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds) * 1000000
                               + milliseconds * 1000 + microseconds, cls)
        _lazy()
        return _td_general(cls, (microseconds, milliseconds, seconds, minutes, hours, days, weeks))

    def __repr__(self):
        args = []
        if self._days:
            args.append("days=%d" % self._days)
        if self._seconds:
            args.append("seconds=%d" % self._seconds)
        if self._microseconds:
            args.append("microseconds=%d" % self._microseconds)
        if not args:
            args.append("0")
        return "%s(%s)" % (_tn(self), ", ".join(args))

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = "%d:%02d:%02d" % (hh, mm, ss)
        if self._days:
            s = "%d day%s, " % (self._days, "" if abs(self._days) == 1 else "s") + s
        if self._microseconds:
            s += ".%06d" % self._microseconds
        return s

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("__format__() argument 1 must be str, not %s" % type(fmt).__name__)
        if fmt:
            raise TypeError("unsupported format string passed to %s.__format__" % _tn(self))
        return str(self)

    def total_seconds(self):
        return self._us() / 10**6

    def _us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    days = property(_attrgetter("_days"))
    seconds = property(_attrgetter("_seconds"))
    microseconds = property(_attrgetter("_microseconds"))

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _td_from_us((self._days + other._days) * 86400000000 + (self._seconds + other._seconds) * 1000000
                               + self._microseconds + other._microseconds)
        if _plain(other) and not isinstance(other, date):
            raise _binop_error("+", self, other)
        return NotImplemented

    def __radd__(self, other):
        if _plain(other) and not isinstance(other, date):
            raise _binop_error("+", other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _td_from_us((self._days - other._days) * 86400000000 + (self._seconds - other._seconds) * 1000000
                               + self._microseconds - other._microseconds)
        if _plain(other):
            raise _binop_error("-", self, other)
        return NotImplemented

    def __rsub__(self, other):
        if _plain(other):
            raise _binop_error("-", other, self)
        return NotImplemented

    def __neg__(self):
        return _td_from_us(-self._us())

    def __pos__(self):
        return _td_from_us(self._us())

    def __abs__(self):
        return -self if self._days < 0 else _td_from_us(self._us())

    def __mul__(self, other):
        if isinstance(other, int):
            return _td_from_us(self._us() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return _td_from_us(_round_half_even_div(self._us() * a, b))
        if isinstance(other, (str, bytes, list, tuple)):
            raise TypeError("can't multiply sequence by non-int of type '%s'" % _tn(self))
        if _plain(other):
            raise _binop_error("*", self, other)
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            d = other._us()
            if d == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return self._us() // d
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            return _td_from_us(self._us() // other)
        if _plain(other):
            raise _binop_error("//", self, other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            d = other._us()
            if d == 0:
                raise ZeroDivisionError("division by zero")
            return self._us() / d
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            a, b = self._us(), other
        elif isinstance(other, float):
            b, a = other.as_integer_ratio()
            if b == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            a *= self._us()
        else:
            if _plain(other):
                raise _binop_error("/", self, other)
            return NotImplemented
        if b < 0:
            a, b = -a, -b
        return _td_from_us(_round_half_even_div(a, b))

    def __mod__(self, other):
        if isinstance(other, timedelta):
            d = other._us()
            if d == 0:
                raise ZeroDivisionError("integer modulo by zero")
            return _td_from_us(self._us() % d)
        if _plain(other):
            raise _binop_error("%", self, other)
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            d = other._us()
            if d == 0:
                raise ZeroDivisionError("integer division or modulo by zero")
            q, r = divmod(self._us(), d)
            return q, _td_from_us(r)
        if _plain(other):
            raise _binop_error("divmod()", self, other)
        return NotImplemented

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def _cmp3(self, other, op):
        if isinstance(other, timedelta):
            return _cmp(self._key(), other._key())
        if op[0] not in "=!" and _plain(other):
            raise _cmp_error(op, self, other)
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __bool__(self):
        return self._days != 0 or self._seconds != 0 or self._microseconds != 0

    def __reduce__(self):
        return (type(self), self._key())


def _td_from_us(us, cls=timedelta):
    """The timedelta of us microseconds (OverflowError past +-999999999 days)."""
    s = us // 1000000
    d = s // 86400
    if not -999999999 <= d <= 999999999:
        raise OverflowError("days=%d; must have magnitude <= 999999999" % d)
    self = object.__new__(cls)
    self._days = d
    self._seconds = s % 86400
    self._microseconds = us % 1000000
    self._hashcode = -1
    return self


timedelta.min = _td_from_us(-999999999 * 86400 * 1000000)
timedelta.max = _td_from_us((999999999 * 86400 + 86399) * 1000000 + 999999)
timedelta.resolution = _td_from_us(1)
_ZERO = timedelta(0)
_DAY = timedelta(1)
_SECOND = timedelta(seconds=1)


class IsoCalendarDate(tuple):
    """(year, week, weekday) with names, as date.isocalendar() returns."""

    def __new__(cls, year, week, weekday):
        return tuple.__new__(cls, (year, week, weekday))

    year = property(_itemgetter(0))
    week = property(_itemgetter(1))
    weekday = property(_itemgetter(2))

    def __repr__(self):
        return "%s(year=%d, week=%d, weekday=%d)" % (_tn(self), self[0], self[1], self[2])

    def __reduce__(self):
        return (tuple, (tuple(self),))


def _iso_week1_monday(year):
    first = _ymd2ord(year, 1, 1)
    wd = (first + 6) % 7  # weekday of Jan 1, Monday 0
    monday = first - wd
    if wd > 3:
        monday += 7
    return monday


class date:
    """A day of the proleptic Gregorian calendar."""

    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __new__(cls, year, month=None, day=None):
        if month is None or day is None:
            if month is None and day is None and isinstance(year, (bytes, str)):
                raise TypeError("bad tzinfo state arg")
            if month is None:
                raise TypeError("function missing required argument 'month' (pos 2)")
            raise TypeError("function missing required argument 'day' (pos 3)")
        year, month, day = _check_date(year, month, day)
        return _mkdate(cls, year, month, day)

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d = _time.localtime(_int_timestamp(t))[:3]
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        n = _index(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        if n > _MAXORDINAL:
            raise ValueError("year %d is out of range" % _ord2ymd(n)[0])
        y, m, d = _ord2ymd(n)
        return cls(y, m, d)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        _lazy()
        try:
            m, d, y = _parse_isodate(s)
        except ValueError:
            raise ValueError("Invalid isoformat string: %r" % s) from None
        return cls(y, m, d)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        _lazy()
        m, d, y = _isoweek_to_ymd(year, week, day)
        return cls(y, m, d)

    def __repr__(self):
        return "%s(%d, %d, %d)" % (_tn(self), self._year, self._month, self._day)

    def ctime(self):
        wd = self.toordinal() % 7 or 7
        return "%s %s %2d 00:00:00 %04d" % (_DAYNAMES[wd - 1], _MONTHNAMES[self._month], self._day, self._year)

    def strftime(self, format):
        return _wrap_strftime(self, format, self.timetuple())

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("__format__() argument 1 must be str, not %s" % type(fmt).__name__)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    def __str__(self):
        return self.isoformat()

    year = property(_attrgetter("_year"))
    month = property(_attrgetter("_month"))
    day = property(_attrgetter("_day"))

    def timetuple(self):
        y, m, d = self._year, self._month, self._day
        return _time.struct_time((y, m, d, 0, 0, 0, (_ymd2ord(y, m, d) + 6) % 7,
                                  _days_before_month(y, m) + d, -1))

    def toordinal(self):
        return _ymd2ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        return type(self)(year, month, day)

    def _dkey(self):
        return (self._year, self._month, self._day)

    def _cmp3(self, other, op):
        if isinstance(other, date) and not isinstance(other, datetime):
            return _cmp(self._dkey(), other._dkey())
        if op[0] in "=!":
            return NotImplemented
        if isinstance(other, datetime) or _plain(other):
            raise _cmp_error(op, self, other)
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._dkey())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            o = self.toordinal() + other._days
            if 0 < o <= _MAXORDINAL:
                y, m, d = _ord2ymd(o)
                return _mkdate(type(self), y, m, d)
            raise OverflowError("date value out of range")
        if _plain(other):
            raise _binop_error("+", self, other)
        return NotImplemented

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self + other
        if _plain(other):
            raise _binop_error("+", other, self)
        return NotImplemented

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other._days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        if _plain(other):
            raise _binop_error("-", self, other)
        return NotImplemented

    def __rsub__(self, other):
        if _plain(other):
            raise _binop_error("-", other, self)
        return NotImplemented

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        o = self.toordinal()
        week1 = _iso_week1_monday(year)
        week, day = divmod(o - week1, 7)
        if week < 0:
            year -= 1
            week, day = divmod(o - _iso_week1_monday(year), 7)
        elif week >= 52 and o >= _iso_week1_monday(year + 1):
            year += 1
            week = 0
        return IsoCalendarDate(year, week + 1, day + 1)

    def __reduce__(self):
        return (type(self), self._dkey())


def _mkdate(cls, y, m, d):
    self = object.__new__(cls)
    self._year = y
    self._month = m
    self._day = d
    self._hashcode = -1
    return self


date.min = _mkdate(date, 1, 1, 1)
date.max = _mkdate(date, 9999, 12, 31)
date.resolution = timedelta(days=1)


def _int_timestamp(t):
    if isinstance(t, float):
        if t != t:
            raise ValueError("Invalid value NaN (not a number)")
        if t in (_INF, -_INF):
            raise OverflowError("timestamp out of range for platform time_t")
        return _math.floor(t)
    if isinstance(t, int):
        return t
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(t).__name__)


class tzinfo:
    """Abstract base of time zone information."""

    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        off = dt.utcoffset()
        if off is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dst = dt.dst()
        if dst is None:
            raise ValueError("fromutc: non-None dst() result required")
        delta = off - dst
        if delta:
            dt += delta
            dst = dt.dst()
            if dst is None:
                raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        return dt + dst

    def __reduce__(self):
        getinitargs = getattr(self, "__getinitargs__", None)
        args = getinitargs() if getinitargs else ()
        return (type(self), args, getattr(self, "__dict__", None) or None)


def _check_offset(name, off):
    if off is None:
        return None
    if not isinstance(off, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'" % (name, type(off).__name__))
    if not -86400000000 < off._days * 86400000000 + off._seconds * 1000000 + off._microseconds < 86400000000:
        raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                         "timedelta(hours=24).")
    return off


def _check_tzname(name):
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'" % type(name).__name__)
    return name


class time:
    """A time of day, optionally with a tzinfo."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold", "_hashcode")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        return _mktime(cls, hour, minute, second, microsecond, tzinfo, fold)

    hour = property(_attrgetter("_hour"))
    minute = property(_attrgetter("_minute"))
    second = property(_attrgetter("_second"))
    microsecond = property(_attrgetter("_microsecond"))
    tzinfo = property(_attrgetter("_tzinfo"))
    fold = property(_attrgetter("_fold"))

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset("utcoffset", self._tzinfo.utcoffset(None))

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset("dst", self._tzinfo.dst(None))

    def tzname(self):
        if self._tzinfo is None:
            return None
        return _check_tzname(self._tzinfo.tzname(None))

    def _tkey(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _cmp3(self, other, op):
        if not isinstance(other, time):
            if op in ("==", "!="):
                return NotImplemented
            if _plain(other):
                raise _cmp_error(op, self, other)
            return NotImplemented
        a, b = self._tzinfo, other._tzinfo
        if a is b:
            return _cmp(self._tkey(), other._tkey())
        ao, bo = self.utcoffset(), other.utcoffset()
        if ao == bo:
            return _cmp(self._tkey(), other._tkey())
        if ao is None or bo is None:
            if op in ("==", "!="):
                return 2  # unequal
            raise TypeError("can't compare offset-naive and offset-aware times")
        x = self._hour * 60 + self._minute - ao // timedelta(minutes=1)
        y = other._hour * 60 + other._minute - bo // timedelta(minutes=1)
        return _cmp((x, self._second, self._microsecond), (y, other._second, other._microsecond))

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            off = t.utcoffset()
            if not off:
                self._hashcode = hash(t._tkey())
            else:
                h, m = divmod(timedelta(hours=self._hour, minutes=self._minute) - off, timedelta(hours=1))
                m //= timedelta(minutes=1)
                if 0 <= h < 24:
                    self._hashcode = hash(time(h, m, self._second, self._microsecond)._tkey())
                else:
                    self._hashcode = hash((h, m, self._second, self._microsecond))
        return self._hashcode

    def isoformat(self, timespec="auto"):
        s = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _format_offset(self.utcoffset(), ":")

    def __str__(self):
        return self.isoformat()

    def __repr__(self):
        if self._microsecond:
            s = "%s(%d, %d, %d, %d)" % (_tn(self), self._hour, self._minute, self._second, self._microsecond)
        elif self._second:
            s = "%s(%d, %d, %d)" % (_tn(self), self._hour, self._minute, self._second)
        else:
            s = "%s(%d, %d)" % (_tn(self), self._hour, self._minute)
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r)" % self._tzinfo
        if self._fold:
            s = s[:-1] + ", fold=1)"
        return s

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        _lazy()
        try:
            h, m, sec, us, tz = _parse_isotime(s[1:] if s[:1] == "T" else s)
        except ValueError:
            raise ValueError("Invalid isoformat string: %r" % s) from None
        if type(tz) is timedelta:
            tz = timezone(tz)
        return cls(h, m, sec, us, tz)

    def strftime(self, format):
        t = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)
        return _wrap_strftime(self, format, t)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("__format__() argument 1 must be str, not %s" % type(fmt).__name__)
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(hour, minute, second, microsecond, tzinfo, fold=fold)

    def __bool__(self):
        return True

    def __reduce__(self):
        return (type(self), self._tkey() + (self._tzinfo,))


def _mktime(cls, h, m, s, us, tz, fold):
    self = object.__new__(cls)
    self._hour = h
    self._minute = m
    self._second = s
    self._microsecond = us
    self._tzinfo = tz
    self._fold = fold
    self._hashcode = -1
    return self


time.min = _mktime(time, 0, 0, 0, 0, None, 0)
time.max = _mktime(time, 23, 59, 59, 999999, None, 0)
time.resolution = timedelta(microseconds=1)


class datetime(date):
    """A date with a time of day, optionally with a tzinfo."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, year, month=None, day=None, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        if month is None or day is None:
            if month is None:
                raise TypeError("function missing required argument 'month' (pos 2)")
            raise TypeError("function missing required argument 'day' (pos 3)")
        year, month, day = _check_date(year, month, day)
        hour, minute, second, microsecond, fold = _check_time(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        return _mkdt(cls, year, month, day, hour, minute, second, microsecond, tzinfo, fold)

    hour = time.hour
    minute = time.minute
    second = time.second
    microsecond = time.microsecond
    tzinfo = time.tzinfo
    fold = time.fold

    @classmethod
    def _fromtimestamp(cls, t, utc, tz):
        if isinstance(t, float):
            if t != t:
                raise ValueError("Invalid value NaN (not a number)")
            if t in (_INF, -_INF):
                raise OverflowError("timestamp out of range for platform time_t")
            frac, t = _math.modf(t)
            us = round(frac * 1e6)
            if us >= 1000000:
                t += 1
                us -= 1000000
            elif us < 0:
                t -= 1
                us += 1000000
            t = int(t)
        elif isinstance(t, int):
            us = 0
        else:
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(t).__name__)
        if not -67768036191676799 <= t <= 67768036191676799:
            # What glibc's gmtime and localtime say past the years they hold.
            if not -2 ** 63 <= t < 2 ** 63:
                raise OverflowError("timestamp out of range for platform time_t")
            raise OSError(75, "Value too large for defined data type")
        if utc:
            d, s = divmod(t, 86400)
            o = d + 719163
            if not 0 < o <= _MAXORDINAL:
                raise ValueError("year %d is out of range" % _ord2ymd(o)[0])
            y, m, dd = _ord2ymd(o)
            hh, s = divmod(s, 3600)
            mm, ss = divmod(s, 60)
        else:
            y, m, dd, hh, mm, ss = _time.localtime(t)[:6]
            res = cls(y, m, dd, hh, mm, ss, us, tz)
            # The second of two equal local times has fold 1: probe a day
            # back for a transition that repeated this hour.
            y, m, dd, hh, mm, ss = _time.localtime(t - 86400)[:6]
            trans = res - cls(y, m, dd, hh, mm, ss, us, tz) - _DAY
            if trans._days < 0:
                y, m, dd, hh, mm, ss = _time.localtime(t + trans // _SECOND)[:6]
                if cls(y, m, dd, hh, mm, ss, us, tz) == res:
                    res._fold = 1
            return res
        return cls(y, m, dd, hh, mm, ss, us, tz)

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        if tz is None:
            return cls._fromtimestamp(t, False, None)
        return tz.fromutc(cls._fromtimestamp(t, True, tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        _deprecated("datetime.datetime.utcfromtimestamp() is deprecated and scheduled for removal in a "
                    "future version. Use timezone-aware objects to represent datetimes in UTC: "
                    "datetime.datetime.fromtimestamp(timestamp, datetime.UTC).")
        return cls._fromtimestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        _deprecated("datetime.datetime.utcnow() is deprecated and scheduled for removal in a future "
                    "version. Use timezone-aware objects to represent datetimes in UTC: "
                    "datetime.datetime.now(datetime.UTC).")
        return cls._fromtimestamp(_time.time(), True, None)

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if not isinstance(date, _date_class):
            raise TypeError("combine() argument 1 must be datetime.date, not %s" % type(date).__name__)
        if not isinstance(time, _time_class):
            raise TypeError("combine() argument 2 must be datetime.time, not %s" % type(time).__name__)
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError("fromisoformat: argument must be str")
        _lazy()
        try:
            dpart, tpart = _split_isodatetime(s)
            m, d, y = _parse_isodate(dpart)
            h = mi = sec = us = 0
            tz = None
            if tpart:
                h, mi, sec, us, tz = _parse_isotime(tpart)
        except ValueError:
            raise ValueError("Invalid isoformat string: %r" % s) from None
        if type(tz) is timedelta:
            tz = timezone(tz)
        return cls(y, m, d, h, mi, sec, us, tz)

    @classmethod
    def strptime(cls, date_string, format):
        _lazy()
        return _strptime(cls, date_string, format)

    def timetuple(self):
        dst = self.dst()
        flag = -1 if dst is None else (1 if dst else 0)
        y, m, d = self._year, self._month, self._day
        return _time.struct_time((y, m, d, self._hour, self._minute, self._second,
                                  (_ymd2ord(y, m, d) + 6) % 7, _days_before_month(y, m) + d, flag))

    def utctimetuple(self):
        off = self.utcoffset()
        t = self
        if off:
            t = self - off
        y, m, d = t._year, t._month, t._day
        return _time.struct_time((y, m, d, t._hour, t._minute, t._second,
                                  (_ymd2ord(y, m, d) + 6) % 7, _days_before_month(y, m) + d, 0))

    def _local_seconds(self, fold):
        """The epoch seconds u whose local time is these naive fields (PEP 495).

        A repeated time has two such u (fold 0 picks the earlier), a time
        in a gap none: fold 0 then gives the later candidate, fold 1 the
        earlier, so the result reads the time with the offset before
        (fold 0) or after the transition."""
        t = (self.toordinal() - 719163) * 86400 + self._hour * 3600 + self._minute * 60 + self._second
        a = _local_naive(t) - t
        u1 = t - a
        t1 = _local_naive(u1)
        if t1 == t:
            # Another solution lies a day earlier (fold 0) or later (fold 1)?
            u2 = u1 + (86400 if fold else -86400)
            b = _local_naive(u2) - u2
            if a == b:
                return u1
        else:
            b = t1 - u1
        u2 = t - b
        if _local_naive(u2) == t:
            return u2
        if t1 == t:
            return u1
        return min(u1, u2) if fold else max(u1, u2)

    def timestamp(self):
        if self._tzinfo is None:
            return self._local_seconds(self._fold) + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def date(self):
        return _mkdate(date, self._year, self._month, self._day)

    def time(self):
        return _mktime(time, self._hour, self._minute, self._second, self._microsecond, None, self._fold)

    def timetz(self):
        return _mktime(time, self._hour, self._minute, self._second, self._microsecond, self._tzinfo, self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        if year is None:
            year = self._year
        if month is None:
            month = self._month
        if day is None:
            day = self._day
        if hour is None:
            hour = self._hour
        if minute is None:
            minute = self._minute
        if second is None:
            second = self._second
        if microsecond is None:
            microsecond = self._microsecond
        if tzinfo is True:
            tzinfo = self._tzinfo
        if fold is None:
            fold = self._fold
        return type(self)(year, month, day, hour, minute, second, microsecond, tzinfo, fold=fold)

    def _local_timezone(self):
        if self._tzinfo is None:
            ts = self._local_seconds(self._fold)
            other = self._local_seconds(1 - self._fold)
            if other != ts and (other > ts) == self._fold:
                ts = other  # in a gap: the offset before (fold 0) or after it
        else:
            ts = (self - _EPOCH) // timedelta(seconds=1)
        lt = _time.localtime(ts)
        return timezone(timedelta(seconds=lt.tm_gmtoff), lt.tm_zone)

    def astimezone(self, tz=None):
        if tz is not None and not isinstance(tz, tzinfo):
            raise TypeError("tzinfo argument must be None or of a tzinfo subclass, not type '%s'"
                            % type(tz).__name__)
        mytz = self._tzinfo
        if mytz is None:
            mytz = self._local_timezone()
            myoff = mytz.utcoffset(self)
        else:
            myoff = mytz.utcoffset(self)
            if myoff is None:
                mytz = self.replace(tzinfo=None)._local_timezone()
                myoff = mytz.utcoffset(self)
        if tz is mytz:
            return self
        if tz is None:
            # The local zone at the converted instant, not at self.
            u = _dt_add(self, -myoff._days, -myoff._seconds, -myoff._microseconds, type(self), _UTC)
            tz = u._local_timezone()
        return tz.fromutc(_dt_add(self, -myoff._days, -myoff._seconds, -myoff._microseconds, type(self), tz))

    def ctime(self):
        wd = self.toordinal() % 7 or 7
        return "%s %s %2d %02d:%02d:%02d %04d" % (_DAYNAMES[wd - 1], _MONTHNAMES[self._month], self._day,
                                                  self._hour, self._minute, self._second, self._year)

    def isoformat(self, sep="T", timespec="auto"):
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not %s" % type(sep).__name__)
        s = "%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep)
        s += _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return s + _format_offset(self.utcoffset(), ":")

    def __str__(self):
        return self.isoformat(sep=" ")

    def __repr__(self):
        args = [self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond]
        if not args[6]:
            del args[6]
            if not args[5]:
                del args[5]
        s = "%s(%s)" % (_tn(self), ", ".join(map(str, args)))
        if self._fold:
            s = s[:-1] + ", fold=1)"
        if self._tzinfo is not None:
            s = s[:-1] + ", tzinfo=%r)" % self._tzinfo
        return s

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        return _check_offset("utcoffset", self._tzinfo.utcoffset(self))

    def dst(self):
        if self._tzinfo is None:
            return None
        return _check_offset("dst", self._tzinfo.dst(self))

    def tzname(self):
        if self._tzinfo is None:
            return None
        return _check_tzname(self._tzinfo.tzname(self))

    def strftime(self, format):
        return _wrap_strftime(self, format, self.timetuple())

    def _us(self):
        """Microseconds since 0001-01-01 00:00 of the naive fields."""
        return (((self.toordinal() * 24 + self._hour) * 60 + self._minute) * 60 + self._second) * 1000000 \
            + self._microsecond

    def _cmp3(self, other, op):
        if not isinstance(other, datetime):
            if op[0] in "=!":
                return 2 if isinstance(other, date) else NotImplemented
            if isinstance(other, date):
                raise TypeError("can't compare %s to %s" % (_tn(self), _tn(other)))
            if _plain(other):
                raise _cmp_error(op, self, other)
            return NotImplemented
        if self._tzinfo is other._tzinfo:
            a = (self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond)
            b = (other._year, other._month, other._day, other._hour, other._minute, other._second, other._microsecond)
            return 0 if a == b else (1 if a > b else -1)
        ao, bo = self.utcoffset(), other.utcoffset()
        if ao is None and bo is None:
            return _cmp(self._us(), other._us())
        if ao is None or bo is None:
            if op in ("==", "!="):
                return 2
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        return _cmp(self._us() - ao._us(), other._us() - bo._us())

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            off = t.utcoffset()
            us = t._us()
            if off is not None:
                us -= off._us()
            self._hashcode = hash(us)
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            return _dt_add(self, other._days, other._seconds, other._microseconds, type(self), self._tzinfo)
        if _plain(other):
            raise _binop_error("+", self, other)
        return NotImplemented

    # __radd__ is date's: timedelta + datetime is datetime + timedelta.

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return _dt_add(self, -other._days, -other._seconds, -other._microseconds, type(self), self._tzinfo)
        if isinstance(other, datetime):
            a, b = self._us(), other._us()
            if self._tzinfo is not other._tzinfo:
                ao, bo = self.utcoffset(), other.utcoffset()
                if (ao is None) != (bo is None):
                    raise TypeError("can't subtract offset-naive and offset-aware datetimes")
                if ao is not None:
                    a -= ao._us()
                    b -= bo._us()
            return _td_from_us(a - b)
        if _plain(other):
            raise _binop_error("-", self, other)
        return NotImplemented

    def __reduce__(self):
        args = (self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond)
        if self._tzinfo is not None:
            args += (self._tzinfo,)
        return (type(self), args)


_date_class = date
_time_class = time


# The rich comparisons of every class, over its _cmp3 (-1, 0, 1; 2 for
# unequal values that do not order; NotImplemented).
def _eq(self, other):
    c = self._cmp3(other, "==")
    return c if c is NotImplemented else c == 0


def _ne(self, other):
    c = self._cmp3(other, "!=")
    return c if c is NotImplemented else c != 0


def _lt(self, other):
    c = self._cmp3(other, "<")
    return c if c is NotImplemented else c < 0


def _le(self, other):
    c = self._cmp3(other, "<=")
    return c if c is NotImplemented else c <= 0


def _gt(self, other):
    c = self._cmp3(other, ">")
    return c if c is NotImplemented else c == 1


def _ge(self, other):
    c = self._cmp3(other, ">=")
    return c if c is NotImplemented else c >= 0


for _c in (timedelta, date, time, datetime):
    _c.__eq__ = _eq
    _c.__ne__ = _ne
    _c.__lt__ = _lt
    _c.__le__ = _le
    _c.__gt__ = _gt
    _c.__ge__ = _ge
del _c


def _local_naive(u):
    """The local time of epoch second u, as seconds since a naive epoch."""
    y, m, d, hh, mm, ss = _time.localtime(u)[:6]
    return (_ymd2ord(y, m, d) - 719163) * 86400 + hh * 3600 + mm * 60 + ss


def _mkdt(cls, y, mo, d, h, mi, s, us, tz, fold):
    self = object.__new__(cls)
    self._year = y
    self._month = mo
    self._day = d
    self._hour = h
    self._minute = mi
    self._second = s
    self._microsecond = us
    self._tzinfo = tz
    self._fold = fold
    self._hashcode = -1
    return self


def _dt_add(dt, days, secs, us, cls, tz):
    """dt moved by days, secs and us (any sign or size), as a cls with tzinfo tz."""
    us += dt._microsecond
    secs += dt._hour * 3600 + dt._minute * 60 + dt._second
    if us >= 1000000 or us < 0:
        secs += us // 1000000
        us %= 1000000
    if secs >= 86400 or secs < 0:
        days += secs // 86400
        secs %= 86400
    if days:
        o = _ymd2ord(dt._year, dt._month, dt._day) + days
        if not 0 < o <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        y, mo, d = _ord2ymd(o)
    else:
        y, mo, d = dt._year, dt._month, dt._day
    return _mkdt(cls, y, mo, d, secs // 3600, secs // 60 % 60, secs % 60, us, tz, 0)


def _deprecated(msg):
    """Warns the caller of a classmethod that it is deprecated.

    pyish's warnings cannot yet see past a classmethod call (which runs
    through Go) and raises NotImplementedError for stacklevel=2 there: the
    warning is then left out rather than break the call. Nor is there one
    where the interpreter does not allow warnings."""
    try:
        import warnings
        warnings.warn(msg, DeprecationWarning, stacklevel=3)
    except (ImportError, NotImplementedError):
        pass


class timezone(tzinfo):
    """A fixed offset from UTC, with an optional name."""

    __slots__ = ("_offset", "_name")

    def __init_subclass__(cls, **kwargs):
        raise TypeError("type 'datetime.timezone' is not an acceptable base type")

    def __new__(cls, offset, name=None):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s" % type(offset).__name__)
        if name is None:
            if not offset and cls is timezone:
                return _UTC
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % type(name).__name__)
        if not -_DAY < offset < _DAY:
            raise ValueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                             "timedelta(hours=24), not %r." % offset)
        return _mktz(cls, offset, name)

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is _UTC:
            return "datetime.timezone.utc"
        if self._name is None:
            return "%s(%r)" % (_tn(self), self._offset)
        return "%s(%r, %r)" % (_tn(self), self._offset, self._name)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError("utcoffset(dt) argument must be a datetime instance or None, not %s" % type(dt).__name__)

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is None:
                return self._name_from_offset(self._offset)
            return self._name
        raise TypeError("tzname(dt) argument must be a datetime instance or None, not %s" % type(dt).__name__)

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError("dst(dt) argument must be a datetime instance or None, not %s" % type(dt).__name__)

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt._tzinfo is not self:
                raise ValueError("fromutc: dt.tzinfo is not self")
            off = self._offset
            return _dt_add(dt, off._days, off._seconds, off._microseconds, type(dt), self)
        raise TypeError("fromutc: argument must be a datetime")

    @staticmethod
    def _name_from_offset(delta):
        if not delta:
            return "UTC"
        return "UTC" + _format_offset(delta, ":")


def _mktz(cls, offset, name):
    self = object.__new__(cls)
    self._offset = offset
    self._name = name
    return self


utc = _mktz(timezone, _ZERO, None)
timezone.utc = utc
timezone.min = _mktz(timezone, -timedelta(hours=23, minutes=59), None)
timezone.max = _mktz(timezone, timedelta(hours=23, minutes=59), None)
UTC = _UTC = utc
del utc

datetime.min = _mkdt(datetime, 1, 1, 1, 0, 0, 0, 0, None, 0)
datetime.max = _mkdt(datetime, 9999, 12, 31, 23, 59, 59, 999999, None, 0)
datetime.resolution = timedelta(microseconds=1)
_EPOCH = _mkdt(datetime, 1970, 1, 1, 0, 0, 0, 0, _UTC, 0)

_OWN = {timedelta, date, time, datetime, tzinfo, timezone, IsoCalendarDate}


def _lazy():
    """Compiles _LAZY into the module the first time one of its functions is needed."""
    g = globals()
    if "_td_general" not in g:
        exec(_LAZY, g)


# What most scripts never call: fromisoformat, fromisocalendar and
# strptime, timedelta() of floats, strftime with %f, %z or %Z. It is
# compiled on first use (as CPython imports _strptime only then), which
# saves about a sixth of the cost of importing datetime.
_LAZY = r'''
_US = (1, 1000, 1000000, 60000000, 3600000000, 86400000000, 604800000000)
_NAMES = ("microseconds", "milliseconds", "seconds", "minutes", "hours", "days", "weeks")


def _c_round(x):
    """Round half away from zero, as C's round()."""
    r = _math.floor(x)
    d = x - r
    if d > 0.5 or (d == 0.5 and x > 0):
        r += 1
    return r


def _strftime_filled(obj, fmt, timetuple):
    """fmt with %f, %z, %:z and %Z replaced from obj, then given to time.strftime."""
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if c != "%" or i >= n:
            out.append(c)
            continue
        c = fmt[i]
        i += 1
        if c == "f":
            out.append("%06d" % getattr(obj, "microsecond", 0))
        elif c == "z":
            out.append(_format_offset(obj.utcoffset(), "") if hasattr(obj, "utcoffset") else "")
        elif c == ":" and i < n and fmt[i] == "z":
            i += 1
            out.append(_format_offset(obj.utcoffset(), ":") if hasattr(obj, "utcoffset") else "")
        elif c == "Z":
            name = obj.tzname() if hasattr(obj, "tzname") else None
            if name is not None:
                out.append(name.replace("%", "%%"))
        else:
            out.append("%" + c)
    return _time.strftime("".join(out), timetuple)


def _td_general(cls, args):
    """The timedelta of the microsecond, ..., week components args, with floats rounded as CPython."""
    total = 0
    left = 0.0
    for k in range(7):
        v = args[k]
        if type(v) is int:
            if v:
                total += v * _US[k]
        elif isinstance(v, float):
            frac, whole = _math.modf(v)
            total += int(whole) * _US[k]
            if frac:
                frac, whole = _math.modf(frac * _US[k])
                total += int(whole)
                left += frac
        elif isinstance(v, int):
            total += int(v) * _US[k]
        else:
            raise TypeError("unsupported type for timedelta %s component: %s"
                            % (_NAMES[k], type(v).__name__))
    if left:
        whole = _c_round(left)
        if abs(whole - left) == 0.5:
            # A tie: round so the total is even.
            lo = _math.floor(left)
            whole = lo if (total + lo) % 2 == 0 else lo + 1
        total += int(whole)
    return _td_from_us(total, cls)


def _parse_isodate(s):
    """(y, m, d) of YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D] or YYYYWww[D]; ValueError otherwise."""
    n = len(s)
    if n < 7 or not s[:4].isdigit() or not s.isascii():
        raise ValueError
    year = int(s[:4])
    dash = s[4] == "-"
    i = 5 if dash else 4
    if s[i] == "W":
        i += 1
        if not s[i:i + 2].isdigit():
            raise ValueError
        week = int(s[i:i + 2])
        i += 2
        day = 1
        if i < n:
            if dash:
                if s[i] != "-":
                    raise ValueError
                i += 1
            if n != i + 1 or not s[i].isdigit():
                raise ValueError
            day = int(s[i])
        elif n != i:
            raise ValueError
        return _isoweek_to_ymd(year, week, day)
    if dash:
        if n != 10 or s[7] != "-":
            raise ValueError
        mm, dd = s[5:7], s[8:10]
    else:
        if n != 8:
            raise ValueError
        mm, dd = s[4:6], s[6:8]
    if not (mm.isdigit() and dd.isdigit()):
        raise ValueError
    return int(mm), int(dd), year


def _isoweek_to_ymd(year, week, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("Year is out of range: %d" % year)
    if not 0 < week < 53:
        ok = False
        if week == 53:
            first = _ymd2ord(year, 1, 1) % 7
            if first == 4 or (first == 3 and _is_leap(year)):
                ok = True
        if not ok:
            raise ValueError("Invalid week: %d" % week)
    if not 0 < day < 8:
        raise ValueError("Invalid day: %d (range is [1, 7])" % day)
    y, m, d = _ord2ymd(_iso_week1_monday(year) + (week - 1) * 7 + day - 1)
    return m, d, y


def _digits(s, i, n):
    part = s[i:i + n]
    if len(part) != n or not part.isdigit() or not part.isascii():
        raise ValueError
    return int(part)


def _parse_hms(s):
    """(h, m, s, us) of HH[:MM[:SS[.f+]]] or HH[MM[SS[.f+]]]; ValueError otherwise."""
    n = len(s)
    h = _digits(s, 0, 2)
    m = sec = us = 0
    i = 2
    colon = None
    for k in range(2):
        if i >= n:
            return h, m, sec, us
        if colon is None:
            colon = s[i] == ":"
        if colon:
            if s[i] != ":":
                raise ValueError
            i += 1
        v = _digits(s, i, 2)
        i += 2
        if k == 0:
            m = v
        else:
            sec = v
    if i < n:
        if s[i] not in ".,":
            raise ValueError
        frac = s[i + 1:]
        if not frac or not frac.isdigit() or not frac.isascii():
            raise ValueError
        us = int((frac + "00000")[:6])
    return h, m, sec, us


def _parse_isotime(s):
    """(h, m, s, us, tzinfo) of an ISO 8601 time with an optional offset."""
    tz = None
    k = -1
    for c in "Z+-":
        k = s.find(c)
        if k >= 0:
            break
    if k >= 0:
        zs = s[k:]
        s = s[:k]
        if zs == "Z":
            tz = _UTC
        else:
            if len(zs) < 3:
                raise ValueError
            zh, zm, zsec, zus = _parse_hms(zs[1:])
            off = timedelta(hours=zh, minutes=zm, seconds=zsec, microseconds=zus)
            if zs[0] == "-":
                off = -off
            tz = off  # the caller makes the timezone: its errors are not parse errors
    h, m, sec, us = _parse_hms(s)
    return h, m, sec, us, tz


def _split_isodatetime(s):
    """The date and time parts of an ISO 8601 datetime (any one-character separator)."""
    n = len(s)
    if n < 7:
        raise ValueError
    # The date is 10 (YYYY-MM-DD), 8 (YYYYMMDD or YYYY-Www), 7 (YYYYWww),
    # 9 (YYYYWwwD) or 10 (YYYY-Www-D) characters.
    if s[4] == "-":
        dlen = 8 if s[5] == "W" and (n == 8 or s[8] != "-") else 10
    elif s[4] == "W":
        dlen = 8 if n > 7 and s[7].isdigit() else 7
    else:
        dlen = 8
    if n <= dlen:
        return s, ""
    if n == dlen + 1:
        raise ValueError
    return s[:dlen], s[dlen + 1:]


# strptime: each directive is a regular expression, as CPython's _strptime.
def _ci(text):
    """A pattern matching text in any case: [Jj][Aa][Nn] for Jan.

    CPython compiles strptime's pattern with re.IGNORECASE, which costs
    pyish's re some 50 ms to compile: letters as classes cost nothing."""
    out = []
    for c in text:
        lo, up = c.lower(), c.upper()
        if lo != up and len(lo) == 1 and len(up) == 1:
            out.append("[" + lo + up + "]")
        elif c.isalnum() or c == "_":
            out.append(c)
        else:
            out.append("\\" + c)
    return "".join(out)


_DIRECTIVES = {
    "d": r"(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])",
    "f": r"(?P<f>[0-9]{1,6})",
    "H": r"(?P<H>2[0-3]|[0-1]\d|\d)",
    "I": r"(?P<I>1[0-2]|0[1-9]|[1-9])",
    "j": r"(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
    "m": r"(?P<m>1[0-2]|0[1-9]|[1-9])",
    "M": r"(?P<M>[0-5]\d|\d)",
    "S": r"(?P<S>6[0-1]|[0-5]\d|\d)",
    "y": r"(?P<y>\d\d)",
    "Y": r"(?P<Y>\d\d\d\d)",
    "z": r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|Z)",
    "a": "(?P<a>" + "|".join(_ci(x) for x in sorted(_DAYNAMES, key=len, reverse=True)) + ")",
    "A": "(?P<A>" + "|".join(_ci(x) for x in sorted(_FULLDAYS, key=len, reverse=True)) + ")",
    "b": "(?P<b>" + "|".join(_ci(x) for x in _MONTHNAMES[1:]) + ")",
    "B": "(?P<B>" + "|".join(_ci(x) for x in sorted(_FULLMONTHS[1:], key=len, reverse=True)) + ")",
    "p": "(?P<p>" + _ci("am") + "|" + _ci("pm") + ")",
    "w": r"(?P<w>[0-6])",
    "u": r"(?P<u>[1-7])",
    "%": "%",
}
_strptime_cache = {}


def _strptime_regex(fmt):
    rx = _strptime_cache.get(fmt)
    if rx is not None:
        return rx
    import re
    out = []
    seen = set()
    i = 0
    n = len(fmt)
    while i < n:
        c = fmt[i]
        i += 1
        if c == "%":
            if i >= n:
                raise ValueError("stray %% in format '%s'" % fmt)
            d = fmt[i]
            i += 1
            if d == "Z":
                d_rx = "(?P<Z>" + "|".join(_ci(x) for x in ["utc", "gmt"] + sorted(set(_time.tzname))) + ")"
            elif d in _DIRECTIVES:
                d_rx = _DIRECTIVES[d]
            else:
                raise ValueError("'%s' is a bad directive in format '%s'" % (d, "%" + d))
            if d in seen and d != "%":
                raise re.error("redefinition of group name %r as group %d" % (d, len(seen) + 1))
            seen.add(d)
            out.append(d_rx)
        elif c.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            out.append(r"\s+")
        else:
            out.append(_ci(c))
    rx = re.compile("".join(out))
    _strptime_cache[fmt] = rx
    return rx


def _strptime(cls, data, fmt):
    for arg in (data, fmt):
        if not isinstance(arg, str):
            raise TypeError("strptime() argument %d must be str, not %s"
                            % (1 if arg is data else 2, type(arg).__name__))
    m = _strptime_regex(fmt).match(data)
    if m is None:
        raise ValueError("time data %r does not match format %r" % (data, fmt))
    if len(data) != m.end():
        raise ValueError("unconverted data remains: %s" % data[m.end():])
    g = m.groupdict()
    year = 1900
    month = day = 1
    hour = minute = second = us = 0
    tz = None
    yday = None
    weekday = None
    if g.get("y") is not None:
        year = int(g["y"])
        year += 2000 if year <= 68 else 1900
    if g.get("Y") is not None:
        year = int(g["Y"])
    if g.get("m") is not None:
        month = int(g["m"])
    for key, names in (("B", _FULLMONTHS), ("b", _MONTHNAMES)):
        if g.get(key) is not None:
            low = g[key].lower()
            month = [x.lower() if x else x for x in names].index(low)
    if g.get("d") is not None:
        day = int(g["d"])
    if g.get("H") is not None:
        hour = int(g["H"])
    if g.get("I") is not None:
        hour = int(g["I"])
        ampm = (g.get("p") or "").lower()
        if ampm == "pm":
            if hour != 12:
                hour += 12
        elif hour == 12:
            hour = 0
    if g.get("M") is not None:
        minute = int(g["M"])
    if g.get("S") is not None:
        second = int(g["S"])
    if g.get("f") is not None:
        us = int((g["f"] + "00000")[:6])
    if g.get("A") is not None:
        weekday = [x.lower() for x in _FULLDAYS].index(g["A"].lower())
    if g.get("a") is not None:
        weekday = [x.lower() for x in _DAYNAMES].index(g["a"].lower())
    if g.get("j") is not None:
        yday = int(g["j"])
    z = g.get("z")
    if z is not None:
        if z in ("Z", "z"):
            tz = _UTC
        else:
            if len(z) > 3 and z[3] == ":":
                if len(z) > 6 and z[6] != ":":
                    raise ValueError("Inconsistent use of : in %s" % z)
                z = z.replace(":", "")
            hh, mm, ss = int(z[1:3]), int(z[3:5]), int(z[5:7] or 0)
            frac = z[8:]
            off = timedelta(hours=hh, minutes=mm, seconds=ss,
                            microseconds=int((frac + "00000")[:6]) if frac else 0)
            if z[0] == "-":
                off = -off
            tz = timezone(off)
    if yday is not None:
        o = _ymd2ord(year, 1, 1) + yday - 1
        year, month, day = _ord2ymd(o)
    return cls(year, month, day, hour, minute, second, us, tz)
'''
