"""``client.components``: component repositories, versions, descriptors, env (API v2)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any, Literal, Unpack

from elasticio._catalog.v2 import (
    COMPONENTS_CREATE,
    COMPONENTS_DELETE,
    COMPONENTS_DELETE_VERSION,
    COMPONENTS_DESCRIPTOR,
    COMPONENTS_DOCKER_PULL,
    COMPONENTS_DOCKER_PULL_LATEST,
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
from elasticio._checks import strings
from elasticio._literals import ComponentAccess
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Identifier, Unset
from elasticio.models._components import (
    Component,
    ComponentDescriptor,
    ComponentEnv,
    ComponentVersion,
)
from elasticio.resources._base import Namespace, linked

__all__ = ["Components"]


class Components(Namespace):
    """Component repositories: list, get, create, update, delete; versions, descriptors, env.

    The component lists are not paged (the API answers with every component at once);
    they are still iterated with ``async for``, and follow ``links.next`` should a server
    send one.

    Examples:
        >>> component = await client.components.get("COMPONENT_ID")  # doctest: +SKIP
        >>> descriptor = await (await component.versions())[0].descriptor()  # doctest: +SKIP
    """

    def list(
        self,
        *,
        contract_id: str,
        access: ComponentAccess | None = None,
        **options: Unpack[ListOptions],
    ) -> Paginator[Component]:
        """Components available to a contract; ``access`` filters by ``private``,
        ``public`` or ``all``. Iterate with ``async for``.

        Examples:
            >>> private = client.components.list(contract_id="CONTRACT_ID", access="private")
            >>> async for component in private:
            ...     print(component.name, component.team_name)
            petstore acme-dev
        """
        params = {"contract_id": contract_id, "filter[access]": access}
        return self._list(COMPONENTS_LIST, Component, params=params, options=options)

    def list_all(
        self, *, contract_id: str | None = None, **options: Unpack[ListOptions]
    ) -> Paginator[Component]:
        """Every component of the tenant (needs ``tenants.component.list_all``), or only
        those of ``contract_id``. Iterate with ``async for``.

        Examples:
            >>> components = await client.components.list_all().collect()
        """
        return self._list(
            COMPONENTS_LIST_ALL, Component, params={"contract_id": contract_id}, options=options
        )

    def list_in_workspace(
        self, workspace_id: str, **options: Unpack[ListOptions]
    ) -> Paginator[Component]:
        """Components usable in a workspace, honouring the contract's whitelist. Iterate
        with ``async for``.

        Examples:
            >>> names = [c.name async for c in client.components.list_in_workspace("WORKSPACE_ID")]
        """
        return self._list(
            COMPONENTS_LIST_IN_WORKSPACE, Component, workspace_id=workspace_id, options=options
        )

    async def get(
        self, component_id: str, *, workspace_id: str | None = None, **options: Unpack[CallOptions]
    ) -> Component:
        """One component with its latest version and descriptor. With ``workspace_id``,
        the whitelist-aware variant is used.

        Examples:
            >>> component = await client.components.get("COMPONENT_ID")
            >>> component.latest_version_id is not None
            True
            >>> usable = await client.components.get("COMPONENT_ID", workspace_id="WORKSPACE_ID")
        """
        if workspace_id is None:
            return await self._one(
                COMPONENTS_GET, Component, component_id=component_id, options=options
            )
        return await self._one(
            COMPONENTS_GET_IN_WORKSPACE,
            Component,
            workspace_id=workspace_id,
            component_id=component_id,
            options=options,
        )

    async def versions(
        self, component_id: str, **options: Unpack[CallOptions]
    ) -> builtins.list[ComponentVersion]:
        """The builds of a component.

        Examples:
            >>> for version in await client.components.versions("COMPONENT_ID"):
            ...     print(version.id, version.version_number, version.date)
        """
        return await self._many(
            COMPONENTS_VERSIONS, ComponentVersion, component_id=component_id, options=options
        )

    async def descriptor(
        self, component_id: str, revision: str = "latest", **options: Unpack[CallOptions]
    ) -> ComponentDescriptor:
        """The descriptor (``component.json``) of a revision, or of the latest build.

        Examples:
            >>> descriptor = await client.components.descriptor("COMPONENT_ID")
            >>> sorted(descriptor.actions), sorted(descriptor.triggers)
            (['createPetWithPromise', 'deletePet'], ['getPetsByStatus'])
        """
        return await self._one(
            COMPONENTS_DESCRIPTOR,
            ComponentDescriptor,
            component_id=component_id,
            revision=revision,
            options=options,
        )

    async def create(
        self,
        *,
        name: str,
        team_id: str,
        contract_id: str | Unset = UNSET,
        icon: str | Unset = UNSET,
        docker_repo_name: str | Unset = UNSET,
        docker_target_tag: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Component:
        """Create a component repository owned by a team.

        Examples:
            >>> component = await client.components.create(name="my-component", team_id="TEAM_ID")
            >>> component.name
            'my-component'
        """
        body = self._body(
            COMPONENTS_CREATE,
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
        return await self._one(COMPONENTS_CREATE, Component, body=body, options=options)

    async def update(
        self,
        component_id: str,
        *,
        access: Literal["tenant"] | str | Unset = UNSET,
        whitelisted_contract_ids: builtins.list[str] | tuple[str, ...] | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Component:
        """Raise ``access`` to ``tenant`` (irreversible) or set the contract whitelist.

        Examples:
            >>> component = await client.components.update(
            ...     "COMPONENT_ID", whitelisted_contract_ids=["CONTRACT_ID"]
            ... )
        """
        whitelist = (
            whitelisted_contract_ids
            if isinstance(whitelisted_contract_ids, Unset)
            else list(strings("whitelisted_contract_ids", whitelisted_contract_ids))
        )
        body = self._body(
            COMPONENTS_UPDATE,
            id=component_id,
            attributes={"access": access, "whitelisted_contract_ids": whitelist},
        )
        return await self._one(
            COMPONENTS_UPDATE, Component, body=body, component_id=component_id, options=options
        )

    async def delete(self, component_id: str, **options: Unpack[CallOptions]) -> None:
        """Delete a component (only when no flow uses it).

        Examples:
            >>> scratch = await client.components.create(name="scratch", team_id="TEAM_ID")
            >>> await client.components.delete(scratch.id)
        """
        await self._nothing(COMPONENTS_DELETE, component_id=component_id, options=options)

    async def delete_version(
        self, component_id: str, revision: str, **options: Unpack[CallOptions]
    ) -> None:
        """Delete one build (``latest`` for the most recent one), when no flow uses it.

        Examples:
            >>> oldest, *newer = await client.components.versions("COMPONENT_ID")
            >>> await client.components.delete_version("COMPONENT_ID", oldest.id)
        """
        await self._nothing(
            COMPONENTS_DELETE_VERSION, component_id=component_id, revision=revision, options=options
        )

    async def get_env(self, component_id: str, **options: Unpack[CallOptions]) -> ComponentEnv:
        """The component's environment variables.

        Examples:
            >>> env = await client.components.get_env("COMPONENT_ID")
            >>> sorted(env.vars)
            ['API_URL']
        """
        return await self._one(
            COMPONENTS_GET_ENV, ComponentEnv, component_id=component_id, options=options
        )

    async def set_env(
        self, component_id: str, variables: Mapping[str, Any], **options: Unpack[CallOptions]
    ) -> ComponentEnv:
        """Replace the component's environment variables with ``variables``.

        Examples:
            >>> env = await client.components.set_env(
            ...     "COMPONENT_ID", {"API_URL": "https://petstore.example.com", "RETRIES": "3"}
            ... )
        """
        body = self._body(COMPONENTS_SET_ENV, attributes={"vars": dict(variables)})
        return await self._one(
            COMPONENTS_SET_ENV, ComponentEnv, body=body, component_id=component_id, options=options
        )

    async def docker_pull(
        self, component_id: str, revision: str | None = "latest", **options: Unpack[CallOptions]
    ) -> None:
        """Make the platform pull a version again from the external docker registry;
        ``revision=None`` leaves the version out of the path (the platform pulls the
        latest).

        Examples:
            >>> await client.components.docker_pull("COMPONENT_ID")  # the latest build
            >>> await client.components.docker_pull("COMPONENT_ID", revision=None)  # no version
        """
        if revision is None:
            await self._nothing(
                COMPONENTS_DOCKER_PULL_LATEST, component_id=component_id, options=options
            )
        else:
            await self._nothing(
                COMPONENTS_DOCKER_PULL,
                component_id=component_id,
                revision=revision,
                options=options,
            )
