"""How a user looks in answers."""

from __future__ import annotations

from elasticio.testing._areas.users.store import UserRecord
from elasticio.testing._jsonapi import Json, resource
from elasticio.testing._time import iso

__all__ = ["user_resource"]


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
