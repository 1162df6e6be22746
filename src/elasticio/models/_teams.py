"""Developer teams, which own component repositories."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.models._declare import Model, model, to_many, to_one

__all__ = ["Team"]


@model("team")
class Team(Model):
    """A developer team of a contract.

    ``docker_registry`` (``uri`` and ``credentials``) is kept out of the repr: it may hold
    the registry's credentials. ``contract_id``, ``user_ids`` and ``component_ids`` come
    from the relationships.
    """

    id: str
    name: str | None = None
    docker_registry: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    contract_id: str | None = to_one("contract")
    user_ids: tuple[str, ...] = to_many("users")
    component_ids: tuple[str, ...] = to_many("components")

    @property
    def docker_registry_uri(self) -> str | None:
        """The external docker registry's URI, when the team has one."""
        uri = self.docker_registry.get("uri")
        return uri if isinstance(uri, str) else None
