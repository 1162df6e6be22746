"""Decoding JSON:API error objects (and the v1 ``{"message": ...}`` form)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from elasticio._errors import DecodeError, ErrorObject

__all__ = ["parse_error_objects", "parse_v1_error"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _text(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _status(value: Any) -> int | None:
    # The OpenAPI draft gives an integer; JSON:API itself says a string. Take both.
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        text = value.strip()
        # ASCII only: "²".isdigit() is true, yet int("²") raises.
        if text.isascii() and text.isdigit():
            return int(text)
    return None


def _mapping(value: Any) -> Mapping[str, Any]:
    return MappingProxyType(value) if isinstance(value, dict) else _EMPTY


def parse_error_object(raw: Mapping[str, Any]) -> ErrorObject:
    """One JSON:API error object; odd member types are coerced, never fatal."""
    return ErrorObject(
        status=_status(raw.get("status")),
        code=_text(raw.get("code")),
        title=_text(raw.get("title")),
        detail=_text(raw.get("detail")),
        source=_mapping(raw.get("source")),
        meta=_mapping(raw.get("meta")),
        id=_text(raw.get("id")),
    )


def parse_error_objects(raw: Any, *, pointer: str) -> tuple[ErrorObject, ...]:
    """The ``errors`` member of a document: an array of objects."""
    if not isinstance(raw, list):
        raise DecodeError("'errors' must be an array", pointer=pointer)
    parsed = []
    for position, item in enumerate(raw):
        if not isinstance(item, dict):
            raise DecodeError("an error must be an object", pointer=f"{pointer}/{position}")
        parsed.append(parse_error_object(item))
    return tuple(parsed)


def parse_v1_error(raw: Mapping[str, Any]) -> ErrorObject:
    """The v1 error body ``{"message": ..., "reason"?: ...}`` as one error object."""
    extra = {k: v for k, v in raw.items() if k != "message"}
    return ErrorObject(title=_text(raw.get("message")), meta=MappingProxyType(extra))
