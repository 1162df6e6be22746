"""Per-step snapshots of a flow: list, get, create, update, delete."""

from __future__ import annotations

from types import MappingProxyType

import pytest
import respx

from elasticio import UNSET, AsyncClient, DecodeError, UsageError
from tests._support.flows import FLOW_ID, STEP_ID, docs
from tests._support.wire import body, query

SNAPSHOTS = f"/v2/flows/{FLOW_ID}/snapshots"
ONE = f"{SNAPSHOTS}/{STEP_ID}"


async def test_snapshots_decodes_each_step(client: AsyncClient, router: respx.MockRouter) -> None:
    """snapshots() is GET /v2/flows/{id}/snapshots and returns one Snapshot a step."""
    route = router.get(SNAPSHOTS).respond(200, json=docs("snapshots"))
    snapshots = await client.flows.snapshots(FLOW_ID)
    request = route.calls.last.request
    assert (request.method, query(request), request.content) == ("GET", [], b"")
    assert len(snapshots) == 3
    assert {(s.step_id, s.flow_id, s.snapshot) for s in snapshots} == {
        (STEP_ID, FLOW_ID, "{BODY OF SNAPSHOT}")
    }


async def test_snapshots_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A snapshots list holding a flow raises DecodeError at the item's type."""
    router.get(SNAPSHOTS).respond(200, json=docs("list"))
    with pytest.raises(DecodeError) as caught:
        await client.flows.snapshots(FLOW_ID)
    assert caught.value.pointer == "/data/0/type"


async def test_get_snapshot(client: AsyncClient, router: respx.MockRouter) -> None:
    """get_snapshot(flow, step) is GET /v2/flows/{id}/snapshots/{step}."""
    route = router.get(ONE).respond(200, json=docs("snapshot"))
    snapshot = await client.flows.get_snapshot(FLOW_ID, STEP_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path) == ("GET", ONE)
    assert (snapshot.id, snapshot.flow_id, snapshot.snapshot) == (
        STEP_ID,
        FLOW_ID,
        "{BODY OF SNAPSHOT}",
    )


async def test_get_snapshot_keeps_any_json_value(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A snapshot is whatever JSON the step stored: objects, lists, numbers, null."""
    for value in ({"cursor": 42, "seen": ["a", "b"]}, [1, 2], 3.5, None):
        router.get(ONE).respond(
            200,
            json={"data": {"type": "snapshot", "id": STEP_ID, "attributes": {"snapshot": value}}},
        )
        assert (await client.flows.get_snapshot(FLOW_ID, STEP_ID)).snapshot == value


async def test_create_snapshot_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create_snapshot() POSTs the docs' example to the collection, the step as id."""
    route = router.post(SNAPSHOTS).respond(201, json=docs("snapshot_create"))
    snapshot = await client.flows.create_snapshot(FLOW_ID, STEP_ID, "{BODY OF SNAPSHOT}")
    request = route.calls.last.request
    assert (request.method, request.url.path) == ("POST", SNAPSHOTS)
    assert body(request) == docs("snapshot_create_request")
    assert (snapshot.id, snapshot.snapshot) == (STEP_ID, "{BODY_OF_SNAPSHOT}")


async def test_create_snapshot_sends_structured_values_and_null(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Read-only mappings and tuples are sent as JSON objects and arrays; None as null."""
    route = router.post(SNAPSHOTS).respond(201, json=docs("snapshot_create"))
    value = {"cursor": (1, 2), "previous": MappingProxyType({"n": 1})}
    await client.flows.create_snapshot(FLOW_ID, "step_2", value)
    await client.flows.create_snapshot(FLOW_ID, "step_3", None)
    assert [body(call.request)["data"] for call in route.calls] == [
        {
            "type": "snapshot",
            "id": "step_2",
            "attributes": {"snapshot": {"cursor": [1, 2], "previous": {"n": 1}}},
        },
        {"type": "snapshot", "id": "step_3", "attributes": {"snapshot": None}},
    ]


async def test_create_snapshot_refuses_unset(client: AsyncClient, router: respx.MockRouter) -> None:
    """UNSET is not a value a snapshot can hold: UsageError, nothing sent."""
    route = router.post(SNAPSHOTS).respond(201, json=docs("snapshot_create"))
    with pytest.raises(UsageError):
        await client.flows.create_snapshot(FLOW_ID, STEP_ID, UNSET)
    assert route.call_count == 0


async def test_update_snapshot_sends_the_docs_request_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update_snapshot() PATCHes the step's snapshot with the docs' example body."""
    route = router.patch(ONE).respond(200, json=docs("snapshot_update"))
    snapshot = await client.flows.update_snapshot(FLOW_ID, STEP_ID, "{BODY OF SNAPSHOT}")
    request = route.calls.last.request
    assert (request.method, request.url.path) == ("PATCH", ONE)
    assert body(request) == docs("snapshot_update_request")
    assert snapshot.snapshot == "{BODY_OF_SNAPSHOT}"


async def test_delete_snapshot_sends_delete_and_accepts_204(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """delete_snapshot() is DELETE /v2/flows/{id}/snapshots/{step}; 204 with a content type."""
    route = router.delete(ONE).respond(204, headers={"Content-Type": "application/json"})
    assert await client.flows.delete_snapshot(FLOW_ID, STEP_ID) is None
    request = route.calls.last.request
    assert (request.method, request.url.path, request.content) == ("DELETE", ONE, b"")


async def test_step_ids_stay_in_one_segment(client: AsyncClient, router: respx.MockRouter) -> None:
    """A step id with a slash is percent-encoded, not taken as more path."""
    route = router.delete(url__regex=r".*").respond(204)
    await client.flows.delete_snapshot(FLOW_ID, "step/1")
    assert route.calls.last.request.url.raw_path == f"{SNAPSHOTS}/step%2F1".encode()
