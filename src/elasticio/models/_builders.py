"""Structuring functions written once per class, from its fields.

The first time a class is structured, `resource_builder` (a resource model) or
`shape_builder` (an object member such as a graph node) writes the source of one
function for that class and compiles it: each field read by name and checked by a test
specialised to its type (``type(v) is str``), then the object made with
``object.__new__`` and its slots filled directly, which is what attrs' ``__init__``
does for these classes, without a call per field. Like the checks of
`elasticio.models._fast`, a builder never judges a value bad: anything but the plain
case raises `Slow`, and the caller asks the converter, which builds the same object or
says what is wrong and where.

A type registered with `lazy` (a flow's graph) is checked when the model is built, so
that a malformed value is refused then as before, but only built when the field is
first read: until then the slot holds the checked JSON value, and a descriptor on the
class builds it on the way out. Every read (attribute access, ``==``, ``repr``,
``attrs.evolve``, ``to_dict()``) goes through that descriptor, so nothing outside can
tell the difference but the time it takes.

Examples:
    >>> import attrs
    >>> @attrs.frozen(kw_only=True)
    ... class Pet:
    ...     name: str
    ...     legs: int | None = None
    ...     extra: dict[str, Any] = attrs.field(factory=dict)
    >>> build = shape_builder(Pet)
    >>> build({"name": "Rex", "legs": 4, "color": "red"})
    Pet(name='Rex', legs=4, extra=mappingproxy({'color': 'red'}))
    >>> build({"name": 7})
    Traceback (most recent call last):
    ...
    elasticio.models._fast.Slow
"""

from __future__ import annotations

import threading
import types
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from types import MappingProxyType, MemberDescriptorType
from typing import Any, Union, get_args, get_origin

import attrs

from elasticio.models._fast import Slow, field_check, linkage_ok

__all__ = [
    "Builder",
    "LazySlot",
    "Pending",
    "lazy",
    "resource_builder",
    "shape_builder",
    "shape_plain",
]

_MISSING = object()
_NO_MEMBERS: Mapping[str, Any] = MappingProxyType({})
# One read-only view of an empty dict that nothing else holds: as good as a new one.
_EMPTY: Mapping[str, Any] = MappingProxyType({})
_EXACT = (str, int, bool)

Builder = Callable[..., Any]


class Pending:
    """A lazy field's checked JSON value, in its slot until the field is first read."""

    __slots__ = ("raw",)

    def __init__(self, raw: Any) -> None:
        self.raw = raw


class LazySlot:
    """The descriptor of a lazy field: the slot's own, building a `Pending` value once."""

    __slots__ = ("_build", "_get", "_set", "slot")

    def __init__(self, slot: MemberDescriptorType, build: Callable[[Any], Any]) -> None:
        self.slot = slot
        self._get = slot.__get__
        self._set = slot.__set__
        self._build = build

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        if instance is None:
            return self.slot
        value = self._get(instance, owner)
        if type(value) is Pending:
            value = self._build(value.raw)
            self._set(instance, value)
        return value

    def __set__(self, instance: Any, value: Any) -> None:
        self._set(instance, value)

    def __delete__(self, instance: Any) -> None:
        self.slot.__delete__(instance)


_LAZY: dict[type[Any], tuple[Callable[[Any], bool], Callable[[Any], Any]]] = {}
_LOCK = threading.Lock()


def lazy(cls: type[Any], plain: Callable[[Any], bool], build: Callable[[Any], Any]) -> None:
    """Build fields of type ``cls`` on first read. ``plain(value)`` is true only when
    ``build(value)`` will build it without error; anything else is built, or refused,
    when the model is."""
    _LAZY[cls] = (plain, build)


class _Source:
    """The text of one generated function and the names it reads."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.names: dict[str, Any] = {
            "_MISSING": _MISSING,
            "_EMPTY": _EMPTY,
            "_NO_MEMBERS": _NO_MEMBERS,
            "_Slow": Slow,
            "_proxy": MappingProxyType,
            "_Pending": Pending,
            "_fromisoformat": datetime.fromisoformat,
            "_UTC": UTC,
        }

    def ref(self, value: Any, hint: str) -> str:
        name = f"_{hint}_{len(self.names)}"
        self.names[name] = value
        return name

    def add(self, depth: int, *lines: str) -> None:
        self.lines.extend("    " * depth + line for line in lines)

    def compile(self, name: str, signature: str, qualname: str) -> Builder:
        text = f"def {name}({signature}):\n" + "\n".join(self.lines) + "\n"
        namespace = dict(self.names)
        exec(compile(text, f"<elasticio builder {qualname}>", "exec"), namespace)  # noqa: S102
        built: Builder = namespace[name]
        return built


def _optional(annotation: Any) -> Any:
    """``X`` for ``X | None``; None for anything else."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = get_args(annotation)
        if len(args) == 2 and type(None) in args:
            return next(arg for arg in args if arg is not type(None))
    return None


def _is_mapping(annotation: Any) -> bool:
    args = get_args(annotation)
    return annotation in (Mapping, dict) or (
        get_origin(annotation) in (Mapping, dict) and args[1] is Any
    )


def _check(
    source: _Source, var: str, annotation: Any, fail: str, *, lazy_ok: bool, convert: bool = True
) -> list[str]:
    """Lines that check ``var`` against ``annotation``, running ``fail`` when the value is
    not the plain case, as `field_check` does; with ``convert``, they leave the field's
    value in ``var``."""
    inner = _optional(annotation)
    if inner is not None:
        if inner in _EXACT:
            kind = inner.__name__
            return [f"if {var} is not None and type({var}) is not {kind}: {fail}"]
        body = _base(source, var, inner, fail, lazy_ok=lazy_ok, convert=convert)
        return [f"if {var} is not None:", *("    " + line for line in body)]
    return _base(source, var, annotation, fail, lazy_ok=lazy_ok, convert=convert)


def _base(
    source: _Source, var: str, annotation: Any, fail: str, *, lazy_ok: bool, convert: bool
) -> list[str]:
    if annotation in _EXACT:
        return [f"if type({var}) is not {annotation.__name__}: {fail}"]
    if annotation is Any:
        return ["pass"]
    if annotation is float:
        return [
            f"if type({var}) is not float:",
            f"    if type({var}) is int: {var} = float({var})",
            f"    else: {fail}",
        ]
    if _is_mapping(annotation):
        if not convert:
            return [f"if type({var}) is not dict and {var} is not None: {fail}"]
        return [
            f"if type({var}) is dict: {var} = _proxy({var})",
            f"elif {var} is None: {var} = _EMPTY",
            f"else: {fail}",
        ]
    if get_origin(annotation) is tuple and get_args(annotation) == (str, ...):
        lines = [
            f"if type({var}) is not list: {fail}",
            f"for _item in {var}:",
            f"    if type(_item) is not str: {fail}",
        ]
        return [*lines, f"{var} = tuple({var})"] if convert else lines
    if lazy_ok and annotation in _LAZY:
        plain = source.ref(_LAZY[annotation][0], "plain")
        return [f"if not {plain}({var}): {fail}", f"{var} = _Pending({var})"]
    check = source.ref(field_check(annotation), "check")
    if fail != "raise _Slow":
        return ["try:", f"    {var} = {check}({var})", f"except Exception: {fail}"]
    if annotation is datetime:
        # An ISO 8601 string, inline; a bad one raises for the converter to name.
        return [
            f"if type({var}) is str:",
            f"    {var} = _fromisoformat({var})",
            f"    if {var}.tzinfo is None: {var} = {var}.replace(tzinfo=_UTC)",
            f"else: {var} = {check}({var})",
        ]
    return [f"{var} = {check}({var})"]


def _slot(cls: type[Any], name: str) -> Any:
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    return None


def _direct(cls: type[Any]) -> bool:
    """True when filling the slots is exactly what ``cls(...)`` would do: a slotted attrs
    class with attrs' own ``__init__`` and nothing run on the values."""
    code = getattr(cls.__init__, "__code__", None)
    if "__slots__" not in cls.__dict__ or code is None:
        return False
    if not code.co_filename.startswith("<attrs generated"):
        return False
    if hasattr(cls, "__attrs_post_init__") or hasattr(cls, "__attrs_pre_init__"):
        return False
    for field in attrs.fields(cls):
        if field.validator is not None or field.converter is not None or not field.init:
            return False
        default: Any = field.default
        if isinstance(default, attrs.Factory) and default.takes_self:  # type: ignore[arg-type]
            return False
        if not isinstance(_slot(cls, field.name), MemberDescriptorType | LazySlot):
            return False
    return True


def _default(source: _Source, field: attrs.Attribute[Any]) -> str | None:
    """An expression giving the field's default, or None when it has none."""
    default: Any = field.default
    if default is attrs.NOTHING:
        return None
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
        return f"{source.ref(default.factory, 'factory')}()"
    return source.ref(default, "default")


def _construct(source: _Source, cls: type[Any], values: Mapping[str, str], depth: int) -> None:
    """Lines that make the ``cls`` holding ``values`` (field name → expression) and
    return it; every field of ``cls`` must be in ``values``."""
    fields = attrs.fields(cls)
    if _direct(cls):
        source.add(depth, f"_o = {source.ref(object.__new__, 'new')}({source.ref(cls, 'cls')})")
        for field in fields:
            slot = _slot(cls, field.name)
            setter = slot.slot.__set__ if isinstance(slot, LazySlot) else slot.__set__
            source.add(depth, f"{source.ref(setter, 'set')}(_o, {values[field.name]})")
        source.add(depth, "return _o")
        return
    arguments = ", ".join(f"{field.alias}={values[field.name]}" for field in fields)
    source.add(depth, f"return {source.ref(cls, 'cls')}({arguments})")


def _install_lazy(cls: type[Any], field: attrs.Attribute[Any]) -> bool:
    """Put the lazy descriptor on ``cls`` for ``field`` when its type is lazy; True
    when the field is (now) lazy."""
    annotation = _optional(field.type) or field.type
    if annotation not in _LAZY or not _direct(cls):
        return False
    with _LOCK:
        slot = cls.__dict__.get(field.name)
        if isinstance(slot, MemberDescriptorType):
            setattr(cls, field.name, LazySlot(slot, _LAZY[annotation][1]))
    return isinstance(cls.__dict__.get(field.name), LazySlot)


def _read_members(
    source: _Source,
    cls: type[Any],
    fields: Sequence[attrs.Attribute[Any]],
    members: str,
    values: dict[str, str],
    dropped: Sequence[str] = (),
) -> None:
    """Lines reading each of ``fields`` from the dict ``members`` (by field name), then
    the rest, ``dropped`` aside, into ``_extra``."""
    known = {field.name for field in fields} | set(dropped)
    for field in fields:
        var = f"v_{field.name}"
        lazy_ok = _install_lazy(cls, field)
        check = _check(source, var, field.type, "raise _Slow", lazy_ok=lazy_ok)
        values[field.name] = var
        if field.default is None and _optional(field.type) is not None:
            # Absent or null, the field is None: one read, no test of presence.
            source.add(1, f"{var} = {members}.get({field.name!r})", *check)
            continue
        default = _default(source, field)
        source.add(1, f"{var} = {members}.get({field.name!r}, _MISSING)", f"if {var} is _MISSING:")
        source.add(2, "raise _Slow" if default is None else f"{var} = {default}")
        source.add(1, "else:")
        source.add(2, *check)
    known_ref = source.ref(frozenset(known), "known")
    source.add(
        1,
        f"_extra = _EMPTY if {members}.keys() <= {known_ref} else _proxy("
        f"{{_k: _x for _k, _x in {members}.items() if _k not in {known_ref}}})",
    )


_SHAPES: dict[tuple[type[Any], tuple[str, ...]], Builder] = {}
_PLAINS: dict[type[Any], Callable[[Any], bool]] = {}


def shape_builder(cls: type[Any], given: tuple[str, ...] = ()) -> Builder:
    """The function building a ``cls`` from a JSON object: its fields by name, members
    it has none for in its ``extra``; it raises `Slow` for anything but the plain case.
    Fields named in ``given`` are the function's further arguments, in order."""
    key = (cls, given)
    found = _SHAPES.get(key)
    if found is None:
        attrs.resolve_types(cls)
        source = _Source()
        source.add(1, "if type(item) is not dict: raise _Slow")
        read = [f for f in attrs.fields(cls) if f.name != "extra" and f.name not in given]
        values = {name: name for name in given}
        _read_members(source, cls, read, "item", values)
        values["extra"] = "_extra"
        _construct(source, cls, values, 1)
        signature = ", ".join(("item", *given))
        found = _SHAPES[key] = source.compile("build", signature, cls.__qualname__)
    return found


def shape_plain(cls: type[Any]) -> Callable[[Any], bool]:
    """True for a JSON object `shape_builder` builds a ``cls`` from without error."""
    found = _PLAINS.get(cls)
    if found is None:
        attrs.resolve_types(cls)
        source = _Source()
        source.add(1, "if type(item) is not dict: return False")
        for field in attrs.fields(cls):
            if field.name == "extra":
                continue
            var = f"v_{field.name}"
            check = _check(source, var, field.type, "return False", lazy_ok=False, convert=False)
            if _optional(field.type) is not None:
                # Absent or null, the check passes.
                source.add(1, f"{var} = item.get({field.name!r})", *check)
                continue
            source.add(
                1, f"{var} = item.get({field.name!r}, _MISSING)", f"if {var} is not _MISSING:"
            )
            source.add(2, *check)
            if field.default is attrs.NOTHING:
                source.add(1, "else: return False")
        source.add(1, "return True")
        found = _PLAINS[cls] = source.compile("plain", "item", cls.__qualname__)
    return found


def resource_builder(
    cls: type[Any],
    *,
    to_one: Sequence[tuple[str, tuple[str, ...]]],
    to_many: Sequence[tuple[str, str]],
    included: Sequence[tuple[str, Any]],
    build_included: Callable[..., Any],
    binding: Callable[..., Any],
) -> Builder:
    """The function ``build(document, resource, api, context, request_id)`` making the
    model ``cls`` from a resource: ``id`` and attributes by field, the ids of ``to_one``
    (field, relationship names) and ``to_many`` (field, relationship) relationships,
    ``included`` fields (field, spec) through ``build_included``, and its binding.
    It raises `Slow` for anything but the plain case, a malformed relationship anywhere
    in the resource included."""
    source = _Source()
    values: dict[str, str] = {}
    special = {name for name, _ in to_one} | {name for name, _ in to_many}
    special |= {name for name, _ in included}
    fields = attrs.fields(cls)
    id_field = next(field for field in fields if field.name == "id")
    attributes = [
        field
        for field in fields
        if field.name not in special and field.name not in ("id", "extra", "_binding")
    ]
    source.add(1, "_raw = resource._raw", "v_id = resource.id", "if v_id is None:")
    source.add(2, "v_id = context.get('id')")
    source.add(1, *_check(source, "v_id", id_field.type, "raise _Slow", lazy_ok=False))
    values["id"] = "v_id"
    source.add(1, "_attributes = _raw.get('attributes') or _NO_MEMBERS")
    _read_members(source, cls, attributes, "_attributes", values, dropped=("id",))
    values["extra"] = "_extra"
    source.add(1, "_relationships = _raw.get('relationships') or _NO_MEMBERS")
    ok = source.ref(linkage_ok, "linkage_ok")
    source.add(1, f"if _relationships and not {ok}(_relationships): raise _Slow")
    for name, names in to_one:
        var = f"v_{name}"
        source.add(1, f"{var} = _MISSING")
        for relationship in names:
            source.add(1, f"if {var} is _MISSING:")
            source.add(2, f"_r = _relationships.get({relationship!r})")
            source.add(2, "_d = None if _r is None else _r.get('data')")
            source.add(2, f"if type(_d) is dict: {var} = _d['id']")
        default = _default(source, attrs.fields_dict(cls)[name])
        source.add(1, f"if {var} is _MISSING: {var} = context.get({name!r}, {default})")
        values[name] = var
    for name, relationship in to_many:
        var = f"v_{name}"
        default = _default(source, attrs.fields_dict(cls)[name])
        source.add(1, f"_r = _relationships.get({relationship!r})")
        source.add(1, "_d = None if _r is None else _r.get('data')")
        source.add(1, "if type(_d) is list:")
        source.add(2, f"{var} = tuple([_i['id'] for _i in _d]) if _d else {default}")
        source.add(1, f"elif _d is not None: {var} = (_d['id'],)", f"else: {var} = {default}")
        values[name] = var
    build = source.ref(build_included, "build_included")
    for name, spec in included:
        var = f"v_{name}"
        spec_ref = source.ref(spec, "spec")
        source.add(1, f"{var} = {build}({spec_ref}, document, resource, api, context, request_id)")
        values[name] = var
    binding_ref = source.ref(binding, "binding")
    source.add(1, f"_binding = {binding_ref}(api, document, resource, context, request_id)")
    values["_binding"] = "_binding"
    _construct(source, cls, values, 1)
    signature = "document, resource, api, context, request_id"
    return source.compile("build", signature, cls.__qualname__)
