"""One HTTP/1.1 connection: an `asyncio.Protocol` that buffers what arrives and wakes the
one request using it.

Everything that ends a connection (`close`) is synchronous, so no cancellation can leave
one half closed; reading waits on a future with a timer armed only while it waits.
"""

from __future__ import annotations

import asyncio
import select
from typing import cast

import httpx

__all__ = ["Link"]

# Reading pauses while this much has arrived unread (a body read slowly, or abandoned at
# the SDK's size cap): the buffer never holds much more than this.
_HIGH_WATER = 256 * 1024


class Link(asyncio.Protocol):
    """A connection to one origin; `origin` and `idle_since` are the pool's."""

    def __init__(self, loop: asyncio.AbstractEventLoop, origin: tuple[str, str, int]) -> None:
        self.loop = loop
        self.origin = origin
        self.buffer = bytearray()
        self.eof = False  # the server closed its side, or the connection is gone
        self.lost: BaseException | None = None  # the error that ended the connection
        self.idle_since = 0.0
        self._socket: asyncio.Transport | None = None
        self._waiter: asyncio.Future[None] | None = None
        self._drained: asyncio.Future[None] | None = None
        self._reading_paused = False

    # asyncio.Protocol

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._socket = cast(asyncio.Transport, transport)

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > _HIGH_WATER and not self._reading_paused:
            self._reading_paused = True
            if self._socket is not None:
                self._socket.pause_reading()
        self._wake()

    def eof_received(self) -> bool:
        self.eof = True
        self._wake()
        return False  # close the connection: nothing more is sent on it

    def connection_lost(self, exc: Exception | None) -> None:
        self.eof = True
        self.lost = exc
        self._wake()
        if self._drained is not None and not self._drained.done():
            self._drained.set_result(None)

    def pause_writing(self) -> None:
        self._drained = self.loop.create_future()

    def resume_writing(self) -> None:
        if self._drained is not None and not self._drained.done():
            self._drained.set_result(None)
        self._drained = None

    # used by the transport

    @property
    def usable(self) -> bool:
        """Open, nothing unread, and the server has not closed its side (as far as the
        event loop has seen)."""
        return not self.eof and not self.buffer and self._socket is not None

    def closed_unseen(self) -> bool:
        """Whether the socket has something to read that the event loop has not handed
        over yet: on an idle connection, the server's close (or bytes it should not have
        sent). A system call; the pool asks only of connections idle for a while."""
        raw = None if self._socket is None else self._socket.get_extra_info("socket")
        descriptor = -1 if raw is None else raw.fileno()
        if descriptor < 0:
            return True
        if hasattr(select, "poll"):
            poller = select.poll()
            poller.register(descriptor, select.POLLIN)
            return bool(poller.poll(0))
        return bool(select.select([descriptor], [], [], 0)[0])  # pragma: no cover (Windows)

    def consumed(self) -> None:
        """The reader took bytes out of the buffer: read more if reading was paused."""
        if self._reading_paused and len(self.buffer) <= _HIGH_WATER // 2:
            self._reading_paused = False
            if self._socket is not None and not self.eof:
                self._socket.resume_reading()

    async def write(self, data: bytes, patience: float | None, request: httpx.Request) -> None:
        """Send ``data``; wait, at most ``patience`` seconds, only if the socket's buffer is
        full."""
        if self.eof or self._socket is None:
            raise self._dropped(request, writing=True)
        self._socket.write(data)
        if self._drained is not None:
            try:
                async with asyncio.timeout(patience):
                    await asyncio.shield(self._drained)
            except TimeoutError as exc:
                raise httpx.WriteTimeout(
                    "the request could not be sent in time", request=request
                ) from exc
            if self.lost is not None or self.eof:
                raise self._dropped(request, writing=True)

    async def wait(self, patience: float | None, request: httpx.Request) -> None:
        """Wait, at most ``patience`` seconds, until more bytes arrive or the server closes.

        Raises:
            httpx.ReadTimeout: nothing arrived in time.
        """
        waiter = self._waiter = self.loop.create_future()
        timer = None if patience is None else self.loop.call_later(patience, _expire, waiter)
        try:
            await waiter
        except TimeoutError as exc:
            raise httpx.ReadTimeout("no answer from the server in time", request=request) from exc
        finally:
            self._waiter = None
            if timer is not None:
                timer.cancel()

    def _wake(self) -> None:
        waiter = self._waiter
        if waiter is not None and not waiter.done():
            waiter.set_result(None)

    def dropped(self, request: httpx.Request) -> httpx.TransportError:
        """The error for a connection that ended while an answer was awaited."""
        return self._dropped(request, writing=False)

    def _dropped(self, request: httpx.Request, *, writing: bool) -> httpx.TransportError:
        if isinstance(self.lost, OSError):
            kind = httpx.WriteError if writing else httpx.ReadError
            return kind(f"{type(self.lost).__name__}: {self.lost}", request=request)
        return httpx.RemoteProtocolError(
            "the server closed the connection without sending a complete answer",
            request=request,
        )

    def close(self) -> None:
        """Close the connection now (what is buffered to send is dropped)."""
        self.eof = True
        if self._socket is not None:
            self._socket.abort()

    def close_gently(self) -> None:
        """Close the connection after what is buffered to send has gone."""
        self.eof = True
        if self._socket is not None:
            self._socket.close()


def _expire(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():
        waiter.set_exception(TimeoutError())
