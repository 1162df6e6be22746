"""``client.ssh_keys``: SSH keys (list, create, delete) (API v2)."""

from __future__ import annotations

from elasticio.resources._sender import Sender

__all__ = ["SSHKeys"]


class SSHKeys:
    """The SSH keys (list, create, delete) endpoints."""

    def __init__(self, client: Sender) -> None:
        self._client = client
