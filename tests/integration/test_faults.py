"""Robustness: a storm of 429s, injected server errors, dropped connections, and the
typed errors for 401, 403 and 404 answers, each with the emulator's state unchanged."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from elasticio import (
    APIConnectionError,
    AsyncClient,
    AuthenticationError,
    Flow,
    NotFoundError,
    PermissionDeniedError,
    ServerError,
)
from elasticio.testing import Emulator
from tests._support.rig import Rig

GET_FLOW = "flows.get"
CREATE_FLOW = "flows.create"
UNKNOWN = "0" * 24


def new_flow(client: AsyncClient, emulator: Emulator) -> Awaitable[Flow]:
    """Creating an empty flow in the shared workspace: a POST that is not idempotent."""
    return client.flows.create(
        emulator.seed.workspace_id, "Created under faults", graph={"nodes": [], "edges": []}
    )


# -- 429 -----------------------------------------------------------------------------------


async def test_a_storm_of_429s_is_waited_out(client: AsyncClient, emulator: Emulator) -> None:
    """Four reads and ten creates at once under a limit of eight a second all succeed: the
    SDK waits out each 429's Retry-After (1 s) and tries again, POSTs included (a 429 means
    the request was not processed), and each flow is created exactly once."""
    emulator.settings.rate_limit = 8
    flow_ids = sorted(emulator.platform.flows)[:4]
    before = set(emulator.platform.flows)
    read, created = await asyncio.gather(
        asyncio.gather(*(client.flows.get(flow_id) for flow_id in flow_ids)),
        asyncio.gather(*(new_flow(client, emulator) for _ in range(10))),
    )
    assert [f.id for f in read] == flow_ids
    assert len(emulator.platform.flows) == len(before) + 10
    assert set(emulator.platform.flows) == before | {f.id for f in created}
    # Over the socket six are refused at first, two creates at least; in process a refused
    # request's fake sleep moves the shared clock at once, refilling the bucket for the rest.
    assert client.stats.rate_limited > 0
    assert client.stats.requests == 14 + client.stats.rate_limited
    assert client.stats.retries == client.stats.rate_limited


async def test_a_rate_limit_is_waited_out_a_second_at_a_time(clocked_rig: Rig) -> None:
    """Under a 1 request/s limit the SDK waits out each 429 and every call succeeds."""
    emulator, clock = clocked_rig.emulator, clocked_rig.clock
    assert clock is not None
    emulator.settings.rate_limit = 1
    component_id = emulator.seed.component_ids["timer"]
    async with clocked_rig.client() as client:
        for _ in range(3):
            assert (await client.components.get(component_id)).name == "timer"
        assert client.stats.rate_limited == 2
    assert clock.sleeps == [1.0, 1.0]


# -- injected server errors ----------------------------------------------------------------


async def test_a_get_is_retried_past_injected_500s(client: AsyncClient, emulator: Emulator) -> None:
    """Two injected 500s on one route are retried away."""
    emulator.faults.fail(500, times=2, route=GET_FLOW)
    flow = await client.flows.get(emulator.seed.flow_id)
    assert flow.id == emulator.seed.flow_id
    assert (client.stats.requests, client.stats.retries) == (3, 2)


async def test_a_get_gives_up_after_max_retries(client: AsyncClient, emulator: Emulator) -> None:
    """A route that keeps failing raises ServerError after the policy's three retries."""
    emulator.faults.fail(502, route=GET_FLOW)
    with pytest.raises(ServerError) as caught:
        await client.flows.get(emulator.seed.flow_id)
    assert (caught.value.status_code, caught.value.retries_taken) == (502, 3)
    assert client.stats.requests == 4


async def test_a_route_named_by_method_and_template_is_retried(
    client: AsyncClient, emulator: Emulator
) -> None:
    """Two injected 503s on a GET, the route named as "METHOD template", are retried away."""
    emulator.faults.fail(503, times=2, route="GET /v2/components/{component_id}")
    component = await client.components.get(emulator.seed.component_ids["code"])
    assert component.name == "code"
    assert client.stats.retries == 2


async def test_only_the_faulty_route_fails(client: AsyncClient, emulator: Emulator) -> None:
    """A fault on one route leaves the others alone."""
    emulator.faults.fail(500, route=GET_FLOW)
    assert (await client.users.me()).id == emulator.seed.owner.id
    assert client.stats.retries == 0


async def test_a_post_is_not_retried_after_a_500(client: AsyncClient, emulator: Emulator) -> None:
    """A 500 on a POST may have been processed: ServerError at once, nothing sent again."""
    emulator.faults.fail(500, times=1, route=CREATE_FLOW)
    before = set(emulator.platform.flows)
    with pytest.raises(ServerError) as caught:
        await new_flow(client, emulator)
    assert (caught.value.status_code, caught.value.method, caught.value.retries_taken) == (
        500,
        "POST",
        0,
    )
    assert client.stats.requests == 1
    assert set(emulator.platform.flows) == before
    created = await new_flow(client, emulator)  # the fault was spent
    assert set(emulator.platform.flows) == before | {created.id}


async def test_a_post_is_retried_after_a_503(client: AsyncClient, emulator: Emulator) -> None:
    """A 503 says the request was not processed: a create is retried and made once."""
    emulator.faults.fail(503, times=1, route=CREATE_FLOW)
    before = len(emulator.platform.flows)
    await new_flow(client, emulator)
    assert client.stats.retries == 1
    assert len(emulator.platform.flows) == before + 1


# -- dropped connections -------------------------------------------------------------------


async def test_a_dropped_get_is_retried(client: AsyncClient, emulator: Emulator) -> None:
    """A connection dropped mid-answer on a GET is retried, and the GET succeeds."""
    emulator.faults.drop(times=1, route=GET_FLOW)
    flow = await client.flows.get(emulator.seed.flow_id)
    assert flow.id == emulator.seed.flow_id
    assert (client.stats.requests, client.stats.retries) == (2, 1)


async def test_a_drop_on_any_route_is_retried(
    client: AsyncClient, emulator: Emulator, rig: Rig
) -> None:
    """A connection dropped on any route, for a GET, is retried: one unanswered attempt, one 200."""
    emulator.faults.drop(times=1)
    assert (await client.components.get(emulator.seed.component_ids["code"])).name == "code"
    assert [r.status for r in rig.log()] == [None, 200]


async def test_a_dropped_post_is_not_retried(client: AsyncClient, emulator: Emulator) -> None:
    """A dropped connection on a POST raises APIConnectionError, without a second try."""
    emulator.faults.drop(times=1, route=CREATE_FLOW)
    before = set(emulator.platform.flows)
    with pytest.raises(APIConnectionError) as caught:
        await new_flow(client, emulator)
    assert (caught.value.method, caught.value.retries_taken) == ("POST", 0)
    assert client.stats.requests == 1
    assert set(emulator.platform.flows) == before


async def test_drops_and_errors_together(client: AsyncClient, emulator: Emulator) -> None:
    """A drop, then a 503, then the answer: three attempts for one paginated list."""
    emulator.faults.drop(times=1, route="flows.list")
    emulator.faults.fail(503, times=1, route="flows.list")
    flows = await client.flows.list(emulator.seed.private_workspace_id).collect()
    assert len(flows) == 100
    assert client.stats.retries == 2


# -- 401, 403, 404 -------------------------------------------------------------------------


async def test_a_wrong_key_is_refused(rig: Rig, emulator: Emulator) -> None:
    """A wrong API key raises AuthenticationError, not retried."""
    async with rig.client(api_key="not-the-key") as client:
        with pytest.raises(AuthenticationError) as caught:
            await client.users.me()
        with pytest.raises(AuthenticationError):
            await client.request("GET", "/v2/users/me")
    assert caught.value.retries_taken == 0
    assert "not-the-key" not in str(caught.value)


Call = Callable[[AsyncClient, Emulator], Awaitable[Any]]


def private_flow_id(emulator: Emulator) -> str:
    return min(
        f.id
        for f in emulator.platform.flows.values()
        if f.workspace_id == emulator.seed.private_workspace_id
    )


# Calls the guest may not make: each is a subtest of one test, as they share one emulator
# state that none of them may change.
FORBIDDEN: dict[str, Call] = {
    "users.list": lambda c, e: c.users.list().collect(),
    "workspaces.get": lambda c, e: c.workspaces.get(e.seed.private_workspace_id),
    "workspaces.members": lambda c, e: c.workspaces.members(e.seed.private_workspace_id),
    "teams.get": lambda c, e: c.teams.get(e.seed.team_id),
    "components.list_all": lambda c, e: c.components.list_all().collect(),
    "components.update": lambda c, e: c.components.update(
        e.seed.component_ids["petstore"], access="tenant"
    ),
    "components.delete": lambda c, e: c.components.delete(e.seed.component_ids["petstore"]),
    "flows.list": lambda c, e: c.flows.list(e.seed.private_workspace_id).collect(),
    "flows.get": lambda c, e: c.flows.get(private_flow_id(e)),
    "flows.start": lambda c, e: c.flows.start(private_flow_id(e)),
    "credentials.get": lambda c, e: c.credentials.get(e.seed.private_credential_id),
    "credentials.create": lambda c, e: c.credentials.create(
        keys={},
        component_id=e.seed.component_ids["petstore"],
        workspace_id=e.seed.private_workspace_id,
    ),
}


async def test_the_guest_is_denied(
    guest: AsyncClient, emulator: Emulator, subtests: pytest.Subtests
) -> None:
    """What the guest may not see or change raises PermissionDeniedError (403), unretried,
    and changes nothing."""
    credentials_before = set(emulator.platform.credentials)
    for name, call in FORBIDDEN.items():
        with subtests.test(name):
            with pytest.raises(PermissionDeniedError) as caught:
                await call(guest, emulator)
            assert caught.value.status_code == 403
            assert caught.value.errors
    assert guest.stats.retries == 0
    assert guest.stats.requests == len(FORBIDDEN)
    assert set(emulator.platform.credentials) == credentials_before
    assert emulator.platform.components[emulator.seed.component_ids["petstore"]].access == "team"
    assert emulator.platform.flows[private_flow_id(emulator)].status == "inactive"


NOT_FOUND: dict[str, Call] = {
    "users.get": lambda c, e: c.users.get(UNKNOWN),
    "contracts.get": lambda c, e: c.contracts.get(UNKNOWN),
    "workspaces.get": lambda c, e: c.workspaces.get(UNKNOWN),
    "teams.get": lambda c, e: c.teams.get(UNKNOWN),
    "components.get": lambda c, e: c.components.get(UNKNOWN),
    "components.descriptor": lambda c, e: c.components.descriptor(
        e.seed.component_ids["timer"], "f" * 40
    ),
    "credentials.get": lambda c, e: c.credentials.get(UNKNOWN),
    "credentials.delete": lambda c, e: c.credentials.delete(UNKNOWN),
    "data_samples.get": lambda c, e: c.data_samples.get(UNKNOWN),
    "ssh_keys.delete": lambda c, e: c.ssh_keys.delete(UNKNOWN),
    "flows.get": lambda c, e: c.flows.get(UNKNOWN),
    "flows.start": lambda c, e: c.flows.start(UNKNOWN),
    "flows.delete": lambda c, e: c.flows.delete(UNKNOWN),
    "flows.versions": lambda c, e: c.flows.versions(UNKNOWN).collect(),
    "flows.get_draft": lambda c, e: c.flows.get_draft(UNKNOWN),
}


async def test_unknown_ids_are_not_found(
    client: AsyncClient, emulator: Emulator, subtests: pytest.Subtests
) -> None:
    """An id the platform does not have raises NotFoundError (404), naming the request."""
    for name, call in NOT_FOUND.items():
        with subtests.test(name):
            with pytest.raises(NotFoundError) as caught:
                await call(client, emulator)
            assert caught.value.status_code == 404
            assert caught.value.url.startswith(str(client.base_url))
    assert client.stats.retries == 0
