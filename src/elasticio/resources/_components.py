"""``client.components``: component repositories, versions, descriptors, env (API v2)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any, Literal

from elasticio._catalog.v2 import (
    COMPONENTS_CREATE,
    COMPONENTS_DELETE,
    COMPONENTS_DELETE_VERSION,
    COMPONENTS_DESCRIPTOR,
    COMPONENTS_DOCKER_PULL,
    COMPONENTS_GET,
    COMPONENTS_GET_ENV,
    COMPONENTS_GET_IN_WORKSPACE,
    COMPONENTS_LIST,
    COMPONENTS_LIST_ALL,
    COMPONENTS_LIST_IN_WORKSPACE,
    COMPONENTS_SET_ENV,
    COMPONENTS_UPDATE,
    COMPONENTS_VERSIONS,
)
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Document, Identifier, Resource, Unset, encode_document
from elasticio.models import Component, ComponentDescriptor, ComponentEnv, ComponentVersion
from elasticio.models._components import component_from, descriptor_from, env_from, version_from
from elasticio.resources._base import Namespace, linked, of_type, one_resource, request

__all__ = ["Components"]


Access = Literal["private", "public", "all"]


class Components(Namespace):
    """Component repositories: list, get, create, update, delete; versions, descriptors, env.

    Example:
        >>> component = await client.components.get("COMPONENT_ID")  # doctest: +SKIP
        >>> descriptor = await (await component.versions())[0].descriptor()  # doctest: +SKIP
    """

    def _component(self, document: Document, resource: Resource) -> Component:
        return component_from(self, document, of_type(resource, "component"))

    def list(
        self, *, contract_id: str, access: Access | None = None, page_size: int | None = None
    ) -> Paginator[Component]:
        """Components available to a contract; ``access`` filters by ``private``,
        ``public`` or ``all``. Iterate with ``async for``."""
        params = {"contract_id": contract_id, "filter[access]": access}
        return self._paginate(request(COMPONENTS_LIST, params=params), self._component, page_size)

    def list_all(
        self, *, contract_id: str | None = None, page_size: int | None = None
    ) -> Paginator[Component]:
        """Every component of the tenant (needs ``tenants.component.list_all``)."""
        return self._paginate(
            request(COMPONENTS_LIST_ALL, params={"contract_id": contract_id}),
            self._component,
            page_size,
        )

    def list_in_workspace(
        self, workspace_id: str, *, page_size: int | None = None
    ) -> Paginator[Component]:
        """Components usable in a workspace, honouring the contract's whitelist."""
        return self._paginate(
            request(COMPONENTS_LIST_IN_WORKSPACE, workspace_id=workspace_id),
            self._component,
            page_size,
        )

    async def get(self, component_id: str, *, workspace_id: str | None = None) -> Component:
        """One component with its latest version and descriptor. With ``workspace_id``,
        the whitelist-aware variant is used."""
        spec = (
            request(COMPONENTS_GET, component_id=component_id)
            if workspace_id is None
            else request(
                COMPONENTS_GET_IN_WORKSPACE, workspace_id=workspace_id, component_id=component_id
            )
        )
        document = await self._client.fetch(spec)
        return component_from(self, document, one_resource(document, "component"))

    async def versions(self, component_id: str) -> builtins.list[ComponentVersion]:
        """The builds of a component."""
        document = await self._client.fetch(request(COMPONENTS_VERSIONS, component_id=component_id))
        return [
            version_from(self, document, of_type(r, "version"), component_id)
            for r in document.primary
        ]

    async def descriptor(self, component_id: str, revision: str = "latest") -> ComponentDescriptor:
        """The descriptor (``component.json``) of a revision, or of the latest build."""
        spec = request(COMPONENTS_DESCRIPTOR, component_id=component_id, revision=revision)
        document = await self._client.fetch(spec)
        return descriptor_from(document, one_resource(document, "descriptor"))

    async def create(
        self,
        *,
        name: str,
        team_id: str,
        contract_id: str | Unset = UNSET,
        icon: str | Unset = UNSET,
        docker_repo_name: str | Unset = UNSET,
        docker_target_tag: str | Unset = UNSET,
    ) -> Component:
        """Create a component repository owned by a team."""
        body = encode_document(
            "component",
            attributes={
                "name": name,
                "icon": icon,
                "docker_repo_name": docker_repo_name,
                "docker_target_tag": docker_target_tag,
            },
            relationships={
                "team": Identifier("team", team_id),
                "contract": linked("contract", contract_id),
            },
        )
        document = await self._client.fetch(request(COMPONENTS_CREATE, json=body))
        return component_from(self, document, one_resource(document, "component"))

    async def update(
        self,
        component_id: str,
        *,
        access: Literal["tenant"] | str | Unset = UNSET,
        whitelisted_contract_ids: builtins.list[str] | tuple[str, ...] | Unset = UNSET,
    ) -> Component:
        """Raise ``access`` to ``tenant`` (irreversible) or set the contract whitelist."""
        whitelist = (
            whitelisted_contract_ids
            if isinstance(whitelisted_contract_ids, Unset)
            else list(whitelisted_contract_ids)
        )
        body = encode_document(
            "component",
            id=component_id,
            attributes={"access": access, "whitelisted_contract_ids": whitelist},
        )
        document = await self._client.fetch(
            request(COMPONENTS_UPDATE, json=body, component_id=component_id)
        )
        return component_from(self, document, one_resource(document, "component"))

    async def delete(self, component_id: str) -> None:
        """Delete a component (only when no flow uses it)."""
        await self._client.fetch(request(COMPONENTS_DELETE, component_id=component_id))

    async def delete_version(self, component_id: str, revision: str) -> None:
        """Delete one build (``latest`` for the most recent one), when no flow uses it."""
        await self._client.fetch(
            request(COMPONENTS_DELETE_VERSION, component_id=component_id, revision=revision)
        )

    async def get_env(self, component_id: str) -> ComponentEnv:
        """The component's environment variables."""
        document = await self._client.fetch(request(COMPONENTS_GET_ENV, component_id=component_id))
        return env_from(document, one_resource(document, "component-env"))

    async def set_env(self, component_id: str, variables: Mapping[str, Any]) -> ComponentEnv:
        """Replace the component's environment variables with ``variables``."""
        body = encode_document("component-env", attributes={"vars": dict(variables)})
        document = await self._client.fetch(
            request(COMPONENTS_SET_ENV, json=body, component_id=component_id)
        )
        return env_from(document, one_resource(document, "component-env"))

    async def docker_pull(self, component_id: str, revision: str = "latest") -> None:
        """Make the platform pull a version again from the external docker registry."""
        await self._client.fetch(
            request(COMPONENTS_DOCKER_PULL, component_id=component_id, revision=revision)
        )
