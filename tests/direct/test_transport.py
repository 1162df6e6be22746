"""DirectTransport over loopback sockets: connections kept and reused, answers framed every
way HTTP/1.1 allows, every failure one of httpx's exceptions, nothing left open.

The behaviours it shares with httpx's own transport and AiohttpTransport (dropped
connections, cancellation, time limits, size caps) are tested over all three in
tests/test_transport.py, tests/test_cancellation.py and tests/test_response_size.py.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import socket
import threading
from collections.abc import AsyncIterator

import httpx
import pytest
import respx
from hypothesis import given, settings
from hypothesis import strategies as st

from elasticio import AsyncClient
from elasticio._direct.transport import DirectTransport, _origin_of
from elasticio._pool import environment_proxy_mounts, new_http_client
from tests._support.clock import FakeClock
from tests._support.offline import API_KEY, EMAIL
from tests._support.recorder import OK, Serve, answer
from tests._support.recorder import exchange as exchange_whole

GUARD = 10.0  # a safety net against a hanging test, never reached when the code is right


@pytest.fixture
async def transport(clock: FakeClock) -> AsyncIterator[DirectTransport]:
    made = DirectTransport(max_connections=2, clock=clock)
    yield made
    await made.aclose()


async def exchange(
    transport: DirectTransport, url: str, *, method: str = "GET", read: float = GUARD
) -> httpx.Response:
    """One request through ``transport`` alone, its answer read whole and closed."""
    timeouts = {"connect": GUARD, "read": read, "write": GUARD, "pool": 0.05}
    request = httpx.Request(method, url, extensions={"timeout": timeouts})
    async with asyncio.timeout(GUARD):
        return await exchange_whole(transport, request)


async def test_one_connection_serves_requests_one_after_another(
    serve_recording: Serve, transport: DirectTransport
) -> None:
    recorder, base_url = await serve_recording(lambda head: answer())
    for _ in range(3):
        assert (await exchange(transport, f"{base_url}/")).content == OK
    assert len(recorder.writers) == 1


async def test_a_connection_the_server_closed_while_idle_is_not_used_again(
    serve_recording: Serve, transport: DirectTransport
) -> None:
    recorder, base_url = await serve_recording(lambda head: answer(), hang_up=True)
    await exchange(transport, f"{base_url}/")
    (kept,) = [link for links in transport._idle.values() for link in links]
    async with asyncio.timeout(GUARD):
        while not kept.eof:  # noqa: ASYNC110 (turns of the loop until the close arrives)
            await asyncio.sleep(0)
    assert (await exchange(transport, f"{base_url}/")).content == OK
    assert len(recorder.writers) == 2


async def test_an_idle_connection_past_its_keepalive_expiry_is_closed(
    serve_recording: Serve, clock: FakeClock
) -> None:
    recorder, base_url = await serve_recording(lambda head: answer())
    transport = DirectTransport(keepalive_expiry=5.0, clock=clock)
    await exchange(transport, f"{base_url}/")
    clock.advance(4.9)
    await exchange(transport, f"{base_url}/")
    clock.advance(5.0)
    await exchange(transport, f"{base_url}/")
    await transport.aclose()
    assert len(recorder.writers) == 2


async def test_an_answer_that_asks_for_the_close_is_not_kept(
    serve_recording: Serve, transport: DirectTransport
) -> None:
    recorder, base_url = await serve_recording(
        lambda head: answer(headers=b"Connection: close\r\n")
    )
    for _ in range(2):
        await exchange(transport, f"{base_url}/")
    assert len(recorder.writers) == 2


@pytest.mark.parametrize(
    ("reply", "body"),
    [
        (
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
            b"3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
            b"abcde",
        ),
        (b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", b"ok"),
        (b"HTTP/1.0 200 OK\r\n\r\nuntil the close", b"until the close"),
        (b"HTTP/1.1 200 OK\nContent-Length: 2\n\nlf", b"lf"),
    ],
    ids=["chunked", "interim-100", "until-close", "bare-lf"],
)
async def test_every_framing_of_an_answer_is_read_whole(
    serve_recording: Serve, transport: DirectTransport, reply: bytes, body: bytes
) -> None:
    _, base_url = await serve_recording(lambda head: reply, hang_up=reply.startswith(b"HTTP/1.0"))
    response = await exchange(transport, f"{base_url}/")
    assert (response.status_code, response.content) == (200, body)


async def test_a_large_body_arrives_whole_through_the_paused_reads(
    serve_recording: Serve, transport: DirectTransport
) -> None:
    body = bytes(range(256)) * 8192  # 2 MiB: reading pauses and resumes on the way
    _, base_url = await serve_recording(lambda head: answer(body))
    assert (await exchange(transport, f"{base_url}/")).content == body
    assert (await exchange(transport, f"{base_url}/")).content == body


async def test_a_head_past_the_limit_is_a_protocol_error(
    serve_recording: Serve, transport: DirectTransport
) -> None:
    _, base_url = await serve_recording(lambda head: b"HTTP/1.1 200 OK\r\nX: " + b"a" * 70_000)
    with pytest.raises(httpx.RemoteProtocolError, match="longer than"):
        await exchange(transport, f"{base_url}/")


async def test_a_silent_server_is_a_read_timeout_and_the_slot_is_freed(
    serve_recording: Serve, clock: FakeClock
) -> None:
    answered = iter([None, answer()])
    recorder, base_url = await serve_recording(lambda head: next(answered))
    transport = DirectTransport(max_connections=1, clock=clock)
    with pytest.raises(httpx.ReadTimeout):
        await exchange(transport, f"{base_url}/", read=0.05)
    assert (await exchange(transport, f"{base_url}/")).content == OK
    await transport.aclose()
    assert len(recorder.writers) == 2  # the timed-out connection was not used again


async def test_no_free_connection_within_the_pool_timeout_is_a_pool_timeout(
    serve_recording: Serve, clock: FakeClock
) -> None:
    _, base_url = await serve_recording(lambda head: answer())
    transport = DirectTransport(max_connections=1, clock=clock)
    held = await transport.handle_async_request(httpx.Request("GET", f"{base_url}/"))
    with pytest.raises(httpx.PoolTimeout):
        await exchange(transport, f"{base_url}/")
    await held.aclose()
    assert (await exchange(transport, f"{base_url}/")).content == OK
    await transport.aclose()


async def test_an_answer_closed_before_its_end_closes_its_connection(
    serve_recording: Serve, transport: DirectTransport
) -> None:
    recorder, base_url = await serve_recording(lambda head: answer(b"x" * 1_000_000))
    response = await transport.handle_async_request(httpx.Request("GET", f"{base_url}/"))
    async for _ in response.aiter_raw():
        break
    await response.aclose()
    await exchange(transport, f"{base_url}/")
    assert len(recorder.writers) == 2


async def test_a_request_cancelled_while_waiting_closes_its_connection(
    serve_recording: Serve, clock: FakeClock
) -> None:
    recorder, base_url = await serve_recording(
        lambda head: None if len(recorder.seen) == 1 else answer()
    )
    transport = DirectTransport(max_connections=1, clock=clock)
    waiting = asyncio.create_task(exchange(transport, f"{base_url}/"))
    async with asyncio.timeout(GUARD):
        while not recorder.seen:  # noqa: ASYNC110 (turns of the loop until the request is in)
            await asyncio.sleep(0)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    assert (await exchange(transport, f"{base_url}/")).content == OK  # the slot is free
    await transport.aclose()
    assert len(recorder.writers) == 2


@pytest.mark.parametrize("url", ["ftp://a.test/", "http:///no-host"])
async def test_a_url_it_cannot_reach_is_an_unsupported_protocol(
    transport: DirectTransport, url: str
) -> None:
    with pytest.raises(httpx.UnsupportedProtocol):
        await transport.handle_async_request(httpx.Request("GET", url))


async def test_a_refused_connection_is_a_connect_error(transport: DirectTransport) -> None:
    with socket.socket() as bound:  # bound, not listening: a connection is refused
        bound.bind(("127.0.0.1", 0))
        with pytest.raises(httpx.ConnectError):
            await exchange(transport, f"http://127.0.0.1:{bound.getsockname()[1]}/")


async def test_a_closed_transport_refuses_requests(transport: DirectTransport) -> None:
    await transport.aclose()
    with pytest.raises(RuntimeError, match="closed"):
        await transport.handle_async_request(httpx.Request("GET", "http://a.test/"))


def test_the_transport_belongs_to_the_loop_of_its_first_request(
    transport: DirectTransport, serve_recording: Serve
) -> None:
    async def first() -> None:
        transport._check_loop()

    asyncio.run(first())
    with pytest.raises(RuntimeError, match="another event loop"):
        asyncio.run(first())


async def test_the_global_respx_mock_intercepts_the_default_client() -> None:
    """While respx patches httpcore, the requests go through httpx's transport, where it
    intercepts them as it does for any httpx client."""
    with respx.mock(assert_all_called=True) as mock:
        mock.get("https://api.elastic.io/v2/users/me").respond(
            json={"data": {"type": "user", "id": "u1", "attributes": {}}}
        )
        async with AsyncClient(email=EMAIL, api_key=API_KEY) as client:
            assert (await client.users.me()).id == "u1"


@pytest.mark.parametrize(
    "environment",
    [
        {"HTTP_PROXY": "http://proxy:3128"},
        {"HTTPS_PROXY": "http://proxy:3128", "NO_PROXY": "internal,10.0.0.1"},
        {"ALL_PROXY": "http://proxy:3128"},
        {},
    ],
)
def test_the_proxies_of_the_environment_are_mounted_as_httpx_mounts_them(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str]
) -> None:
    for name in list(os.environ):
        if name.lower().endswith("_proxy"):
            monkeypatch.delenv(name)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    ours = new_http_client(transport=None, timeout=httpx.Timeout(5), max_concurrency=4)
    theirs = httpx.AsyncClient()
    assert {(p.pattern, type(t)) for p, t in ours._mounts.items()} == {
        (p.pattern, type(t)) for p, t in theirs._mounts.items()
    }
    assert isinstance(ours._transport, DirectTransport)
    assert set(environment_proxy_mounts(httpx.Limits())) == {p.pattern for p in ours._mounts}


class OneAnswerPerConnection:
    """A server on a thread of its own: answers one request per connection, then closes
    it; `closed` is set once it has, so a test can know the close is in the client's
    socket before its own event loop has seen it."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.connections = 0
        self.closed = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.listener.getsockname()[1]}"

    def _serve(self) -> None:
        while True:
            try:
                connection, _ = self.listener.accept()
            except OSError:
                return
            with connection:
                self.connections += 1
                connection.recv(65536)
                connection.sendall(answer())
            self.closed.set()


async def test_a_close_the_loop_has_not_seen_is_found_before_the_connection_is_reused(
    clock: FakeClock,
) -> None:
    """The server closes an idle connection while the event loop is busy: a request a
    second later takes a new connection instead of failing on the closed one."""
    server = OneAnswerPerConnection()
    transport = DirectTransport(clock=clock)
    try:
        await exchange(transport, f"{server.base_url}/")
        assert server.closed.wait(GUARD)  # the loop has not run since: the close is unseen
        (kept,) = [link for links in transport._idle.values() for link in links]
        assert not kept.eof
        clock.advance(1.0)
        response = await exchange(transport, f"{server.base_url}/", method="POST")
        assert response.content == OK
        assert server.connections == 2
    finally:
        await transport.aclose()
        server.listener.close()


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://例え.jp/v2", ("https", "xn--r8jz45g.jp", 443)),
        ("http://[::1]:8080/", ("http", "::1", 8080)),
        ("http://API.Elastic.io/", ("http", "api.elastic.io", 80)),
    ],
)
def test_a_connection_goes_to_the_host_as_it_is_on_the_wire(
    url: str, origin: tuple[str, str, int]
) -> None:
    assert _origin_of(httpx.URL(url)) == origin


async def test_a_streamed_request_body_is_sent_in_chunks(
    serve_recording: Serve, transport: DirectTransport
) -> None:
    """A body given as an async stream of unknown length goes out chunked and arrives
    byte for byte."""
    recorder, base_url = await serve_recording(lambda head: answer())

    async def parts() -> AsyncIterator[bytes]:
        for part in (b"first,", b"", b"second,", b"third"):
            yield part

    request = httpx.Request("POST", f"{base_url}/upload", content=parts())
    async with asyncio.timeout(GUARD):
        response = await transport.handle_async_request(request)
        await response.aread()
        await response.aclose()
    assert ("transfer-encoding", "chunked") in recorder.headers()
    assert recorder.seen[0][1] == b"first,second,third"


async def test_a_body_the_server_will_not_read_is_a_write_timeout(
    clock: FakeClock,
) -> None:
    """The server takes the connection and reads nothing: once the socket's buffers are
    full, the write waits at most the write timeout (a real 50 ms)."""
    accepted: list[asyncio.StreamWriter] = []

    async def never_read(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.append(writer)

    server = await asyncio.start_server(never_read, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    transport = DirectTransport(clock=clock)
    timeouts = {"connect": GUARD, "read": GUARD, "write": 0.05, "pool": GUARD}
    request = httpx.Request(
        "POST",
        f"http://127.0.0.1:{port}/",
        content=b"x" * 64_000_000,
        extensions={"timeout": timeouts},
    )
    try:
        with pytest.raises(httpx.WriteTimeout):
            async with asyncio.timeout(GUARD):
                await transport.handle_async_request(request)
        assert transport._slots is not None
        assert transport._slots._value == 100  # every slot free again: none leaked
    finally:
        await transport.aclose()
        for writer in accepted:
            writer.close()
        server.close()
        await server.wait_closed()


def _framed(body: bytes, kind: str) -> bytes:
    if kind == "length":
        return b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
    if kind == "chunked":
        chunks = b"".join(
            b"%x\r\n%s\r\n" % (len(body[i : i + 7]), body[i : i + 7])
            for i in range(0, len(body), 7)
        )
        return b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n"
    return b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n" + body


@settings(max_examples=60, deadline=None)
@given(
    body=st.binary(max_size=300),
    kind=st.sampled_from(["length", "chunked", "close"]),
    cuts=st.lists(st.integers(min_value=1, max_value=400), max_size=8),
)
def test_an_answer_arriving_in_any_pieces_is_read_whole(
    body: bytes, kind: str, cuts: list[int]
) -> None:
    """The server writes the answer in pieces, each flushed before the next: the body
    read is the body sent, whatever the framing and wherever the cuts fall."""
    wire = _framed(body, kind)
    assert _read_in_pieces(wire, kind, sorted({cut for cut in cuts if cut < len(wire)})) == body


@pytest.mark.parametrize("kind", ["length", "chunked", "close"])
def test_an_answer_arriving_a_byte_at_a_time_is_read_whole(kind: str) -> None:
    """Every cut at once: a chunk's size line, its data and its line end each arrive in
    parts (a reader that took a partial size line for no progress would spin)."""
    body = bytes(range(40))
    wire = _framed(body, kind)
    assert _read_in_pieces(wire, kind, list(range(1, len(wire)))) == body


def _read_in_pieces(wire: bytes, kind: str, points: list[int]) -> bytes:
    """One request through a DirectTransport to a server that answers with ``wire``, cut
    at ``points``, flushing each piece and letting the client run before the next."""

    async def pieces(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        for start, end in itertools.pairwise([0, *points, len(wire)]):
            writer.write(wire[start:end])
            await writer.drain()
            for _ in range(3):  # the client's loop turns: the piece arrives and is read
                await asyncio.sleep(0)
        writer.close()  # for "close", the end of the body; otherwise after the whole answer
        await writer.wait_closed()

    async def run() -> bytes:
        transport = DirectTransport()
        server = await asyncio.start_server(pieces, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        try:
            return (await exchange(transport, f"http://127.0.0.1:{port}/")).content
        finally:
            await transport.aclose()
            server.close()
            await server.wait_closed()

    # On a thread, so that a reader spinning without ever yielding fails the test
    # instead of hanging it.
    outcome: list[bytes | BaseException] = []

    def read() -> None:
        try:
            outcome.append(asyncio.run(run()))
        except BaseException as exc:
            outcome.append(exc)

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    thread.join(GUARD)
    assert outcome, "the answer was never read to its end"
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


@pytest.mark.parametrize("keep", [0, 1])
async def test_no_more_idle_connections_are_kept_than_allowed(
    serve_recording: Serve, clock: FakeClock, keep: int
) -> None:
    """Two answers closed one after the other, to two origins: with room for one idle
    connection the older is closed for the newer; with none, neither is kept."""
    _, first = await serve_recording(lambda head: answer())
    _, second = await serve_recording(lambda head: answer())
    transport = DirectTransport(max_keepalive_connections=keep, clock=clock)
    try:
        await exchange(transport, f"{first}/")
        clock.advance(0.1)
        older = [link for links in transport._idle.values() for link in links]
        await exchange(transport, f"{second}/")
        kept = [link for links in transport._idle.values() for link in links]
        assert len(older) == len(kept) == keep
        if keep:
            assert older[0].eof  # closed to make room
            assert kept[0].origin[2] == int(second.rsplit(":", 1)[1])
    finally:
        await transport.aclose()
