"""Suspending a contract: its flows stop, and writes into it are refused meanwhile.

The docs say suspending stops every flow of the contract, completes once they have
stopped, and that "while the Contract gets suspended, all the writing requests will be
rejected", without a status code: the emulator answers 409, the docs' code for a request
that conflicts with the state of a resource. It refuses them for as long as the contract
is suspended, not only while its flows stop (a suspended contract whose flows could be
started again would not be suspended). Writes are those to the contract's workspaces and
what lives in them (flows, credentials, data samples, topics) and those creating
something in it (a body relating a ``workspace`` or the ``contract``); the contract's own
administration (members, invites, unsuspend, delete) stays open to tenant admins. A
caller who is not in the contract is left to the route, which refuses them as usual.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from elasticio.testing._areas.contracts.store import ContractRecord
from elasticio.testing._errors import conflict
from elasticio.testing._platform import Platform
from elasticio.testing._request import Call

__all__ = ["refuse_writes_while_suspended", "suspend", "unsuspend"]

_READS = frozenset({"GET", "HEAD"})
_WORKSPACE_LINKS = ("workspace", "dest_workspace")


def suspend(platform: Platform, contract: ContractRecord, *, delay: float) -> None:
    """Ask every running flow of the contract to stop; the suspension settles when they
    have (``delay`` seconds on the emulator's clock)."""
    if contract.status == "suspended":
        return
    workspace_ids = {w.id for w in platform.workspaces.values() if w.contract_id == contract.id}
    for flow in platform.flows.where(lambda f: f.workspace_id in workspace_ids):
        if flow.status == "active":
            platform.flows.set_status(flow.id, "inactive", delay=delay)
    contract.status = "suspended"
    contract.settles_at = platform.clock.now() + delay
    platform.contracts.touch(contract)


def unsuspend(platform: Platform, contract: ContractRecord) -> None:
    """Lift the suspension; the stopped flows stay stopped."""
    if contract.status != "active":
        contract.status = "active"
        contract.settles_at = float("-inf")
        platform.contracts.touch(contract)


def _linked(body: Any, name: str) -> str | None:
    """The id a request body's ``data.relationships.<name>`` names, if any."""
    try:
        found = body["data"]["relationships"][name]["data"]["id"]
    except (KeyError, TypeError):
        return None
    return found if isinstance(found, str) else None


def _workspace_of(platform: Platform, params: Mapping[str, str], body: Any) -> str | None:
    if "workspace_id" in params:
        return params["workspace_id"]
    for name, table in (
        ("flow_id", platform.flows),
        ("credential_id", platform.credentials),
        ("data_sample_id", platform.data_samples),
        ("recipe_id", platform.recipes),
        ("deployment_id", platform.recipe_deployments),
    ):
        if name in params:
            record = table.get(params[name])
            return None if record is None else str(record.workspace_id)
    return next(filter(None, (_linked(body, link) for link in _WORKSPACE_LINKS)), None)


def _contract_written(call: Call, params: Mapping[str, str]) -> ContractRecord | None:
    platform = call.platform
    workspace_id = _workspace_of(platform, params, call.body)
    if workspace_id is not None:
        workspace = platform.workspaces.get(workspace_id)
        return None if workspace is None else platform.contracts.get(workspace.contract_id)
    contract_id = _linked(call.body, "contract")
    return None if contract_id is None else platform.contracts.get(contract_id)


def refuse_writes_while_suspended(call: Call, params: Mapping[str, str]) -> None:
    """409 for a write into a suspended contract by someone in it (see the module)."""
    if call.entry.method in _READS or call.entry.area == "contracts":
        return
    contract = _contract_written(call, params)
    if contract is None or contract.status == "active":
        return
    if call.user.id in contract.members or call.user.tenant_admin:
        raise conflict(f"The contract is {contract.status_at(call.platform.clock.now())}.")
