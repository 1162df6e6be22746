"""Components: lists (by contract, by workspace with the whitelist, all), one component,
its versions and descriptors, create/update/delete, environment variables, docker pull.

Lists are not paged (the docs document no paging for them) and always include the latest
``version`` and ``descriptor`` of each component.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from elasticio._catalog.v2 import (
    COMPONENTS_CREATE,
    COMPONENTS_DELETE,
    COMPONENTS_DELETE_VERSION,
    COMPONENTS_DESCRIPTOR,
    COMPONENTS_DOCKER_PULL,
    COMPONENTS_DOCKER_PULL_LATEST,
    COMPONENTS_GET,
    COMPONENTS_GET_ENV,
    COMPONENTS_GET_IN_WORKSPACE,
    COMPONENTS_LIST,
    COMPONENTS_LIST_ALL,
    COMPONENTS_LIST_IN_WORKSPACE,
    COMPONENTS_SET_ENV,
    COMPONENTS_UPDATE,
    COMPONENTS_VERSIONS,
)
from elasticio.testing._access import (
    available_to_contract,
    component_for,
    contract_for,
    require_tenant_admin,
    team_component,
    workspace_for,
)
from elasticio.testing._areas.workspaces.store import WorkspaceRecord as Workspace
from elasticio.testing._errors import bad_request, conflict, forbidden, not_found
from elasticio.testing._jsonapi import document
from elasticio.testing._model import Component, ComponentVersion
from elasticio.testing._payload import attributes, primary, relationship_id
from elasticio.testing._query import choice, require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._views import (
    component_included,
    component_resource,
    descriptor_resource,
    env_resource,
    version_resource,
)

__all__ = ["routes"]

routes = RouteTable()


def _list(call: Call, components: Iterable[Component], *, whitelist: bool = False) -> Reply:
    ordered = sorted(components, key=lambda c: c.id)
    data = [component_resource(c, call.platform, whitelist=whitelist) for c in ordered]
    included = [r for c in ordered for r in component_included(c, call.platform)]
    return Reply(body=document(data, included=included, self_link=call.path))


def _one(call: Call, component: Component, *, whitelist: bool = False, status: int = 200) -> Reply:
    data = component_resource(component, call.platform, whitelist=whitelist)
    included = component_included(component, call.platform)
    return Reply(status=status, body=document(data, included=included or None))


def _usable_in(call: Call, workspace: Workspace, component: Component) -> bool:
    """The docs' whitelist rule: with the tenant's whitelist flag on, a full workspace
    sees its contract's components and whitelisted ones; otherwise the usual set."""
    if component.contract_id == workspace.contract_id:
        return True
    whitelisting = call.platform.tenant.feature_flags.get("contract_component_whitelist", False)
    if whitelisting and workspace.type == "full":
        return workspace.contract_id in component.whitelisted_contract_ids
    return available_to_contract(component, workspace.contract_id)


def _version(component: Component, revision: str) -> ComponentVersion:
    version = component.version(revision)
    if version is None:
        raise not_found("Version", revision)
    return version


@routes.handle(COMPONENTS_LIST)
def list_components(call: Call) -> Reply:
    """Components a contract can use; ``filter[access]`` is private, public or all."""
    contract = contract_for(call, require_query(call, "contract_id"))
    access = choice(call, "filter[access]", ("private", "public", "all")) or "all"
    found = [
        c
        for c in call.platform.components.values()
        if available_to_contract(c, contract.id)
        and (access == "all" or (c.contract_id == contract.id) == (access == "private"))
    ]
    return _list(call, found)


@routes.handle(COMPONENTS_LIST_ALL)
def list_all_components(call: Call) -> Reply:
    """Every component of the tenant (tenant admins), or those of one contract."""
    require_tenant_admin(call)
    contract_id = call.query.get("contract_id")
    found = [c for c in call.platform.components.values() if contract_id in (None, c.contract_id)]
    return _list(call, found)


@routes.handle(COMPONENTS_LIST_IN_WORKSPACE)
def list_workspace_components(call: Call, workspace_id: str) -> Reply:
    workspace = workspace_for(call, workspace_id)
    found = [c for c in call.platform.components.values() if _usable_in(call, workspace, c)]
    return _list(call, found, whitelist=True)


@routes.handle(COMPONENTS_GET)
def get_component(call: Call, component_id: str) -> Reply:
    return _one(call, component_for(call, component_id))


@routes.handle(COMPONENTS_GET_IN_WORKSPACE)
def get_workspace_component(call: Call, workspace_id: str, component_id: str) -> Reply:
    workspace = workspace_for(call, workspace_id)
    component = call.platform.components.get(component_id)
    if component is None:
        raise not_found("Component", component_id)
    if not _usable_in(call, workspace, component):
        raise forbidden()
    return _one(call, component, whitelist=True)


@routes.handle(COMPONENTS_VERSIONS)
def list_versions(call: Call, component_id: str) -> Reply:
    """The builds, oldest first."""
    component = component_for(call, component_id)
    data = [version_resource(component, v) for v in component.versions]
    return Reply(body=document(data, self_link=call.path))


@routes.handle(COMPONENTS_DESCRIPTOR)
def get_descriptor(call: Call, component_id: str, revision: str) -> Reply:
    component = component_for(call, component_id)
    version = _version(component, revision)
    return Reply(body=document(descriptor_resource(component, version, call.platform)))


def _optional_text(found: Mapping[str, Any], name: str) -> str | None:
    value = found.get(name)
    if value is not None and not isinstance(value, str):
        raise bad_request(f"data.attributes.{name} must be a string")
    return value


@routes.handle(COMPONENTS_CREATE)
def create_component(call: Call) -> Reply:
    """A new repository of one of the caller's teams; 409 if the team has that name."""
    data = primary(call.body, "component")
    found = attributes(data)
    name = found.get("name")
    if not isinstance(name, str) or not name.strip():
        raise bad_request("data.attributes.name is required")
    team_id = relationship_id(data, "team", "team")
    if team_id is None:
        raise bad_request("data.relationships.team is required")
    team = call.platform.teams.get(team_id)
    if team is None or team.contract_id is None:
        raise not_found("Team", team_id)
    contract_id = relationship_id(data, "contract", "contract")
    if contract_id is not None and contract_id != team.contract_id:
        raise bad_request("the team does not belong to that contract")
    contract_for(call, team.contract_id)
    if call.user.id not in team.user_ids:
        raise forbidden("You are not a member of that team.")
    if call.platform.component_named(team.name, name) is not None:
        raise conflict(f"The team {team.name!r} has a repository named {name!r} already.")
    component = call.platform.add_component(
        team_id=team.id,
        name=name,
        icon=_optional_text(found, "icon"),
        docker_repo_name=_optional_text(found, "docker_repo_name"),
        docker_target_tag=_optional_text(found, "docker_target_tag"),
    )
    return _one(call, component, status=201)


@routes.handle(COMPONENTS_UPDATE)
def update_component(call: Call, component_id: str) -> Reply:
    """Raise ``access`` to ``tenant`` (for good) or set the whitelist; tenant admins."""
    component = component_for(call, component_id)
    require_tenant_admin(call)
    data = primary(call.body, "component")
    if data.get("id") not in (None, component.id):
        raise conflict("data.id does not match the URL's id")
    found = attributes(data)
    if "access" in found:
        if found["access"] != "tenant" or component.access == "global":
            raise bad_request("access can only be raised from team to tenant")
        component.access = "tenant"
    if "whitelisted_contract_ids" in found:
        ids = found["whitelisted_contract_ids"]
        if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
            raise bad_request("data.attributes.whitelisted_contract_ids must be a list of ids")
        component.whitelisted_contract_ids = list(dict.fromkeys(ids))
    return _one(call, component, whitelist=True)


def _used_by(call: Call, component: Component, revision: str | None) -> None:
    flows = call.platform.flows_using(component.id, revision)
    if flows:
        names = ", ".join(sorted(f.id for f in flows)[:5])
        what = "This version" if revision else "The component"
        raise conflict(f"{what} is used in {len(flows)} flow(s), e.g. {names}.")


@routes.handle(COMPONENTS_DELETE)
def delete_component(call: Call, component_id: str) -> Reply:
    component = team_component(call, component_id)
    _used_by(call, component, None)
    call.platform.delete_component(component.id)
    return Reply(status=204)


@routes.handle(COMPONENTS_DELETE_VERSION)
def delete_version(call: Call, component_id: str, revision: str) -> Reply:
    component = team_component(call, component_id)
    version = _version(component, revision)
    _used_by(call, component, version.revision)
    call.platform.delete_component_version(component.id, version.revision)
    return Reply(status=204)


@routes.handle(COMPONENTS_GET_ENV)
def get_env(call: Call, component_id: str) -> Reply:
    component = component_for(call, component_id)
    return Reply(body=document(env_resource(component)))


@routes.handle(COMPONENTS_SET_ENV)
def put_env(call: Call, component_id: str) -> Reply:
    """Replace every variable with ``data.attributes.vars``."""
    component = component_for(call, component_id)
    variables = attributes(primary(call.body, "component-env")).get("vars")
    if not isinstance(variables, dict):
        raise bad_request("data.attributes.vars is required and must be an object")
    component.env = dict(variables)
    return Reply(body=document(env_resource(component)))


def _docker_pull(call: Call, component_id: str, revision: str) -> Reply:
    component = team_component(call, component_id)
    _version(component, revision)
    return Reply(status=200)


@routes.handle(COMPONENTS_DOCKER_PULL)
def docker_pull(call: Call, component_id: str, revision: str) -> Reply:
    return _docker_pull(call, component_id, revision)


@routes.handle(COMPONENTS_DOCKER_PULL_LATEST)
def docker_pull_latest(call: Call, component_id: str) -> Reply:
    return _docker_pull(call, component_id, "latest")
