"""SSH public keys of the current user."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio._converter import structure_attributes
from elasticio.jsonapi import Document, Resource
from elasticio.models._components import _linked_id, _object, _values

__all__ = ["SSHKey", "ssh_key_from"]


@attrs.frozen(kw_only=True)
class SSHKey:
    """An SSH public key: the ``key`` itself, its ``title`` and ``fingerprint``."""

    id: str
    key: str | None = None
    title: str | None = None
    fingerprint: str | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    user_id: str | None = _object(default=None)


def ssh_key_from(document: Document, resource: Resource) -> SSHKey:
    """Structure an ``sshkey`` resource."""
    del document
    return structure_attributes(
        SSHKey, _values(resource), pointer=resource.pointer, user_id=_linked_id(resource, "user")
    )
