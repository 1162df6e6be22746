"""A flow's answer is kept on the flow and drawn again whenever what it shows changes."""

from __future__ import annotations

import httpx

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.emulator_http import data_of


async def _attributes(api: httpx.AsyncClient, flow_id: str) -> dict[str, object]:
    attributes: dict[str, object] = data_of(await api.get(f"/v2/flows/{flow_id}"))["attributes"]
    return attributes


async def test_a_change_made_on_the_record_shows(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A field changed on the record itself, with no new ``updated_at``, is in the next answer."""
    flow_id = emulator.seed.flow_id
    await _attributes(api, flow_id)
    emulator.platform.flows[flow_id].name = "Renamed behind the API's back"
    assert (await _attributes(api, flow_id))["name"] == "Renamed behind the API's back"


async def test_a_new_graph_changed_in_place_shows(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A graph replaced by an equal one and then changed in place shows as it is."""
    flow = emulator.platform.flows[emulator.seed.flow_id]
    await _attributes(api, flow.id)
    flow.graph = dict(flow.graph)
    flow.graph["nodes"] = []
    assert (await _attributes(api, flow.id))["graph"]["nodes"] == []  # type: ignore[index]


async def test_the_running_state_follows_the_clock(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """``current_status`` is drawn anew once the start has settled."""
    emulator.settings.transition_delay = 5.0
    flow_id = emulator.seed.flow_id
    data_of(await api.post(f"/v2/flows/{flow_id}/start"), 202)
    assert (await _attributes(api, flow_id))["current_status"] == "inactive"
    fake_clock.advance(5.0)
    assert (await _attributes(api, flow_id))["current_status"] == "active"


async def _page(api: httpx.AsyncClient, workspace_id: str) -> list[dict[str, object]]:
    page: list[dict[str, object]] = data_of(
        await api.get("/v2/flows", params={"workspace_id": workspace_id})
    )
    return page


async def test_a_page_is_the_flows_answers_joined(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Each flow on a list page is the flow's own answer, as ``GET /v2/flows/{id}`` gives it."""
    page = await _page(api, emulator.seed.workspace_id)
    for shown in page[:3]:
        assert shown == data_of(await api.get(f"/v2/flows/{shown['id']}"))


async def test_an_unchanged_flow_is_written_once(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Two pages of unchanged flows reuse each flow's JSON text; a renamed flow's is new."""
    flow = emulator.platform.flows[emulator.seed.flow_id]
    await _page(api, flow.workspace_id)
    written = flow.rendered
    await _page(api, flow.workspace_id)
    assert flow.rendered is written
    flow.name = "Renamed on a page"
    names = {shown["id"]: shown["attributes"] for shown in await _page(api, flow.workspace_id)}
    assert flow.rendered is not written
    assert names[flow.id]["name"] == "Renamed on a page"  # type: ignore[index]


async def test_a_graph_assigned_anew_shows_on_a_page(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A graph given to the record after a page was sent shows on the next page."""
    flow = emulator.platform.flows[emulator.seed.flow_id]
    await _page(api, flow.workspace_id)
    flow.graph = {"nodes": [], "edges": []}
    page = {shown["id"]: shown["attributes"] for shown in await _page(api, flow.workspace_id)}
    assert page[flow.id]["graph"] == {"nodes": [], "edges": []}  # type: ignore[index]


async def test_a_kept_page_follows_deletes_and_creates(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A flow deleted or created after a page was sent shows on the same request again."""
    workspace_id = emulator.seed.workspace_id
    query = {"workspace_id": workspace_id}
    before = (await api.get("/v2/flows", params=query)).json()
    gone = before["data"][0]["id"]
    assert (await api.delete(f"/v2/flows/{gone}")).status_code == 204
    after = (await api.get("/v2/flows", params=query)).json()
    assert gone not in {shown["id"] for shown in after["data"]}
    assert after["meta"]["total"] == before["meta"]["total"] - 1
    emulator.platform.flows.create(
        workspace_id=workspace_id, user_id=emulator.seed.owner.id, name="Added later"
    )
    again = (await api.get("/v2/flows", params=query)).json()
    assert again["meta"]["total"] == before["meta"]["total"]


async def test_a_kept_page_follows_the_clock(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """``current_status`` on a page sent while a start settled is drawn anew once it has."""
    emulator.settings.transition_delay = 5.0
    flow_id = emulator.seed.flow_id
    flow = emulator.platform.flows[flow_id]
    if flow.status == "active":
        data_of(await api.post(f"/v2/flows/{flow_id}/stop"), 202)
        fake_clock.advance(5.0)
    data_of(await api.post(f"/v2/flows/{flow_id}/start"), 202)

    async def current() -> object:
        page = await _page(api, flow.workspace_id)
        return {shown["id"]: shown["attributes"] for shown in page}[flow_id]["current_status"]  # type: ignore[index]

    assert await current() == "inactive"
    fake_clock.advance(4.0)
    assert await current() == "inactive"
    fake_clock.advance(1.0)
    assert await current() == "active"
