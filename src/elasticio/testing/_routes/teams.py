"""Developer teams: the caller's teams in a contract, one team."""

from __future__ import annotations

from elasticio._catalog.v2 import TEAMS_GET, TEAMS_LIST
from elasticio.testing._access import contract_for, team_for
from elasticio.testing._jsonapi import document
from elasticio.testing._query import require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._views import team_resource

__all__ = ["routes"]

routes = RouteTable()


@routes.handle(TEAMS_LIST)
def list_teams(call: Call) -> Reply:
    """The teams of a contract that the caller belongs to (``contract_id`` required)."""
    contract = contract_for(call, require_query(call, "contract_id"))
    teams = sorted(
        (
            t
            for t in call.platform.teams.values()
            if t.contract_id == contract.id
            and (call.user.id in t.user_ids or call.user.tenant_admin)
        ),
        key=lambda t: t.id,
    )
    data = [team_resource(t, call.platform) for t in teams]
    return Reply(body=document(data, self_link=call.path))


@routes.handle(TEAMS_GET)
def get_team(call: Call, team_id: str) -> Reply:
    team = team_for(call, team_id)
    return Reply(body=document(team_resource(team, call.platform), self_link=call.path))
