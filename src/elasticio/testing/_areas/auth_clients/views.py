"""How an auth client looks in answers: its scope as a relationship (none when global),
its components as a to-many one, its ``credentials`` only when the caller may see them."""

from __future__ import annotations

from elasticio.testing._areas.auth_clients.store import AuthClientRecord
from elasticio.testing._jsonapi import Json, resource, to_many, to_one

__all__ = ["auth_client_resource"]

_SCOPE_HOMES = {"tenant": "/v2/tenants", "contract": "/v2/contracts", "workspace": "/v2/workspaces"}


def auth_client_resource(client: AuthClientRecord, *, credentials: bool) -> Json:
    attributes: Json = {"type": client.type, "name": client.name}
    if credentials:
        attributes["credentials"] = dict(client.credentials)
    relationships: Json = {"components": to_many("component", client.component_ids)}
    if client.scope != "global" and client.scope_id is not None:
        relationships[client.scope] = to_one(
            client.scope,
            client.scope_id,
            self_link=f"{_SCOPE_HOMES[client.scope]}/{client.scope_id}",
        )
    return resource(
        "auth-client",
        client.id,
        self_link=f"/v2/auth-clients/{client.id}",
        attributes=attributes,
        relationships=relationships,
    )
