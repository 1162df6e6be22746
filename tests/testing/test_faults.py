"""Scripted faults: injected 5xx, latency, dropped connections, the request log."""

from __future__ import annotations

import httpx
import pytest

from elasticio._catalog import Entry
from elasticio._catalog.v2 import FLOWS_GET
from elasticio.testing import ConnectionDropped, Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import data_of, error_of, http_client


async def test_fail_for_the_next_requests(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``fail(503, times=2)`` answers the next two requests 503, then normal service."""
    emulator.faults.fail(503, times=2)
    error_of(await api.get("/v2/users/me"), 503)
    error_of(await api.get("/v2/users/me"), 503)
    data_of(await api.get("/v2/users/me"))
    assert emulator.faults.rules == []


async def test_injected_error_can_carry_retry_after(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """An injected error may carry a ``Retry-After`` header."""
    emulator.faults.fail(503, times=1, retry_after=7)
    response = await api.get("/v2/users/me")
    error_of(response, 503)
    assert response.headers["retry-after"] == "7"


async def test_fail_for_one_route(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A fault naming a catalog entry hits that entry's route and leaves the others alone."""
    flow_id = next(iter(emulator.platform.flows))
    emulator.faults.fail(500, route="flows.get")
    data_of(await api.get("/v2/users/me"))
    error = error_of(await api.get(f"/v2/flows/{flow_id}"), 500)
    assert error["title"] == "Internal Server Error"


@pytest.mark.parametrize("route", [FLOWS_GET, "GET /v2/flows/{flow_id}"])
async def test_a_rule_may_give_the_entry_or_its_route(
    api: httpx.AsyncClient, emulator: Emulator, route: str | Entry
) -> None:
    """The Entry object, or its ``"METHOD /template"`` as before the catalog, names the same
    entry as its name."""
    rule = emulator.faults.fail(503, route=route)
    assert (rule.entry, rule.route) == ("flows.get", "GET /v2/flows/{flow_id}")
    error_of(await api.get(f"/v2/flows/{emulator.seed.flow_id}"), 503)


async def test_probabilistic_faults_are_reproducible(fake_clock: FakeClock) -> None:
    """The same seed gives the same sequence of failures."""

    async def outcomes(seed: int) -> list[int]:
        emulator = Emulator(clock=fake_clock, sleep=fake_clock.sleep, seed=seed)
        emulator.faults.fail(502, probability=0.5)
        async with http_client(emulator, emulator.credentials) as client:
            return [(await client.get("/v2/users/me")).status_code for _ in range(20)]

    first = await outcomes(7)
    assert first == await outcomes(7)
    assert set(first) == {200, 502}


async def test_faults_need_a_known_route(emulator: Emulator) -> None:
    """A name no served entry has is refused at once, with the close names suggested."""
    with pytest.raises(ValueError, match=r"unknown route 'flow\.get'.*did you mean flows\.get"):
        emulator.faults.fail(500, route="flow.get")
    with pytest.raises(ValueError, match="unknown route"):
        emulator.faults.drop(route="GET /v2/flow/{flow_id}")
    assert emulator.faults.rules == []


async def test_injected_errors_are_server_errors(emulator: Emulator) -> None:
    """Only 5xx statuses can be injected."""
    with pytest.raises(ValueError, match="5xx"):
        emulator.faults.fail(404)


async def test_latency_awaits_the_injected_sleep(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """``delay`` makes the app await the emulator's sleep before answering."""
    emulator.faults.delay(1.5, times=1)
    data_of(await api.get("/v2/users/me"))
    data_of(await api.get("/v2/users/me"))
    assert fake_clock.sleeps == [1.5]


async def test_latency_and_error_combine(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """A slow failure: the delay comes first, then the error answer."""
    emulator.faults.delay(2.0, times=1)
    emulator.faults.fail(504, times=1)
    error_of(await api.get("/v2/users/me"), 504)
    assert fake_clock.sleeps == [2.0]


async def test_dropped_connection_raises_in_process(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """In process a drop surfaces as httpx's error for a closed connection."""
    emulator.faults.drop(times=1)
    with pytest.raises(httpx.RemoteProtocolError) as caught:
        await api.get("/v2/users/me")
    assert isinstance(caught.value, ConnectionDropped)
    data_of(await api.get("/v2/users/me"))


async def test_clear_removes_every_fault(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``clear`` ends all scripted faults."""
    emulator.faults.fail(500)
    emulator.faults.clear()
    data_of(await api.get("/v2/users/me"))


async def test_requests_are_logged(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Every request is recorded with its entry, route, user and status, drops included."""
    flow_id = next(iter(emulator.platform.flows))
    emulator.faults.drop(times=1, route="flows.get")
    with pytest.raises(ConnectionDropped):
        await api.get(f"/v2/flows/{flow_id}")
    await api.get("/v2/users/me", params={"x": "1"})
    await api.get("/v2/nowhere")
    first, second, third = emulator.requests
    assert (first.entry, first.route, first.status) == (
        "flows.get",
        "GET /v2/flows/{flow_id}",
        None,
    )
    assert (second.entry, second.status, second.query) == ("users.me", 200, "x=1")
    assert second.user == emulator.seed.owner.email
    assert (third.entry, third.route, third.status) == (None, None, 404)
