"""Run now and suspend (API digest §4.4), the deleted-flow list and restore (§4.5)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import data_of, error_of, http_client

DAY = 86_400.0


@pytest.fixture
def active_flow(emulator: Emulator) -> str:
    return emulator.platform.flows.create(
        workspace_id=emulator.seed.workspace_id,
        user_id=emulator.seed.owner.id,
        name="Busy",
        status="active",
    ).id


@pytest.fixture
async def member_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """Signed in as the seeded member (a guest of the shared workspace, no contract role)."""
    member = emulator.seed.member
    async with http_client(emulator, (member.email, member.api_key)) as client:
        yield client


async def statuses(api: httpx.AsyncClient, flow_id: str) -> tuple[str, str]:
    attributes = data_of(await api.get(f"/v2/flows/{flow_id}"))["attributes"]
    return attributes["status"], attributes["current_status"]


# -- run now -----------------------------------------------------------------------------


async def test_run_now_answers_202_with_an_empty_document(
    api: httpx.AsyncClient, emulator: Emulator, active_flow: str
) -> None:
    """Run now of an active flow is 202 ``{"data": {}, "meta": {}}`` and is recorded."""
    response = await api.post(f"/v2/flows/{active_flow}/run-now")
    assert (response.status_code, response.json()) == (202, {"data": {}, "meta": {}})
    assert len(emulator.platform.flows[active_flow].runs) == 1


async def test_run_now_of_an_inactive_flow_is_409(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Only an active flow can be run now."""
    error_of(await api.post(f"/v2/flows/{emulator.seed.flow_id}/run-now"), 409)


async def test_run_now_of_an_unknown_flow_is_404(api: httpx.AsyncClient) -> None:
    """An unknown flow is 404."""
    error_of(await api.post(f"/v2/flows/{'0' * 24}/run-now"), 404)


# -- suspend -----------------------------------------------------------------------------


async def test_suspend_changes_status_and_current_status_follows(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock, active_flow: str
) -> None:
    """Suspend is 202; ``status`` is suspended at once, ``current_status`` after the delay."""
    emulator.settings.transition_delay = 3.0
    response = await api.post(f"/v2/flows/{active_flow}/suspend")
    assert (response.status_code, response.json()) == (202, {"data": {}, "meta": {}})
    assert await statuses(api, active_flow) == ("suspended", "active")
    fake_clock.advance(3.0)
    assert await statuses(api, active_flow) == ("suspended", "suspended")


async def test_suspend_of_an_inactive_flow_is_409(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Only an active flow can be suspended."""
    error_of(await api.post(f"/v2/flows/{emulator.seed.flow_id}/suspend"), 409)


async def test_a_suspended_flow_starts_again(api: httpx.AsyncClient, active_flow: str) -> None:
    """Start resumes a suspended flow; its 202 shows it still suspended."""
    await api.post(f"/v2/flows/{active_flow}/suspend")
    flow = data_of(await api.post(f"/v2/flows/{active_flow}/start"), 202)
    assert (flow["attributes"]["status"], flow["attributes"]["current_status"]) == (
        "active",
        "suspended",
    )
    assert await statuses(api, active_flow) == ("active", "active")


async def test_the_graph_of_a_suspended_flow_is_fixed(
    api: httpx.AsyncClient, active_flow: str, emulator: Emulator
) -> None:
    """A suspended flow's graph cannot change (409); its name can."""
    await api.post(f"/v2/flows/{active_flow}/suspend")
    graph = {"nodes": [{"id": "step_1", "command": "elasticio/timer:timer@latest"}], "edges": []}
    change = {"data": {"type": "flow", "id": active_flow, "attributes": {"graph": graph}}}
    error_of(await api.patch(f"/v2/flows/{active_flow}", json=change), 409)
    rename = {"data": {"type": "flow", "id": active_flow, "attributes": {"name": "Paused"}}}
    renamed = data_of(await api.patch(f"/v2/flows/{active_flow}", json=rename))
    assert renamed["attributes"]["name"] == "Paused"


async def test_the_list_filters_suspended_flows(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``filter[status]=suspended`` keeps the suspended flows only."""
    flow_id = emulator.platform.flows.create(
        workspace_id=emulator.seed.workspace_id,
        user_id=emulator.seed.owner.id,
        name="Paused",
        status="suspended",
    ).id
    query = {"workspace_id": emulator.seed.workspace_id, "filter[status]": "suspended"}
    flows = data_of(await api.get("/v2/flows", params=query))
    assert [flow["id"] for flow in flows] == [flow_id]


# -- deleted flows and restore -----------------------------------------------------------


async def test_a_deleted_flow_is_listed_with_its_deletion_time(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """After a delete the flow is in the workspace's deleted list, with ``deleted_at``."""
    flow_id = emulator.seed.flow_id
    fake_clock.advance(60)
    await api.delete(f"/v2/flows/{flow_id}")
    query = {"workspace_id": emulator.seed.workspace_id}
    response = await api.get("/v2/flows/deleted", params=query)
    [flow] = data_of(response)
    assert (flow["type"], flow["id"]) == ("flow", flow_id)
    assert flow["attributes"]["deleted_at"] == "2025-01-01T00:01:00.000Z"
    assert response.json()["meta"]["total"] == 1
    other = {"workspace_id": emulator.seed.private_workspace_id}
    assert data_of(await api.get("/v2/flows/deleted", params=other)) == []


async def test_the_deleted_list_forgets_after_the_restore_window(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """Once 24 hours have passed the flow is no longer listed."""
    await api.delete(f"/v2/flows/{emulator.seed.flow_id}")
    query = {"workspace_id": emulator.seed.workspace_id}
    fake_clock.advance(DAY)
    assert len(data_of(await api.get("/v2/flows/deleted", params=query))) == 1
    fake_clock.advance(1)
    assert data_of(await api.get("/v2/flows/deleted", params=query)) == []


async def test_the_deleted_list_needs_a_workspace(api: httpx.AsyncClient) -> None:
    """Without ``workspace_id`` the list is 400."""
    error = error_of(await api.get("/v2/flows/deleted"), 400)
    assert "workspace_id" in error["detail"]


async def test_the_deleted_list_is_for_tenant_admins(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A workspace member without ``tenants.flow.view_deleted`` gets 403."""
    query = {"workspace_id": emulator.seed.workspace_id}
    error = error_of(await guest_api.get("/v2/flows/deleted", params=query), 403)
    assert "tenants.flow.view_deleted" in error["detail"]


async def test_restore_brings_the_flow_back_inactive(
    api: httpx.AsyncClient, emulator: Emulator, active_flow: str
) -> None:
    """Restore answers 200 with the flow, inactive; it is listed again, not deleted."""
    before = data_of(await api.get(f"/v2/flows/{active_flow}"))
    await api.delete(f"/v2/flows/{active_flow}")
    flow = data_of(await api.post(f"/v2/flows/{active_flow}/restore"))
    assert (flow["id"], flow["attributes"]["status"]) == (active_flow, "inactive")
    assert flow["attributes"]["current_status"] == "inactive"
    assert flow["attributes"]["graph"] == before["attributes"]["graph"]
    assert data_of(await api.get(f"/v2/flows/{active_flow}"))["id"] == active_flow
    query = {"workspace_id": emulator.seed.workspace_id}
    assert data_of(await api.get("/v2/flows/deleted", params=query)) == []


async def test_restore_after_the_window_is_404(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """A day and a second after the delete the flow cannot be restored."""
    await api.delete(f"/v2/flows/{emulator.seed.flow_id}")
    fake_clock.advance(DAY + 1)
    error_of(await api.post(f"/v2/flows/{emulator.seed.flow_id}/restore"), 404)


async def test_the_restore_window_is_a_setting(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """``restore_window`` sets how long a deleted flow can be restored."""
    emulator.settings.restore_window = 48 * 3600.0
    await api.delete(f"/v2/flows/{emulator.seed.flow_id}")
    fake_clock.advance(DAY + 1)
    data_of(await api.post(f"/v2/flows/{emulator.seed.flow_id}/restore"))


async def test_restore_of_a_flow_never_deleted_is_404(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A flow that exists, or never did, cannot be restored."""
    error_of(await api.post(f"/v2/flows/{emulator.seed.flow_id}/restore"), 404)
    error_of(await api.post(f"/v2/flows/{'0' * 24}/restore"), 404)


async def test_restore_is_for_tenant_admins(
    api: httpx.AsyncClient, guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A workspace member without ``tenants.flow.restore`` gets 403; the flow stays gone."""
    flow_id = emulator.seed.flow_id
    await api.delete(f"/v2/flows/{flow_id}")
    error = error_of(await guest_api.post(f"/v2/flows/{flow_id}/restore"), 403)
    assert "tenants.flow.restore" in error["detail"]
    error_of(await api.get(f"/v2/flows/{flow_id}"), 404)


async def test_a_flow_of_a_deleted_workspace_cannot_be_restored(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Once the workspace is gone, so is the chance to restore its flows (404)."""
    platform = emulator.platform
    workspace = platform.workspaces.create(
        contract_id=emulator.seed.contract_id,
        name="Short-lived",
        owner_ids=[emulator.seed.owner.id],
    )
    flow = platform.flows.create(
        workspace_id=workspace.id, user_id=emulator.seed.owner.id, name="F"
    )
    await api.delete(f"/v2/flows/{flow.id}")
    assert (await api.delete(f"/v2/workspaces/{workspace.id}")).status_code == 204
    error_of(await api.post(f"/v2/flows/{flow.id}/restore"), 404)
