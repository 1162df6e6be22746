"""Who may see what: lookups that answer 404 for unknown ids and 403 for foreign ones.

The rules, simplified from the docs: contracts are open to their members and to tenant
admins; workspaces (and their flows, credentials, data samples and executions) to their
members; a component to anyone whose contract it belongs to, or to everyone when it is
shared (``tenant`` or ``global``); changing a component needs membership of its team;
managing a workspace's members needs the ``owner`` or ``admin`` role in it (or tenant
admin). Otherwise roles are stored and shown but do not narrow permissions further
(so ``workspaces.credential.edit`` and ``workspaces.flow.edit`` come with membership).
"""

from __future__ import annotations

from elasticio.testing._errors import forbidden, not_found
from elasticio.testing._model import (
    Component,
    Contract,
    Credential,
    DataSample,
    Flow,
    Team,
    Workspace,
)
from elasticio.testing._request import Call

__all__ = [
    "available_to_contract",
    "component_for",
    "contract_for",
    "credential_for",
    "data_sample_for",
    "flow_for",
    "require_tenant_admin",
    "require_workspace_admin",
    "team_component",
    "team_for",
    "user_contract_ids",
    "workspace_for",
]


def require_tenant_admin(call: Call) -> None:
    if not call.user.tenant_admin:
        raise forbidden()


def require_workspace_admin(call: Call, workspace: Workspace) -> None:
    roles = workspace.members.get(call.user.id, [])
    if not (call.user.tenant_admin or {"owner", "admin"} & set(roles)):
        raise forbidden()


def user_contract_ids(call: Call) -> set[str]:
    return {c.id for c in call.platform.contracts.values() if call.user.id in c.members}


def contract_for(call: Call, contract_id: str) -> Contract:
    contract = call.platform.contracts.get(contract_id)
    if contract is None:
        raise not_found("Contract", contract_id)
    if call.user.id not in contract.members and not call.user.tenant_admin:
        raise forbidden()
    return contract


def workspace_for(call: Call, workspace_id: str) -> Workspace:
    workspace = call.platform.workspaces.get(workspace_id)
    if workspace is None:
        raise not_found("Workspace", workspace_id)
    if call.user.id not in workspace.members:
        raise forbidden()
    return workspace


def flow_for(call: Call, flow_id: str) -> Flow:
    flow = call.platform.flows.get(flow_id)
    if flow is None:
        raise not_found("Flow", flow_id)
    workspace_for(call, flow.workspace_id)
    return flow


def credential_for(call: Call, credential_id: str) -> Credential:
    credential = call.platform.credentials.get(credential_id)
    if credential is None:
        raise not_found("Credential", credential_id)
    workspace_for(call, credential.workspace_id)
    return credential


def data_sample_for(call: Call, sample_id: str) -> DataSample:
    sample = call.platform.data_samples.get(sample_id)
    if sample is None:
        raise not_found("Data sample", sample_id)
    workspace_for(call, sample.workspace_id)
    return sample


def team_for(call: Call, team_id: str) -> Team:
    team = call.platform.teams.get(team_id)
    if team is None or team.contract_id is None:
        raise not_found("Team", team_id)
    contract_for(call, team.contract_id)
    if call.user.id not in team.user_ids and not call.user.tenant_admin:
        raise forbidden()
    return team


def available_to_contract(component: Component, contract_id: str) -> bool:
    return component.access != "team" or component.contract_id == contract_id


def component_for(call: Call, component_id: str) -> Component:
    """A component the caller may use: from one of their contracts, or shared."""
    component = call.platform.components.get(component_id)
    if component is None:
        raise not_found("Component", component_id)
    if component.access == "team" and component.contract_id not in user_contract_ids(call):
        raise forbidden()
    return component


def team_component(call: Call, component_id: str) -> Component:
    """A component the caller may change: one of their teams owns it."""
    component = component_for(call, component_id)
    if call.user.id not in call.platform.teams[component.team_id].user_ids:
        raise forbidden("The component must belong to one of your teams.")
    return component
