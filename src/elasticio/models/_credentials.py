"""Credentials: the secrets a component uses to reach an outside system."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.models._declare import Model, model, to_one

__all__ = ["Credential"]


@model("credential", extra_repr=False)
class Credential(Model):
    """A credential of a workspace, for one component.

    ``keys`` holds the secrets in clear text, shaped by the component's
    ``credentials.fields``; it never appears in the repr, and neither does ``extra``
    (an undocumented attribute of a credential may be a secret too). ``to_dict()`` keeps
    both: it is an export of the caller's own data. The ids come from the relationships.

    Examples:
        >>> credential = Credential(id="c1", keys={"password": "s3cret"})
        >>> "s3cret" in repr(credential), credential.to_dict()["keys"]
        (False, {'password': 's3cret'})
    """

    id: str
    name: str | None = None
    keys: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    component_id: str | None = to_one("component")
    workspace_id: str | None = to_one("workspace")
    user_id: str | None = to_one("user")
    vpn_agent_id: str | None = to_one("vpn_agent")
