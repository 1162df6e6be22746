"""A tenant's OAuth clients: create (201; 409 for a second client of a component), list
(``filter[component]``), get, update, delete (204); the ``tenants.oauth_clients.*``
permissions. An update may change any of the client id, the secret and the component;
the docs list all three as required there, the emulator keeps what is left out."""

from __future__ import annotations

from elasticio._catalog.v2 import (
    OAUTH_CLIENTS_CREATE,
    OAUTH_CLIENTS_DELETE,
    OAUTH_CLIENTS_GET,
    OAUTH_CLIENTS_LIST,
    OAUTH_CLIENTS_UPDATE,
)
from elasticio.testing._areas.tenants.access import administered
from elasticio.testing._areas.tenants.store import OAuthClientRecord
from elasticio.testing._areas.tenants.views import oauth_client_resource
from elasticio.testing._errors import NoSuchRecordError, conflict
from elasticio.testing._jsonapi import document
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body, Rel

__all__ = ["routes"]

routes = RouteTable()

OAUTH_CLIENT_CHANGES = Body(
    "oauth-client",
    id="url-optional",
    attributes=(
        Attr("client_id", "string", filled=True),
        Attr("client_secret", "string", filled=True),
    ),
    relationships=(Rel("component", "component"),),
)
NEW_OAUTH_CLIENT = Body(
    "oauth-client",
    attributes=(
        Attr("client_id", "string", required=True, filled=True),
        Attr("client_secret", "string", required=True, filled=True),
    ),
    relationships=(Rel("component", "component", required=True),),
)


def _client(call: Call, tenant_id: str, oauth_client_id: str) -> OAuthClientRecord:
    found = call.platform.oauth_clients[oauth_client_id]
    if found.tenant_id != tenant_id:
        raise NoSuchRecordError("oauth client", oauth_client_id)
    return found


def _free(call: Call, tenant_id: str, component_id: str, client_id: str | None = None) -> None:
    """404 for an unknown component, 409 when the tenant has a client for it."""
    call.platform.components.require(component_id)
    taken = call.platform.oauth_clients.of_component(tenant_id, component_id)
    if taken is not None and taken.id != client_id:
        raise conflict("The tenant has an OAuth client for this component already.")


@routes.handle(OAUTH_CLIENTS_LIST)
def list_oauth_clients(call: Call, tenant_id: str) -> Reply:
    tenant = administered(call, tenant_id, "tenants.oauth_clients.get")
    component_id = call.query.get("filter[component]")
    found = call.platform.oauth_clients.where(
        lambda c: c.tenant_id == tenant.id and component_id in (None, c.component_id)
    )
    return Reply(body=document([oauth_client_resource(c) for c in found]))


@routes.handle(OAUTH_CLIENTS_GET)
def get_oauth_client(call: Call, tenant_id: str, oauth_client_id: str) -> Reply:
    tenant = administered(call, tenant_id, "tenants.oauth_clients.get")
    return Reply(body=document(oauth_client_resource(_client(call, tenant.id, oauth_client_id))))


@routes.handle(OAUTH_CLIENTS_CREATE, body=NEW_OAUTH_CLIENT)
def create_oauth_client(call: Call, tenant_id: str) -> Reply:
    tenant = administered(call, tenant_id, "tenants.oauth_clients.create")
    payload = call.payload()
    component_id = payload.link("component")
    _free(call, tenant.id, component_id)
    client = call.platform.oauth_clients.add(
        OAuthClientRecord(
            tenant_id=tenant.id,
            component_id=component_id,
            client_id=payload.attributes["client_id"],
            client_secret=payload.attributes["client_secret"],
        )
    )
    return Reply(status=201, body=document(oauth_client_resource(client)))


@routes.handle(OAUTH_CLIENTS_UPDATE, body=OAUTH_CLIENT_CHANGES)
def update_oauth_client(call: Call, tenant_id: str, oauth_client_id: str) -> Reply:
    tenant = administered(call, tenant_id, "tenants.oauth_clients.edit")
    client = _client(call, tenant.id, oauth_client_id)
    payload = call.payload(url_id=client.id)
    component_id = payload.links.get("component")
    if component_id is not None:
        _free(call, tenant.id, component_id, client.id)
        client.component_id = component_id
    client.client_id = payload.attributes.get("client_id", client.client_id)
    client.client_secret = payload.attributes.get("client_secret", client.client_secret)
    return Reply(body=document(oauth_client_resource(client)))


@routes.handle(OAUTH_CLIENTS_DELETE)
def delete_oauth_client(call: Call, tenant_id: str, oauth_client_id: str) -> Reply:
    tenant = administered(call, tenant_id, "tenants.oauth_clients.delete")
    call.platform.oauth_clients.delete(_client(call, tenant.id, oauth_client_id).id)
    return Reply(status=204)
