"""The object store behind the signed URLs: slots of bytes, each with a put and a get
token that expire together.

The platform hands out URLs of an S3 bucket (v1) or of its own storage service (v2); the
emulator keeps the bytes itself and serves them under `OBJECTS_PATH`, outside the API
(`elasticio.testing._areas.resources.objects`).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Literal

import attrs

__all__ = ["OBJECTS_PATH", "ObjectSlot", "ObjectStore", "StoredObject"]

OBJECTS_PATH = "/_objects/"
"""Where the object store answers: ``{origin}/_objects/{token}``."""


@attrs.frozen
class StoredObject:
    """What a PUT left: the bytes and the ``Content-Type`` they came with."""

    content: bytes = attrs.field(repr=False)
    content_type: str


@attrs.define(kw_only=True)
class ObjectSlot:
    """One signed URL pair: a token to put the object, another to get it, and the
    emulator's monotonic second from which both are refused."""

    put_token: str = attrs.field(repr=False)
    get_token: str = attrs.field(repr=False)
    expires_at: float
    stored: StoredObject | None = None


class ObjectStore:
    """The slots by token; ``clock`` is the emulator's monotonic clock.

    Examples:
        >>> store = ObjectStore(lambda: 0.0)
        >>> slot = store.issue(60)
        >>> store.find(slot.put_token) == (slot, "put")
        True
        >>> store.find("never-issued") is None
        True
    """

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._by_token: dict[str, tuple[ObjectSlot, Literal["put", "get"]]] = {}

    def __len__(self) -> int:
        return len(self._by_token) // 2

    def issue(self, lifetime: float) -> ObjectSlot:
        """A new, empty slot whose tokens work for ``lifetime`` seconds from now."""
        slot = ObjectSlot(
            put_token=secrets.token_urlsafe(24),
            get_token=secrets.token_urlsafe(24),
            expires_at=self._clock() + lifetime,
        )
        self._by_token[slot.put_token] = (slot, "put")
        self._by_token[slot.get_token] = (slot, "get")
        return slot

    def find(self, token: str) -> tuple[ObjectSlot, Literal["put", "get"]] | None:
        """The slot ``token`` opens and what it may do there; None for a token never
        issued."""
        return self._by_token.get(token)

    def expired(self, slot: ObjectSlot) -> bool:
        return self._clock() >= slot.expires_at
