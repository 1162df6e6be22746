"""``client.quota_usages``: each endpoint's request and decoded answer, against the docs."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import respx

from elasticio import AsyncClient, DecodeError, NotFoundError, QuotaUsage
from tests._support.docs import docs
from tests._support.wire import query


async def test_contract_decodes_the_docs_example(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """contract() sends the period as ISO dates and reads ``data``."""
    route = router.get("/v2/quota-usages/contracts/c1").respond(
        200, json=docs("quota_usages/contract"), headers={"x-request-id": "r-1"}
    )
    usage = await client.quota_usages.contract("c1", since=date(2019, 9, 1), until="2019-09-30")
    assert query(route.calls.last.request) == [("from", "2019-09-01"), ("to", "2019-09-30")]
    assert usage == QuotaUsage(memory=2245348201, cpu=768877946)
    assert usage.request_id == "r-1"


async def test_workspace_has_the_flow_count(client: AsyncClient, router: respx.MockRouter) -> None:
    router.get("/v2/quota-usages/workspaces/w1").respond(200, json=docs("quota_usages/workspace"))
    usage = await client.quota_usages.workspace("w1", since="2019-09-01", until="2019-09-30")
    assert (usage.memory, usage.cpu, usage.flows) == (2245348201, 768877946, 12)


@pytest.mark.parametrize(
    ("method", "path", "first_id", "count"),
    [
        ("contract_history", "contracts/x/history", "2019-09-01", 30),
        ("workspace_history", "workspaces/x/history", "2019-09-01", 30),
        ("workspace_flows", "workspaces/x/flows", "5d820965844c7d0014501089", 4),
        ("flow_history", "flows/x/history", "2019-09-01", 30),
    ],
)
async def test_lists_decode_the_docs_examples(
    client: AsyncClient,
    router: respx.MockRouter,
    method: str,
    path: str,
    first_id: str,
    count: int,
) -> None:
    """Each list is the ``data`` array of models, with the period as dates."""
    route = router.get(f"/v2/quota-usages/{path}").respond(200, json=docs(f"quota_usages/{method}"))
    found = await getattr(client.quota_usages, method)(
        "x", since=datetime(2019, 9, 1, 23, tzinfo=UTC), until="2019-10-01"
    )
    assert ("from", "2019-09-01") in query(route.calls.last.request)
    assert len(found) == count
    assert found[0].id == first_id
    assert all(isinstance(item, QuotaUsage) and item.memory > 0 for item in found)


async def test_history_sends_group_by(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.get("/v2/quota-usages/flows/f1/history").respond(200, json={"data": []})
    await client.quota_usages.flow_history(
        "f1", since="2019-01-01", until="2019-12-31", group_by="month"
    )
    assert query(route.calls.last.request) == [
        ("from", "2019-01-01"),
        ("group_by", "month"),
        ("to", "2019-12-31"),
    ]


@pytest.mark.parametrize(
    ("answer", "pointer"),
    [({"memory": 1}, ""), ({"data": []}, "/data"), ({"data": {"memory": "lots"}}, "/data/memory")],
)
async def test_a_total_off_the_docs_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter, answer: object, pointer: str
) -> None:
    router.get("/v2/quota-usages/contracts/c1").respond(200, json=answer)
    with pytest.raises(DecodeError) as caught:
        await client.quota_usages.contract("c1", since="2019-09-01", until="2019-09-30")
    assert caught.value.pointer == pointer


async def test_a_history_without_data_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.get("/v2/quota-usages/contracts/c1/history").respond(200, json={"data": {}})
    with pytest.raises(DecodeError):
        await client.quota_usages.contract_history("c1", since="2019-09-01", until="2019-09-30")


async def test_an_error_is_typed(client: AsyncClient, router: respx.MockRouter) -> None:
    router.get("/v2/quota-usages/flows/f1/history").respond(
        404, json={"errors": [{"status": 404, "detail": "no such flow"}]}
    )
    with pytest.raises(NotFoundError):
        await client.quota_usages.flow_history("f1", since="2019-09-01", until="2019-09-30")
