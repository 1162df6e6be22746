"""The API transcribed once: one `Entry` per endpoint, read by the SDK's
namespaces, the emulator's routes, the docs tables and the coverage test.

Entries are constants of the version modules, named ``<AREA>_<VERB>``
(``elasticio._catalog.v2.FLOWS_GET``, ``elasticio._catalog.v1.V1_TASKS_START``);
`ENTRIES` holds them all by name (``"flows.get"``, ``"v1.tasks.start"``).
"""

from __future__ import annotations

import difflib

from elasticio._catalog import v1, v2
from elasticio._catalog._entry import (
    Area,
    Codec,
    Empty,
    Entry,
    Many,
    One,
    Paged,
    Plain,
    Polled,
    Returns,
    Scheduled,
    index,
)

__all__ = [  # noqa: RUF022 - the classes first, then the lookups
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
    "AREAS",
    "ENTRIES",
    "entry",
]

AREAS: tuple[Area, ...] = v2.AREAS + v1.AREAS
"""Every area: API v2's, then API v1's (``client.v1``)."""

ENTRIES: dict[str, Entry] = index(AREAS)
"""Every entry, by name, in declaration order."""


def entry(name: str) -> Entry:
    """The entry called ``name`` (``"flows.get"``).

    Raises:
        KeyError: no entry has that name; the message suggests close ones.
    """
    try:
        return ENTRIES[name]
    except KeyError:
        close = difflib.get_close_matches(name, ENTRIES, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise KeyError(f"no catalog entry is called {name!r}{hint}") from None
