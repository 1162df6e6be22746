"""``client.workspaces``: workspaces (list, get, members) (API v2)."""

from __future__ import annotations

from elasticio.resources._sender import Sender

__all__ = ["Workspaces"]


class Workspaces:
    """The workspaces (list, get, members) endpoints."""

    def __init__(self, client: Sender) -> None:
        self._client = client
