"""An httpx transport on aiohttp: the SDK's requests sent by aiohttp's HTTP/1.1 client.

Opt-in (the ``aiohttp`` extra: ``pip install '.[aiohttp]'`` in a checkout); httpx's own
transport stays the default. It sends what httpx built and nothing more: no redirect
followed, no cookie kept, no header of aiohttp's own, no body decompressed (httpx decodes
it, as with its own transport); proxies come from the environment as httpx reads them;
every failure is one of httpx's exceptions.
"""

from __future__ import annotations

import asyncio
import base64
import ssl
from collections.abc import AsyncIterator

import httpx

try:
    import aiohttp
    from multidict import CIMultiDict
    from yarl import URL
except ImportError as exc:
    raise ImportError(
        "elasticio.AiohttpTransport needs aiohttp, the 'aiohttp' extra: pip install '.[aiohttp]' "
        "in a checkout, or the wheel with [aiohttp]"
    ) from exc

from elasticio._aiohttp_errors import as_httpx_error
from elasticio._errors import ConfigurationError
from elasticio._pool import environment_proxy_map
from elasticio._slots import take_slot

__all__ = ["AiohttpTransport", "environment_proxies"]

# Headers aiohttp would add of its own accord; httpx already set those it wants.
_NOT_ADDED = ("Accept", "Accept-Encoding", "User-Agent", "Content-Type")


def environment_proxies() -> list[tuple[httpx._utils.URLPattern, httpx.Proxy | None]]:
    """The proxies ``HTTP_PROXY``, ``HTTPS_PROXY``, ``ALL_PROXY`` and ``NO_PROXY`` ask for,
    read as httpx reads them for a client of its own, most specific pattern first.

    Examples:
        >>> import os
        >>> saved = dict(os.environ)
        >>> os.environ.update(HTTP_PROXY="http://proxy:3128", NO_PROXY="internal")
        >>> [(p.pattern, proxy and str(proxy.url)) for p, proxy in environment_proxies()]
        [('all://*internal', None), ('http://', 'http://proxy:3128')]
        >>> os.environ.clear(); os.environ.update(saved)
    """
    resolved: list[tuple[httpx._utils.URLPattern, httpx.Proxy | None]] = []
    for pattern, proxy in environment_proxy_map().items():
        if proxy is not None and proxy.url.scheme not in ("http", "https"):
            raise ConfigurationError(
                f"AiohttpTransport cannot use the {proxy.url.scheme} proxy the environment "
                f"sets for {pattern}: only http and https proxies"
            )
        resolved.append((httpx._utils.URLPattern(pattern), proxy))
    return sorted(resolved, key=lambda item: item[0])


class AiohttpTransport(httpx.AsyncBaseTransport):
    """An `httpx.AsyncBaseTransport` on aiohttp, for `AsyncClient(transport=...)`.

    Cheaper per request than httpx's own transport when many requests are in flight
    (docs/performance.md has the figures and the trade-offs). ``max_connections`` caps
    the connections in use at once (give at least the client's ``max_concurrency``; a
    request that waits longer than the pool timeout for one ends in `httpx.PoolTimeout`);
    ``None`` sets no cap. Idle connections are closed after ``keepalive_expiry``
    seconds. ``ssl_context`` defaults to httpx's (certifi's CAs, ``SSL_CERT_FILE``);
    proxies come from the environment, read once here, unless ``trust_env=False``.
    There is no write timeout: the client's ``attempt_timeout`` bounds a
    request whose body will not go out. The transport belongs to the event loop of its
    first request; ``aclose`` (the client's) closes its aiohttp session.

    Examples:
        >>> from elasticio import AsyncClient, AiohttpTransport
        >>> client = AsyncClient(
        ...     email="me@example.com", api_key="key", transport=AiohttpTransport()
        ... )
    """

    def __init__(
        self,
        *,
        max_connections: int | None = 100,
        keepalive_expiry: float = 5.0,
        ssl_context: ssl.SSLContext | None = None,
        trust_env: bool = True,
    ) -> None:
        self._ssl = ssl_context if ssl_context is not None else httpx.create_ssl_context()
        self._keepalive_expiry = keepalive_expiry
        self._slots = None if max_connections is None else asyncio.Semaphore(max_connections)
        self._proxies = environment_proxies() if trust_env else []
        self._session: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._closed = False

    def proxy_for(self, url: httpx.URL) -> httpx.Proxy | None:
        """The proxy a request to ``url`` goes through, or None.

        Examples:
            >>> AiohttpTransport(trust_env=False).proxy_for(httpx.URL("http://a.test/"))
        """
        for pattern, proxy in self._proxies:
            if pattern.matches(url):
                return proxy
        return None

    def _open(self) -> aiohttp.ClientSession:
        loop = asyncio.get_running_loop()
        if self._closed:
            raise RuntimeError("this AiohttpTransport is closed")
        if self._session is None:
            self._loop = loop
            self._session = aiohttp.ClientSession(
                # The semaphore caps connections; aiohttp's own cap would only queue again.
                connector=aiohttp.TCPConnector(
                    limit=0, ssl=self._ssl, keepalive_timeout=self._keepalive_expiry
                ),
                cookie_jar=aiohttp.DummyCookieJar(),
                skip_auto_headers=_NOT_ADDED,
                auto_decompress=False,
                trust_env=False,
                timeout=aiohttp.ClientTimeout(total=None),
            )
            # aiohttp sends an idempotent request again, unasked and uncounted, when its
            # connection drops; retries are the SDK's policy to decide and to count.
            if hasattr(self._session, "_retry_connection"):
                self._session._retry_connection = False
        elif loop is not self._loop:
            raise RuntimeError(
                "this AiohttpTransport belongs to another event loop: make one per loop"
            )
        return self._session

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Send ``request`` and return its answer, the body still to be read."""
        session = self._open()
        timeouts = request.extensions.get("timeout", {})
        if self._slots is not None:
            await take_slot(self._slots, timeouts.get("pool"), request)
        try:
            answer = await self._send(session, request, timeouts)
        except BaseException:
            if self._slots is not None:
                self._slots.release()
            raise
        version = answer.version or aiohttp.HttpVersion11
        return httpx.Response(
            status_code=answer.status,
            headers=answer.raw_headers,
            stream=_Body(answer, self._slots, request),
            extensions={
                "http_version": f"HTTP/{version.major}.{version.minor}".encode(),
                "reason_phrase": (answer.reason or "").encode("ascii", "replace"),
            },
        )

    async def _send(
        self,
        session: aiohttp.ClientSession,
        request: httpx.Request,
        timeouts: dict[str, float | None],
    ) -> aiohttp.ClientResponse:
        headers = CIMultiDict(request.headers.multi_items())
        try:
            body: bytes | httpx.AsyncByteStream | None = request.content or None
        except httpx.RequestNotRead:
            body = request.stream  # type: ignore[assignment]
            # aiohttp frames a stream itself, and refuses to when the header is set already.
            headers.popall("Transfer-Encoding", None)
        proxy = self.proxy_for(request.url)
        proxy_headers = None if proxy is None else _proxy_headers(proxy)
        if proxy_headers is not None and request.url.scheme == "http":
            # Forwarded, not tunnelled: the proxy reads its headers from the request itself
            # (aiohttp sends proxy headers with a CONNECT only).
            headers.extend(proxy_headers)
            proxy_headers = None
        try:
            return await session.request(
                request.method,
                URL(str(request.url), encoded=True),
                headers=headers,
                data=body,
                allow_redirects=False,
                timeout=aiohttp.ClientTimeout(
                    total=None, connect=timeouts.get("connect"), sock_read=timeouts.get("read")
                ),
                proxy=None if proxy is None else str(proxy.url),
                proxy_headers=proxy_headers,
            )
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise as_httpx_error(exc, request) from exc

    async def aclose(self) -> None:
        """Close the aiohttp session and its connections."""
        self._closed = True
        if self._session is not None:
            await self._session.close()


def _proxy_headers(proxy: httpx.Proxy) -> CIMultiDict[str]:
    """The headers for ``proxy``: its own, and its credentials as httpx would send them."""
    headers = CIMultiDict(proxy.headers.multi_items())
    if proxy.raw_auth is not None:
        user, password = proxy.raw_auth
        token = base64.b64encode(user + b":" + password).decode("ascii")
        headers["Proxy-Authorization"] = f"Basic {token}"
    return headers


class _Body(httpx.AsyncByteStream):
    """An answer's body as aiohttp reads it; closing it gives its connection back (or
    closes it, if the body was not read to its end) and frees the slot, without awaiting."""

    def __init__(
        self,
        answer: aiohttp.ClientResponse,
        slots: asyncio.Semaphore | None,
        request: httpx.Request,
    ) -> None:
        self._answer = answer
        self._slots = slots
        self._request = request
        self._read = False
        self._closed = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._answer.content.iter_any():
                yield chunk
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise as_httpx_error(exc, self._request) from exc
        self._read = True

    async def aclose(self) -> None:
        if self._closed:
            return
        self._closed = True
        if self._read:
            self._answer.release()
        else:
            self._answer.close()
        if self._slots is not None:
            self._slots.release()
