"""The white-label tenant every record of a platform belongs to."""

from __future__ import annotations

import attrs

__all__ = ["TenantRecord"]


@attrs.define(kw_only=True)
class TenantRecord:
    """The tenant; its feature flags change behaviour (``contract_component_whitelist``).

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
