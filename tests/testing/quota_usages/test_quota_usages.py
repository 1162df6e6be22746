"""Quota usages over plain httpx: figures derived from the flows' running time, the
docs' shapes, periods and grouping, bad values, permissions."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.docs import docs
from tests._support.emulator_http import error_of, http_client, json_of

DECEMBER = {"from": "2024-12-01", "to": "2024-12-31"}


def _paths(emulator: Emulator) -> dict[str, str]:
    seed = emulator.seed
    return {
        "contract": f"/v2/quota-usages/contracts/{seed.contract_id}",
        "contract_history": f"/v2/quota-usages/contracts/{seed.contract_id}/history",
        "workspace": f"/v2/quota-usages/workspaces/{seed.workspace_id}",
        "workspace_history": f"/v2/quota-usages/workspaces/{seed.workspace_id}/history",
        "workspace_flows": f"/v2/quota-usages/workspaces/{seed.workspace_id}/flows",
        "flow_history": f"/v2/quota-usages/flows/{_active_flow(emulator)}/history",
    }


def _active_flow(emulator: Emulator) -> str:
    now = emulator.platform.clock.now()
    return next(
        f.id
        for f in emulator.platform.flows.values()
        if f.workspace_id == emulator.seed.workspace_id and f.current_status(now) == "active"
    )


def _shape(value: Any) -> Any:
    """The JSON's structure: member names and value types, the first item of arrays."""
    if isinstance(value, dict):
        return {key: _shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_shape(value[0])] if value else []
    return type(value).__name__


@pytest.mark.parametrize(
    "name",
    [
        "contract",
        "contract_history",
        "workspace",
        "workspace_history",
        "workspace_flows",
        "flow_history",
    ],
)
async def test_answers_have_the_docs_shape(
    api: httpx.AsyncClient, emulator: Emulator, name: str
) -> None:
    body = json_of(await api.get(_paths(emulator)[name], params=DECEMBER))
    assert _shape(body) == _shape(docs(f"quota_usages/{name}"))


async def test_the_contract_is_the_sum_of_its_workspaces(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    seed = emulator.seed
    contract = json_of(await api.get(_paths(emulator)["contract"], params=DECEMBER))["data"]
    parts = [
        json_of(await api.get(f"/v2/quota-usages/workspaces/{w}", params=DECEMBER))["data"]
        for w in (seed.workspace_id, seed.private_workspace_id)
    ]
    assert contract["memory"] == sum(p["memory"] for p in parts) > 0
    assert contract["cpu"] == sum(p["cpu"] for p in parts) > 0


async def test_a_workspace_counts_the_flows_that_ran(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """``flows`` is the number of flows the per-flow list shows, whose sums are the
    workspace's; the largest memory comes first."""
    paths = _paths(emulator)
    total = json_of(await api.get(paths["workspace"], params=DECEMBER))["data"]
    flows = json_of(await api.get(paths["workspace_flows"], params=DECEMBER))["data"]
    assert total["flows"] == len(flows) > 0
    assert total["memory"] == sum(f["memory"] for f in flows)
    assert [f["memory"] for f in flows] == sorted((f["memory"] for f in flows), reverse=True)
    now = emulator.platform.clock.now()
    assert all(emulator.platform.flows[f["id"]].current_status(now) == "active" for f in flows)


async def test_history_lists_every_day_and_sums_to_the_total(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    paths = _paths(emulator)
    days = json_of(await api.get(paths["contract_history"], params=DECEMBER))["data"]
    assert [d["id"] for d in days] == [f"2024-12-{n:02d}" for n in range(1, 32)]
    total = json_of(await api.get(paths["contract"], params=DECEMBER))["data"]
    assert sum(d["memory"] for d in days) == total["memory"]


async def test_history_by_month(api: httpx.AsyncClient, emulator: Emulator) -> None:
    params = {"from": "2024-10-15", "to": "2024-12-31", "group_by": "month"}
    months = json_of(await api.get(_paths(emulator)["workspace_history"], params=params))["data"]
    assert [m["id"] for m in months] == ["2024-10", "2024-11", "2024-12"]
    assert months[0]["memory"] < months[1]["memory"]  # half a month against a whole one


async def test_history_stops_today_and_starts_at_the_first_record(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    params = {"from": "1999-01-01", "to": "2099-12-31", "group_by": "month"}
    months = json_of(await api.get(_paths(emulator)["contract_history"], params=params))["data"]
    assert (months[0]["id"], months[-1]["id"]) == ("2024-01", "2025-01")


async def test_a_running_flow_uses_more_as_the_clock_moves(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """Today's figure grows with the emulator's clock; a stopped flow used nothing."""
    path = _paths(emulator)["flow_history"]
    today = {"from": "2025-01-01", "to": "2025-01-01"}
    assert json_of(await api.get(path, params=today))["data"][0]["memory"] == 0
    fake_clock.advance(60)
    used = json_of(await api.get(path, params=today))["data"][0]
    assert used["memory"] > 0
    fake_clock.advance(60)
    assert json_of(await api.get(path, params=today))["data"][0]["memory"] == 2 * used["memory"]
    stopped = f"/v2/quota-usages/flows/{emulator.seed.flow_id}/history"
    assert all(d["memory"] == 0 for d in json_of(await api.get(stopped, params=DECEMBER))["data"])


async def test_a_period_given_as_times_counts_by_their_dates(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    path = _paths(emulator)["contract"]
    by_date = json_of(await api.get(path, params=DECEMBER))
    by_time = json_of(
        await api.get(path, params={"from": "2024-12-01T10:00:00Z", "to": "2024-12-31T00:00:00Z"})
    )
    assert by_date == by_time


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"to": "2024-12-31"}, "from"),
        ({"from": "2024-12-01"}, "to"),
        ({"from": "December", "to": "2024-12-31"}, "from"),
        ({"from": "2024-12-01", "to": "2024-02-30"}, "to"),
        ({**DECEMBER, "group_by": "week"}, "group_by"),
    ],
)
async def test_a_bad_period_is_a_400_naming_it(
    api: httpx.AsyncClient, emulator: Emulator, params: dict[str, str], parameter: str
) -> None:
    response = await api.get(_paths(emulator)["contract_history"], params=params)
    assert error_of(response, 400)["source"] == {"parameter": parameter}


CALLERS = {
    "contract": [("member", 200), ("outsider", 403)],
    "contract_history": [("contract_owner", 200), ("outsider", 403)],
    "workspace": [("contract_owner", 200), ("outsider", 404)],
    "workspace_history": [("contract_owner", 200), ("member", 200), ("outsider", 404)],
    "workspace_flows": [("member", 200), ("contract_owner", 403)],
    "flow_history": [("guest", 200), ("contract_owner", 403), ("outsider", 404)],
}


@pytest.mark.parametrize(
    ("name", "who", "status"),
    [(name, who, status) for name, cases in CALLERS.items() for who, status in cases],
)
async def test_who_may_read(emulator: Emulator, name: str, who: str, status: int) -> None:
    """Contract figures for contract members; workspace totals for the contract's
    members; its history for its members and contract owners and admins; its flows and a
    flow's history for its members only; a workspace outside the contracts is a 404."""
    user = getattr(emulator.seed, who)
    async with http_client(emulator, (user.email, user.api_key)) as client:
        response = await client.get(_paths(emulator)[name], params=DECEMBER)
    if status == 200:
        assert "data" in json_of(response)
    else:
        error_of(response, status)


async def test_history_of_a_workspace_needs_membership_or_list_all(emulator: Emulator) -> None:
    """The member (no contract role) is no member of the private workspace: 403."""
    member = emulator.seed.member
    path = f"/v2/quota-usages/workspaces/{emulator.seed.private_workspace_id}/history"
    async with http_client(emulator, (member.email, member.api_key)) as client:
        error_of(await client.get(path, params=DECEMBER), 403)
