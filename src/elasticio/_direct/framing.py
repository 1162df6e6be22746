"""HTTP/1.1 messages as bytes, with no I/O: a request written out, an answer's head read,
and the three ways its body can end (a length, chunks, the connection's close).

Strict where a mistake would hand the caller a wrong answer (a malformed status line, two
different lengths, a chunk size that is no number), lenient where h11, httpx's own parser,
is lenient too (a bare LF for a line end, spaces around a header's value).
"""

from __future__ import annotations

import re

import attrs
import httpx

__all__ = [
    "MAX_HEAD",
    "ChunkedBody",
    "Head",
    "LengthBody",
    "UntilCloseBody",
    "head_end",
    "parse_head",
    "request_head",
]

MAX_HEAD = 64 * 1024
"""The largest answer head read; a larger one is refused as a protocol error."""

# RFC 9110 5.6.2: a header name is a token.
_TOKEN = re.compile(rb"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")
_FORBIDDEN_IN_VALUE = re.compile(rb"[\r\n\x00]")
_STATUS = re.compile(rb"HTTP/1\.([01]) ([0-9]{3})(?: (.*))?")
_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,16}")
_LENGTH = re.compile(rb"[0-9]{1,18}")  # more digits than any body this side of an exabyte
_NO_BODY_STATUS = frozenset({204, 304})


def request_head(request: httpx.Request) -> bytes:
    """The request line and headers of ``request``, as they go on the wire.

    Raises:
        httpx.LocalProtocolError: a header name that is no token, or a value holding a line
            break or NUL (a header injection).

    Examples:
        >>> request_head(httpx.Request("GET", "http://a.test/v2/flows?page%5Bsize%5D=5"))
        b'GET /v2/flows?page%5Bsize%5D=5 HTTP/1.1\\r\\nHost: a.test\\r\\n\\r\\n'
    """
    parts = [request.method.encode("ascii"), b" ", request.url.raw_path, b" HTTP/1.1\r\n"]
    for name, value in request.headers.raw:
        if _TOKEN.fullmatch(name) is None or _FORBIDDEN_IN_VALUE.search(value) is not None:
            raise httpx.LocalProtocolError(
                f"the request header {name!r} cannot be sent: illegal characters"
            )
        parts += (name, b": ", value, b"\r\n")
    parts.append(b"\r\n")
    return b"".join(parts)


def head_end(buffer: bytes | bytearray) -> tuple[int, int]:
    """Where the head in ``buffer`` ends and its body starts, or ``(-1, -1)`` if the head
    is not complete yet (a blank line ends it, after CRLF or a bare LF).

    Examples:
        >>> head_end(b"HTTP/1.1 200 OK\\r\\n\\r\\nbody")
        (15, 19)
        >>> head_end(b"HTTP/1.1 200 OK\\r\\n")
        (-1, -1)
    """
    crlf = buffer.find(b"\r\n\r\n")
    # A bare-LF blank line counts only before the CRLF one: not searched for in the body.
    lf = buffer.find(b"\n\n", 0, len(buffer) if crlf == -1 else crlf)
    if lf != -1:
        return lf, lf + 2
    if crlf != -1:
        return crlf, crlf + 4
    return -1, -1


@attrs.define(kw_only=True)
class Head:
    """An answer's status line and headers, and what they say about its body: its
    ``length`` (``None`` for chunks or until the close), whether it is ``chunked``, and
    whether the connection may serve another request (``keep_alive``)."""

    status: int
    reason: bytes
    version: bytes
    headers: list[tuple[bytes, bytes]]
    length: int | None
    chunked: bool
    keep_alive: bool


def _protocol_error(message: str) -> httpx.RemoteProtocolError:
    return httpx.RemoteProtocolError(f"the server's answer is malformed: {message}")


def parse_head(head: bytes, *, method: bytes) -> Head:
    """Read an answer's head (everything before the blank line) to a request of ``method``.

    Raises:
        httpx.RemoteProtocolError: a status line that is not HTTP/1.0 or 1.1, a header line
            without a colon or folded onto the previous one, an invalid or ambiguous length,
            or a transfer coding other than chunked.

    Examples:
        >>> head = parse_head(b"HTTP/1.1 200 OK\\r\\nContent-Length: 2", method=b"GET")
        >>> head.status, head.length, head.chunked, head.keep_alive
        (200, 2, False, True)
    """
    lines = head.split(b"\n")
    matched = _STATUS.fullmatch(lines[0].rstrip(b"\r"))
    if matched is None:
        raise _protocol_error(f"the status line {lines[0][:80]!r}")
    minor, code, reason = matched.groups()
    status = int(code)
    headers: list[tuple[bytes, bytes]] = []
    lengths: set[bytes] = set()
    codings = b""
    connection = b""
    for line in lines[1:]:
        line = line.rstrip(b"\r")
        name, colon, value = line.partition(b":")
        if not colon or _TOKEN.fullmatch(name) is None:
            raise _protocol_error(f"the header line {line[:80]!r}")
        value = value.strip(b" \t")
        headers.append((name, value))
        lowered = name.lower()
        if lowered == b"content-length":
            lengths.update(part.strip(b" \t") for part in value.split(b","))
        elif lowered == b"transfer-encoding":
            codings = codings + b"," + value if codings else value
        elif lowered == b"connection":
            connection = connection + b"," + value if connection else value
    keep_alive = minor == b"1" and b"close" not in {
        token.strip(b" \t").lower() for token in connection.split(b",")
    }
    length: int | None = None
    chunked = False
    if codings:
        # Any coding before the chunks (gzip, chunked) would reach the caller undecoded.
        if codings.strip(b" \t").lower() != b"chunked":
            raise _protocol_error(f"the transfer coding {codings[:80]!r} (only chunked is read)")
        chunked = True
    elif lengths:
        if len(lengths) != 1 or _LENGTH.fullmatch(next(iter(lengths))) is None:
            raise _protocol_error(f"the Content-Length {sorted(lengths)!r}"[:120])
        length = int(next(iter(lengths)))
    if method == b"HEAD" or status < 200 or status in _NO_BODY_STATUS:
        length, chunked = 0, False
    return Head(
        status=status,
        reason=reason or b"",
        version=b"HTTP/1." + minor,
        headers=headers,
        length=length,
        chunked=chunked,
        keep_alive=keep_alive,
    )


class LengthBody:
    """A body of a known length: `take` hands out its bytes as they arrive."""

    __slots__ = ("left",)

    def __init__(self, length: int) -> None:
        self.left = length

    @property
    def done(self) -> bool:
        return self.left == 0

    def take(self, buffer: bytearray) -> bytes:
        """The part of ``buffer`` that belongs to the body, removed from it."""
        size = min(self.left, len(buffer))
        chunk = bytes(buffer[:size])
        del buffer[:size]
        self.left -= size
        return chunk

    def at_close(self) -> None:
        """The connection closed: the body is complete only if nothing is missing."""
        if self.left:
            raise httpx.RemoteProtocolError(
                f"the server closed the connection with {self.left} bytes of the body unsent"
            )


class UntilCloseBody:
    """A body with neither length nor chunks: it ends when the server closes."""

    __slots__ = ("done",)

    def __init__(self) -> None:
        self.done = False

    def take(self, buffer: bytearray) -> bytes:
        chunk = bytes(buffer)
        buffer.clear()
        return chunk

    def at_close(self) -> None:
        self.done = True


class ChunkedBody:
    """A chunked body, decoded as its bytes arrive; trailers are read and dropped."""

    __slots__ = ("_left_in_chunk", "_state", "done")

    _SIZE, _DATA, _DATA_END, _TRAILERS = range(4)

    def __init__(self) -> None:
        self._state = self._SIZE
        self._left_in_chunk = 0
        self.done = False

    def take(self, buffer: bytearray) -> bytes:
        """The body bytes decodable from ``buffer``, the framing consumed with them."""
        out = bytearray()
        while not self.done:
            if self._state == self._DATA:
                size = min(self._left_in_chunk, len(buffer))
                if not size:
                    break
                out += buffer[:size]
                del buffer[:size]
                self._left_in_chunk -= size
                if not self._left_in_chunk:
                    self._state = self._DATA_END
                continue
            end = buffer.find(b"\n")
            if end == -1:
                if len(buffer) > MAX_HEAD:
                    raise _protocol_error("a chunk's size or trailer line is too long")
                break
            line = bytes(buffer[:end]).rstrip(b"\r")
            del buffer[: end + 1]
            if self._state == self._SIZE:
                size_text = line.split(b";", 1)[0].strip(b" \t")
                if _CHUNK_SIZE.fullmatch(size_text) is None:
                    raise _protocol_error(f"the chunk size {line[:40]!r}")
                self._left_in_chunk = int(size_text, 16)
                self._state = self._DATA if self._left_in_chunk else self._TRAILERS
            elif self._state == self._DATA_END:
                if line:
                    raise _protocol_error("a chunk longer than its size")
                self._state = self._SIZE
            elif not line:  # the blank line after the trailers
                self.done = True
        return bytes(out)

    def at_close(self) -> None:
        if not self.done:
            raise httpx.RemoteProtocolError(
                "the server closed the connection before the last chunk of the body"
            )
