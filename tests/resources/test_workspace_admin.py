"""``client.workspaces`` administration: each write's request and decoded result, against
the docs' examples."""

from __future__ import annotations

import respx

from elasticio import AsyncClient
from tests._support.docs import docs
from tests._support.wire import body

CONTRACT_ID = "5b4f337bff4304610483ba67"
WORKSPACE_ID = "5b880121f3c1a800112a3bb3"
USER_ID = "59f747c33f1d3c001901a44e"
BASE = f"/v2/workspaces/{WORKSPACE_ID}"


async def test_create_sends_the_docs_body(client: AsyncClient, router: respx.MockRouter) -> None:
    """create() is POST /v2/workspaces with the name and the contract; 200 is decoded."""
    route = router.post("/v2/workspaces").respond(200, json=docs("workspaces/create"))
    workspace = await client.workspaces.create(
        "My test Workspace from API", contract_id=CONTRACT_ID
    )
    assert body(route.calls.last.request) == docs(
        "workspaces/create_request", {"{CONTRACT_ID}": CONTRACT_ID}
    )
    assert (workspace.id, workspace.type, workspace.contract_id) == (
        WORKSPACE_ID,
        "full",
        CONTRACT_ID,
    )


async def test_update_sends_only_what_is_given(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update(name=, type=) is PATCH with the id and those two attributes."""
    route = router.patch(BASE).respond(200, json=docs("workspaces/create"))
    await client.workspaces.update(WORKSPACE_ID, name="New Workspace Name", type="limited")
    expected = docs("workspaces/update_request")
    expected["data"]["id"] = WORKSPACE_ID
    assert body(route.calls.last.request) == expected


async def test_delete(client: AsyncClient, router: respx.MockRouter) -> None:
    """delete() is DELETE /v2/workspaces/{id}: 204, None."""
    route = router.delete(BASE).respond(204)
    assert await client.workspaces.delete(WORKSPACE_ID) is None
    assert route.called


async def test_update_member_sends_the_docs_body(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update_member() is PATCH .../members/{user_id} with the new roles."""
    answer = docs("workspaces/update_member", {"{NEW_ROLE}": "admin"})
    route = router.patch(f"{BASE}/members/{USER_ID}").respond(200, json=answer)
    member = await client.workspaces.update_member(WORKSPACE_ID, USER_ID, roles="admin")
    assert body(route.calls.last.request) == docs(
        "workspaces/update_member_request", {"{USER_ID}": USER_ID, "{NEW_ROLE}": "admin"}
    )
    assert (member.user_id, member.roles) == (USER_ID, ("admin",))


async def test_remove_member(client: AsyncClient, router: respx.MockRouter) -> None:
    """remove_member() is DELETE .../members/{user_id}."""
    route = router.delete(f"{BASE}/members/{USER_ID}").respond(204)
    await client.workspaces.remove_member(WORKSPACE_ID, USER_ID)
    assert route.called


async def test_support_membership(client: AsyncClient, router: respx.MockRouter) -> None:
    """add_support() is a PATCH on .../members/support without a body; remove_support()
    a DELETE there."""
    added = router.patch(f"{BASE}/members/support").respond(
        200, json=docs("workspaces/add_support")
    )
    removed = router.delete(f"{BASE}/members/support").respond(204)
    support = await client.workspaces.add_support(WORKSPACE_ID)
    assert added.calls.last.request.content == b""
    assert support.roles == ("owner",)
    await client.workspaces.remove_support(WORKSPACE_ID)
    assert removed.called
