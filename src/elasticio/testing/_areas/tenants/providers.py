"""A tenant's single sign-on providers, OpenID Connect and SAML 2.0: create (201), list,
get, update, delete (204); ``tenants.tenant.get`` to read, ``tenants.tenant.edit`` to
change.

A SAML provider needs the service provider's ``private_key`` and ``certificate`` unless
``allow_unencrypted_assertion`` (default true): checked on the provider as an update
leaves it. Updates merge ``config`` members into the provider's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from elasticio._catalog.v2 import (
    OPENID_PROVIDERS_CREATE,
    OPENID_PROVIDERS_DELETE,
    OPENID_PROVIDERS_GET,
    OPENID_PROVIDERS_LIST,
    OPENID_PROVIDERS_UPDATE,
    SAML_PROVIDERS_CREATE,
    SAML_PROVIDERS_DELETE,
    SAML_PROVIDERS_GET,
    SAML_PROVIDERS_LIST,
    SAML_PROVIDERS_UPDATE,
)
from elasticio.testing._areas.tenants.access import administered
from elasticio.testing._areas.tenants.store import (
    OpenIdProviderRecord,
    Providers,
    SamlProviderRecord,
)
from elasticio.testing._areas.tenants.views import (
    openid_provider_resource,
    saml_provider_resource,
)
from elasticio.testing._errors import NoSuchRecordError, invalid
from elasticio.testing._json import clone
from elasticio.testing._jsonapi import Json, document
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body

__all__ = ["routes"]

routes = RouteTable()

NAME_ID_FORMATS = (
    "undefined",
    "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
    "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
    "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
    "urn:oasis:names:tc:SAML:2.0:nameid-format:transient",
)
OPENID_CHANGES = Body(
    "openid-provider",
    id="url-optional",
    attributes=(
        Attr("issuer", "string", filled=True),
        Attr("client_id", "string", filled=True),
        Attr("client_secret", "string", filled=True),
        Attr("response_type", "string", choices=("code",)),
        Attr("config", "object"),
    ),
)
NEW_OPENID = OPENID_CHANGES.requiring(("issuer", "client_id", "client_secret"))
_URIS = ("entity_id", "login_endpoint", "logout_endpoint", "assert_endpoint")
SAML_CHANGES = Body(
    "saml-provider",
    id="url-optional",
    attributes=(
        *(Attr(name, "string", filled=True) for name in _URIS),
        Attr("idp_certificates", "array", filled=True, items="string"),
        Attr("name_id_format", "string", choices=NAME_ID_FORMATS),
        Attr("private_key", "string", nullable=True),
        Attr("certificate", "string", nullable=True),
        Attr("force_auth", "boolean"),
        Attr("allow_unencrypted_assertion", "boolean"),
        Attr("config", "object"),
    ),
)
NEW_SAML = SAML_CHANGES.requiring(("entity_id", "login_endpoint", "idp_certificates"))
_CONFIG_TYPES: Mapping[str, tuple[type, str]] = {
    "auto_create_users": (bool, "true or false"),
    "email_attribute": (str, "a string"),
}
_SAML_DEFAULTS = {"force_auth": False, "allow_unencrypted_assertion": True}


def _config(given: Mapping[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    """The ``config`` members the provider kind knows, each of its type."""
    for name in allowed:
        if name in given:
            kind, what = _CONFIG_TYPES[name]
            if not isinstance(given[name], kind):
                raise invalid(f"/data/attributes/config/{name}", f"must be {what}")
    return {name: given[name] for name in allowed if name in given}


def _owned(table: Providers[Any], tenant_id: str, provider_id: str) -> Any:
    found = table[provider_id]
    if found.tenant_id != tenant_id:
        raise NoSuchRecordError(table.label, provider_id)
    return found


def _listed(
    call: Call, tenant_id: str, table: Providers[Any], view: Callable[[Any], Json]
) -> Reply:
    tenant = administered(call, tenant_id, "tenants.tenant.get")
    return Reply(body=document([view(p) for p in table.where(lambda p: p.tenant_id == tenant.id)]))


def _shown(
    call: Call,
    tenant_id: str,
    provider_id: str,
    table: Providers[Any],
    view: Callable[[Any], Json],
) -> Reply:
    tenant = administered(call, tenant_id, "tenants.tenant.get")
    return Reply(body=document(view(_owned(table, tenant.id, provider_id))))


def _deleted(call: Call, tenant_id: str, provider_id: str, table: Providers[Any]) -> Reply:
    tenant = administered(call, tenant_id, "tenants.tenant.edit")
    table.delete(_owned(table, tenant.id, provider_id).id)
    return Reply(status=204)


@routes.handle(OPENID_PROVIDERS_LIST)
def list_openid_providers(call: Call, tenant_id: str) -> Reply:
    return _listed(call, tenant_id, call.platform.openid_providers, openid_provider_resource)


@routes.handle(OPENID_PROVIDERS_GET)
def get_openid_provider(call: Call, tenant_id: str, provider_id: str) -> Reply:
    return _shown(
        call, tenant_id, provider_id, call.platform.openid_providers, openid_provider_resource
    )


@routes.handle(OPENID_PROVIDERS_CREATE, body=NEW_OPENID)
def create_openid_provider(call: Call, tenant_id: str) -> Reply:
    """201; ``response_type`` defaults to ``code``, ``auto_create_users`` to true."""
    tenant = administered(call, tenant_id, "tenants.tenant.edit")
    attributes = call.payload().attributes
    config = _config(attributes.get("config", {}), ("auto_create_users",))
    provider = call.platform.openid_providers.add(
        OpenIdProviderRecord(
            tenant_id=tenant.id,
            issuer=attributes["issuer"],
            client_id=attributes["client_id"],
            client_secret=attributes["client_secret"],
            response_type=attributes.get("response_type", "code"),
            config={"auto_create_users": True, **config},
        )
    )
    return Reply(status=201, body=document(openid_provider_resource(provider)))


@routes.handle(OPENID_PROVIDERS_UPDATE, body=OPENID_CHANGES)
def update_openid_provider(call: Call, tenant_id: str, provider_id: str) -> Reply:
    tenant = administered(call, tenant_id, "tenants.tenant.edit")
    provider: OpenIdProviderRecord = _owned(call.platform.openid_providers, tenant.id, provider_id)
    attributes = call.payload(url_id=provider.id).attributes
    config = _config(attributes.get("config", {}), ("auto_create_users",))
    for name in ("issuer", "client_id", "client_secret", "response_type"):
        if name in attributes:
            setattr(provider, name, attributes[name])
    provider.config.update(config)
    return Reply(body=document(openid_provider_resource(provider)))


@routes.handle(OPENID_PROVIDERS_DELETE)
def delete_openid_provider(call: Call, tenant_id: str, provider_id: str) -> Reply:
    return _deleted(call, tenant_id, provider_id, call.platform.openid_providers)


def _saml(attributes: dict[str, Any]) -> dict[str, Any]:
    """``attributes`` once the URIs are checked, and the keys where assertions may be
    encrypted."""
    for name in _URIS:
        value = attributes.get(name)
        if value is not None and not urlsplit(value).scheme:
            raise invalid(f"/data/attributes/{name}", "must be a URI")
    if not attributes["allow_unencrypted_assertion"]:
        for name in ("private_key", "certificate"):
            value = attributes.get(name)
            if not isinstance(value, str) or not value.strip():
                raise invalid(
                    f"/data/attributes/{name}",
                    "is required when allow_unencrypted_assertion is false",
                )
    return attributes


@routes.handle(SAML_PROVIDERS_LIST)
def list_saml_providers(call: Call, tenant_id: str) -> Reply:
    return _listed(call, tenant_id, call.platform.saml_providers, saml_provider_resource)


@routes.handle(SAML_PROVIDERS_GET)
def get_saml_provider(call: Call, tenant_id: str, provider_id: str) -> Reply:
    return _shown(
        call, tenant_id, provider_id, call.platform.saml_providers, saml_provider_resource
    )


@routes.handle(SAML_PROVIDERS_CREATE, body=NEW_SAML)
def create_saml_provider(call: Call, tenant_id: str) -> Reply:
    """201; ``force_auth`` defaults to false, ``allow_unencrypted_assertion`` and
    ``auto_create_users`` to true."""
    tenant = administered(call, tenant_id, "tenants.tenant.edit")
    given = clone(call.payload().attributes)
    config = _config(given.pop("config", {}), ("email_attribute", "auto_create_users"))
    attributes = _saml({**_SAML_DEFAULTS, **given, "config": {"auto_create_users": True, **config}})
    provider = call.platform.saml_providers.add(
        SamlProviderRecord(tenant_id=tenant.id, attributes=attributes)
    )
    return Reply(status=201, body=document(saml_provider_resource(provider)))


@routes.handle(SAML_PROVIDERS_UPDATE, body=SAML_CHANGES)
def update_saml_provider(call: Call, tenant_id: str, provider_id: str) -> Reply:
    tenant = administered(call, tenant_id, "tenants.tenant.edit")
    provider: SamlProviderRecord = _owned(call.platform.saml_providers, tenant.id, provider_id)
    given = clone(call.payload(url_id=provider.id).attributes)
    config = _config(given.pop("config", {}), ("email_attribute", "auto_create_users"))
    merged = {**provider.attributes, **given}
    merged["config"] = {**provider.attributes["config"], **config}
    provider.attributes = _saml(merged)
    return Reply(body=document(saml_provider_resource(provider)))


@routes.handle(SAML_PROVIDERS_DELETE)
def delete_saml_provider(call: Call, tenant_id: str, provider_id: str) -> Reply:
    return _deleted(call, tenant_id, provider_id, call.platform.saml_providers)
