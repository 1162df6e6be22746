"""Stats over plain httpx: queue figures of a flow's steps (made up for running flows,
or set by tests), the workspaces' inventory, and who may read them."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.docs import docs
from tests._support.emulator_http import data_of, error_of, http_client


def _active_flow(emulator: Emulator) -> str:
    return next(
        f.id
        for f in emulator.platform.flows.values()
        if f.workspace_id == emulator.seed.workspace_id and f.status == "active"
    )


def _keys(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _keys(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_keys(value[0])] if value else []
    return None


async def test_queues_have_the_docs_shape(api: httpx.AsyncClient, emulator: Emulator) -> None:
    flow_id = _active_flow(emulator)
    response = await api.get(f"/v2/stats/queues/{flow_id}")
    example = docs("stats/queues", {"{FLOW_ID}": flow_id})
    body = response.json()
    assert _keys(body["data"]) == _keys(example["data"])
    assert (body["data"]["id"], body["data"]["type"]) == (flow_id, "flow-queue-stats")


async def test_a_running_flows_queues_hold_messages_that_change_each_minute(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """Every step is listed; ``total`` is ``ready`` plus ``unacked``; the figures
    change as the emulator's clock moves on."""
    flow_id = _active_flow(emulator)
    seen = []
    for _ in range(5):
        stats = data_of(await api.get(f"/v2/stats/queues/{flow_id}"))["attributes"]["stats"]
        assert [s["step_id"] for s in stats] == ["step_1", "step_2"]
        assert all(s["total"] == s["ready"] + s["unacked"] for s in stats)
        seen.append(stats)
        fake_clock.advance(60)
    assert len({str(s) for s in seen}) > 1
    assert any(s["total"] for stats in seen for s in stats)


async def test_a_stopped_flows_queues_are_empty(api: httpx.AsyncClient, emulator: Emulator) -> None:
    stats = data_of(await api.get(f"/v2/stats/queues/{emulator.seed.flow_id}"))
    assert all(
        (s["total"], s["ready"], s["unacked"], s["rebounds"]) == (0, 0, 0, 0)
        for s in stats["attributes"]["stats"]
    )


async def test_figures_a_test_sets_stand(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``platform.queues.set`` fixes a step's figures, even of a stopped flow."""
    flow_id = emulator.seed.flow_id
    emulator.platform.queues.set(flow_id, "step_2", ready=8, unacked=2, rebounds=10)
    stats = data_of(await api.get(f"/v2/stats/queues/{flow_id}"))["attributes"]["stats"]
    assert stats[1] == {"step_id": "step_2", "total": 10, "ready": 8, "unacked": 2, "rebounds": 10}


def test_setting_checks_the_step_and_the_figures(emulator: Emulator) -> None:
    with pytest.raises(KeyError):
        emulator.platform.queues.set(emulator.seed.flow_id, "step_9", ready=1)
    with pytest.raises(KeyError):
        emulator.platform.queues.set("no-such-flow", "step_1", ready=1)
    with pytest.raises(ValueError, match="negative"):
        emulator.platform.queues.set(emulator.seed.flow_id, "step_1", ready=-1)


@pytest.mark.parametrize(
    ("who", "status"),
    [("owner", 200), ("member", 200), ("contract_owner", 403), ("outsider", 404)],
)
async def test_queues_are_for_the_workspaces_members(
    emulator: Emulator, who: str, status: int
) -> None:
    user = getattr(emulator.seed, who)
    async with http_client(emulator, (user.email, user.api_key)) as client:
        response = await client.get(f"/v2/stats/queues/{_active_flow(emulator)}")
    if status == 200:
        data_of(response)
    else:
        error_of(response, status)


async def test_queues_of_an_unknown_flow_are_404(api: httpx.AsyncClient) -> None:
    error_of(await api.get("/v2/stats/queues/000000000000000000000000"), 404)


async def test_inventory_has_the_docs_shape(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A tenant admin sees every workspace with its flows and their components."""
    response = await api.get("/v2/stats/workspaces")
    body = response.json()
    example = docs("stats/workspaces")
    assert sorted(body) == sorted(example)
    assert body["links"] == example["links"]
    first = body["data"][0]
    assert _keys(first) == _keys(example["data"][0])
    assert {w["id"] for w in body["data"]} == {
        emulator.seed.workspace_id,
        emulator.seed.private_workspace_id,
    }


async def test_inventory_lists_each_flows_components(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    data = data_of(await api.get("/v2/stats/workspaces"))
    shared = next(w for w in data if w["id"] == emulator.seed.workspace_id)
    flows = shared["attributes"]["flows"]
    platform = emulator.platform
    assert len(flows) == len(platform.flows.where(lambda f: f.workspace_id == shared["id"]))
    flow = platform.flows[flows[0]["id"]]
    assert [c["component_id"] for c in flows[0]["components"]] == [
        node["component_id"] for node in flow.nodes
    ]
    assert (
        flows[0]["components"][0]["name"] == platform.components[flow.nodes[0]["component_id"]].name
    )
    assert flows[0]["components"][0]["version"] == "latest"
    assert (flows[0]["status"], flows[0]["type"]) == (flow.status, flow.type)


async def test_a_tenant_admin_may_not_name_a_contract(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    response = await api.get(
        "/v2/stats/workspaces", params={"contract_id": emulator.seed.contract_id}
    )
    assert error_of(response, 400)["source"] == {"parameter": "contract_id"}


async def test_a_contract_owner_must_name_the_contract(emulator: Emulator) -> None:
    owner = emulator.seed.contract_owner
    async with http_client(emulator, (owner.email, owner.api_key)) as client:
        error_of(await client.get("/v2/stats/workspaces"), 400)
        response = await client.get(
            "/v2/stats/workspaces", params={"contract_id": emulator.seed.contract_id}
        )
    assert len(data_of(response)) == 2


@pytest.mark.parametrize("who", ["guest", "member", "outsider"])
async def test_others_may_not_read_the_inventory(emulator: Emulator, who: str) -> None:
    """Without ``global.stats.workspaces`` (a contract admin, a plain member, an
    outsider): 403."""
    user = getattr(emulator.seed, who)
    async with http_client(emulator, (user.email, user.api_key)) as client:
        response = await client.get(
            "/v2/stats/workspaces", params={"contract_id": emulator.seed.contract_id}
        )
    error_of(response, 403)
