"""Scheduled executions in API v1: ``POST /v1/exec/schedule``, then poll, then the
result, once.

The same executions as v2's, with the same outcomes
(`elasticio.testing._areas.executions.outcomes`): ``verify_credentials`` checks
``account_data`` (or the keys of ``account_id``), ``get_meta_model`` is v2's dynamic
metadata of ``action_or_trigger`` configured with ``cfg``, ``select_model`` runs
``model_method`` of it. The latest build of ``component`` runs. v1 names no workspace:
the execution belongs to the account's workspace, else to the caller's first workspace
(in id order) whose contract may use the component (403 when there is none).

Scheduling answers 202 ``{"message": "ok"}`` with ``Location: <origin>/v1/exec/poll/{id}``.
The poll answers 200 ``{"message": "Result not ready yet."}`` until
``settings.execution_time`` has passed, then 303 ``{"message": "Ready."}`` with the
result's URL. The result answers 200 ``{"data": ...}``, or 400 ``{"message": "Rejected.",
"reason": ...}`` for a failed execution, and only once: after that, poll and result
answer 404 ``Result does not exist.``, as for an unknown id. A result not fetched within
``settings.execution_lifetime`` seconds of being ready expires: 404 ``Expired.``. Asked
for before it is ready, the result answers 409, as in v2. Executions of another user's
workspaces are 403.
"""

from __future__ import annotations

from typing import Any

from elasticio._catalog.v1 import V1_EXEC_POLL, V1_EXEC_RESULT, V1_EXEC_SCHEDULE
from elasticio.testing._areas.components.routes import component_for, version_of
from elasticio.testing._areas.components.store import ComponentRecord
from elasticio.testing._areas.credentials.routes import credential_for
from elasticio.testing._areas.credentials.store import CredentialRecord
from elasticio.testing._areas.executions.outcomes import (
    Outcome,
    dynamic_metadata,
    select_model,
    verify_credential,
)
from elasticio.testing._areas.executions.store import ExecutionKind, ExecutionRecord
from elasticio.testing._areas.workspaces.routes import workspace_for
from elasticio.testing._errors import ReplyError, conflict, forbidden, invalid
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, PlainBody

__all__ = ["routes"]

routes = RouteTable()

_TYPES: dict[str, ExecutionKind] = {
    "verify_credentials": "verify-credential",
    "get_meta_model": "dynamic-metadata",
    "select_model": "select-model",
}

SCHEDULE = PlainBody(
    "v1-execution",
    members=(
        Attr("execution_type", "string", required=True, choices=tuple(_TYPES)),
        Attr("component", "string", required=True, filled=True),
        Attr("account_data", "object", nullable=True),
        Attr("account_id", "string", nullable=True, filled=True),
        Attr("action_or_trigger", "string", nullable=True, filled=True),
        Attr("model_method", "string", nullable=True, filled=True),
        Attr("cfg", "object", nullable=True),
    ),
)

_MISSING = "Result does not exist."


def _required(found: dict[str, Any], *names: str) -> None:
    for name in names:
        if found.get(name) is None:
            raise invalid(f"/{name}", f"is required for {found['execution_type']}")


def _account(call: Call, found: dict[str, Any], component: ComponentRecord) -> CredentialRecord:
    account = credential_for(call, found["account_id"])
    if account.component_id != component.id:
        raise invalid("/account_id", "is an account of another component")
    return account


def _first_workspace(call: Call, component: ComponentRecord) -> str:
    for workspace in call.platform.workspaces.with_member(call.user.id):
        if component.available_to(workspace.contract_id):
            return workspace.id
    raise forbidden("None of your workspaces may use this component.")


def _decide(call: Call, found: dict[str, Any]) -> tuple[str, Outcome]:
    """The workspace the execution runs for, and its outcome."""
    component = component_for(call, found["component"])
    descriptor = version_of(component, "latest").descriptor
    kind = found["execution_type"]
    if kind == "verify_credentials":
        if found.get("account_data") is None:
            _required(found, "account_id")
            account = _account(call, found, component)
            return account.workspace_id, verify_credential(descriptor, account.keys)
        return _first_workspace(call, component), verify_credential(
            descriptor, found["account_data"]
        )
    _required(found, "action_or_trigger", "account_id")
    workspace_id = _account(call, found, component).workspace_id
    module = found["action_or_trigger"]
    if kind == "get_meta_model":
        return workspace_id, dynamic_metadata(descriptor, module, found.get("cfg") or {})
    _required(found, "model_method")
    return workspace_id, select_model(descriptor, module, found["model_method"])


@routes.handle(V1_EXEC_SCHEDULE, body=SCHEDULE)
def schedule(call: Call) -> Reply:
    found = call.members()
    workspace_id, outcome = _decide(call, found)
    execution = call.platform.executions.schedule(
        kind=_TYPES[found["execution_type"]],
        workspace_id=workspace_id,
        user_id=call.user.id,
        outcome=outcome,
        delay=call.settings.execution_time,
        lifetime=call.settings.execution_lifetime,
    )
    return Reply(
        status=202,
        body={"message": "ok"},
        headers={"Location": f"{call.origin}/v1/exec/poll/{execution.id}"},
    )


def _available(call: Call, execution_id: str) -> tuple[ExecutionRecord, bool]:
    """An execution whose result may still be fetched, and whether it is ready."""
    execution = call.platform.executions.get(execution_id)
    if execution is None or execution.fetched:
        raise ReplyError(404, _MISSING)
    workspace_for(call, execution.workspace_id)
    now = call.platform.clock.now()
    if execution.expired(now):
        raise ReplyError(404, "Expired.")
    return execution, execution.ready(now)


@routes.handle(V1_EXEC_POLL)
def poll(call: Call, execution_id: str) -> Reply:
    execution, ready = _available(call, execution_id)
    if not ready:
        return Reply(body={"message": "Result not ready yet."})
    return Reply(
        status=303,
        body={"message": "Ready."},
        headers={"Location": f"{call.origin}/v1/exec/result/{execution.id}"},
    )


@routes.handle(V1_EXEC_RESULT)
def result(call: Call, execution_id: str) -> Reply:
    execution, ready = _available(call, execution_id)
    if not ready:
        raise conflict("Result not ready yet.")
    execution.fetched = True
    if execution.error is not None:
        raise ReplyError(400, "Rejected.", extra={"reason": execution.error})
    return Reply(body={"data": execution.result})
