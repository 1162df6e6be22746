"""``client.flows``: flows, their versions, drafts and snapshots (API v2)."""

from __future__ import annotations

from elasticio.resources._sender import Sender

__all__ = ["Flows"]


class Flows:
    """The flows, their versions, drafts and snapshots endpoints."""

    def __init__(self, client: Sender) -> None:
        self._client = client
