"""``client.teams``: developer teams of a contract (API v2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

from elasticio._catalog.v2 import (
    TEAMS_ADD_MEMBER,
    TEAMS_CREATE,
    TEAMS_DELETE,
    TEAMS_GET,
    TEAMS_LIST,
    TEAMS_REMOVE_MEMBER,
    TEAMS_UPDATE,
)
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Identifier, Unset
from elasticio.models._teams import Team
from elasticio.resources._base import Namespace

__all__ = ["Teams"]


class Teams(Namespace):
    """Developer teams, which own component repositories: list, get, create, set the
    docker registry, add and remove members, delete.

    Changing a team needs the ``contracts.devTeam.edit`` permission of its contract.

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

    async def create(
        self,
        name: str,
        *,
        contract_id: str,
        docker_registry_uri: str | Unset = UNSET,
        docker_registry_credentials: Mapping[str, Any] | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Team:
        """A new team of a contract, with the caller as its member, optionally pulling
        images from an external docker registry.

        Examples:
            >>> team = await client.teams.create("acme-ops", contract_id="CONTRACT_ID")
            >>> team.name, len(team.user_ids)
            ('acme-ops', 1)
        """
        attributes: dict[str, Any] = {"name": name}
        registry = _registry(docker_registry_uri, docker_registry_credentials)
        if registry is not None:
            attributes["docker_registry"] = registry
        body = self._body(
            TEAMS_CREATE,
            attributes=attributes,
            relationships={"contract": Identifier("contract", contract_id)},
        )
        return await self._one(TEAMS_CREATE, Team, body=body, options=options)

    async def update(
        self,
        team_id: str,
        *,
        docker_registry_uri: str | Unset = UNSET,
        docker_registry_credentials: Mapping[str, Any] | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Team:
        """Set the team's external docker registry (the only attribute the API lets
        change). The answer, as documented, does not show the registry.

        Examples:
            >>> team = await client.teams.update(
            ...     "TEAM_ID",
            ...     docker_registry_uri="registry.example.com",
            ...     docker_registry_credentials={"username": "ci", "password": "s3cret"},
            ... )
            >>> team.name
            'acme-dev'
        """
        registry = _registry(docker_registry_uri, docker_registry_credentials)
        body = self._body(
            TEAMS_UPDATE, id=team_id, attributes={"docker_registry": registry or UNSET}
        )
        return await self._one(TEAMS_UPDATE, Team, body=body, options=options, team_id=team_id)

    async def add_member(self, team_id: str, user_id: str, **options: Unpack[CallOptions]) -> Team:
        """Add a member of the team's contract to the team; returns the team.

        Examples:
            >>> team = await client.teams.add_member("TEAM_ID", "USER_ID")
            >>> "USER_ID" in team.user_ids
            True
        """
        body = self._body(TEAMS_ADD_MEMBER, id=user_id)
        return await self._one(TEAMS_ADD_MEMBER, Team, body=body, options=options, team_id=team_id)

    async def remove_member(
        self, team_id: str, user_id: str, **options: Unpack[CallOptions]
    ) -> None:
        """Remove a user from the team (the request carries a body, unusually for a
        DELETE).

        Examples:
            >>> await client.teams.remove_member("TEAM_ID", "USER_ID")
        """
        body = self._body(TEAMS_REMOVE_MEMBER, id=user_id)
        await self._nothing(TEAMS_REMOVE_MEMBER, body=body, options=options, team_id=team_id)

    async def delete(self, team_id: str, **options: Unpack[CallOptions]) -> None:
        """Delete a team. A team that still owns component repositories cannot be
        deleted: delete them first (the emulator answers 409, a `ConflictError`).

        Examples:
            >>> team = await client.teams.create("scratch", contract_id="CONTRACT_ID")
            >>> await client.teams.delete(team.id)
        """
        await self._nothing(TEAMS_DELETE, options=options, team_id=team_id)


def _registry(uri: str | Unset, credentials: Mapping[str, Any] | Unset) -> dict[str, Any] | None:
    """The ``docker_registry`` attribute, or None when neither part is given."""
    registry = {"uri": uri, "credentials": credentials}
    given = {key: value for key, value in registry.items() if value is not UNSET}
    if not given:
        return None
    return {
        key: dict(value) if isinstance(value, Mapping) else value for key, value in given.items()
    }
