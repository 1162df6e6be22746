"""The emulator's request log: the most recent requests, and counts of them all."""

from __future__ import annotations

import collections
from collections.abc import Iterator, Sequence
from typing import overload

import attrs

__all__ = ["RecordedRequest", "RequestLog"]


@attrs.frozen(kw_only=True)
class RecordedRequest:
    """One request the emulator received; ``status`` is None for a dropped connection.

    ``entry`` names the catalog entry the request was routed to (``"flows.get"``) and
    ``route`` its ``"METHOD /template"``; both are None for a path no entry serves.
    """

    method: str
    path: str
    query: str
    user: str | None
    entry: str | None
    route: str | None
    status: int | None


class RequestLog(Sequence[RecordedRequest]):
    """The last ``size`` requests, oldest first, and counters over every request since
    the last `clear`, so that a long load test does not grow the emulator's memory.

    It reads as a list of [`RecordedRequest`][elasticio.testing.RecordedRequest]
    (``len``, indexing, slicing, iteration, ``==`` with a list); `total`, `statuses`
    and `entries` count the requests the ring no longer holds too.

    Examples:
        >>> log = RequestLog(size=2)
        >>> for status in (200, 429, 200):
        ...     log.append(RecordedRequest(method="GET", path="/v2/users/me", query="",
        ...                user=None, entry="users.me", route=None, status=status))
        >>> [r.status for r in log], log.total, log.statuses[200]
        ([429, 200], 3, 2)
    """

    def __init__(self, *, size: int) -> None:
        self._ring: collections.deque[RecordedRequest] = collections.deque(maxlen=size)
        self.total = 0
        """Requests received since the log was made or cleared."""
        self.statuses: collections.Counter[int | None] = collections.Counter()
        """Requests by answer status (None: no answer, e.g. a dropped connection)."""
        self.entries: collections.Counter[str | None] = collections.Counter()
        """Requests by catalog entry name (None: a path no entry serves)."""

    @property
    def size(self) -> int:
        """How many recent requests the log holds at most."""
        return self._ring.maxlen or 0

    @size.setter
    def size(self, size: int) -> None:
        if size < 1:
            raise ValueError(f"the request log holds at least one request, not {size}")
        if size != self._ring.maxlen:
            self._ring = collections.deque(self._ring, maxlen=size)

    def append(self, request: RecordedRequest) -> None:
        """Record ``request``, forgetting the oldest one when the log is full."""
        self._ring.append(request)
        self.total += 1
        self.statuses[request.status] += 1
        self.entries[request.entry] += 1

    def clear(self) -> None:
        """Forget every request and reset the counters."""
        self._ring.clear()
        self.total = 0
        self.statuses.clear()
        self.entries.clear()

    @overload
    def __getitem__(self, index: int) -> RecordedRequest: ...

    @overload
    def __getitem__(self, index: slice) -> list[RecordedRequest]: ...

    def __getitem__(self, index: int | slice) -> RecordedRequest | list[RecordedRequest]:
        if isinstance(index, slice):
            return list(self._ring)[index]
        return self._ring[index]

    def __iter__(self) -> Iterator[RecordedRequest]:
        return iter(self._ring)

    def __len__(self) -> int:
        return len(self._ring)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RequestLog | list | tuple):
            return list(self._ring) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        # Safe on a half-built log too (a traceback formatted with its locals).
        ring, total = getattr(self, "_ring", ()), getattr(self, "total", 0)
        return f"<RequestLog of {len(ring)} recent requests, {total} in all>"
