"""Signed URL pairs for attachment storage (API v1 and v2 answer the same)."""

from __future__ import annotations

import attrs

from elasticio.models._plain import PlainModel, plain_model

__all__ = ["SignedUrl"]


@plain_model()
class SignedUrl(PlainModel):
    """A pre-signed URL pair: PUT the bytes to ``put_url``, GET them from ``get_url``,
    both for ``expires`` seconds. The URLs carry their own authority: send them no
    credentials. They are kept out of the repr, as anyone holding them may use them.

    Examples:
        >>> url = SignedUrl(put_url="https://s/p", get_url="https://s/g", expires=18000)
        >>> url
        SignedUrl(expires=18000, extra=mappingproxy({}))
    """

    put_url: str = attrs.field(repr=False)
    get_url: str = attrs.field(repr=False)
    expires: int | None = None
