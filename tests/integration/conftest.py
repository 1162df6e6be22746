"""Fixtures for the integration tests: the SDK against the emulator, every test run twice,
over a loopback socket and in process (the ``Rig`` is in ``tests/_support/rig.py``).

``rig`` (and ``emulator``, ``client``, ``guest`` built on it) puts the socket on the real
clock; a module whose tests count their waits overrides ``rig`` with ``clocked_rig``, on
which both modes share one fake clock with the emulator (``clock``).
"""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from elasticio import AsyncClient
from elasticio.testing import Emulator, ServedEmulator
from tests._support.clock import FakeClock
from tests._support.rig import Rig, back_to_seed, in_process_rig, serve, socket_rig

MODES = ["socket", "in-process"]


@pytest.fixture(scope="session")
def emulator_server() -> Iterator[ServedEmulator]:
    """The session's served emulator, on the real clock; use ``served``."""
    with serve(Emulator()) as server:
        yield server


@pytest.fixture
def served(emulator_server: ServedEmulator) -> ServedEmulator:
    """The served emulator, back at the seed with default settings: ``.emulator``,
    ``.base_url`` and ``.credentials`` are what a test needs.
    """
    back_to_seed(emulator_server.emulator)
    return emulator_server


@pytest.fixture(scope="session")
def server_clock() -> FakeClock:
    """The fake clock of ``clocked_server``."""
    return FakeClock()


@pytest.fixture(scope="session")
def clocked_server(server_clock: FakeClock) -> Iterator[ServedEmulator]:
    """A second served emulator, on ``server_clock``; use ``clocked_rig``."""
    with serve(Emulator(clock=server_clock, sleep=server_clock.sleep)) as server:
        yield server


@pytest.fixture(scope="session")
def tls_context() -> ssl.SSLContext:
    """One TLS context for the clients over httpx's transport or AiohttpTransport: each of
    those builds its own otherwise, loading the CA bundle (tens of milliseconds, more than
    most tests take), though the emulator speaks plain HTTP. The default transport builds
    one only for its first https connection."""
    return httpx.create_ssl_context()


@pytest.fixture(params=MODES)
def rig(request: pytest.FixtureRequest) -> Rig:
    """The emulator behind every integration test, reached over the socket (real clock)
    or in process (fake clock)."""
    if request.param == "in-process":
        return in_process_rig()
    served: ServedEmulator = request.getfixturevalue("served")
    return socket_rig(served)


@pytest.fixture(params=MODES)
def clocked_rig(request: pytest.FixtureRequest) -> Rig:
    """Like ``rig``, but over the socket too the clients and the emulator share a fake
    clock, so waits can be asserted exactly in both modes."""
    if request.param == "in-process":
        return in_process_rig()
    server: ServedEmulator = request.getfixturevalue("clocked_server")
    clock: FakeClock = request.getfixturevalue("server_clock")
    back_to_seed(server.emulator)
    clock.sleeps.clear()
    return socket_rig(server, clock)


@pytest.fixture
def emulator(rig: Rig) -> Emulator:
    """The rig's emulator, at the seed: compare the SDK's answers with its state."""
    return rig.emulator


@pytest.fixture
def clock(rig: Rig) -> FakeClock:
    """The fake clock of a ``clocked_rig`` (or of the in-process ``rig``)."""
    assert rig.clock is not None, "this test counts waits: override rig with clocked_rig"
    return rig.clock


@pytest.fixture
async def client(rig: Rig) -> AsyncIterator[AsyncClient]:
    """An AsyncClient signed in as the seeded owner (replaces the respx-backed one)."""
    async with rig.client() as sdk:
        yield sdk


@pytest.fixture
async def guest(rig: Rig) -> AsyncIterator[AsyncClient]:
    """An AsyncClient signed in as the seeded guest."""
    async with rig.guest_client() as sdk:
        yield sdk
