"""``client.request()``, the SDK's raw access to any path, against the emulator: the
JSON:API documents come back decoded, not as models."""

from __future__ import annotations

from elasticio import AsyncClient
from elasticio.jsonapi import Resource
from elasticio.testing import Emulator


async def test_list_and_start_a_flow(client: AsyncClient, emulator: Emulator) -> None:
    """An inactive flow from the list starts, and with no lag its current status follows."""
    listed = await client.request(
        "GET",
        "/v2/flows",
        params={
            "workspace_id": emulator.seed.workspace_id,
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
    assert emulator.platform.flows[str(flow_id)].status == "active"
