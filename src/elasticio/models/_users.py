"""Platform users."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.jsonapi import Document, Resource
from elasticio.models._structure import structure_resource

__all__ = ["User", "user_from"]


@attrs.frozen(kw_only=True)
class User:
    """A platform user.

    ``registered`` and ``last_login`` are the ISO 8601 timestamps the API sends.
    """

    id: str
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    company: str | None = None
    registered: str | None = None
    last_login: str | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)


def user_from(document: Document, resource: Resource) -> User:
    """Structure a ``user`` resource."""
    del document  # a user has nothing to traverse
    return structure_resource(User, resource)
