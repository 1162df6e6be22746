"""Shared fixtures: a client wired to a respx router (as a transport), a fake sleep and clock."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import respx

from elasticio import AsyncClient

# Checks, at the end of a whole-suite run, that every catalog entry is covered.
pytest_plugins = ["tests._support.api_coverage_plugin"]

BASE_URL = "https://api.elastic.io"
EMAIL = "robot@example.com"
API_KEY = "sk-test-5ecret-api-key-0123456789"
FIXTURES = Path(__file__).parent / "fixtures"


def load_fixture(name: str) -> Any:
    """A JSON fixture by relative path, e.g. ``components/list.json``."""
    return json.loads((FIXTURES / name).read_text())


class FakeClock:
    """A monotonic clock that only moves when the fake sleep is awaited."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


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
    async with AsyncClient(
        email=EMAIL,
        api_key=API_KEY,
        base_url=BASE_URL,
        transport=httpx.MockTransport(router.async_handler),
        sleep=clock.sleep,
        clock=clock,
    ) as c:
        yield c
