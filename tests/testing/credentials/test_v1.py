"""Accounts in API v1: they are v2's credentials, shown flat with ``type`` (the
component's id); each change made through one API is seen through the other."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from tests._support.emulator_http import data_of, json_of, ref, v1_error_of


async def test_list_shows_the_credentials_of_the_callers_workspaces(
    api: httpx.AsyncClient, guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The owner sees all three seeded credentials; the guest not the private one."""
    seed = emulator.seed
    petstore = emulator.platform.credentials[seed.credential_ids["petstore"]]
    listed = json_of(await api.get("/v1/accounts/"))
    assert {a["id"] for a in listed} == {*seed.credential_ids.values(), seed.private_credential_id}
    assert {
        "id": petstore.id,
        "name": "Petstore demo key",
        "type": seed.component_ids["petstore"],
        "keys": {"apiKey": "petstore-demo-key"},
    } in listed
    guest_sees = {a["id"] for a in json_of(await guest_api.get("/v1/accounts/"))}
    assert guest_sees == set(seed.credential_ids.values())


async def test_get_reads_one_with_or_without_the_slash(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The Node client sends /v1/accounts/{id} without the docs' trailing slash."""
    account_id = emulator.seed.credential_ids["webhook"]
    with_slash = json_of(await api.get(f"/v1/accounts/{account_id}/"))
    assert with_slash == json_of(await api.get(f"/v1/accounts/{account_id}"))
    assert with_slash["keys"] == {"username": "acme", "password": "webhook-secret"}


async def test_get_refuses_an_account_outside_the_callers_workspaces(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    v1_error_of(await guest_api.get(f"/v1/accounts/{emulator.seed.private_credential_id}"), 403)
    v1_error_of(await guest_api.get("/v1/accounts/nope/"), 404)


async def test_create_answers_the_account_and_v2_sees_a_credential(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A new account lands in the caller's first workspace that may use the component."""
    petstore = emulator.seed.component_ids["petstore"]
    body = {"name": "My account", "type": petstore, "keys": {"apiKey": "k-1"}}
    created = json_of(await api.post("/v1/accounts/", json=body))
    assert created == {"id": created["id"], **body}
    shown = data_of(await api.get(f"/v2/credentials/{created['id']}"))
    assert shown["attributes"] == {"name": "My account", "keys": {"apiKey": "k-1"}}
    assert shown["relationships"]["component"]["data"]["id"] == petstore
    assert shown["relationships"]["workspace"]["data"]["id"] == emulator.seed.workspace_id


async def test_a_v2_credential_is_an_account(api: httpx.AsyncClient, emulator: Emulator) -> None:
    seed = emulator.seed
    body = {
        "data": {
            "type": "credential",
            "attributes": {"name": "From v2", "keys": {"apiKey": "v2"}},
            "relationships": {
                "component": ref("component", seed.component_ids["petstore"]),
                "workspace": ref("workspace", seed.workspace_id),
            },
        }
    }
    created = data_of(await api.post("/v2/credentials", json=body), 201)
    account = json_of(await api.get(f"/v1/accounts/{created['id']}/"))
    assert (account["name"], account["keys"]) == ("From v2", {"apiKey": "v2"})


async def test_create_needs_a_usable_component(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """No ``type`` is a 400, an unknown one a 404; a component of another contract 403."""
    assert "type" in v1_error_of(await api.post("/v1/accounts/", json={"name": "x"}), 400)
    v1_error_of(await api.post("/v1/accounts/", json={"type": "nope"}), 404)
    other = emulator.platform.contracts.create(name="Other")
    team = emulator.platform.add_team(name="others", contract_id=other.id)
    foreign = emulator.platform.components.create(team_id=team.id, name="foreign")
    before = len(emulator.platform.credentials)
    v1_error_of(await api.post("/v1/accounts/", json={"type": foreign.id}), 403)
    assert len(emulator.platform.credentials) == before


async def test_update_changes_what_it_names_and_v2_sees_it(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A PUT of the name keeps type and keys; a PUT of keys replaces them."""
    account_id = emulator.seed.credential_ids["petstore"]
    renamed = json_of(await api.put(f"/v1/accounts/{account_id}", json={"name": "Renamed"}))
    assert (renamed["name"], renamed["keys"]) == ("Renamed", {"apiKey": "petstore-demo-key"})
    json_of(await api.put(f"/v1/accounts/{account_id}/", json={"keys": {"token": "t"}}))
    shown = data_of(await api.get(f"/v2/credentials/{account_id}"))
    assert shown["attributes"] == {"name": "Renamed", "keys": {"token": "t"}}


async def test_a_v2_update_shows_in_v1(api: httpx.AsyncClient, emulator: Emulator) -> None:
    account_id = emulator.seed.credential_ids["petstore"]
    body = {"data": {"type": "credential", "id": account_id, "attributes": {"name": "v2 name"}}}
    data_of(await api.patch(f"/v2/credentials/{account_id}", json=body))
    assert json_of(await api.get(f"/v1/accounts/{account_id}/"))["name"] == "v2 name"


async def test_update_checks_the_body(api: httpx.AsyncClient, emulator: Emulator) -> None:
    account_id = emulator.seed.credential_ids["petstore"]
    assert "keys" in v1_error_of(
        await api.put(f"/v1/accounts/{account_id}/", json={"keys": 1}), 400
    )


async def test_a_fault_rule_naming_the_entry_applies(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    emulator.faults.fail(502, route="v1.accounts.list", times=1)
    v1_error_of(await api.get("/v1/accounts/"), 502)
    assert json_of(await api.get("/v1/accounts/"))
