"""Developer teams, which own component repositories."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.jsonapi import Document, Resource
from elasticio.models._structure import linked_id, linked_ids, sdk_field, structure_resource

__all__ = ["Team", "team_from"]


@attrs.frozen(kw_only=True)
class Team:
    """A developer team of a contract.

    ``docker_registry`` (``uri`` and ``credentials``) is kept out of the repr: it may hold
    the registry's credentials. ``contract_id``, ``user_ids`` and ``component_ids`` come
    from the relationships.
    """

    id: str
    name: str | None = None
    docker_registry: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    contract_id: str | None = sdk_field(default=None)
    user_ids: tuple[str, ...] = sdk_field(default=())
    component_ids: tuple[str, ...] = sdk_field(default=())

    @property
    def docker_registry_uri(self) -> str | None:
        """The external docker registry's URI, when the team has one."""
        uri = self.docker_registry.get("uri")
        return uri if isinstance(uri, str) else None


def team_from(document: Document, resource: Resource) -> Team:
    """Structure a ``team`` resource."""
    del document
    return structure_resource(
        Team,
        resource,
        contract_id=linked_id(resource, "contract"),
        user_ids=linked_ids(resource, "users"),
        component_ids=linked_ids(resource, "components"),
    )
