"""elasticio._direct.framing: HTTP/1.1 heads and bodies read and written without I/O."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from elasticio._direct.framing import (
    ChunkedBody,
    LengthBody,
    UntilCloseBody,
    head_end,
    parse_head,
    request_head,
)


def test_a_request_head_carries_the_raw_target_and_every_header_in_order() -> None:
    request = httpx.Request(
        "POST",
        "http://a.test:8080/v2/flows/a%2Fb?x=1",
        headers={"X-One": "1", "Authorization": "Basic abc"},
        content=b"{}",
    )
    assert request_head(request) == (
        b"POST /v2/flows/a%2Fb?x=1 HTTP/1.1\r\nHost: a.test:8080\r\nX-One: 1\r\n"
        b"Authorization: Basic abc\r\nContent-Length: 2\r\n\r\n"
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        (b"X-Bad", b"a\r\nInjected: yes"),
        (b"X-Bad", b"a\nb"),
        (b"X-Bad", b"a\x00"),
        (b"X Bad", b"v"),
    ],
)
def test_a_header_that_would_break_the_head_is_refused(name: bytes, value: bytes) -> None:
    request = httpx.Request("GET", "http://a.test/")
    request.headers.raw  # noqa: B018 (the list is built on first access)
    request.headers._list.append((name, name.lower(), value))
    with pytest.raises(httpx.LocalProtocolError):
        request_head(request)


@pytest.mark.parametrize(
    "buffer", [b"HTTP/1.1 200 OK\r\nA: b\r\n\r\nrest", b"HTTP/1.1 200 OK\nA: b\n\nrest"]
)
def test_a_head_ends_at_its_blank_line_after_crlf_or_a_bare_lf(buffer: bytes) -> None:
    end, body_start = head_end(buffer)
    assert buffer[:end].replace(b"\r", b"") == b"HTTP/1.1 200 OK\nA: b"
    assert buffer[body_start:] == b"rest"


def test_a_head_without_its_blank_line_is_not_complete() -> None:
    assert head_end(b"HTTP/1.1 200 OK\r\nA: b\r\n") == (-1, -1)


def test_a_head_is_read_into_status_headers_and_framing() -> None:
    head = parse_head(
        b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
        b"Content-Length:  12 \r\nX-Empty:",
        method=b"POST",
    )
    assert (head.status, head.reason, head.version) == (201, b"Created", b"HTTP/1.1")
    assert head.headers == [
        (b"Content-Type", b"application/json"),
        (b"Content-Length", b"12"),
        (b"X-Empty", b""),
    ]
    assert (head.length, head.chunked, head.keep_alive) == (12, False, True)


@pytest.mark.parametrize(
    ("raw", "method", "framing"),
    [
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked", b"GET", (None, True)),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked", b"GET", (None, True)),
        (b"HTTP/1.1 200 OK", b"GET", (None, False)),  # until the connection closes
        (b"HTTP/1.1 200 OK\r\nContent-Length: 5", b"HEAD", (0, False)),
        (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked", b"HEAD", (0, False)),
        (b"HTTP/1.1 204 No Content", b"DELETE", (0, False)),
        (b"HTTP/1.1 304 Not Modified\r\nContent-Length: 9", b"GET", (0, False)),
        (b"HTTP/1.1 100 Continue", b"POST", (0, False)),
        (b"HTTP/1.1 200 OK\r\nContent-Length: 3, 3", b"GET", (3, False)),
    ],
)
def test_the_body_framing_follows_the_method_the_status_and_the_headers(
    raw: bytes, method: bytes, framing: tuple[int | None, bool]
) -> None:
    head = parse_head(raw, method=method)
    assert (head.length, head.chunked) == framing


@pytest.mark.parametrize(
    ("raw", "keep_alive"),
    [
        (b"HTTP/1.1 200 OK\r\nConnection: close", False),
        (b"HTTP/1.1 200 OK\r\nConnection: Upgrade, Close", False),
        (b"HTTP/1.0 200 OK", False),
        (b"HTTP/1.1 200 OK\r\nConnection: keep-alive", True),
    ],
)
def test_the_connection_stays_open_only_when_the_server_allows(
    raw: bytes, keep_alive: bool
) -> None:
    assert parse_head(raw, method=b"GET").keep_alive is keep_alive


@pytest.mark.parametrize(
    "raw",
    [
        b"HTTP/2 200 OK",
        b"HTTP/1.1 20 OK",
        b"ICY 200 OK",
        b"HTTP/1.1 200 OK\r\nNo colon here",
        b"HTTP/1.1 200 OK\r\nA: b\r\n folded: continuation",
        b"HTTP/1.1 200 OK\r\nBad Name: v",
        b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4",
        b"HTTP/1.1 200 OK\r\nContent-Length: -1",
        b"HTTP/1.1 200 OK\r\nContent-Length: 0x10",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip",
        # A coding under the chunks would hand the caller a body still encoded.
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked",
        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, chunked",
        b"HTTP/1.1 200 OK\r\nContent-Length: " + b"9" * 5000,  # past int()'s digit limit
        b"HTTP/1.1 200 OK\r\nContent-Length: 1" + b"0" * 18,
        b"HTTP/1.1 200 OK\r\nContent-Length: \xd9\xa3",  # an Arabic-Indic three
    ],
)
def test_a_malformed_head_is_a_protocol_error(raw: bytes) -> None:
    with pytest.raises(httpx.RemoteProtocolError):
        parse_head(raw, method=b"GET")


def test_a_length_body_takes_only_its_own_bytes() -> None:
    body, buffer = LengthBody(5), bytearray(b"abc")
    assert body.take(buffer) == b"abc"
    assert not body.done
    buffer += b"deHTTP/1.1"
    assert body.take(buffer) == b"de"
    assert body.done
    assert buffer == b"HTTP/1.1"


def test_a_length_body_cut_short_by_the_server_is_a_protocol_error() -> None:
    body = LengthBody(5)
    body.take(bytearray(b"ab"))
    with pytest.raises(httpx.RemoteProtocolError, match="3 bytes"):
        body.at_close()


def test_a_body_without_framing_ends_with_the_connection() -> None:
    body, buffer = UntilCloseBody(), bytearray(b"abc")
    assert body.take(buffer) == b"abc"
    assert not body.done
    body.at_close()
    assert body.done


CHUNKED = b"5;ext=1\r\nhello\r\n1\r\n \r\nB\r\nfrom chunks\r\n0\r\nTrailer: x\r\n\r\n"


@given(st.lists(st.integers(min_value=1, max_value=len(CHUNKED)), max_size=12))
def test_a_chunked_body_decodes_the_same_however_its_bytes_arrive(cuts: list[int]) -> None:
    body, buffer, out = ChunkedBody(), bytearray(), bytearray()
    start = 0
    for end in [*sorted(set(cuts)), len(CHUNKED)]:
        buffer += CHUNKED[start:end]
        start = end
        out += body.take(buffer)
    assert out == b"hello from chunks"
    assert body.done
    assert buffer == b""


def test_a_chunked_body_leaves_what_follows_it_in_the_buffer() -> None:
    body, buffer = ChunkedBody(), bytearray(b"1\r\na\r\n0\r\n\r\nnext")
    assert body.take(buffer) == b"a"
    assert body.done
    assert buffer == b"next"


@pytest.mark.parametrize("raw", [b"zz\r\n", b"2\r\nabc\r\n", b"-1\r\n", b"12345678901234567\r\n"])
def test_a_malformed_chunk_is_a_protocol_error(raw: bytes) -> None:
    with pytest.raises(httpx.RemoteProtocolError):
        ChunkedBody().take(bytearray(raw))


def test_a_chunked_body_cut_short_by_the_server_is_a_protocol_error() -> None:
    body = ChunkedBody()
    body.take(bytearray(b"5\r\nhel"))
    with pytest.raises(httpx.RemoteProtocolError, match="last chunk"):
        body.at_close()
