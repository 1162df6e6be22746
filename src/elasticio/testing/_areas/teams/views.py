"""How a team looks in answers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from elasticio.testing._areas.teams.store import TeamRecord
from elasticio.testing._jsonapi import Json, link, resource, to_many

__all__ = ["team_resource"]


def team_resource(team: TeamRecord, component_ids: Iterable[str]) -> Json:
    relationships: dict[str, Any] = {}
    if team.contract_id is not None:
        relationships["contract"] = link("contract", team.contract_id)
    relationships["users"] = to_many("user", team.user_ids)
    relationships["components"] = to_many("component", component_ids)
    return resource(
        "team",
        team.id,
        self_link=f"/v2/teams/{team.id}",
        attributes={"name": team.name},
        relationships=relationships,
    )
