"""Developer teams, owning component repositories."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from elasticio.testing._areas.contracts.store import Contracts
from elasticio.testing._areas.users.store import Users
from elasticio.testing._ids import IdFactory
from elasticio.testing._table import Table

__all__ = ["TeamRecord", "Teams"]


def _listed(user_ids: Iterable[str]) -> list[str]:
    return list(user_ids)


@attrs.define(kw_only=True)
class TeamRecord:
    """A developer team; the platform's own (global components) has no contract.

    ``docker_registry`` (``uri`` and ``credentials``) is stored as given, never shown.
    """

    id: str = attrs.field(init=False, default="")
    name: str
    contract_id: str | None
    user_ids: list[str] = attrs.field(factory=list, converter=_listed)
    docker_registry: dict[str, Any] | None = attrs.field(default=None, repr=False)


class Teams(Table[TeamRecord]):
    """Teams; adding one checks its contract and its users exist."""

    def __init__(self, ids: IdFactory, users: Users, contracts: Contracts) -> None:
        super().__init__("team", ids, refs={"contract_id": contracts, "user_ids": users})
