"""Component repositories and their builds (versions), each with a ``component.json``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, Literal

import attrs

from elasticio.testing._areas.teams.store import Teams
from elasticio.testing._ids import IdFactory, revision
from elasticio.testing._table import Table
from elasticio.testing._time import EmulatorClock

__all__ = [
    "Access",
    "ComponentRecord",
    "ComponentVersionRecord",
    "Components",
    "parse_command",
]

Access = Literal["team", "tenant", "global"]


def parse_command(command: str) -> tuple[str, str, str, str] | None:
    """Split ``team/repo:function@version`` (the version part is optional, ``latest``).

    Examples:
        >>> parse_command("elasticio/timer:timer@latest")
        ('elasticio', 'timer', 'timer', 'latest')
    """
    repo, sep, rest = command.partition(":")
    team, slash, name = repo.partition("/")
    function, _, version = rest.partition("@")
    if not (sep and slash and team and name and function):
        return None
    return team, name, function, version or "latest"


@attrs.define(kw_only=True)
class ComponentVersionRecord:
    """One build of a component: a git revision and its ``component.json`` descriptor."""

    revision: str
    number: int
    date: datetime
    descriptor: dict[str, Any]


@attrs.define(kw_only=True)
class ComponentRecord:
    """A component repository; ``versions`` are oldest first, so the last is the latest."""

    id: str = attrs.field(init=False, default="")
    team_id: str
    contract_id: str | None
    name: str
    access: Access = "team"
    whitelisted_contract_ids: list[str] = attrs.Factory(list)
    versions: list[ComponentVersionRecord] = attrs.Factory(list)
    env: dict[str, Any] = attrs.Factory(dict)
    icon: str | None = None
    docker_repo_name: str | None = None
    docker_target_tag: str | None = None

    @property
    def latest(self) -> ComponentVersionRecord | None:
        return self.versions[-1] if self.versions else None

    def version(self, revision: str) -> ComponentVersionRecord | None:
        """The build with this revision, or the latest for ``latest``."""
        if revision == "latest":
            return self.latest
        return next((v for v in self.versions if v.revision == revision), None)

    def available_to(self, contract_id: str) -> bool:
        """Usable by the contract: its own, or shared with the tenant or everyone."""
        return self.access != "team" or self.contract_id == contract_id


def _minimal_descriptor(name: str) -> dict[str, Any]:
    return {
        "title": name,
        "description": "",
        "language": "nodejs",
        "sailor_version": "2.7.1",
        "actions": {},
        "triggers": {},
    }


class Components(Table[ComponentRecord]):
    """Component repositories; a team's repository names are unique."""

    def __init__(self, ids: IdFactory, clock: EmulatorClock, teams: Teams) -> None:
        super().__init__("component", ids)
        self.teams = teams
        self._clock = clock

    def create(
        self,
        *,
        team_id: str,
        name: str,
        access: Access = "team",
        env: Mapping[str, Any] | None = None,
        icon: str | None = None,
        docker_repo_name: str | None = None,
        docker_target_tag: str | None = None,
    ) -> ComponentRecord:
        """A repository of a team (in the team's contract), with no builds yet.

        Raises:
            ValueError: the team has a repository of that name.
        """
        team = self.teams[team_id]
        if self.named(team.name, name) is not None:
            raise ValueError(f"the team {team.name!r} has a repository {name!r} already")
        return self.add(
            ComponentRecord(
                team_id=team.id,
                contract_id=team.contract_id,
                name=name,
                access=access,
                env=dict(env or {}),
                icon=icon,
                docker_repo_name=docker_repo_name,
                docker_target_tag=docker_target_tag,
            )
        )

    def add_version(
        self,
        component_id: str,
        *,
        descriptor: Mapping[str, Any] | None = None,
        date: datetime | None = None,
    ) -> ComponentVersionRecord:
        """A new build, which becomes the latest; its revision derives from the repo."""
        component = self[component_id]
        number = max((v.number for v in component.versions), default=0) + 1
        version = ComponentVersionRecord(
            revision=revision(f"{component.id}@{number}"),
            number=number,
            date=date or self._clock.wall(),
            descriptor=dict(descriptor or _minimal_descriptor(component.name)),
        )
        component.versions.append(version)
        return version

    def delete_version(self, component_id: str, revision: str) -> None:
        component = self[component_id]
        component.versions = [v for v in component.versions if v.revision != revision]

    def named(self, team_name: str, name: str) -> ComponentRecord | None:
        """The repository ``team_name/name``, if there is one."""
        return next(
            (
                c
                for c in self.values()
                if c.name == name and self.teams[c.team_id].name == team_name
            ),
            None,
        )

    def resolve(self, command: str) -> ComponentRecord | None:
        """The component a graph node's ``command`` names, if it exists."""
        parts = parse_command(command)
        return None if parts is None else self.named(parts[0], parts[1])

    def team_name(self, component: ComponentRecord) -> str:
        return self.teams[component.team_id].name
