"""``client.v1.sshkeys``: the caller's SSH public keys (API v1)."""

from __future__ import annotations

from typing import Unpack

from elasticio._catalog.v1 import V1_SSHKEYS_CREATE, V1_SSHKEYS_DELETE, V1_SSHKEYS_LIST
from elasticio._options import CallOptions
from elasticio.jsonapi import UNSET, Unset
from elasticio.models._v1 import V1SSHKey
from elasticio.resources._base import Namespace

__all__ = ["V1SSHKeys"]


class V1SSHKeys(Namespace):
    """The caller's SSH public keys, in API v1: list, add, delete. They are the keys
    ``client.ssh_keys`` shows."""

    async def list(self, **options: Unpack[CallOptions]) -> list[V1SSHKey]:
        """Every key of the caller.

        Examples:
            >>> keys = await client.v1.sshkeys.list()
            >>> [key.title for key in keys]
            ['Laptop']
        """
        return await self._objects(V1_SSHKEYS_LIST, V1SSHKey, options=options)

    async def create(
        self, key: str, *, title: str | Unset = UNSET, **options: Unpack[CallOptions]
    ) -> V1SSHKey:
        """Add an OpenSSH public key, optionally titled.

        Examples:
            >>> key = await client.v1.sshkeys.create(
            ...     "ssh-ed25519 "
            ...     "AAAAC3NzaC1lZDI1NTE5AAAAIJW/DcopWU4jjiehBLWqDfGLwc1My5D6TwZLEULgZ81M",
            ...     title="laptop",
            ... )
            >>> key.fingerprint is not None
            True
        """
        body = {"key": key} if isinstance(title, Unset) else {"key": key, "title": title}
        return await self._object(V1_SSHKEYS_CREATE, V1SSHKey, body=body, options=options)

    async def delete(self, key_id: str, **options: Unpack[CallOptions]) -> None:
        """Delete one of the caller's keys.

        Examples:
            >>> await client.v1.sshkeys.delete("SSH_KEY_ID")
        """
        await self._plain(V1_SSHKEYS_DELETE, key_id=key_id, options=options)
