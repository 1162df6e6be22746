"""How each record looks in a response: attributes, relationships and links per the docs.

The dicts built here may share parts with the stored records: they are serialised at once
and must not be changed.
"""

from __future__ import annotations

from typing import Any

from elasticio.testing._jsonapi import Json, resource
from elasticio.testing._model import (
    Execution,
)

__all__ = [
    "PENDING",
    "execution_resource",
]

# The status text of an execution that has not finished, as the docs give it.
PENDING = "Pending request, waiting other process"


def execution_resource(execution: Execution, *, finished: bool) -> Json:
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
