"""Tenants (white-label installations of the platform), their roles, their Tenant Admins,
the permissions roles can grant, and their SSL certificates."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from elasticio.models._contracts import ContractRole
from elasticio.models._declare import Model, model, to_one

__all__ = ["PermissionSet", "Tenant", "TenantCertificate", "TenantMember", "TenantPolicy"]


@model("tenant", extra_repr=False)
class Tenant(Model):
    """A tenant: its domains (``app_domain``, ``api_domain``, ``webhooks_domain``), its
    CSS ``code``, the sender of its emails, its feature flags, which emails it sends
    (``email_templates``), the ids of the SSL certificates of its domains
    (``ssl_certificates``: ``app``, ``api``, ``webhooks``) and its support user.

    The other branding attributes (logos, links, menus, scripts, ``hide_*`` switches, ...)
    are in ``extra``. ``mandrill_api_key`` and ``segment_write_key`` are keys: they
    never appear in the repr, and neither does ``extra``.

    Examples:
        >>> tenant = Tenant(id="t1", name="Acme", mandrill_api_key="k3y")
        >>> "k3y" in repr(tenant), tenant.name
        (False, 'Acme')
    """

    id: str
    name: str | None = None
    app_domain: str | None = None
    api_domain: str | None = None
    webhooks_domain: str | None = None
    code: str | None = None
    mandrill_email_from: str | None = None
    mandrill_api_key: str | None = attrs.field(default=None, repr=False)
    segment_write_key: str | None = attrs.field(default=None, repr=False)
    is_default: bool | None = None
    default_workspace_type: str | None = None
    support_user_id: str | None = None
    flow_stats_enabled_default: bool | None = None
    feature_flags: Mapping[str, bool] = attrs.field(factory=dict)
    email_templates: Mapping[str, bool] = attrs.field(factory=dict)
    ssl_certificates: Mapping[str, str] = attrs.field(factory=dict)


@model("tenant-policy")
class TenantPolicy(Model):
    """The roles a tenant offers its contracts (``scope="contracts"``) and workspaces
    (``scope="workspaces"``), with the permissions each grants
    (``client.tenants.roles``). The platform's answer to a change may carry no id.

    Examples:
        >>> policy = TenantPolicy(
        ...     roles=(ContractRole(role="owner", scope="contracts",
        ...                         permissions=("contracts.workspace.create",)),)
        ... )
        >>> policy.permissions("contracts", "owner")
        ('contracts.workspace.create',)
    """

    id: str | None = None
    roles: tuple[ContractRole, ...] = ()
    tenant_id: str | None = to_one("tenant")

    def permissions(self, scope: str, role: str) -> tuple[str, ...]:
        """The permissions ``role`` grants in ``scope``; () for a role the policy lacks."""
        for found in self.roles:
            if (found.scope, found.role) == (scope, role):
                return found.permissions
        return ()


@model("tenant-member")
class TenantMember(Model):
    """A user's roles in a tenant: ``("tenant-admin",)`` for a Tenant Admin, else ().
    The id is the user's.

    Examples:
        >>> TenantMember(id="u1", roles=("tenant-admin",)).is_admin
        True
    """

    id: str
    roles: tuple[str, ...] = ()
    user_id: str | None = to_one("user")
    tenant_id: str | None = to_one("tenant")

    @property
    def is_admin(self) -> bool:
        """True when the user is a Tenant Admin."""
        return "tenant-admin" in self.roles


@model("permissions")
class PermissionSet(Model):
    """Every permission a tenant's roles can grant (``client.permissions.get``); the
    service permissions, which only service accounts hold, are not among them. The
    platform sends it without an id.

    Examples:
        >>> "workspaces.flow.edit" in PermissionSet(permissions=("workspaces.flow.edit",))
        True
    """

    id: str | None = None
    permissions: tuple[str, ...] = ()

    def __contains__(self, permission: str) -> bool:
        return permission in self.permissions


@model("certificate", extra_repr=False)
class TenantCertificate(Model):
    """An SSL certificate of a tenant, stored encrypted (``algorithm``, ``key_length``,
    ``salt``, ``iv``), with the ``user_id`` who added it.

    The platform sends the certificate and its private key (``public_key``,
    ``private_key``) only in the answers to a create or an update: a get leaves them out
    (None). The private key never appears in the repr. ``info`` is what the platform
    read from the certificate (``subject``, ``issuer``, ``notAfter``, ``fingerPrint``,
    ...), as it sent it.

    Examples:
        >>> cert = TenantCertificate(id="c1", extra={"privateKey": "-----BEGIN"})
        >>> "BEGIN" in repr(cert), cert.private_key
        (False, '-----BEGIN')
    """

    id: str
    algorithm: str | None = None
    key_length: int | None = None
    salt: str | None = None
    iv: str | None = None
    user_id: str | None = to_one("user")
    tenant_id: str | None = to_one("tenant")

    @property
    def public_key(self) -> str | None:
        """The PEM certificate, when the answer carried it."""
        value = self.extra.get("publicKey")
        return value if isinstance(value, str) else None

    @property
    def private_key(self) -> str | None:
        """The PEM private key, when the answer carried it."""
        value = self.extra.get("privateKey")
        return value if isinstance(value, str) else None

    @property
    def info(self) -> Mapping[str, Any]:
        """The certificate's details from the answer's ``meta`` (empty for a model
        built by hand)."""
        if self._binding is None:
            return MappingProxyType({})
        return self._binding.document.meta
