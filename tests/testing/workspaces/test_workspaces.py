"""Workspaces: list by contract, get with ``include``, members, membership checks."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from tests._support.emulator_http import data_of, error_of


async def test_list_is_the_callers_workspaces(
    api: httpx.AsyncClient, guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Each user sees the workspaces they are a member of."""
    seed = emulator.seed
    mine = [w["id"] for w in data_of(await api.get("/v2/workspaces"))]
    theirs = [w["id"] for w in data_of(await guest_api.get("/v2/workspaces"))]
    assert mine == [seed.workspace_id, seed.private_workspace_id]
    assert theirs == [seed.workspace_id]


async def test_list_pages_20_by_default(api: httpx.AsyncClient) -> None:
    """The list carries paging meta with 20 a page."""
    meta = (await api.get("/v2/workspaces")).json()["meta"]
    assert meta == {"page": 1, "per_page": 20, "total": 2, "total_pages": 1}


async def test_list_filters_by_contract(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``contract_id`` keeps the workspaces of that contract."""
    other = emulator.platform.contracts.create(name="Other", owner_ids=[emulator.seed.owner.id])
    emulator.platform.workspaces.create(
        contract_id=other.id, name="Elsewhere", owner_ids=[emulator.seed.owner.id]
    )
    found = data_of(await api.get("/v2/workspaces", params={"contract_id": other.id}))
    assert [w["attributes"]["name"] for w in found] == ["Elsewhere"]


async def test_list_by_foreign_contract_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Filtering by a contract the caller is not in is 403."""
    other = emulator.platform.contracts.create(name="Other")
    error_of(await guest_api.get("/v2/workspaces", params={"contract_id": other.id}), 403)


async def test_workspace_resource_shape(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A workspace has name and type and links its contract, members and invites."""
    seed = emulator.seed
    workspace = data_of(await api.get(f"/v2/workspaces/{seed.workspace_id}"))
    assert workspace["type"] == "workspace"
    assert workspace["attributes"] == {"name": "Production", "type": "full"}
    relationships = workspace["relationships"]
    assert relationships["contract"]["data"] == {"id": seed.contract_id, "type": "contract"}
    assert relationships["members"]["links"] == {
        "self": f"/v2/workspaces/{seed.workspace_id}/members/"
    }
    assert relationships["invites"]["data"] == []


async def test_include_members(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``include=members`` adds ``member`` resources with roles."""
    url = f"/v2/workspaces/{emulator.seed.workspace_id}"
    body = (await api.get(url, params={"include": "members"})).json()
    roles = {m["attributes"]["email"]: m["attributes"]["roles"] for m in body["included"]}
    assert roles == {
        "owner@example.com": ["owner"],
        "guest@example.com": ["integrator"],
        "mia@example.com": ["guest"],
    }
    assert {m["type"] for m in body["included"]} == {"member"}
    assert body["links"] == {"self": url}


async def test_non_member_gets_403(guest_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A workspace the caller is not a member of is 403."""
    error_of(await guest_api.get(f"/v2/workspaces/{emulator.seed.private_workspace_id}"), 403)


async def test_unknown_workspace_is_404(api: httpx.AsyncClient) -> None:
    """An unknown workspace id is 404."""
    error_of(await api.get("/v2/workspaces/000000000000000000000000"), 404)


async def test_members(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The members endpoint lists ``member`` resources with ``/v2/members`` links."""
    url = f"/v2/workspaces/{emulator.seed.private_workspace_id}/members/"
    (member,) = data_of(await api.get(url))
    assert member["id"] == emulator.seed.owner.id
    assert member["links"] == {"self": f"/v2/members/{member['id']}"}
    assert member["attributes"]["roles"] == ["owner"]


async def test_members_of_foreign_workspace_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Listing members needs membership of the workspace."""
    url = f"/v2/workspaces/{emulator.seed.private_workspace_id}/members"
    error_of(await guest_api.get(url), 403)


def member_body(user_id: str, roles: list[str]) -> dict[str, object]:
    return {"data": {"type": "member", "id": user_id, "attributes": {"roles": roles}}}


async def test_add_member(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Adding a contract member answers 200 with the ``member``; the list then shows them."""
    seed = emulator.seed
    url = f"/v2/workspaces/{seed.private_workspace_id}/members"
    member = data_of(await api.post(url, json=member_body(seed.guest.id, ["guest"])))
    assert member["id"] == seed.guest.id
    assert member["type"] == "member"
    assert member["attributes"]["roles"] == ["guest"]
    assert seed.guest.id in {m["id"] for m in data_of(await api.get(url))}


async def test_add_existing_member_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Adding someone who is already a member is 409."""
    seed = emulator.seed
    url = f"/v2/workspaces/{seed.workspace_id}/members"
    error_of(await api.post(url, json=member_body(seed.guest.id, ["admin"])), 409)


async def test_add_member_from_outside_the_contract_is_400(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Only users of the workspace's contract can be added."""
    outsider = emulator.platform.users.create(email="outsider@example.com")
    url = f"/v2/workspaces/{emulator.seed.workspace_id}/members"
    error_of(await api.post(url, json=member_body(outsider.id, ["guest"])), 400)


async def test_add_member_with_unknown_role_is_400(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Roles must be workspace roles of the contract."""
    seed = emulator.seed
    url = f"/v2/workspaces/{seed.private_workspace_id}/members"
    error_of(await api.post(url, json=member_body(seed.guest.id, ["wizard"])), 400)


async def test_add_member_needs_an_admin_role(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """An integrator cannot manage the workspace's members: 403."""
    stranger = emulator.platform.users.create(email="newbie@example.com")
    emulator.platform.contracts.add_member(emulator.seed.contract_id, stranger.id, ["admin"])
    url = f"/v2/workspaces/{emulator.seed.workspace_id}/members"
    error_of(await guest_api.post(url, json=member_body(stranger.id, ["guest"])), 403)
