"""Run now, suspend, deleted flows and restore, error subscriptions and thread stats: the
endpoints known from the OpenAPI draft and the release notes (API digest §4.4, §4.5),
whose shapes are the SDK's and the emulator's choice."""

from __future__ import annotations

from typing import Any

import pytest
import respx

from elasticio import (
    AsyncClient,
    ConflictError,
    DecodeError,
    FlowSubscription,
    NotFoundError,
    ThreadStats,
    ThreadStatsDay,
)
from tests._support.flows import FLOW_ID, USER_ID, WORKSPACE_ID, flow_document
from tests._support.wire import body, paged, query

SUBSCRIPTIONS = f"/v2/flows/{FLOW_ID}/subscriptions"
SUBSCRIPTION_ID = "5c0f8b1e2a3b4c5d6e7f80f1"
EMPTY = {"data": {}, "meta": {}}
OTHER_FLOW_ID = "5c0f8b1e2a3b4c5d6e7f80f2"


def error(status: int, detail: str) -> dict[str, Any]:
    return {"errors": [{"status": status, "title": "Conflict", "detail": detail}]}


def subscription(email: str = "ops@example.com") -> dict[str, Any]:
    return {
        "id": SUBSCRIPTION_ID,
        "type": "flow-subscription",
        "attributes": {"email": email, "created_at": "2025-01-01T00:00:00.000Z"},
        "relationships": {
            "user": {"data": {"type": "user", "id": USER_ID}},
            "flow": {"data": {"type": "flow", "id": FLOW_ID}},
        },
    }


# -- run now and suspend -----------------------------------------------------------------


@pytest.mark.parametrize(("method", "suffix"), [("run_now", "run-now"), ("suspend", "suspend")])
async def test_run_now_and_suspend_post_without_a_body(
    client: AsyncClient, router: respx.MockRouter, method: str, suffix: str
) -> None:
    """run_now() and suspend() POST to their path with no body and return None."""
    route = router.post(f"/v2/flows/{FLOW_ID}/{suffix}").respond(202, json=EMPTY)
    assert await getattr(client.flows, method)(FLOW_ID) is None
    request = route.calls.last.request
    assert (request.method, request.content, query(request)) == ("POST", b"", [])


@pytest.mark.parametrize(("method", "suffix"), [("run_now", "run-now"), ("suspend", "suspend")])
async def test_run_now_and_suspend_of_an_inactive_flow_conflict(
    client: AsyncClient, router: respx.MockRouter, method: str, suffix: str
) -> None:
    """A 409 raises ConflictError, not retried."""
    route = router.post(f"/v2/flows/{FLOW_ID}/{suffix}")
    route.respond(409, json=error(409, "Only an active flow"))
    with pytest.raises(ConflictError):
        await getattr(client.flows, method)(FLOW_ID)
    assert route.call_count == 1


# -- deleted flows -----------------------------------------------------------------------


async def test_list_deleted_pages_through_the_workspace(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list_deleted() is GET /v2/flows/deleted?workspace_id=, paged; deleted_at in extra."""
    first, second = flow_document()["data"], flow_document(flow_id=OTHER_FLOW_ID)["data"]
    first["attributes"]["deleted_at"] = "2025-01-01T00:01:00.000Z"
    route = router.get("/v2/flows/deleted")
    route.side_effect = paged([[first], [second]])
    flows = [f async for f in client.flows.list_deleted(WORKSPACE_ID, page_size=1)]
    assert [f.id for f in flows] == [FLOW_ID, OTHER_FLOW_ID]
    assert flows[0].extra["deleted_at"] == "2025-01-01T00:01:00.000Z"
    first = route.calls[0].request
    assert query(first) == [("page[size]", "1"), ("workspace_id", WORKSPACE_ID)]


async def test_restore_returns_the_flow(client: AsyncClient, router: respx.MockRouter) -> None:
    """restore() POSTs to /restore with no body and returns the flow."""
    route = router.post(f"/v2/flows/{FLOW_ID}/restore").respond(200, json=flow_document())
    flow = await client.flows.restore(FLOW_ID)
    assert (flow.id, flow.status) == (FLOW_ID, "inactive")
    assert route.calls.last.request.content == b""


async def test_restore_too_late_is_not_found(client: AsyncClient, router: respx.MockRouter) -> None:
    """A 404 (the restore window has passed) raises NotFoundError."""
    router.post(f"/v2/flows/{FLOW_ID}/restore").respond(404, json=error(404, "no such flow"))
    with pytest.raises(NotFoundError):
        await client.flows.restore(FLOW_ID)


# -- subscriptions -----------------------------------------------------------------------


async def test_subscriptions_decodes_each(client: AsyncClient, router: respx.MockRouter) -> None:
    """subscriptions() is GET .../subscriptions and returns FlowSubscription objects."""
    route = router.get(SUBSCRIPTIONS).respond(200, json={"data": [subscription()]})
    [found] = await client.flows.subscriptions(FLOW_ID)
    assert isinstance(found, FlowSubscription)
    assert (found.id, found.email, found.user_id, found.flow_id) == (
        SUBSCRIPTION_ID,
        "ops@example.com",
        USER_ID,
        FLOW_ID,
    )
    assert found.created_at is not None
    assert found.created_at.year == 2025
    assert route.calls.last.request.method == "GET"


async def test_subscriptions_refuse_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A list holding a flow raises DecodeError at the item's type."""
    router.get(SUBSCRIPTIONS).respond(200, json={"data": [flow_document()["data"]]})
    with pytest.raises(DecodeError) as caught:
        await client.flows.subscriptions(FLOW_ID)
    assert caught.value.pointer == "/data/0/type"


async def test_subscribe_sends_the_email(client: AsyncClient, router: respx.MockRouter) -> None:
    """subscribe(email=...) POSTs a flow-subscription with that email."""
    route = router.post(SUBSCRIPTIONS).respond(201, json={"data": subscription()})
    created = await client.flows.subscribe(FLOW_ID, email="ops@example.com")
    assert created.email == "ops@example.com"
    assert body(route.calls.last.request) == {
        "data": {"type": "flow-subscription", "attributes": {"email": "ops@example.com"}}
    }


async def test_subscribe_without_email_sends_no_attribute(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Without ``email`` the body names no address: the platform takes the caller's."""
    route = router.post(SUBSCRIPTIONS).respond(201, json={"data": subscription()})
    await client.flows.subscribe(FLOW_ID)
    sent = body(route.calls.last.request)
    assert sent["data"]["type"] == "flow-subscription"
    assert sent["data"].get("attributes", {}) == {}


async def test_subscribe_twice_conflicts(client: AsyncClient, router: respx.MockRouter) -> None:
    """A 409 (subscribed already) raises ConflictError."""
    router.post(SUBSCRIPTIONS).respond(409, json=error(409, "subscribed already"))
    with pytest.raises(ConflictError):
        await client.flows.subscribe(FLOW_ID)


async def test_unsubscribe_deletes(client: AsyncClient, router: respx.MockRouter) -> None:
    """unsubscribe() is DELETE .../subscriptions/{id} and returns None."""
    route = router.delete(f"{SUBSCRIPTIONS}/{SUBSCRIPTION_ID}").respond(204)
    assert await client.flows.unsubscribe(FLOW_ID, SUBSCRIPTION_ID) is None
    assert route.call_count == 1


# -- thread stats ------------------------------------------------------------------------


async def test_thread_stats_decodes_the_days(client: AsyncClient, router: respx.MockRouter) -> None:
    """thread_stats() is GET /v2/threads/stats?workspace_id= and returns ThreadStats."""
    days = [
        {"date": "2024-12-31", "messages": 1440},
        {"date": "2025-01-01", "messages": 90, "errors": 2},
    ]
    document = {
        "data": {
            "id": WORKSPACE_ID,
            "type": "thread-stats",
            "attributes": {"days": days},
            "relationships": {"workspace": {"data": {"type": "workspace", "id": WORKSPACE_ID}}},
        }
    }
    route = router.get("/v2/threads/stats").respond(200, json=document)
    stats = await client.flows.thread_stats(WORKSPACE_ID)
    assert isinstance(stats, ThreadStats)
    assert stats.days[0] == ThreadStatsDay(date="2024-12-31", messages=1440)
    assert stats.days[1].extra == {"errors": 2}
    assert (stats.total, stats.workspace_id) == (1530, WORKSPACE_ID)
    assert query(route.calls.last.request) == [("workspace_id", WORKSPACE_ID)]


async def test_thread_stats_with_a_bad_day_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A day whose ``messages`` is no integer raises DecodeError naming it."""
    document = {
        "data": {
            "id": WORKSPACE_ID,
            "type": "thread-stats",
            "attributes": {"days": [{"date": "2025-01-01", "messages": "many"}]},
        }
    }
    router.get("/v2/threads/stats").respond(200, json=document)
    with pytest.raises(DecodeError) as caught:
        await client.flows.thread_stats(WORKSPACE_ID)
    assert "days" in str(caught.value)
