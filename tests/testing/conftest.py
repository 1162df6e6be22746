"""Fixtures for the emulator's tests: a fake clock, an emulator, plain httpx clients.

The tests talk to the emulator with plain httpx, not the SDK, so that the two cannot
share a misunderstanding of the API.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest
from hypothesis import settings

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import http_client


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


async def _signed_in(emulator: Emulator, who: str) -> AsyncIterator[httpx.AsyncClient]:
    user = getattr(emulator.seed, who)
    async with http_client(emulator, (user.email, user.api_key)) as client:
        yield client


@pytest.fixture
async def contract_owner_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """The seeded contract owner: no tenant admin, in no workspace."""
    async for client in _signed_in(emulator, "contract_owner"):
        yield client


@pytest.fixture
async def member_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """A guest of the shared workspace with no contract role, no tenant admin."""
    async for client in _signed_in(emulator, "member"):
        yield client


@pytest.fixture
async def outsider_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """The seeded outsider, in no contract."""
    async for client in _signed_in(emulator, "outsider"):
        yield client


# A long run of the fuzz tests: `pytest --hypothesis-profile=fuzz` (the nox fuzz session).
settings.register_profile("fuzz", max_examples=5_000, deadline=None)
