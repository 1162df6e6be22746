"""Auth clients: a name, a type, credentials, the components that use them, and the one
scope they live in (none: global)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

import attrs

from elasticio.testing._areas.components.store import Components
from elasticio.testing._areas.contracts.store import Contracts
from elasticio.testing._areas.workspaces.store import Workspaces
from elasticio.testing._ids import IdFactory
from elasticio.testing._json import clone
from elasticio.testing._table import Table

__all__ = ["DEFAULT_TOKEN_EXPIRES_IN", "AuthClientRecord", "AuthClients", "ScopeKind"]

ScopeKind = Literal["global", "tenant", "contract", "workspace"]

DEFAULT_TOKEN_EXPIRES_IN = 3600
"""Seconds an ``oauth2`` client's tokens last when its credentials do not say."""


@attrs.define(kw_only=True)
class AuthClientRecord:
    """An auth client; ``scope_id`` is the id of its tenant, contract or workspace (None
    when global). ``credentials`` hold the client secret and are never in a repr."""

    id: str = attrs.field(init=False, default="")
    name: str
    type: str
    credentials: dict[str, Any] = attrs.field(factory=dict, repr=False)
    component_ids: list[str] = attrs.Factory(list)
    scope: ScopeKind = "global"
    scope_id: str | None = None

    @property
    def contract_id(self) -> str | None:
        return self.scope_id if self.scope == "contract" else None

    @property
    def workspace_id(self) -> str | None:
        return self.scope_id if self.scope == "workspace" else None


class AuthClients(Table[AuthClientRecord]):
    def __init__(
        self, ids: IdFactory, components: Components, contracts: Contracts, workspaces: Workspaces
    ) -> None:
        super().__init__(
            "auth-client",
            ids,
            label="auth client",
            refs={
                "component_ids": components,
                "contract_id": contracts,
                "workspace_id": workspaces,
            },
        )

    def create(
        self,
        *,
        name: str,
        type: str,
        credentials: Mapping[str, Any],
        component_ids: Sequence[str],
        scope: ScopeKind = "global",
        scope_id: str | None = None,
    ) -> AuthClientRecord:
        """A new client, holding a copy of ``credentials``; an ``oauth2`` client's
        ``token_expires_in`` defaults to `DEFAULT_TOKEN_EXPIRES_IN`."""
        kept = clone(dict(credentials))
        if type == "oauth2":
            kept.setdefault("token_expires_in", DEFAULT_TOKEN_EXPIRES_IN)
        return self.add(
            AuthClientRecord(
                name=name,
                type=type,
                credentials=kept,
                component_ids=list(component_ids),
                scope=scope,
                scope_id=scope_id,
            )
        )
