"""What every route shares: authentication first, and fault rules and the rate limit
keyed by route, for the credentials, data samples, SSH keys, executions, flow versions,
drafts and snapshots as for the rest."""

from __future__ import annotations

import re

import httpx
import pytest

from elasticio.testing import Emulator
from tests.testing.conftest import FakeClock
from tests.testing.helpers import data_of, error_of

NEW_ROUTES = [
    "GET /v2/credentials",
    "GET /v2/credentials/{credential_id}",
    "POST /v2/credentials",
    "PATCH /v2/credentials/{credential_id}",
    "DELETE /v2/credentials/{credential_id}",
    "GET /v2/flows/{flow_id}/versions",
    "GET /v2/flows/{flow_id}/versions/{version_id}",
    "GET /v2/flows/{flow_id}/draft",
    "PUT /v2/flows/{flow_id}/draft",
    "DELETE /v2/flows/{flow_id}/draft",
    "POST /v2/flows/{flow_id}/copy",
    "GET /v2/flows/{flow_id}/snapshots",
    "POST /v2/flows/{flow_id}/snapshots",
    "GET /v2/flows/{flow_id}/snapshots/{step_id}",
    "PATCH /v2/flows/{flow_id}/snapshots/{step_id}",
    "DELETE /v2/flows/{flow_id}/snapshots/{step_id}",
    "GET /v2/data-samples",
    "GET /v2/data-samples/{sample_id}",
    "POST /v2/data-samples",
    "PATCH /v2/data-samples/{sample_id}",
    "GET /v2/sshkeys",
    "POST /v2/sshkeys",
    "DELETE /v2/sshkeys/{key_id}",
    "POST /v2/components/{component_id}/versions/{revision}/verify-credential",
    "POST /v2/components/{component_id}/versions/{revision}/dynamic-metadata",
    "POST /v2/components/{component_id}/versions/{revision}/select-model",
    "GET /v2/exec/poll/{execution_id}",
    "GET /v2/exec/result/{execution_id}",
]


def concrete(route: str) -> tuple[str, str]:
    """The method and a path that fits the route's template."""
    method, template = route.split(" ", 1)
    return method, re.sub(r"\{[^}]+\}", "x", template)


def test_new_routes_are_declared(emulator: Emulator) -> None:
    """The new endpoints are routes, each declared once, under these keys."""
    assert set(NEW_ROUTES) <= emulator.router.keys


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
    assert emulator.requests[-1].route == route


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
