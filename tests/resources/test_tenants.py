"""``client.tenants`` and ``client.permissions``: each endpoint's request and decoded
result, against the docs' examples."""

from __future__ import annotations

import pytest
import respx

from elasticio import (
    AsyncClient,
    ConflictError,
    ContractRole,
    PermissionDeniedError,
    Tenant,
    UsageError,
)
from tests._support.docs import examples_of
from tests._support.wire import body

TENANT_ID = "5c6e91b9d5b4b60012a796fe"
USER_ID = "5c06a22e0aba010011aba767"
TENANTS = "/v2/tenants"
TENANT = f"{TENANTS}/{TENANT_ID}"

docs = examples_of("tenants", {"{TENANT_ID}": TENANT_ID})


async def test_create_sends_the_docs_request(client: AsyncClient, router: respx.MockRouter) -> None:
    """create() sends the docs' request (required attributes named, the rest in
    ``attributes``) and decodes the 201."""
    example = docs("create_request")
    attributes = dict(example["data"]["attributes"])
    required = {k: attributes.pop(k) for k in ("name", "app_domain", "code", "mandrill_email_from")}
    route = router.post(TENANTS).respond(201, json=docs("create"))
    created = await client.tenants.create(**required, attributes=attributes)
    sent = body(route.calls.last.request)
    assert sent["data"]["type"] == "tenant"
    assert sent["data"]["attributes"] == example["data"]["attributes"]
    assert isinstance(created, Tenant)
    assert (created.id, created.name, created.default_workspace_type) == (
        TENANT_ID,
        "My New Tenant",
        "limited",
    )
    assert created.feature_flags["sensitive_actions_reauth"] is True
    assert created.email_templates["repo-new-version"] is False
    assert created.extra["hide_docs"] is False


async def test_repr_hides_the_keys(client: AsyncClient, router: respx.MockRouter) -> None:
    """The mail and analytics keys and the extra attributes stay out of the repr."""
    router.get(TENANT).respond(200, json=docs("get"))
    found = await client.tenants.get(TENANT_ID)
    assert found.mandrill_api_key == "{{mandrill_api_key}}"
    assert "mandrill_api_key" not in repr(found)
    assert "segment_write_key" not in repr(found)
    assert "hide_docs" not in repr(found)


async def test_update_sends_named_and_extra_attributes(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """update() is a PATCH with the tenant's id and only what was given."""
    route = router.patch(TENANT).respond(200, json=docs("update"))
    updated = await client.tenants.update(
        TENANT_ID,
        support_user_id=USER_ID,
        ssl_certificates={"app": "c1"},
        attributes={"hide_docs": True},
    )
    assert body(route.calls.last.request) == {
        "data": {
            "type": "tenant",
            "id": TENANT_ID,
            "attributes": {
                "hide_docs": True,
                "support_user_id": USER_ID,
                "ssl_certificates": {"app": "c1"},
            },
        }
    }
    assert updated.ssl_certificates == {
        "app": "{{cert_id}}",
        "api": "{{cert_id}}",
        "webhooks": "{{cert_id}}",
    }
    assert updated.support_user_id == "{{user_id}}"


async def test_update_needs_a_change(client: AsyncClient) -> None:
    with pytest.raises(UsageError):
        await client.tenants.update(TENANT_ID)


async def test_list_and_get(client: AsyncClient, router: respx.MockRouter) -> None:
    router.get(TENANTS).respond(200, json=docs("list"))
    router.get(TENANT).respond(200, json=docs("get"))
    (listed,) = await client.tenants.list().collect()
    assert listed.id == TENANT_ID
    assert (await client.tenants.get(TENANT_ID)).name == "My New Tenant"


async def test_delete_and_its_conflict(client: AsyncClient, router: respx.MockRouter) -> None:
    """delete() is a DELETE; a 409 (contracts left) is a ConflictError."""
    route = router.delete(TENANT).respond(204)
    await client.tenants.delete(TENANT_ID)
    assert route.calls.last.request.method == "DELETE"
    router.delete(TENANT).respond(409, json={"errors": [{"status": "409", "detail": "contracts"}]})
    with pytest.raises(ConflictError):
        await client.tenants.delete(TENANT_ID)


async def test_roles_decodes_the_docs_example(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.get(f"{TENANT}/roles").respond(200, json=docs("roles"))
    policy = await client.tenants.roles(TENANT_ID)
    assert policy.tenant_id == TENANT_ID
    assert policy.permissions("contracts", "owner")[0] == "contracts.membership.edit"
    assert policy.permissions("workspaces", "guest") == ()


async def test_update_roles_sends_the_docs_request(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """Roles given as ContractRole objects or mappings travel as the docs write them;
    the answer without an id decodes."""
    example = docs("update_roles_request")
    first, second = example["data"]["attributes"]["roles"]
    route = router.patch(f"{TENANT}/roles").respond(200, json=docs("update_roles"))
    role = ContractRole(
        role=first["role"],
        scope=first["scope"],
        permissions=tuple(first["permissions"]),
        i18n=first["i18n"],
    )
    policy = await client.tenants.update_roles(TENANT_ID, [role, second])
    assert body(route.calls.last.request) == example
    assert policy.id is None
    assert policy.permissions("contracts", "name_of_new_role") == tuple(first["permissions"])


async def test_update_roles_wants_a_list(client: AsyncClient) -> None:
    with pytest.raises(UsageError):
        await client.tenants.update_roles(TENANT_ID, {"role": "x"})  # type: ignore[arg-type]


@pytest.mark.parametrize(("roles", "example"), [(["tenant-admin"], "grant"), ([], "revoke")])
async def test_update_member_sends_the_docs_request(
    client: AsyncClient, router: respx.MockRouter, roles: list[str], example: str
) -> None:
    """Granting and revoking Tenant Admin send the docs' bodies."""
    path = f"{TENANT}/members/{USER_ID}"
    route = router.patch(path).respond(200, json=docs(f"member_{example}"))
    member = await client.tenants.update_member(TENANT_ID, USER_ID, roles=roles)
    assert body(route.calls.last.request) == docs(f"member_{example}_request")
    assert (member.id, member.is_admin, member.user_id) == (USER_ID, bool(roles), USER_ID)


async def test_permissions_decode_the_docs_example(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The permissions resource has no id; membership tests read its list."""
    router.get("/v2/permissions").respond(200, json=docs("permissions"))
    available = await client.permissions.get()
    assert available.id is None
    assert "workspaces.topic.get" in available
    assert len(available.permissions) == 36


async def test_a_refusal_is_permission_denied(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.get(TENANTS).respond(403, json={"errors": [{"status": "403"}]})
    with pytest.raises(PermissionDeniedError):
        await client.tenants.list().collect()
