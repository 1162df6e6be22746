"""``client.permissions``: the permissions a tenant's roles can grant (API v2)."""

from __future__ import annotations

from typing import Unpack

from elasticio._catalog.v2 import PERMISSIONS_GET
from elasticio._options import CallOptions
from elasticio.models._tenants import PermissionSet
from elasticio.resources._base import Namespace

__all__ = ["Permissions"]


class Permissions(Namespace):
    """The permissions roles can grant, for building a tenant's roles.

    Examples:
        >>> available = await client.permissions.get()  # doctest: +SKIP
    """

    async def get(self, **options: Unpack[CallOptions]) -> PermissionSet:
        """Every permission a role can grant; any user may ask. Service permissions,
        which only service accounts hold, are not among them.

        Examples:
            >>> available = await client.permissions.get()
            >>> "workspaces.flow.edit" in available, "tenants.tenant.create" in available
            (True, False)
        """
        return await self._one(PERMISSIONS_GET, PermissionSet, options=options)
