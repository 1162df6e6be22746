"""Starting and stopping flows: 202, the status lag on the fake clock, 409s, and the stop
of an inactive flow (202 by default, 409 on request)."""

from __future__ import annotations

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import data_of, error_of


@pytest.fixture
def inactive_flow(emulator: Emulator) -> str:
    return emulator.platform.flows.create(
        workspace_id=emulator.seed.workspace_id, user_id=emulator.seed.owner.id, name="Idle"
    ).id


@pytest.fixture
def active_flow(emulator: Emulator) -> str:
    return emulator.platform.flows.create(
        workspace_id=emulator.seed.workspace_id,
        user_id=emulator.seed.owner.id,
        name="Busy",
        status="active",
    ).id


async def statuses(api: httpx.AsyncClient, flow_id: str) -> tuple[str, str]:
    attributes = data_of(await api.get(f"/v2/flows/{flow_id}"))["attributes"]
    return attributes["status"], attributes["current_status"]


async def test_start_answers_202_with_the_flow(
    api: httpx.AsyncClient, emulator: Emulator, inactive_flow: str
) -> None:
    """Start answers 202 with the flow: status active, current_status still inactive."""
    emulator.settings.transition_delay = 5.0
    flow = data_of(await api.post(f"/v2/flows/{inactive_flow}/start"), 202)
    assert flow["id"] == inactive_flow
    assert flow["attributes"]["status"] == "active"
    assert flow["attributes"]["current_status"] == "inactive"
    assert flow["attributes"]["last_start_time"] == "2025-01-01T00:00:00.000Z"


async def test_current_status_follows_after_the_delay(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock, inactive_flow: str
) -> None:
    """``current_status`` turns active once ``transition_delay`` has passed, not before."""
    emulator.settings.transition_delay = 5.0
    await api.post(f"/v2/flows/{inactive_flow}/start")
    fake_clock.advance(4.9)
    assert await statuses(api, inactive_flow) == ("active", "inactive")
    fake_clock.advance(0.1)
    assert await statuses(api, inactive_flow) == ("active", "active")


async def test_without_delay_the_flow_is_active_at_once(
    api: httpx.AsyncClient, inactive_flow: str
) -> None:
    """With the default delay of 0 the next read shows the flow running."""
    await api.post(f"/v2/flows/{inactive_flow}/start")
    assert await statuses(api, inactive_flow) == ("active", "active")


async def test_start_answer_shows_the_previous_current_status(
    api: httpx.AsyncClient, inactive_flow: str
) -> None:
    """Even without a delay the 202 shows ``current_status`` as it was, as the docs do."""
    flow = data_of(await api.post(f"/v2/flows/{inactive_flow}/start"), 202)
    assert (flow["attributes"]["status"], flow["attributes"]["current_status"]) == (
        "active",
        "inactive",
    )


async def test_start_while_stopping_shows_it_running(
    api: httpx.AsyncClient, emulator: Emulator, active_flow: str
) -> None:
    """A start before a stop has settled answers with ``current_status`` still active."""
    emulator.settings.transition_delay = 5.0
    await api.post(f"/v2/flows/{active_flow}/stop")
    flow = data_of(await api.post(f"/v2/flows/{active_flow}/start"), 202)
    assert flow["attributes"]["current_status"] == "active"


async def test_starting_an_active_flow_is_409(api: httpx.AsyncClient, active_flow: str) -> None:
    """Start on an active flow is 409 "Flow is already active"."""
    error = error_of(await api.post(f"/v2/flows/{active_flow}/start"), 409)
    assert error["detail"] == "Flow is already active"


async def test_starting_while_still_starting_is_409(
    api: httpx.AsyncClient, emulator: Emulator, inactive_flow: str
) -> None:
    """A flow asked to start is active as far as a second start is concerned."""
    emulator.settings.transition_delay = 5.0
    await api.post(f"/v2/flows/{inactive_flow}/start")
    error_of(await api.post(f"/v2/flows/{inactive_flow}/start"), 409)


async def test_stop_answers_202_with_empty_document(
    api: httpx.AsyncClient, active_flow: str
) -> None:
    """Stop answers 202 with ``{"data": {}, "meta": {}}``, as documented."""
    response = await api.post(f"/v2/flows/{active_flow}/stop")
    assert response.status_code == 202
    assert response.json() == {"data": {}, "meta": {}}


async def test_stop_lags_like_start(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock, active_flow: str
) -> None:
    """After stop, ``current_status`` stays active until the delay has passed."""
    emulator.settings.transition_delay = 2.0
    await api.post(f"/v2/flows/{active_flow}/stop")
    assert await statuses(api, active_flow) == ("inactive", "active")
    fake_clock.advance(2.0)
    assert await statuses(api, active_flow) == ("inactive", "inactive")


async def test_stopping_an_inactive_flow_is_answered_like_any_stop(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock, inactive_flow: str
) -> None:
    """Stop on an inactive flow answers 202 and changes nothing, not even ``updated_at``."""
    before = data_of(await api.get(f"/v2/flows/{inactive_flow}"))
    fake_clock.advance(60)
    response = await api.post(f"/v2/flows/{inactive_flow}/stop")
    assert (response.status_code, response.json()) == (202, {"data": {}, "meta": {}})
    assert data_of(await api.get(f"/v2/flows/{inactive_flow}")) == before


async def test_a_second_stop_does_not_delay_the_first(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock, active_flow: str
) -> None:
    """A stop while a stop settles leaves the moment the flow stops where it was."""
    emulator.settings.transition_delay = 2.0
    await api.post(f"/v2/flows/{active_flow}/stop")
    fake_clock.advance(1.5)
    assert (await api.post(f"/v2/flows/{active_flow}/stop")).status_code == 202
    fake_clock.advance(0.5)
    assert await statuses(api, active_flow) == ("inactive", "inactive")


async def test_stopping_an_inactive_flow_is_409_on_request(
    api: httpx.AsyncClient, emulator: Emulator, inactive_flow: str
) -> None:
    """With ``stop_inactive_conflict`` a stop of an inactive flow is 409."""
    emulator.settings.stop_inactive_conflict = True
    error = error_of(await api.post(f"/v2/flows/{inactive_flow}/stop"), 409)
    assert error["detail"] == "Flow is already inactive"


async def test_strict_stop_still_stops_an_active_flow(
    api: httpx.AsyncClient, emulator: Emulator, active_flow: str
) -> None:
    """``stop_inactive_conflict`` leaves the stop of an active flow as it is."""
    emulator.settings.stop_inactive_conflict = True
    assert (await api.post(f"/v2/flows/{active_flow}/stop")).status_code == 202
    assert await statuses(api, active_flow) == ("inactive", "inactive")


async def test_start_of_unknown_flow_is_404(api: httpx.AsyncClient) -> None:
    """Starting an unknown flow is 404."""
    error_of(await api.post(f"/v2/flows/{'0' * 24}/start"), 404)


async def test_start_in_foreign_workspace_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Starting a flow of a workspace the caller is not in is 403."""
    flow = emulator.platform.flows.create(
        workspace_id=emulator.seed.private_workspace_id,
        user_id=emulator.seed.owner.id,
        name="Private",
    )
    error_of(await guest_api.post(f"/v2/flows/{flow.id}/start"), 403)


async def test_stop_while_starting_keeps_it_inactive(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock, inactive_flow: str
) -> None:
    """Stopping before a start has settled: the flow never shows as running."""
    emulator.settings.transition_delay = 5.0
    await api.post(f"/v2/flows/{inactive_flow}/start")
    fake_clock.advance(1.0)
    await api.post(f"/v2/flows/{inactive_flow}/stop")
    assert await statuses(api, inactive_flow) == ("inactive", "inactive")
    fake_clock.advance(10.0)
    assert await statuses(api, inactive_flow) == ("inactive", "inactive")
