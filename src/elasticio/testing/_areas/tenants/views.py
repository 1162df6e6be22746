"""How tenants, their roles, members, certificates, OAuth clients and providers look in
answers, as the docs' examples show them."""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from typing import Any

from elasticio.testing._areas.tenants.policy import default_roles
from elasticio.testing._areas.tenants.store import (
    CertificateRecord,
    OAuthClientRecord,
    OpenIdProviderRecord,
    SamlProviderRecord,
)
from elasticio.testing._areas.users.store import UserRecord
from elasticio.testing._ids import revision
from elasticio.testing._json import clone
from elasticio.testing._jsonapi import Json, link, resource, to_one
from elasticio.testing._tenant import TenantRecord

__all__ = [
    "certificate_info",
    "certificate_resource",
    "oauth_client_resource",
    "openid_provider_resource",
    "saml_provider_resource",
    "tenant_member_resource",
    "tenant_policy_resource",
    "tenant_resource",
]

_PEM_CERTIFICATE = re.compile(
    r"-----BEGIN CERTIFICATE-----(?P<body>[A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----"
)


def tenant_link(tenant_id: str) -> Json:
    return to_one("tenant", tenant_id, self_link=f"/v2/tenants/{tenant_id}")


def tenant_resource(tenant: TenantRecord) -> Json:
    """A tenant: what it was given, with its name, flags and certificates."""
    attributes: dict[str, Any] = {"ssl_certificates": {}, **clone(tenant.attributes)}
    attributes["name"] = tenant.name
    attributes["feature_flags"] = dict(tenant.feature_flags)
    if tenant.support_user_id is not None:
        attributes["support_user_id"] = tenant.support_user_id
    if tenant.flow_stats_enabled_default is not None:
        attributes["flow_stats_enabled_default"] = tenant.flow_stats_enabled_default
    return resource(
        "tenant", tenant.id, self_link=f"/v2/tenants/{tenant.id}", attributes=attributes
    )


def tenant_policy_resource(tenant: TenantRecord) -> Json:
    """The tenant's roles (the emulator's defaults until it sets its own)."""
    roles = default_roles() if tenant.roles is None else clone(tenant.roles)
    return resource(
        "tenant-policy",
        # Derived from the tenant, so a policy takes nothing from the id sequence.
        revision(f"{tenant.id}/policy")[:24],
        attributes={"roles": roles},
        relationships={"tenant": tenant_link(tenant.id)},
    )


def tenant_member_resource(tenant: TenantRecord, user: UserRecord) -> Json:
    """A user's roles in the tenant: ``tenant-admin`` or none."""
    return resource(
        "tenant-member",
        user.id,
        attributes={"roles": ["tenant-admin"] if user.tenant_admin else []},
        relationships={"user": link("user", user.id), "tenant": tenant_link(tenant.id)},
    )


def certificate_info(public_key: str) -> Json:
    """What the answers' ``meta`` tells of a PEM certificate: its SHA-1 fingerprint, when
    the text holds a readable certificate (else nothing)."""
    match = _PEM_CERTIFICATE.search(public_key)
    if match is None:
        return {}
    try:
        der = base64.b64decode("".join(match["body"].split()), validate=True)
    except (binascii.Error, ValueError):
        return {}
    digest = hashlib.sha1(der, usedforsecurity=False).hexdigest().upper()
    return {"fingerPrint": ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))}


def certificate_resource(certificate: CertificateRecord, *, keys: bool) -> Json:
    """A certificate as stored encrypted; the PEM texts only with ``keys`` (the answers
    to a create or an update)."""
    material = revision(f"{certificate.id}/{certificate.public_key}")
    attributes: dict[str, Any] = {}
    if keys:
        attributes["publicKey"] = certificate.public_key
        attributes["privateKey"] = certificate.private_key
    attributes.update(
        {
            "salt": material[:16],
            "iv": material[16:32],
            "owner": certificate.user_id,
            "tenant": certificate.tenant_id,
            "algorithm": "aes-256-cbc",
            "key_length": 32,
        }
    )
    return resource(
        "certificate",
        certificate.id,
        self_link=f"/v2/tenants/{certificate.tenant_id}/certificates/{certificate.id}",
        attributes=attributes,
        relationships={
            "user": link("user", certificate.user_id),
            "tenant": tenant_link(certificate.tenant_id),
        },
    )


def oauth_client_resource(client: OAuthClientRecord) -> Json:
    return resource(
        "oauth-client",
        client.id,
        attributes={"client_id": client.client_id, "client_secret": client.client_secret},
        relationships={"component": link("component", client.component_id)},
    )


def openid_provider_resource(provider: OpenIdProviderRecord) -> Json:
    return resource(
        "openid-provider",
        provider.id,
        attributes={
            "client_id": provider.client_id,
            "client_secret": provider.client_secret,
            "issuer": provider.issuer,
            "response_type": provider.response_type,
            "config": clone(provider.config),
        },
        relationships={"tenant": tenant_link(provider.tenant_id)},
    )


def saml_provider_resource(provider: SamlProviderRecord) -> Json:
    return resource(
        "saml-provider",
        provider.id,
        attributes=clone(provider.attributes),
        relationships={"tenant": tenant_link(provider.tenant_id)},
    )
