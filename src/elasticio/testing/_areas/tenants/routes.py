"""Tenants: create (201), update, list, get, delete (204; 409 while it has contracts),
their roles (get, replace), granting and revoking Tenant Admin, and the permissions
list any user may read. Who may administer a tenant is in `access`.

The users and contracts of the emulator all live in its own tenant
(``platform.tenant``): a tenant created through the API starts empty, so only it can be
deleted, and Tenant Admin can be granted in the emulator's own tenant only (a user is
unknown, 404, in another). Setting ``is_default`` on a tenant clears it on the others:
the docs allow one default tenant.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from elasticio._catalog.v2 import (
    PERMISSIONS_GET,
    TENANTS_CREATE,
    TENANTS_DELETE,
    TENANTS_GET,
    TENANTS_LIST,
    TENANTS_ROLES,
    TENANTS_UPDATE,
    TENANTS_UPDATE_MEMBER,
    TENANTS_UPDATE_ROLES,
)
from elasticio.testing._areas.tenants.access import administered
from elasticio.testing._areas.tenants.policy import AVAILABLE_PERMISSIONS
from elasticio.testing._areas.tenants.views import (
    tenant_member_resource,
    tenant_policy_resource,
    tenant_resource,
)
from elasticio.testing._errors import NoSuchRecordError, conflict, invalid
from elasticio.testing._json import clone
from elasticio.testing._jsonapi import document
from elasticio.testing._permissions import require
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body
from elasticio.testing._tenant import TenantRecord

__all__ = ["routes"]

routes = RouteTable()

_STRINGS = (
    "api_domain",
    "webhooks_domain",
    "api_docs_url",
    "git_receiver_host",
    "header_logo_url",
    "loading_logo_url",
    "email_logo_url",
    "favicon_url",
    "terms_of_usage_url",
    "privacy_policy_url",
    "imprint_url",
    "mandrill_api_key",
    "segment_write_key",
    "google_tag_manager_id",
    "docs_base_url",
    "component_docs_base_url",
    "logout_redirect_url",
)
_BOOLEANS = (
    "hide_register",
    "is_default",
    "hide_repos",
    "hide_teams",
    "hide_ssh_keys",
    "hide_api_key",
    "hide_docs",
    "powered_by_elasticio",
    "flow_stats_enabled_default",
)
_OBJECTS = ("email_templates", "html_meta", "signin_v_2", "ingress_config", "ssl_certificates")
_ARRAYS = ("custom_nav_menu_items", "custom_stylesheets", "custom_scripts")
REQUIRED = ("name", "app_domain", "code", "mandrill_email_from")

TENANT_CHANGES = Body(
    "tenant",
    id="url-optional",
    attributes=(
        *(Attr(name, "string", filled=True) for name in REQUIRED),
        *(Attr(name, "string") for name in _STRINGS),
        *(Attr(name, "boolean") for name in _BOOLEANS),
        *(Attr(name, "object") for name in _OBJECTS),
        *(Attr(name, "array") for name in _ARRAYS),
        Attr("feature_flags", "object"),
        Attr("email_domains_blacklist", "array", items="string"),
        Attr("default_workspace_type", "string", choices=("full", "limited")),
        Attr("support_user_id", "string", nullable=True),
        Attr("login_redirect_sso_provider", "object", nullable=True),
    ),
)
NEW_TENANT = TENANT_CHANGES.requiring(REQUIRED)
ROLES = Body("tenant-policy", attributes=(Attr("roles", "array", required=True),))
MEMBER = Body(
    "tenant-member",
    id="url-optional",
    attributes=(Attr("roles", "array", required=True, items="string"),),
)


def _check(call: Call, tenant_id: str | None, attributes: Mapping[str, Any]) -> None:
    """The flags are booleans; the support user and the certificates exist (the
    certificates in this tenant)."""
    for flag, value in (attributes.get("feature_flags") or {}).items():
        if not isinstance(value, bool):
            raise invalid(f"/data/attributes/feature_flags/{flag}", "must be true or false")
    if attributes.get("support_user_id") is not None:
        call.platform.users.require(attributes["support_user_id"])
    for domain, certificate_id in (attributes.get("ssl_certificates") or {}).items():
        found = call.platform.tenant_certificates.get(str(certificate_id))
        if found is None or found.tenant_id != tenant_id:
            raise NoSuchRecordError("certificate", str(certificate_id))
        if domain not in ("app", "api", "webhooks"):
            raise invalid(f"/data/attributes/ssl_certificates/{domain}", "is no domain")


def _apply(call: Call, tenant: TenantRecord, attributes: Mapping[str, Any]) -> None:
    kept = dict(attributes)
    tenant.name = kept.pop("name", tenant.name)
    if "feature_flags" in kept:
        tenant.feature_flags = dict(kept.pop("feature_flags"))
    if "support_user_id" in kept:
        tenant.support_user_id = kept.pop("support_user_id")
    if "flow_stats_enabled_default" in kept:
        tenant.flow_stats_enabled_default = kept.pop("flow_stats_enabled_default")
    tenant.attributes.update(clone(kept))
    if kept.get("is_default"):
        for other in call.platform.tenants.values():
            if other is not tenant and other.attributes.get("is_default"):
                other.attributes["is_default"] = False


@routes.handle(TENANTS_CREATE, body=NEW_TENANT)
def create_tenant(call: Call) -> Reply:
    """201, with the four required attributes (``tenants.tenant.create``)."""
    require(call, "tenants.tenant.create")
    attributes = call.payload().attributes
    _check(call, None, attributes)
    tenant = call.platform.tenants.add(TenantRecord(id="", name=attributes["name"]))
    _apply(call, tenant, attributes)
    return Reply(status=201, body=document(tenant_resource(tenant)))


@routes.handle(TENANTS_UPDATE, body=TENANT_CHANGES)
def update_tenant(call: Call, tenant_id: str) -> Reply:
    """The given attributes replace the tenant's (``tenants.tenant.edit``)."""
    tenant = administered(call, tenant_id, "tenants.tenant.edit")
    attributes = call.payload(url_id=tenant.id).attributes
    _check(call, tenant.id, attributes)
    _apply(call, tenant, attributes)
    return Reply(body=document(tenant_resource(tenant)))


@routes.handle(TENANTS_LIST)
def list_tenants(call: Call) -> Reply:
    """Every tenant, for a caller with ``tenants.tenant.get``."""
    require(call, "tenants.tenant.get")
    found = [tenant_resource(t) for t in call.platform.tenants.values()]
    return Reply(body=document(found))


@routes.handle(TENANTS_GET)
def get_tenant(call: Call, tenant_id: str) -> Reply:
    tenant = administered(call, tenant_id, "tenants.tenant.get")
    return Reply(body=document(tenant_resource(tenant)))


@routes.handle(TENANTS_DELETE)
def delete_tenant(call: Call, tenant_id: str) -> Reply:
    """204, with the tenant's certificates, OAuth clients and providers; 409 for the
    emulator's own tenant, which holds the contracts and users."""
    tenant = administered(call, tenant_id, "tenants.tenant.delete")
    platform = call.platform
    if tenant is platform.tenants.home:
        if platform.contracts:
            raise conflict("The tenant has contracts; delete them first.")
        raise conflict("The tenant holds the platform's users and cannot be deleted.")
    for table in (
        platform.tenant_certificates,
        platform.oauth_clients,
        platform.openid_providers,
        platform.saml_providers,
    ):
        for record in table.where(lambda r: r.tenant_id == tenant.id):
            table.delete(record.id)
    platform.tenants.delete(tenant.id)
    return Reply(status=204)


@routes.handle(TENANTS_ROLES)
def tenant_roles(call: Call, tenant_id: str) -> Reply:
    tenant = administered(call, tenant_id, "tenants.tenant.list_roles")
    return Reply(body=document(tenant_policy_resource(tenant), self_link=call.path))


def _roles(value: list[Any]) -> list[dict[str, Any]]:
    """The roles as given, once each is checked: ``permissions`` a list of strings,
    ``scope`` contracts or workspaces, ``role`` a string, ``i18n`` names by language."""
    for index, role in enumerate(value):
        pointer = f"/data/attributes/roles/{index}"
        if not isinstance(role, Mapping):
            raise invalid(pointer, "must be an object")
        permissions = role.get("permissions")
        if not isinstance(permissions, list) or not all(isinstance(p, str) for p in permissions):
            raise invalid(f"{pointer}/permissions", "must be a list of strings")
        if role.get("scope", "contracts") not in ("contracts", "workspaces"):
            raise invalid(f"{pointer}/scope", "must be one of 'contracts', 'workspaces'")
        if not isinstance(role.get("role", ""), str):
            raise invalid(f"{pointer}/role", "must be a string")
        names = role.get("i18n", {})
        if not isinstance(names, Mapping) or not all(isinstance(n, str) for n in names.values()):
            raise invalid(f"{pointer}/i18n", "must be an object of strings")
    return clone(value)


@routes.handle(TENANTS_UPDATE_ROLES, body=ROLES)
def update_tenant_roles(call: Call, tenant_id: str) -> Reply:
    """The roles replace the tenant's as a whole (``tenants.tenant.edit_roles``)."""
    tenant = administered(call, tenant_id, "tenants.tenant.edit_roles")
    tenant.roles = _roles(call.payload().attributes["roles"])
    return Reply(body=document(tenant_policy_resource(tenant), self_link=call.path))


@routes.handle(TENANTS_UPDATE_MEMBER, body=MEMBER)
def update_tenant_member(call: Call, tenant_id: str, user_id: str) -> Reply:
    """``roles`` ``["tenant-admin"]`` grants Tenant Admin, ``[]`` revokes it
    (``tenants.membership.edit``)."""
    tenant = administered(call, tenant_id, "tenants.membership.edit")
    roles = call.payload(url_id=user_id).attributes["roles"]
    for index, role in enumerate(roles):
        if role != "tenant-admin":
            raise invalid(f"/data/attributes/roles/{index}", "must be 'tenant-admin'")
    if tenant is not call.platform.tenants.home:
        raise NoSuchRecordError("user", user_id)
    user = call.platform.users[user_id]
    user.tenant_admin = bool(roles)
    return Reply(body=document(tenant_member_resource(tenant, user)))


@routes.handle(PERMISSIONS_GET)
def list_permissions(call: Call) -> Reply:
    """Any user: the permissions roles can grant, in a resource without an id."""
    data = {
        "id": None,
        "type": "permissions",
        "attributes": {"permissions": list(AVAILABLE_PERMISSIONS)},
    }
    return Reply(body=document(data))
