"""The Emulator object: determinism, reset, the platform API, the SDK client."""

from __future__ import annotations

import httpx
import pytest

import elasticio.testing
from elasticio import AsyncClient
from elasticio.testing import BASE_URL, Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import data_of, error_of


def test_public_names() -> None:
    """The public API of ``elasticio.testing`` is exactly these names."""
    assert elasticio.testing.__all__ == [
        "BASE_URL",
        "ConnectionDropped",
        "Emulator",
        "EmulatorSettings",
        "FaultRule",
        "Faults",
        "Platform",
        "RecordedRequest",
        "RequestLog",
        "Seed",
        "SeedUser",
        "ServedEmulator",
        "VirtualClock",
        "serve_command",
        "serve_emulator",
    ]


def test_seed_is_deterministic(fake_clock: FakeClock) -> None:
    """Two emulators hold the same ids and data."""
    first, second = Emulator(clock=fake_clock), Emulator(clock=fake_clock)
    assert first.seed == second.seed
    assert list(first.platform.flows) == list(second.platform.flows)
    assert [f.name for f in first.platform.flows.values()] == [
        f.name for f in second.platform.flows.values()
    ]


def test_seed_size(emulator: Emulator) -> None:
    """The seed has 6 users, 1 contract, 2 workspaces, 5 components and 300 flows."""
    platform = emulator.platform
    assert (len(platform.users), len(platform.contracts), len(platform.workspaces)) == (6, 1, 2)
    assert len(platform.components) == 5
    assert len(platform.flows) == 300
    assert {len(c.versions) for c in platform.components.values()} == {2, 3}


def test_ids_look_like_the_platforms(emulator: Emulator) -> None:
    """Object ids are 24 hex digits; revisions 40."""
    flow = next(iter(emulator.platform.flows.values()))
    assert len(flow.id) == 24
    assert int(flow.id, 16) >= 0
    assert all(
        len(v.revision) == 40 for c in emulator.platform.components.values() for v in c.versions
    )


def test_credentials_are_the_owners(emulator: Emulator) -> None:
    """``credentials`` is the seeded owner's email and API key."""
    assert emulator.credentials == ("owner@example.com", "emu-owner-api-key")


async def test_state_persists_between_requests(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A deleted flow stays deleted for later requests."""
    flow_id = next(iter(emulator.platform.flows))
    await api.delete(f"/v2/flows/{flow_id}")
    error_of(await api.get(f"/v2/flows/{flow_id}"), 404)


async def test_reset_restores_the_seed(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """After ``reset`` deleted data is back, faults and the log are gone."""
    flow_id = next(iter(emulator.platform.flows))
    await api.delete(f"/v2/flows/{flow_id}")
    emulator.faults.fail(500)
    emulator.reset()
    assert emulator.requests == []
    data_of(await api.get(f"/v2/flows/{flow_id}"))


def test_reset_gives_the_same_ids(emulator: Emulator) -> None:
    """Records made after a reset get the same ids as the first time."""
    user = emulator.platform.users.create(email="a@example.com")
    emulator.reset()
    assert emulator.platform.users.create(email="a@example.com").id == user.id


async def test_added_flow_is_served(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A flow added through the platform API is visible over HTTP."""
    flow = emulator.platform.flows.create(
        workspace_id=emulator.seed.workspace_id, user_id=emulator.seed.owner.id, name="Added"
    )
    assert data_of(await api.get(f"/v2/flows/{flow.id}"))["attributes"]["name"] == "Added"


def test_the_platform_methods_before_the_areas_still_work(emulator: Emulator) -> None:
    """``add_user``, ``add_workspace_member``, ... call the areas' tables, as before."""
    platform, seed = emulator.platform, emulator.seed
    ann = platform.add_user(email="ann@example.com", api_key="ann-key")
    assert platform.users[ann.id] is ann
    assert platform.user_by_email("ANN@example.com") is ann
    platform.add_workspace_member(seed.workspace_id, ann.id, ["guest"])
    assert platform.workspaces[seed.workspace_id].members[ann.id] == ["guest"]
    team = platform.add_team(name="ann-dev", contract_id=seed.contract_id, user_ids=(ann.id,))
    assert (platform.teams[team.id].user_ids, team.name) == ([ann.id], "ann-dev")


def test_duplicate_email_is_refused(emulator: Emulator) -> None:
    """Emails are unique."""
    with pytest.raises(ValueError, match="exists"):
        emulator.platform.users.create(email="OWNER@example.com")


def test_unknown_reference_is_a_key_error(emulator: Emulator) -> None:
    """Adding a record that points at nothing fails loudly."""
    with pytest.raises(KeyError, match="workspace"):
        emulator.platform.flows.create(
            workspace_id="nope", user_id=emulator.seed.owner.id, name="x"
        )


async def test_client_is_an_sdk_client_for_the_owner(emulator: Emulator) -> None:
    """``client()`` makes an AsyncClient at the loopback base URL."""
    async with emulator.client() as client:
        assert isinstance(client, AsyncClient)
        assert str(client.base_url) == BASE_URL
