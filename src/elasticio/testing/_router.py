"""A small router keyed by catalog entries: each entry handled once, by one function.

Area modules declare their routes on a `RouteTable`, naming the entry they serve;
the handler takes the `elasticio.testing._request.Call` and then one keyword
argument per placeholder of the entry's template::

    routes = RouteTable()

    @routes.handle(USERS_GET)
    def get_user(call: Call, user_id: str) -> Reply: ...

    @routes.handle(SSH_KEYS_CREATE, body=NEW_KEY)
    def create_key(call: Call) -> Reply:
        payload = call.payload()  # NEW_KEY read from the body, or a 400
        ...

A `Router` joins the tables and refuses an entry handled twice, a handler whose
parameters are not the template's placeholders, and a body schema for another resource
type than the entry's (or none where the entry takes a body).

Paths are matched segment by segment on the raw (still percent-encoded) path, so an
encoded ``/`` stays inside its segment; a trailing slash is ignored, as the API's own
examples use both forms. Literal segments win over placeholders, so ``/v2/users/me`` is
not taken for a user id.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar
from urllib.parse import unquote

import attrs

from elasticio._catalog import Entry
from elasticio.testing._errors import ReplyError
from elasticio.testing._request import Reply
from elasticio.testing._schema import Body, PlainBody

__all__ = ["Handler", "Match", "Route", "RouteTable", "Router", "split_path"]

Handler = Callable[..., Reply]
"""``handler(call, **placeholders) -> Reply``."""

H = TypeVar("H", bound=Handler)


def split_path(raw_path: str) -> list[str]:
    """The raw path's segments, without the leading and any trailing slash."""
    trimmed = raw_path.split("?", 1)[0].strip("/")
    return trimmed.split("/") if trimmed else []


def _placeholders(handler: Handler) -> frozenset[str]:
    """The handler's parameters after the call: the placeholders it expects."""
    return frozenset(list(inspect.signature(handler).parameters)[1:])


@attrs.frozen
class Route:
    """One catalog entry (``flows.get``: ``GET /v2/flows/{flow_id}``), its handler and
    the schema of its request body."""

    entry: Entry
    handler: Handler = attrs.field(eq=False, repr=False)
    body: Body | PlainBody | None = attrs.field(default=None, eq=False, repr=False)
    segments: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)

    @segments.default
    def _segments(self) -> tuple[str, ...]:
        return tuple(split_path(self.entry.template))

    @property
    def specificity(self) -> tuple[bool, ...]:
        """Sorts routes with literal segments first, position by position."""
        return tuple(s.startswith("{") for s in self.segments)


@attrs.frozen
class Match:
    route: Route
    params: dict[str, str]


class RouteTable:
    """The routes of one area of the API, declared with `handle`."""

    def __init__(self) -> None:
        self.routes: list[Route] = []

    def handle(self, entry: Entry, *, body: Body | PlainBody | None = None) -> Callable[[H], H]:
        """Declare the decorated function the handler of ``entry``, whose request body
        ``body`` describes."""

        def register(handler: H) -> H:
            self.routes.append(Route(entry, handler, body))
            return handler

        return register


def _checked(routes: list[Route]) -> None:
    handled: dict[str, Route] = {}
    for route in routes:
        entry, name = route.entry, route.handler.__qualname__
        earlier = handled.setdefault(entry.name, route)
        if earlier is not route:
            raise ValueError(
                f"the entry {entry.name} is handled twice: by "
                f"{earlier.handler.__qualname__} and {name}"
            )
        given = _placeholders(route.handler)
        if given != entry.placeholders:
            raise ValueError(
                f"{name} handles {entry.name} ({entry.template}) but takes "
                f"{sorted(given)}, not its placeholders {sorted(entry.placeholders)}"
            )
        body = route.body.type if route.body else None
        if body != entry.body:
            reads = f"a {body} body" if body else "no body"
            takes = f"a {entry.body} body" if entry.body else "none"
            raise ValueError(f"{name} reads {reads}, but {entry.name} takes {takes}")
        if route.body is not None and isinstance(route.body, PlainBody) != (entry.codec == "plain"):
            form = "plain JSON" if entry.codec == "plain" else "a JSON:API document"
            raise ValueError(f"{name} reads its body in the wrong form: {entry.name} takes {form}")


class _Node:
    """One position of the templates: literal segments by text, then one placeholder."""

    __slots__ = ("literal", "placeholder", "routes")

    def __init__(self) -> None:
        self.literal: dict[str, _Node] = {}
        self.placeholder: _Node | None = None
        self.routes: dict[str, Route] = {}  # by method, where a template ends here

    def add(self, route: Route) -> None:
        node = self
        for pattern in route.segments:
            if pattern.startswith("{") and pattern.endswith("}"):
                if node.placeholder is None:
                    node.placeholder = _Node()
                # Templates sharing a position may name it differently: each route
                # names its own placeholders (_params).
                node = node.placeholder
            else:
                node = node.literal.setdefault(pattern, _Node())
        node.routes[route.entry.method] = route

    def walk(self, segments: list[str], at: int = 0) -> Iterator[dict[str, Route]]:
        """The routes (by method) of every template the segments fit, literal segments
        first, position by position: the order of `Route.specificity`."""
        if at == len(segments):
            if self.routes:
                yield self.routes
            return
        literal = self.literal.get(segments[at])
        if literal is not None:
            yield from literal.walk(segments, at + 1)
        if self.placeholder is not None and segments[at]:
            yield from self.placeholder.walk(segments, at + 1)


def _params(route: Route, segments: list[str]) -> dict[str, str]:
    return {
        pattern[1:-1]: value
        for pattern, value in zip(route.segments, segments, strict=True)
        if pattern.startswith("{")
    }


class Router:
    """Finds the route for a request; 404 for an unknown path, 405 for a wrong method.

    Routes live in a tree of segments, so finding one costs a few dictionary lookups
    whatever the number of routes.

    Examples:
        >>> Router([]).entries
        frozenset()
    """

    def __init__(self, tables: Iterable[RouteTable]) -> None:
        routes = [route for table in tables for route in table.routes]
        _checked(routes)
        self.routes = sorted(routes, key=lambda r: r.specificity)
        self.entries = frozenset(route.entry.name for route in routes)
        """The names of the catalog entries served (``"flows.get"``, ...)."""
        self._tree = _Node()
        for route in self.routes:
            self._tree.add(route)

    @property
    def keys(self) -> frozenset[str]:
        """The routes served as ``"METHOD /template"`` (the names before catalog entries)."""
        return frozenset(route.entry.route for route in self.routes)

    def find(self, method: str, raw_path: str) -> Match | None:
        """The route serving ``method`` at ``raw_path`` and its placeholders, or None."""
        segments = [unquote(raw) if "%" in raw else raw for raw in split_path(raw_path)]
        for routes in self._tree.walk(segments):
            route = routes.get(method)
            if route is not None:
                return Match(route, _params(route, segments))
        return None

    def refuse(self, method: str, raw_path: str) -> ReplyError:
        """The error for a request `find` found no route for: 405 naming the methods
        allowed at the path, or 404."""
        segments = [unquote(raw) for raw in split_path(raw_path)]
        allowed = sorted({m for routes in self._tree.walk(segments) for m in routes})
        if allowed:
            return ReplyError(
                405,
                f"{method} is not allowed here; use {', '.join(allowed)}",
                headers={"Allow": ", ".join(allowed)},
            )
        return ReplyError(404, f"no endpoint at {unquote(raw_path)}")

    def match(self, method: str, raw_path: str) -> Match:
        """`find`, or raise the error of `refuse`."""
        found = self.find(method, raw_path)
        if found is None:
            raise self.refuse(method, raw_path)
        return found
