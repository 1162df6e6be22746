"""The tenants, and what each holds: SSL certificates, OAuth clients (one per
component), OpenID Connect and SAML 2.0 providers.

The platform's own tenant (``platform.tenant``, the tenant of every user and contract)
is the first record of `Tenants`; it keeps the id it was made with.
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

from elasticio.testing._areas.components.store import Components
from elasticio.testing._areas.users.store import Users
from elasticio.testing._ids import IdFactory
from elasticio.testing._table import Table
from elasticio.testing._tenant import TenantRecord

__all__ = [
    "CertificateRecord",
    "Certificates",
    "OAuthClientRecord",
    "OpenIdProviderRecord",
    "Providers",
    "SamlProviderRecord",
    "TenantOAuthClients",
    "Tenants",
]


class Tenants(Table[TenantRecord]):
    """Every tenant, the platform's own first."""

    def __init__(self, ids: IdFactory, home: TenantRecord) -> None:
        super().__init__("tenant", ids)
        self.home = home
        # Stored as it is: its id was handed out before the table existed.
        self._rows[home.id] = home


@attrs.define(kw_only=True)
class _HeldRecord:
    """What every record a tenant holds has: its id (the table sets it) and its tenant."""

    id: str = attrs.field(init=False, default="")
    tenant_id: str


H = TypeVar("H", bound=_HeldRecord)


class _Held(Table[H]):
    """Records each held by a tenant and pointing into the tables of ``refs``."""

    def __init__(
        self, kind: str, label: str, ids: IdFactory, tenants: Tenants, **refs: Table[Any]
    ) -> None:
        super().__init__(kind, ids, label=label, refs={"tenant_id": tenants, **refs})


@attrs.define(kw_only=True)
class CertificateRecord(_HeldRecord):
    """An SSL certificate and its private key (never in a repr), PEM text as given."""

    user_id: str
    public_key: str
    private_key: str = attrs.field(repr=False)


class Certificates(_Held[CertificateRecord]):
    def __init__(self, ids: IdFactory, tenants: Tenants, users: Users) -> None:
        super().__init__("certificate", "certificate", ids, tenants, user_id=users)


@attrs.define(kw_only=True)
class OAuthClientRecord(_HeldRecord):
    """A tenant's OAuth client of one component; the secret is never in a repr."""

    component_id: str
    client_id: str
    client_secret: str = attrs.field(repr=False)


class TenantOAuthClients(_Held[OAuthClientRecord]):
    def __init__(self, ids: IdFactory, tenants: Tenants, components: Components) -> None:
        super().__init__("oauth-client", "oauth client", ids, tenants, component_id=components)

    def of_component(self, tenant_id: str, component_id: str) -> OAuthClientRecord | None:
        """The tenant's client of the component, if it has one."""
        found = self.where(lambda c: (c.tenant_id, c.component_id) == (tenant_id, component_id))
        return found[0] if found else None


@attrs.define(kw_only=True)
class OpenIdProviderRecord(_HeldRecord):
    """An OpenID Connect provider; the client secret is never in a repr."""

    issuer: str
    client_id: str
    client_secret: str = attrs.field(repr=False)
    response_type: str = "code"
    config: dict[str, Any] = attrs.Factory(lambda: {"auto_create_users": True})


@attrs.define(kw_only=True)
class SamlProviderRecord(_HeldRecord):
    """A SAML 2.0 identity provider: its attributes as the API shows them (the private
    key among them, so never in a repr)."""

    attributes: dict[str, Any] = attrs.field(repr=False)


P = TypeVar("P", OpenIdProviderRecord, SamlProviderRecord)


class Providers(_Held[P]):
    """The single sign-on providers of one kind (``openid-provider``, ``saml-provider``),
    each in a tenant."""

    def __init__(self, kind: str, label: str, ids: IdFactory, tenants: Tenants) -> None:
        super().__init__(kind, label, ids, tenants)
