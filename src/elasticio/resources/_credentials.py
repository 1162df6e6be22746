"""``client.credentials``: component credentials of a workspace (API v2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

from elasticio._catalog import Entry
from elasticio._catalog.v2 import (
    CREDENTIALS_CREATE,
    CREDENTIALS_DELETE,
    CREDENTIALS_GET,
    CREDENTIALS_LIST,
    CREDENTIALS_UPDATE,
)
from elasticio._errors import UsageError
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Identifier, RelationshipValue, Unset
from elasticio.models._credentials import Credential
from elasticio.resources._base import Namespace, linked

__all__ = ["Credentials"]


class Credentials(Namespace):
    """Credentials: list, get, create, update, delete.

    The API returns ``keys`` in clear text; [`Credential`][elasticio.Credential] keeps
    them out of its repr.

    Examples:
        >>> credential = await client.credentials.create(  # doctest: +SKIP
        ...     keys={"apiKey": "..."}, component_id="COMPONENT_ID", workspace_id="WORKSPACE_ID"
        ... )
    """

    def _document(
        self,
        entry: Entry,
        *,
        id: str | None = None,
        name: str | Unset,
        keys: Mapping[str, Any] | Unset,
        vpn_agent_id: str | Unset | None,
        **links: RelationshipValue,
    ) -> dict[str, Any]:
        """The request document of create or update: what is UNSET is left out."""
        attributes = {"name": name, "keys": keys if isinstance(keys, Unset) else dict(keys)}
        relationships = {**links, "vpn_agent": linked("vpn-agent", vpn_agent_id)}
        return self._body(entry, id=id, attributes=attributes, relationships=relationships)

    def list(
        self, *, workspace_id: str, component_id: str | None = None, **options: Unpack[ListOptions]
    ) -> Paginator[Credential]:
        """The credentials of a workspace, only those of one component when
        ``component_id`` is given (one request: the API does not page them). Iterate with
        ``async for``.

        Examples:
            >>> async for credential in client.credentials.list(
            ...     workspace_id="WORKSPACE_ID", component_id="COMPONENT_ID"
            ... ):
            ...     print(credential.name)
            Petstore demo key
        """
        params = {"workspace_id": workspace_id, "filter[component]": component_id}
        return self._list(CREDENTIALS_LIST, Credential, params=params, options=options)

    async def get(self, credential_id: str, **options: Unpack[CallOptions]) -> Credential:
        """One credential, its keys included.

        Examples:
            >>> credential = await client.credentials.get("CREDENTIAL_ID")
            >>> sorted(credential.keys)
            ['apiKey']
        """
        return await self._one(
            CREDENTIALS_GET, Credential, credential_id=credential_id, options=options
        )

    async def create(
        self,
        *,
        keys: Mapping[str, Any],
        component_id: str,
        workspace_id: str,
        name: str | Unset = UNSET,
        vpn_agent_id: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Credential:
        """Create a credential for a component in a workspace.

        ``keys`` follows the component's ``credentials.fields``; without ``name`` the
        platform makes one up.

        Examples:
            >>> credential = await client.credentials.create(
            ...     keys={"apiKey": "..."},
            ...     component_id="COMPONENT_ID",
            ...     workspace_id="WORKSPACE_ID",
            ...     name="Petstore (staging)",
            ... )
        """
        body = self._document(
            CREDENTIALS_CREATE,
            name=name,
            keys=keys,
            vpn_agent_id=vpn_agent_id,
            component=Identifier("component", component_id),
            workspace=Identifier("workspace", workspace_id),
        )
        return await self._one(CREDENTIALS_CREATE, Credential, body=body, options=options)

    async def update(
        self,
        credential_id: str,
        *,
        name: str | Unset = UNSET,
        keys: Mapping[str, Any] | Unset = UNSET,
        vpn_agent_id: str | Unset | None = UNSET,
        **options: Unpack[CallOptions],
    ) -> Credential:
        """Change a credential's name, keys or VPN agent; what is left out stays as it is.

        ``keys`` replaces the stored keys entirely, it is not merged: pass every key,
        not only the changed ones. ``vpn_agent_id=None`` sends a null relationship.

        Raises:
            UsageError: nothing to change was given.

        Examples:
            >>> credential = await client.credentials.update(
            ...     "CREDENTIAL_ID", name="Petstore (rotated)", keys={"apiKey": "..."}
            ... )
        """
        if all(isinstance(v, Unset) for v in (name, keys, vpn_agent_id)):
            raise UsageError("credentials.update() needs name, keys or vpn_agent_id")
        body = self._document(
            CREDENTIALS_UPDATE, id=credential_id, name=name, keys=keys, vpn_agent_id=vpn_agent_id
        )
        return await self._one(
            CREDENTIALS_UPDATE, Credential, body=body, credential_id=credential_id, options=options
        )

    async def delete(self, credential_id: str, **options: Unpack[CallOptions]) -> None:
        """Delete a credential.

        Examples:
            >>> await client.credentials.delete("CREDENTIAL_ID")
        """
        await self._nothing(CREDENTIALS_DELETE, credential_id=credential_id, options=options)
