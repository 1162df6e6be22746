"""The emulator's serve command: ``serve_command`` and ``python -m elasticio.testing``."""

from __future__ import annotations

import signal
import socket

import httpx
import pytest

from elasticio.testing import serve_command
from tests._support.processes import python, read_lines, stop


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        ([], "required: --port"),
        (["--port", "-1"], "a port is 0 to 65535"),
        (["--port", "0", "--execution-time", "-1"], "0 or more seconds"),
        (["--port", "0", "--host", "192.0.2.1"], "refusing to serve the emulator on"),
    ],
)
def test_usage_errors_exit_2_under_the_given_name(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Bad options, a remote host among them, exit with 2; usage names ``prog``."""
    with pytest.raises(SystemExit) as exit_:
        serve_command(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: python -m elasticio.testing [-h] --port PORT")
    assert message in err
    with pytest.raises(SystemExit):
        serve_command(argv, prog="emu")
    assert capsys.readouterr().err.startswith("usage: emu [-h]")


def test_a_taken_port_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    """An address that cannot be bound is reported on stderr, with status 1."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = int(taken.getsockname()[1])
        assert serve_command(["--port", str(port)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"elasticio: cannot serve on 127.0.0.1:{port}: " in captured.err


async def test_serve_prints_the_environment_and_stops_on_sigint() -> None:
    """The lines name a working URL and credentials; SIGINT ends the server with status 0."""
    async with python("-m", "elasticio.testing", "--port", "0") as process:
        lines = await read_lines(process, 3)
        names = [line.split("=", 1)[0] for line in lines]
        assert names == ["ELASTICIO_API_URI", "ELASTICIO_API_USERNAME", "ELASTICIO_API_KEY"]
        uri, email, api_key = (line.rstrip("\n").split("=", 1)[1] for line in lines)
        port = httpx.URL(uri).port
        assert uri == f"http://127.0.0.1:{port}"
        async with httpx.AsyncClient(base_url=uri, auth=(email, api_key)) as http:
            response = await http.get("/v2/users/me")
        assert response.status_code == 200
        assert response.json()["data"]["attributes"]["email"] == email
        out, err = await stop(process, signal.SIGINT)
    assert process.returncode == 0, err.decode()
    assert (out, err) == (b"", b"")
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0  # nothing listens any more


async def test_stop_inactive_conflict_is_an_option() -> None:
    """``--stop-inactive-conflict`` makes the served emulator refuse a stop of an inactive
    flow with 409."""
    async with python(
        "-m", "elasticio.testing", "--port", "0", "--stop-inactive-conflict"
    ) as process:
        lines = await read_lines(process, 3)
        uri, email, api_key = (line.rstrip("\n").split("=", 1)[1] for line in lines)
        async with httpx.AsyncClient(base_url=uri, auth=(email, api_key)) as http:
            workspace_id = (await http.get("/v2/workspaces")).json()["data"][0]["id"]
            query = {"workspace_id": workspace_id, "filter[status]": "inactive"}
            flow_id = (await http.get("/v2/flows", params=query)).json()["data"][0]["id"]
            response = await http.post(f"/v2/flows/{flow_id}/stop")
        assert response.status_code == 409
        await stop(process, signal.SIGINT)
    assert process.returncode == 0
