"""``client.executions``: scheduled executions: verify credential, dynamic metadata,
select model (API v2)."""

from __future__ import annotations

from elasticio.resources._sender import Sender

__all__ = ["Executions"]


class Executions:
    """The scheduled executions (verify credential, dynamic metadata, select model) endpoints."""

    def __init__(self, client: Sender) -> None:
        self._client = client
