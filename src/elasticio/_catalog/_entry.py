"""What one catalog entry says about an endpoint, and the builder areas declare them with.

Pure data: the SDK, the emulator, the docs and the coverage test all read these objects,
so this module imports nothing but the path-segment encoder.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from typing import Any, Literal, TypeAlias

import attrs

from elasticio._errors import UsageError
from elasticio._paths import segment

__all__ = [
    "Area",
    "Codec",
    "Empty",
    "Entry",
    "Many",
    "One",
    "Paged",
    "Plain",
    "Polled",
    "Returns",
    "Scheduled",
    "index",
]

Codec: TypeAlias = Literal["jsonapi", "plain"]
"""How bodies are written: JSON:API documents, or plain JSON (v1, logs, quota usages)."""


@attrs.frozen
class One:
    """The answer holds one resource of ``type``."""

    type: str


@attrs.frozen
class Many:
    """The answer holds every resource of ``type`` at once: the docs document no paging."""

    type: str


@attrs.frozen
class Paged:
    """The answer is one page of ``type`` resources (``page[size]``, ``page[number]``);
    ``size`` is the platform's default page size."""

    type: str
    size: int


@attrs.frozen
class Empty:
    """The answer carries no resource (204, or an empty document)."""


@attrs.frozen
class Scheduled:
    """202 with a ``Location`` to poll, and a pending ``type`` resource in the body."""

    type: str


@attrs.frozen
class Polled:
    """200 while the work runs; 303 with a ``Location`` once a result is ready."""


@attrs.frozen
class Plain:
    """Any plain JSON value (not a JSON:API document)."""


Returns: TypeAlias = One | Many | Paged | Empty | Scheduled | Polled | Plain


def _placeholders(template: str) -> frozenset[str]:
    return frozenset(
        name for _, name, _, _ in string.Formatter().parse(template) if name is not None
    )


@attrs.frozen(kw_only=True)
class Entry:
    """One endpoint of the API.

    ``name`` is ``"<area>.<verb>"``: the area names the client namespace that calls it
    (``"flows"``: ``client.flows``; ``"v1.tasks"``: ``client.v1.tasks``), the verb the
    method. ``body`` is the JSON:API ``type`` of the request's primary data
    (None: no body). ``ref`` points into the API digest (``#73`` is row 73 of its v2
    tables); ``summary`` is a line for the generated docs tables.

    Examples:
        >>> from elasticio._catalog.v2 import FLOWS_GET
        >>> FLOWS_GET.path(flow_id="a/b")
        '/v2/flows/a%2Fb'
    """

    name: str
    area: str
    method: str
    template: str
    returns: Returns
    status: int = 200
    body: str | None = None
    codec: Codec = "jsonapi"
    ref: str
    summary: str
    placeholders: frozenset[str] = attrs.field(init=False, eq=False, repr=False)

    @placeholders.default
    def _default_placeholders(self) -> frozenset[str]:
        return _placeholders(self.template)

    @property
    def verb(self) -> str:
        """The part of ``name`` after the area: the SDK method's name."""
        return self.name[len(self.area) + 1 :]

    @property
    def version(self) -> str:
        """``"v1"`` for an entry of a ``v1.*`` area (``client.v1``), else ``"v2"``."""
        return "v1" if self.area.startswith("v1.") else "v2"

    @property
    def pages(self) -> bool:
        """True when the endpoint answers page by page."""
        return isinstance(self.returns, Paged)

    @property
    def route(self) -> str:
        """``"METHOD /template"``, as logs and tables show it."""
        return f"{self.method} {self.template}"

    def path(self, **values: Any) -> str:
        """The template with every placeholder filled by `elasticio.segment`.

        Raises:
            UsageError: a value is missing, extra, or cannot be a path segment.
        """
        if values.keys() != self.placeholders:
            raise UsageError(
                f"{self.template} needs {sorted(self.placeholders)}, got {sorted(values)}"
            )
        return self.template.format_map({name: segment(v) for name, v in values.items()})


@attrs.define
class Area:
    """Declares the entries of one area: ``flows = Area("flows")``, then
    ``flows.get("get", "/v2/flows/{flow_id}", One("flow"), ref="#74", summary=...)``."""

    name: str
    entries: list[Entry] = attrs.field(factory=list)

    def _add(self, method: str, verb: str, template: str, returns: Returns, **kw: Any) -> Entry:
        entry = Entry(
            name=f"{self.name}.{verb}",
            area=self.name,
            method=method,
            template=template,
            returns=returns,
            **kw,
        )
        self.entries.append(entry)
        return entry

    def get(self, verb: str, template: str, returns: Returns, **kw: Any) -> Entry:
        return self._add("GET", verb, template, returns, **kw)

    def post(self, verb: str, template: str, returns: Returns, **kw: Any) -> Entry:
        return self._add("POST", verb, template, returns, **kw)

    def put(self, verb: str, template: str, returns: Returns, **kw: Any) -> Entry:
        return self._add("PUT", verb, template, returns, **kw)

    def patch(self, verb: str, template: str, returns: Returns, **kw: Any) -> Entry:
        return self._add("PATCH", verb, template, returns, **kw)

    def delete(self, verb: str, template: str, returns: Returns, **kw: Any) -> Entry:
        return self._add("DELETE", verb, template, returns, **kw)


def index(areas: Iterable[Area]) -> dict[str, Entry]:
    """Every entry of ``areas`` by name; a name or route declared twice is an error."""
    by_name: dict[str, Entry] = {}
    routes: dict[str, str] = {}
    for area in areas:
        for entry in area.entries:
            if entry.name in by_name:
                raise ValueError(f"catalog entry {entry.name!r} is declared twice")
            if entry.route in routes:
                raise ValueError(f"{entry.route} is both {routes[entry.route]} and {entry.name}")
            by_name[entry.name] = entry
            routes[entry.route] = entry.name
    return by_name
