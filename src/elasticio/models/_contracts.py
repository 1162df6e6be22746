"""Contracts, their members and their pending invites."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.jsonapi import Document, Resource
from elasticio.models._structure import (
    linked_id,
    linked_ids,
    resolve_all,
    sdk_field,
    structure_resource,
)

__all__ = [
    "Contract",
    "ContractInvite",
    "ContractMember",
    "contract_from",
    "contract_invite_from",
    "contract_member_from",
]


@attrs.frozen(kw_only=True)
class ContractMember:
    """A user's membership of a contract: who, and their contract ``roles``.

    ``user_id`` comes from the ``user`` relationship; a member's own ``id`` is the user's
    id as well, and stands in when the relationship is missing.
    """

    id: str
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    roles: tuple[str, ...] = ()
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    user_id: str | None = sdk_field(default=None)


@attrs.frozen(kw_only=True)
class ContractInvite:
    """A pending invitation to a contract, optionally into one of its workspaces."""

    id: str
    email: str | None = None
    roles: tuple[str, ...] = ()
    workspace_id: str | None = None
    workspace_roles: tuple[str, ...] = ()
    extra: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen(kw_only=True)
class Contract:
    """A contract: the scope of members, workspaces and developer teams.

    ``available_roles`` holds ``{"scope", "role"}`` objects; ``custom_data`` is only sent
    to users allowed to read it. ``member_ids`` and ``invite_ids`` come from the
    relationships; ``members`` and ``invites`` are filled when the document includes
    them (``get(..., include=...)``) and are None otherwise.
    """

    id: str
    name: str | None = None
    status: str | None = None
    available_roles: tuple[Mapping[str, Any], ...] = ()
    support_user_id: str | None = None
    custom_data: Mapping[str, Any] = attrs.field(factory=dict)
    flow_stats_enabled_default: bool | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    member_ids: tuple[str, ...] = sdk_field(default=())
    invite_ids: tuple[str, ...] = sdk_field(default=())
    members: tuple[ContractMember, ...] | None = sdk_field(default=None)
    invites: tuple[ContractInvite, ...] | None = sdk_field(default=None)


def contract_member_from(document: Document, resource: Resource) -> ContractMember:
    """Structure a ``contract-member`` resource."""
    del document
    return structure_resource(
        ContractMember,
        resource,
        user_id=linked_id(resource, "user") or resource.id,
    )


def contract_invite_from(document: Document, resource: Resource) -> ContractInvite:
    """Structure a ``contract-invite`` resource."""
    del document
    return structure_resource(ContractInvite, resource)


def contract_from(document: Document, resource: Resource) -> Contract:
    """Structure a ``contract`` resource, with members and invites the document includes."""
    return structure_resource(
        Contract,
        resource,
        member_ids=linked_ids(resource, "members"),
        invite_ids=linked_ids(resource, "invites"),
        members=resolve_all(document, resource, "members", "contract-member", contract_member_from),
        invites=resolve_all(document, resource, "invites", "contract-invite", contract_invite_from),
    )
