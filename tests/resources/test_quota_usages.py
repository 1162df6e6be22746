"""``client.quota_usages``: each endpoint's request and decoded answer, against the docs."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
import respx

from elasticio import (
    AsyncClient,
    DecodeError,
    MessagesUsage,
    NotFoundError,
    PermissionDeniedError,
    QuotaLimits,
    QuotaUsage,
)
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


async def test_limits_send_the_contract_in_the_query(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """limits() asks ``/v2/quotas/limits?contract_id=`` and reads ``data``."""
    answer = {"data": {"memory": 100, "cpu": 20, "messages": 3, "flows": 9}}
    route = router.get("/v2/quotas/limits").respond(200, json=answer)
    limits = await client.quota_usages.limits("c1")
    assert query(route.calls.last.request) == [("contract_id", "c1")]
    assert limits == QuotaLimits(memory=100, cpu=20, messages=3, extra={"flows": 9})


async def test_usages_read_the_messages_too(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.get("/v2/quotas/usages").respond(
        200, json={"data": {"memory": 5, "cpu": 6, "messages": 7}}
    )
    used = await client.quota_usages.usages("c1")
    assert query(route.calls.last.request) == [("contract_id", "c1")]
    assert used == QuotaUsage(memory=5, cpu=6, messages=7)


async def test_messages_history_sends_the_period(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    path = "/v2/runtime-quota-usages/contracts/c1/messages-usage/history"
    answer = {"data": [{"id": "2026-10", "messages": 1440}, {"id": "2026-11", "messages": 0}]}
    route = router.get(path).respond(200, json=answer)
    months = await client.quota_usages.messages_history(
        "c1", since=date(2026, 10, 1), until="2026-11-30", group_by="month"
    )
    assert query(route.calls.last.request) == [
        ("from", "2026-10-01"),
        ("group_by", "month"),
        ("to", "2026-11-30"),
    ]
    assert months == [MessagesUsage(id="2026-10", messages=1440), MessagesUsage(id="2026-11")]


async def test_limits_off_the_shape_are_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.get("/v2/quotas/limits").respond(200, json={"data": {"messages": "many"}})
    with pytest.raises(DecodeError) as caught:
        await client.quota_usages.limits("c1")
    assert caught.value.pointer == "/data/messages"


async def test_a_refused_messages_history_is_typed(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.get("/v2/runtime-quota-usages/contracts/c1/messages-usage/history").respond(
        403, json={"errors": [{"status": 403, "detail": "not a member"}]}
    )
    with pytest.raises(PermissionDeniedError):
        await client.quota_usages.messages_history("c1", since="2026-10-01", until="2026-10-31")
