"""Who holds the ``*.auth_clients.*`` permissions where, and which clients a scope sees.

A scope is ``(kind, id)``: ``("global", None)``, the tenant, a contract or a workspace.
The emulator gives the permissions of a scope (get, create, edit, delete alike) to:

* global and tenant: the tenant's admins (the emulated platform has one tenant, whose
  admins stand in for the platform's operators);
* a contract: its owners and admins, and tenant admins;
* a workspace: its members.

A scope sees its own clients and those of the scopes above it (a workspace: its
contract's, the tenant's and the global ones). A client's ``credentials`` are shown only
to a caller who holds the permission of the client's own scope, as the docs say.
"""

from __future__ import annotations

from elasticio.testing._areas.auth_clients.store import AuthClientRecord, ScopeKind
from elasticio.testing._errors import NoSuchRecordError, bad_request, forbidden
from elasticio.testing._request import Call

__all__ = [
    "SCOPE_PARAMETERS",
    "Scope",
    "holds",
    "query_scope",
    "reaches",
    "require",
    "scope_of",
    "sees",
]

Scope = tuple[ScopeKind, str | None]

SCOPE_PARAMETERS: dict[str, ScopeKind] = {
    "workspace_id": "workspace",
    "contract_id": "contract",
    "tenant_id": "tenant",
}
_EDITORS = {"owner", "admin"}


def scope_of(client: AuthClientRecord) -> Scope:
    return client.scope, client.scope_id


def _known(call: Call, scope: Scope) -> None:
    """404 for a scope whose record does not exist."""
    kind, scope_id = scope
    if kind == "tenant" and scope_id != call.platform.tenant.id:
        raise NoSuchRecordError("tenant", str(scope_id))
    if kind == "contract":
        call.platform.contracts.require(str(scope_id))
    if kind == "workspace":
        call.platform.workspaces.require(str(scope_id))


def holds(call: Call, scope: Scope) -> bool:
    """True when the caller holds the auth-client permissions of ``scope``."""
    kind, scope_id = scope
    user = call.user
    if kind in ("global", "tenant"):
        return user.tenant_admin
    if kind == "contract":
        contract = call.platform.contracts[str(scope_id)]
        return user.tenant_admin or bool(_EDITORS & set(contract.members.get(user.id, [])))
    return user.id in call.platform.workspaces[str(scope_id)].members


def require(call: Call, scope: Scope) -> None:
    """404 for an unknown scope, 403 for one whose permissions the caller lacks."""
    _known(call, scope)
    if not holds(call, scope):
        raise forbidden()


def above(call: Call, scope: Scope) -> list[Scope]:
    """``scope`` and the scopes above it, whose clients it sees."""
    kind, scope_id = scope
    seen: list[Scope] = [("global", None)]
    if kind != "global":
        seen.append(("tenant", call.platform.tenant.id))
    if kind == "contract":
        seen.append(scope)
    if kind == "workspace":
        workspace = call.platform.workspaces[str(scope_id)]
        seen.extend([("contract", workspace.contract_id), scope])
    return seen


def sees(call: Call, scope: Scope, client: AuthClientRecord) -> bool:
    """True when ``client`` is usable in ``scope``."""
    return scope_of(client) in above(call, scope)


def query_scope(call: Call) -> Scope:
    """The scope a read names (``workspace_id``, ``contract_id`` or ``tenant_id``; none:
    global), once the caller is checked to hold its permissions.

    Raises:
        ReplyError: 400 for two scopes, 404 for an unknown one, 403 without permission.
    """
    given = [(SCOPE_PARAMETERS[k], v) for k, v in call.query.items() if k in SCOPE_PARAMETERS]
    if len(given) > 1:
        raise bad_request("only one of workspace_id, contract_id and tenant_id may be given")
    if not given:
        return "global", None
    scope: Scope = given[0]
    require(call, scope)
    return scope


def _callers_scopes(call: Call) -> list[Scope]:
    """Every scope whose permissions the caller holds."""
    user, platform = call.user, call.platform
    scopes: list[Scope] = [("global", None)]
    if user.tenant_admin:
        scopes.append(("tenant", platform.tenant.id))
    scopes.extend(
        ("contract", c.id) for c in platform.contracts.values() if holds(call, ("contract", c.id))
    )
    scopes.extend(("workspace", w.id) for w in platform.workspaces.with_member(user.id))
    return scopes


def reaches(call: Call, client: AuthClientRecord) -> bool:
    """True when some scope the caller holds sees ``client``."""
    return any(sees(call, scope, client) for scope in _callers_scopes(call))
