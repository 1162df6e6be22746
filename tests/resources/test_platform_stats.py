"""``client.platform_stats``: queue depths and the workspaces' inventory, against the
docs' examples."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import respx

from elasticio import AsyncClient, BadRequestError, FlowComponentStats, StepQueueStats
from tests._support.docs import docs
from tests._support.wire import query


async def test_queues_decode_the_docs_example(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    route = router.get("/v2/stats/queues/f1").respond(
        200, json=docs("stats/queues", {"{FLOW_ID}": "f1"})
    )
    stats = await client.platform_stats.queues("f1")
    assert query(route.calls.last.request) == []
    assert stats.id == "f1"
    assert stats.step("step_1") == StepQueueStats(
        step_id="step_1", total=10, ready=8, unacked=2, rebounds=10
    )
    assert stats.step("step_2").ready == 20
    with pytest.raises(KeyError):
        stats.step("step_3")


async def test_workspaces_decode_the_docs_example(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    route = router.get("/v2/stats/workspaces").respond(200, json=docs("stats/workspaces"))
    workspaces = await client.platform_stats.workspaces()
    assert query(route.calls.last.request) == []
    assert [(w.name, w.type, len(w.flows)) for w in workspaces] == [
        ("Workspace 1", "full", 1),
        ("Workspace 2", "full", 0),
    ]
    flow = workspaces[0].flows[0]
    assert (flow.name, flow.status, flow.type) == ("Flow 1", "active", "ordinary")
    assert flow.created_at == datetime(2021, 1, 12, 16, 41, 2, 135000, tzinfo=UTC)
    assert flow.components[1] == FlowComponentStats(
        name="code", component_id="563a141fafbbef0700000003", version="latest"
    )


async def test_workspaces_send_the_contract(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.get("/v2/stats/workspaces").respond(200, json={"data": []})
    assert await client.platform_stats.workspaces(contract_id="c1") == []
    assert query(route.calls.last.request) == [("contract_id", "c1")]


async def test_an_error_is_typed(client: AsyncClient, router: respx.MockRouter) -> None:
    router.get("/v2/stats/workspaces").respond(
        400, json={"errors": [{"status": 400, "detail": "contract_id is required"}]}
    )
    with pytest.raises(BadRequestError, match="contract_id"):
        await client.platform_stats.workspaces()
