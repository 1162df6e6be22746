"""Contracts: members with contract roles, and the scope of workspaces and teams."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import attrs

from elasticio.testing._areas._membership import MemberTable, Roles
from elasticio.testing._areas.users.store import Users
from elasticio.testing._ids import IdFactory
from elasticio.testing._time import EmulatorClock

__all__ = ["DEFAULT_ROLES", "ContractRecord", "Contracts", "InviteRecord"]

DEFAULT_ROLES = (
    {"scope": "contracts", "role": "owner"},
    {"scope": "contracts", "role": "admin"},
    {"scope": "contracts", "role": "member"},
    {"scope": "workspaces", "role": "owner"},
    {"scope": "workspaces", "role": "admin"},
    {"scope": "workspaces", "role": "integrator"},
    {"scope": "workspaces", "role": "guest"},
)


@attrs.define(kw_only=True)
class InviteRecord:
    """A pending invitation to a contract, optionally into one of its workspaces."""

    id: str
    email: str
    roles: Roles
    workspace_id: str | None = None
    workspace_roles: Roles = attrs.Factory(list)


@attrs.define(kw_only=True)
class ContractRecord:
    """A contract: members with contract roles, and the roles its workspaces may give.

    ``status`` is ``active`` or ``suspended``; a suspension settles (its flows have
    stopped) at the monotonic instant ``settles_at``, and the contract reads as
    ``suspending`` until then (see `status_at`).
    """

    id: str = attrs.field(init=False, default="")
    name: str
    status: str = "active"
    settles_at: float = float("-inf")
    support_user_id: str | None = None
    invites: dict[str, InviteRecord] = attrs.Factory(dict)
    available_roles: list[dict[str, str]] = attrs.Factory(
        lambda: [dict(role) for role in DEFAULT_ROLES]
    )
    custom_data: dict[str, Any] = attrs.Factory(dict)
    members: dict[str, Roles] = attrs.Factory(dict)
    flow_stats_enabled_default: bool | None = None
    created_at: datetime
    updated_at: datetime

    def status_at(self, now: float) -> str:
        """``active``, ``suspending`` (its flows still stopping) or ``suspended``."""
        if self.status == "suspended" and now < self.settles_at:
            return "suspending"
        return self.status

    def owners(self) -> list[str]:
        """The ids of the members holding the ``owner`` role."""
        return [user_id for user_id, roles in self.members.items() if "owner" in roles]

    def roles_of(self, scope: str) -> set[str]:
        """The roles available in ``scope`` (``contracts`` or ``workspaces``)."""
        return {r["role"] for r in self.available_roles if r.get("scope") == scope}


class Contracts(MemberTable[ContractRecord]):
    def __init__(self, ids: IdFactory, clock: EmulatorClock, users: Users) -> None:
        super().__init__("contract", ids, users)
        self._clock = clock

    def create(
        self,
        *,
        name: str,
        owner_ids: Iterable[str] = (),
        custom_data: Mapping[str, Any] | None = None,
        created_at: datetime | None = None,
    ) -> ContractRecord:
        """A new active contract whose ``owner_ids`` hold the ``owner`` role."""
        when = created_at or self._clock.wall()
        contract = ContractRecord(
            name=name, custom_data=dict(custom_data or {}), created_at=when, updated_at=when
        )
        return self.add_with_owners(contract, owner_ids)

    def touch(self, contract: ContractRecord) -> None:
        """Mark ``contract`` as changed now (``updated_at``)."""
        contract.updated_at = self._clock.wall()

    def invite(
        self,
        contract_id: str,
        *,
        email: str,
        roles: Iterable[str],
        workspace_id: str | None = None,
        workspace_roles: Iterable[str] = (),
    ) -> InviteRecord:
        """A new pending invitation to the contract."""
        contract = self[contract_id]
        invite = InviteRecord(
            id=self._ids.next("contract-invite"),
            email=email,
            roles=list(roles),
            workspace_id=workspace_id,
            workspace_roles=list(workspace_roles),
        )
        contract.invites[invite.id] = invite
        return invite
