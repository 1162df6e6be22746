"""Fixtures for the integration tests: the SDK against an emulator served by uvicorn on
a real 127.0.0.1 socket, on the real clock, and the same tests in process.

One server runs for the whole session, on a thread and event loop of its own (built on
``serve_emulator``): a uvicorn server takes about 0.2 s to stop, and the tests' own event
loops come and go with each test.

``rig`` (and ``emulator``, ``client``, ``guest`` built on it) runs each test twice: against
that server over the socket, on the real clock, and against a fresh emulator in process
(``httpx.ASGITransport``) whose fake clock the client shares, so waits cost nothing.
"""

from __future__ import annotations

import functools
import ssl
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import attrs
import httpx
import pytest

from elasticio import AsyncClient, PollPolicy, RetryPolicy
from elasticio._client import DEFAULT_MAX_CONCURRENCY, pool_limits
from elasticio.testing import Emulator, EmulatorSettings, ServedEmulator
from tests.conftest import FakeClock


@pytest.fixture(scope="session")
def emulator_server() -> Iterator[ServedEmulator]:
    """The session's served emulator; use ``served``, which resets it for each test."""
    with ServedEmulator.start_in_thread(Emulator()) as server:
        yield server


@pytest.fixture
def served(emulator_server: ServedEmulator) -> ServedEmulator:
    """The served emulator, back at the seed with default settings: ``.emulator``,
    ``.base_url`` and ``.credentials`` are what a test needs.
    """
    emulator = emulator_server.emulator
    emulator.reset()
    defaults = EmulatorSettings()
    # The settings object is shared with the fault layer, so it is updated, not replaced.
    for field in attrs.fields(EmulatorSettings):
        setattr(emulator.settings, field.name, getattr(defaults, field.name))
    return emulator_server


# -- the SDK against an emulator, over the socket and in process ---------------------------

TRANSITION_DELAY = 0.05
"""Seconds a flow's current_status lags behind a start or stop, in tests that want a lag."""

EXECUTION_TIME = 0.25
"""Seconds a scheduled execution runs, in tests that want it pending for a while: long
enough that the first poll, sent right after scheduling, finds it pending even on a
loaded machine."""

# Real time passes over the socket: waits and backoffs are kept short, and every wait and
# request has a bound, so a broken emulator fails a test instead of hanging the run. The
# polling intervals are powers of two: a fake clock at 1000.0 adds them up exactly, so a
# wait that times out reaches its deadline instead of sleeping ever smaller remainders.
POLL = PollPolicy(interval=1 / 128, max_interval=1 / 32, timeout=4.0)
RETRY = RetryPolicy(backoff_initial=0.01, backoff_max=0.02, max_retry_after=5.0)
TIMEOUT = 5.0


@attrs.frozen
class Rig:
    """An emulator and a way to make SDK clients that talk to it.

    Over the socket the clients reach the session's uvicorn server on the real clock; in
    process they go through ``httpx.ASGITransport`` and share a fake clock with the
    emulator, so every wait is instant.
    """

    emulator: Emulator
    make_client: Callable[..., AsyncClient]

    def client(self, **kwargs: Any) -> AsyncClient:
        """An AsyncClient signed in as the seeded owner unless ``email``/``api_key`` say
        otherwise; short polling and retry waits unless overridden."""
        kwargs.setdefault("poll", POLL)
        kwargs.setdefault("retry", RETRY)
        kwargs.setdefault("timeout", TIMEOUT)
        return self.make_client(**kwargs)

    def guest_client(self, **kwargs: Any) -> AsyncClient:
        """An AsyncClient signed in as the seeded guest (shared workspace only)."""
        guest = self.emulator.seed.guest
        return self.client(email=guest.email, api_key=guest.api_key, **kwargs)


@pytest.fixture(scope="session")
def tls_context() -> ssl.SSLContext:
    """The TLS context every socket client's pool is given.

    httpx builds one for each client it makes, loading the CA bundle each time (tens of
    milliseconds, more than most tests take); the emulator speaks plain HTTP, so the
    context is never used, and one for the session is enough.
    """
    return httpx.create_ssl_context()


def socket_client(served: ServedEmulator, context: ssl.SSLContext, **kwargs: Any) -> AsyncClient:
    """``served.client(...)`` with a pool built on ``context``, sized as the SDK sizes its own."""
    limits = pool_limits(kwargs.get("max_concurrency", DEFAULT_MAX_CONCURRENCY))
    kwargs.setdefault("transport", httpx.AsyncHTTPTransport(verify=context, limits=limits))
    return served.client(**kwargs)


@pytest.fixture(params=["socket", "in-process"])
def rig(request: pytest.FixtureRequest) -> Rig:
    """The emulator behind every integration test, reached over the socket or in process."""
    if request.param == "socket":
        served: ServedEmulator = request.getfixturevalue("served")
        context: ssl.SSLContext = request.getfixturevalue("tls_context")
        return Rig(
            emulator=served.emulator,
            make_client=functools.partial(socket_client, served, context),
        )
    clock = FakeClock()
    emulator = Emulator(clock=clock, sleep=clock.sleep)
    return Rig(
        emulator=emulator,
        make_client=functools.partial(emulator.client, sleep=clock.sleep, clock=clock),
    )


@pytest.fixture
def emulator(rig: Rig) -> Emulator:
    """The rig's emulator, at the seed: compare the SDK's answers with its state."""
    return rig.emulator


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
