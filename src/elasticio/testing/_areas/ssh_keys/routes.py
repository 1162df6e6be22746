"""SSH keys of the signed-in user: list, add (201), delete (204).

The answer shows the key as stored (type, base64 data and comment, whitespace
normalised) with its MD5 fingerprint; a text that is not an SSH public key is a 400.
Deleting another user's key is a 403.
"""

from __future__ import annotations

from elasticio._catalog.v2 import SSH_KEYS_CREATE, SSH_KEYS_DELETE, SSH_KEYS_LIST
from elasticio.testing._areas.ssh_keys.views import sshkey_resource
from elasticio.testing._errors import forbidden, invalid
from elasticio.testing._jsonapi import document
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body

__all__ = ["routes"]

routes = RouteTable()

NEW_KEY = Body(
    "sshkey",
    attributes=(
        Attr("key", "string", required=True, filled=True),
        Attr("title", "string", nullable=True),
    ),
)


@routes.handle(SSH_KEYS_LIST)
def list_sshkeys(call: Call) -> Reply:
    mine = call.platform.ssh_keys.where(lambda k: k.user_id == call.user.id)
    return Reply(body=document([sshkey_resource(k) for k in mine], self_link=call.path))


@routes.handle(SSH_KEYS_CREATE, body=NEW_KEY)
def create_sshkey(call: Call) -> Reply:
    found = call.payload().attributes
    try:
        added = call.platform.ssh_keys.create(
            user_id=call.user.id, key=found["key"], title=found.get("title")
        )
    except ValueError as exc:
        raise invalid("/data/attributes/key", f"is not an SSH public key: {exc}") from None
    return Reply(status=201, body=document(sshkey_resource(added)))


@routes.handle(SSH_KEYS_DELETE)
def delete_sshkey(call: Call, key_id: str) -> Reply:
    key = call.platform.ssh_keys[key_id]
    if key.user_id != call.user.id:
        raise forbidden("You can delete only your own SSH keys.")
    call.platform.ssh_keys.delete(key.id)
    return Reply(status=204)
