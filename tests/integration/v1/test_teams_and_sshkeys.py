"""API v1 teams and SSH keys through the SDK against the emulator, and what v2 sees of
the changes."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, BadRequestError, PermissionDeniedError
from elasticio.testing import Emulator
from elasticio.testing._areas.ssh_keys.keys import example_rsa_key
from tests._support.rig import Rig


async def test_teams_list_and_create(client: AsyncClient, emulator: Emulator) -> None:
    """A team created through v1 is listed by v1 and shown by v2."""
    created = await client.v1.teams.create("v1 team")
    assert created.members == (emulator.seed.owner.id,)
    assert created.id in [team.id for team in await client.v1.teams.list()]
    assert (await client.teams.get(created.id)).name == "v1 team"


async def test_sshkeys_round_trip(client: AsyncClient, emulator: Emulator) -> None:
    """Add, list (v1 and v2), delete."""
    created = await client.v1.sshkeys.create(example_rsa_key("v1-int"), title="CI")
    assert created.user_id == emulator.seed.owner.id
    assert {k.id for k in await client.v1.sshkeys.list()} == {emulator.seed.ssh_key_id, created.id}
    assert created.id in [k.id async for k in client.ssh_keys.list()]
    await client.v1.sshkeys.delete(created.id)
    assert created.id not in emulator.platform.ssh_keys


async def test_errors_keep_the_emulators_message(client: AsyncClient, guest: AsyncClient) -> None:
    with pytest.raises(BadRequestError, match="SSH public key"):
        await client.v1.sshkeys.create("ssh-rsa !!")
    with pytest.raises(PermissionDeniedError, match="own SSH keys"):
        await guest.v1.sshkeys.delete((await client.v1.sshkeys.list())[0].id)


async def test_v1_calls_wait_out_the_rate_limit(clocked_rig: Rig) -> None:
    """Under a 1 request/s limit a v1 call is retried after each 429, as a v2 call is."""
    emulator, clock = clocked_rig.emulator, clocked_rig.clock
    assert clock is not None
    emulator.settings.rate_limit = 1
    async with clocked_rig.client() as client:
        for _ in range(3):
            assert [t.id for t in await client.v1.teams.list()] == [emulator.seed.team_id]
        assert client.stats.rate_limited == 2
    assert clock.sleeps == [1.0, 1.0]
