"""Wrong argument values become the SDK's own errors, never a bare TypeError or ValueError."""

from __future__ import annotations

from typing import Any

import pytest
import respx

from elasticio import (
    AsyncClient,
    ConfigurationError,
    PollPolicy,
    RetryPolicy,
    UsageError,
)
from tests._support.offline import API_KEY, BASE_URL, EMAIL


@pytest.mark.parametrize("page_size", ["50", 0, -1, 2.5, True])
def test_a_bad_page_size_is_a_usage_error(client: AsyncClient, page_size: Any) -> None:
    """page_size must be a whole number of at least 1; the error names the value."""
    with pytest.raises(UsageError, match="page_size"):
        client.users.list(page_size=page_size)


@pytest.mark.parametrize("seconds", ["x", 0, -1.0, True])
async def test_a_bad_call_timeout_is_a_usage_error(
    client: AsyncClient, router: respx.MockRouter, seconds: Any
) -> None:
    """A per-call timeout must be a positive number or an httpx.Timeout; nothing is sent."""
    route = router.get("/v2/users/me").respond(200, json={})
    with pytest.raises(UsageError, match="timeout"):
        await client.users.me(timeout=seconds)
    assert not route.called


@pytest.mark.parametrize("roles", [5, [1, 2], b"admin", {"admin": True}])
async def test_roles_must_be_strings(client: AsyncClient, roles: Any) -> None:
    """add_member(roles=...) takes one role name or a list of them."""
    with pytest.raises(UsageError, match="roles"):
        await client.workspaces.add_member("W1", "U1", roles=roles)


async def test_a_bad_include_is_a_usage_error(client: AsyncClient) -> None:
    """include takes names, not any object."""
    with pytest.raises(UsageError, match="include"):
        await client.contracts.get("C1", include=7)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        ({"max_retries": -1}, "max_retries"),
        ({"max_retries": "3"}, "max_retries"),
        ({"max_retries": 1.5}, "max_retries"),
        ({"jitter": 2.0}, "jitter"),
        ({"deadline": 0}, "deadline"),
        ({"backoff_max": "8"}, "backoff_max"),
    ],
)
def test_a_bad_retry_policy_is_a_configuration_error(settings: dict[str, Any], field: str) -> None:
    """RetryPolicy fields are checked with the SDK's error, naming the field."""
    with pytest.raises(ConfigurationError, match=field):
        RetryPolicy(**settings)


@pytest.mark.parametrize(
    ("settings", "field"),
    [({"interval": 0}, "interval"), ({"backoff": 0.5}, "backoff"), ({"timeout": "90"}, "timeout")],
)
def test_a_bad_poll_policy_is_a_configuration_error(settings: dict[str, Any], field: str) -> None:
    """PollPolicy fields are checked the same way."""
    with pytest.raises(ConfigurationError, match=field):
        PollPolicy(**settings)


@pytest.mark.parametrize(
    "settings",
    [{"max_retries": "3"}, {"max_retries": -2}, {"timeout": "slow"}, {"headers": 5}],
)
def test_bad_client_settings_are_usage_errors(settings: dict[str, Any]) -> None:
    """The client's own arguments are checked before anything is built."""
    with pytest.raises(UsageError):
        AsyncClient(email=EMAIL, api_key=API_KEY, base_url=BASE_URL, **settings)
