"""Users in API v1: the caller, registering a user, deleting a user one registered.

A v1 user is a v2 user. Registering needs, for every contract named in
``organizations``, the ``owner`` or ``admin`` role in it (a tenant admin may register
into any contract); the new user joins those contracts without a role, and their
``api_secret`` is their API key (the answer shows it once; ``password`` is accepted and
not kept: the emulator signs in with API keys only). With a ``callback`` the answer is
202 ``{"message": "accepted"}`` and the emulator's outbox POSTs the created user to that
URL after ``settings.callback_delay`` seconds, when the URL is on loopback (otherwise
the callback is recorded and not sent). Only the user who registered someone may delete
them (403 for anyone else, including the user themselves).
"""

from __future__ import annotations

from typing import Any

from elasticio._catalog.v1 import V1_USERS_CREATE, V1_USERS_DELETE, V1_USERS_ME
from elasticio.testing._areas.users.store import UserRecord
from elasticio.testing._errors import conflict, forbidden, invalid
from elasticio.testing._jsonapi import Json
from elasticio.testing._outbox import Delivery
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, PlainBody

__all__ = ["routes", "v1_user"]

routes = RouteTable()

NEW_USER = PlainBody(
    "v1-user",
    members=(
        Attr("first_name", "string", required=True, filled=True),
        Attr("last_name", "string", required=True, filled=True),
        Attr("email", "string", required=True, filled=True),
        Attr("password", "string", required=True, filled=True),
        Attr("organizations", "array", required=True, filled=True),
        Attr("company", "string", nullable=True),
        Attr("callback", "string", nullable=True, filled=True),
    ),
)

_EDITORS = frozenset({"owner", "admin"})


def v1_user(user: UserRecord) -> Json:
    """A user as v1 shows them."""
    shown: Json = {
        "id": user.id,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
    }
    if user.company is not None:
        shown["company"] = user.company
    return shown


def _contract_ids(call: Call, organizations: list[Any]) -> list[str]:
    """The contracts ``organizations`` names, each one the caller may add users to."""
    found: list[str] = []
    for n, item in enumerate(organizations):
        contract_id = item.get("id") if isinstance(item, dict) else None
        if not isinstance(contract_id, str) or contract_id not in call.platform.contracts:
            raise invalid(f"/organizations/{n}/id", "must be the id of an organization")
        roles = call.platform.contracts[contract_id].members.get(call.user.id)
        if not (call.user.tenant_admin or (roles is not None and _EDITORS & set(roles))):
            raise forbidden("You may not add users to that organization.")
        found.append(contract_id)
    return list(dict.fromkeys(found))


@routes.handle(V1_USERS_ME)
def get_me(call: Call) -> Reply:
    return Reply(body=v1_user(call.user))


@routes.handle(V1_USERS_CREATE, body=NEW_USER)
def create_user(call: Call) -> Reply:
    """201 with the user and their ``api_secret``; 202 when a callback will get them."""
    found = call.members()
    contract_ids = _contract_ids(call, found["organizations"])
    if call.platform.users.by_email(found["email"]) is not None:
        raise conflict("A user with this email exists already.")
    user = call.platform.users.create(
        email=found["email"], first_name=found["first_name"], last_name=found["last_name"]
    )
    user.company, user.registered_by = found.get("company"), call.user.id
    for contract_id in contract_ids:
        call.platform.contracts.add_member(contract_id, user.id, [])
    created = {**v1_user(user), "api_secret": user.api_key}
    callback = found.get("callback")
    if callback is None:
        return Reply(status=201, body=created)
    call.outbox.post(Delivery(url=callback, body=created, delay=call.settings.callback_delay))
    return Reply(status=202, body={"message": "accepted"})


@routes.handle(V1_USERS_DELETE)
def delete_user(call: Call, user_id: str) -> Reply:
    """A user the caller registered, with their memberships; 403 for any other."""
    user = call.platform.users[user_id]
    if user.registered_by != call.user.id:
        raise forbidden("You can only delete users you created.")
    platform = call.platform
    for contract in platform.contracts.with_member(user.id):
        del contract.members[user.id]
    for workspace in platform.workspaces.with_member(user.id):
        del workspace.members[user.id]
    for team in platform.teams.where(lambda t: user.id in t.user_ids):
        team.user_ids.remove(user.id)
    platform.users.delete(user.id)
    return Reply(body={"message": f"Successfully deleted user id={user.id}"})
