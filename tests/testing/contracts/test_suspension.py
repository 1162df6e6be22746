"""Suspending a contract: 202, its flows stop on the emulator's clock, writes into it are
refused with 409 until it is unsuspended (204)."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import data_of, error_of, http_client, ref


def _suspend_url(emulator: Emulator) -> str:
    return f"/v2/contracts/{emulator.seed.contract_id}/suspend"


def _active_flow_id(emulator: Emulator) -> str:
    seed = emulator.seed
    found = emulator.platform.flows.where(
        lambda f: f.workspace_id == seed.workspace_id and f.status == "active"
    )
    return found[0].id


async def test_suspend_is_202_and_stops_the_flows(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """The contract reads ``suspending`` until its flows have stopped, then ``suspended``."""
    emulator.settings.transition_delay = 5.0
    flow_id = _active_flow_id(emulator)
    response = await api.post(_suspend_url(emulator))
    assert (response.status_code, response.content) == (202, b"")
    contract_url = f"/v2/contracts/{emulator.seed.contract_id}"
    assert data_of(await api.get(contract_url))["attributes"]["status"] == "suspending"
    flow = data_of(await api.get(f"/v2/flows/{flow_id}"))["attributes"]
    assert (flow["status"], flow["current_status"]) == ("inactive", "active")
    fake_clock.advance(5.0)
    assert data_of(await api.get(contract_url))["attributes"]["status"] == "suspended"
    assert data_of(await api.get(f"/v2/flows/{flow_id}"))["attributes"]["current_status"] == (
        "inactive"
    )
    workspace_ids = {
        w.id
        for w in emulator.platform.workspaces.values()
        if w.contract_id == emulator.seed.contract_id
    }
    running = [
        f
        for f in emulator.platform.flows.values()
        if f.workspace_id in workspace_ids and f.status == "active"
    ]
    assert running == []


async def test_writes_are_refused_while_suspended(
    api: httpx.AsyncClient, guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Starting a flow, creating one, adding a topic: 409 for members of the contract."""
    seed = emulator.seed
    assert (await api.post(_suspend_url(emulator))).status_code == 202
    error = error_of(await api.post(f"/v2/flows/{seed.flow_id}/start"), 409)
    assert error["detail"] == "The contract is suspended."
    error_of(await guest_api.post(f"/v2/flows/{seed.flow_id}/start"), 409)
    new_flow = {
        "data": {
            "type": "flow",
            "attributes": {"name": "New", "type": "ordinary", "graph": {"nodes": [], "edges": []}},
            "relationships": {"workspace": ref("workspace", seed.workspace_id)},
        }
    }
    error_of(await api.post("/v2/flows", json=new_flow), 409)
    topic = {"data": {"type": "topic", "attributes": {"name": "T", "schema": {}}}}
    error_of(await api.post(f"/v2/workspaces/{seed.workspace_id}/topics", json=topic), 409)
    assert emulator.platform.flows[seed.flow_id].status == "inactive"


async def test_reads_and_other_contracts_stay_open(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """While suspended, reads work, and writes into another contract do too."""
    seed = emulator.seed
    other = emulator.platform.contracts.create(name="Other", owner_ids=[seed.owner.id])
    workspace = emulator.platform.workspaces.create(
        contract_id=other.id, name="W", owner_ids=[seed.owner.id]
    )
    assert (await api.post(_suspend_url(emulator))).status_code == 202
    assert data_of(await api.get(f"/v2/flows/{seed.flow_id}"))["id"] == seed.flow_id
    topic = {"data": {"type": "topic", "attributes": {"name": "T", "schema": {}}}}
    response = await api.post(f"/v2/workspaces/{workspace.id}/topics", json=topic)
    assert response.status_code == 201


async def test_outsiders_still_get_403_not_409(emulator: Emulator, api: httpx.AsyncClient) -> None:
    """A caller outside the contract is refused by the route as usual (403)."""
    seed = emulator.seed
    outsider = emulator.platform.users.create(email="out@example.com", api_key="out-key")
    assert (await api.post(_suspend_url(emulator))).status_code == 202
    async with http_client(emulator, (outsider.email, "out-key")) as client:
        response = await client.post(f"/v2/flows/{seed.flow_id}/start")
    error_of(response, 403)


async def test_unsuspend_is_204_and_opens_writes_again(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """After unsuspend the contract is active, its flows stay stopped, writes work again."""
    seed = emulator.seed
    flow_id = _active_flow_id(emulator)
    assert (await api.post(_suspend_url(emulator))).status_code == 202
    response = await api.post(f"/v2/contracts/{seed.contract_id}/unsuspend")
    assert response.status_code == 204
    contract = data_of(await api.get(f"/v2/contracts/{seed.contract_id}"))
    assert contract["attributes"]["status"] == "active"
    assert emulator.platform.flows[flow_id].status == "inactive"
    assert (await api.post(f"/v2/flows/{flow_id}/start")).status_code == 202


async def test_suspension_is_for_tenant_admins(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A contract admin may neither suspend nor unsuspend (403)."""
    error_of(await guest_api.post(_suspend_url(emulator)), 403)
    unsuspend = f"/v2/contracts/{emulator.seed.contract_id}/unsuspend"
    error_of(await guest_api.post(unsuspend), 403)
    assert emulator.platform.contracts[emulator.seed.contract_id].status == "active"
