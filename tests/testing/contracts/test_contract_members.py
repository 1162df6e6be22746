"""Contract members (add, change roles, remove), invites (list, create, edit, revoke) and
roles, with the owner rules: the first member is an owner, the last owner stays."""

from __future__ import annotations

from typing import Any

import httpx

from elasticio.testing import Emulator
from tests._support.docs import docs
from tests._support.emulator_http import data_of, error_of, http_client


def _member(user_id: str, roles: list[str]) -> Any:
    return {"data": {"type": "contract-member", "id": user_id, "attributes": {"roles": roles}}}


def _invite(email: str, roles: list[str], **attributes: Any) -> Any:
    attributes = {"email": email, "roles": roles, **attributes}
    return {"data": {"type": "contract-invite", "attributes": attributes}}


async def test_add_member_from_the_docs_example(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' add-member request makes the user a member at once: 200 with the member."""
    user = emulator.platform.users.create(email="santos@example.com", first_name="Santos")
    placeholders = {"{USER_ID}": user.id, "{ROLE_1}": "admin", "{ROLE_2}": "member"}
    body = docs("contracts/add_member_request", placeholders)
    url = f"/v2/contracts/{emulator.seed.contract_id}/members"
    member = data_of(await api.post(url, json=body))
    assert member["type"] == "contract-member"
    assert member["id"] == user.id
    assert member["attributes"]["roles"] == ["admin", "member"]
    assert member["attributes"]["email"] == "santos@example.com"
    assert emulator.platform.contracts[emulator.seed.contract_id].members[user.id] == [
        "admin",
        "member",
    ]


async def test_add_member_twice_is_409(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A user who is a member already is 409."""
    url = f"/v2/contracts/{emulator.seed.contract_id}/members"
    error_of(await api.post(url, json=_member(emulator.seed.guest.id, ["admin"])), 409)


async def test_first_member_must_be_an_owner(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """In a contract without members, adding or inviting without ``owner`` is 409."""
    empty = emulator.platform.contracts.create(name="Empty")
    url = f"/v2/contracts/{empty.id}"
    member = _member(emulator.seed.guest.id, ["admin"])
    error_of(await api.post(f"{url}/members", json=member), 409)
    error_of(await api.post(f"{url}/invites", json=_invite("a@example.com", ["admin"])), 409)
    owner = _member(emulator.seed.guest.id, ["owner"])
    assert data_of(await api.post(f"{url}/members", json=owner))["attributes"]["roles"] == ["owner"]


async def test_a_role_the_contract_lacks_is_400(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Roles must be contract roles of the contract."""
    user = emulator.platform.users.create(email="x@example.com")
    url = f"/v2/contracts/{emulator.seed.contract_id}/members"
    error = error_of(await api.post(url, json=_member(user.id, ["integrator"])), 400)
    assert error["source"] == {"pointer": "/data/attributes/roles"}


async def test_add_member_is_for_tenant_admins(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A contract admin may not add members directly (403): only tenant admins may."""
    user = emulator.platform.users.create(email="x@example.com")
    url = f"/v2/contracts/{emulator.seed.contract_id}/members"
    error_of(await guest_api.post(url, json=_member(user.id, ["admin"])), 403)


async def test_update_member_from_the_docs_example(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A contract admin (contracts.membership.edit) changes another member's roles."""
    user = emulator.platform.users.create(email="m@example.com")
    contract_id = emulator.seed.contract_id
    emulator.platform.contracts.add_member(contract_id, user.id, ["admin"])
    body = docs("contracts/update_member_request", {"{USER_ID}": user.id, "{NEW_ROLE}": "member"})
    url = f"/v2/contracts/{contract_id}/members/{user.id}"
    member = data_of(await guest_api.patch(url, json=body))
    assert member["attributes"]["roles"] == ["member"]
    assert emulator.platform.contracts[contract_id].members[user.id] == ["member"]


def _only_owner_left(emulator: Emulator) -> None:
    """Make the seed's owner the contract's only owner (the seeded contract owner
    becomes an admin)."""
    seed = emulator.seed
    emulator.platform.contracts[seed.contract_id].members[seed.contract_owner.id] = ["admin"]


async def test_the_last_owner_keeps_the_role(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Taking ``owner`` from the only owner is 409."""
    seed = emulator.seed
    _only_owner_left(emulator)
    url = f"/v2/contracts/{seed.contract_id}/members/{seed.owner.id}"
    error = error_of(await api.patch(url, json=_member(seed.owner.id, ["admin"])), 409)
    assert error["detail"] == "You can not remove the last owner in the contract."


async def test_the_last_owner_cannot_be_removed(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Removing the only owner is 409; with a second owner it is 204."""
    seed = emulator.seed
    _only_owner_left(emulator)
    url = f"/v2/contracts/{seed.contract_id}/members/{seed.owner.id}"
    error = error_of(await api.delete(url), 409)
    assert error["detail"] == "You can not remove the last owner in the contract."
    emulator.platform.contracts.add_member(seed.contract_id, seed.guest.id, ["owner"])
    assert (await api.delete(url)).status_code == 204
    assert seed.owner.id not in emulator.platform.contracts[seed.contract_id].members


async def test_removing_a_member_leaves_the_contracts_workspaces_and_teams(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A removed member is no longer in the contract's workspaces or teams."""
    platform, seed = emulator.platform, emulator.seed
    platform.teams[seed.team_id].user_ids.append(seed.guest.id)
    url = f"/v2/contracts/{seed.contract_id}/members/{seed.guest.id}"
    assert (await api.delete(url)).status_code == 204
    assert seed.guest.id not in platform.workspaces[seed.workspace_id].members
    assert seed.guest.id not in platform.teams[seed.team_id].user_ids


async def test_removing_a_non_member_is_404(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Removing a user who is not a member is 404."""
    user = emulator.platform.users.create(email="x@example.com")
    error_of(await api.delete(f"/v2/contracts/{emulator.seed.contract_id}/members/{user.id}"), 404)


async def test_a_plain_member_may_not_change_members(emulator: Emulator) -> None:
    """A member with the ``member`` role lacks contracts.membership.edit: 403."""
    platform, seed = emulator.platform, emulator.seed
    user = platform.users.create(email="plain@example.com", api_key="plain-key")
    platform.contracts.add_member(seed.contract_id, user.id, ["member"])
    url = f"/v2/contracts/{seed.contract_id}/members/{seed.guest.id}"
    async with http_client(emulator, (user.email, "plain-key")) as client:
        error_of(await client.delete(url), 403)
        error_of(await client.patch(url, json=_member(seed.guest.id, ["member"])), 403)
        invites = f"/v2/contracts/{seed.contract_id}/invites"
        error_of(await client.post(invites, json=_invite("z@example.com", ["admin"])), 403)


# -- invites -------------------------------------------------------------------------------


async def test_invite_from_the_docs_example(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The docs' invite (into a workspace) answers 200 with the invite, then listed."""
    seed = emulator.seed
    body = docs("contracts/invite_request", {"{WORKSPACE_ID}": seed.workspace_id})
    url = f"/v2/contracts/{seed.contract_id}/invites"
    invite = data_of(await api.post(url, json=body))
    expected = docs("contracts/invite", {"{WORKSPACE_ID}": seed.workspace_id})["data"]
    assert invite["type"] == "contract-invite"
    assert invite["attributes"] == expected["attributes"]
    assert [i["id"] for i in data_of(await api.get(url))] == [invite["id"]]


async def test_invites_are_included_with_the_contract(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """``include=invites`` adds the pending invites, and the contract links them."""
    seed = emulator.seed
    invite = emulator.platform.contracts.invite(
        seed.contract_id, email="a@example.com", roles=["admin"]
    )
    body = (await api.get(f"/v2/contracts/{seed.contract_id}?include=invites")).json()
    assert body["data"]["relationships"]["invites"]["data"] == [
        {"id": invite.id, "type": "contract-invite"}
    ]
    assert body["included"] == [
        {
            "id": invite.id,
            "type": "contract-invite",
            "attributes": {"email": "a@example.com", "roles": ["admin"]},
        }
    ]


async def test_invite_into_a_workspace_needs_workspace_edit(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """An integrator of the workspace (no workspaces.workspace.edit) may not invite into it."""
    seed = emulator.seed
    body = _invite("b@example.com", ["admin"], workspace_id=seed.workspace_id)
    body["data"]["attributes"]["workspace_roles"] = ["guest"]
    error_of(await guest_api.post(f"/v2/contracts/{seed.contract_id}/invites", json=body), 403)


async def test_invite_into_a_foreign_workspace_is_400(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The workspace must be one of the contract's."""
    other = emulator.platform.contracts.create(name="Other", owner_ids=[emulator.seed.owner.id])
    body = _invite("b@example.com", ["admin"], workspace_id=emulator.seed.workspace_id)
    error = error_of(await api.post(f"/v2/contracts/{other.id}/invites", json=body), 400)
    assert error["source"] == {"pointer": "/data/attributes/workspace_id"}


async def test_update_invite_from_the_docs_example(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The docs' edit changes the invite's roles and workspace; the email stays."""
    seed = emulator.seed
    invite = emulator.platform.contracts.invite(
        seed.contract_id, email="admin@example.com", roles=["admin"]
    )
    body = docs("contracts/update_invite_request", {"{WORKSPACE_ID}": seed.workspace_id})
    body["data"]["id"] = invite.id
    url = f"/v2/contracts/{seed.contract_id}/invites/{invite.id}"
    changed = data_of(await api.patch(url, json=body))
    expected = docs("contracts/update_invite", {"{WORKSPACE_ID}": seed.workspace_id})["data"]
    assert changed["attributes"] == expected["attributes"]


async def test_revoke_invite(guest_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A contract admin revokes an invite: 204, then gone (404 a second time)."""
    seed = emulator.seed
    invite = emulator.platform.contracts.invite(
        seed.contract_id, email="a@example.com", roles=["admin"]
    )
    url = f"/v2/contracts/{seed.contract_id}/invites/{invite.id}"
    assert (await guest_api.delete(url)).status_code == 204
    error_of(await guest_api.delete(url), 404)


async def test_invites_of_a_foreign_contract_are_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The invites of a contract the caller is not in are 403."""
    other = emulator.platform.contracts.create(name="Other")
    error_of(await guest_api.get(f"/v2/contracts/{other.id}/invites"), 403)


# -- roles ---------------------------------------------------------------------------------


async def test_roles_list_the_contracts_roles_with_permissions(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A member reads the contract's policy: its roles as the docs' example shows them."""
    contract_id = emulator.seed.contract_id
    policy = data_of(await guest_api.get(f"/v2/contracts/{contract_id}/roles"))
    assert policy["type"] == "contract-policy"
    assert policy["relationships"]["contract"]["data"] == {"id": contract_id, "type": "contract"}
    documented = docs("contracts/roles")["data"]["attributes"]["roles"]
    ours = {(r["scope"], r["role"]): r for r in policy["attributes"]["roles"]}
    for role in documented:
        key = (role["scope"], role["role"])
        if key in ours and key != ("contracts", "owner"):
            assert ours[key] == role, key
    assert set(ours) == {
        (r["scope"], r["role"]) for r in emulator.platform.contracts[contract_id].available_roles
    }


async def test_roles_of_a_foreign_contract_are_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The roles of a contract the caller is not in are 403."""
    other = emulator.platform.contracts.create(name="Other")
    error_of(await guest_api.get(f"/v2/contracts/{other.id}/roles"), 403)
