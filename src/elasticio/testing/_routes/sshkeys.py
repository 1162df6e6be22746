"""SSH keys of the signed-in user: list, add (201), delete (204).

The answer shows the key as stored (type, base64 data and comment, whitespace
normalised) with its MD5 fingerprint; a text that is not an SSH public key is a 400.
Deleting another user's key is a 403.
"""

from __future__ import annotations

from elasticio._catalog.v2 import SSH_KEYS_CREATE, SSH_KEYS_DELETE, SSH_KEYS_LIST
from elasticio.testing._errors import bad_request, forbidden, not_found
from elasticio.testing._jsonapi import document
from elasticio.testing._payload import attributes, primary
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._views import sshkey_resource

__all__ = ["routes"]

routes = RouteTable()


@routes.handle(SSH_KEYS_LIST)
def list_sshkeys(call: Call) -> Reply:
    mine = sorted(
        (k for k in call.platform.ssh_keys.values() if k.user_id == call.user.id),
        key=lambda k: k.id,
    )
    return Reply(body=document([sshkey_resource(k) for k in mine], self_link=call.path))


@routes.handle(SSH_KEYS_CREATE)
def create_sshkey(call: Call) -> Reply:
    found = attributes(primary(call.body, "sshkey"))
    key, title = found.get("key"), found.get("title")
    if not isinstance(key, str) or not key.strip():
        raise bad_request("data.attributes.key is required")
    if title is not None and not isinstance(title, str):
        raise bad_request("data.attributes.title must be a string")
    try:
        added = call.platform.add_ssh_key(user_id=call.user.id, key=key, title=title)
    except ValueError as exc:
        raise bad_request(f"data.attributes.key is not an SSH public key: {exc}") from None
    return Reply(status=201, body=document(sshkey_resource(added)))


@routes.handle(SSH_KEYS_DELETE)
def delete_sshkey(call: Call, key_id: str) -> Reply:
    key = call.platform.ssh_keys.get(key_id)
    if key is None:
        raise not_found("SSH key", key_id)
    if key.user_id != call.user.id:
        raise forbidden("You can delete only your own SSH keys.")
    call.platform.delete_ssh_key(key.id)
    return Reply(status=204)
