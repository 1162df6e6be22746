"""``client.teams``: teams (list, get) (API v2)."""

from __future__ import annotations

from elasticio.resources._sender import Sender

__all__ = ["Teams"]


class Teams:
    """The teams (list, get) endpoints."""

    def __init__(self, client: Sender) -> None:
        self._client = client
