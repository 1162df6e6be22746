"""Argument checks that turn a wrong value into the SDK's own error, never a bare
``TypeError`` or ``ValueError`` from deep inside: ``ConfigurationError`` for settings,
``UsageError`` for the arguments of a call."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs

from elasticio._errors import ConfigurationError, UsageError

__all__ = ["bounded", "number", "strings", "whole_number"]


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def whole_number(
    name: str, value: object, minimum: int, *, error: type[UsageError] = UsageError
) -> int:
    """``value`` when it is a whole number of at least ``minimum``.

    Examples:
        >>> whole_number("page_size", 50, 1)
        50
        >>> whole_number("page_size", "50", 1)
        Traceback (most recent call last):
        ...
        elasticio._errors.UsageError: page_size must be a whole number of at least 1, not '50'
    """
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise error(f"{name} must be a whole number of at least {minimum}, not {value!r}")
    return value


def number(
    name: str, value: object, *, above: float, error: type[UsageError] = UsageError
) -> float:
    """``value`` when it is a number greater than ``above``.

    Examples:
        >>> number("timeout", 2, above=0)
        2
    """
    if not _is_number(value) or not value > above:  # type: ignore[operator]
        raise error(f"{name} must be a number greater than {above:g}, not {value!r}")
    return value  # type: ignore[return-value]


def strings(name: str, value: object) -> tuple[str, ...]:
    """One string, or any iterable of strings, as a tuple of strings.

    Examples:
        >>> strings("roles", "admin"), strings("roles", ["admin", "owner"])
        (('admin',), ('admin', 'owner'))
    """
    if isinstance(value, str):
        return (value,)
    if isinstance(value, Iterable) and not isinstance(value, bytes | dict):
        items = tuple(value)
        if all(isinstance(item, str) for item in items):
            return items
    raise UsageError(f"{name} must be a string or a list of strings, not {value!r}")


def bounded(
    *, low: float, high: float | None = None, whole: bool = False, above: bool = False
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """An attrs validator for a settings field: a number (a whole one with ``whole``) of
    at least ``low`` (more than ``low`` with ``above``) and at most ``high``, else a
    ``ConfigurationError`` naming the field."""

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        del instance
        kind = "a whole number" if whole else "a number"
        ok = (
            (isinstance(value, int) and not isinstance(value, bool)) if whole else _is_number(value)
        )
        ok = ok and (value > low if above else value >= low)
        ok = ok and (high is None or value <= high)
        if not ok:
            limits = f"more than {low:g}" if above else f"at least {low:g}"
            if high is not None:
                limits += f" and at most {high:g}"
            raise ConfigurationError(f"{attribute.name} must be {kind} {limits}, not {value!r}")

    return check
