"""The quota endpoints known from the release notes, over plain httpx: a contract's
limits (defaults or set), its usage this month, its messages by day or month, bad
queries, permissions."""

from __future__ import annotations

import httpx
import pytest

from elasticio.testing import Emulator
from elasticio.testing._areas.quota_usages.limits import DEFAULT
from tests._support.clock import FakeClock
from tests._support.emulator_http import error_of, http_client, json_of

TODAY = {"from": "2025-01-01", "to": "2025-01-01"}


def _history(emulator: Emulator) -> str:
    contract_id = emulator.seed.contract_id
    return f"/v2/runtime-quota-usages/contracts/{contract_id}/messages-usage/history"


def _contract(emulator: Emulator) -> dict[str, str]:
    return {"contract_id": emulator.seed.contract_id}


async def test_limits_are_the_defaults_until_set(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    body = json_of(await api.get("/v2/quotas/limits", params=_contract(emulator)))
    assert body == {
        "data": {"memory": DEFAULT.memory, "cpu": DEFAULT.cpu, "messages": DEFAULT.messages}
    }
    emulator.platform.quota_limits.set(emulator.seed.contract_id, messages=10)
    limits = json_of(await api.get("/v2/quotas/limits", params=_contract(emulator)))["data"]
    assert (limits["messages"], limits["memory"]) == (10, DEFAULT.memory)


def test_limits_are_set_for_a_known_contract_only(emulator: Emulator) -> None:
    with pytest.raises(KeyError):
        emulator.platform.quota_limits.set("no-such-contract", messages=1)
    with pytest.raises(ValueError, match="negative"):
        emulator.platform.quota_limits.set(emulator.seed.contract_id, cpu=-1)


async def test_usages_count_this_month_up_to_now(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """At the month's first midnight nothing is used; an hour later the memory is the
    contract's usage of today and the messages those of today's history."""
    params = _contract(emulator)
    assert json_of(await api.get("/v2/quotas/usages", params=params)) == {
        "data": {"memory": 0, "cpu": 0, "messages": 0}
    }
    fake_clock.advance(3600)
    used = json_of(await api.get("/v2/quotas/usages", params=params))["data"]
    path = f"/v2/quota-usages/contracts/{emulator.seed.contract_id}"
    today = json_of(await api.get(path, params=TODAY))["data"]
    assert (used["memory"], used["cpu"]) == (today["memory"], today["cpu"])
    [day] = json_of(await api.get(_history(emulator), params=TODAY))["data"]
    assert used["messages"] == day["messages"] > 0


async def test_messages_are_one_a_minute_for_each_active_flow(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    now = emulator.platform.clock.now()
    contract = emulator.platform.contracts[emulator.seed.contract_id]
    active = [
        flow
        for flow in emulator.platform.flows.values()
        if emulator.platform.workspaces[flow.workspace_id].contract_id == contract.id
        and flow.current_status(now) == "active"
        and not flow.runs
    ]
    fake_clock.advance(600)
    [day] = json_of(await api.get(_history(emulator), params=TODAY))["data"]
    assert day == {"id": "2025-01-01", "messages": 10 * len(active)}
    assert active


async def test_messages_history_lists_days_or_months(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Every day of the period from the first record up to today, zeros included."""
    days = json_of(
        await api.get(_history(emulator), params={"from": "2024-12-30", "to": "2025-01-05"})
    )["data"]
    assert [d["id"] for d in days] == ["2024-12-30", "2024-12-31", "2025-01-01"]
    assert days[0]["messages"] > 0
    params = {"from": "1999-01-01", "to": "2099-12-31", "group_by": "month"}
    months = json_of(await api.get(_history(emulator), params=params))["data"]
    assert (months[0]["id"], months[-1]["id"]) == ("2024-01", "2025-01")
    december = {"from": "2024-12-01", "to": "2024-12-31"}
    by_day = json_of(await api.get(_history(emulator), params=december))["data"]
    by_month = json_of(await api.get(_history(emulator), params={**december, "group_by": "month"}))
    assert by_month["data"] == [{"id": "2024-12", "messages": sum(d["messages"] for d in by_day)}]


@pytest.mark.parametrize(
    ("path", "params", "parameter"),
    [
        ("/v2/quotas/limits", {}, "contract_id"),
        ("/v2/quotas/usages", {}, "contract_id"),
        ("history", {"to": "2025-01-01"}, "from"),
        ("history", {**TODAY, "group_by": "week"}, "group_by"),
    ],
)
async def test_a_bad_query_is_a_400_naming_it(
    api: httpx.AsyncClient,
    emulator: Emulator,
    path: str,
    params: dict[str, str],
    parameter: str,
) -> None:
    path = _history(emulator) if path == "history" else path
    response = await api.get(path, params=params)
    assert error_of(response, 400)["source"] == {"parameter": parameter}


async def test_an_unknown_contract_is_a_404(api: httpx.AsyncClient) -> None:
    error_of(await api.get("/v2/quotas/limits", params={"contract_id": "nope"}), 404)


@pytest.mark.parametrize("name", ["limits", "usages", "history"])
@pytest.mark.parametrize(("who", "status"), [("member", 200), ("outsider", 403)])
async def test_contract_members_may_read(
    emulator: Emulator, name: str, who: str, status: int
) -> None:
    """Any member of the contract, whatever their role; others are refused."""
    user = getattr(emulator.seed, who)
    path = _history(emulator) if name == "history" else f"/v2/quotas/{name}"
    params = TODAY if name == "history" else _contract(emulator)
    async with http_client(emulator, (user.email, user.api_key)) as client:
        response = await client.get(path, params=params)
    if status == 200:
        assert "data" in json_of(response)
    else:
        error_of(response, status)
