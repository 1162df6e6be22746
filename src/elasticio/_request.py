"""An `httpx.Request` put together from headers already normalised.

``httpx.Request(method, url, headers=..., content=...)`` turns the headers into bytes
three times over (on the way in, once per default it adds, and once more to put ``Host``
first) and looks each default up by a scan of them all: two thirds of building one of the
SDK's requests. The SDK's headers are an `httpx.Headers` already, so `assemble` adds the
same defaults in the same places and hands httpx the finished request with ``stream=``,
the way httpx itself rebuilds a request it sends again. ``tests/test_request.py`` holds
both ways to the same request.
"""

from __future__ import annotations

import httpx

__all__ = ["assemble"]

_SIZED_METHODS = frozenset({"POST", "PUT", "PATCH"})  # an empty one says Content-Length: 0


def assemble(
    method: str, url: httpx.URL, headers: httpx.Headers, content: bytes | None
) -> httpx.Request:
    """The request ``httpx.Request(method, url, headers=headers, content=content)`` makes:
    ``Host`` first, ``Content-Length`` where httpx puts it, the body already read.

    Examples:
        >>> request = assemble(
        ...     "POST", httpx.URL("https://api.example.com/v2/flows"), httpx.Headers(), b"{}"
        ... )
        >>> request.headers.raw
        [(b'Host', b'api.example.com'), (b'Content-Length', b'2')]
    """
    method = method.upper()
    raw = headers.raw
    names = {name.lower() for name, _ in raw}
    front: list[tuple[bytes, bytes]] = []
    if b"host" not in names:
        front.append((b"Host", url.netloc))
    if not content:  # httpx sends an empty body as no body at all
        content = b""
        if (
            method in _SIZED_METHODS
            and b"content-length" not in names
            and b"transfer-encoding" not in names
        ):
            front.append((b"Content-Length", b"0"))
    elif b"content-length" not in names:
        raw.append((b"Content-Length", str(len(content)).encode("ascii")))
    if front:
        raw = front + raw
    # Bytes in, bytes kept: httpx only checks their type and lowers each name.
    request = httpx.Request(
        method, url, headers=httpx.Headers(raw), stream=httpx.ByteStream(content)
    )
    request.read()
    return request
