"""Platform users."""

from __future__ import annotations

from datetime import datetime

from elasticio.models._declare import Model, model, to_one

__all__ = ["OpenIDIdentity", "User"]


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


@model("openid-identity", "user")
class OpenIDIdentity(Model):
    """An OpenID identity linked to a user: the issuer ``iss`` (a URL) and the subject
    ``sub`` an OpenID provider signs them in as. The docs' example answers with the type
    ``user``; both types are read.

    Examples:
        >>> from elasticio import OpenIDIdentity
        >>> OpenIDIdentity(id="i1", iss="https://idp.example.com", sub="ann").sub
        'ann'
    """

    id: str
    iss: str | None = None
    sub: str | None = None
    user_id: str | None = to_one("user")
