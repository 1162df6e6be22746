"""Who may see what (being replaced by the access rules of each area's routes)."""

from __future__ import annotations

from elasticio.testing._areas.components.routes import component_for
from elasticio.testing._areas.contracts.routes import contract_for
from elasticio.testing._areas.credentials.routes import credential_for
from elasticio.testing._areas.teams.routes import team_for
from elasticio.testing._areas.users.routes import require_tenant_admin
from elasticio.testing._areas.workspaces.routes import workspace_for
from elasticio.testing._errors import NoSuchRecordError
from elasticio.testing._model import Flow
from elasticio.testing._request import Call

__all__ = [
    "component_for",
    "contract_for",
    "credential_for",
    "flow_for",
    "require_tenant_admin",
    "team_for",
    "workspace_for",
]


def flow_for(call: Call, flow_id: str) -> Flow:
    flow = call.platform.flows.get(flow_id)
    if flow is None:
        raise NoSuchRecordError("flow", flow_id)
    workspace_for(call, flow.workspace_id)
    return flow
