"""Endpoint declarations and the one helper that puts ids and names into a path."""

from __future__ import annotations

import string
from typing import Any
from urllib.parse import quote

import attrs

from elasticio._errors import UsageError
from elasticio._http import QueryParams, RequestSpec

__all__ = ["Endpoint", "segment"]


def segment(value: str) -> str:
    """Percent-encode ``value`` as exactly one path segment.

    Every reserved character, ``/`` included, is escaped, so an id such as
    ``../users/me`` or ``a/b?x#y`` stays inside its segment. Empty values and the dot
    segments ``.`` and ``..`` are refused: servers collapse them before routing.

    Example:
        >>> segment("a/b?x#y")
        'a%2Fb%3Fx%23y'
    """
    if not isinstance(value, str):
        raise UsageError(f"a path segment must be a string, not {type(value).__name__}")
    if value in ("", ".", ".."):
        raise UsageError(f"{value!r} cannot be used as an id or name in a URL path")
    return quote(value, safe="")


@attrs.frozen
class Endpoint:
    """One API endpoint: a method and a path template with named placeholders.

    Example:
        >>> Endpoint("GET", "/v2/components/{component_id}").path(component_id="a/b")
        '/v2/components/a%2Fb'
    """

    method: str
    template: str
    placeholders: frozenset[str] = attrs.field(init=False)

    @placeholders.default
    def _placeholders(self) -> frozenset[str]:
        return frozenset(
            name for _, name, _, _ in string.Formatter().parse(self.template) if name is not None
        )

    def path(self, **values: Any) -> str:
        """The template with every placeholder filled by :func:`segment`."""
        if set(values) != self.placeholders:
            raise TypeError(
                f"{self.template} needs {sorted(self.placeholders)}, got {sorted(values)}"
            )
        return self.template.format_map({name: segment(v) for name, v in values.items()})

    def request(
        self, *, params: QueryParams | None = None, json: Any = None, **values: Any
    ) -> RequestSpec:
        """A request for this endpoint, placeholders filled from ``values``."""
        return RequestSpec(
            method=self.method, path=self.path(**values), params=params or {}, json=json
        )
