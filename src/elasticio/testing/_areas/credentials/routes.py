"""Credentials: a workspace's list (by component), one, create, update, delete.

Lists are not paged (the docs document no paging). Keys are returned in clear, as the
platform does. A PATCH replaces ``keys`` as a whole; omitted attributes stay as they are,
and ``relationships.vpn_agent.data: null`` unlinks the VPN agent.
"""

from __future__ import annotations

from elasticio._catalog.v2 import (
    CREDENTIALS_CREATE,
    CREDENTIALS_DELETE,
    CREDENTIALS_GET,
    CREDENTIALS_LIST,
    CREDENTIALS_UPDATE,
)
from elasticio.testing._areas.components.routes import usable_in
from elasticio.testing._areas.credentials.store import CredentialRecord
from elasticio.testing._areas.credentials.views import credential_resource
from elasticio.testing._areas.workspaces.routes import in_workspace, workspace_for
from elasticio.testing._jsonapi import document
from elasticio.testing._query import require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body, Rel

__all__ = ["credential_for", "routes"]

routes = RouteTable()

_ATTRIBUTES = (
    Attr("name", "string", filled=True, nullable=True),
    Attr("keys", "object", nullable=True),
)
NEW_CREDENTIAL = Body(
    "credential",
    attributes=_ATTRIBUTES,
    relationships=(
        Rel("component", "component", required=True),
        Rel("workspace", "workspace", required=True),
        Rel("vpn_agent", "vpn-agent"),
    ),
)
CREDENTIAL_CHANGES = Body(
    "credential",
    id="url",
    attributes=_ATTRIBUTES,
    relationships=(Rel("vpn_agent", "vpn-agent", nullable=True),),
)


def credential_for(call: Call, credential_id: str) -> CredentialRecord:
    return in_workspace(call, call.platform.credentials, credential_id)


@routes.handle(CREDENTIALS_LIST)
def list_credentials(call: Call) -> Reply:
    """A workspace's credentials (``workspace_id`` required), ``filter[component]``."""
    workspace = workspace_for(call, require_query(call.query, "workspace_id"))
    component_id = call.query.get("filter[component]")
    found = call.platform.credentials.where(
        lambda c: c.workspace_id == workspace.id and component_id in (None, c.component_id)
    )
    return Reply(body=document([credential_resource(c) for c in found], self_link=call.path))


@routes.handle(CREDENTIALS_GET)
def get_credential(call: Call, credential_id: str) -> Reply:
    return Reply(body=document(credential_resource(credential_for(call, credential_id))))


@routes.handle(CREDENTIALS_CREATE, body=NEW_CREDENTIAL)
def create_credential(call: Call) -> Reply:
    """201; the component and workspace relationships are required, the name is not."""
    payload = call.payload()
    workspace, component = usable_in(call, payload.link("workspace"), payload.link("component"))
    credential = call.platform.credentials.create(
        workspace_id=workspace.id,
        component_id=component.id,
        user_id=call.user.id,
        name=payload.attributes.get("name"),
        keys=payload.attributes.get("keys"),
        vpn_agent_id=payload.links.get("vpn_agent"),
    )
    return Reply(status=201, body=document(credential_resource(credential)))


@routes.handle(CREDENTIALS_UPDATE, body=CREDENTIAL_CHANGES)
def update_credential(call: Call, credential_id: str) -> Reply:
    credential = credential_for(call, credential_id)
    payload = call.payload(url_id=credential.id)
    name, keys = payload.attributes.get("name"), payload.attributes.get("keys")
    if name is not None:
        credential.name = name
    if keys is not None:
        credential.keys = dict(keys)
    if "vpn_agent" in payload.links:
        credential.vpn_agent_id = payload.links["vpn_agent"]
    return Reply(body=document(credential_resource(credential)))


@routes.handle(CREDENTIALS_DELETE)
def delete_credential(call: Call, credential_id: str) -> Reply:
    call.platform.credentials.delete(credential_for(call, credential_id).id)
    return Reply(status=204)
