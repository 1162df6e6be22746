"""Developer teams in API v1: the caller's teams, and a new team.

A v1 team is a v2 team: ``members`` are its users' ids. v1 names no contract: a new
team goes into the first contract (in id order) whose teams the caller may change
(owner, admin, or a tenant admin who belongs to it); a caller who may change none gets
403. Teams of the platform itself (no contract) are not shown.
"""

from __future__ import annotations

from elasticio._catalog.v1 import V1_TEAMS_CREATE, V1_TEAMS_LIST
from elasticio.testing._areas.teams.store import TeamRecord
from elasticio.testing._errors import forbidden
from elasticio.testing._jsonapi import Json
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, PlainBody

__all__ = ["routes", "v1_team"]

routes = RouteTable()

NEW_TEAM = PlainBody("v1-team", members=(Attr("name", "string", filled=True),))

_EDITORS = frozenset({"owner", "admin"})


def v1_team(team: TeamRecord) -> Json:
    """A team as v1 shows it."""
    return {"id": team.id, "name": team.name, "members": list(team.user_ids)}


@routes.handle(V1_TEAMS_LIST)
def list_teams(call: Call) -> Reply:
    teams = call.platform.teams.where(
        lambda t: t.contract_id is not None and call.user.id in t.user_ids
    )
    return Reply(body=[v1_team(t) for t in teams])


@routes.handle(V1_TEAMS_CREATE, body=NEW_TEAM)
def create_team(call: Call) -> Reply:
    """A new team with the caller as its one member (201); unnamed, it is named after
    its id, as in v2."""
    name = call.members().get("name") or ""
    editable = [
        contract
        for contract in call.platform.contracts.values()
        if call.user.id in contract.members
        and (call.user.tenant_admin or _EDITORS & set(contract.members[call.user.id]))
    ]
    if not editable:
        raise forbidden("You may not create teams in any contract.")
    team = call.platform.teams.add(
        TeamRecord(name=name, contract_id=editable[0].id, user_ids=[call.user.id])
    )
    if not team.name:
        team.name = team.id
    return Reply(status=201, body=v1_team(team))
