"""Deterministic identifiers: 24-hex object ids and 40-hex revisions."""

from __future__ import annotations

import hashlib

import attrs

__all__ = ["IdFactory", "revision"]

# Object ids start with a 4-byte "timestamp", as MongoDB's do; a counter added to it keeps
# ids in creation order, which is the order the API lists things in by default.
_FIRST_STAMP = 0x65A1_0000


def revision(text: str) -> str:
    """A 40-hex git-style hash derived from ``text``.

    Examples:
        >>> len(revision("elasticio/timer@1"))
        40
    """
    return hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()


@attrs.define
class IdFactory:
    """Hands out 24-hex ids: the same sequence after every reset, ascending as created.

    Examples:
        >>> ids = IdFactory()
        >>> a, b = ids.next("user"), ids.next("user")
        >>> len(a), a < b
        (24, True)
    """

    count: int = 0

    def next(self, kind: str) -> str:
        self.count += 1
        tail = revision(f"{kind}:{self.count}")[:16]
        return f"{_FIRST_STAMP + self.count:08x}{tail}"
