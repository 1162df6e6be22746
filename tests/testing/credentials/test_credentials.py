"""Credentials: list by workspace and component, get, create, update, delete."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.emulator_http import data_of, error_of, ref
from tests._support.platform import foreign_component


def create_body(emulator: Emulator, **attributes: Any) -> dict[str, Any]:
    """A create request after the docs' example, for petstore in the shared workspace."""
    return {
        "data": {
            "type": "credential",
            "attributes": {"name": "credname", "keys": {"apiKey": "k-1"}, **attributes},
            "relationships": {
                "component": ref("component", emulator.seed.component_ids["petstore"]),
                "workspace": ref("workspace", emulator.seed.workspace_id),
            },
        }
    }


async def listed(api: httpx.AsyncClient, emulator: Emulator, **params: str) -> httpx.Response:
    query = {"workspace_id": emulator.seed.workspace_id, **params}
    return await api.get("/v2/credentials", params=query)


async def test_list_shape(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The shared workspace lists its two seeded credentials in the documented shape."""
    response = await listed(api, emulator)
    data = data_of(response)
    assert response.json()["links"] == {"self": "/v2/credentials"}
    assert response.json()["meta"] == {}
    assert [c["id"] for c in data] == [
        emulator.seed.credential_ids["webhook"],
        emulator.seed.credential_ids["petstore"],
    ]
    webhook = data[0]
    assert webhook["type"] == "credential"
    assert webhook["links"] == {"self": f"/v2/credentials/{webhook['id']}"}
    assert webhook["attributes"] == {
        "name": "Webhook basic auth",
        "keys": {"username": "acme", "password": "webhook-secret"},
    }
    component_id = emulator.seed.component_ids["webhook"]
    assert webhook["relationships"]["component"] == {
        "data": {"id": component_id, "type": "component"},
        "links": {"self": f"/v2/components/{component_id}"},
    }
    assert webhook["relationships"]["workspace"]["data"]["id"] == emulator.seed.workspace_id
    assert webhook["relationships"]["user"]["data"]["id"] == emulator.seed.owner.id


async def test_list_needs_workspace_id(api: httpx.AsyncClient) -> None:
    """``workspace_id`` is required."""
    error = error_of(await api.get("/v2/credentials"), 400)
    assert error["source"] == {"parameter": "workspace_id"}


async def test_list_filters_by_component(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``filter[component]`` keeps that component's credentials."""
    petstore = emulator.seed.component_ids["petstore"]
    data = data_of(await listed(api, emulator, **{"filter[component]": petstore}))
    assert [c["id"] for c in data] == [emulator.seed.credential_ids["petstore"]]


async def test_list_of_foreign_workspace_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Credentials of a workspace the caller is not in are 403."""
    params = {"workspace_id": emulator.seed.private_workspace_id}
    error_of(await guest_api.get("/v2/credentials", params=params), 403)


async def test_list_of_unknown_workspace_is_404(api: httpx.AsyncClient) -> None:
    """An unknown workspace is 404."""
    error_of(await api.get("/v2/credentials", params={"workspace_id": "0" * 24}), 404)


async def test_get_returns_keys_in_clear(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """One credential, keys included, with a trailing slash as in the docs' example."""
    credential_id = emulator.seed.credential_ids["petstore"]
    credential = data_of(await api.get(f"/v2/credentials/{credential_id}/"))
    assert credential["attributes"]["keys"] == {"apiKey": "petstore-demo-key"}


async def test_get_unknown_is_404(api: httpx.AsyncClient) -> None:
    """An unknown credential is 404."""
    error_of(await api.get(f"/v2/credentials/{'0' * 24}"), 404)


async def test_get_foreign_is_403(guest_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A credential of a workspace the caller is not in is 403."""
    error_of(await guest_api.get(f"/v2/credentials/{emulator.seed.private_credential_id}"), 403)


async def test_create_answers_201(guest_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A created credential belongs to the caller and can be read back."""
    created = data_of(await guest_api.post("/v2/credentials", json=create_body(emulator)), 201)
    assert created["attributes"] == {"name": "credname", "keys": {"apiKey": "k-1"}}
    assert created["relationships"]["user"]["data"]["id"] == emulator.seed.guest.id
    assert "vpn_agent" not in created["relationships"]
    assert data_of(await guest_api.get(f"/v2/credentials/{created['id']}")) == created


async def test_create_without_name_generates_one(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Without a name the credential is named after the component, numbered."""
    body = create_body(emulator)
    del body["data"]["attributes"]["name"]
    created = data_of(await api.post("/v2/credentials", json=body), 201)
    assert created["attributes"]["name"] == "Petstore API #2"


async def test_create_without_keys_has_empty_keys(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """``keys`` is optional."""
    body = create_body(emulator)
    del body["data"]["attributes"]["keys"]
    assert data_of(await api.post("/v2/credentials", json=body), 201)["attributes"]["keys"] == {}


@pytest.mark.parametrize("relationship", ["component", "workspace"])
async def test_create_needs_relationship(
    api: httpx.AsyncClient, emulator: Emulator, relationship: str
) -> None:
    """The component and workspace relationships are required."""
    body = create_body(emulator)
    del body["data"]["relationships"][relationship]
    error = error_of(await api.post("/v2/credentials", json=body), 400)
    assert f"data.relationships.{relationship}" in error["detail"]


async def test_create_with_wrong_type_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A resource of another type is 409."""
    body = create_body(emulator)
    body["data"]["type"] = "flow"
    error_of(await api.post("/v2/credentials", json=body), 409)


async def test_create_with_keys_not_an_object_is_400(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """``keys`` must be an object."""
    error_of(await api.post("/v2/credentials", json=create_body(emulator, keys="x")), 400)


async def test_create_in_foreign_workspace_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Creating in a workspace the caller is not in is 403."""
    body = create_body(emulator)
    body["data"]["relationships"]["workspace"] = ref(
        "workspace", emulator.seed.private_workspace_id
    )
    error_of(await guest_api.post("/v2/credentials", json=body), 403)


async def test_create_for_unknown_component_is_404(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """An unknown component is 404."""
    body = create_body(emulator)
    body["data"]["relationships"]["component"] = ref("component", "0" * 24)
    error_of(await api.post("/v2/credentials", json=body), 404)


async def test_create_for_other_contracts_component_is_403(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A private component of a contract the caller is not in is 403."""
    component = foreign_component(emulator)
    body = create_body(emulator)
    body["data"]["relationships"]["component"] = ref("component", component.id)
    error_of(await api.post("/v2/credentials", json=body), 403)


async def test_create_keeps_vpn_agent(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A vpn_agent relationship is kept and shown with its link."""
    body = create_body(emulator)
    body["data"]["relationships"]["vpn_agent"] = ref("vpn-agent", "5a09deda2d5f49665afb739a")
    created = data_of(await api.post("/v2/credentials", json=body), 201)
    assert created["relationships"]["vpn_agent"] == {
        "data": {"id": "5a09deda2d5f49665afb739a", "type": "vpn-agent"},
        "links": {"self": "/v2/agents/vpn/5a09deda2d5f49665afb739a"},
    }


def patch_body(credential_id: str, **attributes: Any) -> dict[str, Any]:
    return {"data": {"type": "credential", "id": credential_id, "attributes": attributes}}


async def test_patch_replaces_keys_entirely(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """PATCH with ``keys`` replaces the whole object; the name stays."""
    credential_id = emulator.seed.credential_ids["webhook"]
    body = patch_body(credential_id, keys={"username": "new"})
    updated = data_of(await api.patch(f"/v2/credentials/{credential_id}", json=body))
    assert updated["attributes"] == {"name": "Webhook basic auth", "keys": {"username": "new"}}
    assert data_of(await api.get(f"/v2/credentials/{credential_id}")) == updated


async def test_patch_name_keeps_keys(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """PATCH with only a name leaves the keys alone."""
    credential_id = emulator.seed.credential_ids["petstore"]
    body = patch_body(credential_id, name="Renamed")
    updated = data_of(await api.patch(f"/v2/credentials/{credential_id}", json=body))
    assert updated["attributes"] == {"name": "Renamed", "keys": {"apiKey": "petstore-demo-key"}}


async def test_patch_needs_the_id(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """PATCH without ``data.id`` is 400."""
    credential_id = emulator.seed.credential_ids["petstore"]
    body = {"data": {"type": "credential", "attributes": {"name": "x"}}}
    error_of(await api.patch(f"/v2/credentials/{credential_id}", json=body), 400)


async def test_patch_with_other_id_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """PATCH whose ``data.id`` differs from the URL's is 409."""
    credential_id = emulator.seed.credential_ids["petstore"]
    body = patch_body("0" * 24, name="x")
    error_of(await api.patch(f"/v2/credentials/{credential_id}", json=body), 409)


async def test_delete(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """DELETE answers 204 with no body; the credential is gone."""
    credential_id = emulator.seed.credential_ids["petstore"]
    response = await api.delete(f"/v2/credentials/{credential_id}")
    assert response.status_code == 204
    assert response.content == b""
    error_of(await api.get(f"/v2/credentials/{credential_id}"), 404)


async def test_delete_foreign_is_403(guest_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Deleting a credential of a workspace the caller is not in is 403."""
    credential_id = emulator.seed.private_credential_id
    error_of(await guest_api.delete(f"/v2/credentials/{credential_id}"), 403)


async def test_patch_with_a_null_vpn_agent_unlinks_it(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """PATCH with ``relationships.vpn_agent.data: null`` removes the agent link."""
    credential_id = emulator.seed.credential_ids["webhook"]
    agent = {"data": {"type": "vpn-agent", "id": "5a09deda2d5f49665afb739a"}}
    linked = patch_body(credential_id)
    linked["data"]["relationships"] = {"vpn_agent": agent}
    response = await api.patch(f"/v2/credentials/{credential_id}", json=linked)
    assert "vpn_agent" in data_of(response)["relationships"]
    unlinked = patch_body(credential_id)
    unlinked["data"]["relationships"] = {"vpn_agent": {"data": None}}
    response = await api.patch(f"/v2/credentials/{credential_id}", json=unlinked)
    assert "vpn_agent" not in data_of(response)["relationships"]
