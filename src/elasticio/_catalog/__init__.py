"""The API transcribed once: one `Entry` per endpoint, read by the SDK's
namespaces, the emulator's routes, the docs tables and the coverage test.

Entries are constants of the version modules, named ``<AREA>_<VERB>``
(``elasticio._catalog.v2.FLOWS_GET``); `ENTRIES` holds them all by name
(``"flows.get"``).
"""

from __future__ import annotations

import difflib

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
from elasticio._catalog.v2 import AREAS

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
