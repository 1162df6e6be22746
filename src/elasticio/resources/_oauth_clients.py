"""``client.oauth_clients``: a tenant's OAuth clients, one per component (API v2)."""

from __future__ import annotations

from typing import Unpack

from elasticio._catalog.v2 import (
    OAUTH_CLIENTS_CREATE,
    OAUTH_CLIENTS_DELETE,
    OAUTH_CLIENTS_GET,
    OAUTH_CLIENTS_LIST,
    OAUTH_CLIENTS_UPDATE,
)
from elasticio._errors import UsageError
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Identifier, RelationshipValue, Unset
from elasticio.models._sso import OAuthClient
from elasticio.resources._base import Namespace

__all__ = ["OAuthClients"]


class OAuthClients(Namespace):
    """A tenant's OAuth clients: the id and secret of a component's OAuth app for the
    whole tenant. List, get, create (one per component: `ConflictError` for a second),
    update, delete; the ``tenants.oauth_clients.*`` permissions.

    Examples:
        >>> async for oauth_client in client.oauth_clients.list("TENANT_ID"):  # doctest: +SKIP
        ...     print(oauth_client.client_id)
    """

    def list(
        self,
        tenant_id: str,
        *,
        component_id: str | None = None,
        **options: Unpack[ListOptions],
    ) -> Paginator[OAuthClient]:
        """The tenant's OAuth clients, only the one of ``component_id`` when given (one
        request: the API does not page them).

        Examples:
            >>> created = await client.oauth_clients.create(
            ...     "TENANT_ID", client_id="petstore-app", client_secret="...",
            ...     component_id="COMPONENT_ID",
            ... )
            >>> async for oauth_client in client.oauth_clients.list(
            ...     "TENANT_ID", component_id="COMPONENT_ID"
            ... ):
            ...     print(oauth_client.client_id)
            petstore-app
        """
        return self._list(
            OAUTH_CLIENTS_LIST,
            OAuthClient,
            params={"filter[component]": component_id},
            options=options,
            tenant_id=tenant_id,
        )

    async def get(
        self, tenant_id: str, oauth_client_id: str, **options: Unpack[CallOptions]
    ) -> OAuthClient:
        """One OAuth client of the tenant.

        Examples:
            >>> created = await client.oauth_clients.create(
            ...     "TENANT_ID", client_id="petstore-app", client_secret="...",
            ...     component_id="COMPONENT_ID",
            ... )
            >>> found = await client.oauth_clients.get("TENANT_ID", created.id)
            >>> found.component_id == created.component_id
            True
        """
        return await self._one(
            OAUTH_CLIENTS_GET,
            OAuthClient,
            options=options,
            tenant_id=tenant_id,
            oauth_client_id=oauth_client_id,
        )

    async def create(
        self,
        tenant_id: str,
        *,
        client_id: str,
        client_secret: str,
        component_id: str,
        **options: Unpack[CallOptions],
    ) -> OAuthClient:
        """Add the tenant's OAuth client for a component; a second one for the same
        component raises `ConflictError`.

        Examples:
            >>> oauth_client = await client.oauth_clients.create(
            ...     "TENANT_ID",
            ...     client_id="petstore-app",
            ...     client_secret="...",
            ...     component_id="COMPONENT_ID",
            ... )
            >>> oauth_client.client_id
            'petstore-app'
        """
        body = self._body(
            OAUTH_CLIENTS_CREATE,
            attributes={"client_id": client_id, "client_secret": client_secret},
            relationships={"component": Identifier("component", component_id)},
        )
        return await self._one(
            OAUTH_CLIENTS_CREATE, OAuthClient, body=body, options=options, tenant_id=tenant_id
        )

    async def update(
        self,
        tenant_id: str,
        oauth_client_id: str,
        *,
        client_id: str | Unset = UNSET,
        client_secret: str | Unset = UNSET,
        component_id: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> OAuthClient:
        """Change an OAuth client's id, secret or component; what is left out stays.

        Raises:
            UsageError: nothing to change was given.

        Examples:
            >>> created = await client.oauth_clients.create(
            ...     "TENANT_ID", client_id="petstore-app", client_secret="...",
            ...     component_id="COMPONENT_ID",
            ... )
            >>> changed = await client.oauth_clients.update(
            ...     "TENANT_ID", created.id, client_id="petstore-app-2"
            ... )
            >>> changed.client_id
            'petstore-app-2'
        """
        if all(isinstance(v, Unset) for v in (client_id, client_secret, component_id)):
            raise UsageError(
                "oauth_clients.update() needs client_id, client_secret or component_id"
            )
        relationships: dict[str, RelationshipValue] = {}
        if not isinstance(component_id, Unset):
            relationships["component"] = Identifier("component", component_id)
        body = self._body(
            OAUTH_CLIENTS_UPDATE,
            id=oauth_client_id,
            attributes={"client_id": client_id, "client_secret": client_secret},
            relationships=relationships,
        )
        return await self._one(
            OAUTH_CLIENTS_UPDATE,
            OAuthClient,
            body=body,
            options=options,
            tenant_id=tenant_id,
            oauth_client_id=oauth_client_id,
        )

    async def delete(
        self, tenant_id: str, oauth_client_id: str, **options: Unpack[CallOptions]
    ) -> None:
        """Delete an OAuth client of the tenant.

        Examples:
            >>> created = await client.oauth_clients.create(
            ...     "TENANT_ID", client_id="petstore-app", client_secret="...",
            ...     component_id="COMPONENT_ID",
            ... )
            >>> await client.oauth_clients.delete("TENANT_ID", created.id)
        """
        await self._nothing(
            OAUTH_CLIENTS_DELETE,
            options=options,
            tenant_id=tenant_id,
            oauth_client_id=oauth_client_id,
        )
