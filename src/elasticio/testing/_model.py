"""The emulated platform's records: users, contracts, workspaces, teams, components, flows,
credentials, data samples, SSH keys and scheduled executions.

They are plain mutable attrs classes holding what the platform stores; how each one is
shown in a response lives in ``_views``.
"""

from __future__ import annotations

from typing import Any, Literal

import attrs

__all__ = [
    "Execution",
    "ExecutionKind",
]

Roles = list[str]
ExecutionKind = Literal["verify-credential", "dynamic-metadata", "select-model"]


@attrs.define(kw_only=True)
class Execution:
    """A scheduled component execution; its outcome is fixed when scheduled and shown from
    the monotonic instant ``ready_at`` on.

    ``error`` is None for an execution that ran, else what the component failed with.
    """

    id: str
    kind: ExecutionKind
    workspace_id: str
    user_id: str
    ready_at: float
    result: Any = attrs.Factory(dict)
    error: dict[str, Any] | None = None

    def ready(self, now: float) -> bool:
        return now >= self.ready_at
