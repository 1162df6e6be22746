"""How an execution looks in answers: pending, or finished with its result."""

from __future__ import annotations

from typing import Any

from elasticio.testing._areas.executions.store import ExecutionRecord
from elasticio.testing._jsonapi import Json, resource

__all__ = ["PENDING", "execution_resource"]

PENDING = "Pending request, waiting other process"
"""The status text of an execution that has not finished, as the docs give it."""


def execution_resource(execution: ExecutionRecord, *, finished: bool) -> Json:
    """An execution as scheduled or polled (pending), or as its finished result."""
    attributes: dict[str, Any]
    if not finished:
        attributes = {"result": {}, "status": PENDING}
    elif execution.error is not None:
        attributes = {"result": {}, "status": "failed", "error": execution.error}
    else:
        attributes = {"result": execution.result}
    return resource(
        "execution-result",
        execution.id,
        self_link=f"/v2/exec/result/{execution.id}",
        attributes=attributes,
    )
