"""Scheduled executions: verify a credential, fetch dynamic metadata or a select model,
then poll for the result.

Scheduling answers 202 with ``Location: <origin>/v2/exec/poll/{id}`` (an absolute URL
on the origin the request was sent to) and the pending ``execution-result``. Until
``settings.execution_time`` seconds have passed on the emulator's clock (the value
when the execution was scheduled), the poll answers 200 with the pending document and
the result endpoint 409; after that the poll answers 303 with
``Location: /v2/exec/result/{id}`` and the result endpoint 200 with
``data.attributes.result``. Results may be fetched any number of times. Readiness is
computed when asked, never by a background task. What the result holds, including how
a refused credential and a failed execution look, is described in
`elasticio.testing._areas.executions.outcomes`.

Executions belong to the workspace they were scheduled for: other users get 403.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from elasticio._catalog.v2 import (
    EXECUTIONS_DYNAMIC_METADATA,
    EXECUTIONS_POLL,
    EXECUTIONS_RESULT,
    EXECUTIONS_SELECT_MODEL,
    EXECUTIONS_VERIFY_CREDENTIAL,
)
from elasticio.testing._areas.components.routes import component_for, usable_in, version_of
from elasticio.testing._areas.credentials.routes import credential_for
from elasticio.testing._areas.executions.outcomes import (
    Outcome,
    dynamic_metadata,
    select_model,
    verify_credential,
)
from elasticio.testing._areas.executions.store import ExecutionKind, ExecutionRecord
from elasticio.testing._areas.executions.views import execution_resource
from elasticio.testing._areas.workspaces.routes import in_workspace
from elasticio.testing._errors import conflict, invalid
from elasticio.testing._jsonapi import document
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body, Rel

__all__ = ["routes"]

routes = RouteTable()

_FIELDS = Attr("fields", "object", required=True)
_MODULE = Attr("module", "string", required=True, filled=True)
_IN_WORKSPACE = (Rel("workspace", "workspace", required=True), Rel("vpn_agent", "vpn-agent"))
_CREDENTIAL = Rel("credential", "credential")

VERIFY = Body("verify-credential", attributes=(_FIELDS,), relationships=_IN_WORKSPACE)
METADATA = Body(
    "dynamic-metadata", attributes=(_FIELDS, _MODULE), relationships=(*_IN_WORKSPACE, _CREDENTIAL)
)
SELECT = Body(
    "select-model",
    attributes=(_FIELDS, _MODULE, Attr("method", "string", required=True, filled=True)),
    relationships=(*_IN_WORKSPACE, _CREDENTIAL),
)

Decide = Callable[[Mapping[str, Any], Mapping[str, Any]], Outcome]
"""The outcome, from the build's descriptor and the request's attributes."""


def _schedule(
    call: Call, component_id: str, revision: str, kind: ExecutionKind, decide: Decide
) -> Reply:
    """Check the request, fix the outcome now, answer 202 pointing at the poll URL."""
    version = version_of(component_for(call, component_id), revision)
    payload = call.payload()
    workspace, component = usable_in(call, payload.link("workspace"), component_id)
    credential_id = payload.links.get("credential")
    credential = None if credential_id is None else credential_for(call, credential_id)
    if credential is not None and credential.component_id != component.id:
        raise invalid("/data/relationships/credential", "is for another component")
    execution = call.platform.executions.schedule(
        kind=kind,
        workspace_id=workspace.id,
        user_id=call.user.id,
        outcome=decide(version.descriptor, payload.attributes),
        delay=call.settings.execution_time,
    )
    return Reply(
        status=202,
        body=document(execution_resource(execution, finished=False)),
        headers={"Location": f"{call.origin}/v2/exec/poll/{execution.id}"},
    )


@routes.handle(EXECUTIONS_VERIFY_CREDENTIAL, body=VERIFY)
def schedule_verify_credential(call: Call, component_id: str, version: str) -> Reply:
    def decide(descriptor: Mapping[str, Any], found: Mapping[str, Any]) -> Outcome:
        return verify_credential(descriptor, found["fields"])

    return _schedule(call, component_id, version, "verify-credential", decide)


@routes.handle(EXECUTIONS_DYNAMIC_METADATA, body=METADATA)
def schedule_dynamic_metadata(call: Call, component_id: str, version: str) -> Reply:
    def decide(descriptor: Mapping[str, Any], found: Mapping[str, Any]) -> Outcome:
        return dynamic_metadata(descriptor, found["module"], found["fields"])

    return _schedule(call, component_id, version, "dynamic-metadata", decide)


@routes.handle(EXECUTIONS_SELECT_MODEL, body=SELECT)
def schedule_select_model(call: Call, component_id: str, version: str) -> Reply:
    def decide(descriptor: Mapping[str, Any], found: Mapping[str, Any]) -> Outcome:
        return select_model(descriptor, found["module"], found["method"])

    return _schedule(call, component_id, version, "select-model", decide)


def _ready(call: Call, execution_id: str) -> tuple[ExecutionRecord, bool]:
    execution = in_workspace(call, call.platform.executions, execution_id)
    return execution, execution.ready(call.platform.clock.now())


@routes.handle(EXECUTIONS_POLL)
def poll_execution(call: Call, execution_id: str) -> Reply:
    """200 with the pending document, or 303 to the result once it is ready."""
    execution, ready = _ready(call, execution_id)
    if not ready:
        return Reply(body=document(execution_resource(execution, finished=False)))
    return Reply(
        status=303,
        body={"data": {}, "meta": {}},
        headers={"Location": f"/v2/exec/result/{execution.id}"},
    )


@routes.handle(EXECUTIONS_RESULT)
def get_execution_result(call: Call, execution_id: str) -> Reply:
    """200 with the result once ready; 409 before."""
    execution, ready = _ready(call, execution_id)
    if not ready:
        raise conflict("The execution result is not ready yet.")
    return Reply(body=document(execution_resource(execution, finished=True)))
