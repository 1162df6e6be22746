"""Accounts in API v1: a v1 account is a v2 credential.

An account shows a credential's ``id``, ``name``, ``keys`` (in clear, as the platform
shows them) and its component's id as ``type``. The caller's accounts are the
credentials of the workspaces they are a member of, as v2 lets them read those. v1 names
no workspace: a new account goes into the caller's first workspace (in id order) that
may use the component; ``type`` is required (a credential is always for a component),
although the docs mark it optional. A PUT changes what it names: ``keys`` replace the
keys as a whole, and a new ``type`` must be usable in the credential's workspace.
"""

from __future__ import annotations

from elasticio._catalog.v1 import (
    V1_ACCOUNTS_CREATE,
    V1_ACCOUNTS_GET,
    V1_ACCOUNTS_LIST,
    V1_ACCOUNTS_UPDATE,
)
from elasticio.testing._areas.components.routes import component_for
from elasticio.testing._areas.credentials.routes import credential_for
from elasticio.testing._areas.credentials.store import CredentialRecord
from elasticio.testing._errors import forbidden, invalid
from elasticio.testing._jsonapi import Json
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, PlainBody

__all__ = ["routes", "v1_account"]

routes = RouteTable()

ACCOUNT = PlainBody(
    "v1-account",
    members=(
        Attr("name", "string", filled=True, nullable=True),
        Attr("type", "string", filled=True, nullable=True),
        Attr("keys", "object", nullable=True),
    ),
)


def v1_account(credential: CredentialRecord) -> Json:
    """A credential as a v1 account."""
    return {
        "id": credential.id,
        "name": credential.name,
        "type": credential.component_id,
        "keys": credential.keys,
    }


@routes.handle(V1_ACCOUNTS_LIST)
def list_accounts(call: Call) -> Reply:
    mine = {w.id for w in call.platform.workspaces.with_member(call.user.id)}
    found = call.platform.credentials.where(lambda c: c.workspace_id in mine)
    return Reply(body=[v1_account(c) for c in found])


@routes.handle(V1_ACCOUNTS_GET)
def get_account(call: Call, account_id: str) -> Reply:
    return Reply(body=v1_account(credential_for(call, account_id)))


@routes.handle(V1_ACCOUNTS_CREATE, body=ACCOUNT)
def create_account(call: Call) -> Reply:
    """200 with the account (as the docs show); 403 when no workspace of the caller may
    use the component."""
    found = call.members()
    if found.get("type") is None:
        raise invalid("/type", "is required: the id of the component the account is for")
    component = component_for(call, found["type"])
    workspace = next(
        (
            w
            for w in call.platform.workspaces.with_member(call.user.id)
            if component.available_to(w.contract_id)
        ),
        None,
    )
    if workspace is None:
        raise forbidden("None of your workspaces can use this component.")
    credential = call.platform.credentials.create(
        workspace_id=workspace.id,
        component_id=component.id,
        user_id=call.user.id,
        name=found.get("name"),
        keys=found.get("keys"),
    )
    return Reply(body=v1_account(credential))


@routes.handle(V1_ACCOUNTS_UPDATE, body=ACCOUNT)
def update_account(call: Call, account_id: str) -> Reply:
    credential = credential_for(call, account_id)
    found = call.members()
    if found.get("type") is not None:
        component = component_for(call, found["type"])
        contract_id = call.platform.workspaces[credential.workspace_id].contract_id
        if not component.available_to(contract_id):
            raise forbidden("The component cannot be used in this account's workspace.")
        credential.component_id = component.id
    if found.get("name") is not None:
        credential.name = found["name"]
    if found.get("keys") is not None:
        credential.keys = dict(found["keys"])
    return Reply(body=v1_account(credential))
