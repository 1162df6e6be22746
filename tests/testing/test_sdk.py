"""The SDK driven against the emulator (the other tests use plain httpx)."""

from __future__ import annotations

import pytest

from elasticio import NotFoundError, RetryPolicy
from elasticio.testing import Emulator
from tests._support.clock import FakeClock


async def test_components_latest_version_descriptor(emulator: Emulator) -> None:
    """List components, follow the latest version to its descriptor, all through the SDK."""
    async with emulator.client() as client:
        found = {
            c.name: c async for c in client.components.list(contract_id=emulator.seed.contract_id)
        }
        petstore = found["petstore"]
        assert petstore.latest_version is not None
        assert petstore.latest_version.version_number == 2
        descriptor = await petstore.latest_version.descriptor()
        assert descriptor.title == "Petstore API"
        assert descriptor.is_latest is True
        versions = await petstore.versions()
        older = await client.components.descriptor(petstore.id, versions[0].id)
        assert older.is_latest is False


async def test_sdk_absorbs_rate_limiting(emulator: Emulator, fake_clock: FakeClock) -> None:
    """Under a 1 request/s limit the SDK waits out each 429 and every call succeeds."""
    emulator.settings.rate_limit = 1
    component_id = emulator.seed.component_ids["timer"]
    async with emulator.client(sleep=fake_clock.sleep, clock=fake_clock) as client:
        for _ in range(3):
            assert (await client.components.get(component_id)).name == "timer"
        assert client.stats.rate_limited == 2
    assert fake_clock.sleeps == [1.0, 1.0]


async def test_sdk_retries_injected_server_errors(
    emulator: Emulator, fake_clock: FakeClock
) -> None:
    """Two injected 503s on a GET are retried away."""
    emulator.faults.fail(503, times=2, route="GET /v2/components/{component_id}")
    async with emulator.client(sleep=fake_clock.sleep, clock=fake_clock) as client:
        component = await client.components.get(emulator.seed.component_ids["code"])
        assert component.name == "code"
        assert client.stats.retries == 2


async def test_sdk_retries_a_dropped_connection(emulator: Emulator, fake_clock: FakeClock) -> None:
    """A dropped connection on an idempotent request is retried by the SDK."""
    emulator.faults.drop(times=1)
    async with emulator.client(sleep=fake_clock.sleep, clock=fake_clock) as client:
        assert (await client.components.get(emulator.seed.component_ids["code"])).name == "code"
    assert [r.status for r in emulator.requests] == [None, 200]


async def test_sdk_maps_404(emulator: Emulator) -> None:
    """An unknown component raises the SDK's NotFoundError."""
    async with emulator.client(retry=RetryPolicy.never()) as client:
        with pytest.raises(NotFoundError):
            await client.components.get("0" * 24)
