"""Contracts, their members and their pending invites."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from elasticio.models._declare import Model, included, model, to_many, to_one
from elasticio.models._memberships import Invitation, Membership

__all__ = ["Contract", "ContractInvite", "ContractMember", "ContractPolicy", "ContractRole"]


@model("contract-member")
class ContractMember(Membership):
    """A user's membership of a contract, with their contract ``roles``; ``user_id``
    comes from the ``user`` relationship, or is the member's ``id`` (see
    `Membership`)."""


@model("contract-invite")
class ContractInvite(Invitation):
    """A pending invitation to a contract, optionally into one of its workspaces
    (``workspace_id``, with ``workspace_roles`` there)."""

    workspace_id: str | None = None
    workspace_roles: tuple[str, ...] = ()


@model("contract")
class Contract(Model):
    """A contract: the scope of members, workspaces and developer teams.

    ``available_roles`` holds ``{"scope", "role"}`` objects; ``custom_data`` is only sent
    to users allowed to read it; ``created_at`` and ``updated_at`` are aware datetimes.
    ``member_ids`` and ``invite_ids`` come from the relationships; ``members`` and
    ``invites`` are built when the document includes them (``get(..., include=...)``)
    and are None otherwise.

    Examples:
        >>> contract = await client.contracts.get(  # doctest: +SKIP
        ...     "CONTRACT_ID", include="members"
        ... )
        >>> [m.email for m in contract.members or ()]  # doctest: +SKIP
    """

    id: str
    name: str | None = None
    status: str | None = None
    available_roles: tuple[Mapping[str, Any], ...] = ()
    support_user_id: str | None = None
    custom_data: Mapping[str, Any] = attrs.field(factory=dict)
    flow_stats_enabled_default: bool | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None
    member_ids: tuple[str, ...] = to_many("members")
    invite_ids: tuple[str, ...] = to_many("invites")
    members: tuple[ContractMember, ...] | None = included("members")
    invites: tuple[ContractInvite, ...] | None = included("invites")


@attrs.frozen(kw_only=True)
class ContractRole:
    """A role a contract's members (``scope="contracts"``) or its workspaces' members
    (``scope="workspaces"``) can hold, with the ``permissions`` it grants and its names
    by language (``i18n``). Members the SDK has no field for are kept in ``extra``.

    Examples:
        >>> ContractRole(role="guest", scope="workspaces").permissions
        ()
    """

    role: str
    scope: str
    permissions: tuple[str, ...] = ()
    i18n: Mapping[str, str] = attrs.field(factory=dict)
    extra: Mapping[str, Any] = attrs.field(factory=dict)


@model("contract-policy")
class ContractPolicy(Model):
    """The roles of a contract and what each permits (``client.contracts.roles``).

    Examples:
        >>> policy = await client.contracts.roles("CONTRACT_ID")  # doctest: +SKIP
        >>> policy.permissions("contracts", "admin")  # doctest: +SKIP
    """

    id: str
    roles: tuple[ContractRole, ...] = ()
    contract_id: str | None = to_one("contract")

    def permissions(self, scope: str, role: str) -> tuple[str, ...]:
        """The permissions ``role`` grants in ``scope``; () for a role the policy lacks.

        Examples:
            >>> policy = ContractPolicy(
            ...     id="p1", roles=(ContractRole(role="member", scope="contracts",
            ...                                  permissions=("contracts.workspace.create",)),)
            ... )
            >>> policy.permissions("contracts", "member")
            ('contracts.workspace.create',)
        """
        for found in self.roles:
            if (found.scope, found.role) == (scope, role):
                return found.permissions
        return ()
