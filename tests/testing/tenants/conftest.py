"""A tenant made for the tests (empty: no contracts)."""

from __future__ import annotations

import pytest

from elasticio.testing import Emulator
from elasticio.testing._tenant import TenantRecord


@pytest.fixture
def spare_tenant(emulator: Emulator) -> TenantRecord:
    """A second tenant, with no contracts."""
    return emulator.platform.tenants.add(TenantRecord(id="", name="Spare"))
