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
:mod:`elasticio.testing._executions`.

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
from elasticio.testing._access import (
    component_for,
    credential_for,
    workspace_for,
)
from elasticio.testing._errors import bad_request, conflict, forbidden, not_found
from elasticio.testing._executions import (
    Outcome,
    dynamic_metadata,
    select_model,
    verify_credential,
)
from elasticio.testing._jsonapi import document
from elasticio.testing._model import Execution, ExecutionKind
from elasticio.testing._payload import attributes, primary, relationship_id
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._views import execution_resource

__all__ = ["routes"]

routes = RouteTable()

Decide = Callable[[Mapping[str, Any], Mapping[str, Any]], Outcome]


def _text(found: Mapping[str, Any], name: str) -> str:
    value = found.get(name)
    if not isinstance(value, str) or not value.strip():
        raise bad_request(f"data.attributes.{name} is required")
    return value


def _schedule(
    call: Call, component_id: str, revision: str, kind: ExecutionKind, decide: Decide
) -> Reply:
    """Check the request, fix the outcome now, answer 202 pointing at the poll URL.

    ``decide`` gets the build's descriptor and the request's attributes.
    """
    component = component_for(call, component_id)
    version = component.version(revision)
    if version is None:
        raise not_found("Version", revision)
    data = primary(call.body, kind)
    found = attributes(data)
    if not isinstance(found.get("fields"), Mapping):
        raise bad_request("data.attributes.fields is required and must be an object")
    workspace_id = relationship_id(data, "workspace", "workspace")
    if workspace_id is None:
        raise bad_request("data.relationships.workspace is required")
    relationship_id(data, "vpn_agent", "vpn-agent")
    workspace = workspace_for(call, workspace_id)
    if not component.available_to(workspace.contract_id):
        raise forbidden("The component cannot be used in this workspace.")
    if kind != "verify-credential":
        credential_id = relationship_id(data, "credential", "credential")
        if credential_id is not None:
            credential = credential_for(call, credential_id)
            if credential.component_id != component.id:
                raise bad_request("the credential is for another component")
    outcome = decide(version.descriptor, found)
    execution = call.platform.schedule_execution(
        kind=kind,
        workspace_id=workspace.id,
        user_id=call.user.id,
        outcome=outcome,
        delay=call.settings.execution_time,
    )
    return Reply(
        status=202,
        body=document(execution_resource(execution, finished=False)),
        headers={"Location": f"{call.origin}/v2/exec/poll/{execution.id}"},
    )


@routes.handle(EXECUTIONS_VERIFY_CREDENTIAL)
def schedule_verify_credential(call: Call, component_id: str, version: str) -> Reply:
    def decide(descriptor: Mapping[str, Any], found: Mapping[str, Any]) -> Outcome:
        return verify_credential(descriptor, found["fields"])

    return _schedule(call, component_id, version, "verify-credential", decide)


@routes.handle(EXECUTIONS_DYNAMIC_METADATA)
def schedule_dynamic_metadata(call: Call, component_id: str, version: str) -> Reply:
    def decide(descriptor: Mapping[str, Any], found: Mapping[str, Any]) -> Outcome:
        return dynamic_metadata(descriptor, _text(found, "module"), found["fields"])

    return _schedule(call, component_id, version, "dynamic-metadata", decide)


@routes.handle(EXECUTIONS_SELECT_MODEL)
def schedule_select_model(call: Call, component_id: str, version: str) -> Reply:
    def decide(descriptor: Mapping[str, Any], found: Mapping[str, Any]) -> Outcome:
        return select_model(descriptor, _text(found, "module"), _text(found, "method"))

    return _schedule(call, component_id, version, "select-model", decide)


def _execution(call: Call, execution_id: str) -> Execution:
    execution = call.platform.executions.get(execution_id)
    if execution is None:
        raise not_found("Execution", execution_id)
    workspace_for(call, execution.workspace_id)
    return execution


@routes.handle(EXECUTIONS_POLL)
def poll_execution(call: Call, execution_id: str) -> Reply:
    """200 with the pending document, or 303 to the result once it is ready."""
    execution = _execution(call, execution_id)
    if not execution.ready(call.platform.clock.now()):
        return Reply(body=document(execution_resource(execution, finished=False)))
    return Reply(
        status=303,
        body={"data": {}, "meta": {}},
        headers={"Location": f"/v2/exec/result/{execution.id}"},
    )


@routes.handle(EXECUTIONS_RESULT)
def get_execution_result(call: Call, execution_id: str) -> Reply:
    """200 with the result once ready; 409 before."""
    execution = _execution(call, execution_id)
    if not execution.ready(call.platform.clock.now()):
        raise conflict("The execution result is not ready yet.")
    return Reply(body=document(execution_resource(execution, finished=True)))
