"""Closing a response where no cancellation can interrupt it.

httpcore gives a connection back to its pool in the response stream's ``aclose``, and
that method awaits (a lock, a socket close) before it takes the request off the pool's
books. Its own shield against cancellation works for anyio and trio scopes, not for
``Task.cancel()``: a plain asyncio cancellation landing there (a task cancelled just as
its body finished arriving) leaves the connection checked out for good, and once
``max_connections`` are lost every later request ends in ``PoolTimeout``.

The SDK therefore hands every response of the pools it builds a stream whose ``aclose``
runs in a task of its own and is only awaited through `asyncio.shield`: the caller may be
cancelled while waiting, the close still finishes. And `settled` lets an attempt end only
once the closes it began are over, so the attempt's concurrency slot (and with it the
right to a pooled connection) is not handed on while its connection is still busy; a
request that had to queue for a connection could otherwise, cancelled at the wrong
moment, strand a fresh connection that the pool never uses or closes again.

One more moment is fragile: a connection just made (TCP connected, TLS done) that has not
yet taken its first request. Cancelled there, httpcore keeps it in the pool, neither idle
nor closed, for ever. `CancelGuard` follows an attempt through httpcore's ``trace``
extension and holds a cancellation back until that moment has passed (one step of the
event loop, no I/O in between).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextvars import ContextVar
from typing import TypeVar

import httpx

__all__ = ["CancelGuard", "settled", "shield_close"]

T = TypeVar("T")

# Closes under way, kept referenced until they end (the loop holds tasks only weakly).
_closing: set[asyncio.Task[None]] = set()
# The closes begun within the current `settled` call.
_begun: ContextVar[list[asyncio.Task[None]] | None] = ContextVar("_begun", default=None)


class _ShieldedStream(httpx.AsyncByteStream):
    """A response stream whose close always runs to its end."""

    def __init__(self, inner: httpx.AsyncByteStream) -> None:
        self._inner = inner
        self._close: asyncio.Task[None] | None = None

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            yield chunk

    async def aclose(self) -> None:
        if self._close is None:
            self._close = asyncio.create_task(self._inner.aclose())
            _closing.add(self._close)
            self._close.add_done_callback(_closing.discard)
            begun = _begun.get()
            if begun is not None:
                begun.append(self._close)
        await asyncio.shield(self._close)


async def shield_close(response: httpx.Response) -> None:
    """An httpx response hook: make ``response``'s close immune to cancellation (a
    transport whose close never awaits says so in the ``closes_at_once`` extension)."""
    if response.extensions.get("closes_at_once"):
        return
    if isinstance(response.stream, httpx.AsyncByteStream):
        response.stream = _ShieldedStream(response.stream)


# httpcore trace events after which a cancellation would strand the connection.
_FRAGILE_AFTER = frozenset({"connection.connect_tcp.complete", "connection.start_tls.complete"})


class CancelGuard:
    """Cancels one attempt's task, but never inside httpcore's fragile moment.

    Pass `trace` as the request's ``trace`` extension; call `cancel` instead of
    ``task.cancel()``.
    """

    def __init__(self) -> None:
        self._fragile = False
        self._task: asyncio.Task[object] | None = None

    async def trace(self, event: str, info: object) -> None:
        """httpcore's trace callback: a connection just made is fragile until the next
        event (TLS starting, or the request taking the connection)."""
        self._fragile = event in _FRAGILE_AFTER
        if not self._fragile and self._task is not None:
            self._task.cancel()
            self._task = None

    def cancel(self, task: asyncio.Task[T]) -> None:
        """Cancel ``task`` now, or as soon as it has left the fragile moment."""
        if self._fragile:
            self._task = task
        else:
            task.cancel()


async def settled(call: Callable[[], Awaitable[T]]) -> T:
    """Await ``call()``; return or raise only after every response close it began is over."""
    begun: list[asyncio.Task[None]] = []
    token = _begun.set(begun)
    try:
        return await call()
    finally:
        _begun.reset(token)
        if begun:
            try:
                await asyncio.wait(begun)
            except asyncio.CancelledError:
                await asyncio.wait(begun)  # the closes still end before this task does
                raise
