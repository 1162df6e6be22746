"""``client.teams``: developer teams of a contract (API v2)."""

from __future__ import annotations

from elasticio._catalog.v2 import TEAMS_GET, TEAMS_LIST
from elasticio._pagination import Paginator
from elasticio.jsonapi import Document, Resource
from elasticio.models._teams import Team, team_from
from elasticio.resources._base import Namespace, of_type, one_resource, request

__all__ = ["Teams"]


class Teams(Namespace):
    """Developer teams, which own component repositories.

    Example:
        >>> teams = await client.teams.list(contract_id="...").collect()  # doctest: +SKIP
    """

    def _team(self, document: Document, resource: Resource) -> Team:
        return team_from(document, of_type(resource, "team"))

    def list(self, *, contract_id: str) -> Paginator[Team]:
        """The caller's teams in a contract. Iterate with ``async for``."""
        return self._paginate(request(TEAMS_LIST, params={"contract_id": contract_id}), self._team)

    async def get(self, team_id: str) -> Team:
        """One team by id."""
        document = await self._client.fetch(request(TEAMS_GET, team_id=team_id))
        return self._team(document, one_resource(document, "team"))
