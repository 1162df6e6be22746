"""Stats: the input queues of a flow's steps, and the inventory of workspaces, their
flows and the components those use.

A flow's queues are for the members of its workspace (tenant admins too): a member of
the contract outside the workspace gets 403, a caller outside the contract 404.

The inventory answers a tenant admin with every workspace of the tenant, and then
refuses a ``contract_id`` (400, "prohibited for tenant admin"); anyone else must name a
``contract_id`` (400 without it) and hold ``global.stats.workspaces`` there (the
contract's owners do): 403 otherwise. A flow's components are its steps' ones, each
with the version its command names (``latest`` when none).
"""

from __future__ import annotations

from elasticio._catalog.v2 import PLATFORM_STATS_QUEUES, PLATFORM_STATS_WORKSPACES
from elasticio.testing._areas.flows.store import FlowRecord
from elasticio.testing._areas.workspaces.routes import reachable_workspace
from elasticio.testing._areas.workspaces.store import WorkspaceRecord
from elasticio.testing._errors import bad_request, forbidden
from elasticio.testing._jsonapi import Json, document, resource
from elasticio.testing._permissions import require
from elasticio.testing._query import require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._time import iso

__all__ = ["routes"]

routes = RouteTable()


@routes.handle(PLATFORM_STATS_QUEUES)
def queue_stats(call: Call, flow_id: str) -> Reply:
    flow = call.platform.flows[flow_id]
    workspace = reachable_workspace(call, flow.workspace_id)
    if not call.user.tenant_admin and call.user.id not in workspace.members:
        raise forbidden("Only members of the flow's workspace may read its queues.")
    stats = [
        {
            "step_id": step_id,
            "total": figures.total,
            "ready": figures.ready,
            "unacked": figures.unacked,
            "rebounds": figures.rebounds,
        }
        for step_id, figures in call.platform.queues.of_flow(flow)
    ]
    return Reply(body=document(resource("flow-queue-stats", flow.id, attributes={"stats": stats})))


def _version(command: object) -> str:
    if isinstance(command, str) and "@" in command:
        return command.rsplit("@", 1)[1] or "latest"
    return "latest"


def _flow_stats(call: Call, flow: FlowRecord) -> Json:
    components = []
    for node in flow.nodes:
        component = call.platform.components.get(str(node.get("component_id")))
        components.append(
            {
                "name": component.name if component else None,
                "component_id": node.get("component_id"),
                "version": _version(node.get("command")),
            }
        )
    return {
        "id": flow.id,
        "name": flow.name,
        "status": flow.status,
        "type": flow.type,
        "created_at": iso(flow.created_at),
        "updated_at": iso(flow.updated_at),
        "components": components,
    }


def _workspace_stats(call: Call, workspace: WorkspaceRecord) -> Json:
    flows = call.platform.flows.where(lambda f: f.workspace_id == workspace.id)
    attributes = {
        "name": workspace.name,
        "type": workspace.type,
        "flows": [_flow_stats(call, flow) for flow in flows],
    }
    return resource("workspace-stats", workspace.id, attributes=attributes)


@routes.handle(PLATFORM_STATS_WORKSPACES)
def workspace_stats(call: Call) -> Reply:
    if call.user.tenant_admin:
        if "contract_id" in call.query:
            raise bad_request(
                "contract_id is prohibited for a tenant admin", parameter="contract_id"
            )
        workspaces = list(call.platform.workspaces.values())
    else:
        contract = call.platform.contracts[require_query(call.query, "contract_id")]
        require(call, "global.stats.workspaces", contract=contract)
        workspaces = call.platform.workspaces.where(lambda w: w.contract_id == contract.id)
    data = [_workspace_stats(call, workspace) for workspace in workspaces]
    return Reply(body=document(data, self_link=call.path))
