"""Abstract Base Classes (ABCs), as in PEP 3119.

The Go half (_abc) computes __abstractmethods__ when a class is created and
refuses to instantiate a class that has some; this module adds what lives
per interpreter: the registry of virtual subclasses, the caches of
isinstance/issubclass answers, and __subclasshook__ support.
"""

from _abc import _ABCMetaBase, _get_collection_flag, _set_collection_flag
from _abc import abstractmethod


# The token that changes whenever a class is registered anywhere: negative
# cache entries older than it may be stale.
_abc_invalidation_counter = 0


class _ABCImpl:
    """What an ABC keeps about its virtual subclasses."""

    __slots__ = ("registry", "cache", "negative_cache", "negative_version", "subclasses")

    def __init__(self):
        self.registry = []
        self.cache = set()
        self.negative_cache = set()
        self.negative_version = _abc_invalidation_counter
        self.subclasses = []


def get_cache_token():
    """Return the current ABC cache token: it changes with every call to
    register() on any ABC."""
    return _abc_invalidation_counter


class ABCMeta(_ABCMetaBase):
    """Metaclass for defining Abstract Base Classes (ABCs).

    An ABC can be subclassed directly, and then acts as a mix-in class, or
    unrelated concrete classes (even built-in ones) and unrelated ABCs can
    be registered as "virtual subclasses" with register().
    """

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        type.__setattr__(cls, "_abc_impl", _ABCImpl())
        # An ABC's __abc_tpflags__ (collections.abc.Sequence's, Mapping's)
        # makes it and the classes registered with it match sequence or
        # mapping patterns; CPython takes the attribute out of the class.
        flags = cls.__dict__.get("__abc_tpflags__")
        if flags is not None:
            delattr(cls, "__abc_tpflags__")
            _set_collection_flag(cls, flags)
        for base in bases:
            impl = base.__dict__.get("_abc_impl")
            if isinstance(impl, _ABCImpl):
                impl.subclasses.append(cls)
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC; return the subclass, so
        that register can be used as a class decorator."""
        global _abc_invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry.append(subclass)
        _abc_invalidation_counter += 1
        flags = _get_collection_flag(cls)
        if flags:
            _set_collection_flag(subclass, flags)
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        impl = cls._abc_impl
        subtype = type(instance)
        # (pyish's functions have no __class__ attribute.)
        subclass = getattr(instance, "__class__", subtype)
        if subclass in impl.cache:
            return True
        if subtype is subclass:
            if impl.negative_version == _abc_invalidation_counter and subclass in impl.negative_cache:
                return False
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        if impl.negative_version < _abc_invalidation_counter:
            impl.negative_cache = set()
            impl.negative_version = _abc_invalidation_counter
        elif subclass in impl.negative_cache:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError("__subclasshook__ must return either False, True, or NotImplemented")
            if ok:
                impl.cache.add(subclass)
            else:
                impl.negative_cache.add(subclass)
            return ok
        if cls in subclass.__mro__:
            impl.cache.add(subclass)
            return True
        for rcls in impl.registry:
            if issubclass(subclass, rcls):
                impl.cache.add(subclass)
                return True
        for scls in impl.subclasses:
            if issubclass(subclass, scls):
                impl.cache.add(subclass)
                return True
        impl.negative_cache.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        """Debug helper to print the ABC registry."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        impl = cls._abc_impl
        print(f"_abc_registry: {set(impl.registry)!r}", file=file)
        print(f"_abc_cache: {impl.cache!r}", file=file)
        print(f"_abc_negative_cache: {impl.negative_cache!r}", file=file)
        print(f"_abc_negative_cache_version: {impl.negative_version!r}", file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class, after
    methods were added to or removed from it after its creation."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance."""

    __slots__ = ()
