"""Cancellation always propagates, and leaves no slot, connection or task behind; every call
ends within its time limit, however slowly the server answers.

The pool tests run against a small HTTP/1.1 server on a loopback port (asyncio.start_server
on 127.0.0.1:0), because what they check is each transport's real connection pool.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest

from elasticio import AiohttpTransport, APITimeoutError, AsyncClient, RetryPolicy
from elasticio._direct.transport import DirectTransport
from elasticio._pool import pool_limits
from tests._support.offline import API_KEY, EMAIL, MakeClient

PATH = "/v2/users/me"
GUARD = 10.0  # a safety net against a hanging test, never reached when the code is right
BODY = b'{"data": {"type": "user", "id": "1"}}'
ANSWER = (
    b"HTTP/1.1 200 OK\r\ncontent-type: application/vnd.api+json\r\n"
    b"content-length: %d\r\n\r\n%s" % (len(BODY), BODY)
)


def ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, json={"meta": {"path": request.url.path}})


class Gate:
    """A handler that holds each request until the test opens the gate."""

    def __init__(self) -> None:
        self.entered = asyncio.Event()
        self.opened: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    async def handler(self, request: httpx.Request) -> httpx.Response:
        self.entered.set()
        await self.opened
        return ok(request)

    async def until_entered(self) -> None:
        async with asyncio.timeout(GUARD):
            await self.entered.wait()


Serve = Callable[[Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]]], Any]


@pytest.fixture
async def serve() -> AsyncIterator[Callable[..., Awaitable[str]]]:
    """Starts loopback servers with a connection handler; gives their base URL. Every
    server and every connection it still serves is closed at the end."""
    servers: list[asyncio.Server] = []
    handlers: set[asyncio.Task[None]] = set()

    async def start(
        handle: Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]],
    ) -> str:
        async def tracked(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
            task = asyncio.current_task()
            assert task is not None
            handlers.add(task)
            try:
                await handle(reader, writer)
            except (ConnectionError, asyncio.CancelledError):
                pass  # the client hung up (a cancelled request) or the test is over
            finally:
                handlers.discard(task)
                writer.close()

        server = await asyncio.start_server(tracked, "127.0.0.1", 0)
        servers.append(server)
        return f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"

    yield start
    for server in servers:
        server.close()
    for task in list(handlers):
        task.cancel()
    await asyncio.gather(*handlers, return_exceptions=True)
    for server in servers:
        await server.wait_closed()


async def answer_promptly(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Keep-alive: answer each request, yielding to the loop between the head and body."""
    while await reader.readline():
        while await reader.readline() not in (b"\r\n", b""):
            pass
        head, body = ANSWER.split(b"\r\n\r\n", 1)
        writer.write(head + b"\r\n\r\n")
        await writer.drain()
        await asyncio.sleep(0)
        writer.write(body)
        await writer.drain()


def loopback_client(base_url: str, **options: Any) -> AsyncClient:
    options.setdefault("max_concurrency", 2)
    return AsyncClient(email=EMAIL, api_key=API_KEY, base_url=base_url, **options)


def connections_in_use(client: AsyncClient) -> int:
    """The connections ``client``'s transport has checked out: DirectTransport's slots
    taken, httpcore's connections not idle, or AiohttpTransport's slots taken plus aiohttp's
    connections not given back."""
    transport = client._core.http._transport
    if isinstance(transport, DirectTransport):
        return 0 if transport._slots is None else 2 - transport._slots._value
    if isinstance(transport, AiohttpTransport):
        taken = 0 if transport._slots is None else 2 - transport._slots._value
        session = transport._session
        held = 0 if session is None else len(session.connector._acquired)  # type: ignore[union-attr]
        return taken + held
    assert isinstance(transport, httpx.AsyncHTTPTransport)
    return len([conn for conn in transport._pool.connections if not conn.is_idle()])


@pytest.fixture(params=["direct", "httpcore", "aiohttp"])
def transport(request: pytest.FixtureRequest) -> httpx.AsyncBaseTransport | None:
    """The transport under test, each with the same two connections as the loopback
    clients' concurrency: None for the SDK's default (DirectTransport), httpx's own, or
    AiohttpTransport."""
    if request.param == "httpcore":
        return httpx.AsyncHTTPTransport(limits=pool_limits(2))
    return AiohttpTransport(max_connections=2) if request.param == "aiohttp" else None


async def settled(client: AsyncClient) -> None:
    """Wait (a bounded number of loop steps) until no attempt of ``client`` is still ending."""
    for _ in range(1000):
        if not client._core.exchanges:
            return
        await asyncio.sleep(0)
    raise AssertionError(f"attempts still running: {client._core.exchanges}")


# --- a cancelled call raises CancelledError --------------------------------------------------


async def test_a_cancel_as_the_answer_arrives_is_not_swallowed(make_client: MakeClient) -> None:
    """Cancelled in the very step its answer completes, a call raises CancelledError."""
    gate = Gate()
    c = make_client(gate.handler, retry=RetryPolicy(deadline=30.0))
    call = asyncio.create_task(c.request("GET", PATH))
    await gate.until_entered()
    gate.opened.set_result(None)
    assert call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call


async def test_an_expiring_timeout_as_the_answer_arrives_raises(make_client: MakeClient) -> None:
    """An asyncio.timeout() expiring in the step the answer completes raises TimeoutError."""
    gate = Gate()
    c = make_client(gate.handler, retry=RetryPolicy(deadline=30.0))
    call = asyncio.ensure_future(c.request("GET", PATH))

    async def await_call_within_a_timeout() -> None:
        async with asyncio.timeout(GUARD) as timer:
            await gate.until_entered()
            gate.opened.set_result(None)
            timer.reschedule(asyncio.get_running_loop().time())
            await call

    with pytest.raises(TimeoutError):
        await await_call_within_a_timeout()
    assert call.cancelled()


async def test_a_cancelled_attempt_is_cancelled_exactly_once(make_client: MakeClient) -> None:
    """Two cancellations of a call reach its attempt once, and the slot comes back."""
    cancels: list[int] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancels.append(1)
            await asyncio.sleep(0)  # clean-up that a second cancellation would break
            cancels.append(2)
            raise
        raise AssertionError("never released")

    c = make_client(handler, max_concurrency=1)
    call = asyncio.create_task(c.request("GET", PATH))
    for _ in range(10):
        await asyncio.sleep(0)
    call.cancel()
    await asyncio.sleep(0)
    call.cancel()
    with pytest.raises(asyncio.CancelledError):
        await call
    await settled(c)
    assert cancels == [1, 2]
    assert c._core.slots is not None
    assert c._core.slots._value == 1


# --- the pool survives any number of cancellations -------------------------------------------


async def test_a_thousand_random_cancellations_leak_nothing(
    serve: Callable[..., Awaitable[str]], transport: httpx.AsyncBaseTransport | None
) -> None:
    """1,200 calls cancelled at random moments (seeded): every accepted cancel raises
    CancelledError, no slot or connection stays taken, and the client still answers."""
    rng = random.Random(10)  # noqa: S311 - a seeded schedule, not secrets
    base_url = await serve(answer_promptly)
    async with loopback_client(
        base_url, retry=RetryPolicy(deadline=30.0), transport=transport
    ) as c:
        swallowed = 0
        for _ in range(1200):
            call = asyncio.create_task(c.request("GET", PATH))
            for _ in range(rng.randrange(40)):
                await asyncio.sleep(0)
            accepted = call.cancel()
            try:
                await call
            except asyncio.CancelledError:
                continue
            swallowed += accepted
        await settled(c)
        assert swallowed == 0
        assert c._core.slots is not None
        assert c._core.slots._value == 2
        assert connections_in_use(c) == 0
        async with asyncio.timeout(GUARD):
            documents = await asyncio.gather(*(c.request("GET", PATH) for _ in range(4)))
        assert all(d.data is not None for d in documents)


async def test_a_cancel_waits_for_a_new_connection_to_take_its_request() -> None:
    """A cancel landing between a fresh connection and its first request is held back."""
    from elasticio._shielded import CancelGuard

    guard = CancelGuard()
    task = asyncio.create_task(asyncio.Event().wait())
    await guard.trace("connection.connect_tcp.complete", {})
    guard.cancel(task)
    await asyncio.sleep(0)
    assert not task.done()
    await guard.trace("http11.send_request_headers.started", {})
    with pytest.raises(asyncio.CancelledError):
        await task


# --- every call ends within its time limit -----------------------------------------------------
#
# These use a real timer: what is tested is a server that is slow in real time. Each server
# writes one byte per 20 ms tick and stops after one answer; the limits are 0.2 s.

TICK = 0.02


async def trickle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Answer one request a byte per tick (the status line and headers too)."""
    await reader.readline()
    for byte in ANSWER:
        writer.write(bytes([byte]))
        await writer.drain()
        await asyncio.sleep(TICK)


async def trickle_body(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """Send the head at once, then the body a byte per tick."""
    await reader.readline()
    head, body = ANSWER.split(b"\r\n\r\n", 1)
    writer.write(head + b"\r\n\r\n")
    for byte in body:
        await writer.drain()
        await asyncio.sleep(TICK)
        writer.write(bytes([byte]))


@pytest.mark.parametrize("handle", [trickle, trickle_body], ids=["head", "body"])
async def test_a_trickling_server_meets_the_time_limit_per_attempt(
    serve: Callable[..., Awaitable[str]],
    handle: Callable[[asyncio.StreamReader, asyncio.StreamWriter], Awaitable[None]],
    transport: httpx.AsyncBaseTransport | None,
) -> None:
    """A server sending a byte per 20 ms (each read within httpx's timeouts) is cut off
    after attempt_timeout=0.2 s with APITimeoutError; the slot and connection come back."""
    base_url = await serve(handle)
    policy = RetryPolicy(attempt_timeout=0.2, max_retries=0)
    async with loopback_client(base_url, retry=policy, timeout=5.0, transport=transport) as c:
        started = asyncio.get_running_loop().time()
        with pytest.raises(APITimeoutError) as caught:
            async with asyncio.timeout(GUARD):
                await c.request("GET", PATH)
        assert asyncio.get_running_loop().time() - started < 2.0
        assert isinstance(caught.value, TimeoutError)
        assert "0.2s per attempt" in str(caught.value.__cause__)
        await settled(c)
        assert c._core.slots is not None
        assert c._core.slots._value == 2
        assert connections_in_use(c) == 0


async def test_a_trickling_server_meets_the_deadline(
    serve: Callable[..., Awaitable[str]],
) -> None:
    """With no limit per attempt, the policy's deadline (0.2 s) ends the call all the same."""
    base_url = await serve(trickle)
    policy = RetryPolicy(attempt_timeout=None, deadline=0.2, max_retries=0)
    async with loopback_client(base_url, retry=policy, timeout=5.0) as c:
        with pytest.raises(APITimeoutError) as caught:
            async with asyncio.timeout(GUARD):
                await c.request("GET", PATH)
        assert "deadline of 0.2s" in str(caught.value.__cause__)


async def test_an_attempt_cut_off_is_retried_within_the_deadline(
    make_client: MakeClient,
) -> None:
    """A GET whose first attempt outlasts its limit is tried again, and the retry answers."""
    calls = 0

    async def slow_once(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls == 1:
            await asyncio.Event().wait()  # cut off by the 0.05 s limit (a real timer)
        return ok(request)

    c = make_client(slow_once, retry=RetryPolicy(attempt_timeout=0.05))
    async with asyncio.timeout(GUARD):
        document = await c.request("GET", PATH)
    assert document.meta == {"path": PATH}
    assert calls == 2


async def test_the_hold_after_a_429_counts_against_the_deadline(make_client: MakeClient) -> None:
    """A client-wide hold longer than the deadline (0.1 s) ends the call at the deadline,
    with nothing sent; the hold is waited on a real timer here (asyncio.sleep)."""
    calls = 0

    def count(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return ok(request)

    c = make_client(count, retry=RetryPolicy(deadline=0.1), sleep=asyncio.sleep)
    c._core.pacer.hold(30.0)
    with pytest.raises(APITimeoutError) as caught:
        async with asyncio.timeout(GUARD):
            await c.request("GET", PATH)
    assert "held back by the rate limit" in str(caught.value.__cause__)
    assert calls == 0
