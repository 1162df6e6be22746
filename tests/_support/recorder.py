"""A loopback HTTP/1.1 server that records each request and answers as a test says, for the
transport tests (`serve_recording` is a fixture of every test, registered in tests/conftest.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Protocol

import httpx
import pytest

__all__ = [
    "OK",
    "Answer",
    "Recorder",
    "Serve",
    "answer",
    "exchange",
    "read_body",
    "serve_recording",
]

OK = b'{"meta": {"ok": true}}'


def answer(body: bytes = OK, *, status: bytes = b"200 OK", headers: bytes = b"") -> bytes:
    """A whole HTTP/1.1 answer."""
    return b"HTTP/1.1 %s\r\nContent-Length: %d\r\n%s\r\n%s" % (status, len(body), headers, body)


Answer = Callable[[bytes], bytes | None]


class Recorder:
    """A loopback HTTP/1.1 server: keeps each request's head and body (a chunked body
    joined), answers with ``reply(head)``, or never when it gives None; with ``hang_up``
    it closes the connection after its first answer."""

    def __init__(self, reply: Answer, *, hang_up: bool) -> None:
        self.reply = reply
        self.hang_up = hang_up
        self.seen: list[tuple[bytes, bytes]] = []
        self.writers: list[asyncio.StreamWriter] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writers.append(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                self.seen.append((head, await read_body(reader, head)))
                reply = self.reply(head)
                if reply is None:
                    await reader.read()  # silent until the client hangs up
                    return
                writer.write(reply)
                await writer.drain()
                if self.hang_up:
                    return
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    def headers(self, number: int = 0) -> list[tuple[str, str]]:
        """Request ``number``'s header lines, names lowercased, in a stable order."""
        lines = self.seen[number][0].decode("latin-1").split("\r\n")[1:]
        pairs = [line.split(":", 1) for line in lines if line]
        return sorted((name.strip().lower(), value.strip()) for name, value in pairs)


async def read_body(reader: asyncio.StreamReader, head: bytes) -> bytes:
    lowered = head.lower()
    if b"transfer-encoding: chunked" in lowered:
        parts = []
        while size := int((await reader.readline()).strip(), 16):
            parts.append(await reader.readexactly(size))
            await reader.readline()
        await reader.readline()
        return b"".join(parts)
    for line in lowered.split(b"\r\n"):
        if line.startswith(b"content-length:"):
            return await reader.readexactly(int(line.split(b":")[1]))
    return b""


class Serve(Protocol):
    def __call__(self, reply: Answer, *, hang_up: bool = False) -> Awaitable[tuple[Recorder, str]]:
        """Start a Recorder; give it with its base URL."""


@pytest.fixture
async def serve_recording() -> AsyncIterator[Serve]:
    """Starts Recorders on loopback ports; gives each with its base URL."""
    servers: list[asyncio.Server] = []
    recorders: list[Recorder] = []

    async def start(reply: Answer, *, hang_up: bool = False) -> tuple[Recorder, str]:
        recorder = Recorder(reply, hang_up=hang_up)
        recorders.append(recorder)
        server = await asyncio.start_server(recorder.handle, "127.0.0.1", 0)
        servers.append(server)
        return recorder, f"http://127.0.0.1:{server.sockets[0].getsockname()[1]}"

    yield start
    for server in servers:
        server.close()
    for recorder in recorders:
        for writer in recorder.writers:
            writer.close()
    for server in servers:
        await server.wait_closed()


async def exchange(transport: httpx.AsyncBaseTransport, request: httpx.Request) -> httpx.Response:
    """Send ``request`` through ``transport`` alone and read the answer whole."""
    response = await transport.handle_async_request(request)
    try:
        await response.aread()
    finally:
        await response.aclose()
    return response
