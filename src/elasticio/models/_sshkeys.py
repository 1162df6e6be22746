"""SSH public keys of the current user."""

from __future__ import annotations

from elasticio.models._declare import Model, model, to_one

__all__ = ["SSHKey"]


@model("sshkey")
class SSHKey(Model):
    """An SSH public key: the ``key`` itself, its ``title`` and ``fingerprint``, and the
    ``user_id`` it belongs to. A public key is no secret: it is shown in the repr."""

    id: str
    key: str | None = None
    title: str | None = None
    fingerprint: str | None = None
    user_id: str | None = to_one("user")
