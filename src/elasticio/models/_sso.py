"""A tenant's OAuth clients and its single sign-on providers (OpenID Connect, SAML 2.0)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.models._declare import Model, model, to_one

__all__ = ["OAuthClient", "OpenIDProvider", "SAMLProvider"]


@model("oauth-client", extra_repr=False)
class OAuthClient(Model):
    """A tenant's OAuth client for one component: the ``client_id`` and
    ``client_secret`` the component's OAuth app has at its provider. A tenant has at most
    one per component. The secret never appears in the repr.

    Examples:
        >>> client_ = OAuthClient(id="o1", client_id="app", client_secret="s3")
        >>> "s3" in repr(client_), client_.client_id
        (False, 'app')
    """

    id: str
    client_id: str | None = None
    client_secret: str | None = attrs.field(default=None, repr=False)
    component_id: str | None = to_one("component")


@model("openid-provider", extra_repr=False)
class OpenIDProvider(Model):
    """An OpenID Connect provider users of a tenant sign in with: its ``issuer``, the
    tenant's ``client_id`` and ``client_secret`` there, the ``response_type``
    (``code``) and ``config`` (``auto_create_users``). The secret never appears in the
    repr.

    Examples:
        >>> provider = OpenIDProvider(id="p1", issuer="https://id.example.com",
        ...                           client_secret="s3")
        >>> "s3" in repr(provider)
        False
    """

    id: str
    issuer: str | None = None
    client_id: str | None = None
    client_secret: str | None = attrs.field(default=None, repr=False)
    response_type: str | None = None
    config: Mapping[str, Any] = attrs.field(factory=dict)
    tenant_id: str | None = to_one("tenant")


@model("saml-provider", extra_repr=False)
class SAMLProvider(Model):
    """A SAML 2.0 identity provider of a tenant: its ``entity_id``, endpoints and
    certificates (``idp_certificates``), the ``name_id_format``, and the service
    provider's own ``certificate`` and ``private_key``, which decrypt assertions (needed
    unless ``allow_unencrypted_assertion``). ``config`` holds ``email_attribute`` and
    ``auto_create_users``. The private key never appears in the repr.

    Examples:
        >>> provider = SAMLProvider(id="p1", entity_id="https://idp.example.com",
        ...                         private_key="-----BEGIN")
        >>> "BEGIN" in repr(provider)
        False
    """

    id: str
    entity_id: str | None = None
    login_endpoint: str | None = None
    logout_endpoint: str | None = None
    assert_endpoint: str | None = None
    idp_certificates: tuple[str, ...] = ()
    name_id_format: str | None = None
    certificate: str | None = None
    private_key: str | None = attrs.field(default=None, repr=False)
    force_auth: bool | None = None
    allow_unencrypted_assertion: bool | None = None
    config: Mapping[str, Any] = attrs.field(factory=dict)
    tenant_id: str | None = to_one("tenant")
