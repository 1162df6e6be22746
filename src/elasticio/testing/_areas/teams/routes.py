"""Developer teams: the caller's teams in a contract, one team.

A team is open to its members and to tenant admins of its contract's members.
"""

from __future__ import annotations

from elasticio._catalog.v2 import TEAMS_GET, TEAMS_LIST
from elasticio.testing._areas.contracts.routes import contract_for
from elasticio.testing._areas.teams.store import TeamRecord
from elasticio.testing._areas.teams.views import team_resource
from elasticio.testing._errors import NoSuchRecordError, forbidden
from elasticio.testing._jsonapi import Json, document
from elasticio.testing._query import require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable

__all__ = ["routes", "team_for"]

routes = RouteTable()


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
