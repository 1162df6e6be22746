"""Credentials: a workspace's list (by component), one, create, update, delete.

Lists are not paged (the docs document no paging). Keys are returned in clear, as the
platform does. A PATCH replaces ``keys`` as a whole; omitted attributes stay as they are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from elasticio._catalog.v2 import (
    CREDENTIALS_CREATE,
    CREDENTIALS_DELETE,
    CREDENTIALS_GET,
    CREDENTIALS_LIST,
    CREDENTIALS_UPDATE,
)
from elasticio.testing._access import (
    component_for,
    credential_for,
    workspace_for,
)
from elasticio.testing._errors import bad_request, forbidden
from elasticio.testing._jsonapi import document
from elasticio.testing._payload import attributes, is_unlinked, primary, relationship_id
from elasticio.testing._query import require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._views import credential_resource

__all__ = ["routes"]

routes = RouteTable()


def _name(found: Mapping[str, Any]) -> str | None:
    name = found.get("name")
    if name is not None and (not isinstance(name, str) or not name.strip()):
        raise bad_request("data.attributes.name must be a non-empty string")
    return name


def _keys(found: Mapping[str, Any]) -> dict[str, Any] | None:
    keys = found.get("keys")
    if keys is not None and not isinstance(keys, dict):
        raise bad_request("data.attributes.keys must be an object")
    return keys


@routes.handle(CREDENTIALS_LIST)
def list_credentials(call: Call) -> Reply:
    """A workspace's credentials (``workspace_id`` required), ``filter[component]``."""
    workspace = workspace_for(call, require_query(call, "workspace_id"))
    component_id = call.query.get("filter[component]")
    found = sorted(
        (
            c
            for c in call.platform.credentials.values()
            if c.workspace_id == workspace.id and component_id in (None, c.component_id)
        ),
        key=lambda c: c.id,
    )
    data = [credential_resource(c) for c in found]
    return Reply(body=document(data, self_link=call.path))


@routes.handle(CREDENTIALS_GET)
def get_credential(call: Call, credential_id: str) -> Reply:
    return Reply(body=document(credential_resource(credential_for(call, credential_id))))


@routes.handle(CREDENTIALS_CREATE)
def create_credential(call: Call) -> Reply:
    """201; the component and workspace relationships are required, the name is not."""
    data = primary(call.body, "credential")
    found = attributes(data)
    name, keys = _name(found), _keys(found)
    component_id = relationship_id(data, "component", "component")
    if component_id is None:
        raise bad_request("data.relationships.component is required")
    workspace_id = relationship_id(data, "workspace", "workspace")
    if workspace_id is None:
        raise bad_request("data.relationships.workspace is required")
    vpn_agent_id = relationship_id(data, "vpn_agent", "vpn-agent")
    workspace = workspace_for(call, workspace_id)
    component = component_for(call, component_id)
    if not component.available_to(workspace.contract_id):
        raise forbidden("The component cannot be used in this workspace.")
    credential = call.platform.add_credential(
        workspace_id=workspace.id,
        component_id=component.id,
        user_id=call.user.id,
        name=name,
        keys=keys,
        vpn_agent_id=vpn_agent_id,
    )
    return Reply(status=201, body=document(credential_resource(credential)))


@routes.handle(CREDENTIALS_UPDATE)
def update_credential(call: Call, credential_id: str) -> Reply:
    credential = credential_for(call, credential_id)
    data = primary(call.body, "credential", id=credential.id)
    found = attributes(data)
    name, keys = _name(found), _keys(found)
    unlink_vpn_agent = is_unlinked(data, "vpn_agent")
    vpn_agent_id = None if unlink_vpn_agent else relationship_id(data, "vpn_agent", "vpn-agent")
    if name is not None:
        credential.name = name
    if keys is not None:
        credential.keys = dict(keys)
    if unlink_vpn_agent or vpn_agent_id is not None:
        credential.vpn_agent_id = vpn_agent_id
    return Reply(body=document(credential_resource(credential)))


@routes.handle(CREDENTIALS_DELETE)
def delete_credential(call: Call, credential_id: str) -> Reply:
    credential = credential_for(call, credential_id)
    call.platform.delete_credential(credential.id)
    return Reply(status=204)
