"""``client.teams``: developer teams of a contract (API v2)."""

from __future__ import annotations

from elasticio._pagination import Paginator
from elasticio._paths import Endpoint
from elasticio.jsonapi import Document, Resource
from elasticio.models._teams import Team, team_from
from elasticio.resources._components import _one, _typed
from elasticio.resources._sender import Sender

__all__ = ["Teams"]

LIST = Endpoint("GET", "/v2/teams")
GET = Endpoint("GET", "/v2/teams/{team_id}")


class Teams:
    """Developer teams, which own component repositories.

    Example:
        >>> teams = await client.teams.list(contract_id="...").collect()  # doctest: +SKIP
    """

    def __init__(self, client: Sender) -> None:
        self._client = client

    def _team(self, document: Document, resource: Resource) -> Team:
        return team_from(document, _typed(resource, "team"))

    def list(self, *, contract_id: str) -> Paginator[Team]:
        """The caller's teams in a contract. Iterate with ``async for``."""
        return Paginator(
            fetch=self._client.fetch,
            first=LIST.request(params={"contract_id": contract_id}),
            item=self._team,
            base_url=self._client.base_url,
        )

    async def get(self, team_id: str) -> Team:
        """One team by id."""
        document = await self._client.fetch(GET.request(team_id=team_id))
        return self._team(document, _one(document, "team"))
