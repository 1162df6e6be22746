"""Copying a flow: into a new flow of a workspace or an existing flow, always as a draft."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.emulator_http import data_of, error_of, ref


def copy_into_flow(dest_flow_id: str, **attributes: Any) -> dict[str, Any]:
    attrs = {"dest_flow_id": dest_flow_id, **attributes}
    return {"data": {"type": "flow-copy", "attributes": attrs}}


def copy_into_workspace(workspace_id: str, **attributes: Any) -> dict[str, Any]:
    return {
        "data": {
            "type": "flow-copy",
            "attributes": attributes,
            "relationships": {"dest_workspace": ref("workspace", workspace_id)},
        }
    }


@pytest.fixture
def source(emulator: Emulator) -> str:
    """A seeded flow of the shared workspace (timer to something)."""
    return emulator.seed.flow_id


async def draft_of(api: httpx.AsyncClient, flow_id: str) -> dict[str, Any]:
    return dict(data_of(await api.get(f"/v2/flows/{flow_id}/draft")))


async def test_copy_into_a_new_flow(
    api: httpx.AsyncClient, emulator: Emulator, source: str
) -> None:
    """Into a workspace: 201 with a new empty flow there; the copy is its draft."""
    body = copy_into_workspace(emulator.seed.private_workspace_id, name="Copied")
    flow = data_of(await api.post(f"/v2/flows/{source}/copy", json=body), 201)
    assert flow["type"] == "flow"
    assert flow["id"] != source
    assert flow["relationships"]["workspace"]["data"]["id"] == emulator.seed.private_workspace_id
    assert flow["attributes"]["name"] == "Copied"
    assert flow["attributes"]["graph"] == {"nodes": [], "edges": []}
    assert flow["attributes"]["status"] == "inactive"
    assert "draft" in flow["relationships"]
    draft = await draft_of(api, flow["id"])
    original = data_of(await api.get(f"/v2/flows/{source}"))
    assert draft["attributes"]["name"] == "Copied"
    assert draft["attributes"]["graph"] == original["attributes"]["graph"]


async def test_copy_into_a_new_flow_keeps_the_name(
    api: httpx.AsyncClient, emulator: Emulator, source: str
) -> None:
    """Without a name the new flow and its draft take the source's name."""
    body = copy_into_workspace(emulator.seed.workspace_id)
    flow = data_of(await api.post(f"/v2/flows/{source}/copy", json=body), 201)
    name = emulator.platform.flows[source].name
    assert flow["attributes"]["name"] == name
    assert (await draft_of(api, flow["id"]))["attributes"]["name"] == name


async def test_copy_into_an_existing_flow(
    api: httpx.AsyncClient, emulator: Emulator, source: str
) -> None:
    """Into a flow: 201 with that flow unchanged; its draft is overwritten by the copy."""
    dest = emulator.platform.flows.create(
        workspace_id=emulator.seed.workspace_id,
        user_id=emulator.seed.owner.id,
        name="Destination",
        draft={"name": "Old draft"},
    )
    body = copy_into_flow(dest.id, name="Draft name")
    flow = data_of(await api.post(f"/v2/flows/{source}/copy", json=body), 201)
    assert flow["id"] == dest.id
    assert flow["attributes"]["name"] == "Destination"
    assert flow["attributes"]["graph"] == {"nodes": [], "edges": []}
    draft = await draft_of(api, dest.id)
    assert draft["attributes"]["name"] == "Draft name"
    assert draft["attributes"]["graph"] == emulator.platform.flows[source].graph


async def test_copy_leaves_the_source_alone(
    api: httpx.AsyncClient, emulator: Emulator, source: str
) -> None:
    """The source flow and its draft are unchanged by a copy."""
    before = data_of(await api.get(f"/v2/flows/{source}"))
    draft_before = await draft_of(api, source)
    body = copy_into_workspace(emulator.seed.workspace_id)
    data_of(await api.post(f"/v2/flows/{source}/copy", json=body), 201)
    assert data_of(await api.get(f"/v2/flows/{source}")) == before
    assert await draft_of(api, source) == draft_before


@pytest.mark.parametrize("mode", ["both", "neither"])
async def test_destination_must_be_one_of_two(
    api: httpx.AsyncClient, emulator: Emulator, source: str, mode: str
) -> None:
    """``dest_flow_id`` and ``dest_workspace`` exclude each other; one is needed."""
    body = copy_into_workspace(emulator.seed.workspace_id)
    if mode == "both":
        body["data"]["attributes"]["dest_flow_id"] = source
    else:
        del body["data"]["relationships"]
    error = error_of(await api.post(f"/v2/flows/{source}/copy", json=body), 400)
    assert "dest_flow_id" in error["detail"]
    assert "dest_workspace" in error["detail"]


async def test_copy_with_wrong_type_is_409(
    api: httpx.AsyncClient, emulator: Emulator, source: str
) -> None:
    """A resource of another type is 409."""
    body = copy_into_workspace(emulator.seed.workspace_id)
    body["data"]["type"] = "flow"
    error_of(await api.post(f"/v2/flows/{source}/copy", json=body), 409)


async def test_copy_into_foreign_workspace_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator, source: str
) -> None:
    """The caller needs to be in the destination workspace."""
    body = copy_into_workspace(emulator.seed.private_workspace_id)
    error_of(await guest_api.post(f"/v2/flows/{source}/copy", json=body), 403)


async def test_copy_of_foreign_flow_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The caller needs to be in the source's workspace."""
    private = emulator.seed.private_workspace_id
    flow_id = next(f.id for f in emulator.platform.flows.values() if f.workspace_id == private)
    body = copy_into_workspace(emulator.seed.workspace_id)
    error_of(await guest_api.post(f"/v2/flows/{flow_id}/copy", json=body), 403)


async def test_copy_of_unknown_flow_is_404(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """An unknown source flow is 404."""
    body = copy_into_workspace(emulator.seed.workspace_id)
    error_of(await api.post(f"/v2/flows/{'0' * 24}/copy", json=body), 404)


async def test_copy_into_unknown_flow_is_404(api: httpx.AsyncClient, source: str) -> None:
    """An unknown destination flow is 404."""
    error_of(await api.post(f"/v2/flows/{source}/copy", json=copy_into_flow("0" * 24)), 404)


def flow_with_credentials(emulator: Emulator) -> str:
    """A shared-workspace flow whose petstore step uses the seeded petstore credential."""
    ids = emulator.seed.component_ids
    graph = {
        "nodes": [
            {"id": "step_1", "command": "elasticio/timer:timer", "component_id": ids["timer"]},
            {
                "id": "step_2",
                "command": "acme-dev/petstore:createPetWithPromise",
                "component_id": ids["petstore"],
                "credentials_id": emulator.seed.credential_ids["petstore"],
            },
        ],
        "edges": [{"id": "step_1:step_2", "source": "step_1", "target": "step_2"}],
    }
    return emulator.platform.flows.create(
        workspace_id=emulator.seed.workspace_id,
        user_id=emulator.seed.owner.id,
        name="With credentials",
        graph=graph,
    ).id


@pytest.mark.parametrize(("same_workspace", "kept"), [(True, True), (False, False)])
async def test_credentials_are_copied_only_where_usable(
    api: httpx.AsyncClient, emulator: Emulator, same_workspace: bool, kept: bool
) -> None:
    """A step keeps its credential in its own workspace and loses it elsewhere."""
    flow_id = flow_with_credentials(emulator)
    seed = emulator.seed
    workspace = seed.workspace_id if same_workspace else seed.private_workspace_id
    copy = data_of(
        await api.post(f"/v2/flows/{flow_id}/copy", json=copy_into_workspace(workspace)), 201
    )
    step = (await draft_of(api, copy["id"]))["attributes"]["graph"]["nodes"][1]
    assert ("credentials_id" in step) is kept


async def test_component_unusable_in_destination_is_400(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A private component cannot be copied into another contract's workspace."""
    platform, seed = emulator.platform, emulator.seed
    contract = platform.contracts.create(name="Other", owner_ids=[seed.owner.id])
    workspace = platform.workspaces.create(
        contract_id=contract.id, name="Elsewhere", owner_ids=[seed.owner.id]
    )
    flow_id = flow_with_credentials(emulator)
    body = copy_into_workspace(workspace.id)
    error = error_of(await api.post(f"/v2/flows/{flow_id}/copy", json=body), 400)
    assert seed.component_ids["petstore"] in error["detail"]


async def test_topic_without_pubsub_step_is_400(
    api: httpx.AsyncClient, emulator: Emulator, source: str
) -> None:
    """``topic_id`` is refused for a flow without a Pub/Sub step."""
    body = copy_into_workspace(emulator.seed.workspace_id, topic_id="5f0c2a0e0c0b5a0011111111")
    assert (
        "topic_id" in error_of(await api.post(f"/v2/flows/{source}/copy", json=body), 400)["detail"]
    )
