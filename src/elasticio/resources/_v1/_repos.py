"""``client.v1.repos``: component repositories and their environment (API v1)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

from elasticio._catalog.v1 import (
    V1_REPOS_CREATE,
    V1_REPOS_DELETE,
    V1_REPOS_ENV,
    V1_REPOS_GET,
    V1_REPOS_LIST,
    V1_REPOS_SET_ENV,
)
from elasticio._errors import DecodeError
from elasticio._options import CallOptions
from elasticio.jsonapi import UNSET, Unset
from elasticio.models._v1 import V1Repo
from elasticio.resources._base import Namespace

__all__ = ["V1Repos"]


def _variables(value: Any, route: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise DecodeError(f"expected an object of strings in the answer to {route}")
    return dict(value)


class V1Repos(Namespace):
    """Component repositories in API v1: list, get, create, delete, and their environment
    variables. A repo is a component of ``client.components``."""

    async def list(self, **options: Unpack[CallOptions]) -> list[V1Repo]:
        """The repositories of the caller's teams.

        Examples:
            >>> repos = await client.v1.repos.list()
            >>> [repo.name for repo in repos]
            ['petstore']
        """
        return await self._objects(V1_REPOS_LIST, V1Repo, options=options)

    async def get(self, repo_id: str, **options: Unpack[CallOptions]) -> V1Repo:
        """One repository.

        Examples:
            >>> repo = await client.v1.repos.get("COMPONENT_ID")
            >>> repo.name, repo.is_public
            ('petstore', False)
        """
        return await self._object(V1_REPOS_GET, V1Repo, repo_id=repo_id, options=options)

    async def create(
        self, name: str, *, team_id: str | Unset = UNSET, **options: Unpack[CallOptions]
    ) -> V1Repo:
        """A new repository of ``team_id`` (or of the caller's first team).

        Examples:
            >>> repo = await client.v1.repos.create("shop", team_id="TEAM_ID")
            >>> repo.is_public
            False
        """
        body = {"name": name} if isinstance(team_id, Unset) else {"name": name, "team_id": team_id}
        return await self._object(V1_REPOS_CREATE, V1Repo, body=body, options=options)

    async def delete(self, repo_id: str, **options: Unpack[CallOptions]) -> None:
        """Delete a repository of one of the caller's teams that no flow uses.

        Examples:
            >>> repo = await client.v1.repos.create("scratch", team_id="TEAM_ID")
            >>> await client.v1.repos.delete(repo.id)
        """
        await self._plain(V1_REPOS_DELETE, repo_id=repo_id, options=options)

    async def env(self, repo_id: str, **options: Unpack[CallOptions]) -> dict[str, str]:
        """The repository's environment variables (its team's members only).

        Examples:
            >>> await client.v1.repos.env("COMPONENT_ID")
            {'PETSTORE_URL': 'https://petstore.example.com/v2'}
        """
        response = await self._plain(V1_REPOS_ENV, repo_id=repo_id, options=options)
        return _variables(response.json, V1_REPOS_ENV.route)

    async def set_env(
        self,
        repo_id: str,
        variables: Mapping[str, str | None],
        **options: Unpack[CallOptions],
    ) -> dict[str, str]:
        """Set the ``variables`` given, remove those given as None, keep the others; the
        variables as they are then.

        Examples:
            >>> await client.v1.repos.set_env(
            ...     "COMPONENT_ID", {"PETSTORE_URL": None, "MODE": "demo"}
            ... )
            {'MODE': 'demo'}
        """
        response = await self._plain(
            V1_REPOS_SET_ENV, body=dict(variables), repo_id=repo_id, options=options
        )
        return _variables(response.json, V1_REPOS_SET_ENV.route)
