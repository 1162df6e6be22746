"""The runtime's startup-data hooks: one JSON value per task, stored, read, forgotten,
with the error text also in ``error`` (where the runtime reads it)."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from tests._support.emulator_http import json_of, v1_error_of


def hook_path(task_id: str) -> str:
    return f"/sailor-support/hooks/task/{task_id}/startup/data"


async def test_store_read_forget(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """POST stores (answering the value), GET reads it, DELETE forgets it; then GET is
    a 404 and a POST works again."""
    path = hook_path(emulator.seed.flow_id)
    state = {"subscription": {"id": "s1"}, "items": [1, 2]}
    assert json_of(await api.post(path, json=state)) == state
    assert json_of(await api.get(path)) == state
    assert json_of(await api.delete(path)) == {}
    v1_error_of(await api.get(path), 404)
    assert json_of(await api.post(path, json=[1])) == [1]


async def test_a_second_post_is_a_409_with_error(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """While a value is stored a POST is refused; the text is in message and error."""
    path = hook_path(emulator.seed.flow_id)
    json_of(await api.post(path, json={"a": 1}))
    response = await api.post(path, json={"a": 2})
    message = v1_error_of(response, 409)
    assert response.json()["error"] == message
    assert json_of(await api.get(path)) == {"a": 1}


async def test_nothing_stored_is_a_404_with_error(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    for response in (
        await api.get(hook_path(emulator.seed.flow_id)),
        await api.delete(hook_path(emulator.seed.flow_id)),
    ):
        assert response.json()["error"] == v1_error_of(response, 404)


async def test_a_post_without_a_body_stores_an_empty_object(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The runtime may rewrite with no data: an empty form-encoded POST stores {}."""
    path = hook_path(emulator.seed.flow_id)
    response = await api.post(
        path, headers={"content-type": "application/x-www-form-urlencoded", "content-length": "0"}
    )
    assert json_of(response) == {}
    assert json_of(await api.get(path)) == {}


async def test_the_data_lives_with_the_v2_flow(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Data stored for a task is the v2 flow's: gone with the flow; unknown task 404."""
    flow_id = emulator.seed.flow_id
    json_of(await api.post(hook_path(flow_id), json={"a": 1}))
    assert emulator.platform.flows[flow_id].hook_data == {"startup": {"a": 1}}
    assert (await api.delete(f"/v2/flows/{flow_id}")).status_code == 204
    v1_error_of(await api.get(hook_path(flow_id)), 404)
    v1_error_of(await api.post(hook_path("nope"), json={}), 404)


async def test_only_members_of_the_tasks_workspace(
    api: httpx.AsyncClient, guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The guest may use the shared workspace's task, not the private workspace's."""
    private = emulator.seed.private_workspace_id
    flow_id = next(f.id for f in emulator.platform.flows.values() if f.workspace_id == private)
    v1_error_of(await guest_api.post(hook_path(flow_id), json={}), 403)
    assert emulator.platform.flows[flow_id].hook_data == {}
    json_of(await guest_api.post(hook_path(emulator.seed.flow_id), json={"g": 1}))
    assert json_of(await api.get(hook_path(emulator.seed.flow_id))) == {"g": 1}


async def test_a_wrong_key_is_a_401(anonymous_api: httpx.AsyncClient, emulator: Emulator) -> None:
    v1_error_of(await anonymous_api.get(hook_path(emulator.seed.flow_id)), 401)


async def test_a_fault_rule_naming_a_hook_entry_applies(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    emulator.faults.fail(502, times=1, route="v1.hooks.set_startup_data")
    path = hook_path(emulator.seed.flow_id)
    assert (await api.post(path, json={})).status_code == 502
    json_of(await api.post(path, json={}))
