"""Developer teams: the caller's teams in a contract, one team; creating a team, setting
its docker registry, adding and removing members, deleting it.

A team is open to its members and to tenant admins of its contract's members. Changing
teams stands in for the ``contracts.devTeam.edit`` permission: the contract's owners and
admins (and tenant admins) hold it, whether or not they are in the team; other members
of the contract get 403. Only members of the team's contract can join it (400 for anyone
else); adding a member twice or removing a non-member changes nothing. A team that still
owns component repositories cannot be deleted: 409, as the docs say to delete the
repositories first. The docker registry is stored but, as in the docs' examples, never
shown in an answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from elasticio._catalog.v2 import (
    TEAMS_ADD_MEMBER,
    TEAMS_CREATE,
    TEAMS_DELETE,
    TEAMS_GET,
    TEAMS_LIST,
    TEAMS_REMOVE_MEMBER,
    TEAMS_UPDATE,
)
from elasticio.testing._areas.contracts.routes import contract_for
from elasticio.testing._areas.contracts.store import ContractRecord
from elasticio.testing._areas.teams.store import TeamRecord
from elasticio.testing._areas.teams.views import team_resource
from elasticio.testing._errors import NoSuchRecordError, bad_request, conflict, forbidden, invalid
from elasticio.testing._jsonapi import Json, document
from elasticio.testing._query import require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body, Rel

__all__ = ["routes", "team_for"]

routes = RouteTable()

NEW_TEAM = Body(
    "team",
    attributes=(Attr("name", "string", filled=True), Attr("docker_registry", "object")),
    relationships=(Rel("contract", "contract", required=True),),
)
TEAM_CHANGES = Body("team", id="url", attributes=(Attr("docker_registry", "object"),))
MEMBER = Body("user", id="given")

_EDITORS = frozenset({"owner", "admin"})


def team_for(call: Call, team_id: str) -> TeamRecord:
    """A team of one of the caller's contracts that the caller belongs to (or any, for
    a tenant admin); the platform's own team is not one to be seen."""
    team = call.platform.teams[team_id]
    if team.contract_id is None:
        raise NoSuchRecordError("team", team_id)
    contract_for(call, team.contract_id)
    if call.user.id not in team.user_ids and not call.user.tenant_admin:
        raise forbidden()
    return team


def _editing_teams_of(call: Call, contract_id: str) -> ContractRecord:
    """A contract whose teams the caller may change (``contracts.devTeam.edit``)."""
    contract = contract_for(call, contract_id)
    if not (call.user.tenant_admin or _EDITORS & set(contract.members.get(call.user.id, []))):
        raise forbidden()
    return contract


def _team_to_edit(call: Call, team_id: str) -> tuple[TeamRecord, ContractRecord]:
    team = call.platform.teams[team_id]
    if team.contract_id is None:
        raise NoSuchRecordError("team", team_id)
    return team, _editing_teams_of(call, team.contract_id)


def _registry(found: Mapping[str, Any]) -> dict[str, Any] | None:
    """The ``docker_registry`` attribute, checked: a string ``uri``, object ``credentials``."""
    if "docker_registry" not in found:
        return None
    registry: dict[str, Any] = dict(found["docker_registry"])
    pointer = "/data/attributes/docker_registry"
    if not isinstance(registry.get("uri", ""), str):
        raise invalid(f"{pointer}/uri", "must be a string")
    if not isinstance(registry.get("credentials", {}), Mapping):
        raise invalid(f"{pointer}/credentials", "must be an object")
    return registry


def _shown(call: Call, team: TeamRecord) -> Json:
    components = call.platform.components.values()
    return team_resource(team, [c.id for c in components if c.team_id == team.id])


@routes.handle(TEAMS_LIST)
def list_teams(call: Call) -> Reply:
    """The teams of a contract that the caller belongs to (``contract_id`` required)."""
    contract = contract_for(call, require_query(call.query, "contract_id"))
    teams = call.platform.teams.where(
        lambda t: (
            t.contract_id == contract.id and (call.user.id in t.user_ids or call.user.tenant_admin)
        )
    )
    return Reply(body=document([_shown(call, t) for t in teams], self_link=call.path))


@routes.handle(TEAMS_GET)
def get_team(call: Call, team_id: str) -> Reply:
    return Reply(body=document(_shown(call, team_for(call, team_id)), self_link=call.path))


@routes.handle(TEAMS_CREATE, body=NEW_TEAM)
def create_team(call: Call) -> Reply:
    """A new team of the contract, with the caller as its member (201). The docs leave
    the name optional without saying what an unnamed team is called: the emulator names
    it after its id."""
    payload = call.payload()
    contract = _editing_teams_of(call, payload.link("contract"))
    registry = _registry(payload.attributes)
    team = call.platform.teams.add(
        TeamRecord(
            name=payload.attributes.get("name") or "",
            contract_id=contract.id,
            user_ids=[call.user.id],
            docker_registry=registry,
        )
    )
    if not team.name:
        team.name = team.id
    return Reply(status=201, body=document(_shown(call, team)))


@routes.handle(TEAMS_UPDATE, body=TEAM_CHANGES)
def update_team(call: Call, team_id: str) -> Reply:
    """Set the team's docker registry (left alone when the body has none)."""
    team, _ = _team_to_edit(call, team_id)
    payload = call.payload(url_id=team.id)
    registry = _registry(payload.attributes)
    if registry is not None:
        team.docker_registry = registry
    return Reply(body=document(_shown(call, team)))


@routes.handle(TEAMS_ADD_MEMBER, body=MEMBER)
def add_team_member(call: Call, team_id: str) -> Reply:
    """Add a member of the team's contract (400 for anyone else); 200 with the team."""
    team, contract = _team_to_edit(call, team_id)
    user = call.platform.users[str(call.payload().id)]
    if user.id not in contract.members:
        raise bad_request("only members of the team's contract can join the team")
    if user.id not in team.user_ids:
        team.user_ids.append(user.id)
    return Reply(body=document(_shown(call, team)))


@routes.handle(TEAMS_REMOVE_MEMBER, body=MEMBER)
def remove_team_member(call: Call, team_id: str) -> Reply:
    """Remove a user from the team (204)."""
    team, _ = _team_to_edit(call, team_id)
    user = call.platform.users[str(call.payload().id)]
    if user.id in team.user_ids:
        team.user_ids.remove(user.id)
    return Reply(status=204)


@routes.handle(TEAMS_DELETE)
def delete_team(call: Call, team_id: str) -> Reply:
    """Delete a team that owns no component repositories (409 while it does)."""
    team, _ = _team_to_edit(call, team_id)
    if any(c.team_id == team.id for c in call.platform.components.values()):
        raise conflict("The team still has component repositories: delete them first.")
    call.platform.teams.delete(team.id)
    return Reply(status=204)
