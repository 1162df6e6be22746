"""A client that hangs up while the emulator holds its answer back: normal, not a crash.

Served by uvicorn on loopback. The injected latency waits on an event the test sets
once the server has seen the connection close, so no real time passes.
"""

from __future__ import annotations

import asyncio
import base64
import logging
from collections.abc import AsyncIterator, Callable

import pytest
import uvicorn

from elasticio.testing import Emulator

LOOP_BOUND = 100_000  # turns of the event loop any wait below may take


class Gate:
    """A ``sleep`` that waits until the test opens it, and says when it is entered."""

    def __init__(self) -> None:
        self.entered = asyncio.Event()
        self.opened = asyncio.Event()

    async def __call__(self, seconds: float) -> None:
        self.entered.set()
        await self.opened.wait()


async def _until(condition: Callable[[], bool]) -> None:
    for _ in range(LOOP_BOUND):
        if condition():
            return
        await asyncio.sleep(0)
    raise AssertionError("the condition never held")


@pytest.fixture
async def gated() -> AsyncIterator[tuple[Emulator, Gate, uvicorn.Server]]:
    gate = Gate()
    emulator = Emulator(sleep=gate)
    config = uvicorn.Config(
        emulator.app, host="127.0.0.1", port=0, lifespan="off", log_level="info"
    )
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    await _until(lambda: server.started or serving.done())
    try:
        yield emulator, gate, server
    finally:
        gate.opened.set()
        server.should_exit = True
        await serving


@pytest.mark.parametrize("method", ["GET", "POST"])
async def test_hang_up_during_latency_is_not_an_error(
    gated: tuple[Emulator, Gate, uvicorn.Server],
    caplog: pytest.LogCaptureFixture,
    method: str,
) -> None:
    """The emulator logs no error and records the request as unanswered."""
    emulator, gate, server = gated
    emulator.faults.delay(1.0)
    port = server.servers[0].sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    path = "/v2/sshkeys" if method == "POST" else "/v2/users/me"
    body = b"{}" if method == "POST" else b""
    auth = base64.b64encode(":".join(emulator.credentials).encode()).decode()
    writer.write(
        f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic {auth}\r\n"
        f"Content-Length: {len(body)}\r\n\r\n".encode()
        + body
    )
    await writer.drain()
    with caplog.at_level(logging.DEBUG):
        await gate.entered.wait()
        writer.close()
        await writer.wait_closed()
        await _until(lambda: not server.server_state.connections)
        gate.opened.set()
        await _until(lambda: bool(emulator.requests))
        for _ in range(100):  # let the app finish after recording
            await asyncio.sleep(0)
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert errors == [], [r.getMessage() for r in errors]
    assert [(r.path, r.status) for r in emulator.requests] == [(path, None)]
    del reader
