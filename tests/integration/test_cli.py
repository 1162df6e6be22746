"""``python -m elasticio.testing`` as a parent process sees it: three lines, then a server
that stops cleanly on SIGINT.
"""

from __future__ import annotations

import asyncio
import signal
import socket
import sys

import httpx

WAIT = 10.0  # seconds: the bound on every wait for the child process


async def test_serve_prints_the_environment_and_stops_on_sigint() -> None:
    """The lines name a working URL and credentials; SIGINT ends the server with status 0."""
    process = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "elasticio.testing", "--port", "0"),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        lines = [
            (await asyncio.wait_for(process.stdout.readline(), WAIT)).decode() for _ in range(3)
        ]
        names = [line.split("=", 1)[0] for line in lines]
        assert names == ["ELASTICIO_API_URI", "ELASTICIO_API_USERNAME", "ELASTICIO_API_KEY"]
        uri, email, api_key = (line.rstrip("\n").split("=", 1)[1] for line in lines)
        port = httpx.URL(uri).port
        assert uri == f"http://127.0.0.1:{port}"
        async with httpx.AsyncClient(base_url=uri, auth=(email, api_key)) as http:
            response = await http.get("/v2/users/me")
        assert response.status_code == 200
        assert response.json()["data"]["attributes"]["email"] == email
        process.send_signal(signal.SIGINT)
        out, err = await asyncio.wait_for(process.communicate(), WAIT)
    finally:
        if process.returncode is None:  # pragma: no cover - only when the test failed
            process.kill()
            await process.wait()
    assert process.returncode == 0, err.decode()
    assert (out, err) == (b"", b"")
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0  # nothing listens any more
