"""``client.openid_providers`` and ``client.saml_providers``: the single sign-on
providers a tenant's users sign in with (API v2)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar, TypeVar, Unpack

from elasticio._catalog._entry import Entry
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
from elasticio._checks import strings
from elasticio._errors import UsageError
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Unset
from elasticio.models._declare import Model
from elasticio.models._sso import OpenIDProvider, SAMLProvider
from elasticio.resources._base import Namespace

__all__ = ["OpenIDProviders", "SAMLProviders"]

M = TypeVar("M", bound=Model)


def _config(**given: Any) -> dict[str, Any] | Unset:
    """The ``config`` attribute of what was given (UNSET when nothing was)."""
    config = {k: v for k, v in given.items() if not isinstance(v, Unset)}
    return config or UNSET


def _certificates(value: Iterable[str] | Unset) -> list[str] | Unset:
    return value if isinstance(value, Unset) else list(strings("idp_certificates", value))


class _Providers(Namespace):
    """What the two kinds of provider share: the attributes a create or an update sends,
    built from the method's ``locals()``, and the requests on one provider."""

    _namespace: ClassVar[str]
    _attribute_names: ClassVar[tuple[str, ...]]
    _config_names: ClassVar[tuple[str, ...]]

    def _attributes(self, arguments: Mapping[str, Any]) -> dict[str, Any]:
        attributes = {name: arguments[name] for name in self._attribute_names}
        if "idp_certificates" in attributes:
            attributes["idp_certificates"] = _certificates(attributes["idp_certificates"])
        attributes["config"] = _config(**{name: arguments[name] for name in self._config_names})
        return attributes

    async def _provider(
        self, entry: Entry, model: type[M], tenant_id: str, provider_id: str, options: CallOptions
    ) -> M:
        return await self._one(
            entry, model, options=options, tenant_id=tenant_id, provider_id=provider_id
        )

    async def _create(
        self,
        entry: Entry,
        model: type[M],
        tenant_id: str,
        arguments: Mapping[str, Any],
        options: CallOptions,
    ) -> M:
        body = self._body(entry, attributes=self._attributes(arguments))
        return await self._one(entry, model, body=body, options=options, tenant_id=tenant_id)

    async def _update(
        self,
        entry: Entry,
        model: type[M],
        tenant_id: str,
        provider_id: str,
        arguments: Mapping[str, Any],
        options: CallOptions,
    ) -> M:
        attributes = self._attributes(arguments)
        if all(isinstance(v, Unset) for v in attributes.values()):
            raise UsageError(f"{self._namespace}.update() needs something to change")
        body = self._body(entry, id=provider_id, attributes=attributes)
        return await self._one(
            entry, model, body=body, options=options, tenant_id=tenant_id, provider_id=provider_id
        )

    async def _delete(
        self, entry: Entry, tenant_id: str, provider_id: str, options: CallOptions
    ) -> None:
        await self._nothing(entry, options=options, tenant_id=tenant_id, provider_id=provider_id)


class OpenIDProviders(_Providers):
    """A tenant's OpenID Connect providers: list, get, create, update, delete
    (``tenants.tenant.get`` to read, ``tenants.tenant.edit`` to change).

    Examples:
        >>> async for provider in client.openid_providers.list("TENANT_ID"):  # doctest: +SKIP
        ...     print(provider.issuer)
    """

    _namespace = "openid_providers"
    _attribute_names = ("issuer", "client_id", "client_secret", "response_type")
    _config_names = ("auto_create_users",)

    def list(self, tenant_id: str, **options: Unpack[ListOptions]) -> Paginator[OpenIDProvider]:
        """The tenant's OpenID Connect providers (one request: the API does not page
        them).

        Examples:
            >>> created = await client.openid_providers.create(
            ...     "TENANT_ID", issuer="https://id.example.com", client_id="elastic",
            ...     client_secret="...",
            ... )
            >>> async for provider in client.openid_providers.list("TENANT_ID"):
            ...     print(provider.issuer)
            https://id.example.com
        """
        return self._list(
            OPENID_PROVIDERS_LIST, OpenIDProvider, options=options, tenant_id=tenant_id
        )

    async def get(
        self, tenant_id: str, provider_id: str, **options: Unpack[CallOptions]
    ) -> OpenIDProvider:
        """One OpenID Connect provider of the tenant.

        Examples:
            >>> created = await client.openid_providers.create(
            ...     "TENANT_ID", issuer="https://id.example.com", client_id="elastic",
            ...     client_secret="...",
            ... )
            >>> provider = await client.openid_providers.get("TENANT_ID", created.id)
            >>> provider.response_type, provider.config["auto_create_users"]
            ('code', True)
        """
        return await self._provider(
            OPENID_PROVIDERS_GET, OpenIDProvider, tenant_id, provider_id, options
        )

    async def create(
        self,
        tenant_id: str,
        *,
        issuer: str,
        client_id: str,
        client_secret: str,
        response_type: str | Unset = UNSET,
        auto_create_users: bool | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> OpenIDProvider:
        """Add an OpenID Connect provider: its ``issuer`` and the tenant's client there;
        ``response_type`` is ``code``; ``auto_create_users`` (default true) creates
        users on their first sign-in.

        Examples:
            >>> provider = await client.openid_providers.create(
            ...     "TENANT_ID",
            ...     issuer="https://id.example.com",
            ...     client_id="elastic",
            ...     client_secret="...",
            ...     auto_create_users=False,
            ... )
            >>> provider.config["auto_create_users"]
            False
        """
        return await self._create(
            OPENID_PROVIDERS_CREATE, OpenIDProvider, tenant_id, locals(), options
        )

    async def update(
        self,
        tenant_id: str,
        provider_id: str,
        *,
        issuer: str | Unset = UNSET,
        client_id: str | Unset = UNSET,
        client_secret: str | Unset = UNSET,
        response_type: str | Unset = UNSET,
        auto_create_users: bool | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> OpenIDProvider:
        """Change an OpenID Connect provider; what is left out stays.

        Raises:
            UsageError: nothing to change was given.

        Examples:
            >>> created = await client.openid_providers.create(
            ...     "TENANT_ID", issuer="https://id.example.com", client_id="elastic",
            ...     client_secret="...",
            ... )
            >>> provider = await client.openid_providers.update(
            ...     "TENANT_ID", created.id, issuer="https://login.example.com"
            ... )
            >>> provider.issuer
            'https://login.example.com'
        """
        return await self._update(
            OPENID_PROVIDERS_UPDATE, OpenIDProvider, tenant_id, provider_id, locals(), options
        )

    async def delete(
        self, tenant_id: str, provider_id: str, **options: Unpack[CallOptions]
    ) -> None:
        """Delete an OpenID Connect provider of the tenant.

        Examples:
            >>> created = await client.openid_providers.create(
            ...     "TENANT_ID", issuer="https://id.example.com", client_id="elastic",
            ...     client_secret="...",
            ... )
            >>> await client.openid_providers.delete("TENANT_ID", created.id)
        """
        await self._delete(OPENID_PROVIDERS_DELETE, tenant_id, provider_id, options)


class SAMLProviders(_Providers):
    """A tenant's SAML 2.0 identity providers: list, get, create, update, delete
    (``tenants.tenant.get`` to read, ``tenants.tenant.edit`` to change).

    Examples:
        >>> async for provider in client.saml_providers.list("TENANT_ID"):  # doctest: +SKIP
        ...     print(provider.entity_id)
    """

    _namespace = "saml_providers"
    _attribute_names = (
        "entity_id",
        "login_endpoint",
        "idp_certificates",
        "logout_endpoint",
        "assert_endpoint",
        "name_id_format",
        "certificate",
        "private_key",
        "force_auth",
        "allow_unencrypted_assertion",
    )
    _config_names = ("email_attribute", "auto_create_users")

    def list(self, tenant_id: str, **options: Unpack[ListOptions]) -> Paginator[SAMLProvider]:
        """The tenant's SAML 2.0 identity providers (one request: the API does not page
        them).

        Examples:
            >>> created = await client.saml_providers.create(
            ...     "TENANT_ID", entity_id="https://idp.example.com",
            ...     login_endpoint="https://idp.example.com/login", idp_certificates=["MIIC..."],
            ... )
            >>> async for provider in client.saml_providers.list("TENANT_ID"):
            ...     print(provider.entity_id)
            https://idp.example.com
        """
        return self._list(SAML_PROVIDERS_LIST, SAMLProvider, options=options, tenant_id=tenant_id)

    async def get(
        self, tenant_id: str, provider_id: str, **options: Unpack[CallOptions]
    ) -> SAMLProvider:
        """One SAML 2.0 identity provider of the tenant.

        Examples:
            >>> created = await client.saml_providers.create(
            ...     "TENANT_ID", entity_id="https://idp.example.com",
            ...     login_endpoint="https://idp.example.com/login", idp_certificates=["MIIC..."],
            ... )
            >>> provider = await client.saml_providers.get("TENANT_ID", created.id)
            >>> provider.allow_unencrypted_assertion, provider.force_auth
            (True, False)
        """
        return await self._provider(
            SAML_PROVIDERS_GET, SAMLProvider, tenant_id, provider_id, options
        )

    async def create(
        self,
        tenant_id: str,
        *,
        entity_id: str,
        login_endpoint: str,
        idp_certificates: Iterable[str],
        logout_endpoint: str | Unset = UNSET,
        assert_endpoint: str | Unset = UNSET,
        name_id_format: str | Unset = UNSET,
        certificate: str | Unset = UNSET,
        private_key: str | Unset = UNSET,
        force_auth: bool | Unset = UNSET,
        allow_unencrypted_assertion: bool | Unset = UNSET,
        email_attribute: str | Unset = UNSET,
        auto_create_users: bool | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> SAMLProvider:
        """Add a SAML 2.0 identity provider. ``certificate`` and ``private_key`` (the
        service provider's) are required when ``allow_unencrypted_assertion`` is false
        (it defaults to true); ``email_attribute`` and ``auto_create_users`` go in the
        provider's ``config``.

        Examples:
            >>> provider = await client.saml_providers.create(
            ...     "TENANT_ID",
            ...     entity_id="https://idp.example.com",
            ...     login_endpoint="https://idp.example.com/login",
            ...     idp_certificates=["MIIC..."],
            ...     email_attribute="mail",
            ... )
            >>> provider.config["email_attribute"]
            'mail'
        """
        return await self._create(SAML_PROVIDERS_CREATE, SAMLProvider, tenant_id, locals(), options)

    async def update(
        self,
        tenant_id: str,
        provider_id: str,
        *,
        entity_id: str | Unset = UNSET,
        login_endpoint: str | Unset = UNSET,
        idp_certificates: Iterable[str] | Unset = UNSET,
        logout_endpoint: str | Unset = UNSET,
        assert_endpoint: str | Unset = UNSET,
        name_id_format: str | Unset = UNSET,
        certificate: str | Unset = UNSET,
        private_key: str | Unset = UNSET,
        force_auth: bool | Unset = UNSET,
        allow_unencrypted_assertion: bool | Unset = UNSET,
        email_attribute: str | Unset = UNSET,
        auto_create_users: bool | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> SAMLProvider:
        """Change a SAML 2.0 identity provider; what is left out stays (``config``
        members too).

        Raises:
            UsageError: nothing to change was given.

        Examples:
            >>> created = await client.saml_providers.create(
            ...     "TENANT_ID", entity_id="https://idp.example.com",
            ...     login_endpoint="https://idp.example.com/login", idp_certificates=["MIIC..."],
            ... )
            >>> provider = await client.saml_providers.update(
            ...     "TENANT_ID", created.id, force_auth=True
            ... )
            >>> provider.force_auth
            True
        """
        return await self._update(
            SAML_PROVIDERS_UPDATE, SAMLProvider, tenant_id, provider_id, locals(), options
        )

    async def delete(
        self, tenant_id: str, provider_id: str, **options: Unpack[CallOptions]
    ) -> None:
        """Delete a SAML 2.0 identity provider of the tenant.

        Examples:
            >>> created = await client.saml_providers.create(
            ...     "TENANT_ID", entity_id="https://idp.example.com",
            ...     login_endpoint="https://idp.example.com/login", idp_certificates=["MIIC..."],
            ... )
            >>> await client.saml_providers.delete("TENANT_ID", created.id)
        """
        await self._delete(SAML_PROVIDERS_DELETE, tenant_id, provider_id, options)
