"""Platform users."""

from __future__ import annotations

from datetime import datetime

from elasticio.models._declare import Model, model

__all__ = ["User"]


@model("user")
class User(Model):
    """A platform user; ``registered`` and ``last_login`` are aware datetimes."""

    id: str
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    company: str | None = None
    registered: datetime | None = None
    last_login: datetime | None = None
