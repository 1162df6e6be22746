"""``client.v1.components``: component descriptors (API v1)."""

from __future__ import annotations

from typing import Unpack

from elasticio._catalog.v1 import V1_COMPONENTS_GET, V1_COMPONENTS_MINE, V1_COMPONENTS_PUBLIC
from elasticio._options import CallOptions
from elasticio.models._v1 import V1Component
from elasticio.resources._base import Namespace

__all__ = ["V1Components"]


class V1Components(Namespace):
    """The latest descriptors of components, in API v1: the caller's teams' (``mine``),
    the shared ones (``public``), one. v2's ``client.components`` has the versions."""

    async def mine(self, **options: Unpack[CallOptions]) -> list[V1Component]:
        """The components of the caller's teams.

        Examples:
            >>> components = await client.v1.components.mine()
            >>> [component.data["title"] for component in components]
            ['Petstore API']
        """
        return await self._objects(
            V1_COMPONENTS_MINE, V1Component, member="components", options=options
        )

    async def public(self, **options: Unpack[CallOptions]) -> list[V1Component]:
        """The components shared with the tenant or with everyone.

        Examples:
            >>> components = await client.v1.components.public()
            >>> "Timer" in [component.data["title"] for component in components]
            True
        """
        return await self._objects(
            V1_COMPONENTS_PUBLIC, V1Component, member="components", options=options
        )

    async def get(self, component_id: str, **options: Unpack[CallOptions]) -> V1Component:
        """One component, with its repository's and team's names.

        Examples:
            >>> component = await client.v1.components.get("COMPONENT_ID")
            >>> component.name, component.team
            ('petstore', 'acme-dev')
        """
        return await self._object(
            V1_COMPONENTS_GET, V1Component, component_id=component_id, options=options
        )
