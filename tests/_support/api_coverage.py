"""The API coverage of the catalog: for every entry, the SDK method that calls it, the
emulator route that serves it, whether an SDK-against-emulator test exercised it, or why
it is not there yet.

An entry is covered when (a) exactly one public client method calls it, from the
namespace its area names; (b) exactly one emulator route serves it; (c) the SDK sent it to
an emulator during the test session and got an answer. An entry that is not covered must
stand in :data:`NOT_YET` with a reason, and an entry that stands there must not be covered.

Example:
    >>> from elasticio.testing import Emulator
    >>> rows = coverage(Emulator(), exercised=None)
    >>> problems(rows)
    []
    >>> listing(rows)[1].split()
    ['users', '8', '8', '8', '-', '0']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from elasticio._catalog import AREAS, ENTRIES, Entry
from elasticio._catalog._usage import Caller, sdk_callers

__all__ = [
    "NOT_YET",
    "Coverage",
    "Served",
    "coverage",
    "listing",
    "problems",
    "served_routes",
]

_V1_BUILT = (
    "v1.users",
    "v1.accounts",
    "v1.components",
    "v1.repos",
    "v1.exec",
    "v1.sshkeys",
    "v1.tasks",
    "v1.teams",
    "v1.hooks",
    "v1.recipes",
    "v1.resources",
)
"""The API v1 areas built so far (issue 7 adds them area by area)."""

NOT_YET: Mapping[str, str] = {
    name: "API v1 is being built area by area (issue 7)"
    for name, entry in ENTRIES.items()
    if entry.version == "v1" and entry.area not in _V1_BUILT
}
"""Entries that are not covered yet, each with the reason why."""


def _route_key(method: str, template: str) -> tuple[str, tuple[str, ...]]:
    """``("GET", ("v2", "flows", "{}"))``: the route with its placeholder names left out."""
    segments = template.strip("/").split("/")
    return method, tuple("{}" if s.startswith("{") and s.endswith("}") else s for s in segments)


_BY_ROUTE = {_route_key(e.method, e.template): e.name for e in ENTRIES.values()}


def _entry_name(item: Any) -> str | None:
    """The catalog entry an emulator's route or handled entry stands for, if any."""
    if isinstance(item, Entry):
        return item.name
    if isinstance(getattr(item, "entry", None), Entry):
        return str(item.entry.name)
    if isinstance(item, str):
        return item if item in ENTRIES else None
    return _BY_ROUTE.get(_route_key(str(item.method), str(item.template)))


@attrs.frozen
class Served:
    """What an emulator serves: the routes per entry name, and any route outside the
    catalog (as ``"METHOD /template"``)."""

    routes: Counter[str]
    outside: tuple[str, ...]


def served_routes(emulator: Any) -> Served:
    """The entries ``emulator`` serves.

    It reads the emulator's own record of handled entries when it keeps one
    (``emulator.handled_entries``, or ``emulator.router.entries``: entries or their
    names); otherwise it takes ``emulator.router.routes`` and matches each route's
    ``method`` and ``template`` to an entry, placeholder names ignored.
    """
    handled: Iterable[Any] | None = getattr(emulator, "handled_entries", None)
    if handled is None:
        handled = getattr(emulator.router, "entries", None)
    if handled is None:
        handled = emulator.router.routes
    routes: Counter[str] = Counter()
    outside: list[str] = []
    for item in handled:
        name = _entry_name(item)
        if name is None:
            outside.append(item if isinstance(item, str) else f"{item.method} {item.template}")
        else:
            routes[name] += 1
    return Served(routes=routes, outside=tuple(outside))


@attrs.frozen
class Coverage:
    """One entry's coverage; ``exercised`` is None when the whole suite did not run."""

    entry: Entry
    callers: tuple[Caller, ...]
    routes: int
    exercised: bool | None
    not_yet: str | None

    @property
    def sdk(self) -> bool:
        """Exactly one public client method calls the entry."""
        return len(self.callers) == 1 and self.callers[0].public

    @property
    def emulator(self) -> bool:
        """Exactly one emulator route serves the entry."""
        return self.routes == 1

    @property
    def missing(self) -> list[str]:
        """What the entry lacks to be covered, as far as is known."""
        lacks = []
        if not self.sdk:
            lacks.append("no SDK method calls it")
        if self.routes == 0:
            lacks.append("no emulator route serves it")
        if self.exercised is False:
            lacks.append("no SDK-against-emulator test sent it")
        return lacks

    def problems(self) -> list[str]:
        """What is wrong with this entry's coverage; empty when all is well."""
        name, found = self.entry.name, []
        if len(self.callers) > 1:
            methods = ", ".join(c.qualname for c in self.callers)
            found.append(f"{name} is called by {methods}; one SDK method per entry")
        strangers = [c.qualname for c in self.callers if c.namespace != self.entry.area]
        if strangers:
            found.append(f"{name} belongs to client.{self.entry.area}, not {strangers}")
        if self.routes > 1:
            found.append(f"{name} is served by {self.routes} emulator routes, not one")
        if self.not_yet is None and self.missing:
            found.append(f"{name}: {'; '.join(self.missing)} (cover it, or add it to NOT_YET)")
        if self.not_yet is not None and self.exercised and self.sdk and self.emulator:
            found.append(f"{name} is covered now: remove it from NOT_YET")
        return found


def coverage(
    emulator: Any, exercised: frozenset[str] | None, not_yet: Mapping[str, str] = NOT_YET
) -> list[Coverage]:
    """Every entry's coverage, in catalog order, against ``emulator``'s routes and the
    ``exercised`` entry names (None: not known)."""
    callers = sdk_callers()
    served = served_routes(emulator)
    return [
        Coverage(
            entry=entry,
            callers=callers[name],
            routes=served.routes[name],
            exercised=None if exercised is None else name in exercised,
            not_yet=not_yet.get(name),
        )
        for name, entry in ENTRIES.items()
    ]


def problems(rows: Sequence[Coverage], not_yet: Mapping[str, str] = NOT_YET) -> list[str]:
    """Everything wrong with ``rows``, and any ``not_yet`` name that is no entry."""
    found = [
        f"NOT_YET names {name!r}, which is no catalog entry"
        for name in not_yet
        if name not in ENTRIES
    ]
    for row in rows:
        found.extend(row.problems())
    return found


_COLUMNS = ("area", "entries", "SDK", "emulator", "exercised", "not yet")


def _outside_docs(row: Coverage) -> bool:
    """The entry is known from outside the rendered docs (the digest's §4: the OpenAPI
    draft, release notes), not one of its numbered rows."""
    return row.entry.ref.startswith("§4")


def listing(rows: Sequence[Coverage]) -> list[str]:
    """The per-area table: entries, how many have an SDK method, an emulator route, an
    SDK-against-emulator test (``-`` when not known), and how many are not yet covered.
    Below the v2 total, its entries from the rendered docs and those from outside them
    (the digest's §4.x) are counted apart."""

    def counts(area_rows: Sequence[Coverage]) -> tuple[str, ...]:
        known = all(r.exercised is not None for r in area_rows)
        return (
            str(len(area_rows)),
            str(sum(r.sdk for r in area_rows)),
            str(sum(r.emulator for r in area_rows)),
            str(sum(bool(r.exercised) for r in area_rows)) if known else "-",
            str(sum(r.not_yet is not None for r in area_rows)),
        )

    table = [(area.name, *counts([r for r in rows if r.entry.area == area.name])) for area in AREAS]
    for version in ("v2", "v1"):
        table.append((f"total {version}", *counts([r for r in rows if r.entry.version == version])))
        if version == "v2":
            v2 = [r for r in rows if r.entry.version == "v2"]
            table.append(("  documented", *counts([r for r in v2 if not _outside_docs(r)])))
            table.append(("  §4.x", *counts([r for r in v2 if _outside_docs(r)])))
    table.append(("total", *counts(rows)))
    width = max(len(line[0]) for line in [*table, _COLUMNS])

    def line(cells: Sequence[str]) -> str:
        return "  ".join(
            [
                cells[0].ljust(width),
                *(c.rjust(len(h)) for c, h in zip(cells[1:], _COLUMNS[1:], strict=True)),
            ]
        )

    return [line(_COLUMNS), *(line(cells) for cells in table)]
