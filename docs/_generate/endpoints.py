"""Writes ``docs/endpoints.md``, the endpoint tables, from the API catalog.

Run it from the repository root after changing the catalog or a namespace::

    PYTHONPATH=src python docs/_generate/endpoints.py

``tests/catalog/test_docs_tables.py`` fails while the committed page differs from what
this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from elasticio._catalog import AREAS, Entry, Paged
from elasticio._catalog._usage import Caller, sdk_callers

PAGE = Path(__file__).resolve().parents[1] / "endpoints.md"

HEADER = """\
# Endpoints

<!-- Generated from the catalog by docs/_generate/endpoints.py; do not edit by hand. -->

Every endpoint the SDK knows, area by area, as its catalog (`elasticio._catalog`)
declares it: the request, the client method that sends it, whether the answer comes page
by page (and the platform's default page size), the endpoint's row in the platform API
digest's v2 tables, and what it does. [Resources](resources.md) describes the methods'
arguments; [Pagination](pagination.md) how paged lists are read.

A digest reference `§4.4` or `§4.5` marks an endpoint known from outside the rendered
docs (the platform's OpenAPI draft, its release notes): its path is known, its request
and answer shapes are not, and the SDK and the emulator model them on the nearest
documented endpoint, as the summary says.

The catalog holds {count} endpoints ({outside} from outside the rendered docs); {missing}.
"""

COLUMNS = "| Request | SDK method | Paged | Digest | Summary |\n|---|---|---|---|---|\n"


def _method(callers: tuple[Caller, ...]) -> str:
    public = [caller.qualname for caller in callers if caller.public]
    return ", ".join(f"`{name}()`" for name in public) or "not yet"


def _row(entry: Entry, callers: tuple[Caller, ...]) -> str:
    paged = f"pages of {entry.returns.size}" if isinstance(entry.returns, Paged) else "no"
    return (
        f"| `{entry.method} {entry.template}` | {_method(callers)} | {paged} "
        f"| {entry.ref} | {entry.summary} |\n"
    )


def render() -> str:
    """The page's Markdown: a heading and a table per area, in catalog order.

    Example:
        >>> render().startswith("# Endpoints")  # doctest: +SKIP
        True
    """
    callers = sdk_callers()
    entries = [entry for area in AREAS for entry in area.entries]
    uncalled = sum(1 for entry in entries if _method(callers[entry.name]) == "not yet")
    missing = (
        "the SDK calls every one of them"
        if not uncalled
        else f"{uncalled} of them have no client method yet"
    )
    outside = sum(1 for entry in entries if entry.ref.startswith("§4"))
    parts = [HEADER.format(count=len(entries), outside=outside, missing=missing)]
    for area in AREAS:
        parts.append(f"\n## `client.{area.name}`\n\n{COLUMNS}")
        parts.extend(_row(entry, callers[entry.name]) for entry in area.entries)
    return "".join(parts)


def main() -> int:
    """Write the page; say whether it changed."""
    text = render()
    changed = not PAGE.exists() or PAGE.read_text(encoding="utf-8") != text
    PAGE.write_text(text, encoding="utf-8")
    print(f"{PAGE} {'written' if changed else 'unchanged'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
