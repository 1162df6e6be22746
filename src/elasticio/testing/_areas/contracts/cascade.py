"""Deleting a contract and everything in it.

The docs list what goes: workspaces with their flows, credentials and data samples,
teams with their component repositories, invites. The emulator removes those (and what
else the workspaces hold, as deleting a workspace does, and the contract's auth clients)
at once, where
the platform finishes asynchronously. A contract whose components a flow of another
contract uses cannot be deleted: the docs give no status for it, and the emulator answers
409. Users who were members of this contract only are not removed from the platform here.
"""

from __future__ import annotations

from elasticio.testing._areas.contracts.store import ContractRecord
from elasticio.testing._areas.workspaces.cascade import held_tables
from elasticio.testing._errors import conflict
from elasticio.testing._platform import Platform

__all__ = ["delete_contract"]


def delete_contract(platform: Platform, contract: ContractRecord) -> None:
    """Remove ``contract`` and what it holds; 409 while another contract's flow uses one
    of its components."""
    workspace_ids = {w.id for w in platform.workspaces.values() if w.contract_id == contract.id}
    team_ids = {t.id for t in platform.teams.values() if t.contract_id == contract.id}
    component_ids = [c.id for c in platform.components.values() if c.team_id in team_ids]
    for component_id in component_ids:
        if any(f.workspace_id not in workspace_ids for f in platform.flows.using(component_id)):
            raise conflict(
                "The contract's components are used in flows of another contract: "
                "remove them from those flows first."
            )
    for table in held_tables(platform):
        for record in table.where(lambda r: r.workspace_id in workspace_ids):
            table.delete(record.id)
    for auth_client in platform.auth_clients.where(lambda c: c.contract_id == contract.id):
        platform.auth_clients.delete(auth_client.id)
    for component_id in component_ids:
        platform.components.delete(component_id)
    for team_id in team_ids:
        platform.teams.delete(team_id)
    for workspace_id in workspace_ids:
        platform.workspaces.delete(workspace_id)
    platform.contracts.delete(contract.id)
