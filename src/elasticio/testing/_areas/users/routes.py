"""Users: the caller, one user, the tenant's users (tenant admins, paged, filtered)."""

from __future__ import annotations

from elasticio._catalog.v2 import USERS_GET, USERS_LIST, USERS_ME
from elasticio.testing._areas.users.views import user_resource
from elasticio.testing._errors import bad_request, forbidden
from elasticio.testing._jsonapi import document
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable

__all__ = ["require_tenant_admin", "routes"]

routes = RouteTable()


def require_tenant_admin(call: Call) -> None:
    if not call.user.tenant_admin:
        raise forbidden()


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
            and (iss is None or any(i == iss for i, _ in u.identities))
            and (sub is None or any(s == sub for _, s in u.identities))
        )
    )
    items, meta = call.page(users)
    return Reply(body=document([user_resource(u) for u in items], meta=meta, self_link=call.path))
