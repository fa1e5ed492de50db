"""Python part of the warnings subsystem.

CPython's Lib/warnings.py, with warn and warn_explicit written after its C
accelerator (_warnings.c), whose behaviour CPython shows: stack levels
below 1 mean the caller, registries hold True, and "once" records
(text, category) in the module's registry. The frames come from the Go
half, _warnings."""

import sys
import _warnings


__all__ = ["warn", "warn_explicit", "showwarning",
           "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings"]

def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    msg = WarningMessage(message, category, filename, lineno, file, line)
    _showwarnmsg_impl(msg)

def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    msg = WarningMessage(message, category, filename, lineno, None, line)
    return _formatwarnmsg_impl(msg)

def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:
            # sys.stderr is None when run with pythonw.exe:
            # warnings get lost
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        # the file (probably stderr) is invalid - this warning gets lost.
        pass

def _formatwarnmsg_impl(msg):
    category = msg.category.__name__
    s =  f"{msg.filename}:{msg.lineno}: {category}: {msg.message}\n"

    if msg.line is None:
        # pyish's linecache: the lines of the sources it compiled.
        line = _warnings.getline(msg.filename, msg.lineno)
    else:
        line = msg.line
    if line:
        line = line.strip()
        s += "  %s\n" % line

    if msg.source is not None:
        # pyish has no tracemalloc, so it is never tracing.
        s += (f'{category}: Enable tracemalloc to get the object '
              f'allocation traceback\n')
    return s

# Keep a reference to check if the function was replaced
_showwarning_orig = showwarning

def _showwarnmsg(msg):
    """Hook to write a warning to a file; replace if you like."""
    try:
        sw = showwarning
    except NameError:
        pass
    else:
        if sw is not _showwarning_orig:
            # warnings.showwarning() was replaced
            if not callable(sw):
                raise TypeError("warnings.showwarning() must be set to a "
                                "function or method")

            sw(msg.message, msg.category, msg.filename, msg.lineno,
               msg.file, msg.line)
            return
    _showwarnmsg_impl(msg)

# Keep a reference to check if the function was replaced
_formatwarning_orig = formatwarning

def _formatwarnmsg(msg):
    """Function to format a warning the standard way."""
    try:
        fw = formatwarning
    except NameError:
        pass
    else:
        if fw is not _formatwarning_orig:
            # warnings.formatwarning() was replaced
            return fw(msg.message, msg.category,
                      msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)

def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Insert an entry into the list of warnings filters (at the front).

    'action' -- one of "error", "ignore", "always", "default", "module",
                or "once"
    'message' -- a regex that the warning message must match
    'category' -- a class that the warning must be a subclass of
    'module' -- a regex that the module name must match
    'lineno' -- an integer line number, 0 matches all warnings
    'append' -- if true, append to the list of filters
    """
    assert action in ("error", "ignore", "always", "default", "module",
                      "once"), "invalid action: %r" % (action,)
    assert isinstance(message, str), "message must be a string"
    assert isinstance(category, type), "category must be a class"
    assert issubclass(category, Warning), "category must be a Warning subclass"
    assert isinstance(module, str), "module must be a string"
    assert isinstance(lineno, int) and lineno >= 0, \
           "lineno must be an int >= 0"

    if message or module:
        import re

    if message:
        message = re.compile(message, re.I)
    else:
        message = None
    if module:
        module = re.compile(module)
    else:
        module = None

    _add_filter(action, message, category, module, lineno, append=append)

def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front).

    A simple filter matches all modules and messages.
    'action' -- one of "error", "ignore", "always", "default", "module",
                or "once"
    'category' -- a class that the warning must be a subclass of
    'lineno' -- an integer line number, 0 matches all warnings
    'append' -- if true, append to the list of filters
    """
    assert action in ("error", "ignore", "always", "default", "module",
                      "once"), "invalid action: %r" % (action,)
    assert isinstance(lineno, int) and lineno >= 0, \
           "lineno must be an int >= 0"
    _add_filter(action, None, category, None, lineno, append=append)

def _add_filter(*item, append):
    # Remove possible duplicate filters, so new one will be placed
    # in correct place. If append=True and duplicate exists, do nothing.
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    else:
        if item not in filters:
            filters.append(item)
    _filters_mutated()

def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


def _is_internal_filename(filename):
    return 'importlib' in filename and '_bootstrap' in filename


def _is_filename_to_skip(filename, skip_file_prefixes):
    return any(filename.startswith(prefix) for prefix in skip_file_prefixes)


def _index(n):
    """n as an int, with the TypeError of C's Py_ssize_t conversion."""
    if isinstance(n, int):
        return n
    import operator
    return operator.index(n)


def _category(message, category):
    """The category warn() uses: the message's class for a Warning
    instance, else category, UserWarning when None."""
    if isinstance(message, Warning):
        category = type(message)
    elif category is None:
        category = UserWarning
    try:
        ok = issubclass(category, Warning)
    except TypeError:
        ok = False
    if not ok:
        raise TypeError("category must be a Warning subclass, "
                        "not '%s'" % type(category).__name__)
    return category


def _context(stacklevel, skip_file_prefixes):
    """(filename, lineno, globals) of the frame stacklevel levels above
    warn's caller (setup_context in _warnings.c): levels below 2 mean the
    caller; past the outermost frame, the sys module's line 1. Level 2 of
    _warnings._caller_frame (called here) is warn's caller."""
    level = 2
    info = _warnings._caller_frame(level)
    if stacklevel <= 0 or _is_internal_filename(info[0]):
        while stacklevel > 1 and info is not None:
            stacklevel -= 1
            level += 1
            info = _warnings._caller_frame(level)
    else:
        while stacklevel > 1 and info is not None:
            stacklevel -= 1
            level += 1
            info = _warnings._caller_frame(level)
            while info is not None and (
                    _is_internal_filename(info[0]) or
                    _is_filename_to_skip(info[0], skip_file_prefixes)):
                level += 1
                info = _warnings._caller_frame(level)
    if info is None:
        return "sys", 1, sys.__dict__
    return info


def warn(message, category=None, stacklevel=1, source=None,
         *, skip_file_prefixes=()):
    """Issue a warning, or maybe ignore it or raise an exception."""
    category = _category(message, category)
    stacklevel = _index(stacklevel)
    if not isinstance(skip_file_prefixes, tuple):
        raise TypeError("warn() argument 'skip_file_prefixes' must be "
                        "tuple, not %s" % type(skip_file_prefixes).__name__)
    if skip_file_prefixes:
        for prefix in skip_file_prefixes:
            if not isinstance(prefix, str):
                raise TypeError("Found non-str '%s' in skip_file_prefixes."
                                % type(prefix).__name__)
        if stacklevel < 2:
            stacklevel = 2
    filename, lineno, globals = _context(stacklevel, skip_file_prefixes)
    registry = globals.get('__warningregistry__')
    if registry is None:
        registry = globals['__warningregistry__'] = {}
    if '__name__' in globals:
        module = globals['__name__']
    else:
        module = "<string>"
    _warn_explicit(category, message, filename, lineno, module, registry,
                   source)


def warn_explicit(message, category, filename, lineno,
                  module=None, registry=None, module_globals=None,
                  source=None):
    """Low-level interface to warnings functionality."""
    if not isinstance(filename, str):
        raise TypeError("warn_explicit() argument 'filename' must be str, "
                        "not %s" % type(filename).__name__)
    lineno = _index(lineno)
    if module_globals is not None and not isinstance(module_globals, dict):
        raise TypeError("module_globals must be a dict, not '%s'"
                        % type(module_globals).__name__)
    _warn_explicit(category, message, filename, lineno, module, registry,
                   source)


def _normalize_module(filename):
    if filename.endswith(".py"):
        return filename[:-3]
    return filename


def _already_warned(registry, key, should_set):
    version = registry.get('version')
    if type(version) is not int or version != _filters_version:
        registry.clear()
        registry['version'] = _filters_version
    elif registry.get(key):
        return True
    if should_set:
        registry[key] = True
    return False


def _matched(obj, arg):
    if obj is None:
        return True
    # An internal plain text default filter must match exactly.
    if type(obj) is str:
        return obj == arg
    return bool(obj.match(arg))


def _get_filter(category, text, lineno, module):
    if type(filters) is not list:
        raise ValueError("_warnings.filters must be a list")
    i = 0
    while i < len(filters):
        item = filters[i]
        if type(item) is not tuple or len(item) != 5:
            raise ValueError("_warnings.filters item %d isn't a 5-tuple" % i)
        action, msg, cat, mod, ln = item
        if not isinstance(action, str):
            raise TypeError("action must be a string, not '%s'"
                            % type(action).__name__)
        good_msg = _matched(msg, text)
        good_mod = _matched(mod, module)
        if good_msg and issubclass(category, cat) and good_mod and \
                (ln == 0 or lineno == ln):
            return action, item
        i += 1
    if not isinstance(defaultaction, str):
        raise TypeError("_warnings.defaultaction must be a string, not '%s'"
                        % type(defaultaction).__name__)
    return defaultaction, None


def _warn_explicit(category, message, filename, lineno, module, registry,
                   source):
    if registry is not None and not isinstance(registry, dict):
        raise TypeError("'registry' must be a dict or None")
    if module is None:
        module = _normalize_module(filename)
    if isinstance(message, Warning):
        text = str(message)
        category = type(message)
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry is not None and _already_warned(registry, key, False):
        return
    action, item = _get_filter(category, text, lineno, module)
    if action == "error":
        raise message
    if action == "ignore":
        return
    # Store in the registry that we've been here, except for "always".
    if action != "always":
        if registry is not None:
            registry[key] = True
        if action == "once":
            if registry is None:
                registry = onceregistry
            if _already_warned(registry, (text, category), True):
                return
        elif action == "module":
            if registry is not None and \
                    _already_warned(registry, (text, category), True):
                return
        elif action != "default":
            raise RuntimeError(
                  "Unrecognized action (%r) in warnings.filters:\n %r" %
                  (action, item))
    if not callable(_showwarnmsg):
        raise TypeError("warnings._showwarnmsg() must be set to a callable")
    _showwarnmsg(WarningMessage(message, category, filename, lineno, None,
                                None, source))


class WarningMessage(object):

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                    "line : %r}" % (self.message, self._category_name,
                                    self.filename, self.lineno, self.line))


class catch_warnings(object):

    """A context manager that copies and restores the warnings filter upon
    exiting the context.

    The 'record' argument specifies whether warnings should be captured by a
    custom implementation of warnings.showwarning() and be appended to a list
    returned by the context manager. Otherwise None is returned by the context
    manager. The objects appended to the list are arguments whose attributes
    mirror the arguments to showwarning().

    The 'module' argument is to specify an alternative module to the module
    named 'warnings' and imported under that name. This argument is only useful
    when testing the warnings module itself.

    If the 'action' argument is not None, the remaining arguments are passed
    to warnings.simplefilter() as if it were called immediately on entering the
    context.
    """

    def __init__(self, *, record=False, module=None,
                 action=None, category=Warning, lineno=0, append=False):
        """Specify whether to record warnings and if an alternative module
        should be used other than sys.modules['warnings'].

        For compatibility with Python 3.0, please consider all arguments to be
        keyword-only.

        """
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules['warnings']:
            args.append("module=%r" % self._module)
        name = type(self).__name__
        return "%s(%s)" % (name, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        self._filters = self._module.filters
        self._module.filters = self._filters[:]
        self._module._filters_mutated()
        self._showwarning = self._module.showwarning
        self._showwarnmsg_impl = self._module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            self._module._showwarnmsg_impl = log.append
            # Reset showwarning() to the default implementation to make sure
            # that _showwarnmsg() calls _showwarnmsg_impl()
            self._module.showwarning = self._module._showwarning_orig
            return log
        else:
            return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        self._module.filters = self._filters
        self._module._filters_mutated()
        self._module.showwarning = self._showwarning
        self._module._showwarnmsg_impl = self._showwarnmsg_impl


_DEPRECATED_MSG = "{name!r} is deprecated and slated for removal in Python {remove}"

def _deprecated(name, message=_DEPRECATED_MSG, *, remove, _version=sys.version_info):
    """Warn that *name* is deprecated or should be removed.

    RuntimeError is raised if *remove* specifies a major/minor tuple older than
    the current Python version or the same version but past the alpha.

    The *message* argument is formatted with *name* and *remove* as a Python
    version (e.g. "3.11").

    """
    remove_formatted = f"{remove[0]}.{remove[1]}"
    if (_version[:2] > remove) or (_version[:2] == remove and _version[3] != "alpha"):
        msg = f"{name!r} was slated for removal after Python {remove_formatted} alpha"
        raise RuntimeError(msg)
    else:
        msg = message.format(name=name, remove=remove_formatted)
        warn(msg, DeprecationWarning, stacklevel=3)


def _defer_state():
    """The filters and hooks in force now, for a warning pyish shows later
    (_warn_deferred)."""
    return (filters[:] if type(filters) is list else filters, defaultaction,
            _filters_version, showwarning, _showwarnmsg_impl, formatwarning)


def _warn_deferred(message, category, filename, lineno, globals, source,
                   state):
    """Show a warning pyish could only confirm at the end of the run (a
    coroutine never awaited), raised at filename:lineno in the module
    whose globals are given, as _warn_unawaited_coroutine's
    warn(stacklevel=2) would have when it was queued: with the filters and
    hooks of then (state, from _defer_state)."""
    global filters, defaultaction, _filters_version, showwarning
    global _showwarnmsg_impl, formatwarning
    registry = globals.get('__warningregistry__')
    if registry is None:
        registry = globals['__warningregistry__'] = {}
    module = globals['__name__'] if '__name__' in globals else "<string>"
    if state is None:
        _warn_explicit(category, message, filename, lineno, module, registry,
                       source)
        return
    now = _defer_state()
    now = (filters,) + now[1:]
    (filters, defaultaction, _filters_version, showwarning,
     _showwarnmsg_impl, formatwarning) = state
    try:
        _warn_explicit(category, message, filename, lineno, module, registry,
                       source)
    finally:
        (filters, defaultaction, _filters_version, showwarning,
         _showwarnmsg_impl, formatwarning) = now


# filters contains a sequence of filter 5-tuples
# The components of the 5-tuple are:
# - an action: error, ignore, always, default, module, or once
# - a compiled regex that must match the warning message
# - a class representing the warning category
# - a compiled regex that must match the module that is being warned
# - a line number for the line being warning, or 0 to mean any line
# If either if the compiled regexs are None, match anything.
#
# The defaults are those of _warnings in a release build, with the module
# of the first as a plain string that must match exactly.
filters = [
    ('default', None, DeprecationWarning, '__main__', 0),
    ('ignore', None, DeprecationWarning, None, 0),
    ('ignore', None, PendingDeprecationWarning, None, 0),
    ('ignore', None, ImportWarning, None, 0),
    ('ignore', None, ResourceWarning, None, 0),
]
defaultaction = "default"
onceregistry = {}

_filters_version = 0

def _filters_mutated():
    global _filters_version
    _filters_version += 1
