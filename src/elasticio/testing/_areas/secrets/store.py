"""Auth secrets: the tokens (or other credentials) a workspace holds for an auth client."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

import attrs

from elasticio.testing._areas.auth_clients.store import AuthClients
from elasticio.testing._areas.users.store import Users
from elasticio.testing._areas.workspaces.store import Workspaces
from elasticio.testing._ids import IdFactory, revision
from elasticio.testing._json import clone
from elasticio.testing._table import Table

__all__ = ["AuthSecretRecord", "AuthSecrets"]


@attrs.define(kw_only=True)
class AuthSecretRecord:
    """An auth secret; ``user_id`` is its author; ``credentials`` (the tokens) are never in
    a repr. ``refreshed_at`` is when the emulator last refreshed it (None: never)."""

    id: str = attrs.field(init=False, default="")
    workspace_id: str
    user_id: str
    auth_client_id: str
    name: str
    state: str = "ready"
    error: str | None = None
    credentials: dict[str, Any] = attrs.field(factory=dict, repr=False)
    refreshed_at: datetime | None = None


class AuthSecrets(Table[AuthSecretRecord]):
    def __init__(
        self, ids: IdFactory, users: Users, workspaces: Workspaces, auth_clients: AuthClients
    ) -> None:
        super().__init__(
            "auth-secret",
            ids,
            label="auth secret",
            refs={"workspace_id": workspaces, "user_id": users, "auth_client_id": auth_clients},
        )

    def create(
        self,
        *,
        workspace_id: str,
        user_id: str,
        auth_client_id: str,
        name: str,
        credentials: Mapping[str, Any],
        state: str = "ready",
        error: str | None = None,
    ) -> AuthSecretRecord:
        """A new secret, holding a copy of ``credentials``."""
        return self.add(
            AuthSecretRecord(
                workspace_id=workspace_id,
                user_id=user_id,
                auth_client_id=auth_client_id,
                name=name,
                state=state,
                error=error,
                credentials=clone(dict(credentials)),
            )
        )

    def refresh(self, secret_id: str, *, now: datetime, expires_in: Any) -> AuthSecretRecord:
        """Give the secret a new access token, made from its id and ``now``, lasting
        ``expires_in``; the secret is ``ready`` again."""
        secret = self[secret_id]
        secret.credentials = {
            **secret.credentials,
            "access_token": "emu-token-" + revision(f"{secret.id}:{now.isoformat()}")[:24],
            "expires_in": expires_in,
        }
        secret.state, secret.error, secret.refreshed_at = "ready", None, now
        return secret

    def using(self, auth_client_id: str) -> list[AuthSecretRecord]:
        """The secrets made with an auth client."""
        return self.where(lambda s: s.auth_client_id == auth_client_id)
