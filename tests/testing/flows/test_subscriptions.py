"""Error subscriptions of a flow (API digest §4.5; the shape is the emulator's)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.emulator_http import data_of, error_of, http_client


def subscription(**attributes: Any) -> dict[str, Any]:
    return {"data": {"type": "flow-subscription", "attributes": attributes}}


@pytest.fixture
def url(emulator: Emulator) -> str:
    return f"/v2/flows/{emulator.seed.flow_id}/subscriptions"


@pytest.fixture
async def member_api(emulator: Emulator) -> AsyncIterator[httpx.AsyncClient]:
    """Signed in as the seeded member (a guest of the shared workspace, no contract role)."""
    member = emulator.seed.member
    async with http_client(emulator, (member.email, member.api_key)) as client:
        yield client


async def test_a_new_flow_has_no_subscriptions(api: httpx.AsyncClient, url: str) -> None:
    """The list starts empty."""
    assert data_of(await api.get(url)) == []


async def test_subscribe_answers_201_with_the_subscription(
    api: httpx.AsyncClient, emulator: Emulator, url: str
) -> None:
    """POST is 201 with a ``flow-subscription`` naming the address, the user and the flow."""
    created = data_of(await api.post(url, json=subscription(email="ops@example.com")), 201)
    assert created["type"] == "flow-subscription"
    assert created["attributes"]["email"] == "ops@example.com"
    assert created["attributes"]["created_at"] == "2025-01-01T00:00:00.000Z"
    assert created["relationships"]["user"]["data"]["id"] == emulator.seed.owner.id
    assert created["relationships"]["flow"]["data"]["id"] == emulator.seed.flow_id
    assert data_of(await api.get(url)) == [created]


async def test_subscribe_defaults_to_the_callers_address(
    api: httpx.AsyncClient, emulator: Emulator, url: str
) -> None:
    """Without an email the caller's own address is subscribed."""
    created = data_of(await api.post(url, json=subscription()), 201)
    assert created["attributes"]["email"] == emulator.seed.owner.email


async def test_an_address_is_subscribed_once(api: httpx.AsyncClient, url: str) -> None:
    """The same address again, in any case, is 409."""
    await api.post(url, json=subscription(email="ops@example.com"))
    error_of(await api.post(url, json=subscription(email="OPS@example.com")), 409)


@pytest.mark.parametrize("email", ["", "not an address", 7])
async def test_subscribe_checks_the_email(api: httpx.AsyncClient, url: str, email: Any) -> None:
    """An email that is empty, no address or no string is 400, pointed at."""
    error = error_of(await api.post(url, json=subscription(email=email)), 400)
    assert error["source"]["pointer"] == "/data/attributes/email"


async def test_subscribe_with_wrong_type_is_409(api: httpx.AsyncClient, url: str) -> None:
    """A resource of another type is 409."""
    body = {"data": {"type": "subscription", "attributes": {}}}
    error_of(await api.post(url, json=body), 409)


async def test_unsubscribe_answers_204(api: httpx.AsyncClient, url: str) -> None:
    """DELETE is 204 and the subscription is gone; again it is 404."""
    created = data_of(await api.post(url, json=subscription()), 201)
    response = await api.delete(f"{url}/{created['id']}")
    assert (response.status_code, response.content) == (204, b"")
    assert data_of(await api.get(url)) == []
    error_of(await api.delete(f"{url}/{created['id']}"), 404)


async def test_subscription_ids_are_not_reused(api: httpx.AsyncClient, url: str) -> None:
    """A subscription made after another was removed gets a new id."""
    first = data_of(await api.post(url, json=subscription()), 201)
    await api.delete(f"{url}/{first['id']}")
    second = data_of(await api.post(url, json=subscription()), 201)
    assert second["id"] != first["id"]


async def test_a_member_may_subscribe_and_unsubscribe_themselves(
    member_api: httpx.AsyncClient, url: str
) -> None:
    """A workspace guest may manage their own subscription."""
    created = data_of(await member_api.post(url, json=subscription()), 201)
    assert (await member_api.delete(f"{url}/{created['id']}")).status_code == 204


async def test_a_member_may_not_remove_anothers_subscription(
    api: httpx.AsyncClient, member_api: httpx.AsyncClient, url: str
) -> None:
    """Removing someone else's subscription needs ``workspaces.flow.edit`` (403)."""
    created = data_of(await api.post(url, json=subscription()), 201)
    error_of(await member_api.delete(f"{url}/{created['id']}"), 403)
    assert len(data_of(await api.get(url))) == 1


async def test_an_editor_may_remove_anothers_subscription(
    member_api: httpx.AsyncClient, guest_api: httpx.AsyncClient, url: str
) -> None:
    """An integrator of the workspace (the seeded guest) may remove any subscription."""
    created = data_of(await member_api.post(url, json=subscription()), 201)
    assert (await guest_api.delete(f"{url}/{created['id']}")).status_code == 204


async def test_subscriptions_of_a_foreign_flow_are_403(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A flow of a workspace the caller is not in is 403 for every route."""
    private = emulator.platform.flows.where(
        lambda f: f.workspace_id == emulator.seed.private_workspace_id
    )[0]
    url = f"/v2/flows/{private.id}/subscriptions"
    error_of(await guest_api.get(url), 403)
    error_of(await guest_api.post(url, json=subscription()), 403)


async def test_subscriptions_of_an_unknown_flow_are_404(api: httpx.AsyncClient) -> None:
    """An unknown flow is 404."""
    error_of(await api.get(f"/v2/flows/{'0' * 24}/subscriptions"), 404)
