"""``client.contracts`` administration: create, update, delete, members, invites, roles,
suspension: each request as sent, and each docs example decoded."""

from __future__ import annotations

import pytest
import respx

from elasticio import (
    AsyncClient,
    ConflictError,
    ContractPolicy,
    ContractRole,
    PermissionDeniedError,
    UsageError,
)
from tests._support.docs import docs
from tests._support.wire import body, query

CONTRACT_ID = "5b4f3e093a472b0006c71d47"
USER_ID = "59f747c33f1d3c001901a44e"
INVITE_ID = "5c20bd0376b463001053a6b5"
WORKSPACE_ID = "5b4f3e093a472b0006c71d48"
BASE = f"/v2/contracts/{CONTRACT_ID}"


async def test_create_sends_the_docs_request(client: AsyncClient, router: respx.MockRouter) -> None:
    """create() posts the attributes of the docs' example and decodes the 201 answer."""
    values = {"{{user_id}}": USER_ID}
    route = router.post("/v2/contracts").respond(201, json=docs("contracts/create", values))
    contract = await client.contracts.create(
        "My Contract",
        support_user_id=USER_ID,
        custom_data={"description": "Contract description"},
        available_roles=[
            {"scope": "contracts", "role": "admin"},
            {"scope": "workspaces", "role": "admin"},
        ],
    )
    assert body(route.calls.last.request) == docs("contracts/create_request", values)
    assert (contract.id, contract.status, contract.support_user_id) == (
        "{CONTRACT_ID}",
        "active",
        USER_ID,
    )
    assert {"role": "owner", "scope": "workspaces"} in contract.available_roles


async def test_create_sends_only_the_name_by_default(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Attributes left out are not sent."""
    route = router.post("/v2/contracts").respond(201, json=docs("contracts/create"))
    await client.contracts.create("Bare")
    assert body(route.calls.last.request) == {
        "data": {"type": "contract", "attributes": {"name": "Bare"}}
    }


async def test_update_sends_id_and_given_attributes(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update() is PATCH /v2/contracts/{id} with the id and only the given attributes."""
    route = router.patch(BASE).respond(200, json=docs("contracts/update"))
    contract = await client.contracts.update(CONTRACT_ID, name="New Contract Name")
    assert body(route.calls.last.request) == {
        "data": {"type": "contract", "id": CONTRACT_ID, "attributes": {"name": "New Contract Name"}}
    }
    assert contract.name == "New Contract Name"
    assert {"role": "guest", "scope": "workspaces"} in contract.available_roles


async def test_update_without_permission_is_permission_denied(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A 403 raises PermissionDeniedError."""
    router.patch(BASE).respond(403, json={"errors": [{"status": 403, "title": "Forbidden"}]})
    with pytest.raises(PermissionDeniedError):
        await client.contracts.update(CONTRACT_ID, custom_data={})


@pytest.mark.parametrize(("clear", "sent"), [(False, "false"), (True, "true")])
async def test_delete_always_sends_is_clear_empty_workspaces(
    client: AsyncClient, router: respx.MockRouter, clear: bool, sent: str
) -> None:
    """delete() sends the query the platform requires, false unless asked."""
    route = router.delete(BASE).respond(204)
    await client.contracts.delete(CONTRACT_ID, clear_empty_workspaces=clear)
    request = route.calls.last.request
    assert (request.method, query(request), request.content) == (
        "DELETE",
        [("is_clear_empty_workspaces", sent)],
        b"",
    )


async def test_delete_refused_is_a_conflict(client: AsyncClient, router: respx.MockRouter) -> None:
    """A 409 (components used elsewhere) raises ConflictError."""
    router.delete(BASE).respond(409, json={"errors": [{"status": 409, "title": "Conflict"}]})
    with pytest.raises(ConflictError):
        await client.contracts.delete(CONTRACT_ID)


async def test_add_member_sends_the_docs_request(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """add_member() posts a contract-member with the user's id and roles."""
    route = router.post(f"{BASE}/members").respond(200, json=docs("contracts/add_member"))
    member = await client.contracts.add_member(CONTRACT_ID, USER_ID, roles=["{ROLE_1}", "{ROLE_2}"])
    assert body(route.calls.last.request) == docs(
        "contracts/add_member_request", {"{USER_ID}": USER_ID}
    )
    assert (member.id, member.email, member.roles) == (
        "588f832b87d7c33c7d5cc37a",
        "Santos_Mitchell@example.com",
        ("{ROLE_1}", "{ROLE_2}"),
    )
    assert member.user_id == member.id


async def test_update_member_sends_the_docs_request(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update_member() patches the member with the new roles; one role may be a string."""
    path = f"{BASE}/members/{USER_ID}"
    route = router.patch(path).respond(200, json=docs("contracts/update_member"))
    member = await client.contracts.update_member(CONTRACT_ID, USER_ID, roles="{NEW_ROLE}")
    assert body(route.calls.last.request) == docs(
        "contracts/update_member_request", {"{USER_ID}": USER_ID}
    )
    assert member.roles == ("member",)


async def test_roles_must_be_strings(client: AsyncClient, router: respx.MockRouter) -> None:
    """Roles that are not strings raise UsageError before a request is sent."""
    with pytest.raises(UsageError):
        await client.contracts.update_member(CONTRACT_ID, USER_ID, roles=[1])  # type: ignore[list-item]
    assert not router.calls


async def test_remove_member_is_a_delete(client: AsyncClient, router: respx.MockRouter) -> None:
    """remove_member() is DELETE .../members/{user_id}; a 409 (last owner) is a conflict."""
    path = f"{BASE}/members/{USER_ID}"
    route = router.delete(path).respond(204)
    await client.contracts.remove_member(CONTRACT_ID, USER_ID)
    assert route.calls.last.request.content == b""
    route.respond(409, json={"errors": [{"status": 409, "title": "Conflict"}]})
    with pytest.raises(ConflictError):
        await client.contracts.remove_member(CONTRACT_ID, USER_ID)


async def test_invites_decodes_the_docs_example(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """invites() lists the pending invitations."""
    router.get(f"{BASE}/invites").respond(200, json=docs("contracts/invites"))
    invites = await client.contracts.invites(CONTRACT_ID)
    assert [(i.id, i.email, i.roles) for i in invites] == [
        ("5b6d663b033b550011fef351", "admin@example.com", ("admin",)),
        ("5b83c0462e7785501158b654", "member@example.com", ("member",)),
        ("5b855b333a667d5510ce4465", "member@example.com", ("member",)),
    ]


async def test_invite_sends_the_docs_request(client: AsyncClient, router: respx.MockRouter) -> None:
    """invite() posts a contract-invite with email, roles and the workspace."""
    values = {"{WORKSPACE_ID}": WORKSPACE_ID}
    route = router.post(f"{BASE}/invites").respond(200, json=docs("contracts/invite", values))
    invite = await client.contracts.invite(
        CONTRACT_ID,
        "admin@example.com",
        roles="owner",
        workspace_id=WORKSPACE_ID,
        workspace_roles=["integrator"],
    )
    assert body(route.calls.last.request) == docs("contracts/invite_request", values)
    assert (invite.id, invite.workspace_id, invite.workspace_roles) == (
        INVITE_ID,
        WORKSPACE_ID,
        ("integrator",),
    )


async def test_update_invite_sends_the_docs_request(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update_invite() patches the invite by id with what is given."""
    values = {"{WORKSPACE_ID}": WORKSPACE_ID}
    path = f"{BASE}/invites/{INVITE_ID}"
    route = router.patch(path).respond(200, json=docs("contracts/update_invite", values))
    invite = await client.contracts.update_invite(
        CONTRACT_ID,
        INVITE_ID,
        roles=["owner"],
        workspace_id=WORKSPACE_ID,
        workspace_roles="integrator",
    )
    assert body(route.calls.last.request) == docs("contracts/update_invite_request", values)
    assert invite.roles == ("owner",)


async def test_revoke_invite_is_a_delete(client: AsyncClient, router: respx.MockRouter) -> None:
    """revoke_invite() is DELETE .../invites/{invite_id}."""
    route = router.delete(f"{BASE}/invites/{INVITE_ID}").respond(204)
    await client.contracts.revoke_invite(CONTRACT_ID, INVITE_ID)
    assert route.calls.last.request.method == "DELETE"


async def test_roles_decodes_the_docs_policy(client: AsyncClient, router: respx.MockRouter) -> None:
    """roles() gives a ContractPolicy whose roles keep permissions and names."""
    router.get(f"{BASE}/roles").respond(
        200, json=docs("contracts/roles", {"{CONTRACT_ID}": CONTRACT_ID})
    )
    policy = await client.contracts.roles(CONTRACT_ID)
    assert isinstance(policy, ContractPolicy)
    assert policy.contract_id == CONTRACT_ID
    assert policy.roles[1] == ContractRole(
        role="member",
        scope="contracts",
        permissions=("contracts.workspace.create",),
        i18n={"en": "Member"},
    )
    assert policy.permissions("workspaces", "guest") == ()
    assert "contracts.devTeam.edit" in policy.permissions("contracts", "admin")
    assert policy.permissions("workspaces", "nobody") == ()


@pytest.mark.parametrize(("verb", "status"), [("suspend", 202), ("unsuspend", 204)])
async def test_suspension_posts_without_a_body(
    client: AsyncClient, router: respx.MockRouter, verb: str, status: int
) -> None:
    """suspend() and unsuspend() post nothing and accept 202 / 204 with an empty body."""
    route = router.post(f"{BASE}/{verb}").respond(status)
    await getattr(client.contracts, verb)(CONTRACT_ID)
    request = route.calls.last.request
    assert (request.method, request.content) == ("POST", b"")
