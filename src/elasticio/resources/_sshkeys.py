"""``client.ssh_keys``: the current user's SSH public keys (API v2)."""

from __future__ import annotations

from typing import Unpack

from elasticio._catalog.v2 import SSH_KEYS_CREATE, SSH_KEYS_DELETE, SSH_KEYS_LIST
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Unset
from elasticio.models._sshkeys import SSHKey
from elasticio.resources._base import Namespace

__all__ = ["SSHKeys"]


class SSHKeys(Namespace):
    """The current user's SSH public keys: list, add, delete.

    Examples:
        >>> async for key in client.ssh_keys.list():  # doctest: +SKIP
        ...     print(key.title, key.fingerprint)
    """

    def list(self, **options: Unpack[ListOptions]) -> Paginator[SSHKey]:
        """The current user's keys (one request: the API does not page them). Iterate
        with ``async for``.

        Examples:
            >>> async for key in client.ssh_keys.list():
            ...     print(key.title, key.fingerprint)
        """
        return self._list(SSH_KEYS_LIST, SSHKey, options=options)

    async def create(
        self, key: str, *, title: str | Unset = UNSET, **options: Unpack[CallOptions]
    ) -> SSHKey:
        """Add an RSA or DSA public key, optionally titled.

        Examples:
            >>> key = await client.ssh_keys.create(
            ...     "ssh-ed25519 "
            ...     "AAAAC3NzaC1lZDI1NTE5AAAAIJW/DcopWU4jjiehBLWqDfGLwc1My5D6TwZLEULgZ81M",
            ...     title="laptop",
            ... )
        """
        body = self._body(SSH_KEYS_CREATE, attributes={"key": key, "title": title})
        return await self._one(SSH_KEYS_CREATE, SSHKey, body=body, options=options)

    async def delete(self, key_id: str, **options: Unpack[CallOptions]) -> None:
        """Delete one of the current user's keys.

        Examples:
            >>> await client.ssh_keys.delete("SSH_KEY_ID")
        """
        await self._nothing(SSH_KEYS_DELETE, key_id=key_id, options=options)
