"""``client.teams``: developer teams of a contract (API v2)."""

from __future__ import annotations

from typing import Unpack

from elasticio._catalog.v2 import TEAMS_GET, TEAMS_LIST
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.models._teams import Team
from elasticio.resources._base import Namespace

__all__ = ["Teams"]


class Teams(Namespace):
    """Developer teams, which own component repositories.

    Examples:
        >>> teams = await client.teams.list(contract_id="CONTRACT_ID").collect()  # doctest: +SKIP
    """

    def list(self, *, contract_id: str, **options: Unpack[ListOptions]) -> Paginator[Team]:
        """The caller's teams in a contract. Iterate with ``async for``.

        Examples:
            >>> async for team in client.teams.list(contract_id="CONTRACT_ID"):
            ...     print(team.name, len(team.component_ids))
            acme-dev 1
        """
        return self._list(TEAMS_LIST, Team, params={"contract_id": contract_id}, options=options)

    async def get(self, team_id: str, **options: Unpack[CallOptions]) -> Team:
        """One team by id.

        Examples:
            >>> team = await client.teams.get("TEAM_ID")
            >>> team.name, team.docker_registry_uri
            ('acme-dev', None)
        """
        return await self._one(TEAMS_GET, Team, options=options, team_id=team_id)
