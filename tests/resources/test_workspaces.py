"""``client.workspaces``: each endpoint's request and decoded result, against the docs."""

from __future__ import annotations

import json
from typing import Any

import pytest
import respx

from elasticio import AsyncClient, ConflictError, DecodeError
from elasticio.models._workspaces import Workspace, WorkspaceInvite, WorkspaceMember
from tests._support.docs import docs
from tests._support.wire import body, paged, query

WORKSPACE_ID = "59d341e9037f7200184a408b"
CONTRACT_ID = "5b4f337bff4304610483ba67"
USER_ID = "5b6da6e9bff5630010f2024f"
MEMBERS_PATH = f"/v2/workspaces/{WORKSPACE_ID}/members"


def workspace(workspace_id: str) -> dict[str, Any]:
    return {"type": "workspace", "id": workspace_id, "attributes": {"name": workspace_id}}


def with_members_included() -> dict[str, Any]:
    """The docs' workspace, its linkage naming the two members its ``included`` holds."""
    payload: dict[str, Any] = docs("workspaces/get")
    payload["data"]["relationships"]["members"]["data"] = [
        {"type": "member", "id": "5612c1e983dd4f0600000002"},
        {"type": "member", "id": "560e5a27734d480a00000002"},
    ]
    return payload


# -- list ----------------------------------------------------------------------------------


async def test_list_sends_no_query_by_default(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list() is GET /v2/workspaces without query or body."""
    route = router.get("/v2/workspaces").respond(200, json=docs("workspaces/list"))
    await client.workspaces.list().collect()
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request), request.content) == (
        "GET",
        "/v2/workspaces",
        [],
        b"",
    )


async def test_list_sends_contract_id_and_page_size(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list(contract_id=..., page_size=...) sends contract_id and page[size]."""
    route = router.get("/v2/workspaces").respond(200, json=docs("workspaces/list"))
    await client.workspaces.list(contract_id=CONTRACT_ID, page_size=10).collect()
    assert query(route.calls.last.request) == [("contract_id", CONTRACT_ID), ("page[size]", "10")]


async def test_list_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """The docs' list gives two workspaces with their contract and member ids."""
    router.get("/v2/workspaces").respond(200, json=docs("workspaces/list"))
    workspaces = await client.workspaces.list().collect()
    assert [(w.id, w.name, w.contract_id) for w in workspaces] == [
        (WORKSPACE_ID, "My first Workspace", CONTRACT_ID),
        ("5b6d97bf033b500011fef487", "My second Workspace", CONTRACT_ID),
    ]
    assert workspaces[0].member_ids == ("571634ecfdf77f0800000005", "58c6b20124901200184fdfd1")
    assert (workspaces[0].members, workspaces[0].invites, workspaces[0].type) == (
        None,
        None,
        None,
    )


async def test_list_pages_through_total_pages(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list() follows meta.total_pages, keeping contract_id on every page."""
    route = router.get("/v2/workspaces").mock(
        side_effect=paged([[workspace("W1")], [workspace("W2")]])
    )
    workspaces = await client.workspaces.list(contract_id=CONTRACT_ID).collect()
    assert [w.id for w in workspaces] == ["W1", "W2"]
    assert [query(call.request) for call in route.calls] == [
        [("contract_id", CONTRACT_ID)],
        [("contract_id", CONTRACT_ID), ("page[number]", "2")],
    ]


# -- get -----------------------------------------------------------------------------------


async def test_get_sends_no_include_by_default(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get(id) is GET /v2/workspaces/{id} without query."""
    path = f"/v2/workspaces/{WORKSPACE_ID}"
    route = router.get(path).respond(200, json=docs("workspaces/get"))
    await client.workspaces.get(WORKSPACE_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("GET", path, [])


async def test_get_sends_include(client: AsyncClient, router: respx.MockRouter) -> None:
    """get(include=("members", "invites")) sends include=members,invites."""
    route = router.get(f"/v2/workspaces/{WORKSPACE_ID}").respond(200, json=docs("workspaces/get"))
    await client.workspaces.get(WORKSPACE_ID, include=("members", "invites"))
    assert query(route.calls.last.request) == [("include", "members,invites")]


async def test_get_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """The docs' workspace: its invite is resolved from ``included``; its members are not,
    as the example's included members carry other ids than the linkage."""
    router.get(f"/v2/workspaces/{WORKSPACE_ID}").respond(200, json=docs("workspaces/get"))
    found = await client.workspaces.get(WORKSPACE_ID, include=("members", "invites"))
    assert (found.id, found.name, found.contract_id) == (
        WORKSPACE_ID,
        "My Workspace",
        CONTRACT_ID,
    )
    assert found.member_ids == ("571634ecfdf77f0800000005", "58c6b20124901200184fdfd1")
    assert found.members is None
    assert found.invites == (
        WorkspaceInvite(id="5b6460f73beeff001074af5b", email="test@user.com", roles=("admin",)),
    )


async def test_get_resolves_included_members(client: AsyncClient, router: respx.MockRouter) -> None:
    """Members linked from the workspace are built from ``included``, in linkage order."""
    router.get(f"/v2/workspaces/{WORKSPACE_ID}").respond(200, json=with_members_included())
    found = await client.workspaces.get(WORKSPACE_ID, include="members")
    assert found.members is not None
    assert [(m.user_id, m.email, m.roles) for m in found.members] == [
        ("5612c1e983dd4f0600000002", "bob@smith.com", ("admin",)),
        ("560e5a27734d480a00000002", "john@doe.com", ("admin",)),
    ]


async def test_get_decodes_type_and_stats_default(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """``type`` and ``flow_stats_enabled_default`` are decoded."""
    attributes = {"name": "w", "type": "limited", "flow_stats_enabled_default": False}
    payload = {"data": {"type": "workspace", "id": WORKSPACE_ID, "attributes": attributes}}
    router.get(f"/v2/workspaces/{WORKSPACE_ID}").respond(200, json=payload)
    found = await client.workspaces.get(WORKSPACE_ID)
    assert (found.type, found.flow_stats_enabled_default) == ("limited", False)


async def test_get_reports_a_wrongly_typed_attribute(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A name that is a number raises DecodeError naming the attribute."""
    payload = {"data": {"type": "workspace", "id": WORKSPACE_ID, "attributes": {"name": 5}}}
    router.get(f"/v2/workspaces/{WORKSPACE_ID}").respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.workspaces.get(WORKSPACE_ID)
    assert "name" in str(caught.value)


async def test_get_encodes_the_id_as_one_segment(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get() percent-encodes ``?`` and ``/`` in the id."""
    route = router.get(url__regex=r".*").respond(200, json=docs("workspaces/get"))
    await client.workspaces.get("a/b?c")
    assert route.calls.last.request.url.raw_path == b"/v2/workspaces/a%2Fb%3Fc"


# -- members -------------------------------------------------------------------------------


async def test_members_decodes_the_docs_example(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """members(id) is GET /v2/workspaces/{id}/members and gives each member's roles."""
    path = f"/v2/workspaces/{WORKSPACE_ID}/members"
    route = router.get(path).respond(200, json=docs("workspaces/members"))
    members = await client.workspaces.members(WORKSPACE_ID)
    request = route.calls.last.request
    assert (request.method, query(request)) == ("GET", [])
    assert members == [
        WorkspaceMember(
            id="59d22e7eeb865b0018adc248",
            first_name="Marilyn",
            last_name="Manson",
            email="marilyn@manson.com",
            roles=("admin",),
        ),
        WorkspaceMember(
            id="5b6da6e9bff5630010f2024f",
            first_name="Ozzy",
            last_name="Osborn",
            email="ozzy@osborn.com",
            roles=("integrator",),
        ),
    ]


async def test_members_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A contract-member in a workspace's member list raises DecodeError."""
    payload = {"data": [{"type": "contract-member", "id": "U1"}]}
    router.get(f"/v2/workspaces/{WORKSPACE_ID}/members").respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.workspaces.members(WORKSPACE_ID)
    assert caught.value.pointer == "/data/0/type"


async def test_members_take_the_id_as_the_user_id(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A workspace member has no ``user`` relationship: its user id is its own id."""
    router.get(MEMBERS_PATH).respond(200, json=docs("workspaces/members"))
    members = await client.workspaces.members(WORKSPACE_ID)
    assert [m.user_id for m in members] == [m.id for m in members]


# -- add_member ----------------------------------------------------------------------------


def added(roles: list[str]) -> dict[str, Any]:
    """The platform's answer to adding USER_ID: the new member."""
    attributes = {"first_name": "Ozzy", "email": "ozzy@osborn.com", "roles": roles}
    return {"data": {"type": "member", "id": USER_ID, "attributes": attributes}}


async def test_add_member_posts_the_member_document(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """add_member(ws, user, roles=[...]) POSTs a ``member`` named by the user id, with roles."""
    route = router.post(MEMBERS_PATH).respond(200, json=added(["integrator", "guest"]))
    await client.workspaces.add_member(WORKSPACE_ID, USER_ID, roles=["integrator", "guest"])
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("POST", MEMBERS_PATH, [])
    assert body(request) == {
        "data": {"type": "member", "id": USER_ID, "attributes": {"roles": ["integrator", "guest"]}}
    }


async def test_add_member_takes_one_role_as_a_string(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """roles="admin" sends the one role ``admin``, not one role per letter."""
    route = router.post(MEMBERS_PATH).respond(200, json=added(["admin"]))
    await client.workspaces.add_member(WORKSPACE_ID, USER_ID, roles="admin")
    assert body(route.calls.last.request)["data"]["attributes"] == {"roles": ["admin"]}


async def test_add_member_decodes_the_new_member(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """add_member() returns the member from the 200, its user id being its id."""
    router.post(MEMBERS_PATH).respond(200, json=added(["integrator"]))
    member = await client.workspaces.add_member(WORKSPACE_ID, USER_ID, roles=["integrator"])
    assert member == WorkspaceMember(
        id=USER_ID, first_name="Ozzy", email="ozzy@osborn.com", roles=("integrator",)
    )
    assert member.user_id == USER_ID


async def test_add_member_of_a_member_raises_conflict(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A 409 (the user is a member already) raises ConflictError after one request."""
    error = {"errors": [{"status": 409, "detail": "The user is already a member."}]}
    route = router.post(MEMBERS_PATH).respond(409, json=error)
    with pytest.raises(ConflictError) as caught:
        await client.workspaces.add_member(WORKSPACE_ID, USER_ID, roles=["admin"])
    assert caught.value.errors[0].detail == "The user is already a member."
    assert route.call_count == 1


async def test_add_member_refuses_a_contract_member(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """An answer holding a contract-member rather than a member raises DecodeError."""
    payload = {"data": {"type": "contract-member", "id": USER_ID}}
    router.post(MEMBERS_PATH).respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.workspaces.add_member(WORKSPACE_ID, USER_ID, roles=["admin"])
    assert caught.value.pointer == "/data/type"


# -- to_dict and to_json -------------------------------------------------------------------


EXPORTED: dict[str, Any] = {
    "id": WORKSPACE_ID,
    "name": "My Workspace",
    "type": None,
    "flow_stats_enabled_default": None,
    "contract_id": CONTRACT_ID,
    "member_ids": ["5612c1e983dd4f0600000002", "560e5a27734d480a00000002"],
    "invite_ids": ["5b6460f73beeff001074af5b"],
    "members": [
        {
            "id": "5612c1e983dd4f0600000002",
            "first_name": "Bob",
            "last_name": "Smith",
            "email": "bob@smith.com",
            "roles": ["admin"],
            "user_id": "5612c1e983dd4f0600000002",
            "extra": {},
        },
        {
            "id": "560e5a27734d480a00000002",
            "first_name": "John",
            "last_name": "Doe",
            "email": "john@doe.com",
            "roles": ["admin"],
            "user_id": "560e5a27734d480a00000002",
            "extra": {},
        },
    ],
    "invites": [
        {
            "id": "5b6460f73beeff001074af5b",
            "email": "test@user.com",
            "roles": ["admin"],
            "extra": {},
        }
    ],
    "extra": {},
}


async def test_to_dict_holds_the_included_members_as_dicts(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """to_dict() of a workspace with included members and invites gives plain data:
    related models as dicts, tuples as lists, no binding."""
    router.get(f"/v2/workspaces/{WORKSPACE_ID}").respond(200, json=with_members_included())
    found = await client.workspaces.get(WORKSPACE_ID, include=("members", "invites"))
    assert found.to_dict() == EXPORTED


async def test_to_json_is_the_dict_as_json(client: AsyncClient, router: respx.MockRouter) -> None:
    """to_json() is to_dict() as a JSON text, which reads back to the same data."""
    router.get(f"/v2/workspaces/{WORKSPACE_ID}").respond(200, json=with_members_included())
    found = await client.workspaces.get(WORKSPACE_ID, include="members")
    assert json.loads(found.to_json()) == found.to_dict()
    assert json.loads(found.to_json())["members"] == EXPORTED["members"]


def test_a_hand_built_workspace_exports_the_same_way() -> None:
    """A workspace built by hand (no binding) exports its members as dicts too."""
    member = WorkspaceMember(id=USER_ID, roles=("admin",))
    workspace = Workspace(id=WORKSPACE_ID, member_ids=(USER_ID,), members=(member,))
    assert workspace.to_dict()["members"] == [
        {
            "id": USER_ID,
            "first_name": None,
            "last_name": None,
            "email": None,
            "roles": ["admin"],
            "user_id": USER_ID,
            "extra": {},
        }
    ]
