"""Users: who is signed in, one user, the tenant's users by page and by email; the SDK's
answers match the emulator's records."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, NotFoundError, PermissionDeniedError, RetryPolicy
from elasticio.testing import Emulator
from tests._support.rig import Rig


async def test_me_is_the_signed_in_owner(client: AsyncClient, emulator: Emulator) -> None:
    """users.me() returns the seeded owner as the platform stores them."""
    me = await client.users.me()
    owner = emulator.platform.users[emulator.seed.owner.id]
    assert (me.id, me.email, me.first_name, me.last_name) == (
        owner.id,
        owner.email,
        owner.first_name,
        owner.last_name,
    )
    assert (me.registered, me.last_login) == (owner.registered, owner.last_login)


async def test_me_as_the_guest(guest: AsyncClient, emulator: Emulator) -> None:
    """A client signed in with the guest's key is the guest."""
    assert (await guest.users.me()).id == emulator.seed.guest.id


async def test_get_one_by_id(client: AsyncClient, emulator: Emulator) -> None:
    """users.get() returns the user with that id: the guest, who shares the owner's contract."""
    user = await client.users.get(emulator.seed.guest.id)
    assert (user.id, user.email) == (emulator.seed.guest.id, emulator.seed.guest.email)
    assert user.registered is not None


async def test_get_of_an_unknown_user_is_not_found(rig: Rig) -> None:
    """users.get() of an id the platform lacks raises NotFoundError."""
    async with rig.client(retry=RetryPolicy.never()) as client:
        with pytest.raises(NotFoundError):
            await client.users.get("0" * 24)


async def test_list_pages_through_every_user(
    client: AsyncClient, emulator: Emulator, rig: Rig
) -> None:
    """users.list(page_size=1) yields every user of the tenant, one request a page."""
    users = await client.users.list(page_size=1).collect()
    assert [u.id for u in users] == sorted(emulator.platform.users)
    assert client.stats.requests == len(emulator.platform.users)
    pages = [r for r in rig.log() if r.path == "/v2/users"]
    assert len(pages) == len(emulator.platform.users)


async def test_list_filters_by_email(client: AsyncClient, emulator: Emulator) -> None:
    """users.list(email=...) returns only that user."""
    users = await client.users.list(email=emulator.seed.guest.email).collect()
    assert [u.id for u in users] == [emulator.seed.guest.id]


async def test_list_by_email_in_any_case(client: AsyncClient, emulator: Emulator) -> None:
    """users.list(email=...) yields only that user, whatever the case of the address."""
    found = await client.users.list(email=emulator.seed.guest.email.upper()).collect()
    assert [u.id for u in found] == [emulator.seed.guest.id]


async def test_list_needs_a_tenant_admin(guest: AsyncClient) -> None:
    """users.list() as the guest, who is no tenant admin, raises PermissionDeniedError."""
    with pytest.raises(PermissionDeniedError):
        await guest.users.list().collect()
