"""What every route shares: authentication first, and fault rules and the rate limit
keyed by route, for the credentials, data samples, SSH keys, executions, flow versions,
drafts and snapshots as for the rest."""

from __future__ import annotations

import re

import httpx
import pytest

from elasticio._catalog import ENTRIES
from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import data_of, error_of

NEW_ROUTES = [
    "credentials.list",
    "credentials.get",
    "credentials.create",
    "credentials.update",
    "credentials.delete",
    "flows.versions",
    "flows.version",
    "flows.get_draft",
    "flows.put_draft",
    "flows.delete_draft",
    "flows.copy",
    "flows.snapshots",
    "flows.create_snapshot",
    "flows.get_snapshot",
    "flows.update_snapshot",
    "flows.delete_snapshot",
    "data_samples.list",
    "data_samples.get",
    "data_samples.create",
    "data_samples.update",
    "ssh_keys.list",
    "ssh_keys.create",
    "ssh_keys.delete",
    "executions.verify_credential",
    "executions.dynamic_metadata",
    "executions.select_model",
    "executions.poll",
    "executions.result",
]


def concrete(route: str) -> tuple[str, str]:
    """The method and a path that fits the entry's template."""
    entry = ENTRIES[route]
    return entry.method, re.sub(r"\{[^}]+\}", "x", entry.template)


def test_new_routes_are_declared(emulator: Emulator) -> None:
    """The new endpoints are handled, each once, under these entry names."""
    assert set(NEW_ROUTES) <= emulator.handled_entries


@pytest.mark.parametrize("route", NEW_ROUTES)
async def test_every_new_route_needs_authentication(
    anonymous_api: httpx.AsyncClient, route: str
) -> None:
    """Without credentials each new route answers 401, before anything else."""
    method, path = concrete(route)
    error_of(await anonymous_api.request(method, path), 401)


@pytest.mark.parametrize("route", NEW_ROUTES)
async def test_faults_can_name_every_new_route(
    api: httpx.AsyncClient, emulator: Emulator, route: str
) -> None:
    """A fault rule naming a new route hits a request to it."""
    emulator.faults.fail(502, times=1, route=route)
    method, path = concrete(route)
    error_of(await api.request(method, path), 502)
    assert emulator.requests[-1].entry == route


async def test_rate_limit_covers_new_routes(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """The per-user rate limit counts requests to the new routes too."""
    emulator.settings.rate_limit = 1
    data_of(await api.get("/v2/sshkeys"))
    response = await api.get(f"/v2/data-samples/{emulator.seed.data_sample_ids['petstore']}")
    error_of(response, 429)
    assert response.headers["retry-after"] == "1"
    fake_clock.advance(1.0)
    data_of(await api.get("/v2/sshkeys"))
