"""Who may administer which tenant.

The docs authorize tenant administration with ``tenants.*`` permissions, most of them
service permissions. The emulator has one tenant of users, whose Tenant Admins stand in
for the platform's operators: they hold every ``tenants.*`` permission on every tenant,
creating new ones included (``tenants.tenant.create``). Anyone else gets 403 for a
tenant that exists, 404 for one that does not.
"""

from __future__ import annotations

from elasticio.testing._permissions import require
from elasticio.testing._request import Call
from elasticio.testing._tenant import TenantRecord

__all__ = ["administered"]


def administered(call: Call, tenant_id: str, permission: str) -> TenantRecord:
    """The tenant ``tenant_id``, once the caller is checked to hold ``permission``.

    Raises:
        ReplyError: 404 for an unknown tenant, 403 without the permission.
    """
    tenant = call.platform.tenants[tenant_id]
    require(call, permission)
    return tenant
