"""``client.users``: users (me, get, list) (API v2)."""

from __future__ import annotations

from elasticio.resources._sender import Sender

__all__ = ["Users"]


class Users:
    """The users (me, get, list) endpoints."""

    def __init__(self, client: Sender) -> None:
        self._client = client
