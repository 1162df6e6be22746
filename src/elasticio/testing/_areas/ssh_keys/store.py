"""Users' SSH public keys, for pushing component code."""

from __future__ import annotations

import attrs

from elasticio.testing._areas.ssh_keys.keys import parse_public_key
from elasticio.testing._areas.users.store import Users
from elasticio.testing._ids import IdFactory
from elasticio.testing._table import Table

__all__ = ["SshKeyRecord", "SshKeys"]


@attrs.define(kw_only=True)
class SshKeyRecord:
    """A user's SSH public key (normalised) and its MD5 fingerprint."""

    id: str = attrs.field(init=False, default="")
    user_id: str
    key: str
    title: str | None
    fingerprint: str


class SshKeys(Table[SshKeyRecord]):
    def __init__(self, ids: IdFactory, users: Users) -> None:
        super().__init__("sshkey", ids, label="SSH key", refs={"user_id": users})

    def create(self, *, user_id: str, key: str, title: str | None = None) -> SshKeyRecord:
        """A user's public key.

        Raises:
            ValueError: ``key`` is not an SSH public key (the message says why).
        """
        parsed = parse_public_key(key)
        return self.add(
            SshKeyRecord(
                user_id=user_id, key=parsed.text, title=title, fingerprint=parsed.fingerprint
            )
        )
