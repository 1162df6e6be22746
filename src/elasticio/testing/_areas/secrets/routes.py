"""Auth secrets of a workspace: list (``filter[user]``, ``filter[auth_client]``), one,
create (201), refresh, update, delete (204).

Members of the workspace may read and write its secrets (standing in for the
``workspaces.auth_secret.*`` permissions); a caller outside it gets 403, a secret of
another workspace is a 404. A secret's auth client must be usable in the workspace
(global, the tenant's, the contract's or the workspace's own). A refresh answers with
``data`` as a list of the one secret, as the docs' example does: it gives an ``oauth2``
secret a new access token made from the emulator's clock, lasting the client's
``token_expires_in``, and refuses (400) a secret whose client is of another type.
"""

from __future__ import annotations

from elasticio._catalog.v2 import (
    SECRETS_CREATE,
    SECRETS_DELETE,
    SECRETS_GET,
    SECRETS_LIST,
    SECRETS_REFRESH,
    SECRETS_UPDATE,
)
from elasticio.testing._areas.auth_clients.scopes import sees
from elasticio.testing._areas.auth_clients.store import DEFAULT_TOKEN_EXPIRES_IN
from elasticio.testing._areas.secrets.store import AuthSecretRecord
from elasticio.testing._areas.secrets.views import secret_resource
from elasticio.testing._areas.workspaces.routes import workspace_for
from elasticio.testing._errors import NoSuchRecordError, bad_request, invalid
from elasticio.testing._json import clone
from elasticio.testing._jsonapi import document
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body, Rel

__all__ = ["routes", "secret_for"]

routes = RouteTable()

STATES = ("ready", "error")
NEW_SECRET = Body(
    "auth-secret",
    attributes=(
        Attr("name", "string", required=True, filled=True),
        Attr("state", "string", required=True, choices=STATES),
        Attr("error", "string", nullable=True),
        Attr("credentials", "object", required=True),
    ),
    relationships=(Rel("auth_client", "auth-client", required=True),),
)
SECRET_CHANGES = Body(
    "auth-secret",
    id="url-optional",
    attributes=(
        Attr("name", "string", filled=True),
        Attr("state", "string", choices=STATES),
        Attr("error", "string", nullable=True),
        Attr("credentials", "object"),
    ),
)


def secret_for(call: Call, workspace_id: str, secret_id: str) -> AuthSecretRecord:
    """A secret of a workspace the caller is in: 403 outside it, 404 when unknown there."""
    workspace = workspace_for(call, workspace_id)
    secret = call.platform.auth_secrets.get(secret_id)
    if secret is None or secret.workspace_id != workspace.id:
        raise NoSuchRecordError("auth secret", secret_id)
    return secret


@routes.handle(SECRETS_LIST)
def list_secrets(call: Call, workspace_id: str) -> Reply:
    """A workspace's secrets, ``filter[user]`` and ``filter[auth_client]`` narrowing them."""
    workspace = workspace_for(call, workspace_id)
    user_id = call.query.get("filter[user]")
    client_id = call.query.get("filter[auth_client]")
    found = call.platform.auth_secrets.where(
        lambda s: (
            s.workspace_id == workspace.id
            and user_id in (None, s.user_id)
            and client_id in (None, s.auth_client_id)
        )
    )
    return Reply(body=document([secret_resource(s) for s in found], self_link=call.path))


@routes.handle(SECRETS_GET)
def get_secret(call: Call, workspace_id: str, secret_id: str) -> Reply:
    return Reply(body=document(secret_resource(secret_for(call, workspace_id, secret_id))))


@routes.handle(SECRETS_CREATE, body=NEW_SECRET)
def create_secret(call: Call, workspace_id: str) -> Reply:
    """201; an ``oauth2`` client's secret needs an ``access_token``, and its ``expires_in``
    defaults to the client's ``token_expires_in``."""
    workspace = workspace_for(call, workspace_id)
    payload = call.payload()
    client = call.platform.auth_clients[payload.link("auth_client")]
    if not sees(call, ("workspace", workspace.id), client):
        raise NoSuchRecordError("auth client", client.id)
    attributes = payload.attributes
    credentials = clone(dict(attributes["credentials"]))
    if client.type == "oauth2":
        token = credentials.get("access_token")
        if not isinstance(token, str) or not token.strip():
            raise invalid("/data/attributes/credentials/access_token", "is required for oauth2")
        credentials.setdefault(
            "expires_in", client.credentials.get("token_expires_in", DEFAULT_TOKEN_EXPIRES_IN)
        )
    secret = call.platform.auth_secrets.create(
        workspace_id=workspace.id,
        user_id=call.user.id,
        auth_client_id=client.id,
        name=attributes["name"],
        state=attributes["state"],
        error=attributes.get("error"),
        credentials=credentials,
    )
    return Reply(status=201, body=document(secret_resource(secret)))


@routes.handle(SECRETS_REFRESH)
def refresh_secret(call: Call, workspace_id: str, secret_id: str) -> Reply:
    """200 with the refreshed secret as a list of one; 400 unless its client is oauth2."""
    secret = secret_for(call, workspace_id, secret_id)
    client = call.platform.auth_clients[secret.auth_client_id]
    if client.type != "oauth2":
        raise bad_request(f"an auth secret of a {client.type} auth client cannot be refreshed")
    call.platform.auth_secrets.refresh(
        secret.id,
        now=call.platform.clock.wall(),
        expires_in=client.credentials.get("token_expires_in", DEFAULT_TOKEN_EXPIRES_IN),
    )
    return Reply(body=document([secret_resource(secret)]))


@routes.handle(SECRETS_UPDATE, body=SECRET_CHANGES)
def update_secret(call: Call, workspace_id: str, secret_id: str) -> Reply:
    """``credentials`` replaces the stored ones; omitted attributes stay."""
    secret = secret_for(call, workspace_id, secret_id)
    attributes = call.payload(url_id=secret.id).attributes
    if "name" in attributes:
        secret.name = attributes["name"]
    if "state" in attributes:
        secret.state = attributes["state"]
        if attributes["state"] == "ready" and "error" not in attributes:
            secret.error = None
    if "error" in attributes:
        secret.error = attributes["error"]
    if "credentials" in attributes:
        secret.credentials = clone(dict(attributes["credentials"]))
    return Reply(body=document(secret_resource(secret)))


@routes.handle(SECRETS_DELETE)
def delete_secret(call: Call, workspace_id: str, secret_id: str) -> Reply:
    call.platform.auth_secrets.delete(secret_for(call, workspace_id, secret_id).id)
    return Reply(status=204)
