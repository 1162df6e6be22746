"""`DirectTransport`: the pool of `Link` connections and the httpx transport over it."""

from __future__ import annotations

import asyncio
import ssl
import time
from collections.abc import AsyncIterator, Callable

import httpcore
import httpx

from elasticio._direct.framing import (
    MAX_HEAD,
    ChunkedBody,
    Head,
    LengthBody,
    UntilCloseBody,
    head_end,
    parse_head,
    request_head,
)
from elasticio._direct.link import Link
from elasticio._slots import take_slot

__all__ = ["DirectTransport"]

_DEFAULT_PORTS = {"http": 80, "https": 443}
_Origin = tuple[str, str, int]
_Body = LengthBody | ChunkedBody | UntilCloseBody

# respx's global mock replaces this method; while it is replaced, requests go through
# httpx's own transport, so that `respx.mock` intercepts them as it intercepts httpx's.
_HTTPCORE_SEND = httpcore.AsyncConnectionPool.handle_async_request

# Idle this long, a connection is checked for a close the event loop has not seen yet.
_LOOK_AFTER = 0.5


class DirectTransport(httpx.AsyncBaseTransport):
    """HTTP/1.1 over asyncio's sockets: the `AsyncClient`'s default transport.

    At most ``max_connections`` requests use a connection at once (``None``: no cap); a
    request that waits longer than its pool timeout for one ends in `httpx.PoolTimeout`.
    At most ``max_keepalive_connections`` idle connections are kept, each for
    ``keepalive_expiry`` seconds. ``ssl_context`` defaults to httpx's (certifi's CAs,
    ``SSL_CERT_FILE``), made at the first ``https`` connection. It sends no proxy's
    requests: the client mounts httpx's transport for the proxies of the environment.
    ``clock`` measures how long a connection has been idle (tests pass a fake one). The
    transport belongs to the event loop of its first request.

    An `AsyncClient` given no ``transport`` makes one with a connection per concurrency
    slot; make your own for other pool limits or TLS settings:

    Examples:
        >>> import ssl
        >>> from elasticio import AsyncClient, DirectTransport
        >>> client = AsyncClient(
        ...     email="me@example.com",
        ...     api_key="key",
        ...     transport=DirectTransport(
        ...         max_connections=64, ssl_context=ssl.create_default_context()
        ...     ),
        ... )
    """

    def __init__(
        self,
        *,
        max_connections: int | None = 100,
        max_keepalive_connections: int | None = 20,
        keepalive_expiry: float = 5.0,
        ssl_context: ssl.SSLContext | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ssl = ssl_context
        self._slots = None if max_connections is None else asyncio.Semaphore(max_connections)
        self._keep = max_keepalive_connections
        self._expiry = keepalive_expiry
        self._clock = clock
        self._idle: dict[_Origin, list[Link]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False
        self._mocked_route: httpx.AsyncHTTPTransport | None = None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` and return its answer, the body still to be read."""
        if httpcore.AsyncConnectionPool.handle_async_request is not _HTTPCORE_SEND:
            return await self._through_httpx(request)
        loop = self._check_loop()
        origin = _origin_of(request.url)
        timeouts = request.extensions.get("timeout", {})
        if self._slots is not None:
            await take_slot(self._slots, timeouts.get("pool"), request)
        link: Link | None = None
        try:
            link = self._idle_link(origin) or await self._connect(loop, origin, timeouts, request)
            method = request.method.encode("ascii")
            await _send(link, request, timeouts.get("write"))
            head, body = await _read_head(link, method, timeouts.get("read"), request)
        except BaseException:
            if link is not None:
                link.close()
            if self._slots is not None:
                self._slots.release()
            raise
        return httpx.Response(
            status_code=head.status,
            headers=head.headers,
            stream=_Answer(self, link, body, head.keep_alive, timeouts.get("read"), request),
            extensions={
                "http_version": head.version,
                "reason_phrase": head.reason,
                "closes_at_once": True,  # no shield needed: see elasticio._shielded
            },
        )

    def _check_loop(self) -> asyncio.AbstractEventLoop:
        loop = asyncio.get_running_loop()
        if self._closed:
            raise RuntimeError("this DirectTransport is closed")
        if self._loop is None:
            self._loop = loop
        elif loop is not self._loop:
            raise RuntimeError("this DirectTransport belongs to another event loop")
        return loop

    def _idle_link(self, origin: _Origin) -> Link | None:
        """The most recently used idle connection to ``origin`` still fit for a request;
        the ones found closed or expired on the way are closed.

        The event loop reports a server's close of an idle connection by itself; one idle
        for more than `_LOOK_AFTER` seconds is also asked directly (a system call), in
        case the close arrived while the loop was busy, as httpcore asks of every idle
        connection: a request sent on a closed connection would fail after sending, where
        only an idempotent one may be tried again.
        """
        links = self._idle.get(origin)
        if not links:
            return None
        now = self._clock()
        while links:
            link = links.pop()
            idle = now - link.idle_since
            fresh = link.usable and idle < self._expiry
            if fresh and (idle <= _LOOK_AFTER or not link.closed_unseen()):
                return link
            link.close()
        return None

    async def _connect(
        self,
        loop: asyncio.AbstractEventLoop,
        origin: _Origin,
        timeouts: dict[str, float | None],
        request: httpx.Request,
    ) -> Link:
        scheme, host, port = origin
        link = Link(loop, origin)
        context = self._tls() if scheme == "https" else None
        try:
            async with asyncio.timeout(timeouts.get("connect")):
                await loop.create_connection(
                    lambda: link, host, port, ssl=context, server_hostname=host if context else None
                )
        except TimeoutError as exc:
            link.close()
            raise httpx.ConnectTimeout(
                f"no connection to {host}:{port} in time", request=request
            ) from exc
        except OSError as exc:  # DNS, refused, unreachable, TLS (ssl.SSLError is an OSError)
            link.close()
            raise httpx.ConnectError(f"{type(exc).__name__}: {exc}", request=request) from exc
        except BaseException:
            link.close()
            raise
        return link

    def _tls(self) -> ssl.SSLContext:
        if self._ssl is None:
            self._ssl = httpx.create_ssl_context()
        return self._ssl

    def give_back(self, link: Link) -> None:
        """Keep ``link`` for a later request to its origin, or close it if the pool is full."""
        if self._closed or not link.usable:
            link.close()
            return
        if self._keep is not None and sum(map(len, self._idle.values())) >= self._keep:
            oldest = min(
                (links for links in self._idle.values() if links),
                key=lambda links: links[0].idle_since,
                default=None,
            )
            if oldest is None:  # no connection may be kept (max_keepalive_connections=0)
                link.close()
                return
            oldest.pop(0).close()
        link.idle_since = self._clock()
        self._idle.setdefault(link.origin, []).append(link)

    def release(self) -> None:
        """A request is done with its connection: its slot is free."""
        if self._slots is not None:
            self._slots.release()

    async def _through_httpx(self, request: httpx.Request) -> httpx.Response:
        if self._mocked_route is None:
            self._mocked_route = httpx.AsyncHTTPTransport()
        return await self._mocked_route.handle_async_request(request)

    async def aclose(self) -> None:
        """Close every idle connection; connections in use close when their answer does."""
        self._closed = True
        for links in self._idle.values():
            for link in links:
                link.close_gently()
        self._idle.clear()
        if self._mocked_route is not None:
            await self._mocked_route.aclose()


def _origin_of(url: httpx.URL) -> _Origin:
    scheme = url.scheme
    if scheme not in _DEFAULT_PORTS:
        raise httpx.UnsupportedProtocol(f"the URL scheme {scheme!r} is not http or https")
    if not url.raw_host:
        raise httpx.UnsupportedProtocol(f"the URL {url} has no host")
    # The host as it goes on the wire: an international name in its ASCII (IDNA) form.
    return scheme, url.raw_host.decode("ascii"), url.port or _DEFAULT_PORTS[scheme]


async def _send(link: Link, request: httpx.Request, patience: float | None) -> None:
    """Write ``request``: its head and body at once when the body is in memory, else the
    head and then the body's chunks as its stream yields them."""
    head = request_head(request)
    try:
        content: bytes | None = request.content
    except httpx.RequestNotRead:
        content = None
    if content is not None:
        await link.write(head + content, patience, request)
        return
    if not isinstance(request.stream, httpx.AsyncByteStream):
        raise TypeError("DirectTransport sends only a request with an async body stream")
    await link.write(head, patience, request)
    chunked = request.headers.get("transfer-encoding", "").lower() == "chunked"
    async for part in request.stream:
        if part:
            framed = b"%x\r\n%s\r\n" % (len(part), part) if chunked else part
            await link.write(framed, patience, request)
    if chunked:
        await link.write(b"0\r\n\r\n", patience, request)


async def _read_head(
    link: Link, method: bytes, patience: float | None, request: httpx.Request
) -> tuple[Head, _Body]:
    """Wait for the answer's head (interim 1xx answers skipped) and its body's framing."""
    buffer = link.buffer
    while True:
        end, body_start = head_end(buffer)
        if end == -1:
            if len(buffer) > MAX_HEAD:
                raise httpx.RemoteProtocolError(
                    f"the server's answer head is longer than {MAX_HEAD} bytes", request=request
                )
            if link.eof:
                raise link.dropped(request)
            await link.wait(patience, request)
            continue
        raw = bytes(buffer[:end])
        del buffer[:body_start]
        try:
            head = parse_head(raw, method=method)
        except httpx.RemoteProtocolError as exc:
            exc.request = request
            raise
        if head.status == 101:
            raise httpx.RemoteProtocolError(
                "the server switched protocols unasked", request=request
            )
        if head.status >= 200:
            break
    link.consumed()
    body: _Body
    if head.chunked:
        body = ChunkedBody()
    elif head.length is not None:
        body = LengthBody(head.length)
    else:
        body = UntilCloseBody()
    return head, body


class _Answer(httpx.AsyncByteStream):
    """An answer's body as it arrives. Closing it (no await: no cancellation can cut it
    short) keeps the connection for another request if the body was read to its end and
    the server lets it stay open, closes it otherwise, and frees the slot."""

    def __init__(
        self,
        owner: DirectTransport,
        link: Link,
        body: _Body,
        keep_alive: bool,
        timeout: float | None,
        request: httpx.Request,
    ) -> None:
        self._owner = owner
        self._link = link
        self._body = body
        self._keep_alive = keep_alive and not isinstance(body, UntilCloseBody)
        self._timeout = timeout
        self._request = request
        self._closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        link, body = self._link, self._body
        try:
            while not body.done:
                if link.buffer:
                    unread = len(link.buffer)
                    chunk = body.take(link.buffer)
                    link.consumed()
                    if chunk:
                        yield chunk
                    if body.done or len(link.buffer) < unread:
                        continue
                    # What is left is the start of a chunk's framing: wait for the rest.
                if link.eof:
                    if isinstance(link.lost, OSError):
                        raise link.dropped(self._request)
                    body.at_close()
                    continue
                await link.wait(self._timeout, self._request)
        except httpx.RemoteProtocolError as exc:
            exc.request = self._request  # the framing's own errors know no request
            raise

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._body.done and self._keep_alive:
            self._owner.give_back(self._link)
        else:
            self._link.close()
        self._owner.release()
