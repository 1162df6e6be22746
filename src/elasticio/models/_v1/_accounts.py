"""Accounts (credentials) as API v1 shows them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.models._plain import PlainModel, plain_model

__all__ = ["V1Account"]


@plain_model(extra_repr=False)
class V1Account(PlainModel):
    """An account: a credential's ``name``, the id of its component (``type``) and its
    ``keys`` (secrets: never in a repr, nor are unknown members). v2 shows it as a
    `Credential`.

    Examples:
        >>> account = V1Account(id="a1", name="Demo", keys={"apiKey": "k"})
        >>> "apiKey" in repr(account), account.keys["apiKey"]
        (False, 'k')
    """

    id: str
    name: str | None = None
    type: str | None = None
    keys: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
