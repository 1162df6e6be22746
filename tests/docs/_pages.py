"""The Python examples of the documentation, as the pages hold them.

Every fenced ``python`` block of ``README.md`` and ``docs/*.md`` is an example. An HTML
comment on the line right before a fence changes how it runs:

* ``<!-- example: continues -->``: the block goes on from the previous example of the
  page; that one (and whatever it continues) runs first, in the same namespace.
* ``<!-- example: not run: REASON -->``: the block is not run; the reason is required
  and the tests list every such block.

``tests/docs/_run.py`` runs them; ``tests/docs/_docstrings.py`` makes examples of the
docstrings the API reference shows.

Examples:
    >>> [example] = parse("page.md", "Intro\\n```python\\nx = 1\\n```\\n")
    >>> example.id, example.code
    ('page.md:2', 'x = 1\\n')
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

__all__ = ["PAGES", "PYTHON", "ROOT", "Example", "collect", "parse"]

ROOT = Path(__file__).resolve().parents[2]
PAGES = (ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")))
"""The pages whose examples are run."""

PYTHON = frozenset({"python", "py", "python3"})
"""Fence languages that mark a Python example."""

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})\s*(?P<info>[^`]*)$")
_MARKER = re.compile(r"^\s*<!--\s*example:\s*(?P<what>.*?)\s*-->\s*$")
_NOT_RUN = re.compile(r"^not run\s*(?:[:—-]+)\s*(?P<reason>\S.*)$")


@attrs.frozen
class Example:
    """One Python block of a page: where it starts, its code, and how it runs."""

    page: str
    """The page's path relative to the repository root."""
    line: int
    """The line of the opening fence (1-based)."""
    code: str
    """The block's text, dedented to the fence's indentation."""
    excluded: str | None = None
    """Why the block is not run, or None."""
    previous: Example | None = None
    """The example this one continues, run first in the same namespace."""
    name: str | None = None
    """What the example documents, for one taken from a docstring (``"elasticio.Flow"``)."""
    module: str | None = None
    """The module whose globals the example sees, as a doctest would, or None."""

    @property
    def id(self) -> str:
        return self.name or f"{self.page}:{self.line}"

    def chain(self) -> list[Example]:
        """The examples to run for this one, earliest first, ending with itself."""
        chain: list[Example] = []
        example: Example | None = self
        while example is not None:
            chain.append(example)
            example = example.previous
        return chain[::-1]


def parse(page: str, text: str) -> list[Example]:
    """The Python examples of one page's markdown ``text``.

    Raises:
        ValueError: a marker is unknown, gives no reason, or stands before no Python
            block; a fence is never closed; a block continues nothing.
    """
    lines = text.splitlines()
    examples: list[Example] = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            if _MARKER.match(lines[index]) and not _before_python_fence(lines, index):
                raise ValueError(f"{page}:{index + 1}: an example marker before no python block")
            index += 1
            continue
        end = _closing(lines, index, opening)
        if end is None:
            raise ValueError(f"{page}:{index + 1}: the fence is never closed")
        language = opening["info"].split()[0].lower() if opening["info"].strip() else ""
        if language in PYTHON:
            indent = len(opening["indent"])
            body = "".join(line[indent:] + "\n" for line in lines[index + 1 : end])
            marker = _marker(page, lines, index)
            previous = None
            if marker == "continues":
                if not examples:
                    raise ValueError(f"{page}:{index + 1}: continues, but nothing comes before")
                previous = examples[-1]
            examples.append(
                Example(
                    page=page,
                    line=index + 1,
                    code=body,
                    excluded=None if marker in (None, "continues") else marker,
                    previous=previous,
                )
            )
        index = end + 1
    return examples


def _closing(lines: list[str], start: int, opening: re.Match[str]) -> int | None:
    fence = opening["fence"]
    for index in range(start + 1, len(lines)):
        stripped = lines[index].strip()
        if stripped.startswith(fence[0] * len(fence)) and not stripped.strip(fence[0]):
            return index
    return None


def _before_python_fence(lines: list[str], index: int) -> bool:
    following = _FENCE.match(lines[index + 1]) if index + 1 < len(lines) else None
    if following is None or not following["info"].strip():
        return False
    return following["info"].split()[0].lower() in PYTHON


def _marker(page: str, lines: list[str], fence: int) -> str | None:
    """``"continues"``, a reason not to run the block, or None (run it)."""
    found = _MARKER.match(lines[fence - 1]) if fence > 0 else None
    if found is None:
        return None
    what = found["what"]
    if what == "continues":
        return what
    not_run = _NOT_RUN.match(what)
    if not_run is None:
        raise ValueError(
            f"{page}:{fence}: unknown example marker {what!r}; use 'continues' or 'not run: REASON'"
        )
    return not_run["reason"]


def collect(pages: tuple[Path, ...] = PAGES) -> list[Example]:
    """Every Python example of ``pages``, in page order."""
    return [
        example
        for path in pages
        for example in parse(path.relative_to(ROOT).as_posix(), path.read_text("utf-8"))
    ]
