"""Serving the emulator on a loopback socket: ``serve_emulator`` and ``ServedEmulator``.

The serve command is tested in ``test_command.py``, the ``elasticio`` command in ``tests/cli``.

Every stop of a uvicorn server takes about 0.2 s (its main loop ticks every 0.1 s and its
shutdown pauses 0.1 s), so these tests start as few servers as they can.
"""

from __future__ import annotations

import socket

import httpx
import pytest

from elasticio import UsageError
from elasticio.testing import Emulator, ServedEmulator, serve_emulator
from tests._support.emulator_http import data_of


def listening(served: ServedEmulator) -> bool:
    """Whether anything accepts connections at the served address (loopback: no waiting)."""
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", served.port)) == 0


async def test_serve_emulator_answers_on_a_free_port() -> None:
    """Port 0 gets a free port; plain HTTP to ``base_url`` reaches the emulator."""
    emulator = Emulator()
    async with serve_emulator(emulator, port=0) as served:
        assert served.port > 0
        assert served.base_url == f"http://127.0.0.1:{served.port}"
        assert served.emulator is emulator
        async with httpx.AsyncClient(base_url=served.base_url, auth=served.credentials) as http:
            assert data_of(await http.get("/v2/users/me"))["id"] == emulator.seed.owner.id
        async with served.client() as client:
            assert (await client.components.get(emulator.seed.component_ids["timer"])).name == (
                "timer"
            )
    assert emulator.requests[0].path == "/v2/users/me"
    assert not listening(served)


async def test_serve_emulator_stops_when_the_block_fails() -> None:
    """An exception in the block stops the server and propagates unchanged."""
    with pytest.raises(LookupError, match="boom"):
        async with serve_emulator() as served:
            raise LookupError("boom")
    assert not listening(served)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.1", "example.com", "::"])  # noqa: S104
async def test_serve_emulator_refuses_a_remote_host(host: str) -> None:
    """A host that is not loopback is refused before anything is bound."""
    with pytest.raises(UsageError, match="allow_remote"):
        async with serve_emulator(host=host):
            pass  # pragma: no cover


async def test_serve_emulator_reports_a_taken_port(taken_port: int) -> None:
    """Binding a port that is in use raises the OSError."""
    with pytest.raises(OSError, match="in use"):
        async with serve_emulator(port=taken_port):
            pass  # pragma: no cover


def test_environment_points_a_client_at_the_server() -> None:
    """``environment`` holds the three ELASTICIO_API_* variables for the seeded owner."""
    with ServedEmulator.start_in_thread() as served:
        email, api_key = served.emulator.credentials
        assert served.environment == {
            "ELASTICIO_API_URI": served.base_url,
            "ELASTICIO_API_USERNAME": email,
            "ELASTICIO_API_KEY": api_key,
        }
        assert repr(served) == f"<ServedEmulator base_url={served.base_url!r}>"


def test_start_in_thread_serves_sync_code() -> None:
    """A server on a thread of its own answers blocking clients; ``with`` stops the thread."""
    emulator = Emulator()
    with ServedEmulator.start_in_thread(emulator) as served:
        response = httpx.get(f"{served.base_url}/v2/users/me", auth=served.credentials)
        assert data_of(response)["id"] == emulator.seed.owner.id
        thread = served._thread
    assert thread is not None
    assert not thread.is_alive()
    assert not listening(served)


def test_start_in_thread_reports_a_taken_port(taken_port: int) -> None:
    """A failure to bind in the thread is raised to the caller."""
    with pytest.raises(OSError, match="in use"):
        ServedEmulator.start_in_thread(port=taken_port)


def test_the_listening_socket_declares_tcp_so_responses_are_not_delayed() -> None:
    """The socket says IPPROTO_TCP, so asyncio sets TCP_NODELAY on accepted connections."""
    from elasticio.testing._serve import _bind

    sock = _bind("127.0.0.1", 0, allow_remote=False)
    try:
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()
