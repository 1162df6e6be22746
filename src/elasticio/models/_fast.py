"""Checks specialised per field type, for the fast path of structuring.

Each check takes a decoded JSON value and returns the field's value, or raises when the
value is anything but the plain, well-formed case. It never decides that a value is bad:
whoever calls it falls back to the converter, which either builds the value or says
exactly what is wrong and where. A check is therefore free to be narrow (``type(v) is
str`` where the converter accepts a subclass too), never to be lax.

Examples:
    >>> check = field_check(str | None)
    >>> check("Nightly"), check(None)
    ('Nightly', None)
    >>> check(7)
    Traceback (most recent call last):
    ...
    elasticio.models._fast.Slow
"""

from __future__ import annotations

import types
from collections.abc import Callable, Mapping
from datetime import datetime
from types import MappingProxyType
from typing import Any, Union, get_args, get_origin

from elasticio.models._converter import converter, structure_timestamp

__all__ = ["Check", "Slow", "field_check", "linkage_ok"]

Check = Callable[[Any], Any]


class Slow(Exception):  # noqa: N818 (a signal to take the slow path, not an error)
    """The value is not the plain case: let the converter decide."""


def _exact(kind: type) -> Check:
    def check(value: Any) -> Any:
        if type(value) is kind:
            return value
        raise Slow

    return check


def _exact_or_none(kind: type) -> Check:
    def check(value: Any) -> Any:
        if value is None or type(value) is kind:
            return value
        raise Slow

    return check


def _float(value: Any) -> float:
    kind = type(value)
    if kind is float:
        return value  # type: ignore[no-any-return]
    if kind is int:
        return float(value)
    raise Slow


def _anything(value: Any) -> Any:
    return value


def _mapping(value: Any) -> Mapping[str, Any]:
    if type(value) is dict:
        return MappingProxyType(value)
    if value is None:  # as the converter: an object member sent as null holds nothing
        return MappingProxyType({})
    raise Slow


def _strings(value: Any) -> tuple[str, ...]:
    if type(value) is list:
        for item in value:
            if type(item) is not str:
                raise Slow
        return tuple(value)
    raise Slow


def _optional(check: Check) -> Check:
    def optional(value: Any) -> Any:
        return None if value is None else check(value)

    return optional


def _hook(annotation: Any) -> Check:
    """The converter's own hook: no faster, but what it accepts is by definition right."""
    hook = converter.get_structure_hook(annotation)

    def check(value: Any) -> Any:
        return hook(value, annotation)

    return check


_SIMPLE: dict[Any, Check] = {
    str: _exact(str),
    int: _exact(int),
    bool: _exact(bool),
    float: _float,
    datetime: structure_timestamp,
    Any: _anything,
}


def _base(annotation: Any) -> Check:
    simple = _SIMPLE.get(annotation)
    if simple is not None:
        return simple
    origin, args = get_origin(annotation), get_args(annotation)
    if annotation in (Mapping, dict) or (origin in (Mapping, dict) and args[1] is Any):
        return _mapping
    if origin is tuple and args == (str, ...):
        return _strings
    return _hook(annotation)


def field_check(annotation: Any) -> Check:
    """The check for a field annotated ``annotation`` (``X | None`` included)."""
    if get_origin(annotation) in (Union, types.UnionType):
        args = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(args) == 1 and len(get_args(annotation)) == 2:
            if args[0] in (str, int, bool):  # the most common fields, in one call
                return _exact_or_none(args[0])
            return _optional(_base(args[0]))
        return _hook(annotation)
    return _base(annotation)


def _identifier_ok(value: Any) -> bool:
    return type(value) is dict and type(value.get("type")) is str and type(value.get("id")) is str


def linkage_ok(relationships: Mapping[str, Any]) -> bool:
    """True when every raw relationship of a resource is one the document's own reader
    accepts, so that reading linkage from the raw members is as strict as reading it
    through `Resource.relationships`."""
    for relationship in relationships.values():
        if type(relationship) is not dict:
            return False
        data = relationship.get("data")
        if data is not None:
            if type(data) is dict:
                # The common to-one case inline; it is most of what a resource links.
                if type(data.get("type")) is not str or type(data.get("id")) is not str:
                    return False
            elif type(data) is list:
                for item in data:
                    if not _identifier_ok(item):
                        return False
            else:
                return False
        links = relationship.get("links")
        if links is not None and type(links) is not dict:
            return False
        meta = relationship.get("meta")
        if meta is not None and type(meta) is not dict:
            return False
    return True
