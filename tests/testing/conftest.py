"""Fixtures for the emulator's tests: a fake clock, an emulator, plain httpx clients.

The tests talk to the emulator with plain httpx, not the SDK, so that the two cannot
share a misunderstanding of the API.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from elasticio.testing import Emulator


class FakeClock:
    """A monotonic clock that moves only when told to, or when its sleep is awaited."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def http_client(emulator: Emulator, auth: tuple[str, str] | None) -> httpx.AsyncClient:
    """A plain httpx client wired to the emulator's app in process."""
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emulator.app),
        base_url="http://127.0.0.1",
        auth=auth,
    )


@pytest.fixture
def fake_clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def emulator(fake_clock: FakeClock) -> Emulator:
    return Emulator(clock=fake_clock, sleep=fake_clock.sleep)


@pytest.fixture
async def api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """Signed in as the seeded owner (tenant admin, member of everything)."""
    async with http_client(emulator, emulator.credentials) as client:
        yield client


@pytest.fixture
async def guest_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """Signed in as the seeded guest (member of the contract and the shared workspace)."""
    guest = emulator.seed.guest
    async with http_client(emulator, (guest.email, guest.api_key)) as client:
        yield client


@pytest.fixture
async def anonymous_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    async with http_client(emulator, None) as client:
        yield client
