"""How an auth secret looks in answers, as in the docs' examples.

The auth client is linked twice: as ``auth-client``, as the docs' examples spell it, and
as ``auth_client``, the name the platform's component library reads (and the one
requests use). ``error`` is there only when the secret has one.
"""

from __future__ import annotations

from elasticio.testing._areas.secrets.store import AuthSecretRecord
from elasticio.testing._jsonapi import Json, link, resource, to_one

__all__ = ["secret_resource"]


def secret_resource(secret: AuthSecretRecord) -> Json:
    attributes: Json = {"name": secret.name, "state": secret.state}
    if secret.error is not None:
        attributes["error"] = secret.error
    attributes["credentials"] = dict(secret.credentials)
    client = to_one(
        "auth-client",
        secret.auth_client_id,
        self_link=f"/v2/auth-clients/{secret.auth_client_id}",
    )
    return resource(
        "auth-secret",
        secret.id,
        self_link=f"/v2/workspaces/{secret.workspace_id}/secrets/{secret.id}",
        attributes=attributes,
        relationships={
            "workspace": link("workspace", secret.workspace_id),
            "user": link("user", secret.user_id),
            "auth-client": client,
            "auth_client": client,
        },
    )
