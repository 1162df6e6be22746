"""Fixtures for the demo's tests: an emulator and a client on one fake clock.

The Sandbox workspace alone (100 flows, 75 inactive) keeps the runs quick.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from elasticio import AsyncClient
from elasticio.testing import Emulator, EmulatorSettings
from tests._support.clock import FakeClock
from tests._support.demo import RETRY


@pytest.fixture
def emulator(clock: FakeClock) -> Emulator:
    settings = EmulatorSettings(transition_delay=0.5, execution_time=0.3)
    return Emulator(settings=settings, clock=clock, sleep=clock.sleep)


@pytest.fixture
async def demo_client(emulator: Emulator, clock: FakeClock) -> AsyncIterator[AsyncClient]:
    async with emulator.client(retry=RETRY, sleep=clock.sleep, clock=clock) as client:
        yield client
