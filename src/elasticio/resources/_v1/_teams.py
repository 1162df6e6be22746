"""``client.v1.teams``: developer teams (API v1)."""

from __future__ import annotations

from typing import Unpack

from elasticio._catalog.v1 import V1_TEAMS_CREATE, V1_TEAMS_LIST
from elasticio._options import CallOptions
from elasticio.models._v1 import V1Team
from elasticio.resources._base import Namespace

__all__ = ["V1Teams"]


class V1Teams(Namespace):
    """The caller's developer teams, in API v1: list and create. API v2's
    ``client.teams`` does more."""

    async def list(self, **options: Unpack[CallOptions]) -> list[V1Team]:
        """Every team the caller is a member of (one request; v1 does not page).

        Examples:
            >>> teams = await client.v1.teams.list()
            >>> [team.name for team in teams]
            ['acme-dev']
        """
        return await self._objects(V1_TEAMS_LIST, V1Team, options=options)

    async def create(self, name: str, **options: Unpack[CallOptions]) -> V1Team:
        """Create a team with the caller as its one member.

        Examples:
            >>> team = await client.v1.teams.create("integrations")
            >>> len(team.members)
            1
        """
        return await self._object(V1_TEAMS_CREATE, V1Team, body={"name": name}, options=options)
