"""Query values out of range: a 400 JSON:API error naming the parameter, never a crash."""

from __future__ import annotations

import httpx
import pytest

from elasticio._catalog import Paged
from elasticio.testing import Emulator
from tests._support.emulator_http import data_of, error_of

BAD_PAGE_VALUES = [
    "0",
    "-1",
    "99999999999999999999",
    str(2**31),
    str(2**63),
    "ten",
    "1.5",
    "+1",
    "1_0",
    "\uff11",  # a full-width digit one
    "",
]


def _paged_paths(emulator: Emulator) -> dict[str, tuple[str, dict[str, str]]]:
    """A path and its required query for every paged route."""
    seed = emulator.seed
    known = {
        "users.list": ("/v2/users", {}),
        "contracts.list": ("/v2/contracts", {}),
        "workspaces.list": ("/v2/workspaces", {}),
        "flows.list": ("/v2/flows", {"workspace_id": seed.workspace_id}),
        "flows.versions": (f"/v2/flows/{seed.flow_id}/versions", {}),
        "flows.list_deleted": ("/v2/flows/deleted", {"workspace_id": seed.workspace_id}),
        "recipes.list": ("/v2/recipes", {"workspace_id": seed.workspace_id}),
    }
    paged = {r.entry.name for r in emulator.router.routes if isinstance(r.entry.returns, Paged)}
    assert paged == set(known), "a paged route has no URL here"
    return known


PAGED = [
    "users.list",
    "contracts.list",
    "workspaces.list",
    "flows.list",
    "flows.versions",
    "flows.list_deleted",
    "recipes.list",
]


@pytest.mark.parametrize("entry", PAGED)
@pytest.mark.parametrize("name", ["page[size]", "page[number]"])
@pytest.mark.parametrize("value", BAD_PAGE_VALUES)
async def test_page_value_out_of_range_is_400(
    api: httpx.AsyncClient, emulator: Emulator, entry: str, name: str, value: str
) -> None:
    """Zero, negative, huge, non-numeric or empty page values are a 400 naming the
    parameter, on every paged route."""
    path, params = _paged_paths(emulator)[entry]
    response = await api.get(path, params={**params, name: value})
    assert error_of(response, 400)["source"] == {"parameter": name}


async def test_largest_page_values_are_served(api: httpx.AsyncClient) -> None:
    """The limits themselves are fine: an empty page far past the end."""
    limit = str(2**31 - 1)
    response = await api.get("/v2/users", params={"page[size]": limit, "page[number]": limit})
    assert data_of(response) == []
    assert response.json()["meta"]["per_page"] == 2**31 - 1


@pytest.mark.parametrize("name", ["page[size]", "page[number]", "workspace_id", "sort"])
async def test_repeated_query_parameter_is_400(
    api: httpx.AsyncClient, emulator: Emulator, name: str
) -> None:
    """A query parameter given twice is a 400 naming it, not a silent choice of one."""
    workspace_id = emulator.seed.workspace_id
    params = [("workspace_id", workspace_id), (name, "1" if "page" in name else workspace_id)]
    params.append((name, "2" if "page" in name else "name"))
    if name == "workspace_id":
        params = params[1:]
    response = await api.get("/v2/flows", params=params)
    assert error_of(response, 400)["source"] == {"parameter": name}
