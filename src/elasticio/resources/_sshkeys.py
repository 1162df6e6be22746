"""``client.ssh_keys``: the current user's SSH public keys (API v2)."""

from __future__ import annotations

from elasticio._catalog.v2 import SSH_KEYS_CREATE, SSH_KEYS_DELETE, SSH_KEYS_LIST
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Document, Resource, Unset, encode_document
from elasticio.models._sshkeys import SSHKey, ssh_key_from
from elasticio.resources._base import Namespace, of_type, one_resource, request

__all__ = ["SSHKeys"]


class SSHKeys(Namespace):
    """The current user's SSH public keys: list, add, delete.

    Example:
        >>> key = await client.ssh_keys.create("ssh-rsa AAAA...", title="laptop")  # doctest: +SKIP
    """

    def _key(self, document: Document, resource: Resource) -> SSHKey:
        return ssh_key_from(document, of_type(resource, "sshkey"))

    def list(self) -> Paginator[SSHKey]:
        """The current user's keys. Iterate with ``async for``."""
        return self._paginate(request(SSH_KEYS_LIST), self._key)

    async def create(self, key: str, *, title: str | Unset = UNSET) -> SSHKey:
        """Add an RSA or DSA public key, optionally titled."""
        body = encode_document("sshkey", attributes={"key": key, "title": title})
        document = await self._client.fetch(request(SSH_KEYS_CREATE, json=body))
        return self._key(document, one_resource(document, "sshkey"))

    async def delete(self, key_id: str) -> None:
        """Delete one of the current user's keys."""
        await self._client.fetch(request(SSH_KEYS_DELETE, key_id=key_id))
