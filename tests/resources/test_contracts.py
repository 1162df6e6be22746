"""``client.contracts``: each endpoint's request and decoded result, against the docs."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import respx

from elasticio import AsyncClient, DecodeError, UsageError
from elasticio.models._contracts import ContractInvite, ContractMember
from tests._support.docs import docs
from tests._support.wire import paged, query

CONTRACT_ID = "5b4f3e093a472b0006c71d47"
USER_ID = "59d22e7eeb865bee18adc248"


def contract(contract_id: str) -> dict[str, Any]:
    return {"type": "contract", "id": contract_id, "attributes": {"name": contract_id}}


def with_members_included() -> dict[str, Any]:
    """A contract whose linked member and invite are both in ``included``."""
    return {
        "data": {
            "type": "contract",
            "id": CONTRACT_ID,
            "attributes": {"name": "Acme"},
            "relationships": {
                "members": {"data": [{"type": "contract-member", "id": USER_ID}]},
                "invites": {"data": [{"type": "contract-invite", "id": "I1"}]},
            },
        },
        "included": [
            {
                "type": "contract-member",
                "id": USER_ID,
                "attributes": {"email": "jane@example.com", "roles": ["owner"]},
                "relationships": {"user": {"data": {"type": "user", "id": USER_ID}}},
            },
            {
                "type": "contract-invite",
                "id": "I1",
                "attributes": {
                    "email": "new@example.com",
                    "roles": ["member"],
                    "workspace_id": "W1",
                    "workspace_roles": ["integrator"],
                },
            },
        ],
    }


# -- list ----------------------------------------------------------------------------------


async def test_list_sends_no_query_by_default(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list() is GET /v2/contracts without query or body."""
    route = router.get("/v2/contracts").respond(200, json=docs("contracts/list"))
    await client.contracts.list().collect()
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request), request.content) == (
        "GET",
        "/v2/contracts",
        [],
        b"",
    )


async def test_list_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """The docs' list gives two contracts with their member ids, members not included."""
    router.get("/v2/contracts").respond(200, json=docs("contracts/list"))
    contracts = await client.contracts.list().collect()
    assert [(c.id, c.name, c.status) for c in contracts] == [
        ("5b4f3379ff4305510483ba1a", "LuzhaOrg", "active"),
        ("5b76b1e104da8244038d5c9", "FridayContract", "active"),
    ]
    first = contracts[0]
    assert first.member_ids == (
        "5967519b2d8ff5501871dc39",
        "59bfb6958aa5555519ab26f1",
        "59d22e7eeb865b558adc248",
    )
    assert (first.available_roles, first.invite_ids, first.members, first.invites) == (
        (),
        (),
        None,
        None,
    )


async def test_list_sends_the_page_size(client: AsyncClient, router: respx.MockRouter) -> None:
    """list(page_size=5) sends page[size]=5."""
    route = router.get("/v2/contracts").respond(200, json=docs("contracts/list"))
    await client.contracts.list(page_size=5).collect()
    assert query(route.calls.last.request) == [("page[size]", "5")]


async def test_list_pages_through_total_pages(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """list() asks for page 2 when meta.total_pages says there is one."""
    route = router.get("/v2/contracts").mock(
        side_effect=paged([[contract("C1"), contract("C2")], [contract("C3")]])
    )
    contracts = await client.contracts.list().collect()
    assert [c.id for c in contracts] == ["C1", "C2", "C3"]
    assert [query(call.request) for call in route.calls] == [[], [("page[number]", "2")]]


# -- get -----------------------------------------------------------------------------------


async def test_get_sends_no_include_by_default(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get(id) is GET /v2/contracts/{id} without an include parameter."""
    route = router.get(f"/v2/contracts/{CONTRACT_ID}").respond(200, json=docs("contracts/get"))
    await client.contracts.get(CONTRACT_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == (
        "GET",
        f"/v2/contracts/{CONTRACT_ID}",
        [],
    )


async def test_get_sends_include_members_and_invites(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get(include=("members", "invites")) sends include=members,invites."""
    route = router.get(f"/v2/contracts/{CONTRACT_ID}").respond(200, json=docs("contracts/get"))
    await client.contracts.get(CONTRACT_ID, include=("members", "invites"))
    assert query(route.calls.last.request) == [("include", "members,invites")]


async def test_get_takes_a_single_include_name(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get(include="invites") sends include=invites, not one letter per value."""
    route = router.get(f"/v2/contracts/{CONTRACT_ID}").respond(200, json=docs("contracts/get"))
    await client.contracts.get(CONTRACT_ID, include="invites")
    assert query(route.calls.last.request) == [("include", "invites")]


async def test_get_refuses_an_unknown_include(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get(include=("flows",)) raises UsageError before any request."""
    route = router.get(f"/v2/contracts/{CONTRACT_ID}")
    with pytest.raises(UsageError):
        await client.contracts.get(CONTRACT_ID, include=("flows",))  # type: ignore[arg-type]
    assert route.call_count == 0


async def test_get_decodes_the_docs_example(client: AsyncClient, router: respx.MockRouter) -> None:
    """The docs' contract decodes with its linked ids; its ``included`` members carry other
    ids than the linkage, so they do not count as included."""
    router.get(f"/v2/contracts/{CONTRACT_ID}").respond(200, json=docs("contracts/get"))
    found = await client.contracts.get(CONTRACT_ID, include=("members", "invites"))
    assert (found.id, found.name, found.status, found.available_roles) == (
        CONTRACT_ID,
        "LucontractOne",
        "active",
        (),
    )
    assert found.member_ids == ("59d22eeb865b0018adc248", "5a1c298abe7a00189caf76")
    assert found.invite_ids == ("5b6d8ce8033b0011fef43e",)
    assert (found.members, found.invites) == (None, None)


async def test_get_resolves_included_members_and_invites(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Members and invites linked from the contract are built from ``included``."""
    router.get(f"/v2/contracts/{CONTRACT_ID}").respond(200, json=with_members_included())
    found = await client.contracts.get(CONTRACT_ID, include=("members", "invites"))
    assert found.members == (
        ContractMember(id=USER_ID, email="jane@example.com", roles=("owner",), user_id=USER_ID),
    )
    assert found.invites == (
        ContractInvite(
            id="I1",
            email="new@example.com",
            roles=("member",),
            workspace_id="W1",
            workspace_roles=("integrator",),
        ),
    )


async def test_get_decodes_roles_and_custom_data(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """available_roles, support_user_id, custom_data and the stats default are decoded."""
    attributes = {
        "name": "My Contract",
        "support_user_id": USER_ID,
        "custom_data": {"description": "Contract description"},
        "available_roles": [{"role": "admin", "scope": "contracts"}],
        "flow_stats_enabled_default": True,
        "status": "active",
    }
    payload = {"data": {"type": "contract", "id": CONTRACT_ID, "attributes": attributes}}
    router.get(f"/v2/contracts/{CONTRACT_ID}").respond(200, json=payload)
    found = await client.contracts.get(CONTRACT_ID)
    assert found.available_roles == ({"role": "admin", "scope": "contracts"},)
    assert (found.support_user_id, found.custom_data, found.flow_stats_enabled_default) == (
        USER_ID,
        {"description": "Contract description"},
        True,
    )


async def test_get_decodes_the_timestamps_as_aware_datetimes(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """created_at and updated_at (added in release 24/01) are aware datetimes."""
    attributes = {"created_at": "2024-01-02T03:04:05.678Z", "updated_at": "2024-02-03T04:05:06Z"}
    payload = {"data": {"type": "contract", "id": CONTRACT_ID, "attributes": attributes}}
    router.get(f"/v2/contracts/{CONTRACT_ID}").respond(200, json=payload)
    found = await client.contracts.get(CONTRACT_ID)
    assert (found.created_at, found.updated_at) == (
        datetime(2024, 1, 2, 3, 4, 5, 678000, tzinfo=UTC),
        datetime(2024, 2, 3, 4, 5, 6, tzinfo=UTC),
    )
    assert found.to_dict()["created_at"] == "2024-01-02T03:04:05.678000+00:00"


async def test_get_reports_a_timestamp_that_is_not_one(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A created_at that is not ISO 8601 raises DecodeError naming it."""
    payload = {
        "data": {"type": "contract", "id": CONTRACT_ID, "attributes": {"created_at": "soon"}}
    }
    router.get(f"/v2/contracts/{CONTRACT_ID}").respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.contracts.get(CONTRACT_ID)
    assert "created_at" in str(caught.value)


async def test_get_reports_a_wrongly_typed_attribute(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """available_roles sent as a string raises DecodeError naming the attribute."""
    payload = {
        "data": {"type": "contract", "id": CONTRACT_ID, "attributes": {"available_roles": "x"}}
    }
    router.get(f"/v2/contracts/{CONTRACT_ID}").respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.contracts.get(CONTRACT_ID)
    assert caught.value.pointer == "/data"
    assert "available_roles" in str(caught.value)


async def test_get_refuses_members_linked_with_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A members linkage of type ``user`` raises DecodeError at that identifier's type."""
    payload = with_members_included()
    payload["data"]["relationships"]["members"]["data"][0]["type"] = "user"
    router.get(f"/v2/contracts/{CONTRACT_ID}").respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.contracts.get(CONTRACT_ID, include="members")
    assert caught.value.pointer == "/data/relationships/members/data/0/type"


async def test_get_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """get() answered with a workspace raises DecodeError at /data/type."""
    router.get(f"/v2/contracts/{CONTRACT_ID}").respond(
        200, json={"data": {"type": "workspace", "id": CONTRACT_ID}}
    )
    with pytest.raises(DecodeError) as caught:
        await client.contracts.get(CONTRACT_ID)
    assert caught.value.pointer == "/data/type"


# -- members -------------------------------------------------------------------------------


async def test_members_gets_the_members_path(client: AsyncClient, router: respx.MockRouter) -> None:
    """members(id) is GET /v2/contracts/{id}/members without query."""
    path = f"/v2/contracts/{CONTRACT_ID}/members"
    route = router.get(path).respond(200, json=docs("contracts/members"))
    await client.contracts.members(CONTRACT_ID)
    request = route.calls.last.request
    assert (request.method, request.url.path, query(request)) == ("GET", path, [])


async def test_members_decodes_the_docs_example(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The docs' members decode with roles and the user id from the ``user`` relationship."""
    router.get(f"/v2/contracts/{CONTRACT_ID}/members").respond(200, json=docs("contracts/members"))
    members = await client.contracts.members(CONTRACT_ID)
    assert members[0] == ContractMember(
        id="59d22e7eeb865bee18adc248",
        first_name="Hanna",
        last_name="Yutsenko",
        email="hanna.yutsenko@example.com",
        roles=("admin",),
        user_id="59d22e7eeb86544018adc248",
    )
    assert [m.email for m in members] == ["hanna.yutsenko@example.com", "margarita@example.com"]


async def test_members_falls_back_to_the_member_id(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A member without a ``user`` relationship takes its own id as the user id."""
    payload = {"data": [{"type": "contract-member", "id": USER_ID, "attributes": {}}]}
    router.get(f"/v2/contracts/{CONTRACT_ID}/members").respond(200, json=payload)
    (member,) = await client.contracts.members(CONTRACT_ID)
    assert member.user_id == USER_ID


async def test_members_refuses_a_resource_of_another_type(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A workspace ``member`` in a contract's member list raises DecodeError."""
    payload = {"data": [{"type": "member", "id": USER_ID}]}
    router.get(f"/v2/contracts/{CONTRACT_ID}/members").respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.contracts.members(CONTRACT_ID)
    assert caught.value.pointer == "/data/0/type"


async def test_members_reports_roles_that_are_not_strings(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A role that is not a string raises DecodeError naming ``roles``."""
    payload = {"data": [{"type": "contract-member", "id": USER_ID, "attributes": {"roles": [1]}}]}
    router.get(f"/v2/contracts/{CONTRACT_ID}/members").respond(200, json=payload)
    with pytest.raises(DecodeError) as caught:
        await client.contracts.members(CONTRACT_ID)
    assert caught.value.pointer == "/data/0"
    assert "roles" in str(caught.value)


def test_a_hand_built_member_takes_its_id_as_the_user_id() -> None:
    """ContractMember(id=...) without user_id stands for the user of that id."""
    assert ContractMember(id=USER_ID).user_id == USER_ID
    assert ContractMember(id=USER_ID, user_id="U2").user_id == "U2"
