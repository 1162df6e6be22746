"""Repositories and components in API v1: a v1 repo is a v2 component, and a v1
component is a component's latest descriptor.

* A repo shows ``id``, ``name``, ``team_id`` and ``is_public`` (shared with the tenant
  or everyone). The caller's repos are those of their teams; one repo may be read as v2
  lets it be read; creating, deleting and the environment need membership of its team,
  as in v2. A new repo goes into ``team_id``, or the caller's first team (in id order)
  when none is named. Deleting a repo a flow uses is a 409, as in v2.
* The environment is the component's: a PUT sets the variables it names, removes those
  it sets to ``null`` and leaves the others (v2's PUT replaces them all); values are
  strings. Both answer the variables as they are then.
* ``mine`` lists the latest descriptors of the caller's teams' components, ``public``
  those of the components shared with the tenant or everyone, as
  ``{"components": [{"data": <descriptor>, "repo_id": <id>}]}``; components without a
  build are left out. One component adds its ``name`` and its team's name (``team``);
  without a build it is a 404.
"""

from __future__ import annotations

from typing import Any

from elasticio._catalog.v1 import (
    V1_COMPONENTS_GET,
    V1_COMPONENTS_MINE,
    V1_COMPONENTS_PUBLIC,
    V1_REPOS_CREATE,
    V1_REPOS_DELETE,
    V1_REPOS_ENV,
    V1_REPOS_GET,
    V1_REPOS_LIST,
    V1_REPOS_SET_ENV,
)
from elasticio.testing._areas.components.routes import component_for, team_component, unused
from elasticio.testing._areas.components.store import ComponentRecord
from elasticio.testing._errors import NoSuchRecordError, conflict, forbidden, invalid
from elasticio.testing._jsonapi import Json
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, PlainBody

__all__ = ["routes", "v1_repo"]

routes = RouteTable()

NEW_REPO = PlainBody(
    "v1-repo",
    members=(
        Attr("name", "string", required=True, filled=True),
        Attr("team_id", "string", nullable=True, filled=True),
    ),
)
ENV = PlainBody("v1-env")


def v1_repo(component: ComponentRecord) -> Json:
    """A component as a v1 repo."""
    return {
        "id": component.id,
        "name": component.name,
        "team_id": component.team_id,
        "is_public": component.access != "team",
    }


def _teams_of(call: Call) -> list[str]:
    return [t.id for t in call.platform.teams.where(lambda t: call.user.id in t.user_ids)]


def _descriptors(components: list[ComponentRecord]) -> Reply:
    listed = [
        {"data": c.latest.descriptor, "repo_id": c.id} for c in components if c.latest is not None
    ]
    return Reply(body={"components": listed})


@routes.handle(V1_REPOS_LIST)
def list_repos(call: Call) -> Reply:
    teams = set(_teams_of(call))
    return Reply(
        body=[v1_repo(c) for c in call.platform.components.where(lambda c: c.team_id in teams)]
    )


@routes.handle(V1_REPOS_GET)
def get_repo(call: Call, repo_id: str) -> Reply:
    return Reply(body=v1_repo(component_for(call, repo_id)))


@routes.handle(V1_REPOS_CREATE, body=NEW_REPO)
def create_repo(call: Call) -> Reply:
    """201 with the repo; 403 outside the team, 409 when the team has that name."""
    found = call.members()
    team_id = found.get("team_id")
    if team_id is None:
        mine = _teams_of(call)
        if not mine:
            raise invalid("/team_id", "is required: you belong to no team")
        team_id = mine[0]
    team = call.platform.teams[team_id]
    if call.user.id not in team.user_ids:
        raise forbidden("You are not a member of that team.")
    if call.platform.components.named(team.name, found["name"]) is not None:
        raise conflict(f"The team {team.name!r} has a repository named {found['name']!r} already.")
    component = call.platform.components.create(team_id=team.id, name=found["name"])
    return Reply(status=201, body=v1_repo(component))


@routes.handle(V1_REPOS_DELETE)
def delete_repo(call: Call, repo_id: str) -> Reply:
    component = team_component(call, repo_id)
    unused(call, component, None)
    call.platform.components.delete(component.id)
    return Reply(body={})


@routes.handle(V1_REPOS_ENV)
def get_env(call: Call, repo_id: str) -> Reply:
    return Reply(body=team_component(call, repo_id).env)


@routes.handle(V1_REPOS_SET_ENV, body=ENV)
def set_env(call: Call, repo_id: str) -> Reply:
    """Set the variables named, remove those set to null."""
    component = team_component(call, repo_id)
    changes: dict[str, Any] = call.members()
    for name, value in changes.items():
        if value is not None and not isinstance(value, str):
            raise invalid(f"/{name}", "must be a string, or null to remove the variable")
    env = {**component.env, **changes}
    component.env = {name: value for name, value in env.items() if value is not None}
    return Reply(body=component.env)


@routes.handle(V1_COMPONENTS_MINE)
def mine(call: Call) -> Reply:
    teams = set(_teams_of(call))
    return _descriptors(call.platform.components.where(lambda c: c.team_id in teams))


@routes.handle(V1_COMPONENTS_PUBLIC)
def public(call: Call) -> Reply:
    return _descriptors(call.platform.components.where(lambda c: c.access != "team"))


@routes.handle(V1_COMPONENTS_GET)
def get_component(call: Call, component_id: str) -> Reply:
    component = component_for(call, component_id)
    if component.latest is None:
        raise NoSuchRecordError("component descriptor", component.id)
    return Reply(
        body={
            "repo_id": component.id,
            "data": component.latest.descriptor,
            "name": component.name,
            "team": call.platform.components.team_name(component),
        }
    )
