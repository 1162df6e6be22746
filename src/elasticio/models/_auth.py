"""OAuth clients and the secrets made with them: auth clients registered globally or in a
tenant, contract or workspace, and the tokens a workspace holds for them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio.models._declare import Model, model, to_many, to_one

__all__ = ["AuthClient", "AuthSecret"]


@model("auth-client", extra_repr=False)
class AuthClient(Model):
    """An auth client: an application registered with an authorization server
    (``type`` ``oauth2``) or another kind of client (``noauth``, ``basic``, ``api_key``).

    ``credentials`` (client id and secret, token and auth URIs, ``token_expires_in``) is
    None when the platform leaves it out: it shows them only to callers whose permission
    has the client's own scope. They never appear in the repr, nor does ``extra``. At
    most one of ``tenant_id``, ``contract_id`` and ``workspace_id`` is set: the scope the
    client lives in; none for a global client.

    Examples:
        >>> client = AuthClient(id="a1", type="oauth2", credentials={"client_secret": "s3"})
        >>> "s3" in repr(client), client.scope
        (False, 'global')
    """

    id: str
    name: str | None = None
    type: str | None = None
    credentials: Mapping[str, Any] | None = attrs.field(default=None, repr=False)
    component_ids: tuple[str, ...] = to_many("components")
    tenant_id: str | None = to_one("tenant")
    contract_id: str | None = to_one("contract")
    workspace_id: str | None = to_one("workspace")

    @property
    def scope(self) -> str:
        """Where the client lives: ``"workspace"``, ``"contract"``, ``"tenant"`` or
        ``"global"``."""
        if self.workspace_id is not None:
            return "workspace"
        if self.contract_id is not None:
            return "contract"
        return "global" if self.tenant_id is None else "tenant"


@model("auth-secret", extra_repr=False)
class AuthSecret(Model):
    """An auth secret of a workspace: the tokens (or other credentials) obtained with an
    auth client, and whether they work (``state`` ``ready`` or ``error``, with ``error``).

    ``credentials`` holds ``access_token``, ``refresh_token``, ``expires_in`` and, as the
    component needs, ``additional_params`` and ``fields``, in clear text: it never appears
    in the repr, and neither does ``extra``. ``to_dict()`` keeps both.

    Examples:
        >>> secret = AuthSecret(id="s1", state="ready", credentials={"access_token": "t0k"})
        >>> "t0k" in repr(secret), secret.credentials["access_token"]
        (False, 't0k')
    """

    id: str
    name: str | None = None
    state: str | None = None
    error: str | None = None
    credentials: Mapping[str, Any] = attrs.field(factory=dict, repr=False)
    workspace_id: str | None = to_one("workspace")
    user_id: str | None = to_one("user")
    # The docs' examples spell the relationship "auth-client"; the platform's own component
    # library reads "auth_client".
    auth_client_id: str | None = to_one("auth_client", "auth-client")
