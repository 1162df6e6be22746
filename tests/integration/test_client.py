"""The SDK talking HTTP to an emulator on a loopback socket, as it would to the platform."""

from __future__ import annotations

import pytest

from elasticio import AsyncClient, AuthenticationError, RetryPolicy
from elasticio.jsonapi import Resource
from elasticio.testing import ServedEmulator


def sdk_client(served: ServedEmulator) -> AsyncClient:
    """An AsyncClient configured the way a user configures one: email, key, base URL."""
    email, api_key = served.credentials
    return AsyncClient(email, api_key, base_url=served.base_url)


async def test_components_latest_version_descriptor(served: ServedEmulator) -> None:
    """List components, follow the latest version to its descriptor, over the socket."""
    async with sdk_client(served) as client:
        found = {
            c.name: c
            async for c in client.components.list(contract_id=served.emulator.seed.contract_id)
        }
        latest = found["petstore"].latest_version
        assert latest is not None
        descriptor = await latest.descriptor()
    assert descriptor.title == "Petstore API"
    assert descriptor.is_latest is True


async def test_list_and_start_a_flow(served: ServedEmulator) -> None:
    """An inactive flow from the list starts, and with no lag its current status follows."""
    async with sdk_client(served) as client:
        listed = await client.request(
            "GET",
            "/v2/flows",
            params={
                "workspace_id": served.emulator.seed.workspace_id,
                "filter[status]": "inactive",
                "page[size]": 3,
            },
        )
        assert isinstance(listed.data, tuple)
        assert len(listed.data) == 3
        flow_id = listed.data[0].id
        started = await client.request("POST", f"/v2/flows/{flow_id}/start")
        assert isinstance(started.data, Resource)
        assert started.data.attributes["status"] == "active"
        shown = await client.request("GET", f"/v2/flows/{flow_id}")
    assert isinstance(shown.data, Resource)
    assert shown.data.attributes["current_status"] == "active"
    assert served.emulator.platform.flows[str(flow_id)].status == "active"


async def test_a_wrong_key_is_refused(served: ServedEmulator) -> None:
    """A wrong API key gets a 401 over the wire, raised as AuthenticationError."""
    email, _ = served.credentials
    async with AsyncClient(
        email, "not-the-key", base_url=served.base_url, retry=RetryPolicy.never()
    ) as client:
        with pytest.raises(AuthenticationError):
            await client.request("GET", "/v2/users/me")
