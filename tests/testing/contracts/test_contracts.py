"""Contracts: list, get with ``include``, members."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from tests._support.emulator_http import data_of, error_of


async def test_list_is_the_callers_contracts(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The list holds the contracts the caller is a member of, paged 20 by default."""
    emulator.platform.contracts.create(name="Someone else's")
    response = await api.get("/v2/contracts")
    assert [c["id"] for c in data_of(response)] == [emulator.seed.contract_id]
    assert response.json()["meta"] == {"page": 1, "per_page": 20, "total": 1, "total_pages": 1}


async def test_contract_resource_shape(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A contract has name, roles and status, and links its members."""
    contract_id = emulator.seed.contract_id
    contract = data_of(await api.get(f"/v2/contracts/{contract_id}"))
    assert contract["type"] == "contract"
    assert contract["links"] == {"self": f"/v2/contracts/{contract_id}"}
    assert contract["attributes"]["name"] == "Acme Integrations"
    assert contract["attributes"]["status"] == "active"
    assert {"scope": "workspaces", "role": "owner"} in contract["attributes"]["available_roles"]
    members = contract["relationships"]["members"]
    assert members["links"] == {"self": f"/v2/contracts/{contract_id}/members/"}
    seed = emulator.seed
    assert {m["id"] for m in members["data"]} == {
        u.id for u in (seed.owner, seed.guest, seed.contract_owner, seed.member)
    }
    assert {m["type"] for m in members["data"]} == {"contract-member"}


async def test_get_without_include_has_no_included(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Without ``include`` the document has no ``included`` member."""
    body = (await api.get(f"/v2/contracts/{emulator.seed.contract_id}")).json()
    assert "included" not in body


async def test_include_members(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``include=members`` adds ``contract-member`` resources with roles and a user link."""
    url = f"/v2/contracts/{emulator.seed.contract_id}"
    body = (await api.get(url, params={"include": "members,invites"})).json()
    by_id = {m["id"]: m for m in body["included"]}
    guest = by_id[emulator.seed.guest.id]
    assert guest["type"] == "contract-member"
    assert guest["attributes"] == {
        "first_name": "Gary",
        "last_name": "Guest",
        "email": "guest@example.com",
        "roles": ["admin"],
    }
    assert guest["relationships"]["user"]["data"] == {"id": guest["id"], "type": "user"}


async def test_unknown_include_is_400(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """An ``include`` other than members or invites is 400."""
    url = f"/v2/contracts/{emulator.seed.contract_id}"
    error_of(await api.get(url, params={"include": "flows"}), 400)


async def test_unknown_contract_is_404(api: httpx.AsyncClient) -> None:
    """An unknown contract id is 404."""
    error_of(await api.get("/v2/contracts/000000000000000000000000"), 404)


async def test_foreign_contract_is_403(guest_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A contract the caller is not a member of is 403."""
    other = emulator.platform.contracts.create(name="Other")
    error_of(await guest_api.get(f"/v2/contracts/{other.id}"), 403)


async def test_tenant_admin_reads_any_contract(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A tenant admin may read a contract without being a member."""
    other = emulator.platform.contracts.create(name="Other")
    assert data_of(await api.get(f"/v2/contracts/{other.id}"))["id"] == other.id


async def test_custom_data_is_shown_to_owners_only(
    api: httpx.AsyncClient, guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """``custom_data`` appears for an owner, not for a plain member."""
    url = f"/v2/contracts/{emulator.seed.contract_id}"
    assert data_of(await api.get(url))["attributes"]["custom_data"] == {"plan": "enterprise"}
    assert "custom_data" not in data_of(await guest_api.get(url))["attributes"]


async def test_members(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The members endpoint lists ``contract-member`` resources with roles."""
    url = f"/v2/contracts/{emulator.seed.contract_id}/members"
    members = data_of(await api.get(url))
    roles = {m["attributes"]["email"]: m["attributes"]["roles"] for m in members}
    assert roles == {
        "owner@example.com": ["owner"],
        "guest@example.com": ["admin"],
        "carla@example.com": ["owner"],
        "mia@example.com": [],
    }
