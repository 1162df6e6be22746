"""Users: who is signed in, one user, the tenant's users by page, by email and by OpenID
identity; creating and deleting users, two-factor authentication, OpenID identities; the
SDK's answers match the emulator's records."""

from __future__ import annotations

import pytest

from elasticio import (
    AsyncClient,
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    RetryPolicy,
)
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


async def test_create_and_delete(client: AsyncClient, emulator: Emulator) -> None:
    """users.create() makes a user the emulator stores; users.delete() removes them."""
    user = await client.users.create(
        email="ann@example.com", password="s3cret-pass", first_name="Ann", last_name="Lee"
    )
    stored = emulator.platform.users[user.id]
    assert (user.email, user.first_name, user.last_name) == (
        stored.email,
        stored.first_name,
        stored.last_name,
    )
    await client.users.delete(user.id)
    assert user.id not in emulator.platform.users


async def test_create_with_a_weak_password_is_a_bad_request(client: AsyncClient) -> None:
    """A password without digits or symbols raises BadRequestError."""
    with pytest.raises(BadRequestError):
        await client.users.create(
            email="ann@example.com", password="password", first_name="A", last_name="L"
        )


async def test_disable_totp(client: AsyncClient, emulator: Emulator) -> None:
    """users.disable_totp() turns the user's TOTP off and returns None."""
    stored = emulator.platform.users[emulator.seed.guest.id]
    stored.totp = True
    assert await client.users.disable_totp(stored.id) is None
    assert stored.totp is False


async def test_openid_identities(client: AsyncClient, emulator: Emulator) -> None:
    """An added identity finds the user through list(iss=, sub=); removing unlinks it."""
    user_id = emulator.seed.member.id
    identity = await client.users.add_openid_identity(
        user_id, iss="https://idp.example.com", sub="mia"
    )
    assert (identity.iss, identity.sub, identity.user_id) == (
        "https://idp.example.com",
        "mia",
        user_id,
    )
    found = await client.users.list(iss="https://idp.example.com", sub="mia").collect()
    assert [u.id for u in found] == [user_id]
    await client.users.remove_openid_identity(user_id, identity.id)
    assert emulator.platform.users[user_id].identities == {}


async def test_admin_writes_need_a_tenant_admin(rig: Rig, emulator: Emulator) -> None:
    """A contract owner who is no tenant admin gets PermissionDeniedError."""
    seed = emulator.seed
    owner = seed.contract_owner
    async with rig.client(email=owner.email, api_key=owner.api_key) as sdk:
        with pytest.raises(PermissionDeniedError):
            await sdk.users.delete(seed.member.id)
    assert seed.member.id in emulator.platform.users
