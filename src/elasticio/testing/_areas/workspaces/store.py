"""Workspaces: members with workspace roles, and the home of flows, credentials, data
samples and executions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import attrs

from elasticio.testing._areas._membership import MemberTable, Roles
from elasticio.testing._areas.contracts.store import Contracts
from elasticio.testing._areas.users.store import Users
from elasticio.testing._ids import IdFactory

__all__ = ["WorkspaceRecord", "Workspaces"]


@attrs.define(kw_only=True)
class WorkspaceRecord:
    """A workspace of a contract; a ``limited`` one ignores the component whitelist."""

    id: str = attrs.field(init=False, default="")
    contract_id: str
    name: str
    type: Literal["full", "limited"] = "full"
    members: dict[str, Roles] = attrs.Factory(dict)
    flow_stats_enabled_default: bool | None = None


class Workspaces(MemberTable[WorkspaceRecord]):
    def __init__(self, ids: IdFactory, users: Users, contracts: Contracts) -> None:
        super().__init__("workspace", ids, users, refs={"contract_id": contracts})

    def create(
        self,
        *,
        contract_id: str,
        name: str,
        type: Literal["full", "limited"] = "full",
        owner_ids: Iterable[str] = (),
    ) -> WorkspaceRecord:
        """A new workspace in a contract; ``owner_ids`` join it as owners."""
        workspace = WorkspaceRecord(contract_id=contract_id, name=name, type=type)
        return self.add_with_owners(workspace, owner_ids)
