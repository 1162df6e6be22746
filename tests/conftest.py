"""Fixtures for every test: a fake clock, a respx router standing in for the platform, and
clients wired to it (the helpers behind them live in ``tests/_support``)."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import respx

from elasticio import AsyncClient
from tests._support.clock import FakeClock
from tests._support.offline import BASE_URL, Handler, MakeClient, offline_client

# Checks, at the end of a whole-suite run, that every catalog entry is covered.
pytest_plugins = ["tests._support.api_coverage_plugin", "tests._support.recorder"]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def router() -> respx.MockRouter:
    """Routes for the fake platform; unmatched requests fail the test."""
    return respx.MockRouter(base_url=BASE_URL, assert_all_called=False, assert_all_mocked=True)


@pytest.fixture
async def client(router: respx.MockRouter, clock: FakeClock) -> AsyncIterator[AsyncClient]:
    """An AsyncClient whose requests go to ``router``, with sleeps recorded, never waited."""
    async with offline_client(router.async_handler, clock) as c:
        yield c


@pytest.fixture
async def make_client(router: respx.MockRouter, clock: FakeClock) -> AsyncIterator[MakeClient]:
    """Builds clients like ``client`` with extra options, closing them all at the end;
    a handler given first answers instead of ``router``."""
    made: list[AsyncClient] = []

    def make(handler: Handler | None = None, **options: Any) -> AsyncClient:
        made.append(offline_client(handler or router.async_handler, clock, **options))
        return made[-1]

    yield make
    for c in made:
        await c.aclose()


@pytest.fixture
def taken_port() -> Iterator[int]:
    """A loopback port that another socket is listening on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield int(sock.getsockname()[1])
