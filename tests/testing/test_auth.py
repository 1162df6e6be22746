"""HTTP Basic authentication: email as username, API key as password."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from tests._support.emulator_http import data_of, error_of, http_client


async def test_missing_credentials_are_401(anonymous_api: httpx.AsyncClient) -> None:
    """A request without an Authorization header is 401 with a JSON:API error."""
    error = error_of(await anonymous_api.get("/v2/users/me"), 401)
    assert error["title"] == "Unauthorized"
    assert error["detail"] == "No authorization header was provided."


async def test_wrong_api_key_is_401(emulator: Emulator) -> None:
    """A known email with the wrong API key is 401."""
    async with http_client(emulator, (emulator.seed.owner.email, "wrong")) as client:
        error_of(await client.get("/v2/users/me"), 401)


async def test_unknown_email_is_401(emulator: Emulator) -> None:
    """An email no user has is 401."""
    async with http_client(emulator, ("nobody@example.com", "x")) as client:
        error_of(await client.get("/v2/users/me"), 401)


async def test_bearer_scheme_is_401(anonymous_api: httpx.AsyncClient) -> None:
    """Only Basic authentication is accepted."""
    headers = {"Authorization": "Bearer emu-owner-api-key"}
    error_of(await anonymous_api.get("/v2/users/me", headers=headers), 401)


async def test_garbled_basic_header_is_401(anonymous_api: httpx.AsyncClient) -> None:
    """A Basic header that is not base64 of ``user:password`` is 401."""
    headers = {"Authorization": "Basic not-base64!"}
    error_of(await anonymous_api.get("/v2/users/me", headers=headers), 401)


async def test_email_is_case_insensitive(emulator: Emulator) -> None:
    """The email matches whatever its letter case."""
    owner = emulator.seed.owner
    async with http_client(emulator, (owner.email.upper(), owner.api_key)) as client:
        assert data_of(await client.get("/v2/users/me"))["id"] == owner.id


async def test_user_added_to_the_platform_can_sign_in(emulator: Emulator) -> None:
    """A user added through the platform API authenticates with its API key."""
    user = emulator.platform.users.create(email="new@example.com", api_key="k-123")
    async with http_client(emulator, ("new@example.com", "k-123")) as client:
        assert data_of(await client.get("/v2/users/me"))["id"] == user.id
