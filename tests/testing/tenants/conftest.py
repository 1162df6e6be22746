"""Callers of the seed by role, signed in over plain httpx, and a tenant made for the
tests (empty: no contracts)."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from elasticio.testing import Emulator
from elasticio.testing._tenant import TenantRecord
from tests._support.emulator_http import http_client


async def _as(emulator: Emulator, who: str) -> AsyncIterator[httpx.AsyncClient]:
    user = getattr(emulator.seed, who)
    async with http_client(emulator, (user.email, user.api_key)) as client:
        yield client


@pytest.fixture
async def contract_owner_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """The contract's owner, no Tenant Admin."""
    async for client in _as(emulator, "contract_owner"):
        yield client


@pytest.fixture
async def member_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """A guest of the shared workspace, no Tenant Admin."""
    async for client in _as(emulator, "member"):
        yield client


@pytest.fixture
async def outsider_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    async for client in _as(emulator, "outsider"):
        yield client


@pytest.fixture
def spare_tenant(emulator: Emulator) -> TenantRecord:
    """A second tenant, with no contracts."""
    return emulator.platform.tenants.add(TenantRecord(id="", name="Spare"))
