"""Extract, format and print exceptions and their tracebacks, in the form
pyish reports an uncaught exception (pyish keeps no frame objects, so
there is no stack extraction and no frame locals)."""

import sys
import _traceback

__all__ = ['extract_tb', 'format_exc', 'format_exception',
           'format_exception_only', 'format_list', 'format_tb',
           'print_exc', 'print_exception', 'print_last', 'print_list',
           'print_tb', 'FrameSummary', 'StackSummary']

_sentinel = object()

# How often a repeated line shows before it is summarised, as CPython's
# _RECURSIVE_CUTOFF.
_RECURSIVE_CUTOFF = 3


class FrameSummary:
    """Information about a single frame of a traceback: filename, lineno,
    name and line (the source line, stripped, looked up on demand)."""

    __slots__ = ('filename', 'lineno', 'end_lineno', 'colno', 'end_colno',
                 'name', '_line', 'locals')

    def __init__(self, filename, lineno, name, *, lookup_line=True,
                 locals=None, line=None,
                 end_lineno=None, colno=None, end_colno=None):
        self.filename = filename
        self.lineno = lineno
        self.end_lineno = end_lineno
        self.colno = colno
        self.end_colno = end_colno
        self.name = name
        self._line = line
        if lookup_line:
            self.line
        self.locals = {k: repr(v) for k, v in locals.items()} if locals else None

    def __eq__(self, other):
        if isinstance(other, FrameSummary):
            return (self.filename == other.filename and
                    self.lineno == other.lineno and
                    self.name == other.name and
                    self.locals == other.locals)
        if isinstance(other, tuple):
            return (self.filename, self.lineno, self.name, self.line) == other
        return NotImplemented

    def __getitem__(self, pos):
        return (self.filename, self.lineno, self.name, self.line)[pos]

    def __iter__(self):
        return iter([self.filename, self.lineno, self.name, self.line])

    def __repr__(self):
        return "<FrameSummary file {filename}, line {lineno} in {name}>".format(
            filename=self.filename, lineno=self.lineno, name=self.name)

    def __len__(self):
        return 4

    @property
    def line(self):
        if self._line is None:
            if self.lineno is None:
                return None
            self._line = _traceback.source_line(self.filename, self.lineno)
        return self._line.strip()


class StackSummary(list):
    """A list of FrameSummary objects, ready for formatting."""

    @classmethod
    def from_list(klass, a_list):
        """Create a StackSummary from FrameSummary objects or old-style
        (filename, lineno, name, line) tuples."""
        result = StackSummary()
        for frame in a_list:
            if isinstance(frame, FrameSummary):
                result.append(frame)
            else:
                filename, lineno, name, line = frame
                result.append(FrameSummary(filename, lineno, name, line=line))
        return result

    def format_frame_summary(self, frame_summary):
        """The lines of one frame: its place, then its source line and
        the marker under the part that failed (CPython 3.12's carets)."""
        row = ['  File "{}", line {}, in {}\n'.format(
            frame_summary.filename, frame_summary.lineno, frame_summary.name)]
        if frame_summary.line:
            row.append('    {}\n'.format(frame_summary.line))
            if (frame_summary.colno is not None
                    and frame_summary.end_colno is not None):
                row.append(_traceback.marker(
                    frame_summary._line, frame_summary.lineno,
                    frame_summary.end_lineno, frame_summary.colno,
                    frame_summary.end_colno))
        if frame_summary.locals:
            for name, value in sorted(frame_summary.locals.items()):
                row.append('    {name} = {value}\n'.format(name=name, value=value))
        return ''.join(row)

    def format(self):
        """The strings to print for the frames, a frame repeated more
        than three times in a row summarised in one line."""
        result = []
        last = None
        count = 0
        for frame_summary in self:
            key = (frame_summary.filename, frame_summary.lineno, frame_summary.name)
            if last is None or last != key:
                self._flush_repeats(result, count)
                last = key
                count = 0
            count += 1
            if count > _RECURSIVE_CUTOFF:
                continue
            result.append(self.format_frame_summary(frame_summary))
        self._flush_repeats(result, count)
        return result

    @staticmethod
    def _flush_repeats(result, count):
        if count > _RECURSIVE_CUTOFF:
            count -= _RECURSIVE_CUTOFF
            result.append(
                f'  [Previous line repeated {count} more '
                f'time{"s" if count > 1 else ""}]\n'
            )


def _limited(entries, limit):
    if limit is None:
        limit = getattr(sys, "tracebacklimit", None)
        if limit is not None and limit < 0:
            limit = 0
    if limit is None:
        return entries
    if limit >= 0:
        return entries[:limit]
    return entries[limit:]


def extract_tb(tb, limit=None):
    """The StackSummary of the frames of traceback tb."""
    entries = _limited(_traceback.entries(tb), limit)
    return StackSummary.from_list(
        FrameSummary(f, n, name, lookup_line=False, end_lineno=e,
                     colno=c, end_colno=ec)
        for f, n, name, e, c, ec in entries)


def format_list(extracted_list):
    """Format a list of FrameSummary objects or tuples for printing."""
    return StackSummary.from_list(extracted_list).format()


def print_list(extracted_list, file=None):
    """Print the list of tuples as returned by extract_tb()."""
    if file is None:
        file = sys.stderr
    for item in StackSummary.from_list(extracted_list).format():
        print(item, file=file, end="")


def format_tb(tb, limit=None):
    """The formatted frames of traceback tb: a list of strings."""
    return extract_tb(tb, limit=limit).format()


def print_tb(tb, limit=None, file=None):
    """Print the frames of traceback tb to file (default sys.stderr)."""
    print_list(extract_tb(tb, limit=limit), file=file)


def _parse_value_tb(exc, value, tb):
    if (value is _sentinel) != (tb is _sentinel):
        raise ValueError("Both or neither of value and tb must be given")
    if value is tb is _sentinel:
        if exc is not None:
            if isinstance(exc, BaseException):
                return exc, exc.__traceback__
            raise TypeError(f'Exception expected for value, '
                            f'{type(exc).__name__} found')
        return None, None
    return value, tb


def format_exception_only(exc, /, value=_sentinel):
    """The last lines of an exception's report: its type and message."""
    if value is _sentinel:
        value = exc
    return _format_final(exc, value, False)


def _syntax_error_line(value):
    """The last line of a SyntaxError's report, as
    TracebackException._format_syntax_error writes it."""
    stype = type(value).__qualname__
    smod = type(value).__module__
    if smod not in ("__main__", "builtins"):
        stype = smod + "." + stype
    suffix = ""
    if value.lineno is None and value.filename is not None:
        suffix = " ({})".format(value.filename)
    return "{}: {}{}\n".format(stype, value.msg or "<no detail available>",
                               suffix)


def _format_final(exc, value, with_traceback):
    # A NameError's "Did you mean" hint searches the frame of its
    # traceback, which format_exception_only does not look at.
    if value is None:
        return ["NoneType: None\n"]
    if not isinstance(value, BaseException):
        return [f"{getattr(exc, '__name__', type(value).__name__)}: {value}\n"]
    if isinstance(value, SyntaxError):
        out = [_syntax_error_line(value)]
    else:
        out = [_traceback.exception_message(value, with_traceback) + "\n"]
    notes = getattr(value, "__notes__", None)
    if isinstance(notes, (list, tuple)):
        for note in notes:
            try:
                note = str(note)
            except Exception:
                note = "<note str() failed>"
            out.extend(line + "\n" for line in note.split("\n"))
    elif notes is not None:
        try:
            out.append(repr(notes) + "\n")
        except Exception:
            out.append("<__notes__ repr() failed>\n")
    return out


def _format_chain(value, tb, limit, chain, seen, out):
    seen.add(id(value))
    if chain:
        cause = value.__cause__
        context = value.__context__
        if cause is not None and id(cause) not in seen:
            _format_chain(cause, cause.__traceback__, limit, chain, seen, out)
            out.append("\nThe above exception was the direct cause "
                       "of the following exception:\n\n")
        elif (context is not None and not value.__suppress_context__
              and id(context) not in seen):
            _format_chain(context, context.__traceback__, limit, chain, seen, out)
            out.append("\nDuring handling of the above exception, "
                       "another exception occurred:\n\n")
    frames = format_tb(tb, limit) if tb is not None else []
    if frames:
        out.append("Traceback (most recent call last):\n")
        out.extend(frames)
    out.extend(_format_final(value, value, tb is not None))


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                     chain=True):
    """The lines pyish prints for an uncaught exception exc (or the old
    (type, value, tb) form), each ending in a newline."""
    own_tb = value is _sentinel  # the exception's own traceback
    value, tb = _parse_value_tb(exc, value, tb)
    if value is None:
        return ["NoneType: None\n"]
    if isinstance(value, BaseExceptionGroup) and limit is None and chain and own_tb:
        # Groups are drawn as nested boxes: the interpreter's formatter
        # does it (one string per line here, not per frame).
        return _traceback.format_exception(value).splitlines(keepends=True)
    out = []
    _format_chain(value, tb, limit, chain, set(), out)
    return out


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None,
                    file=None, chain=True):
    """Print an exception's report to file (default sys.stderr)."""
    if file is None:
        file = sys.stderr
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=file, end="")


def format_exc(limit=None, chain=True):
    """The report of the exception being handled, as a string."""
    return "".join(format_exception(sys.exception(), limit=limit, chain=chain))


def print_exc(limit=None, file=None, chain=True):
    """Print the report of the exception being handled."""
    print_exception(sys.exception(), limit=limit, file=file, chain=chain)


def print_last(limit=None, file=None, chain=True):
    """Print the last uncaught exception (sys.last_exc)."""
    if not hasattr(sys, "last_exc") and not hasattr(sys, "last_type"):
        raise ValueError("no last exception")
    if hasattr(sys, "last_exc"):
        print_exception(sys.last_exc, limit=limit, file=file, chain=chain)
    else:
        print_exception(sys.last_type, sys.last_value, sys.last_traceback,
                        limit=limit, file=file, chain=chain)
