"""``client.contracts``: contracts (list, get, members) (API v2)."""

from __future__ import annotations

from elasticio.resources._sender import Sender

__all__ = ["Contracts"]


class Contracts:
    """The contracts (list, get, members) endpoints."""

    def __init__(self, client: Sender) -> None:
        self._client = client
