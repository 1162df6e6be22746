"""Users: ``/v2/users/me``, ``/v2/users/{id}`` and the paged list."""

from __future__ import annotations

from elasticio._catalog.v2 import USERS_GET, USERS_LIST, USERS_ME
from elasticio.testing._access import require_tenant_admin, user_contract_ids
from elasticio.testing._errors import bad_request, forbidden, not_found
from elasticio.testing._jsonapi import document, page_request, paginate
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._views import user_resource

__all__ = ["routes"]

routes = RouteTable()


@routes.handle(USERS_ME)
def get_me(call: Call) -> Reply:
    return Reply(body=document(user_resource(call.user)))


@routes.handle(USERS_GET)
def get_user(call: Call, user_id: str) -> Reply:
    """Yourself, a user sharing a contract with you, or anyone for a tenant admin."""
    user = call.platform.users.get(user_id)
    if user is None:
        raise not_found("User", user_id)
    shares_contract = any(
        user.id in call.platform.contracts[contract_id].members
        for contract_id in user_contract_ids(call)
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
    users = sorted(call.platform.users.values(), key=lambda u: u.id)
    if email is not None:
        users = [u for u in users if u.email.casefold() == email.casefold()]
    if iss is not None:
        users = [u for u in users if any(i == iss for i, _ in u.identities)]
    if sub is not None:
        users = [u for u in users if any(s == sub for _, s in u.identities)]
    items, meta = paginate(users, page_request(call.query, default_size=50))
    return Reply(body=document([user_resource(u) for u in items], meta=meta, self_link=call.path))
