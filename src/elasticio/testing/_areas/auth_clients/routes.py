"""Auth clients: list and get from a scope, create (201), update, delete (204; 409 while
secrets use the client). Who may do what is in `scopes`.

A get without a scope parameter answers a global client. For another client the docs
say the request is rejected; the platform's own component library nevertheless reads
clients that way (``GET /v2/auth-clients/{id}`` after listing a workspace's secrets), so
by default the emulator answers when some scope the caller holds sees the client, and
only ``settings.auth_client_scope_required`` makes it a 403 as documented. Updates and
deletes need the permissions of the client's own scope: 403 for a caller who sees the
client but lacks them, 404 for one who does not see it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from elasticio._catalog.v2 import (
    AUTH_CLIENTS_CREATE,
    AUTH_CLIENTS_DELETE,
    AUTH_CLIENTS_GET,
    AUTH_CLIENTS_LIST,
    AUTH_CLIENTS_UPDATE,
)
from elasticio.testing._areas.auth_clients.scopes import (
    Scope,
    holds,
    query_scope,
    reaches,
    require,
    scope_of,
    sees,
)
from elasticio.testing._areas.auth_clients.store import AuthClientRecord
from elasticio.testing._areas.auth_clients.views import auth_client_resource
from elasticio.testing._errors import NoSuchRecordError, bad_request, conflict, forbidden, invalid
from elasticio.testing._json import clone
from elasticio.testing._jsonapi import Json, document
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body, Rel

__all__ = ["routes"]

routes = RouteTable()

TYPES = ("oauth2", "noauth", "basic", "api_key")
OAUTH2_REQUIRED = ("client_id", "client_secret", "refresh_token_uri", "token_uri", "auth_uri")
OAUTH2_CHANGEABLE = frozenset({"client_secret", "token_expires_in"})
_SCOPE_RELATIONSHIPS = (
    Rel("tenant", "tenant"),
    Rel("contract", "contract"),
    Rel("workspace", "workspace"),
)
NEW_AUTH_CLIENT = Body(
    "auth-client",
    attributes=(
        Attr("name", "string", required=True, filled=True),
        Attr("type", "string", required=True, choices=TYPES),
        Attr("credentials", "object", required=True),
    ),
    relationships=_SCOPE_RELATIONSHIPS,
)
AUTH_CLIENT_CHANGES = Body(
    "auth-client",
    id="url-optional",
    attributes=(Attr("name", "string", filled=True), Attr("credentials", "object")),
)


def _view(call: Call, client: AuthClientRecord) -> Json:
    return auth_client_resource(client, credentials=holds(call, scope_of(client)))


def _component_ids(call: Call, *, required: bool) -> list[str] | None:
    """The ids of ``relationships.components`` (None when absent and not required); each
    must be a known component."""
    data = call.body["data"] if isinstance(call.body, Mapping) else {}
    relationships = data.get("relationships") or {}
    pointer = "/data/relationships/components"
    if not isinstance(relationships, Mapping) or "components" not in relationships:
        if required:
            raise invalid(pointer, "is required")
        return None
    linkage = relationships["components"]
    items = linkage.get("data") if isinstance(linkage, Mapping) else None
    if not isinstance(items, list) or not items:
        raise invalid(f"{pointer}/data", "must be a non-empty list")
    ids: list[str] = []
    for index, item in enumerate(items):
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
            raise invalid(f"{pointer}/data/{index}", "must have an id")
        if item.get("type") != "component":
            raise invalid(f"{pointer}/data/{index}/type", "must be 'component'")
        call.platform.components.require(item["id"])
        ids.append(item["id"])
    return ids


def _oauth2_credentials(credentials: Mapping[str, Any]) -> None:
    for key in OAUTH2_REQUIRED:
        value = credentials.get(key)
        if not isinstance(value, str) or not value.strip():
            raise invalid(f"/data/attributes/credentials/{key}", "is required for oauth2")
    _expiry(credentials)


def _expiry(credentials: Mapping[str, Any]) -> None:
    value = credentials.get("token_expires_in")
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise invalid("/data/attributes/credentials/token_expires_in", "must be a positive integer")


def _editable(call: Call, auth_client_id: str) -> AuthClientRecord:
    """A client whose scope's permissions the caller holds: 404 when the caller does not
    see it, 403 when they see it without those permissions."""
    client = call.platform.auth_clients[auth_client_id]
    if holds(call, scope_of(client)):
        return client
    if reaches(call, client):
        raise forbidden()
    raise NoSuchRecordError("auth client", auth_client_id)


@routes.handle(AUTH_CLIENTS_LIST)
def list_auth_clients(call: Call) -> Reply:
    """The clients the query's scope sees (global only without one), ``filter[component]``."""
    scope = query_scope(call)
    component_id = call.query.get("filter[component]")
    found = call.platform.auth_clients.where(
        lambda c: sees(call, scope, c) and component_id in (None, *c.component_ids)
    )
    return Reply(body=document([_view(call, c) for c in found], self_link=call.path))


@routes.handle(AUTH_CLIENTS_GET)
def get_auth_client(call: Call, auth_client_id: str) -> Reply:
    """One client seen from the query's scope (see the module's note on no scope)."""
    scope = query_scope(call)
    client = call.platform.auth_clients[auth_client_id]
    given = any(name in call.query for name in ("workspace_id", "contract_id", "tenant_id"))
    if not given and client.scope != "global":
        if call.settings.auth_client_scope_required:
            raise forbidden("A scope (workspace_id, contract_id or tenant_id) is required.")
        if not reaches(call, client):
            raise NoSuchRecordError("auth client", auth_client_id)
    elif not sees(call, scope, client):
        raise NoSuchRecordError("auth client", auth_client_id)
    return Reply(body=document(_view(call, client)))


@routes.handle(AUTH_CLIENTS_CREATE, body=NEW_AUTH_CLIENT)
def create_auth_client(call: Call) -> Reply:
    """201; ``components`` are required, at most one scope relationship (none: global)."""
    payload = call.payload()
    component_ids = _component_ids(call, required=True) or []
    scopes: list[Scope] = [
        (kind, payload.links[kind])
        for kind in ("tenant", "contract", "workspace")
        if payload.links.get(kind) is not None
    ]
    if len(scopes) > 1:
        raise bad_request("an auth client lives in one of a tenant, a contract or a workspace")
    scope: Scope = scopes[0] if scopes else ("global", None)
    require(call, scope)
    attributes = payload.attributes
    if attributes["type"] == "oauth2":
        _oauth2_credentials(attributes["credentials"])
    client = call.platform.auth_clients.create(
        name=attributes["name"],
        type=attributes["type"],
        credentials=attributes["credentials"],
        component_ids=component_ids,
        scope=scope[0],
        scope_id=scope[1],
    )
    return Reply(status=201, body=document(_view(call, client)))


@routes.handle(AUTH_CLIENTS_UPDATE, body=AUTH_CLIENT_CHANGES)
def update_auth_client(call: Call, auth_client_id: str) -> Reply:
    """An ``oauth2`` client takes a new ``client_secret`` and ``token_expires_in`` (merged);
    another client's ``credentials`` are replaced; ``components`` replaces the list."""
    client = _editable(call, auth_client_id)
    attributes = call.payload(url_id=client.id).attributes
    component_ids = _component_ids(call, required=False)
    credentials = attributes.get("credentials")
    if credentials is not None and client.type == "oauth2":
        fixed = sorted(set(credentials) - OAUTH2_CHANGEABLE)
        if fixed:
            raise invalid(
                f"/data/attributes/credentials/{fixed[0]}", "cannot be changed on an oauth2 client"
            )
        _expiry(credentials)
    if "name" in attributes:
        client.name = attributes["name"]
    if credentials is not None:
        kept = client.credentials if client.type == "oauth2" else {}
        client.credentials = {**kept, **clone(dict(credentials))}
    if component_ids is not None:
        client.component_ids = component_ids
    return Reply(body=document(_view(call, client)))


@routes.handle(AUTH_CLIENTS_DELETE)
def delete_auth_client(call: Call, auth_client_id: str) -> Reply:
    """204; 409 while a secret uses the client."""
    client = _editable(call, auth_client_id)
    used = call.platform.auth_secrets.using(client.id)
    if used:
        raise conflict(f"The auth client is used by {len(used)} auth secret(s).")
    call.platform.auth_clients.delete(client.id)
    return Reply(status=204)
