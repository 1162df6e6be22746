"""``client.auth_clients``: OAuth (and other) clients registered globally or in a tenant,
contract or workspace (API v2)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Unpack

from elasticio._catalog.v2 import (
    AUTH_CLIENTS_CREATE,
    AUTH_CLIENTS_DELETE,
    AUTH_CLIENTS_GET,
    AUTH_CLIENTS_LIST,
    AUTH_CLIENTS_UPDATE,
)
from elasticio._errors import UsageError
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Identifier, RelationshipValue, Unset
from elasticio.models._auth import AuthClient
from elasticio.resources._base import Namespace

__all__ = ["AuthClients"]


def _scope(
    method: str, workspace_id: str | None, contract_id: str | None, tenant_id: str | None
) -> dict[str, str]:
    """The one scope given, as ``{kind: id}`` (empty: global).

    Raises:
        UsageError: more than one scope was given.
    """
    given = {
        kind: value
        for kind, value in (
            ("workspace", workspace_id),
            ("contract", contract_id),
            ("tenant", tenant_id),
        )
        if value is not None
    }
    if len(given) > 1:
        raise UsageError(
            f"auth_clients.{method}() takes one of workspace_id, contract_id and tenant_id"
        )
    return given


def _components(component_ids: Iterable[str]) -> list[Identifier]:
    if isinstance(component_ids, str):
        raise UsageError("component_ids is a list of ids, not one string")
    return [Identifier("component", component_id) for component_id in component_ids]


class AuthClients(Namespace):
    """Auth clients: list, get, create, update, delete.

    A client lives in the global scope or in one tenant, contract or workspace, and is
    usable below it (a tenant's client in all its workspaces). Reads name the scope they
    look from (``workspace_id``, ``contract_id`` or ``tenant_id``); the platform shows a
    client's ``credentials`` only to a caller whose permission has the client's own scope.

    Examples:
        >>> client_ = await client.auth_clients.get(  # doctest: +SKIP
        ...     "AUTH_CLIENT_ID", workspace_id="WORKSPACE_ID"
        ... )
    """

    def list(
        self,
        *,
        workspace_id: str | None = None,
        contract_id: str | None = None,
        tenant_id: str | None = None,
        component_id: str | None = None,
        **options: Unpack[ListOptions],
    ) -> Paginator[AuthClient]:
        """The auth clients usable in one scope (the scopes above it included), only those
        of one component when ``component_id`` is given; without a scope, the global
        clients only (one request: the API does not page them).

        Raises:
            UsageError: more than one scope was given.

        Examples:
            >>> async for auth_client in client.auth_clients.list(workspace_id="WORKSPACE_ID"):
            ...     print(auth_client.name, auth_client.scope)
            Petstore OAuth app contract
        """
        scope = _scope("list", workspace_id, contract_id, tenant_id)
        params = {f"{kind}_id": value for kind, value in scope.items()}
        return self._list(
            AUTH_CLIENTS_LIST,
            AuthClient,
            params={**params, "filter[component]": component_id},
            options=options,
        )

    async def get(
        self,
        auth_client_id: str,
        *,
        workspace_id: str | None = None,
        contract_id: str | None = None,
        tenant_id: str | None = None,
        **options: Unpack[CallOptions],
    ) -> AuthClient:
        """One auth client, looked at from a scope it is usable in; the docs require the
        scope for any client that is not global.

        Raises:
            UsageError: more than one scope was given.

        Examples:
            >>> auth_client = await client.auth_clients.get(
            ...     "AUTH_CLIENT_ID", contract_id="CONTRACT_ID"
            ... )
            >>> auth_client.credentials["token_uri"]
            'https://petstore.example.com/oauth/token'
        """
        scope = _scope("get", workspace_id, contract_id, tenant_id)
        params = {f"{kind}_id": value for kind, value in scope.items()}
        return await self._one(
            AUTH_CLIENTS_GET,
            AuthClient,
            params=params,
            auth_client_id=auth_client_id,
            options=options,
        )

    async def create(
        self,
        *,
        name: str,
        type: str,
        credentials: Mapping[str, Any],
        component_ids: Iterable[str],
        workspace_id: str | None = None,
        contract_id: str | None = None,
        tenant_id: str | None = None,
        **options: Unpack[CallOptions],
    ) -> AuthClient:
        """Register an auth client for some components, in one scope or (none given)
        globally.

        ``type`` is ``oauth2`` (``credentials`` then holds ``client_id``,
        ``client_secret``, ``auth_uri``, ``token_uri``, ``refresh_token_uri`` and, if
        wanted, ``token_expires_in``), or ``noauth``, ``basic`` or ``api_key`` (any
        ``credentials``, even empty).

        Raises:
            UsageError: more than one scope was given.

        Examples:
            >>> auth_client = await client.auth_clients.create(
            ...     name="Petstore app (staging)",
            ...     type="oauth2",
            ...     credentials={
            ...         "client_id": "petstore-staging",
            ...         "client_secret": "...",
            ...         "auth_uri": "https://petstore.example.com/oauth/authorize",
            ...         "token_uri": "https://petstore.example.com/oauth/token",
            ...         "refresh_token_uri": "https://petstore.example.com/oauth/token",
            ...     },
            ...     component_ids=["COMPONENT_ID"],
            ...     workspace_id="WORKSPACE_ID",
            ... )
            >>> auth_client.scope
            'workspace'
        """
        scope = _scope("create", workspace_id, contract_id, tenant_id)
        relationships: dict[str, RelationshipValue] = {"components": _components(component_ids)}
        relationships.update({kind: Identifier(kind, value) for kind, value in scope.items()})
        body = self._body(
            AUTH_CLIENTS_CREATE,
            attributes={"name": name, "type": type, "credentials": dict(credentials)},
            relationships=relationships,
        )
        return await self._one(AUTH_CLIENTS_CREATE, AuthClient, body=body, options=options)

    async def update(
        self,
        auth_client_id: str,
        *,
        name: str | Unset = UNSET,
        credentials: Mapping[str, Any] | Unset = UNSET,
        component_ids: Iterable[str] | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> AuthClient:
        """Rename an auth client, change its credentials or the components that use it;
        what is left out stays as it is.

        For an ``oauth2`` client only ``client_secret`` and ``token_expires_in`` of
        ``credentials`` may change (the rest stays); other clients take any
        ``credentials``. ``component_ids`` replaces the list.

        Raises:
            UsageError: nothing to change was given.

        Examples:
            >>> auth_client = await client.auth_clients.update(
            ...     "AUTH_CLIENT_ID", credentials={"token_expires_in": 7200}
            ... )
            >>> auth_client.credentials["token_expires_in"]
            7200
        """
        if all(isinstance(v, Unset) for v in (name, credentials, component_ids)):
            raise UsageError("auth_clients.update() needs name, credentials or component_ids")
        attributes = {
            "name": name,
            "credentials": credentials if isinstance(credentials, Unset) else dict(credentials),
        }
        relationships: dict[str, RelationshipValue] = {}
        if not isinstance(component_ids, Unset):
            relationships["components"] = _components(component_ids)
        body = self._body(
            AUTH_CLIENTS_UPDATE,
            id=auth_client_id,
            attributes=attributes,
            relationships=relationships,
        )
        return await self._one(
            AUTH_CLIENTS_UPDATE,
            AuthClient,
            body=body,
            auth_client_id=auth_client_id,
            options=options,
        )

    async def delete(self, auth_client_id: str, **options: Unpack[CallOptions]) -> None:
        """Delete an auth client; the platform refuses (409, `ConflictError`) while
        secrets use it.

        Examples:
            >>> spare = await client.auth_clients.create(
            ...     name="Spare", type="noauth", credentials={}, component_ids=["COMPONENT_ID"]
            ... )
            >>> await client.auth_clients.delete(spare.id)
        """
        await self._nothing(AUTH_CLIENTS_DELETE, auth_client_id=auth_client_id, options=options)
