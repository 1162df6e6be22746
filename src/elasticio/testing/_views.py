"""How each record looks in a response: attributes, relationships and links per the docs.

The dicts built here may share parts with the stored records: they are serialised at once
and must not be changed.
"""

from __future__ import annotations

from typing import Any

from elasticio.testing._ids import revision
from elasticio.testing._jsonapi import Json, identifier, resource, to_many, to_one
from elasticio.testing._model import (
    Component,
    ComponentVersion,
    Contract,
    Flow,
    Team,
    User,
    Workspace,
)
from elasticio.testing._platform import Platform
from elasticio.testing._time import iso, millis

__all__ = [
    "component_included",
    "component_resource",
    "contract_member_resource",
    "contract_resource",
    "descriptor_resource",
    "env_resource",
    "flow_resource",
    "member_resource",
    "team_resource",
    "user_resource",
    "version_resource",
    "workspace_resource",
]


def user_resource(user: User) -> Json:
    return resource(
        "user",
        user.id,
        self_link=f"/v2/users/{user.id}",
        attributes={
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "registered": iso(user.registered),
            "last_login": iso(user.last_login),
        },
    )


def _person(user: User, roles: list[str]) -> dict[str, Any]:
    return {
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "roles": list(roles),
    }


def contract_resource(contract: Contract, *, with_invites: bool, custom_data: bool) -> Json:
    attributes: dict[str, Any] = {
        "name": contract.name,
        "available_roles": contract.available_roles,
        "status": contract.status,
        "created_at": iso(contract.created_at),
        "updated_at": iso(contract.updated_at),
    }
    if custom_data:
        attributes["custom_data"] = contract.custom_data
    relationships = {
        "members": to_many(
            "contract-member", contract.members, self_link=f"/v2/contracts/{contract.id}/members/"
        )
    }
    if with_invites:
        relationships["invites"] = to_many(
            "contract-invite", [], self_link=f"/v2/contracts/{contract.id}/invites/"
        )
    return resource(
        "contract",
        contract.id,
        self_link=f"/v2/contracts/{contract.id}",
        attributes=attributes,
        relationships=relationships,
    )


def contract_member_resource(user: User, roles: list[str]) -> Json:
    return resource(
        "contract-member",
        user.id,
        attributes=_person(user, roles),
        relationships={"user": to_one("user", user.id, self_link=f"/v2/users/{user.id}")},
    )


def workspace_resource(workspace: Workspace, *, with_invites: bool) -> Json:
    relationships = {
        "contract": to_one(
            "contract", workspace.contract_id, self_link=f"/v2/contracts/{workspace.contract_id}"
        ),
        "members": to_many(
            "member", workspace.members, self_link=f"/v2/workspaces/{workspace.id}/members/"
        ),
    }
    if with_invites:
        relationships["invites"] = to_many(
            "workspace-invite", [], self_link=f"/v2/workspaces/{workspace.id}/invites/"
        )
    return resource(
        "workspace",
        workspace.id,
        self_link=f"/v2/workspaces/{workspace.id}",
        attributes={"name": workspace.name, "type": workspace.type},
        relationships=relationships,
    )


def member_resource(user: User, roles: list[str]) -> Json:
    return resource(
        "member", user.id, self_link=f"/v2/members/{user.id}", attributes=_person(user, roles)
    )


def team_resource(team: Team, platform: Platform) -> Json:
    component_ids = [c.id for c in platform.components.values() if c.team_id == team.id]
    relationships: dict[str, Any] = {}
    if team.contract_id is not None:
        relationships["contract"] = to_one(
            "contract", team.contract_id, self_link=f"/v2/contracts/{team.contract_id}"
        )
    relationships["users"] = to_many("user", team.user_ids)
    relationships["components"] = to_many("component", component_ids)
    return resource(
        "team",
        team.id,
        self_link=f"/v2/teams/{team.id}",
        attributes={"name": team.name},
        relationships=relationships,
    )


def component_resource(component: Component, platform: Platform, *, whitelist: bool) -> Json:
    attributes: dict[str, Any] = {
        "name": component.name,
        "team_name": platform.teams[component.team_id].name,
        "access": component.access,
    }
    if whitelist:
        attributes["whitelisted_contract_ids"] = list(component.whitelisted_contract_ids)
    for name in ("icon", "docker_repo_name", "docker_target_tag"):
        value = getattr(component, name)
        if value is not None:
            attributes[name] = value
    relationships: dict[str, Any] = {
        "versions": {"links": {"related": f"/v2/components/{component.id}/versions"}}
    }
    if component.latest is not None:
        relationships["latest_version"] = to_one(
            "version",
            component.latest.revision,
            self_link=f"/v2/components/{component.id}/versions/latest",
        )
    return resource(
        "component",
        component.id,
        self_link=f"/v2/components/{component.id}",
        attributes=attributes,
        relationships=relationships,
    )


def version_resource(component: Component, version: ComponentVersion) -> Json:
    base = f"/v2/components/{component.id}"
    return resource(
        "version",
        version.revision,
        self_link=f"/v2/versions/{version.revision}",
        attributes={"date": millis(version.date), "version_number": version.number},
        relationships={
            "descriptor": to_one(
                "descriptor",
                version.revision,
                self_link=f"{base}/versions/{version.revision}/descriptor",
            ),
            "component": to_one("component", component.id, self_link=base),
        },
    )


def descriptor_resource(
    component: Component, version: ComponentVersion, platform: Platform
) -> Json:
    attributes = {
        "repo_name": component.name,
        "team_name": platform.teams[component.team_id].name,
        "short_revision": version.revision[:7],
        "is_latest": version is component.latest,
        **version.descriptor,
    }
    return resource(
        "descriptor",
        version.revision,
        self_link=f"/v2/descriptors/{version.revision}",
        attributes=attributes,
        relationships={
            "version": to_one(
                "version",
                version.revision,
                self_link=f"/v2/{component.id}/versions/{version.revision}",
            )
        },
    )


def component_included(component: Component, platform: Platform) -> list[Json]:
    """The latest version and its descriptor, as lists and gets include them."""
    if component.latest is None:
        return []
    return [
        version_resource(component, component.latest),
        descriptor_resource(component, component.latest, platform),
    ]


def env_resource(component: Component) -> Json:
    return resource(
        "component-env",
        component.id,
        self_link=f"/v2/component-envs/{component.id}",
        attributes={"vars": component.env},
    )


def flow_resource(flow: Flow, now: float) -> Json:
    """A flow as seen at monotonic time ``now`` (which decides ``current_status``)."""
    attributes: dict[str, Any] = {
        "name": flow.name,
        "description": flow.description,
        "type": flow.type,
        "status": flow.status,
        "current_status": flow.current_status(now),
        "default_mapper_type": flow.default_mapper_type,
        "cron": flow.cron,
        "graph": flow.graph,
        "nodes_config": flow.nodes_config,
        "stats_enabled": flow.stats_enabled,
        "api_version": "2.0",
        "created_at": iso(flow.created_at),
        "updated_at": iso(flow.updated_at),
        "last_modified": iso(flow.updated_at),
    }
    if flow.last_start_time is not None:
        attributes["last_start_time"] = iso(flow.last_start_time)
    base = f"/v2/flows/{flow.id}"
    latest = flow.versions[-1].id
    relationships: dict[str, Any] = {
        "user": to_one("user", flow.user_id, self_link=f"/v2/users/{flow.user_id}"),
        "workspace": to_one(
            "workspace", flow.workspace_id, self_link=f"/v2/workspaces/{flow.workspace_id}"
        ),
        "versions": {"links": {"related": f"{base}/versions"}},
        "latest_version": to_one(
            "flow-version",
            latest,
            self_link=f"{base}/versions/{latest}",
            related=f"{base}/versions/{latest}",
        ),
    }
    if flow.draft is not None:
        relationships["draft"] = {
            "data": identifier("flow-draft", revision(f"{flow.id}/draft")[:24]),
            "links": {"self": f"{base}/draft", "related": f"{base}/draft"},
        }
    return resource(
        "flow", flow.id, self_link=base, attributes=attributes, relationships=relationships
    )
