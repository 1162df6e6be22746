"""Serving the emulator on a loopback socket: ``serve_emulator``, ``ServedEmulator`` and the
``elasticio`` command.

Every stop of a uvicorn server takes about 0.2 s (its main loop ticks every 0.1 s and its
shutdown pauses 0.1 s), so these tests start as few servers as they can.
"""

from __future__ import annotations

import asyncio
import importlib.metadata
import signal
import socket
import sys
from collections.abc import Iterator

import httpx
import pytest

import elasticio
from elasticio import UsageError
from elasticio._cli import main
from elasticio.testing import Emulator, ServedEmulator, serve_emulator
from tests.testing.helpers import data_of

WAIT = 10.0  # seconds: the bound on every wait for a process or a socket


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A loopback port that another socket is listening on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield int(sock.getsockname()[1])


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


def test_elasticio_command_is_installed() -> None:
    """``elasticio`` is a console script and ``elasticio`` a pytest plugin of the package."""
    (script,) = importlib.metadata.entry_points(group="console_scripts", name="elasticio")
    assert script.value == "elasticio._cli:main"
    (plugin,) = importlib.metadata.entry_points(group="pytest11", name="elasticio")
    assert plugin.value == "elasticio.testing._pytest_plugin"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """``elasticio --version`` prints the installed version."""
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"elasticio {elasticio.__version__}\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "required: COMMAND"),
        (["emulator"], "required: ACTION"),
        (["emulator", "serve"], "required: --port"),
        (["emulator", "serve", "--port", "70000"], "a port is 0 to 65535"),
        (["emulator", "serve", "--port", "0", "--rate-limit", "0"], "must be more than 0"),
        (["emulator", "serve", "--port", "0", "--transition-delay", "-1"], "0 or more"),
        (["emulator", "serve", "--port", "0", "--log-level", "loud"], "invalid choice"),
        (["emulator", "serve", "--port", "0", "--host", "0.0.0.0"], "--allow-remote"),  # noqa: S104
    ],
)
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Bad arguments exit with status 2 and say what is wrong."""
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    assert message in capsys.readouterr().err


def test_serve_reports_a_taken_port(taken_port: int, capsys: pytest.CaptureFixture[str]) -> None:
    """When the port is taken, the command prints why and exits with status 1."""
    assert main(["emulator", "serve", "--port", str(taken_port)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"cannot serve on 127.0.0.1:{taken_port}" in captured.err


async def test_elasticio_emulator_serve_stops_on_sigterm() -> None:
    """``python -m elasticio emulator serve`` passes its settings on and exits 0 on SIGTERM."""
    seed = Emulator().seed  # the server's emulator is seeded the same
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        *("-m", "elasticio", "emulator", "serve", "--port", "0", "--transition-delay", "600"),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        lines = [
            (await asyncio.wait_for(process.stdout.readline(), WAIT)).decode() for _ in range(3)
        ]
        env = dict(line.rstrip("\n").split("=", 1) for line in lines)
        auth = (env["ELASTICIO_API_USERNAME"], env["ELASTICIO_API_KEY"])
        async with httpx.AsyncClient(base_url=env["ELASTICIO_API_URI"], auth=auth) as http:
            flows = data_of(
                await http.get(
                    "/v2/flows",
                    params={
                        "workspace_id": seed.workspace_id,
                        "filter[status]": "inactive",
                        "page[size]": "1",
                    },
                )
            )
            started = data_of(await http.post(f"/v2/flows/{flows[0]['id']}/start"), 202)
        assert started["attributes"]["status"] == "active"
        assert started["attributes"]["current_status"] == "inactive"  # 600 s to go
        process.send_signal(signal.SIGTERM)
        out, err = await asyncio.wait_for(process.communicate(), WAIT)
    finally:
        if process.returncode is None:  # pragma: no cover - only when the test failed
            process.kill()
            await process.wait()
    assert process.returncode == 0, err.decode()
    assert out == b""
    assert err == b""


def test_the_listening_socket_declares_tcp_so_responses_are_not_delayed() -> None:
    """The socket says IPPROTO_TCP, so asyncio sets TCP_NODELAY on accepted connections."""
    from elasticio.testing._serve import _bind

    sock = _bind("127.0.0.1", 0, allow_remote=False)
    try:
        assert sock.proto == socket.IPPROTO_TCP
    finally:
        sock.close()
