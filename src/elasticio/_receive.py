"""One attempt's exchange: send the request, read the answer's body up to a size limit.

httpx's own ``send`` reads a body whole, however large it grows once decompressed;
here it is streamed, counted as it is decoded, and abandoned at the limit.

Over the SDK's own `DirectTransport` (`receive_direct`) the request goes to the transport
as it is, without ``httpx.AsyncClient.send``: that client would only add the Basic
credentials (set here instead), run the SDK's own response hook (which such an answer
needs not) and check a redirect's ``Location`` (checked here the same way); it follows no
redirect and keeps no cookie for the SDK.
"""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator

import httpx

from elasticio._direct.transport import DirectTransport
from elasticio._errors import APIProtocolError, ResponseTooLargeError

__all__ = ["DEFAULT_MAX_RESPONSE_SIZE", "basic_authorization", "receive", "receive_direct"]

DEFAULT_MAX_RESPONSE_SIZE = 64 * 1024 * 1024
"""The largest response body, in decoded bytes, a client reads unless told otherwise."""


async def receive(
    http: httpx.AsyncClient,
    request: httpx.Request,
    *,
    auth: httpx.Auth,
    max_size: int | None,
) -> httpx.Response:
    """Send ``request`` (never following a redirect) and read the whole answer, at most
    ``max_size`` decoded bytes of body (``None``: no limit). The response is closed, its
    connection released, whether the body was read or refused.

    Raises:
        ResponseTooLargeError: the decoded body grew past ``max_size``; reading stopped there
            (a compression bomb inflates at most one network read past the limit).
        APIProtocolError: the answer is a redirect whose ``Location`` is no valid URL.
        httpx.TransportError: as ``httpx.AsyncClient.send``, for the retry policy to judge.
    """
    method, url = request.method, str(request.url)
    try:
        response = await http.send(request, auth=auth, follow_redirects=False, stream=True)
    except httpx.RemoteProtocolError as exc:
        # httpx parses the Location of every redirect, followed or not, and reports one it
        # cannot parse as if the connection had failed; the server did answer, wrongly.
        if isinstance(exc.__context__, httpx.InvalidURL):
            raise _bad_location(method, url, exc.__context__) from exc
        raise
    await _read_capped(response, response.aiter_bytes(), max_size)
    return response


async def receive_direct(
    transport: DirectTransport,
    request: httpx.Request,
    *,
    authorization: str,
    max_size: int | None,
) -> httpx.Response:
    """`receive`, through ``transport`` alone: the same answer, body and errors.

    Raises:
        ResponseTooLargeError: as `receive`.
        APIProtocolError: as `receive`.
        httpx.TransportError: as `receive`.
    """
    request.headers["Authorization"] = authorization
    response = await transport.handle_async_request(request)
    response.request = request
    if response.has_redirect_location:
        try:
            httpx.URL(response.headers["Location"])
        except httpx.InvalidURL as exc:
            await response.aclose()
            raise _bad_location(request.method, str(request.url), exc) from exc
    if "content-encoding" in response.headers:
        chunks = response.aiter_bytes()
    else:  # the body as it came is the body: no decoder to pass it through
        chunks = aiter(response.stream)  # type: ignore[arg-type]
    await _read_capped(response, chunks, max_size)
    return response


async def _read_capped(
    response: httpx.Response, chunks: AsyncIterator[bytes], max_size: int | None
) -> None:
    """Read ``chunks`` (``response``'s decoded body) into ``response.content``, at most
    ``max_size`` bytes; ``response`` is closed, its connection released, either way."""
    try:
        parts: list[bytes] = []
        size = 0
        async for chunk in chunks:
            size += len(chunk)
            if max_size is not None and size > max_size:
                request = response.request
                raise ResponseTooLargeError(
                    f"{request.method} {request.url}: the {response.status_code} response "
                    f"body is larger than max_response_size ({max_size} bytes); it was not "
                    "read further",
                    limit=max_size,
                    method=request.method,
                    url=str(request.url),
                    status_code=response.status_code,
                )
            parts.append(chunk)
    finally:
        await response.aclose()
    # What httpx's own read() does with the body it has read: ``response.content`` is it.
    response._content = b"".join(parts)


def _bad_location(method: str, url: str, exc: httpx.InvalidURL) -> APIProtocolError:
    return APIProtocolError(
        f"{method} {url}: the server redirected to a Location that is no valid URL ({exc})",
        method=method,
        url=url,
    )


def basic_authorization(email: str, api_key: str) -> str:
    """The ``Authorization`` header's value for the platform's Basic credentials, as
    `httpx.BasicAuth` writes it (UTF-8, base64).

    Examples:
        >>> basic_authorization("me@example.com", "key")
        'Basic bWVAZXhhbXBsZS5jb206a2V5'
    """
    token = base64.b64encode(f"{email}:{api_key}".encode()).decode("ascii")
    return f"Basic {token}"
