"""Listing flows: paging, filters, search and sort."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.emulator_http import data_of, error_of


async def flows(
    api: httpx.AsyncClient, emulator: Emulator, **params: Any
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    query = {"workspace_id": emulator.seed.workspace_id, "page[size]": 500, **params}
    response = await api.get("/v2/flows", params=query)
    return data_of(response), response.json()["meta"]


async def test_list_needs_workspace_id(api: httpx.AsyncClient) -> None:
    """``workspace_id`` is required."""
    error = error_of(await api.get("/v2/flows"), 400)
    assert error["source"] == {"parameter": "workspace_id"}


async def test_default_page_is_50_with_meta(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Without paging parameters: page 1 of 50, ``meta`` counting all 200 flows."""
    response = await api.get("/v2/flows", params={"workspace_id": emulator.seed.workspace_id})
    assert len(data_of(response)) == 50
    assert response.json()["meta"] == {"page": 1, "per_page": 50, "total": 200, "total_pages": 4}
    assert response.json()["links"] == {"self": "/v2/flows"}


async def test_pages_cover_the_list_once(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Walking the pages yields every flow exactly once."""
    seen: list[str] = []
    for number in (1, 2, 3):
        page, meta = await flows(api, emulator, **{"page[size]": 70, "page[number]": number})
        seen += [f["id"] for f in page]
        assert meta["total_pages"] == 3
    assert len(seen) == len(set(seen)) == 200


async def test_page_after_the_last_is_empty(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A page number past the end gives no data and the same totals."""
    page, meta = await flows(api, emulator, **{"page[size]": 50, "page[number]": 9})
    assert page == []
    assert meta == {"page": 9, "per_page": 50, "total": 200, "total_pages": 4}


async def test_default_order_is_by_id(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Without ``sort`` flows come in id order."""
    page, _ = await flows(api, emulator)
    ids = [f["id"] for f in page]
    assert ids == sorted(ids)


async def test_workspaces_hold_their_own_flows(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The private workspace lists its 100 flows, none of the shared one's."""
    _, meta = await flows(api, emulator, workspace_id=emulator.seed.private_workspace_id)
    assert meta["total"] == 100


@pytest.mark.parametrize(
    ("name", "value", "attribute"),
    [
        ("filter[status]", "active", "status"),
        ("filter[status]", "inactive", "status"),
        ("filter[type]", "long_running", "type"),
        ("filter[type]", "ordinary", "type"),
    ],
)
async def test_attribute_filters(
    api: httpx.AsyncClient, emulator: Emulator, name: str, value: str, attribute: str
) -> None:
    """Status and type filters keep only matching flows (and some match)."""
    page, meta = await flows(api, emulator, **{name: value})
    assert page
    assert meta["total"] == len(page) < 200
    assert {f["attributes"][attribute] for f in page} == {value}


async def test_status_filters_partition_the_list(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Active plus inactive flows are all flows."""
    _, active = await flows(api, emulator, **{"filter[status]": "active"})
    _, inactive = await flows(api, emulator, **{"filter[status]": "inactive"})
    assert active["total"] + inactive["total"] == 200


async def test_user_filter(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``filter[user]`` keeps the flows that user created."""
    guest = emulator.seed.guest.id
    page, _ = await flows(api, emulator, **{"filter[user]": guest})
    assert page
    assert {f["relationships"]["user"]["data"]["id"] for f in page} == {guest}


async def test_has_draft_filter(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``filter[has_draft]`` keeps flows with (true) or without (false) a draft."""
    with_draft, _ = await flows(api, emulator, **{"filter[has_draft]": "true"})
    without, _ = await flows(api, emulator, **{"filter[has_draft]": "false"})
    assert with_draft
    assert all("draft" in f["relationships"] for f in with_draft)
    assert all("draft" not in f["relationships"] for f in without)
    assert len(with_draft) + len(without) == 200


@pytest.mark.parametrize(
    ("name", "value"),
    [("filter[status]", "running"), ("filter[type]", "fast"), ("filter[has_draft]", "yes")],
)
async def test_invalid_filter_values_are_400(
    api: httpx.AsyncClient, emulator: Emulator, name: str, value: str
) -> None:
    """A filter value outside the documented set is 400 naming the parameter."""
    query = {"workspace_id": emulator.seed.workspace_id, name: value}
    assert error_of(await api.get("/v2/flows", params=query), 400)["source"] == {"parameter": name}


async def test_search_matches_name_case_insensitively(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """``search`` finds a phrase in names regardless of case; spaces around are trimmed."""
    page, _ = await flows(api, emulator, search="  SLACK ticket  ")
    assert page
    assert all("slack ticket" in f["attributes"]["name"].lower() for f in page)


async def test_search_matches_description(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``search`` also looks in descriptions."""
    page, _ = await flows(api, emulator, search="webhook-driven")
    assert page
    assert all("Webhook-driven" in f["attributes"]["description"] for f in page)


async def test_search_without_match_is_empty(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A phrase no flow contains gives an empty list with total 0."""
    page, meta = await flows(api, emulator, search="no flow says this")
    assert page == []
    assert meta["total"] == 0
    assert meta["total_pages"] == 0


@pytest.mark.parametrize("field", ["name", "created_at", "updated_at"])
async def test_sort_ascending(api: httpx.AsyncClient, emulator: Emulator, field: str) -> None:
    """``sort=<field>`` orders ascending by that field."""
    page, _ = await flows(api, emulator, sort=field)
    values = [f["attributes"][field] for f in page]
    assert values == sorted(values)


@pytest.mark.parametrize("field", ["name", "created_at", "updated_at"])
async def test_sort_descending(api: httpx.AsyncClient, emulator: Emulator, field: str) -> None:
    """A leading ``-`` reverses the order."""
    page, _ = await flows(api, emulator, sort=f"-{field}")
    values = [f["attributes"][field] for f in page]
    assert values == sorted(values, reverse=True)


async def test_sort_orders_differ(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Sorting by update time is not the creation order (the seed makes sure)."""
    by_created, _ = await flows(api, emulator, sort="created_at")
    by_updated, _ = await flows(api, emulator, sort="updated_at")
    assert [f["id"] for f in by_created] != [f["id"] for f in by_updated]


async def test_unknown_sort_is_400(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Sorting by another field is 400."""
    query = {"workspace_id": emulator.seed.workspace_id, "sort": "status"}
    error_of(await api.get("/v2/flows", params=query), 400)


async def test_filters_combine_with_paging(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Paging applies after filtering: ``meta.total`` counts the filtered flows."""
    everything, _ = await flows(api, emulator, **{"filter[status]": "active"})
    query = {
        "workspace_id": emulator.seed.workspace_id,
        "filter[status]": "active",
        "page[size]": 10,
        "page[number]": 2,
    }
    response = await api.get("/v2/flows", params=query)
    assert [f["id"] for f in data_of(response)] == [f["id"] for f in everything[10:20]]
    assert response.json()["meta"]["total"] == len(everything)


async def test_foreign_workspace_is_403(guest_api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Listing flows of a workspace the caller is not in is 403."""
    query = {"workspace_id": emulator.seed.private_workspace_id}
    error_of(await guest_api.get("/v2/flows", params=query), 403)


async def test_unknown_workspace_is_404(api: httpx.AsyncClient) -> None:
    """Listing flows of an unknown workspace is 404."""
    error_of(await api.get("/v2/flows", params={"workspace_id": "0" * 24}), 404)


async def test_component_filter(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``filter[component_id]`` keeps the flows with a step using that component."""
    component_id = emulator.seed.component_ids["email"]
    page, meta = await flows(api, emulator, **{"filter[component_id]": component_id})
    assert 0 < meta["total"] < 200
    assert all(
        any(node["component_id"] == component_id for node in f["attributes"]["graph"]["nodes"])
        for f in page
    )


async def test_the_list_follows_creates_deletes_and_restores(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A deleted flow leaves the list, a new one joins at the end, a restored one returns
    to its place by id."""
    before = [f["id"] for f in (await flows(api, emulator))[0]]
    gone = before[3]
    await api.delete(f"/v2/flows/{gone}")
    created = emulator.platform.add_flow(
        workspace_id=emulator.seed.workspace_id, user_id=emulator.seed.owner.id, name="New"
    ).id
    listed, meta = await flows(api, emulator)
    assert [f["id"] for f in listed] == [*before[:3], *before[4:], created]
    assert meta["total"] == len(before)
    data_of(await api.post(f"/v2/flows/{gone}/restore"))
    newest_first = [f["id"] for f in (await flows(api, emulator, sort="-id"))[0]]
    assert newest_first == [created, *reversed(before)]
