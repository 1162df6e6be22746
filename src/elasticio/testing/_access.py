"""Who may see what (being replaced by the access rules of each area's routes)."""

from __future__ import annotations

from elasticio.testing._areas.components.routes import component_for
from elasticio.testing._areas.contracts.routes import contract_for
from elasticio.testing._areas.credentials.routes import credential_for
from elasticio.testing._areas.teams.routes import team_for
from elasticio.testing._areas.users.routes import require_tenant_admin
from elasticio.testing._areas.workspaces.routes import workspace_for

__all__ = [
    "component_for",
    "contract_for",
    "credential_for",
    "require_tenant_admin",
    "team_for",
    "workspace_for",
]
