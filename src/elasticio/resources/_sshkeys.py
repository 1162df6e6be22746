"""``client.ssh_keys``: the current user's SSH public keys (API v2)."""

from __future__ import annotations

from elasticio._pagination import Paginator
from elasticio._paths import Endpoint
from elasticio.jsonapi import UNSET, Document, Resource, Unset, encode_document
from elasticio.models._sshkeys import SSHKey, ssh_key_from
from elasticio.resources._base import Namespace, of_type, one_resource

__all__ = ["SSHKeys"]

LIST = Endpoint("GET", "/v2/sshkeys")
CREATE = Endpoint("POST", "/v2/sshkeys")
DELETE = Endpoint("DELETE", "/v2/sshkeys/{key_id}")


class SSHKeys(Namespace):
    """The current user's SSH public keys: list, add, delete.

    Example:
        >>> key = await client.ssh_keys.create("ssh-rsa AAAA...", title="laptop")  # doctest: +SKIP
    """

    def _key(self, document: Document, resource: Resource) -> SSHKey:
        return ssh_key_from(document, of_type(resource, "sshkey"))

    def list(self) -> Paginator[SSHKey]:
        """The current user's keys. Iterate with ``async for``."""
        return self._paginate(LIST.request(), self._key)

    async def create(self, key: str, *, title: str | Unset = UNSET) -> SSHKey:
        """Add an RSA or DSA public key, optionally titled."""
        body = encode_document("sshkey", attributes={"key": key, "title": title})
        document = await self._client.fetch(CREATE.request(json=body))
        return self._key(document, one_resource(document, "sshkey"))

    async def delete(self, key_id: str) -> None:
        """Delete one of the current user's keys."""
        await self._client.fetch(DELETE.request(key_id=key_id))
