"""The per-user token-bucket rate limit and its 429 answers."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import data_of, error_of, json_of, v1_error_of


async def test_off_by_default(api: httpx.AsyncClient) -> None:
    """Without a rate limit any number of requests passes."""
    for _ in range(30):
        data_of(await api.get("/v2/users/me"))


async def test_burst_then_429_with_retry_after(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """N requests pass at once; the next is 429 with an integer ``Retry-After``."""
    emulator.settings.rate_limit = 3
    for _ in range(3):
        data_of(await api.get("/v2/users/me"))
    response = await api.get("/v2/users/me")
    error = error_of(response, 429)
    assert error["title"] == "Too Many Requests"
    assert response.headers["retry-after"] == "1"


async def test_bucket_refills_with_time(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """After waiting the advertised time the next request passes."""
    emulator.settings.rate_limit = 2
    for _ in range(2):
        await api.get("/v2/users/me")
    error_of(await api.get("/v2/users/me"), 429)
    fake_clock.advance(0.5)
    data_of(await api.get("/v2/users/me"))


async def test_retry_after_rounds_up_to_whole_seconds(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A slow rate gives the wait in whole seconds, rounded up."""
    emulator.settings.rate_limit = 0.25
    data_of(await api.get("/v2/users/me"))
    assert (await api.get("/v2/users/me")).headers["retry-after"] == "4"


async def test_buckets_are_per_user(
    api: httpx.AsyncClient, guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """One user's exhausted bucket does not limit another user."""
    emulator.settings.rate_limit = 1
    data_of(await api.get("/v2/users/me"))
    error_of(await api.get("/v2/users/me"), 429)
    data_of(await guest_api.get("/v2/users/me"))


async def test_turning_the_limit_off(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Setting the limit back to None lets requests through again."""
    emulator.settings.rate_limit = 1
    await api.get("/v2/users/me")
    error_of(await api.get("/v2/users/me"), 429)
    emulator.settings.rate_limit = None
    data_of(await api.get("/v2/users/me"))


async def test_v1_shares_the_bucket_and_answers_in_v1s_form(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A v1 request draws on the same per-user bucket as v2, and its 429 is written
    ``{"message": ...}`` with the same ``Retry-After``."""
    emulator.settings.rate_limit = 2
    data_of(await api.get("/v2/users/me"))
    json_of(await api.get("/v1/users"))
    response = await api.get("/v1/users")
    assert v1_error_of(response, 429)
    assert response.headers["retry-after"] == "1"
    error_of(await api.get("/v2/users/me"), 429)
