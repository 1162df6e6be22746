"""One attempt's exchange: send the request, read the answer's body up to a size limit.

httpx's own ``send`` reads a body whole, however large it grows once decompressed;
here it is streamed, counted as it is decoded, and abandoned at the limit.
"""

from __future__ import annotations

import httpx

from elasticio._errors import APIProtocolError, ResponseTooLargeError

__all__ = ["DEFAULT_MAX_RESPONSE_SIZE", "receive"]

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
            raise APIProtocolError(
                f"{method} {url}: the server redirected to a Location that is no valid URL "
                f"({exc.__context__})",
                method=method,
                url=url,
            ) from exc
        raise
    try:
        chunks: list[bytes] = []
        size = 0
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if max_size is not None and size > max_size:
                raise ResponseTooLargeError(
                    f"{method} {url}: the {response.status_code} response body is larger "
                    f"than max_response_size ({max_size} bytes); it was not read further",
                    limit=max_size,
                    method=method,
                    url=url,
                    status_code=response.status_code,
                )
            chunks.append(chunk)
    finally:
        await response.aclose()
    # What httpx's own read() does with the body it has read: ``response.content`` is it.
    response._content = b"".join(chunks)
    return response
