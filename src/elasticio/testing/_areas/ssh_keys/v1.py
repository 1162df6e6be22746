"""SSH keys in API v1 (``/v1/sshkey/``): list, add (201), delete (200 ``{}``).

The same keys as v2's ``/v2/sshkeys``, shown flat with the owner's ``user_id``. A text
that is not an SSH public key is a 400; deleting another user's key is a 403.
"""

from __future__ import annotations

from elasticio._catalog.v1 import V1_SSHKEYS_CREATE, V1_SSHKEYS_DELETE, V1_SSHKEYS_LIST
from elasticio.testing._areas.ssh_keys.store import SshKeyRecord
from elasticio.testing._errors import bad_request, forbidden
from elasticio.testing._jsonapi import Json
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, PlainBody

__all__ = ["routes"]

routes = RouteTable()

NEW_KEY = PlainBody(
    "v1-sshkey",
    members=(
        Attr("key", "string", required=True, filled=True),
        Attr("title", "string", nullable=True),
    ),
)


def v1_sshkey(key: SshKeyRecord) -> Json:
    return {
        "id": key.id,
        "title": key.title,
        "fingerprint": key.fingerprint,
        "user_id": key.user_id,
        "key": key.key,
    }


@routes.handle(V1_SSHKEYS_LIST)
def list_sshkeys(call: Call) -> Reply:
    mine = call.platform.ssh_keys.where(lambda k: k.user_id == call.user.id)
    return Reply(body=[v1_sshkey(k) for k in mine])


@routes.handle(V1_SSHKEYS_CREATE, body=NEW_KEY)
def create_sshkey(call: Call) -> Reply:
    found = call.members()
    try:
        added = call.platform.ssh_keys.create(
            user_id=call.user.id, key=found["key"], title=found.get("title")
        )
    except ValueError as exc:
        raise bad_request(f"key is not an SSH public key: {exc}") from None
    return Reply(status=201, body=v1_sshkey(added))


@routes.handle(V1_SSHKEYS_DELETE)
def delete_sshkey(call: Call, key_id: str) -> Reply:
    key = call.platform.ssh_keys[key_id]
    if key.user_id != call.user.id:
        raise forbidden("You can delete only your own SSH keys.")
    call.platform.ssh_keys.delete(key.id)
    return Reply(body={})
