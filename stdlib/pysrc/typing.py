"""Type hints at run time (a subset of CPython 3.12's typing module).

What is here behaves as CPython's does where a program can see it: the
reprs, subscription, equality, isinstance with unsubscripted aliases,
Generic and Protocol as bases, TypeVar, NamedTuple, TypedDict, NewType,
cast, overload, get_origin/get_args/get_type_hints. Static-only details
(variance checks, ParamSpec, TypeVarTuple, Annotated metadata rules) are
left out.
"""

import collections

__all__ = [
    "Any", "Callable", "ClassVar", "Final", "Generic", "Literal", "Optional",
    "Protocol", "Tuple", "Type", "TypeVar", "Union", "AbstractSet",
    "AsyncGenerator", "AsyncIterable", "AsyncIterator", "Awaitable",
    "ByteString", "Collection", "Container", "Coroutine", "Counter",
    "DefaultDict", "Deque", "Dict", "FrozenSet", "Generator", "Hashable",
    "ItemsView", "Iterable", "Iterator", "KeysView", "List", "Mapping",
    "MappingView", "MutableMapping", "MutableSequence", "MutableSet",
    "NamedTuple", "NewType", "NoReturn", "Never", "OrderedDict", "Reversible",
    "Self", "Sequence", "Set", "Sized", "SupportsAbs", "SupportsFloat",
    "SupportsIndex", "SupportsInt", "Text", "TypedDict", "TYPE_CHECKING",
    "ValuesView", "cast", "final", "get_args", "get_origin",
    "get_type_hints", "no_type_check", "overload", "runtime_checkable",
    "TypeAlias", "Annotated", "assert_never", "reveal_type",
]

TYPE_CHECKING = False
_NoneType = type(None)


def _type_repr(obj):
    """The repr of an object in a type expression, as typing shows it."""
    if isinstance(obj, type):
        if obj.__module__ == 'builtins':
            return obj.__qualname__
        return f'{obj.__module__}.{obj.__qualname__}'
    if obj is ...:
        return '...'
    if isinstance(obj, type(_type_repr)):
        return obj.__name__
    if isinstance(obj, tuple):
        return '[' + ', '.join(_type_repr(t) for t in obj) + ']'
    return repr(obj)


def _type_check(arg, msg):
    """Check that arg is usable in a type expression (None means NoneType)."""
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    if isinstance(arg, (_SpecialForm,)) and arg._name in ('ClassVar', 'Final'):
        raise TypeError(f"Plain {arg} is not valid as type argument")
    if isinstance(arg, (int, float)):
        raise TypeError(f"{msg} Got {arg!r:.100}.")
    return arg


def _collect_parameters(args):
    """The TypeVars in args, in order of first appearance."""
    params = []
    for t in args:
        if isinstance(t, TypeVar):
            if t not in params:
                params.append(t)
        elif isinstance(t, (tuple, list)):
            for p in _collect_parameters(t):
                if p not in params:
                    params.append(p)
        else:
            for p in getattr(t, '__parameters__', ()):
                if isinstance(p, TypeVar) and p not in params:
                    params.append(p)
    return tuple(params)


class ForwardRef:
    """A type written as a string, resolved by get_type_hints."""

    def __init__(self, arg):
        if not isinstance(arg, str):
            raise TypeError(f"Forward reference must be a string -- got {arg!r}")
        self.__forward_arg__ = arg

    def _evaluate(self, globalns, localns):
        # pyish's eval takes one namespace: the locals shadow the globals.
        ns = dict(globalns) if globalns is not None else {}
        if localns is not None:
            ns.update(localns)
        return eval(self.__forward_arg__, ns)

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return f'ForwardRef({self.__forward_arg__!r})'

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class TypeVar:
    """Type variable: T = TypeVar('T'), used in generic classes and aliases."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False, infer_variance=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.__infer_variance__ = bool(infer_variance)
        self.__constraints__ = tuple(_type_check(t, "TypeVar(name, constraint, ...): constraints must be types.") for t in constraints)
        self.__bound__ = _type_check(bound, "Bound must be a type.") if bound is not None else None

    def __repr__(self):
        if self.__infer_variance__:
            prefix = ''
        elif self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass an instance of TypeVar")


class _SpecialForm:
    """Any, Union, Optional, ClassVar, Final, Literal, ...: names that are
    subscripted (or used bare) in type expressions."""

    def __init__(self, name, getitem=None, doc=''):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __repr__(self):
        return 'typing.' + self._name

    def __reduce__(self):
        return self._name

    def __call__(self, *args, **kwds):
        raise TypeError(f"Cannot instantiate {self!r}")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __instancecheck__(self, obj):
        raise TypeError(f"{self} cannot be used with isinstance()")

    def __subclasscheck__(self, cls):
        raise TypeError(f"{self} cannot be used with issubclass()")

    def __getitem__(self, parameters):
        if self._getitem is None:
            raise TypeError(f"{self} is not subscriptable")
        return self._getitem(self, parameters)

    def __mro_entries__(self, bases):
        raise TypeError(f"Cannot subclass {self!r}")


class _AnyMeta(type):
    def __instancecheck__(self, obj):
        if self is Any:
            raise TypeError("typing.Any cannot be used with isinstance()")
        return super().__instancecheck__(obj)

    def __repr__(self):
        if self is Any:
            return "typing.Any"
        return super().__repr__()


class Any(metaclass=_AnyMeta):
    """Special type indicating an unconstrained type."""

    def __new__(cls, *args, **kwargs):
        if cls is Any:
            raise TypeError("Any cannot be instantiated")
        return super().__new__(cls)


def _flatten_union(parameters):
    params = []
    for p in parameters:
        if isinstance(p, _UnionGenericAlias):
            params.extend(p.__args__)
        elif type(p) is type(int | str):
            params.extend(p.__args__)
        else:
            params.append(p)
    out = []
    for p in params:
        if p not in out:
            out.append(p)
    return tuple(out)


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    msg = "Union[arg, ...]: each arg must be a type."
    parameters = tuple(_type_check(p, msg) for p in parameters)
    parameters = _flatten_union(parameters)
    if len(parameters) == 1:
        return parameters[0]
    if len(parameters) == 2 and _NoneType in parameters:
        return _UnionGenericAlias(self, parameters, name="Optional")
    return _UnionGenericAlias(self, parameters)


def _optional_getitem(self, parameters):
    arg = _type_check(parameters, f"{self} requires a single type.")
    return Union[arg, type(None)]


def _one_arg_getitem(self, parameters):
    item = _type_check(parameters, f'{self._name} accepts only single type.')
    return _GenericAlias(self, (item,))


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    out = []
    for p in parameters:
        if isinstance(p, _LiteralGenericAlias):
            out.extend(p.__args__)
        else:
            out.append(p)
    dedup = []
    for p in out:
        if not any(type(p) is type(q) and p == q for q in dedup):
            dedup.append(p)
    return _LiteralGenericAlias(self, tuple(dedup))


def _annotated_getitem(self, params):
    if not isinstance(params, tuple) or len(params) < 2:
        raise TypeError("Annotated[...] should be used with at least two arguments "
                        "(a type and an annotation).")
    return _AnnotatedAlias(params[0], tuple(params[1:]))


Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
ClassVar = _SpecialForm('ClassVar', _one_arg_getitem)
Final = _SpecialForm('Final', _one_arg_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
TypeGuard = _SpecialForm('TypeGuard', _one_arg_getitem)
Annotated = _SpecialForm('Annotated', _annotated_getitem)


class _BaseGenericAlias:
    """What subscripting a generic gives: origin[args]."""

    def __init__(self, origin, *, inst=True, name=None):
        self._inst = inst
        self._name = name
        self.__origin__ = origin

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError(f"Type {self._name} cannot be instantiated; "
                            f"use {self.__origin__.__name__}() instead")
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except Exception:
            pass
        return result

    def __mro_entries__(self, bases):
        res = []
        if self.__origin__ not in bases:
            res.append(self.__origin__)
        i = bases.index(self)
        for b in bases[i + 1:]:
            if isinstance(b, _BaseGenericAlias) or (isinstance(b, type) and issubclass(b, Generic)):
                break
        else:
            res.append(Generic)
        return tuple(res)

    def __getattr__(self, attr):
        if attr in {'__origin__', '__args__', '_name', '_inst'}:
            raise AttributeError(attr)
        if not (attr.startswith('__') and attr.endswith('__')):
            return getattr(self.__origin__, attr)
        raise AttributeError(attr)

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        raise TypeError("Subscripted generics cannot be used with"
                        " class and instance checks")

    def __or__(self, right):
        return Union[self, right]

    def __ror__(self, left):
        return Union[left, self]


class _GenericAlias(_BaseGenericAlias):
    """origin[args]: List[int], Dict[str, T], C[int] for a Generic C."""

    def __init__(self, origin, args, *, inst=True, name=None):
        super().__init__(origin, inst=inst, name=name)
        if not isinstance(args, tuple):
            args = (args,)
        self.__args__ = tuple(... if a is ... else a for a in args)
        self.__parameters__ = _collect_parameters(args)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__
                and self.__args__ == other.__args__)

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __getitem__(self, args):
        if not self.__parameters__:
            raise TypeError(f"{self} is not a generic class")
        if not isinstance(args, tuple):
            args = (args,)
        args = tuple(_type_check(a, "Parameters to generic types must be types.") for a in args)
        if len(args) != len(self.__parameters__):
            raise TypeError(f"Too {'many' if len(args) > len(self.__parameters__) else 'few'} arguments for {self};"
                            f" actual {len(args)}, expected {len(self.__parameters__)}")
        subst = dict(zip(self.__parameters__, args))
        new_args = tuple(_substitute(a, subst) for a in self.__args__)
        return self.copy_with(new_args)

    def copy_with(self, args):
        return self.__class__(self.__origin__, args, name=self._name, inst=self._inst)

    def __mro_entries__(self, bases):
        if isinstance(self.__origin__, _SpecialForm):
            raise TypeError(f"Cannot subclass {self!r}")
        if self._name:  # generic version of an ABC or built-in class
            return super().__mro_entries__(bases)
        if self.__origin__ is Generic:
            if Protocol in bases:
                return ()
            i = bases.index(self)
            for b in bases[i + 1:]:
                if isinstance(b, _BaseGenericAlias) and b is not self:
                    return ()
        return (self.__origin__,)

    def __repr__(self):
        if self._name:
            name = 'typing.' + self._name
        else:
            name = _type_repr(self.__origin__)
        if self.__args__:
            args = ", ".join([_type_repr(a) for a in self.__args__])
        else:
            args = "()"
        return f'{name}[{args}]'


def _substitute(arg, subst):
    if isinstance(arg, TypeVar):
        return subst.get(arg, arg)
    if isinstance(arg, (list, tuple)):
        return type(arg)(_substitute(a, subst) for a in arg)
    params = getattr(arg, '__parameters__', ())
    if params and isinstance(arg, _GenericAlias):
        return arg[tuple(subst.get(p, p) for p in params)]
    return arg


class _UnionGenericAlias(_GenericAlias):
    def copy_with(self, params):
        return Union[params]

    def __eq__(self, other):
        if not isinstance(other, (_UnionGenericAlias, type(int | str))):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __repr__(self):
        args = self.__args__
        if len(args) == 2:
            if args[0] is _NoneType:
                return f'typing.Optional[{_type_repr(args[1])}]'
            elif args[1] is _NoneType:
                return f'typing.Optional[{_type_repr(args[0])}]'
        return super().__repr__()

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        for arg in self.__args__:
            if issubclass(cls, arg):
                return True
        return False


class _LiteralGenericAlias(_GenericAlias):
    def __eq__(self, other):
        if not isinstance(other, _LiteralGenericAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        super().__init__(origin, (origin,))
        self.__metadata__ = metadata

    def __repr__(self):
        return "typing.Annotated[{}, {}]".format(
            _type_repr(self.__origin__),
            ", ".join(repr(a) for a in self.__metadata__))

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)


class _SpecialGenericAlias(_BaseGenericAlias):
    """List, Dict, Iterable, ... used bare: stands for the class itself in
    isinstance, and is subscripted with nparams arguments."""

    def __init__(self, origin, nparams, *, inst=True, name=None):
        if name is None:
            name = origin.__name__
        super().__init__(origin, inst=inst, name=name)
        self._nparams = nparams

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        msg = "Parameters to generic types must be types."
        params = tuple(_type_check(p, msg) for p in params)
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError(f"Too {'many' if len(params) > self._nparams else 'few'} arguments for {self};"
                            f" actual {len(params)}, expected {self._nparams}")
        return self.copy_with(params)

    def copy_with(self, params):
        return _GenericAlias(self.__origin__, params, name=self._name, inst=self._inst)

    def __repr__(self):
        return 'typing.' + self._name

    def __subclasscheck__(self, cls):
        if isinstance(cls, _SpecialGenericAlias):
            return issubclass(cls.__origin__, self.__origin__)
        if not isinstance(cls, _GenericAlias):
            return issubclass(cls, self.__origin__)
        return super().__subclasscheck__(cls)

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self.__origin__ is other.__origin__

    def __hash__(self):
        return hash(self.__origin__)


class _CallableGenericAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return f'typing.Callable[..., {_type_repr(args[1])}]'
        return (f'typing.Callable'
                f'[[{", ".join([_type_repr(a) for a in args[:-1]])}], '
                f'{_type_repr(args[-1])}]')

    def copy_with(self, params):
        return _CallableGenericAlias(self.__origin__, params, name=self._name, inst=self._inst)


class _CallableType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as "
                            "Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            params = (*args, result)
        elif args is not ...:
            raise TypeError(f"Callable[args, result]: args must be a list or ... Got {args}")
        return _CallableGenericAlias(self.__origin__, params, name=self._name, inst=self._inst)


class _TupleType(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if len(params) >= 2 and params[-1] is ...:
            msg = "Tuple[t, ...]: t must be a type."
            params = tuple(_type_check(p, msg) for p in params[:-1])
            return self.copy_with((*params, ...))
        msg = "Tuple[t0, t1, ...]: each t must be a type."
        params = tuple(_type_check(p, msg) for p in params)
        return self.copy_with(params)


class _ProtocolMeta(type):
    """The metaclass of the structural ABCs below (Iterable, Sized, ...):
    an instance check asks whether the class has the methods."""

    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if type.__subclasscheck__(cls, sub):
            return True
        methods = cls.__dict__.get('_methods')
        if not methods:
            return False
        return all(any(m in c.__dict__ and c.__dict__[m] is not None for c in sub.__mro__)
                   for m in methods)


def _abc(name, methods, bases=()):
    cls = _ProtocolMeta(name, bases, {'_methods': methods, '__module__': 'collections.abc',
                                      '__qualname__': name})
    return cls


_Hashable = _abc('Hashable', ('__hash__',))
_Sized = _abc('Sized', ('__len__',))
_Container = _abc('Container', ('__contains__',))
_Iterable = _abc('Iterable', ('__iter__',))
_Iterator = _abc('Iterator', ('__iter__', '__next__'), (_Iterable,))
_Reversible = _abc('Reversible', ('__reversed__', '__iter__'), (_Iterable,))
_Collection = _abc('Collection', ('__len__', '__iter__', '__contains__'), (_Sized, _Iterable, _Container))
_Generator = _abc('Generator', ('__iter__', '__next__', 'send', 'throw', 'close'), (_Iterator,))
_Awaitable = _abc('Awaitable', ('__await__',))
_Coroutine = _abc('Coroutine', ('__await__', 'send', 'throw', 'close'), (_Awaitable,))
_AsyncIterable = _abc('AsyncIterable', ('__aiter__',))
_AsyncIterator = _abc('AsyncIterator', ('__aiter__', '__anext__'), (_AsyncIterable,))
_AsyncGenerator = _abc('AsyncGenerator', ('__aiter__', '__anext__', 'asend', 'athrow', 'aclose'), (_AsyncIterator,))
_Callable = _abc('Callable', ('__call__',))
_Sequence = _abc('Sequence', ('__getitem__', '__len__', '__iter__', '__contains__', 'index', 'count'), (_Reversible, _Collection))
_MutableSequence = _abc('MutableSequence', ('__getitem__', '__setitem__', '__delitem__', '__len__', 'insert', 'append'), (_Sequence,))
_Set = _abc('Set', ('__len__', '__iter__', '__contains__', 'isdisjoint'), (_Collection,))
_MutableSet = _abc('MutableSet', ('add', 'discard'), (_Set,))
_Mapping = _abc('Mapping', ('__getitem__', '__len__', '__iter__', 'keys', 'items', 'values', 'get'), (_Collection,))
_MutableMapping = _abc('MutableMapping', ('__setitem__', '__delitem__', 'pop', 'update', 'setdefault'), (_Mapping,))
_MappingView = _abc('MappingView', ('__len__',), (_Sized,))
_KeysView = _abc('KeysView', ('__len__', '__iter__', '__contains__', 'isdisjoint'), (_MappingView, _Set))
_ItemsView = _abc('ItemsView', ('__len__', '__iter__', '__contains__', 'isdisjoint'), (_MappingView, _Set))
_ValuesView = _abc('ValuesView', ('__len__', '__iter__', '__contains__'), (_MappingView, _Collection))
_ByteString = _abc('ByteString', ('__getitem__', '__len__', 'hex'), (_Sequence,))

Hashable = _SpecialGenericAlias(_Hashable, 0)
Sized = _SpecialGenericAlias(_Sized, 0)
Awaitable = _SpecialGenericAlias(_Awaitable, 1)
Coroutine = _SpecialGenericAlias(_Coroutine, 3)
AsyncIterable = _SpecialGenericAlias(_AsyncIterable, 1)
AsyncIterator = _SpecialGenericAlias(_AsyncIterator, 1)
Iterable = _SpecialGenericAlias(_Iterable, 1)
Iterator = _SpecialGenericAlias(_Iterator, 1)
Reversible = _SpecialGenericAlias(_Reversible, 1)
Container = _SpecialGenericAlias(_Container, 1)
Collection = _SpecialGenericAlias(_Collection, 1)
Callable = _CallableType(_Callable, 2)
AbstractSet = _SpecialGenericAlias(_Set, 1, name='AbstractSet')
MutableSet = _SpecialGenericAlias(_MutableSet, 1)
Mapping = _SpecialGenericAlias(_Mapping, 2)
MutableMapping = _SpecialGenericAlias(_MutableMapping, 2)
Sequence = _SpecialGenericAlias(_Sequence, 1)
MutableSequence = _SpecialGenericAlias(_MutableSequence, 1)
ByteString = _SpecialGenericAlias(_ByteString, 0)
Tuple = _TupleType(tuple, -1, inst=False, name='Tuple')
List = _SpecialGenericAlias(list, 1, inst=False, name='List')
Deque = _SpecialGenericAlias(collections.deque, 1, name='Deque')
Set = _SpecialGenericAlias(set, 1, inst=False, name='Set')
FrozenSet = _SpecialGenericAlias(frozenset, 1, inst=False, name='FrozenSet')
MappingView = _SpecialGenericAlias(_MappingView, 1)
KeysView = _SpecialGenericAlias(_KeysView, 1)
ItemsView = _SpecialGenericAlias(_ItemsView, 2)
ValuesView = _SpecialGenericAlias(_ValuesView, 1)
Dict = _SpecialGenericAlias(dict, 2, inst=False, name='Dict')
DefaultDict = _SpecialGenericAlias(collections.defaultdict, 2, name='DefaultDict')
OrderedDict = _SpecialGenericAlias(collections.OrderedDict, 2)
Counter = _SpecialGenericAlias(collections.Counter, 1)
Generator = _SpecialGenericAlias(_Generator, 3)
AsyncGenerator = _SpecialGenericAlias(_AsyncGenerator, 2)
Type = _SpecialGenericAlias(type, 1, name='Type')
Text = str


def _generic_class_getitem(cls, params):
    if not isinstance(params, tuple):
        params = (params,)
    params = tuple(_type_check(p, "Parameters to generic types must be types.") for p in params)
    if cls in (Generic, Protocol):
        if not params:
            raise TypeError(f"Parameter list to {cls.__qualname__}[...] cannot be empty")
        if not all(isinstance(p, TypeVar) for p in params):
            raise TypeError(f"Parameters to {cls.__name__}[...] must all be type variables")
        if len(set(params)) != len(params):
            raise TypeError(f"Parameters to {cls.__name__}[...] must all be unique")
    else:
        expected = cls.__dict__.get('__parameters__', ())
        if len(params) != len(expected):
            raise TypeError(f"Too {'many' if len(params) > len(expected) else 'few'} arguments for {cls};"
                            f" actual {len(params)}, expected {len(expected)}")
    return _GenericAlias(cls, params)


def _generic_init_subclass(cls, *args, **kwargs):
    tvars = []
    orig = cls.__dict__.get('__orig_bases__', ())
    gvars = None
    for base in orig:
        if isinstance(base, _GenericAlias) and base.__origin__ in (Generic, Protocol):
            if gvars is not None:
                raise TypeError("Cannot inherit from Generic[...] multiple times.")
            gvars = base.__parameters__
    for p in _collect_parameters(orig):
        tvars.append(p)
    if gvars is not None:
        missing = [t for t in tvars if t not in gvars]
        if missing:
            raise TypeError(f"Some type variables ({', '.join(str(t) for t in missing)}) "
                            f"are not listed in Generic[{', '.join(str(g) for g in gvars)}]")
        tvars = list(gvars)
    cls.__parameters__ = tuple(tvars)


class Generic:
    """Abstract base class for generic types: class C(Generic[T])."""

    __slots__ = ()

    def __class_getitem__(cls, params):
        return _generic_class_getitem(cls, params)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        _generic_init_subclass(cls)


class Protocol(Generic):
    """Base class for protocol classes (structural subtyping is checked by
    static type checkers; at run time, see runtime_checkable)."""

    __slots__ = ()
    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any(b is Protocol for b in cls.__bases__)


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol: isinstance checks that
    the object has the protocol's methods."""
    if not (isinstance(cls, type) and issubclass(cls, Generic) and getattr(cls, '_is_protocol', False)):
        raise TypeError('@runtime_checkable can be only applied to protocol classes,'
                        ' got %r' % cls)
    cls._is_runtime_protocol = True
    return cls


def cast(typ, val):
    """Cast a value to a type: returns the value unchanged."""
    return val


def assert_type(val, typ, /):
    """Ask a static type checker to confirm val's type; returns val."""
    return val


def reveal_type(obj, /):
    """Print the run-time type of obj to stderr and return it."""
    import sys
    print(f"Runtime type is {type(obj).__name__!r}", file=sys.stderr)
    return obj


def assert_never(arg, /):
    """Statically assert that a line of code is unreachable."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError(f"Expected code to be unreachable, but got: {value}")


def overload(func):
    """Decorator for overloaded functions: calling the overload itself is
    an error; the last, undecorated definition is the implementation."""
    def _overload_dummy(*args, **kwds):
        raise NotImplementedError(
            "You should not call an overloaded function. "
            "A series of @overload-decorated functions "
            "outside a stub module should always be followed "
            "by an implementation that is not @overload-ed.")
    return _overload_dummy


def final(f):
    """Decorator marking a method or class final (for type checkers)."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def no_type_check(arg):
    """Decorator: type checkers skip the annotations of arg."""
    try:
        arg.__no_type_check__ = True
    except TypeError:
        pass
    return arg


def get_origin(tp):
    """The unsubscripted form of tp: get_origin(List[int]) is list."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, _UnionGenericAlias):
        return Union
    if isinstance(tp, (_BaseGenericAlias, type(list[int]))):
        return tp.__origin__
    if tp is Generic:
        return Generic
    if type(tp) is type(int | str):
        return type(int | str)
    return None


def get_args(tp):
    """The arguments of a subscripted type: get_args(Dict[str, int]) is
    (str, int)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _CallableGenericAlias):
        res = tp.__args__
        if res[0] is not ...:
            return (list(res[:-1]), res[-1])
        return res
    if isinstance(tp, (_GenericAlias, type(list[int]))):
        return tp.__args__
    if type(tp) is type(int | str):
        return tp.__args__
    return ()


def _eval_hint(value, globalns, localns):
    """typing._eval_type: evaluate strings and forward references, also
    inside the arguments of generic aliases and unions."""
    if value is None:
        return _NoneType
    if isinstance(value, str):
        value = ForwardRef(value)
    if isinstance(value, ForwardRef):
        return _eval_hint(value._evaluate(globalns, localns), globalns, localns)
    if isinstance(value, (_GenericAlias, type(list[int]), type(int | str))):
        if isinstance(value, _AnnotatedAlias):
            return value
        args = tuple(_eval_hint(a, globalns, localns) for a in value.__args__)
        if args == value.__args__:
            return value
        if isinstance(value, _GenericAlias):
            return value.copy_with(args)
        if type(value) is type(list[int]):
            return value.__origin__[args]
        result = args[0]
        for a in args[1:]:
            result = result | a
        return result
    return value


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of a class, module or function, with strings
    evaluated and None as NoneType."""
    import sys
    if isinstance(obj, type):
        hints = {}
        for base in reversed(obj.__mro__):
            ann = base.__dict__.get('__annotations__', {})
            mod = sys.modules.get(base.__module__)
            base_globals = globalns if globalns is not None else getattr(mod, '__dict__', {})
            base_locals = dict(vars(base)) if localns is None else localns
            for name, value in ann.items():
                hints[name] = _eval_hint(value, base_globals, base_locals)
        return hints
    hints = getattr(obj, '__annotations__', None)
    if hints is None:
        if callable(obj):
            return {}
        raise TypeError(f'{obj!r} is not a module, class, method, or function.')
    if globalns is None:
        globalns = getattr(obj, '__globals__', None)
        if globalns is None:
            globalns = getattr(obj, '__dict__', {})
    return {name: _eval_hint(value, globalns, localns) for name, value in hints.items()}


class NewType:
    """NewType('UserId', int): a callable that returns its argument, for
    type checkers to treat as a distinct type."""

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        # CPython takes the caller's module from its frame; pyish has no
        # frame objects, and NewType is nearly always made in __main__.
        self.__module__ = '__main__'

    def __mro_entries__(self, bases):
        superclass_name = self.__name__
        raise TypeError(f"Cannot subclass an instance of NewType. Perhaps you were looking for: "
                        f"`{superclass_name} = NewType({superclass_name!r}, {self.__name__})`")

    def __repr__(self):
        return f'{self.__module__}.{self.__qualname__}'

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _make_nmtuple(name, types, module, defaults=()):
    fields = [n for n, t in types]
    types = {n: _type_check(t, f"field {n} annotation must be a type") for n, t in types}
    nm_tpl = collections.namedtuple(name, fields, defaults=defaults, module=module)
    nm_tpl.__annotations__ = types
    return nm_tpl


_prohibited = frozenset({'__new__', '__init__', '__slots__', '__getnewargs__',
                         '_fields', '_field_defaults',
                         '_make', '_replace', '_asdict', '_source'})
_special = frozenset({'__module__', '__name__', '__annotations__', '__qualname__',
                      '__doc__', '__orig_bases__'})


class NamedTupleMeta(type):
    def __new__(cls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        types = ns.get('__annotations__', {})
        default_names = []
        for field_name in types:
            if field_name in ns:
                default_names.append(field_name)
            elif default_names:
                raise TypeError(f"Non-default namedtuple field {field_name} "
                                f"cannot follow default field"
                                f"{'s' if len(default_names) > 1 else ''} "
                                f"{', '.join(default_names)}")
        nm_tpl = _make_nmtuple(typename, types.items(),
                               defaults=[ns[n] for n in default_names],
                               module=ns['__module__'])
        for key in ns:
            if key in _prohibited:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            elif key not in _special and key not in nm_tpl._fields:
                setattr(nm_tpl, key, ns[key])
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    """Typed version of namedtuple: class P(NamedTuple): x: int."""
    if fields is None:
        fields = kwargs.items()
    elif kwargs:
        raise TypeError("Either list of fields or keywords"
                        " can be provided to NamedTuple, not both")
    return _make_nmtuple(typename, fields, module='__main__')


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    assert NamedTuple in bases
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


class _TypedDictMeta(type):
    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta and base is not Generic:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        annotations = {}
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
        annotations.update(ns.get('__annotations__', {}))
        tp_dict.__annotations__ = annotations
        tp_dict.__total__ = total
        return tp_dict

    __call__ = dict

    def __subclasscheck__(cls, other):
        raise TypeError('TypedDict does not support instance and class checks')

    __instancecheck__ = __subclasscheck__


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A dict whose keys are listed with their value types: at run time,
    calling it makes a plain dict."""
    if fields is None:
        fields = kwargs
    ns = {'__annotations__': dict(fields), '__module__': '__main__'}
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})


def _typeddict_mro_entries(bases):
    return (_TypedDict,)


TypedDict.__mro_entries__ = _typeddict_mro_entries


class SupportsInt(Protocol):
    """An ABC with one abstract method __int__."""


class SupportsFloat(Protocol):
    """An ABC with one abstract method __float__."""


class SupportsIndex(Protocol):
    """An ABC with one abstract method __index__."""


class SupportsAbs(Protocol):
    """An ABC with one abstract method __abs__."""
