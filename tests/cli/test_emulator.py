"""``elasticio emulator serve``: the emulator's serve command under the ``elasticio`` name.

The options are parsed by ``elasticio.testing.serve_command`` (tested with the emulator);
these tests check that the command hands them over whole and answers under its own name.
"""

from __future__ import annotations

import signal

import httpx
import pytest

from elasticio._cli import main
from elasticio.testing import Emulator
from tests._support.emulator_http import data_of
from tests._support.processes import python, read_lines, stop


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["emulator", "serve"], "required: --port"),
        (["emulator", "serve", "--port", "70000"], "a port is 0 to 65535"),
        (["emulator", "serve", "--port", "0", "--rate-limit", "0"], "must be more than 0"),
        (["emulator", "serve", "--port", "0", "--transition-delay", "-1"], "0 or more"),
        (["emulator", "serve", "--port", "0", "--log-level", "loud"], "invalid choice"),
        (["emulator", "serve", "--port", "0", "--host", "0.0.0.0"], "--allow-remote"),  # noqa: S104
        (["emulator", "serve", "--port", "0", "--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Bad options exit with status 2, say what is wrong, and name the command as typed."""
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("usage: elasticio emulator serve [-h] --port PORT")
    assert message in err


def test_help_shows_the_emulator_options(capsys: pytest.CaptureFixture[str]) -> None:
    """``elasticio emulator serve --help`` is the serve command's help, under this name."""
    assert main(["emulator", "serve", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: elasticio emulator serve ")
    for option in ("--port", "--host", "--allow-remote", "--rate-limit", "--log-level"):
        assert option in out


def test_serve_reports_a_taken_port(taken_port: int, capsys: pytest.CaptureFixture[str]) -> None:
    """When the port is taken, the command prints why and exits with status 1."""
    assert main(["emulator", "serve", "--port", str(taken_port)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"cannot serve on 127.0.0.1:{taken_port}" in captured.err


async def test_elasticio_emulator_serve_stops_on_sigterm() -> None:
    """``python -m elasticio emulator serve`` passes its settings on and exits 0 on SIGTERM."""
    seed = Emulator().seed  # the server's emulator is seeded the same
    async with python(
        *("-m", "elasticio", "emulator", "serve", "--port", "0", "--transition-delay", "600")
    ) as process:
        lines = await read_lines(process, 3)
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
        out, err = await stop(process, signal.SIGTERM)
    assert process.returncode == 0, err.decode()
    assert out == b""
    assert err == b""
