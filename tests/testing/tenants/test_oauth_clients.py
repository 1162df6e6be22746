"""A tenant's OAuth clients over plain httpx: the docs' examples, one client per
component, the component filter, and who may do it."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from elasticio.testing._tenant import TenantRecord
from tests._support.docs import docs
from tests._support.emulator_http import data_of, error_of, ref


def clients(tenant_id: str) -> str:
    return f"/v2/tenants/{tenant_id}/oauth-clients"


def request(emulator: Emulator, name: str = "create", component: str = "petstore") -> object:
    return docs(
        f"tenants/oauth_client_{name}_request",
        {
            "{COMPONENT_ID}": emulator.seed.component_ids[component],
            "{CLIENT_ID}": "petstore-app",
            "{CLIENT_SECRET}": "s3cret",
        },
    )


async def test_create_answers_the_docs_shape(api: httpx.AsyncClient, emulator: Emulator) -> None:
    created = data_of(await api.post(clients(emulator.seed.tenant_id), json=request(emulator)), 201)
    expected = docs("tenants/oauth_client_create")["data"]
    assert created["type"] == "oauth-client"
    assert set(created["attributes"]) == set(expected["attributes"])
    assert created["attributes"] == {"client_id": "petstore-app", "client_secret": "s3cret"}
    component_id = emulator.seed.component_ids["petstore"]
    assert created["relationships"]["component"] == {
        "data": {"id": component_id, "type": "component"},
        "links": {"self": f"/v2/components/{component_id}"},
    }


async def test_one_client_per_component(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A second client of the same component in the tenant is a 409; another tenant may
    have its own."""
    path = clients(emulator.seed.tenant_id)
    data_of(await api.post(path, json=request(emulator)), 201)
    error_of(await api.post(path, json=request(emulator)), 409)
    other = emulator.platform.tenants.add(TenantRecord(id="", name="Other"))
    data_of(await api.post(clients(other.id), json=request(emulator)), 201)


async def test_create_needs_a_known_component(api: httpx.AsyncClient, emulator: Emulator) -> None:
    path = clients(emulator.seed.tenant_id)
    body = request(emulator)
    body["data"]["relationships"]["component"] = ref("component", "nope")  # type: ignore[index]
    error_of(await api.post(path, json=body), 404)
    del body["data"]["relationships"]  # type: ignore[index]
    error = error_of(await api.post(path, json=body), 400)
    assert error["source"] == {"pointer": "/data/relationships/component"}


async def test_list_filters_by_component(api: httpx.AsyncClient, emulator: Emulator) -> None:
    path = clients(emulator.seed.tenant_id)
    petstore = data_of(await api.post(path, json=request(emulator)), 201)
    timer = data_of(await api.post(path, json=request(emulator, component="timer")), 201)
    assert [c["id"] for c in data_of(await api.get(path))] == [petstore["id"], timer["id"]]
    only = {"filter[component]": emulator.seed.component_ids["timer"]}
    assert [c["id"] for c in data_of(await api.get(path, params=only))] == [timer["id"]]


async def test_get_update_delete(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' update changes the client; what it leaves out stays; delete is 204."""
    path = clients(emulator.seed.tenant_id)
    created = data_of(await api.post(path, json=request(emulator)), 201)
    one = f"{path}/{created['id']}"
    assert data_of(await api.get(one)) == created
    body = request(emulator, "update", component="timer")
    updated = data_of(await api.patch(one, json=body))
    assert (
        updated["relationships"]["component"]["data"]["id"]
        == (emulator.seed.component_ids["timer"])
    )
    secret_only = {"data": {"type": "oauth-client", "attributes": {"client_secret": "n3w"}}}
    updated = data_of(await api.patch(one, json=secret_only))
    assert updated["attributes"] == {"client_id": "petstore-app", "client_secret": "n3w"}
    assert (await api.delete(one)).status_code == 204
    error_of(await api.get(one), 404)


async def test_update_to_a_taken_component_is_409(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    path = clients(emulator.seed.tenant_id)
    data_of(await api.post(path, json=request(emulator)), 201)
    timer = data_of(await api.post(path, json=request(emulator, component="timer")), 201)
    error_of(await api.patch(f"{path}/{timer['id']}", json=request(emulator, "update")), 409)


async def test_a_client_lives_in_its_tenant(
    api: httpx.AsyncClient, emulator: Emulator, spare_tenant: TenantRecord
) -> None:
    created = data_of(await api.post(clients(emulator.seed.tenant_id), json=request(emulator)), 201)
    error_of(await api.get(f"{clients(spare_tenant.id)}/{created['id']}"), 404)


async def test_others_are_refused(
    api: httpx.AsyncClient, contract_owner_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    path = clients(emulator.seed.tenant_id)
    error_of(await contract_owner_api.post(path, json=request(emulator)), 403)
    error_of(await contract_owner_api.get(path), 403)
    created = data_of(await api.post(path, json=request(emulator)), 201)
    error_of(await contract_owner_api.get(f"{path}/{created['id']}"), 403)
    error_of(await contract_owner_api.delete(f"{path}/{created['id']}"), 403)
    assert len(emulator.platform.oauth_clients) == 1
