"""Users: me, by id, and the paged list for tenant admins."""

from __future__ import annotations

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.emulator_http import data_of, error_of


async def test_me_is_the_signed_in_user(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``/v2/users/me`` answers the caller as a ``user`` resource with the documented fields."""
    response = await api.get("/v2/users/me")
    user = data_of(response)
    owner = emulator.seed.owner
    assert user["id"] == owner.id
    assert user["type"] == "user"
    assert user["links"] == {"self": f"/v2/users/{owner.id}"}
    assert user["attributes"] == {
        "first_name": "Olivia",
        "last_name": "Owner",
        "email": owner.email,
        "registered": "2024-01-01T00:00:00.000Z",
        "last_login": "2024-01-01T00:00:00.000Z",
    }
    assert response.json()["meta"] == {}


async def test_user_by_id(guest_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A member of the same contract can be read by id."""
    owner = emulator.seed.owner
    assert data_of(await guest_api.get(f"/v2/users/{owner.id}"))["attributes"]["email"] == (
        owner.email
    )


async def test_unknown_user_is_404(api: httpx.AsyncClient) -> None:
    """An id no user has is 404."""
    error_of(await api.get("/v2/users/000000000000000000000000"), 404)


async def test_user_outside_your_contracts_is_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A user sharing no contract with the caller is forbidden."""
    stranger = emulator.platform.users.create(email="stranger@example.com")
    error_of(await guest_api.get(f"/v2/users/{stranger.id}"), 403)


async def test_list_has_paging_meta_with_default_size_50(api: httpx.AsyncClient) -> None:
    """The user list pages 50 at a time by default and says so in ``meta``."""
    response = await api.get("/v2/users")
    assert response.status_code == 200
    assert response.json()["meta"] == {"page": 1, "per_page": 50, "total": 6, "total_pages": 1}
    assert response.json()["links"] == {"self": "/v2/users"}


async def test_list_pages(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``page[size]`` and ``page[number]`` pick a page; meta counts the whole list."""
    for n in range(3):
        emulator.platform.users.create(email=f"extra{n}@example.com")
    response = await api.get("/v2/users", params={"page[size]": 3, "page[number]": 3})
    assert [u["attributes"]["email"] for u in data_of(response)] == [
        "extra0@example.com",
        "extra1@example.com",
        "extra2@example.com",
    ]
    assert response.json()["meta"] == {"page": 3, "per_page": 3, "total": 9, "total_pages": 3}


async def test_list_filters_by_email(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``email`` keeps the one user with that address."""
    users = data_of(await api.get("/v2/users", params={"email": "guest@example.com"}))
    assert [u["id"] for u in users] == [emulator.seed.guest.id]


async def test_list_refuses_email_with_iss(api: httpx.AsyncClient) -> None:
    """``iss``/``sub`` cannot be combined with ``email``."""
    params = {"email": "guest@example.com", "iss": "https://idp.example.com"}
    error_of(await api.get("/v2/users", params=params), 400)


async def test_list_filters_by_openid_identity(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``iss`` and ``sub`` keep users with a matching OpenID identity."""
    user = emulator.platform.users.create(email="oidc@example.com")
    user.identities["identity-1"] = ("https://idp.example.com", "subject-1")
    params = {"iss": "https://idp.example.com", "sub": "subject-1"}
    assert [u["id"] for u in data_of(await api.get("/v2/users", params=params))] == [user.id]


async def test_list_is_for_tenant_admins(guest_api: httpx.AsyncClient) -> None:
    """Without the tenant-admin permission the list is 403."""
    error_of(await guest_api.get("/v2/users"), 403)


@pytest.mark.parametrize(
    ("name", "value"),
    [("page[size]", "0"), ("page[size]", "ten"), ("page[number]", "-1"), ("page[number]", "1.5")],
)
async def test_invalid_page_parameters_are_400(
    api: httpx.AsyncClient, name: str, value: str
) -> None:
    """Page parameters must be positive integers; the error names the parameter."""
    error = error_of(await api.get("/v2/users", params={name: value}), 400)
    assert error["source"] == {"parameter": name}
