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

from collections.abc import Mapping
from typing import Protocol, TypeVar

from elasticio.testing._areas.components.routes import component_for
from elasticio.testing._areas.contracts.routes import contract_for
from elasticio.testing._areas.teams.routes import team_for
from elasticio.testing._areas.users.routes import require_tenant_admin
from elasticio.testing._areas.workspaces.routes import workspace_for
from elasticio.testing._errors import not_found
from elasticio.testing._model import (
    Credential,
    DataSample,
    Flow,
)
from elasticio.testing._request import Call

__all__ = [
    "component_for",
    "contract_for",
    "credential_for",
    "data_sample_for",
    "flow_for",
    "require_tenant_admin",
    "team_for",
    "workspace_for",
]


class _InWorkspace(Protocol):
    @property
    def workspace_id(self) -> str: ...


R = TypeVar("R", bound=_InWorkspace)


def _in_workspace(call: Call, records: Mapping[str, R], record_id: str, label: str) -> R:
    """A record that lives in a workspace: 404 when unknown, 403 outside the caller's."""
    record = records.get(record_id)
    if record is None:
        raise not_found(label, record_id)
    workspace_for(call, record.workspace_id)
    return record


def flow_for(call: Call, flow_id: str) -> Flow:
    return _in_workspace(call, call.platform.flows, flow_id, "Flow")


def credential_for(call: Call, credential_id: str) -> Credential:
    return _in_workspace(call, call.platform.credentials, credential_id, "Credential")


def data_sample_for(call: Call, sample_id: str) -> DataSample:
    return _in_workspace(call, call.platform.data_samples, sample_id, "Data sample")
