"""A small router: (method, path template) → handler, each route declared once.

Area modules declare their routes on a :class:`RouteTable`::

    routes = RouteTable()

    @routes.get("/v2/users/{user_id}")
    def get_user(call: Call) -> Reply: ...

A :class:`Router` joins the tables. Paths are matched segment by segment on the raw
(still percent-encoded) path, so an encoded ``/`` stays inside its segment; a trailing
slash is ignored, as the API's own examples use both forms. Literal segments win over
placeholders, so ``/v2/users/me`` is not taken for a user id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from urllib.parse import unquote

import attrs

from elasticio.testing._errors import ReplyError
from elasticio.testing._request import Call, Reply

__all__ = ["Match", "Route", "RouteTable", "Router", "split_path"]

Handler = Callable[[Call], Reply]


def split_path(raw_path: str) -> list[str]:
    """The raw path's segments, without the leading and any trailing slash."""
    trimmed = raw_path.split("?", 1)[0].strip("/")
    return trimmed.split("/") if trimmed else []


@attrs.frozen
class Route:
    """One endpoint: ``GET /v2/flows/{flow_id}`` and its handler."""

    method: str
    template: str
    handler: Handler = attrs.field(eq=False, repr=False)
    segments: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)

    @segments.default
    def _segments(self) -> tuple[str, ...]:
        return tuple(split_path(self.template))

    @property
    def key(self) -> str:
        """``"METHOD /template"``, the name faults use for a route."""
        return f"{self.method} {self.template}"

    def bind(self, raw_segments: list[str]) -> dict[str, str] | None:
        """The placeholder values when the path fits this template, else None."""
        if len(raw_segments) != len(self.segments):
            return None
        params: dict[str, str] = {}
        for pattern, raw in zip(self.segments, raw_segments, strict=True):
            if pattern.startswith("{") and pattern.endswith("}"):
                value = unquote(raw)
                if not value:
                    return None
                params[pattern[1:-1]] = value
            elif unquote(raw) != pattern:
                return None
        return params

    @property
    def specificity(self) -> tuple[bool, ...]:
        """Sorts routes with literal segments first, position by position."""
        return tuple(s.startswith("{") for s in self.segments)


@attrs.frozen
class Match:
    route: Route
    params: dict[str, str]


class RouteTable:
    """The routes of one area of the API, declared with decorators."""

    def __init__(self) -> None:
        self.routes: list[Route] = []

    def route(self, method: str, template: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.routes.append(Route(method, template, handler))
            return handler

        return register

    def get(self, template: str) -> Callable[[Handler], Handler]:
        return self.route("GET", template)

    def post(self, template: str) -> Callable[[Handler], Handler]:
        return self.route("POST", template)

    def put(self, template: str) -> Callable[[Handler], Handler]:
        return self.route("PUT", template)

    def patch(self, template: str) -> Callable[[Handler], Handler]:
        return self.route("PATCH", template)

    def delete(self, template: str) -> Callable[[Handler], Handler]:
        return self.route("DELETE", template)


class Router:
    """Finds the route for a request; 404 for an unknown path, 405 for a wrong method."""

    def __init__(self, tables: Iterable[RouteTable]) -> None:
        routes = [route for table in tables for route in table.routes]
        keys = [route.key for route in routes]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        if duplicates:
            raise ValueError(f"routes declared twice: {duplicates}")
        self.routes = sorted(routes, key=lambda r: r.specificity)
        self.keys = frozenset(keys)

    def find(self, method: str, raw_path: str) -> Match | None:
        segments = split_path(raw_path)
        for route in self.routes:
            if route.method == method:
                params = route.bind(segments)
                if params is not None:
                    return Match(route, params)
        return None

    def match(self, method: str, raw_path: str) -> Match:
        found = self.find(method, raw_path)
        if found is not None:
            return found
        segments = split_path(raw_path)
        allowed = sorted({r.method for r in self.routes if r.bind(segments) is not None})
        if allowed:
            raise ReplyError(
                405,
                f"{method} is not allowed here; use {', '.join(allowed)}",
                headers={"Allow": ", ".join(allowed)},
            )
        raise ReplyError(404, f"no endpoint at {unquote(raw_path)}")
