"""The app served by uvicorn on a loopback socket, as ``elasticio emulator serve`` will.

uvicorn's own main loop ticks every 0.1 s, so stopping a server takes that long.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import httpx
import pytest
import uvicorn

from elasticio.testing import Emulator
from tests._support.emulator_http import data_of


@pytest.fixture
async def served(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """A plain httpx client talking to the emulator over a real loopback connection."""
    config = uvicorn.Config(
        emulator.app, host="127.0.0.1", port=0, lifespan="off", log_level="critical"
    )
    server = uvicorn.Server(config)
    serving = asyncio.create_task(server.serve())
    while not server.started:  # yields to the loop until the socket listens; no timed wait
        if serving.done():
            serving.result()
        await asyncio.sleep(0)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        async with httpx.AsyncClient(
            base_url=f"http://127.0.0.1:{port}", auth=emulator.credentials
        ) as client:
            yield client
    finally:
        server.should_exit = True
        await serving


async def test_served_over_a_socket(served: httpx.AsyncClient, emulator: Emulator) -> None:
    """A real HTTP request gets the same answer as in process."""
    assert data_of(await served.get("/v2/users/me"))["id"] == emulator.seed.owner.id


async def test_drop_closes_the_socket(served: httpx.AsyncClient, emulator: Emulator) -> None:
    """Under uvicorn a dropped connection reaches the client as a truncated response."""
    emulator.faults.drop(times=1)
    with pytest.raises(httpx.RemoteProtocolError):
        await served.get("/v2/users/me")
    data_of(await served.get("/v2/users/me"))
