"""One flow: get, create, update (new version), delete."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.emulator_http import data_of, error_of
from tests._support.platform import foreign_component


def create_body(workspace_id: str, **attributes: Any) -> dict[str, Any]:
    """A create request after the docs' example, with the seeded timer and code steps."""
    return {
        "data": {
            "type": "flow",
            "attributes": {
                "default_mapper_type": "jsonata",
                "type": "ordinary",
                "name": "My flow",
                "description": "Timer to code",
                "cron": None,
                "graph": {
                    "nodes": [
                        {
                            "id": "step_1",
                            "command": "elasticio/timer:timer@latest",
                            "name": "",
                            "description": "",
                            "fields": {},
                        },
                        {
                            "id": "step_2",
                            "command": "elasticio/code:execute@latest",
                            "name": "My component",
                            "description": "",
                            "fields": {"code": "// noop"},
                        },
                    ],
                    "edges": [
                        {
                            "config": {"mapper": {}, "condition": None},
                            "source": "step_1",
                            "target": "step_2",
                        }
                    ],
                },
                "nodes_config": {"step_2": {"prefetch": 3, "replicas": 2, "log_level": "info"}},
                **attributes,
            },
            "relationships": {"workspace": {"data": {"type": "workspace", "id": workspace_id}}},
        }
    }


async def test_get_flow_shape(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A flow carries the documented attributes and relationships."""
    flow_id = next(iter(emulator.platform.flows))
    flow = data_of(await api.get(f"/v2/flows/{flow_id}"))
    assert flow["type"] == "flow"
    assert flow["links"] == {"self": f"/v2/flows/{flow_id}"}
    assert {
        "name",
        "description",
        "type",
        "status",
        "current_status",
        "default_mapper_type",
        "graph",
        "created_at",
        "updated_at",
    } <= set(flow["attributes"])
    relationships = flow["relationships"]
    workspace = {"id": emulator.seed.workspace_id, "type": "workspace"}
    assert relationships["workspace"]["data"] == workspace
    assert relationships["versions"] == {"links": {"related": f"/v2/flows/{flow_id}/versions"}}
    latest = relationships["latest_version"]
    assert latest["data"]["type"] == "flow-version"
    assert len(latest["data"]["id"]) == 40
    assert latest["links"]["self"] == f"/v2/flows/{flow_id}/versions/{latest['data']['id']}"


async def test_unknown_flow_is_404(api: httpx.AsyncClient) -> None:
    """An unknown flow id is 404."""
    error_of(await api.get(f"/v2/flows/{'0' * 24}"), 404)


async def test_flow_in_foreign_workspace_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A flow of a workspace the caller is not in is 403."""
    private = emulator.seed.private_workspace_id
    flow_id = next(f.id for f in emulator.platform.flows.values() if f.workspace_id == private)
    error_of(await guest_api.get(f"/v2/flows/{flow_id}"), 403)


async def test_create_answers_201_with_inactive_flow(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A created flow is inactive, owned by the caller, in the given workspace."""
    body = create_body(emulator.seed.workspace_id)
    flow = data_of(await api.post("/v2/flows", json=body), 201)
    attributes = flow["attributes"]
    assert attributes["name"] == "My flow"
    assert attributes["type"] == "ordinary"
    assert attributes["status"] == attributes["current_status"] == "inactive"
    assert attributes["created_at"] == attributes["updated_at"] == "2025-01-01T00:00:00.000Z"
    assert attributes["nodes_config"] == {
        "step_2": {"prefetch": 3, "replicas": 2, "log_level": "info"}
    }
    assert flow["relationships"]["user"]["data"]["id"] == emulator.seed.owner.id
    assert data_of(await api.get(f"/v2/flows/{flow['id']}"))["id"] == flow["id"]


async def test_create_resolves_component_ids_and_edge_ids(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Nodes get the component_id their command names; edges get ids as the docs show."""
    flow = data_of(await api.post("/v2/flows", json=create_body(emulator.seed.workspace_id)), 201)
    nodes = flow["attributes"]["graph"]["nodes"]
    ids = emulator.seed.component_ids
    assert [n["component_id"] for n in nodes] == [ids["timer"], ids["code"]]
    assert [e["id"] for e in flow["attributes"]["graph"]["edges"]] == ["step_1:step_2"]


@pytest.mark.parametrize("attribute", ["name", "type", "graph", "default_mapper_type"])
async def test_create_names_the_missing_attribute(
    api: httpx.AsyncClient, emulator: Emulator, attribute: str
) -> None:
    """Each required attribute missing is a 400 that names it."""
    body = create_body(emulator.seed.workspace_id)
    del body["data"]["attributes"][attribute]
    error = error_of(await api.post("/v2/flows", json=body), 400)
    assert f"data.attributes.{attribute} is required" in error["detail"]


async def test_create_rejects_unknown_flow_type(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A type other than ordinary or long_running is 400."""
    body = create_body(emulator.seed.workspace_id, type="batch")
    error_of(await api.post("/v2/flows", json=body), 400)


async def test_create_rejects_unknown_component(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A node whose command names no component is 400."""
    body = create_body(emulator.seed.workspace_id)
    body["data"]["attributes"]["graph"]["nodes"][1]["command"] = "nobody/nothing:run"
    assert (
        "graph.nodes[1].command" in error_of(await api.post("/v2/flows", json=body), 400)["detail"]
    )


async def test_create_rejects_too_many_replicas(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``replicas`` above 5 is 400."""
    body = create_body(emulator.seed.workspace_id, nodes_config={"step_2": {"replicas": 6}})
    error_of(await api.post("/v2/flows", json=body), 400)


async def test_create_needs_a_workspace(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A missing workspace relationship is 400."""
    body = create_body(emulator.seed.workspace_id)
    del body["data"]["relationships"]
    assert "workspace" in error_of(await api.post("/v2/flows", json=body), 400)["detail"]


async def test_create_with_wrong_type_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A resource type other than ``flow`` is 409."""
    body = create_body(emulator.seed.workspace_id)
    body["data"]["type"] = "workspace"
    error_of(await api.post("/v2/flows", json=body), 409)


async def test_create_in_foreign_workspace_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Creating in a workspace the caller is not in is 403."""
    body = create_body(emulator.seed.private_workspace_id)
    error_of(await guest_api.post("/v2/flows", json=body), 403)


async def test_stats_enabled_follows_workspace_default(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A workspace with ``flow_stats_enabled_default`` false creates flows without stats."""
    workspace = emulator.platform.workspaces[emulator.seed.workspace_id]
    workspace.flow_stats_enabled_default = False
    flow = data_of(await api.post("/v2/flows", json=create_body(workspace.id)), 201)
    assert flow["attributes"]["stats_enabled"] is False


async def test_update_creates_a_new_version(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: Any
) -> None:
    """PATCH changes the given attributes, moves ``latest_version`` and ``updated_at``."""
    flow_id = next(iter(emulator.platform.flows))
    before = data_of(await api.get(f"/v2/flows/{flow_id}"))
    fake_clock.advance(60)
    body = {"data": {"type": "flow", "id": flow_id, "attributes": {"name": "Renamed"}}}
    after = data_of(await api.patch(f"/v2/flows/{flow_id}", json=body))
    assert after["attributes"]["name"] == "Renamed"
    assert after["attributes"]["graph"] == before["attributes"]["graph"]
    assert after["attributes"]["updated_at"] == "2025-01-01T00:01:00.000Z"
    old = before["relationships"]["latest_version"]["data"]["id"]
    assert after["relationships"]["latest_version"]["data"]["id"] != old


async def test_update_needs_the_id(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """PATCH without ``data.id`` is 400."""
    flow_id = next(iter(emulator.platform.flows))
    body = {"data": {"type": "flow", "attributes": {"name": "x"}}}
    error_of(await api.patch(f"/v2/flows/{flow_id}", json=body), 400)


async def test_update_with_other_id_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """PATCH whose ``data.id`` differs from the URL's is 409."""
    flow_id = next(iter(emulator.platform.flows))
    body = {"data": {"type": "flow", "id": "0" * 24, "attributes": {"name": "x"}}}
    error_of(await api.patch(f"/v2/flows/{flow_id}", json=body), 409)


async def test_update_validates_attributes(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """PATCH checks attributes like create does."""
    flow_id = next(iter(emulator.platform.flows))
    body = {"data": {"type": "flow", "id": flow_id, "attributes": {"name": ""}}}
    error_of(await api.patch(f"/v2/flows/{flow_id}", json=body), 400)


async def test_delete(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """DELETE answers 204 with no body; the flow is gone."""
    flow_id = next(iter(emulator.platform.flows))
    response = await api.delete(f"/v2/flows/{flow_id}")
    assert response.status_code == 204
    assert response.content == b""
    error_of(await api.get(f"/v2/flows/{flow_id}"), 404)


async def test_delete_in_foreign_workspace_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Deleting a flow of a workspace the caller is not in is 403."""
    private = emulator.seed.private_workspace_id
    flow_id = next(f.id for f in emulator.platform.flows.values() if f.workspace_id == private)
    error_of(await guest_api.delete(f"/v2/flows/{flow_id}"), 403)


@pytest.mark.parametrize("route", ["create", "update", "put_draft"])
async def test_graph_cannot_use_another_contracts_private_component(
    route: str, api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A step naming a private component of another contract is 400, as if unknown."""
    secret = foreign_component(emulator)
    body = create_body(emulator.seed.workspace_id)
    body["data"]["attributes"]["graph"]["nodes"][1]["command"] = "other-dev/secret:run"
    flow_id = emulator.seed.flow_id
    if route == "create":
        response = await api.post("/v2/flows", json=body)
    elif route == "update":
        graph = body["data"]["attributes"]["graph"]
        changes = {"data": {"type": "flow", "id": flow_id, "attributes": {"graph": graph}}}
        response = await api.patch(f"/v2/flows/{flow_id}", json=changes)
    else:
        graph = body["data"]["attributes"]["graph"]
        draft = {"data": {"type": "flow-draft", "attributes": {"graph": graph}}}
        response = await api.put(f"/v2/flows/{flow_id}/draft", json=draft)
    error = error_of(response, 400)
    assert error["source"] == {"pointer": "/data/attributes/graph/nodes/1/command"}
    assert not emulator.platform.flows_using(secret.id, None)


@pytest.mark.parametrize("level", ["trace", "debug", "info", "warn", "error", "fatal"])
async def test_every_documented_log_level_is_taken(
    api: httpx.AsyncClient, emulator: Emulator, level: str
) -> None:
    """Each level the docs list for ``nodes_config.{STEP}.log_level`` is accepted."""
    body = create_body(emulator.seed.workspace_id, nodes_config={"step_2": {"log_level": level}})
    flow = data_of(await api.post("/v2/flows", json=body), 201)
    assert flow["attributes"]["nodes_config"]["step_2"]["log_level"] == level


@pytest.mark.parametrize("level", ["warning", "INFO", "", 30, None])
async def test_create_rejects_an_unknown_log_level(
    api: httpx.AsyncClient, emulator: Emulator, level: object
) -> None:
    """Any other ``log_level`` is 400, pointed at the step's option (validated since 23/44)."""
    body = create_body(emulator.seed.workspace_id, nodes_config={"step_2": {"log_level": level}})
    if level is None:
        # null is the option left out, as for every other node option
        data_of(await api.post("/v2/flows", json=body), 201)
        return
    error = error_of(await api.post("/v2/flows", json=body), 400)
    assert error["source"]["pointer"] == "/data/attributes/nodes_config/step_2/log_level"


async def test_update_rejects_an_unknown_log_level(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """PATCH checks ``log_level`` as create does, and leaves the flow as it was."""
    flow_id = emulator.seed.flow_id
    before = data_of(await api.get(f"/v2/flows/{flow_id}"))
    config = {"step_1": {"log_level": "verbose"}}
    body = {"data": {"type": "flow", "id": flow_id, "attributes": {"nodes_config": config}}}
    error = error_of(await api.patch(f"/v2/flows/{flow_id}", json=body), 400)
    assert "trace, debug, info, warn, error, fatal" in error["detail"]
    assert data_of(await api.get(f"/v2/flows/{flow_id}")) == before


@pytest.mark.parametrize(
    "command",
    [
        "nobody/nothing:run",
        "not a command",
        "elasticio/timer:no-such-function@latest",
        "elasticio/timer:timer@" + "0" * 40,
    ],
)
async def test_update_with_an_invalid_command_is_400(
    api: httpx.AsyncClient, emulator: Emulator, command: str
) -> None:
    """An invalid command on PATCH is a 4xx naming the node (a 5xx before 22/32)."""
    flow_id = emulator.seed.flow_id
    graph = create_body(emulator.seed.workspace_id)["data"]["attributes"]["graph"]
    graph["nodes"][0]["command"] = command
    body = {"data": {"type": "flow", "id": flow_id, "attributes": {"graph": graph}}}
    error = error_of(await api.patch(f"/v2/flows/{flow_id}", json=body), 400)
    assert error["source"]["pointer"] == "/data/attributes/graph/nodes/0/command"
