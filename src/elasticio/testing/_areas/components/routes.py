"""Components: lists (by contract, by workspace with the whitelist, all), one component,
its versions and descriptors, create/update/delete, environment variables, docker pull.

A component is open to members of its contract, or to everyone when shared (``tenant``
or ``global`` access); changing one, and reading or replacing its environment variables
(secrets, as a rule), needs membership of its team: 403 for anyone else who may see it.
Lists are not paged
(the docs document no paging for them) and always include the latest ``version`` and
``descriptor`` of each component.
"""

from __future__ import annotations

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
from elasticio.testing._areas.components.store import ComponentRecord, ComponentVersionRecord
from elasticio.testing._areas.components.views import (
    component_included,
    component_resource,
    descriptor_resource,
    env_resource,
    version_resource,
)
from elasticio.testing._areas.contracts.routes import contract_for
from elasticio.testing._areas.users.routes import require_tenant_admin
from elasticio.testing._areas.workspaces.routes import workspace_for
from elasticio.testing._areas.workspaces.store import WorkspaceRecord
from elasticio.testing._errors import NoSuchRecordError, bad_request, conflict, forbidden, invalid
from elasticio.testing._jsonapi import document
from elasticio.testing._query import choice, require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body, Rel

__all__ = ["component_for", "routes", "team_component", "unused", "usable_in", "version_of"]

routes = RouteTable()

NEW_COMPONENT = Body(
    "component",
    attributes=(
        Attr("name", "string", required=True, filled=True),
        Attr("icon", "string", nullable=True),
        Attr("docker_repo_name", "string", nullable=True),
        Attr("docker_target_tag", "string", nullable=True),
    ),
    relationships=(Rel("team", "team", required=True), Rel("contract", "contract")),
)
COMPONENT_CHANGES = Body(
    "component",
    id="url-optional",
    attributes=(
        Attr("access", choices=("tenant",)),
        Attr("whitelisted_contract_ids", "array", items="string"),
    ),
)
ENV = Body("component-env", attributes=(Attr("vars", "object", required=True),))


def component_for(call: Call, component_id: str) -> ComponentRecord:
    """A component the caller may use: from one of their contracts, or shared."""
    component = call.platform.components[component_id]
    mine = {c.id for c in call.platform.contracts.with_member(call.user.id)}
    if component.access == "team" and component.contract_id not in mine:
        raise forbidden()
    return component


def team_component(call: Call, component_id: str) -> ComponentRecord:
    """A component the caller may change: one of their teams owns it."""
    component = component_for(call, component_id)
    if call.user.id not in call.platform.teams[component.team_id].user_ids:
        raise forbidden("The component must belong to one of your teams.")
    return component


def usable_in(
    call: Call, workspace_id: str, component_id: str
) -> tuple[WorkspaceRecord, ComponentRecord]:
    """One of the caller's workspaces and a component it may use: 403 when the
    workspace's contract may not use the component (or the caller either of them)."""
    workspace = workspace_for(call, workspace_id)
    component = component_for(call, component_id)
    if not component.available_to(workspace.contract_id):
        raise forbidden("The component cannot be used in this workspace.")
    return workspace, component


def version_of(component: ComponentRecord, revision: str) -> ComponentVersionRecord:
    """The build with this revision (``latest`` for the latest), or a 404."""
    version = component.version(revision)
    if version is None:
        raise NoSuchRecordError("version", revision)
    return version


def _usable_in(call: Call, workspace: WorkspaceRecord, component: ComponentRecord) -> bool:
    """The docs' whitelist rule: with the tenant's whitelist flag on, a full workspace
    sees its contract's components and whitelisted ones; otherwise the usual set."""
    if component.contract_id == workspace.contract_id:
        return True
    whitelisting = call.platform.tenant.feature_flags.get("contract_component_whitelist", False)
    if whitelisting and workspace.type == "full":
        return workspace.contract_id in component.whitelisted_contract_ids
    return component.available_to(workspace.contract_id)


def _list(call: Call, components: list[ComponentRecord], *, whitelist: bool = False) -> Reply:
    names = call.platform.components.team_name
    data = [component_resource(c, names(c), whitelist=whitelist) for c in components]
    included = [r for c in components for r in component_included(c, names(c))]
    return Reply(body=document(data, included=included, self_link=call.path))


def _one(
    call: Call, component: ComponentRecord, *, whitelist: bool = False, status: int = 200
) -> Reply:
    team_name = call.platform.components.team_name(component)
    data = component_resource(component, team_name, whitelist=whitelist)
    included = component_included(component, team_name)
    return Reply(status=status, body=document(data, included=included or None))


@routes.handle(COMPONENTS_LIST)
def list_components(call: Call) -> Reply:
    """Components a contract can use; ``filter[access]`` is private, public or all."""
    contract = contract_for(call, require_query(call.query, "contract_id"))
    access = choice(call.query, "filter[access]", ("private", "public", "all")) or "all"
    found = call.platform.components.where(
        lambda c: (
            c.available_to(contract.id)
            and (access == "all" or (c.contract_id == contract.id) == (access == "private"))
        )
    )
    return _list(call, found)


@routes.handle(COMPONENTS_LIST_ALL)
def list_all_components(call: Call) -> Reply:
    """Every component of the tenant (tenant admins), or those of one contract."""
    require_tenant_admin(call)
    contract_id = call.query.get("contract_id")
    return _list(
        call, call.platform.components.where(lambda c: contract_id in (None, c.contract_id))
    )


@routes.handle(COMPONENTS_LIST_IN_WORKSPACE)
def list_workspace_components(call: Call, workspace_id: str) -> Reply:
    workspace = workspace_for(call, workspace_id)
    found = call.platform.components.where(lambda c: _usable_in(call, workspace, c))
    return _list(call, found, whitelist=True)


@routes.handle(COMPONENTS_GET)
def get_component(call: Call, component_id: str) -> Reply:
    return _one(call, component_for(call, component_id))


@routes.handle(COMPONENTS_GET_IN_WORKSPACE)
def get_workspace_component(call: Call, workspace_id: str, component_id: str) -> Reply:
    workspace = workspace_for(call, workspace_id)
    component = call.platform.components[component_id]
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
    version = version_of(component, revision)
    team_name = call.platform.components.team_name(component)
    return Reply(body=document(descriptor_resource(component, version, team_name)))


@routes.handle(COMPONENTS_CREATE, body=NEW_COMPONENT)
def create_component(call: Call) -> Reply:
    """A new repository of one of the caller's teams; 409 if the team has that name."""
    payload = call.payload()
    team_id, name = payload.link("team"), payload.attributes["name"]
    team = call.platform.teams[team_id]
    if team.contract_id is None:
        raise NoSuchRecordError("team", team_id)
    if payload.links.get("contract") not in (None, team.contract_id):
        raise bad_request("the team does not belong to that contract")
    contract_for(call, team.contract_id)
    if call.user.id not in team.user_ids:
        raise forbidden("You are not a member of that team.")
    if call.platform.components.named(team.name, name) is not None:
        raise conflict(f"The team {team.name!r} has a repository named {name!r} already.")
    found = payload.attributes
    component = call.platform.components.create(
        team_id=team.id,
        name=name,
        icon=found.get("icon"),
        docker_repo_name=found.get("docker_repo_name"),
        docker_target_tag=found.get("docker_target_tag"),
    )
    return _one(call, component, status=201)


@routes.handle(COMPONENTS_UPDATE, body=COMPONENT_CHANGES)
def update_component(call: Call, component_id: str) -> Reply:
    """Raise ``access`` to ``tenant`` (for good) or set the whitelist; tenant admins."""
    component = component_for(call, component_id)
    require_tenant_admin(call)
    found = call.payload(url_id=component.id).attributes
    if "access" in found:
        if component.access == "global":
            raise invalid("/data/attributes/access", "can only be raised from team to tenant")
        component.access = "tenant"
    if "whitelisted_contract_ids" in found:
        component.whitelisted_contract_ids = list(dict.fromkeys(found["whitelisted_contract_ids"]))
    return _one(call, component, whitelist=True)


def unused(call: Call, component: ComponentRecord, revision: str | None) -> None:
    """A 409 when a flow uses the component (or, given a revision, that build)."""
    flows = call.platform.flows_using(component.id, revision)
    if flows:
        names = ", ".join(sorted(f.id for f in flows)[:5])
        what = "This version" if revision else "The component"
        raise conflict(f"{what} is used in {len(flows)} flow(s), e.g. {names}.")


@routes.handle(COMPONENTS_DELETE)
def delete_component(call: Call, component_id: str) -> Reply:
    component = team_component(call, component_id)
    unused(call, component, None)
    call.platform.components.delete(component.id)
    return Reply(status=204)


@routes.handle(COMPONENTS_DELETE_VERSION)
def delete_version(call: Call, component_id: str, revision: str) -> Reply:
    component = team_component(call, component_id)
    version = version_of(component, revision)
    unused(call, component, version.revision)
    call.platform.components.delete_version(component.id, version.revision)
    return Reply(status=204)


@routes.handle(COMPONENTS_GET_ENV)
def get_env(call: Call, component_id: str) -> Reply:
    """The variables, for the component's own team only."""
    return Reply(body=document(env_resource(team_component(call, component_id))))


@routes.handle(COMPONENTS_SET_ENV, body=ENV)
def put_env(call: Call, component_id: str) -> Reply:
    """Replace every variable with ``data.attributes.vars``; the component's team only."""
    component = team_component(call, component_id)
    component.env = dict(call.payload().attributes["vars"])
    return Reply(body=document(env_resource(component)))


def _docker_pull(call: Call, component_id: str, revision: str) -> Reply:
    version_of(team_component(call, component_id), revision)
    return Reply(status=200)


@routes.handle(COMPONENTS_DOCKER_PULL)
def docker_pull(call: Call, component_id: str, revision: str) -> Reply:
    return _docker_pull(call, component_id, revision)


@routes.handle(COMPONENTS_DOCKER_PULL_LATEST)
def docker_pull_latest(call: Call, component_id: str) -> Reply:
    return _docker_pull(call, component_id, "latest")
