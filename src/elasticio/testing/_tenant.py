"""The white-label tenant every record of a platform belongs to."""

from __future__ import annotations

from typing import Any

import attrs

__all__ = ["TenantRecord"]


@attrs.define(kw_only=True)
class TenantRecord:
    """A tenant; its feature flags change behaviour (``contract_component_whitelist``).

    ``attributes`` holds the rest of what the API shows of it (domains, branding, the
    mail keys: never in a repr); ``roles`` the roles it offers, None for the emulator's
    defaults.

    Examples:
        >>> TenantRecord(id="t1", name="Acme").feature_flags
        {}
    """

    id: str
    name: str
    feature_flags: dict[str, bool] = attrs.Factory(dict)
    flow_stats_enabled_default: bool | None = None
    # The platform support user, for workspaces whose contract names none.
    support_user_id: str | None = None
    attributes: dict[str, Any] = attrs.field(factory=dict, repr=False)
    roles: list[dict[str, Any]] | None = None
