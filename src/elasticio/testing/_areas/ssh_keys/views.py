"""How an SSH key looks in answers."""

from __future__ import annotations

from elasticio.testing._areas.ssh_keys.store import SshKeyRecord
from elasticio.testing._jsonapi import Json, link, resource

__all__ = ["sshkey_resource"]


def sshkey_resource(key: SshKeyRecord) -> Json:
    return resource(
        "sshkey",
        key.id,
        self_link=f"/v2/sshkeys/{key.id}",
        attributes={"key": key.key, "title": key.title, "fingerprint": key.fingerprint},
        relationships={"user": link("user", key.user_id)},
    )
