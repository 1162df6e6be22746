"""``client.credentials``: component credentials of a workspace (API v2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from elasticio._catalog.v2 import (
    CREDENTIALS_CREATE,
    CREDENTIALS_DELETE,
    CREDENTIALS_GET,
    CREDENTIALS_LIST,
    CREDENTIALS_UPDATE,
)
from elasticio._errors import UsageError
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Document, Identifier, Resource, Unset, encode_document
from elasticio.models._credentials import Credential, credential_from
from elasticio.resources._base import Namespace, linked, of_type, one_resource, request

__all__ = ["Credentials"]


class Credentials(Namespace):
    """Credentials: list, get, create, update, delete.

    The API returns ``keys`` in clear text; :class:`Credential` keeps them out of its repr.

    Example:
        >>> credential = await client.credentials.create(  # doctest: +SKIP
        ...     keys={"apiKey": "..."}, component_id="...", workspace_id="..."
        ... )
    """

    def _credential(self, document: Document, resource: Resource) -> Credential:
        return credential_from(document, of_type(resource, "credential"))

    def list(self, *, workspace_id: str, component_id: str | None = None) -> Paginator[Credential]:
        """The credentials of a workspace, only those of one component when
        ``component_id`` is given. Iterate with ``async for``."""
        params = {"workspace_id": workspace_id, "filter[component]": component_id}
        return self._paginate(request(CREDENTIALS_LIST, params=params), self._credential)

    async def get(self, credential_id: str) -> Credential:
        """One credential, its keys included."""
        document = await self._client.fetch(request(CREDENTIALS_GET, credential_id=credential_id))
        return self._credential(document, one_resource(document, "credential"))

    async def create(
        self,
        *,
        keys: Mapping[str, Any],
        component_id: str,
        workspace_id: str,
        name: str | Unset = UNSET,
        vpn_agent_id: str | Unset = UNSET,
    ) -> Credential:
        """Create a credential for a component in a workspace.

        ``keys`` follows the component's ``credentials.fields``; without ``name`` the
        platform makes one up.
        """
        body = encode_document(
            "credential",
            attributes={"name": name, "keys": dict(keys)},
            relationships={
                "component": Identifier("component", component_id),
                "workspace": Identifier("workspace", workspace_id),
                "vpn_agent": linked("vpn-agent", vpn_agent_id),
            },
        )
        document = await self._client.fetch(request(CREDENTIALS_CREATE, json=body))
        return self._credential(document, one_resource(document, "credential"))

    async def update(
        self,
        credential_id: str,
        *,
        name: str | Unset = UNSET,
        keys: Mapping[str, Any] | Unset = UNSET,
        vpn_agent_id: str | Unset | None = UNSET,
    ) -> Credential:
        """Change a credential's name, keys or VPN agent; what is left out stays as it is.

        ``keys`` replaces the stored keys entirely, it is not merged: pass every key,
        not only the changed ones. ``vpn_agent_id=None`` sends a null relationship.

        Raises:
            UsageError: nothing to change was given.
        """
        if all(isinstance(v, Unset) for v in (name, keys, vpn_agent_id)):
            raise UsageError("credentials.update() needs name, keys or vpn_agent_id")
        body = encode_document(
            "credential",
            id=credential_id,
            attributes={"name": name, "keys": keys if isinstance(keys, Unset) else dict(keys)},
            relationships={"vpn_agent": linked("vpn-agent", vpn_agent_id)},
        )
        spec = request(CREDENTIALS_UPDATE, json=body, credential_id=credential_id)
        document = await self._client.fetch(spec)
        return self._credential(document, one_resource(document, "credential"))

    async def delete(self, credential_id: str) -> None:
        """Delete a credential."""
        await self._client.fetch(request(CREDENTIALS_DELETE, credential_id=credential_id))
