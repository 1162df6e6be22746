"""SSH public keys of the current user."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.jsonapi import Document, Resource
from elasticio.models._structure import linked_id, sdk_field, structure_resource

__all__ = ["SSHKey", "ssh_key_from"]


@attrs.frozen(kw_only=True)
class SSHKey:
    """An SSH public key: the ``key`` itself, its ``title`` and ``fingerprint``."""

    id: str
    key: str | None = None
    title: str | None = None
    fingerprint: str | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    user_id: str | None = sdk_field(default=None)


def ssh_key_from(document: Document, resource: Resource) -> SSHKey:
    """Structure an ``sshkey`` resource."""
    del document
    return structure_resource(SSHKey, resource, user_id=linked_id(resource, "user"))
