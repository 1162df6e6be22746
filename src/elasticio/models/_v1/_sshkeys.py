"""SSH public keys as API v1 shows them."""

from __future__ import annotations

from elasticio.models._plain import PlainModel, plain_model

__all__ = ["V1SSHKey"]


@plain_model()
class V1SSHKey(PlainModel):
    """One of the caller's SSH public keys: the ``key`` itself (no secret, so shown in
    the repr), its ``title``, ``fingerprint`` and owner ``user_id``.

    Examples:
        >>> V1SSHKey(id="k1", title="laptop").title
        'laptop'
    """

    id: str
    key: str | None = None
    title: str | None = None
    fingerprint: str | None = None
    user_id: str | None = None
