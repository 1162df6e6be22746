"""Snapshots of a flow's steps: list, get, create, edit, remove; no edits while running."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import data_of, error_of


def snapshot_body(step_id: str | None, snapshot: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"type": "snapshot", "attributes": {"snapshot": snapshot}}
    if step_id is not None:
        data["id"] = step_id
    return {"data": data}


@pytest.fixture
def flow_id(emulator: Emulator) -> str:
    """The seeded flow with a snapshot of ``step_1`` (inactive)."""
    return emulator.seed.flow_id


async def test_list_shape(api: httpx.AsyncClient, flow_id: str) -> None:
    """The seeded snapshot listed in the documented shape."""
    response = await api.get(f"/v2/flows/{flow_id}/snapshots")
    assert response.json()["meta"] == {}
    assert data_of(response) == [
        {
            "id": "step_1",
            "type": "snapshot",
            "links": {"self": f"/v2/flows/{flow_id}/snapshots/step_1"},
            "attributes": {"snapshot": {"lastPoll": "2024-01-01T18:00:00.000Z"}},
        }
    ]


async def test_get_one(api: httpx.AsyncClient, flow_id: str) -> None:
    """One step's snapshot."""
    snapshot = data_of(await api.get(f"/v2/flows/{flow_id}/snapshots/step_1"))
    assert snapshot["attributes"]["snapshot"] == {"lastPoll": "2024-01-01T18:00:00.000Z"}


async def test_get_step_without_snapshot_is_404(api: httpx.AsyncClient, flow_id: str) -> None:
    """A step with no snapshot is 404."""
    error_of(await api.get(f"/v2/flows/{flow_id}/snapshots/step_2"), 404)


async def test_create_answers_201(api: httpx.AsyncClient, flow_id: str) -> None:
    """POST stores a step's snapshot (trailing slash as in the docs) and lists it."""
    body = snapshot_body("step_2", [1, "two", {"three": 3}])
    created = data_of(await api.post(f"/v2/flows/{flow_id}/snapshots/", json=body), 201)
    assert created["id"] == "step_2"
    assert created["attributes"]["snapshot"] == [1, "two", {"three": 3}]
    listed = data_of(await api.get(f"/v2/flows/{flow_id}/snapshots"))
    assert [s["id"] for s in listed] == ["step_1", "step_2"]


async def test_create_accepts_null(api: httpx.AsyncClient, flow_id: str) -> None:
    """Any JSON is a snapshot, null included."""
    created = data_of(
        await api.post(f"/v2/flows/{flow_id}/snapshots", json=snapshot_body("step_2", None)), 201
    )
    assert created["attributes"] == {"snapshot": None}


async def test_create_existing_is_409(api: httpx.AsyncClient, flow_id: str) -> None:
    """POST for a step that has a snapshot is 409."""
    body = snapshot_body("step_1", {})
    error_of(await api.post(f"/v2/flows/{flow_id}/snapshots", json=body), 409)


async def test_create_for_unknown_step_is_400(api: httpx.AsyncClient, flow_id: str) -> None:
    """POST for a step the flow does not have is 400."""
    body = snapshot_body("step_9", {})
    error_of(await api.post(f"/v2/flows/{flow_id}/snapshots", json=body), 400)


async def test_create_needs_id_and_snapshot(api: httpx.AsyncClient, flow_id: str) -> None:
    """The step id and the snapshot attribute are both required."""
    url = f"/v2/flows/{flow_id}/snapshots"
    error_of(await api.post(url, json=snapshot_body(None, {})), 400)
    body = {"data": {"type": "snapshot", "id": "step_2", "attributes": {}}}
    error_of(await api.post(url, json=body), 400)


async def test_patch_replaces(api: httpx.AsyncClient, flow_id: str) -> None:
    """PATCH replaces the snapshot of a step that has one."""
    url = f"/v2/flows/{flow_id}/snapshots/step_1"
    updated = data_of(await api.patch(url, json=snapshot_body("step_1", "new state")))
    assert updated["attributes"]["snapshot"] == "new state"
    assert data_of(await api.get(url)) == updated


async def test_patch_without_snapshot_is_404(api: httpx.AsyncClient, flow_id: str) -> None:
    """PATCH for a step without a snapshot is 404."""
    url = f"/v2/flows/{flow_id}/snapshots/step_2"
    error_of(await api.patch(url, json=snapshot_body("step_2", 1)), 404)


async def test_patch_with_other_id_is_409(api: httpx.AsyncClient, flow_id: str) -> None:
    """PATCH whose ``data.id`` names another step is 409."""
    url = f"/v2/flows/{flow_id}/snapshots/step_1"
    error_of(await api.patch(url, json=snapshot_body("step_2", 1)), 409)


async def test_delete(api: httpx.AsyncClient, flow_id: str) -> None:
    """DELETE answers 204; the snapshot is gone."""
    url = f"/v2/flows/{flow_id}/snapshots/step_1"
    response = await api.delete(url)
    assert response.status_code == 204
    assert response.content == b""
    error_of(await api.get(url), 404)
    error_of(await api.delete(url), 404)


async def test_edits_refused_while_running(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """On an active flow POST, PATCH and DELETE are 409; reading still works."""
    flow_id = emulator.platform.flows.create(
        workspace_id=emulator.seed.workspace_id,
        user_id=emulator.seed.owner.id,
        name="Busy",
        status="active",
        graph={"nodes": [{"id": "step_1", "command": "elasticio/timer:timer"}], "edges": []},
    ).id
    emulator.platform.flows.set_snapshot(flow_id, "step_1", {"n": 1})
    url = f"/v2/flows/{flow_id}/snapshots"
    error_of(await api.post(url, json=snapshot_body("step_1", {})), 409)
    error_of(await api.patch(f"{url}/step_1", json=snapshot_body("step_1", {})), 409)
    error_of(await api.delete(f"{url}/step_1"), 409)
    assert data_of(await api.get(f"{url}/step_1"))["attributes"]["snapshot"] == {"n": 1}


async def test_edits_wait_until_stopped(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """A flow asked to stop keeps refusing edits until it has stopped."""
    emulator.settings.transition_delay = 3.0
    flow = emulator.platform.flows.create(
        workspace_id=emulator.seed.workspace_id,
        user_id=emulator.seed.owner.id,
        name="Stopping",
        status="active",
        graph={"nodes": [{"id": "step_1", "command": "elasticio/timer:timer"}], "edges": []},
    )
    await api.post(f"/v2/flows/{flow.id}/stop")
    url = f"/v2/flows/{flow.id}/snapshots"
    error_of(await api.post(url, json=snapshot_body("step_1", {})), 409)
    fake_clock.advance(3.0)
    data_of(await api.post(url, json=snapshot_body("step_1", {})), 201)


@pytest.mark.parametrize("method", ["GET", "POST"])
async def test_foreign_flow_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator, method: str
) -> None:
    """Snapshots of a flow in a workspace the caller is not in are 403."""
    private = emulator.seed.private_workspace_id
    flow_id = next(
        f.id
        for f in emulator.platform.flows.values()
        if f.workspace_id == private and f.status == "inactive"
    )
    body = snapshot_body("step_1", {}) if method == "POST" else None
    response = await guest_api.request(method, f"/v2/flows/{flow_id}/snapshots", json=body)
    error_of(response, 403)
