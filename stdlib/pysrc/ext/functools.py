"""The parts of functools that pyish writes in Python: cached_property and
singledispatch (the rest of the module is built in Go). This runs in the
functools module's namespace right after the Go part is built."""

_NOT_FOUND = object()


class cached_property:
    """A property computed once per instance and then kept in the
    instance's __dict__, which later lookups find first."""

    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__
        self.__module__ = getattr(func, "__module__", None)

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        try:
            cache = instance.__dict__
        except AttributeError:
            msg = (
                f"No '__dict__' attribute on {type(instance).__name__!r} "
                f"instance to cache {self.attrname!r} property."
            )
            raise TypeError(msg) from None
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val


def _dispatch_type_ok(cls):
    return isinstance(cls, type)


def _find_impl(cls, registry):
    # The first class of cls's MRO with an implementation; failing that, a
    # registered abstract base class cls is a subclass of (CPython merges
    # those into the MRO; pyish takes the most derived one and refuses an
    # ambiguous choice, as CPython does).
    for base in cls.__mro__:
        if base in registry:
            match = base
            break
    else:
        match = None
    abcs = [t for t in registry
            if t not in cls.__mro__ and t is not object and issubclass(cls, t)]
    if abcs:
        best = [t for t in abcs if not any(u is not t and issubclass(u, t) for u in abcs)]
        if len(best) > 1:
            raise RuntimeError(f"Ambiguous dispatch: {best[0]} or {best[1]}")
        if match is None or match is object:
            match = best[0]
    return registry.get(match)


def singledispatch(func):
    """Turn func into a generic function that dispatches on the class of
    its first argument; implementations are added with .register."""
    registry = {}
    cache = {}

    def dispatch(cls):
        try:
            return cache[cls]
        except KeyError:
            pass
        impl = registry.get(cls)
        if impl is None:
            impl = _find_impl(cls, registry)
        cache[cls] = impl
        return impl

    def register(cls, func=None):
        if _dispatch_type_ok(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(
                    f"Invalid first argument to `register()`. "
                    f"{cls!r} is not a class or union type.")
            ann = getattr(cls, "__annotations__", {})
            if not ann:
                raise TypeError(
                    f"Invalid first argument to `register()`: {cls!r}. "
                    f"Use either `@register(some_class)` or plain `@register` "
                    f"on an annotated function.")
            func = cls
            from typing import get_type_hints
            argname, cls = next(iter(get_type_hints(func).items()))
            if not _dispatch_type_ok(cls):
                raise TypeError(
                    f"Invalid annotation for {argname!r}. "
                    f"{cls!r} is not a class.")
        registry[cls] = func
        cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f"{funcname} requires at least 1 positional argument")
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, "__name__", "singledispatch function")
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = _MappingProxy(registry)
    wrapper._clear_cache = cache.clear
    update_wrapper(wrapper, func)
    return wrapper


def _MappingProxy(d):
    import types
    return types.MappingProxyType(d)


class singledispatchmethod:
    """A method that dispatches on the class of its first argument after
    self (or cls)."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)
        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, "__isabstractmethod__", False)
