"""Tenant administration: the SDK against the emulator (tenants, roles, Tenant Admin,
permissions, certificates over JSON and multipart, OAuth clients, OpenID and SAML
providers), allowed to the seed's Tenant Admin and refused to others."""

from __future__ import annotations

import base64

import pytest

from elasticio import (
    AsyncClient,
    BadRequestError,
    ConflictError,
    ContractRole,
    NotFoundError,
    PermissionDeniedError,
    UsageError,
)
from elasticio.testing import Emulator

CERTIFICATE = (
    "-----BEGIN CERTIFICATE-----\n"
    + base64.b64encode(b"certificate bytes").decode()
    + "\n-----END CERTIFICATE-----"
)
KEY = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----"


async def test_tenant_lifecycle(client: AsyncClient, emulator: Emulator) -> None:
    """A tenant created with extra attributes, read, listed, updated and deleted."""
    created = await client.tenants.create(
        name="Partners",
        app_domain="app.partners.example.com",
        code="partners",
        mandrill_email_from="noreply@partners.example.com",
        attributes={"mandrill_api_key": "m4ndrill", "hide_docs": True},
    )
    assert created.mandrill_api_key == "m4ndrill"
    assert "m4ndrill" not in repr(created)
    assert created.extra["hide_docs"] is True
    assert await client.tenants.get(created.id) == created
    listed = await client.tenants.list().collect()
    assert [t.id for t in listed] == [emulator.seed.tenant_id, created.id]
    certificate = await client.tenant_certificates.create(
        created.id, public_key=CERTIFICATE, private_key=KEY
    )
    updated = await client.tenants.update(
        created.id,
        name="Partner portal",
        ssl_certificates={"app": certificate.id},
        feature_flags={"enabled_totp": True},
        attributes={"hide_docs": False},
    )
    assert (updated.name, dict(updated.ssl_certificates)) == (
        "Partner portal",
        {"app": certificate.id},
    )
    assert (updated.feature_flags["enabled_totp"], updated.extra["hide_docs"]) == (True, False)
    await client.tenants.delete(created.id)
    with pytest.raises(NotFoundError):
        await client.tenants.get(created.id)
    assert len(emulator.platform.tenant_certificates) == 0


async def test_the_emulators_tenant_is_not_deleted(client: AsyncClient, emulator: Emulator) -> None:
    with pytest.raises(ConflictError):
        await client.tenants.delete(emulator.seed.tenant_id)


async def test_update_needs_a_change(client: AsyncClient, emulator: Emulator) -> None:
    with pytest.raises(UsageError):
        await client.tenants.update(emulator.seed.tenant_id)


async def test_roles_and_permissions(client: AsyncClient, emulator: Emulator) -> None:
    """The roles, replaced with a ContractRole and a mapping; the permissions list."""
    tenant_id = emulator.seed.tenant_id
    policy = await client.tenants.roles(tenant_id)
    assert policy.tenant_id == tenant_id
    assert "workspaces.flow.edit" in policy.permissions("workspaces", "admin")
    available = await client.permissions.get()
    assert available.id is None
    assert "workspaces.logs.read_all" in available
    replaced = await client.tenants.update_roles(
        tenant_id,
        [
            ContractRole(
                role="auditor",
                scope="workspaces",
                permissions=("workspaces.logs.read_all",),
                i18n={"en": "Auditor"},
            ),
            {"role": "buyer", "scope": "contracts", "permissions": [], "i18n": {"en": "Buyer"}},
        ],
    )
    assert [(r.scope, r.role) for r in replaced.roles] == [
        ("workspaces", "auditor"),
        ("contracts", "buyer"),
    ]
    assert (await client.tenants.roles(tenant_id)).roles == replaced.roles


async def test_grant_and_revoke_tenant_admin(client: AsyncClient, emulator: Emulator) -> None:
    seed = emulator.seed
    granted = await client.tenants.update_member(
        seed.tenant_id, seed.member.id, roles=["tenant-admin"]
    )
    assert (granted.id, granted.is_admin, granted.user_id) == (seed.member.id, True, seed.member.id)
    assert emulator.platform.users[seed.member.id].tenant_admin
    revoked = await client.tenants.update_member(seed.tenant_id, seed.member.id, roles=[])
    assert (revoked.roles, revoked.is_admin) == ((), False)


async def test_others_are_refused(guest: AsyncClient, emulator: Emulator) -> None:
    """The guest (no Tenant Admin) reads the permissions, and nothing else here."""
    tenant_id = emulator.seed.tenant_id
    assert "workspaces.flow.edit" in await guest.permissions.get()
    with pytest.raises(PermissionDeniedError):
        await guest.tenants.get(tenant_id)
    with pytest.raises(PermissionDeniedError):
        await guest.tenants.update_member(tenant_id, emulator.seed.guest.id, roles=["tenant-admin"])
    with pytest.raises(PermissionDeniedError):
        await guest.oauth_clients.list(tenant_id).collect()
    with pytest.raises(PermissionDeniedError):
        await guest.tenant_certificates.create(tenant_id, public_key=CERTIFICATE, private_key=KEY)
    assert not emulator.platform.users[emulator.seed.guest.id].tenant_admin


async def test_certificates_json_and_multipart(client: AsyncClient, emulator: Emulator) -> None:
    """Both ways of sending a certificate store the same keys; reads leave them out."""
    tenant_id = emulator.seed.tenant_id
    by_json = await client.tenant_certificates.create(
        tenant_id, public_key=CERTIFICATE, private_key=KEY
    )
    by_file = await client.tenant_certificates.create(tenant_id, pem=f"{CERTIFICATE}\n{KEY}\n")
    assert (by_file.public_key, by_file.private_key) == (CERTIFICATE, KEY)
    assert by_json.info["fingerPrint"] == by_file.info["fingerPrint"]
    assert "PRIVATE" not in repr(by_file)
    stored = emulator.platform.tenant_certificates[by_file.id]
    assert (stored.public_key, stored.private_key, stored.user_id) == (
        CERTIFICATE,
        KEY,
        emulator.seed.owner.id,
    )
    found = await client.tenant_certificates.get(tenant_id, by_file.id)
    assert (found.public_key, found.private_key, found.tenant_id) == (None, None, tenant_id)
    assert found.info == by_file.info
    renewed = await client.tenant_certificates.update(
        tenant_id, by_json.id, public_key="new", private_key="new-key"
    )
    assert renewed.public_key == "new"
    assert dict(renewed.info) == {}
    await client.tenant_certificates.delete(tenant_id, by_json.id)
    with pytest.raises(NotFoundError):
        await client.tenant_certificates.get(tenant_id, by_json.id)


async def test_certificate_arguments_are_checked(client: AsyncClient, emulator: Emulator) -> None:
    tenant_id = emulator.seed.tenant_id
    with pytest.raises(UsageError):
        await client.tenant_certificates.create(tenant_id, public_key=CERTIFICATE)
    with pytest.raises(UsageError):
        await client.tenant_certificates.create(tenant_id, pem=CERTIFICATE, private_key=KEY)


async def test_oauth_clients(client: AsyncClient, emulator: Emulator) -> None:
    """One client per component; filtered list, get, update, delete."""
    seed = emulator.seed
    petstore, timer = seed.component_ids["petstore"], seed.component_ids["timer"]
    created = await client.oauth_clients.create(
        seed.tenant_id, client_id="app", client_secret="s3cret", component_id=petstore
    )
    assert (created.client_id, created.client_secret, created.component_id) == (
        "app",
        "s3cret",
        petstore,
    )
    assert "s3cret" not in repr(created)
    with pytest.raises(ConflictError):
        await client.oauth_clients.create(
            seed.tenant_id, client_id="again", client_secret="s", component_id=petstore
        )
    assert await client.oauth_clients.list(seed.tenant_id, component_id=timer).collect() == []
    assert await client.oauth_clients.get(seed.tenant_id, created.id) == created
    moved = await client.oauth_clients.update(
        seed.tenant_id, created.id, client_secret="rotated", component_id=timer
    )
    assert (moved.client_id, moved.client_secret, moved.component_id) == ("app", "rotated", timer)
    (listed,) = await client.oauth_clients.list(seed.tenant_id, component_id=timer).collect()
    assert listed == moved
    with pytest.raises(UsageError):
        await client.oauth_clients.update(seed.tenant_id, created.id)
    await client.oauth_clients.delete(seed.tenant_id, created.id)
    assert await client.oauth_clients.list(seed.tenant_id).collect() == []


async def test_openid_providers(client: AsyncClient, emulator: Emulator) -> None:
    tenant_id = emulator.seed.tenant_id
    created = await client.openid_providers.create(
        tenant_id, issuer="https://id.example.com", client_id="elastic", client_secret="0idc"
    )
    assert (created.response_type, dict(created.config)) == ("code", {"auto_create_users": True})
    assert created.tenant_id == tenant_id
    assert "0idc" not in repr(created)
    assert await client.openid_providers.list(tenant_id).collect() == [created]
    changed = await client.openid_providers.update(
        tenant_id, created.id, client_secret="n3w", auto_create_users=False
    )
    assert (changed.client_secret, changed.config["auto_create_users"]) == ("n3w", False)
    assert await client.openid_providers.get(tenant_id, created.id) == changed
    with pytest.raises(UsageError):
        await client.openid_providers.update(tenant_id, created.id)
    await client.openid_providers.delete(tenant_id, created.id)
    assert await client.openid_providers.list(tenant_id).collect() == []


async def test_saml_providers(client: AsyncClient, emulator: Emulator) -> None:
    """Defaults, the key rule for encrypted assertions, config merged on update."""
    tenant_id = emulator.seed.tenant_id
    created = await client.saml_providers.create(
        tenant_id,
        entity_id="https://idp.example.com",
        login_endpoint="https://idp.example.com/login",
        idp_certificates=["MIIC"],
        name_id_format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    )
    assert (created.force_auth, created.allow_unencrypted_assertion) == (False, True)
    assert created.idp_certificates == ("MIIC",)
    with pytest.raises(BadRequestError):
        await client.saml_providers.update(tenant_id, created.id, allow_unencrypted_assertion=False)
    strict = await client.saml_providers.update(
        tenant_id,
        created.id,
        allow_unencrypted_assertion=False,
        certificate="sp-cert",
        private_key="sp-key",
        email_attribute="mail",
    )
    assert strict.private_key == "sp-key"
    assert "sp-key" not in repr(strict)
    assert dict(strict.config) == {"auto_create_users": True, "email_attribute": "mail"}
    assert await client.saml_providers.get(tenant_id, created.id) == strict
    assert await client.saml_providers.list(tenant_id).collect() == [strict]
    with pytest.raises(UsageError):
        await client.saml_providers.update(tenant_id, created.id)
    await client.saml_providers.delete(tenant_id, created.id)
    with pytest.raises(NotFoundError):
        await client.saml_providers.get(tenant_id, created.id)
