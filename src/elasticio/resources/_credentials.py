"""``client.credentials``: credentials (list, get, create, update, delete) (API v2)."""

from __future__ import annotations

from elasticio.resources._sender import Sender

__all__ = ["Credentials"]


class Credentials:
    """The credentials (list, get, create, update, delete) endpoints."""

    def __init__(self, client: Sender) -> None:
        self._client = client
