"""``client.tenants``: tenants, their roles and Tenant Admins (API v2, tenant
administration)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Unpack

from elasticio._catalog.v2 import (
    TENANTS_CREATE,
    TENANTS_DELETE,
    TENANTS_GET,
    TENANTS_LIST,
    TENANTS_ROLES,
    TENANTS_UPDATE,
    TENANTS_UPDATE_MEMBER,
    TENANTS_UPDATE_ROLES,
)
from elasticio._checks import strings
from elasticio._errors import UsageError
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Unset
from elasticio.models._contracts import ContractRole
from elasticio.models._tenants import Tenant, TenantMember, TenantPolicy
from elasticio.resources._base import Namespace

__all__ = ["Tenants"]


def _role(role: ContractRole | Mapping[str, Any]) -> dict[str, Any]:
    """A role as the platform reads it: role, scope, permissions, i18n."""
    if isinstance(role, ContractRole):
        found = {
            "role": role.role,
            "scope": role.scope,
            "permissions": list(role.permissions),
            "i18n": dict(role.i18n),
        }
        return {**role.extra, **found}
    return dict(role)


class Tenants(Namespace):
    """Tenants: create, update, list, get, delete; their roles; granting and revoking
    Tenant Admin. Mostly for Tenant Admins and the platform's service accounts.

    Examples:
        >>> tenant = await client.tenants.get("TENANT_ID")  # doctest: +SKIP
    """

    async def create(
        self,
        *,
        name: str,
        app_domain: str,
        code: str,
        mandrill_email_from: str,
        attributes: Mapping[str, Any] | None = None,
        **options: Unpack[CallOptions],
    ) -> Tenant:
        """Create a tenant (``tenants.tenant.create``) with its required attributes and
        any of the others the docs list (``api_domain``, ``feature_flags``,
        ``email_templates``, ``custom_nav_menu_items``, ...) in ``attributes``.

        Examples:
            >>> tenant = await client.tenants.create(
            ...     name="Partner portal",
            ...     app_domain="app.partner.example.com",
            ...     code="partner",
            ...     mandrill_email_from="noreply@partner.example.com",
            ...     attributes={"feature_flags": {"enabled_totp": True}},
            ... )
            >>> tenant.feature_flags["enabled_totp"]
            True
        """
        required = {
            "name": name,
            "app_domain": app_domain,
            "code": code,
            "mandrill_email_from": mandrill_email_from,
        }
        body = self._body(TENANTS_CREATE, attributes={**(attributes or {}), **required})
        return await self._one(TENANTS_CREATE, Tenant, body=body, options=options)

    async def update(
        self,
        tenant_id: str,
        *,
        name: str | Unset = UNSET,
        default_workspace_type: str | Unset = UNSET,
        support_user_id: str | Unset = UNSET,
        ssl_certificates: Mapping[str, str] | Unset = UNSET,
        feature_flags: Mapping[str, bool] | Unset = UNSET,
        attributes: Mapping[str, Any] | None = None,
        **options: Unpack[CallOptions],
    ) -> Tenant:
        """Change a tenant's attributes (``tenants.tenant.edit``); what is left out stays.
        ``ssl_certificates`` names the certificates of the ``app``, ``api`` and
        ``webhooks`` domains; any other attribute goes in ``attributes``.

        Raises:
            UsageError: nothing to change was given.

        Examples:
            >>> tenant = await client.tenants.update("TENANT_ID", default_workspace_type="limited")
            >>> tenant.default_workspace_type
            'limited'
        """
        named = {
            "name": name,
            "default_workspace_type": default_workspace_type,
            "support_user_id": support_user_id,
            "ssl_certificates": ssl_certificates,
            "feature_flags": feature_flags,
        }
        given = {k: v for k, v in named.items() if not isinstance(v, Unset)}
        if not given and not attributes:
            raise UsageError("tenants.update() needs something to change")
        body = self._body(TENANTS_UPDATE, id=tenant_id, attributes={**(attributes or {}), **given})
        return await self._one(
            TENANTS_UPDATE, Tenant, body=body, options=options, tenant_id=tenant_id
        )

    def list(self, **options: Unpack[ListOptions]) -> Paginator[Tenant]:
        """The tenants the caller administers (``tenants.tenant.get``; one request: the
        API does not page them).

        Examples:
            >>> async for tenant in client.tenants.list():
            ...     print(tenant.name)
            Emulated tenant
        """
        return self._list(TENANTS_LIST, Tenant, options=options)

    async def get(self, tenant_id: str, **options: Unpack[CallOptions]) -> Tenant:
        """One tenant (``tenants.tenant.get``).

        Examples:
            >>> tenant = await client.tenants.get("TENANT_ID")
            >>> tenant.name
            'Emulated tenant'
        """
        return await self._one(TENANTS_GET, Tenant, options=options, tenant_id=tenant_id)

    async def delete(self, tenant_id: str, **options: Unpack[CallOptions]) -> None:
        """Delete a tenant and everything in it (``tenants.tenant.delete``); the platform
        refuses (409, `ConflictError`) while the tenant has contracts.

        Examples:
            >>> spare = await client.tenants.create(
            ...     name="Spare", app_domain="spare.example.com", code="spare",
            ...     mandrill_email_from="noreply@spare.example.com",
            ... )
            >>> await client.tenants.delete(spare.id)
        """
        await self._nothing(TENANTS_DELETE, options=options, tenant_id=tenant_id)

    async def roles(self, tenant_id: str, **options: Unpack[CallOptions]) -> TenantPolicy:
        """The roles the tenant offers, with their permissions
        (``tenants.tenant.list_roles``).

        Examples:
            >>> policy = await client.tenants.roles("TENANT_ID")
            >>> "contracts.workspace.create" in policy.permissions("contracts", "owner")
            True
        """
        return await self._one(TENANTS_ROLES, TenantPolicy, options=options, tenant_id=tenant_id)

    async def update_roles(
        self,
        tenant_id: str,
        roles: Iterable[ContractRole | Mapping[str, Any]],
        **options: Unpack[CallOptions],
    ) -> TenantPolicy:
        """Replace the tenant's roles as a whole (``tenants.tenant.edit_roles``). Each
        role has a ``role`` name, a ``scope`` (``contracts`` or ``workspaces``), its
        ``permissions`` (see `client.permissions.get`) and its names by language
        (``i18n``, ``en`` at least).

        Examples:
            >>> policy = await client.tenants.update_roles(
            ...     "TENANT_ID",
            ...     [
            ...         {
            ...             "role": "auditor",
            ...             "scope": "workspaces",
            ...             "permissions": ["workspaces.logs.read_all"],
            ...             "i18n": {"en": "Auditor"},
            ...         }
            ...     ],
            ... )
            >>> policy.permissions("workspaces", "auditor")
            ('workspaces.logs.read_all',)
        """
        if isinstance(roles, Mapping | ContractRole):
            raise UsageError("roles is a list of roles, not one role")
        body = self._body(TENANTS_UPDATE_ROLES, attributes={"roles": [_role(r) for r in roles]})
        return await self._one(
            TENANTS_UPDATE_ROLES, TenantPolicy, body=body, options=options, tenant_id=tenant_id
        )

    async def update_member(
        self,
        tenant_id: str,
        user_id: str,
        *,
        roles: Iterable[str] | str,
        **options: Unpack[CallOptions],
    ) -> TenantMember:
        """Grant a user Tenant Admin (``roles=["tenant-admin"]``) or revoke it
        (``roles=[]``); ``tenants.membership.edit``.

        Examples:
            >>> member = await client.tenants.update_member(
            ...     "TENANT_ID", "USER_ID", roles=["tenant-admin"]
            ... )
            >>> member.is_admin
            True
        """
        body = self._body(
            TENANTS_UPDATE_MEMBER, attributes={"roles": list(strings("roles", roles))}
        )
        return await self._one(
            TENANTS_UPDATE_MEMBER,
            TenantMember,
            body=body,
            options=options,
            tenant_id=tenant_id,
            user_id=user_id,
        )
