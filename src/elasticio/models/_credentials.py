"""Credentials: the secrets a component uses to reach an outside system."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.jsonapi import Document, Resource
from elasticio.models._structure import linked_id, sdk_field, structure_resource

__all__ = ["Credential", "credential_from"]


@attrs.frozen(kw_only=True)
class Credential:
    """A credential of a workspace, for one component.

    ``keys`` holds the secrets in clear text, shaped by the component's
    ``credentials.fields``; it never appears in the repr, and neither does ``extra``
    (an undocumented attribute of a credential may be a secret too). The ids come from
    the relationships.
    """

    id: str
    name: str | None = None
    keys: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    extra: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    component_id: str | None = sdk_field(default=None)
    workspace_id: str | None = sdk_field(default=None)
    user_id: str | None = sdk_field(default=None)
    vpn_agent_id: str | None = sdk_field(default=None)


def credential_from(document: Document, resource: Resource) -> Credential:
    """Structure a ``credential`` resource."""
    del document
    return structure_resource(
        Credential,
        resource,
        component_id=linked_id(resource, "component"),
        workspace_id=linked_id(resource, "workspace"),
        user_id=linked_id(resource, "user"),
        vpn_agent_id=linked_id(resource, "vpn_agent"),
    )
