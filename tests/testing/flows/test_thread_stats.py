"""Thread stats of a workspace (API digest §4.5; the shape is the emulator's): messages
per day, from the workspace's flows and the emulator's clock."""

from __future__ import annotations

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import data_of, error_of

HOUR = 3600.0


@pytest.fixture
def workspace_id(emulator: Emulator) -> str:
    """A workspace of its own, so that the seed's flows do not count."""
    seed = emulator.seed
    return emulator.platform.workspaces.create(
        contract_id=seed.contract_id, name="Stats", owner_ids=[seed.owner.id]
    ).id


async def days(api: httpx.AsyncClient, workspace_id: str) -> list[tuple[str, int]]:
    stats = data_of(await api.get("/v2/threads/stats", params={"workspace_id": workspace_id}))
    return [(day["date"], day["messages"]) for day in stats["attributes"]["days"]]


async def test_the_answer_is_seven_days_today_last(
    api: httpx.AsyncClient, workspace_id: str
) -> None:
    """One ``thread-stats`` resource, id the workspace's, with the last seven days."""
    response = await api.get("/v2/threads/stats", params={"workspace_id": workspace_id})
    stats = data_of(response)
    assert (stats["type"], stats["id"]) == ("thread-stats", workspace_id)
    assert stats["relationships"]["workspace"]["data"]["id"] == workspace_id
    assert await days(api, workspace_id) == [
        ("2024-12-26", 0),
        ("2024-12-27", 0),
        ("2024-12-28", 0),
        ("2024-12-29", 0),
        ("2024-12-30", 0),
        ("2024-12-31", 0),
        ("2025-01-01", 0),
    ]


async def test_a_running_flow_counts_a_message_a_minute(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock, workspace_id: str
) -> None:
    """A flow started at midnight has handled 90 messages at 01:30, none the day before."""
    flow = emulator.platform.flows.create(
        workspace_id=workspace_id, user_id=emulator.seed.owner.id, name="F"
    )
    await api.post(f"/v2/flows/{flow.id}/start")
    fake_clock.advance(1.5 * HOUR)
    assert (await days(api, workspace_id))[-2:] == [("2024-12-31", 0), ("2025-01-01", 90)]


async def test_the_days_follow_the_clock(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock, workspace_id: str
) -> None:
    """A day later yesterday is full (1440) and today has begun."""
    flow = emulator.platform.flows.create(
        workspace_id=workspace_id, user_id=emulator.seed.owner.id, name="F"
    )
    await api.post(f"/v2/flows/{flow.id}/start")
    fake_clock.advance(24 * HOUR + 600)
    assert (await days(api, workspace_id))[-2:] == [("2025-01-01", 1440), ("2025-01-02", 10)]


async def test_stopped_flows_count_nothing_and_runs_count_one(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock, workspace_id: str
) -> None:
    """An inactive flow adds nothing; each run now of an active flow adds one message."""
    owner = emulator.seed.owner.id
    emulator.platform.flows.create(workspace_id=workspace_id, user_id=owner, name="Idle")
    busy = emulator.platform.flows.create(workspace_id=workspace_id, user_id=owner, name="Busy")
    await api.post(f"/v2/flows/{busy.id}/start")
    await api.post(f"/v2/flows/{busy.id}/run-now")
    await api.post(f"/v2/flows/{busy.id}/run-now")
    fake_clock.advance(59)
    assert (await days(api, workspace_id))[-1] == ("2025-01-01", 2)


async def test_other_workspaces_do_not_count(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock, workspace_id: str
) -> None:
    """The seed's active flows count in their own workspace, not in this one."""
    fake_clock.advance(HOUR)
    assert (await days(api, workspace_id))[-1] == ("2025-01-01", 0)
    assert (await days(api, emulator.seed.workspace_id))[-1][1] > 0


async def test_thread_stats_need_a_workspace(api: httpx.AsyncClient) -> None:
    """Without ``workspace_id`` the answer is 400."""
    error_of(await api.get("/v2/threads/stats"), 400)


async def test_thread_stats_of_a_foreign_workspace_are_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A workspace the caller is not in is 403; one they are in is 200."""
    query = {"workspace_id": emulator.seed.private_workspace_id}
    error_of(await guest_api.get("/v2/threads/stats", params=query), 403)
    shared = {"workspace_id": emulator.seed.workspace_id}
    assert (await guest_api.get("/v2/threads/stats", params=shared)).status_code == 200
