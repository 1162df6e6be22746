"""Users: the caller, one user, the tenant's users (tenant admins, paged, filtered);
creating and deleting users, turning off their two-factor authentication, linking and
unlinking their OpenID identities.

The writes need tenant permissions (``tenants.user.*``, ``tenants.oidc.*``), which only
tenant admins hold (``elasticio.testing._permissions``). A user outside the caller's
reach (not themselves, sharing no contract with them) is a 404 to anyone but a tenant
admin; a user within reach is a 403 without the permission.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from elasticio._catalog.v2 import (
    USERS_ADD_OPENID_IDENTITY,
    USERS_CREATE,
    USERS_DELETE,
    USERS_DISABLE_TOTP,
    USERS_GET,
    USERS_LIST,
    USERS_ME,
    USERS_REMOVE_OPENID_IDENTITY,
)
from elasticio.testing._areas.users.cascade import delete_user
from elasticio.testing._areas.users.store import UserRecord
from elasticio.testing._areas.users.views import identity_resource, user_resource
from elasticio.testing._errors import NoSuchRecordError, bad_request, conflict, forbidden, invalid
from elasticio.testing._jsonapi import document
from elasticio.testing._permissions import require
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body

__all__ = ["require_tenant_admin", "routes"]

routes = RouteTable()

NEW_USER = Body(
    "user",
    attributes=tuple(
        Attr(name, "string", required=True, filled=True)
        for name in ("first_name", "last_name", "email", "password")
    ),
)
NEW_IDENTITY = Body(
    "openid-identity",
    attributes=(
        Attr("iss", "string", required=True, filled=True),
        Attr("sub", "string", required=True, filled=True),
    ),
)

_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_SPECIAL = re.compile(r"[^\w\s]|_")


def require_tenant_admin(call: Call) -> None:
    if not call.user.tenant_admin:
        raise forbidden()


def _within_reach(call: Call, user_id: str) -> UserRecord:
    """The user, if the caller may know of them: themselves, someone sharing a contract,
    or anyone for a tenant admin; 404 otherwise."""
    user = call.platform.users[user_id]
    shares_contract = any(
        user.id in c.members for c in call.platform.contracts.with_member(call.user.id)
    )
    if not (user.id == call.user.id or shares_contract or call.user.tenant_admin):
        raise NoSuchRecordError("user", user_id)
    return user


def _password_problem(password: str) -> str | None:
    if len(password) < 8:
        return "must be at least 8 characters long"
    if not (_LETTER.search(password) and _DIGIT.search(password) and _SPECIAL.search(password)):
        return "must include letters, numbers and special symbols"
    return None


@routes.handle(USERS_ME)
def get_me(call: Call) -> Reply:
    return Reply(body=document(user_resource(call.user)))


@routes.handle(USERS_GET)
def get_user(call: Call, user_id: str) -> Reply:
    """Yourself, a user sharing a contract with you, or anyone for a tenant admin."""
    user = call.platform.users[user_id]
    shares_contract = any(
        user.id in c.members for c in call.platform.contracts.with_member(call.user.id)
    )
    if not (user.id == call.user.id or shares_contract or call.user.tenant_admin):
        raise forbidden()
    return Reply(body=document(user_resource(user)))


@routes.handle(USERS_LIST)
def list_users(call: Call) -> Reply:
    """Every user of the tenant (tenant admins only), filtered by email or OpenID."""
    require_tenant_admin(call)
    email, iss, sub = (call.query.get(name) for name in ("email", "iss", "sub"))
    if email is not None and (iss is not None or sub is not None):
        raise bad_request("iss and sub cannot be combined with email", parameter="email")
    users = call.platform.users.where(
        lambda u: (
            (email is None or u.email.casefold() == email.casefold())
            and (iss is None or any(i == iss for i, _ in u.identities.values()))
            and (sub is None or any(s == sub for _, s in u.identities.values()))
        )
    )
    items, meta = call.page(users)
    return Reply(body=document([user_resource(u) for u in items], meta=meta, self_link=call.path))


@routes.handle(USERS_CREATE, body=NEW_USER)
def create_user(call: Call) -> Reply:
    """A new user (201); the password must be 8 characters or more, with letters,
    digits and a special symbol (400), and the email free (409). The emulator keeps
    no password: users sign in with their API key."""
    require(call, "tenants.user.create")
    attributes = call.payload().attributes
    problem = _password_problem(attributes["password"])
    if problem is not None:
        raise invalid("/data/attributes/password", problem)
    if call.platform.users.by_email(attributes["email"]) is not None:
        raise conflict("A user with this email exists already.")
    user = call.platform.users.create(
        email=attributes["email"],
        first_name=attributes["first_name"],
        last_name=attributes["last_name"],
    )
    return Reply(status=201, body=document(user_resource(user)))


@routes.handle(USERS_DISABLE_TOTP)
def disable_totp(call: Call, user_id: str) -> Reply:
    """Turn off the user's two-factor authentication: 200 with no body."""
    user = _within_reach(call, user_id)
    require(call, "tenants.user.disable_totp")
    user.totp = False
    return Reply()


@routes.handle(USERS_DELETE)
def delete_user_route(call: Call, user_id: str) -> Reply:
    """Delete the user, with the cascade the docs describe (204)."""
    user = _within_reach(call, user_id)
    require(call, "tenants.user.delete")
    delete_user(call.platform, user.id)
    return Reply(status=204)


@routes.handle(USERS_ADD_OPENID_IDENTITY, body=NEW_IDENTITY)
def add_openid_identity(call: Call, user_id: str) -> Reply:
    """Link an OpenID identity to the user (201). ``iss`` must be an http(s) URL; an
    identity already linked to a user is a 409."""
    user = _within_reach(call, user_id)
    require(call, "tenants.oidc.create")
    attributes = call.payload().attributes
    iss, sub = attributes["iss"], attributes["sub"]
    parts = urlsplit(iss)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise invalid("/data/attributes/iss", "must be an URL")
    if any((iss, sub) in u.identities.values() for u in call.platform.users.values()):
        raise conflict("This OpenID identity is linked to a user already.")
    identity_id = call.platform.ids.next("openid-identity")
    user.identities[identity_id] = (iss, sub)
    return Reply(status=201, body=document(identity_resource(user, identity_id)))


@routes.handle(USERS_REMOVE_OPENID_IDENTITY)
def remove_openid_identity(call: Call, user_id: str, identity_id: str) -> Reply:
    """Unlink one of the user's OpenID identities (204; 404 for an unknown one)."""
    user = _within_reach(call, user_id)
    require(call, "tenants.oidc.delete")
    if user.identities.pop(identity_id, None) is None:
        raise NoSuchRecordError("OpenID identity", identity_id)
    return Reply(status=204)
