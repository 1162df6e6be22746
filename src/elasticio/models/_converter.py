"""The one cattrs converter: resource attributes in, model objects out.

Known attributes must have their documented JSON type: a string where a string is
documented never becomes ``str(some_dict)``. Attributes the model has no field for are
kept, untouched, in the model's ``extra`` mapping. Failures become a DecodeError naming
the JSON pointer of the bad attribute.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from functools import singledispatch
from types import MappingProxyType
from typing import Any, TypeVar, get_args, get_origin

import attrs
import cattrs
from cattrs.v import format_exception

from elasticio._errors import DecodeError
from elasticio.jsonapi import Unset

__all__ = [
    "attributes_from",
    "attributes_of",
    "converter",
    "describe_error",
    "error_pointer",
    "make_converter",
    "structure_timestamp",
    "to_plain",
]

T = TypeVar("T")


def _strict(expected: type | tuple[type, ...], name: str) -> Any:
    def hook(value: Any, _: Any) -> Any:
        if isinstance(value, bool) and bool not in (
            expected if isinstance(expected, tuple) else (expected,)
        ):
            raise TypeError(f"expected {name}, got a boolean")
        if not isinstance(value, expected):
            raise TypeError(f"expected {name}, got {type(value).__name__}")
        return value

    return hook


def structure_timestamp(value: Any, _: Any = None) -> datetime:
    """A timestamp as the API sends it, as an aware datetime.

    Strings are ISO 8601 (``2018-03-27T15:39:02.825Z``; one without an offset is taken as
    UTC); numbers are milliseconds since the epoch, as component versions give ``date``.

    Examples:
        >>> structure_timestamp("2018-03-27T15:39:02.825Z").isoformat()
        '2018-03-27T15:39:02.825000+00:00'
        >>> structure_timestamp(1520000000000).isoformat()
        '2018-03-02T14:13:20+00:00'
    """
    if isinstance(value, str):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise TypeError(f"expected an ISO 8601 timestamp, got {value[:40]!r}") from None
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return datetime.fromtimestamp(value / 1000, tz=UTC)
        except (OverflowError, OSError, ValueError):
            raise TypeError(f"expected a timestamp, got {value} ms (out of range)") from None
    raise TypeError(f"expected a timestamp, got {type(value).__name__}")


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = get_args(cls)
    return get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_mapping(cls: Any) -> bool:
    return get_origin(cls) in (Mapping, dict) or cls in (Mapping, dict)


def make_converter() -> cattrs.Converter:
    """Build the SDK's converter: strict scalars, lists for tuples, read-only mappings."""
    conv = cattrs.Converter(forbid_extra_keys=False)
    conv.register_structure_hook(str, _strict(str, "a string"))
    conv.register_structure_hook(int, _strict(int, "an integer"))
    conv.register_structure_hook(float, lambda v, _: float(_strict((int, float), "a number")(v, _)))
    conv.register_structure_hook(bool, _strict(bool, "a boolean"))
    conv.register_structure_hook(datetime, structure_timestamp)

    def structure_tuple(value: Any, cls: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise TypeError(f"expected an array, got {type(value).__name__}")
        (item_type, _) = get_args(cls)
        return tuple(conv.structure(item, item_type) for item in value)

    def structure_mapping(value: Any, cls: Any) -> Mapping[str, Any]:
        if value is None:  # an object member sent as null holds nothing
            return MappingProxyType({})
        if not isinstance(value, dict):
            raise TypeError(f"expected an object, got {type(value).__name__}")
        args = get_args(cls)
        if args and args[1] is not Any:
            value = {key: conv.structure(item, args[1]) for key, item in value.items()}
        return MappingProxyType(value)

    conv.register_structure_hook_func(_is_homogeneous_tuple, structure_tuple)
    conv.register_structure_hook_func(_is_mapping, structure_mapping)
    return conv


converter = make_converter()


def _format_error(exc: BaseException, type_: Any) -> str:
    # A hook that raised a DecodeError already said what was wrong, and where within.
    if isinstance(exc, DecodeError):
        return exc.reason
    return format_exception(exc, type_)


def describe_error(exc: cattrs.BaseValidationError) -> str:
    """What went wrong in a structuring failure, each problem with its attribute path."""
    return "; ".join(cattrs.transform_error(exc, path="attributes", format_exception=_format_error))


def error_pointer(exc: cattrs.BaseValidationError) -> str:
    """Where within a resource a structuring failure lies, when a hook said so: the
    pointer of a DecodeError a hook raised, under its attribute
    (``/attributes/graph/nodes/1``); ``""`` otherwise."""
    if isinstance(exc, cattrs.ClassValidationError):
        for inner, note in exc.group_exceptions()[0]:
            if isinstance(inner, DecodeError):
                return f"/attributes/{note.name}{inner.pointer}"
    return ""


@singledispatch
def to_plain(value: Any) -> Any:
    """``value`` as JSON-safe data: attrs objects (a model's binding left out) as dicts,
    mappings as dicts, tuples as lists, datetimes in ISO 8601. A type with a JSON form
    of its own registers it: ``to_plain.register(FlowGraph, FlowGraph.to_json)``.

    Examples:
        >>> to_plain({"at": datetime(2024, 1, 2, tzinfo=UTC), "ids": ("a", "b")})
        {'at': '2024-01-02T00:00:00+00:00', 'ids': ['a', 'b']}
    """
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {key: to_plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(item) for item in value]
    if attrs.has(type(value)):
        return {
            field.name: to_plain(getattr(value, field.name))
            for field in attrs.fields(type(value))
            if not field.name.startswith("_")
        }
    return value


def attributes_of(obj: Any) -> dict[str, Any]:
    """The fields of the attrs object ``obj`` as a request body's ``attributes``: fields
    left ``UNSET`` are left out, None is kept (sent as null), values are made JSON-safe
    by `to_plain`.

    Examples:
        >>> from elasticio.jsonapi import UNSET
        >>> @attrs.frozen
        ... class Change:
        ...     name: Any = UNSET
        ...     cron: Any = UNSET
        ...     tags: Any = UNSET
        >>> attributes_of(Change(cron=None, tags=("a",)))
        {'cron': None, 'tags': ['a']}
    """
    return {
        field.name: to_plain(value)
        for field in attrs.fields(type(obj))
        if not isinstance(value := getattr(obj, field.name), Unset)
    }


def attributes_from(cls: type[Any], arguments: Mapping[str, Any]) -> dict[str, Any]:
    """`attributes_of` for the ``cls`` built from the entries of ``arguments`` that name
    its fields. A method passes its ``locals()``, so that the attributes it sends are
    listed once, in ``cls``, however many methods send them.

    Examples:
        >>> from elasticio.jsonapi import UNSET
        >>> @attrs.frozen
        ... class Change:
        ...     name: Any = UNSET
        ...     cron: Any = UNSET
        >>> attributes_from(Change, {"self": object(), "name": "Nightly", "cron": UNSET})
        {'name': 'Nightly'}
    """
    names = {field.name for field in attrs.fields(cls)}
    return attributes_of(cls(**{name: value for name, value in arguments.items() if name in names}))
