"""How a user looks in answers."""

from __future__ import annotations

from elasticio.testing._areas.users.store import UserRecord
from elasticio.testing._jsonapi import Json, link, resource
from elasticio.testing._time import iso

__all__ = ["identity_resource", "user_resource"]


def user_resource(user: UserRecord) -> Json:
    return resource(
        "user",
        user.id,
        self_link=f"/v2/users/{user.id}",
        attributes={
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "registered": iso(user.registered),
            "last_login": iso(user.last_login),
        },
    )


def identity_resource(user: UserRecord, identity_id: str) -> Json:
    """One of the user's OpenID identities. The docs' example gives it the type
    ``user``, which reads as a slip: the emulator answers the type the request names."""
    iss, sub = user.identities[identity_id]
    return resource(
        "openid-identity",
        identity_id,
        self_link=f"/v2/users/{user.id}/openid/identities/{identity_id}",
        attributes={"iss": iss, "sub": sub},
        relationships={"user": link("user", user.id)},
    )
