"""Workspace logs over plain httpx: generated lines of running flows, lines tests add,
every documented filter, bad values, permissions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest

from elasticio.testing import Emulator
from elasticio.testing._time import EPOCH
from tests._support.clock import FakeClock
from tests._support.docs import docs
from tests._support.emulator_http import error_of, http_client, json_of


def _running(emulator: Emulator, workspace_id: str) -> list[str]:
    now = emulator.platform.clock.now()
    return [
        f.id
        for f in emulator.platform.flows.values()
        if f.workspace_id == workspace_id and f.current_status(now) == "active"
    ]


async def _logs(api: httpx.AsyncClient, emulator: Emulator, *params: tuple[str, str]) -> Any:
    query = [("workspace_id", emulator.seed.workspace_id), *params]
    return json_of(await api.get("/v2/logs", params=query))


async def test_hits_have_the_docs_members(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Each hit has exactly the members of the docs' example, ``total`` counts them all
    and 100 come by default."""
    body = await _logs(api, emulator)
    example = docs("logs/list")
    assert sorted(body) == sorted(example)
    assert body["total"] > 100
    assert len(body["hits"]) == 100
    assert all(sorted(hit) == sorted(example["hits"][0]) for hit in body["hits"])


async def test_lines_come_from_the_workspaces_running_flows(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Every generated line names a running flow of the workspace, one of its steps, the
    step's component and the flow's task user; every running flow has lines."""
    body = await _logs(api, emulator, ("limit", "100000"))
    running = _running(emulator, emulator.seed.workspace_id)
    assert {hit["flow_id"] for hit in body["hits"]} == set(running)
    for hit in body["hits"][:20]:
        flow = emulator.platform.flows[hit["flow_id"]]
        node = next(n for n in flow.nodes if n["id"] == hit["step_id"])
        assert hit["component_id"] == node["component_id"]
        assert hit["component_name"] == emulator.platform.components[node["component_id"]].name
        assert hit["api_username"] == f"task-{flow.id}"
        assert hit["workspace_id"] == emulator.seed.workspace_id


async def test_hits_are_newest_first(api: httpx.AsyncClient, emulator: Emulator) -> None:
    stamps = [hit["timestamp"] for hit in (await _logs(api, emulator))["hits"]]
    assert stamps == sorted(stamps, reverse=True)


async def test_the_clock_brings_new_lines_and_the_last_hour_stays(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """A running step logs every five minutes; an hour of lines is kept: ten minutes
    later two lines a step are new and two are gone."""
    flow_id = _running(emulator, emulator.seed.workspace_id)[0]
    steps = len(emulator.platform.flows[flow_id].nodes)
    before = await _logs(api, emulator, ("flow_ids[]", flow_id))
    assert before["total"] == 13 * steps  # from 23:00 to 00:00 inclusive
    fake_clock.advance(600)
    after = await _logs(api, emulator, ("flow_ids[]", flow_id))
    assert after["total"] == before["total"]
    assert after["hits"][0]["timestamp"].startswith("2025-01-01T00:10:00")
    new_ids = {hit["id"] for hit in after["hits"]} - {hit["id"] for hit in before["hits"]}
    assert len(new_ids) == 2 * steps


async def test_a_started_flow_logs_and_a_stopped_one_does_not(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """Lines follow the flow's running state, from its start on."""
    seed = emulator.seed
    assert (await _logs(api, emulator, ("flow_ids[]", seed.flow_id)))["total"] == 0
    emulator.platform.flows.set_status(seed.flow_id, "active", delay=0)
    fake_clock.advance(300)
    started = await _logs(api, emulator, ("flow_ids[]", seed.flow_id))
    assert started["total"] == 2 * len(emulator.platform.flows[seed.flow_id].nodes)
    emulator.platform.flows.set_status(seed.flow_id, "inactive", delay=0)
    assert (await _logs(api, emulator, ("flow_ids[]", seed.flow_id)))["total"] == 0


async def test_a_line_a_test_adds_is_listed(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """``platform.logs.add`` puts a line in the workspace's logs, with its members."""
    seed = emulator.seed
    line = emulator.platform.logs.add(
        seed.workspace_id,
        "Order 42 failed",
        level=50,
        flow_id=seed.flow_id,
        step_id="step_2",
        timestamp=EPOCH + timedelta(minutes=1),
        exec_id="e1",
    )
    (hit,) = (await _logs(api, emulator, ("search", "order 42")))["hits"]
    assert hit["id"] == line.id
    assert (hit["flow_id"], hit["step_id"], hit["exec_id"], hit["level"]) == (
        seed.flow_id,
        "step_2",
        "e1",
        50,
    )
    assert hit["timestamp"] == "2025-01-01T00:01:00.000Z"
    assert hit["message"] == "<em>Order 42</em> failed"


def test_adding_checks_the_workspace_and_the_level(emulator: Emulator) -> None:
    with pytest.raises(KeyError):
        emulator.platform.logs.add("no-such-workspace", "x")
    with pytest.raises(ValueError, match="level"):
        emulator.platform.logs.add(emulator.seed.workspace_id, "x", level=35)


async def test_flow_ids_keep_those_flows(api: httpx.AsyncClient, emulator: Emulator) -> None:
    first, second = _running(emulator, emulator.seed.workspace_id)[:2]
    params = [("flow_ids[]", first), ("flow_ids[]", second), ("limit", "1000")]
    body = await _logs(api, emulator, *params)
    assert {hit["flow_id"] for hit in body["hits"]} == {first, second}


async def test_levels_keep_any_of_them(api: httpx.AsyncClient, emulator: Emulator) -> None:
    everything = await _logs(api, emulator, ("limit", "100000"))
    body = await _logs(api, emulator, ("levels[]", "40"), ("levels[]", "50"), ("limit", "100000"))
    assert {hit["level"] for hit in body["hits"]} == {40, 50}
    assert body["total"] == sum(hit["level"] in (40, 50) for hit in everything["hits"])


async def test_from_and_to_are_inclusive(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A period from one line's time to another's keeps both."""
    seed = emulator.seed
    for minute in (1, 2, 3):
        emulator.platform.logs.add(
            seed.workspace_id, f"tick {minute}", timestamp=EPOCH + timedelta(minutes=minute)
        )
    body = await _logs(
        api,
        emulator,
        ("from", "2025-01-01T00:01:00.000Z"),
        ("to", "2025-01-01T00:02:00Z"),
        ("search", "tick"),
    )
    assert [hit["message"] for hit in body["hits"]] == ["<em>tick</em> 2", "<em>tick</em> 1"]


async def test_search_ignores_case_and_marks_each_match(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    emulator.platform.logs.add(emulator.seed.workspace_id, "Retry, then RETRY again")
    (hit,) = (await _logs(api, emulator, ("search", "retry,")))["hits"]
    assert hit["message"] == "<em>Retry,</em> then RETRY again"
    body = await _logs(api, emulator, ("search", "retry"), ("limit", "100000"))
    assert all("<em>" in hit["message"] for hit in body["hits"])


async def test_offset_and_limit_page_through_the_same_total(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    everything = await _logs(api, emulator, ("limit", "30"))
    page = await _logs(api, emulator, ("offset", "10"), ("limit", "5"))
    assert page["total"] == everything["total"]
    assert page["hits"] == everything["hits"][10:15]
    beyond = await _logs(api, emulator, ("offset", str(everything["total"])))
    assert (beyond["total"], beyond["hits"]) == (everything["total"], [])


async def test_lines_of_other_workspaces_stay_out(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    emulator.platform.logs.add(emulator.seed.private_workspace_id, "private words")
    assert (await _logs(api, emulator, ("search", "private words")))["total"] == 0


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("from", "yesterday"),
        ("to", "2025-13-01"),
        ("offset", "-1"),
        ("limit", "ten"),
        ("limit", "1.5"),
        ("levels[]", "35"),
        ("levels[]", "info"),
    ],
)
async def test_a_bad_value_is_a_400_naming_it(
    api: httpx.AsyncClient, emulator: Emulator, name: str, value: str
) -> None:
    response = await api.get(
        "/v2/logs", params={"workspace_id": emulator.seed.workspace_id, name: value}
    )
    assert error_of(response, 400)["source"] == {"parameter": name}


async def test_workspace_id_is_required(api: httpx.AsyncClient) -> None:
    assert error_of(await api.get("/v2/logs"), 400)["source"] == {"parameter": "workspace_id"}


async def test_a_plain_parameter_given_twice_is_still_a_400(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    response = await api.get("/v2/logs", params=[("workspace_id", "a"), ("workspace_id", "b")])
    error_of(response, 400)


@pytest.mark.parametrize(
    ("who", "status"),
    [("owner", 200), ("guest", 200), ("contract_owner", 200), ("member", 403), ("outsider", 404)],
)
async def test_reading_takes_the_logs_permission(emulator: Emulator, who: str, status: int) -> None:
    """Workspace owners and integrators and the contract's owner read the logs; a guest
    of the workspace gets 403; a caller outside the contract 404."""
    user = getattr(emulator.seed, who)
    async with http_client(emulator, (user.email, user.api_key)) as client:
        response = await client.get("/v2/logs", params={"workspace_id": emulator.seed.workspace_id})
    if status == 200:
        assert "hits" in json_of(response)
    else:
        error_of(response, status)
