"""Who may do what to a contract: small checks named after the docs' permissions.

A tenant admin may do everything; a member holds the permissions of their contract
roles (`elasticio.testing._areas.contracts.policy`). Each check raises 403 for a
caller without the right; whether the caller may see the contract at all (403 for a
non-member) is `elasticio.testing._areas.contracts.routes.contract_for`'s job.
"""

from __future__ import annotations

from elasticio.testing._areas.contracts.policy import permissions_of
from elasticio.testing._areas.contracts.store import ContractRecord
from elasticio.testing._areas.users.store import UserRecord
from elasticio.testing._errors import forbidden

__all__ = ["holds", "require", "require_tenant_admin"]


def holds(user: UserRecord, contract: ContractRecord, permission: str) -> bool:
    """True when ``user`` holds ``permission`` in ``contract`` (tenant admins hold all)."""
    if user.tenant_admin:
        return True
    return permission in permissions_of("contracts", contract.members.get(user.id, ()))


def require(user: UserRecord, contract: ContractRecord, permission: str) -> None:
    """403 unless ``user`` holds ``permission`` in ``contract``."""
    if not holds(user, contract, permission):
        raise forbidden()


def require_tenant_admin(user: UserRecord) -> None:
    """403 unless ``user`` is a tenant admin (the docs' ``TenantAdmin`` role)."""
    if not user.tenant_admin:
        raise forbidden()
