"""Tasks in API v1: a task is a v2 flow (its nodes the graph, linked in order), started,
stopped, suspended and deleted as v2 does it, and a step's config as the runtime reads
it."""

from __future__ import annotations

from typing import Any

import attrs
import httpx

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.docs import docs
from tests._support.emulator_http import data_of, http_client, json_of, v1_error_of

TIMER = {"function": "elasticio/timer:timer", "config": {"interval": "minute"}}


def petstore_node(emulator: Emulator, **extra: Any) -> dict[str, Any]:
    return {
        "function": "acme-dev/petstore:createPetWithPromise",
        "account": emulator.seed.credential_ids["petstore"],
        "config": {"status": "sold"},
        **extra,
    }


async def create(api: httpx.AsyncClient, body: dict[str, Any]) -> str:
    return str(json_of(await api.post("/v1/tasks/", json=body))["id"])


def private_flow_id(emulator: Emulator) -> str:
    """A seeded flow in the owner's private workspace, where the guest is no member."""
    private = emulator.seed.private_workspace_id
    return next(f.id for f in emulator.platform.flows.values() if f.workspace_id == private)


async def test_create_makes_a_v2_flow_of_the_nodes(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """200 {id}; v2 shows steps step_1, step_2 linked in order, the account as the
    step's credential, the cron, inactive, in the caller's first workspace."""
    body = {"name": "v1 task", "cron": "*/5 * * * *", "nodes": [TIMER, petstore_node(emulator)]}
    answer = json_of(await api.post("/v1/tasks/", json=body))
    assert list(answer) == ["id"]
    flow = data_of(await api.get(f"/v2/flows/{answer['id']}"))
    attributes = flow["attributes"]
    assert (attributes["name"], attributes["cron"], attributes["status"]) == (
        "v1 task",
        "*/5 * * * *",
        "inactive",
    )
    assert flow["relationships"]["workspace"]["data"]["id"] == emulator.seed.workspace_id
    nodes = attributes["graph"]["nodes"]
    assert [(n["id"], n["command"], n["fields"]) for n in nodes] == [
        ("step_1", "elasticio/timer:timer", {"interval": "minute"}),
        ("step_2", "acme-dev/petstore:createPetWithPromise", {"status": "sold"}),
    ]
    assert nodes[0]["component_id"] == emulator.seed.component_ids["timer"]
    assert "credentials_id" not in nodes[0]
    assert nodes[1]["credentials_id"] == emulator.seed.credential_ids["petstore"]
    assert [(e["source"], e["target"]) for e in attributes["graph"]["edges"]] == [
        ("step_1", "step_2")
    ]


async def test_a_pinned_revision_must_be_a_build(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """``@revision`` names a build of the component: an existing one is kept in the
    command, an unknown one is a 400 naming the node."""
    revision = emulator.platform.components[emulator.seed.component_ids["timer"]].versions[0]
    pinned = {"function": f"elasticio/timer:timer@{revision.revision}"}
    task_id = await create(api, {"name": "pinned", "nodes": [pinned]})
    command = emulator.platform.flows[task_id].nodes[0]["command"]
    assert command == pinned["function"]
    unknown = {"name": "x", "nodes": [{"function": "elasticio/timer:timer@0000000"}]}
    assert "nodes.0.function" in v1_error_of(await api.post("/v1/tasks/", json=unknown), 400)


async def test_the_docs_example_names_components_the_platform_lacks(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The docs' request pins a webhook build and uses a mapper component neither of
    which the seed has: a 400 naming the first node, and no flow is made."""
    before = len(emulator.platform.flows)
    message = v1_error_of(await api.post("/v1/tasks/", json=docs("v1/tasks/create-request")), 400)
    assert "nodes.0.function" in message
    assert len(emulator.platform.flows) == before


async def test_create_checks_the_body(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Name and nodes are required; a node needs a function; an unknown component, an
    unknown account or another component's account is refused."""
    cases = [
        ({"nodes": [TIMER]}, 400, "name"),
        ({"name": "x", "nodes": []}, 400, "nodes"),
        ({"name": "x", "nodes": ["timer"]}, 400, "nodes"),
        ({"name": "x", "nodes": [{"config": {}}]}, 400, "nodes.0.function is required"),
        ({"name": "x", "nodes": [{"function": "nobody/none:x"}]}, 400, "nodes.0.function"),
        ({"name": "x", "nodes": [{"function": "no-colon"}]}, 400, "nodes.0.function"),
        ({"name": "x", "nodes": [{**TIMER, "account": "nope"}]}, 404, "nope"),
        (
            {
                "name": "x",
                "nodes": [{**TIMER, "account": emulator.seed.credential_ids["petstore"]}],
            },
            400,
            "nodes.0.account",
        ),
    ]
    for body, status, needle in cases:
        assert needle in v1_error_of(await api.post("/v1/tasks/", json=body), status), body


async def test_create_needs_a_workspace(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A caller in no workspace gets 403."""
    loner = emulator.platform.users.create(email="loner@example.com")
    response = await api.post(
        "/v1/tasks/", json={"name": "x", "nodes": [TIMER]}, auth=(loner.email, loner.api_key)
    )
    v1_error_of(response, 403)


async def test_start_and_stop_move_the_v2_status(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """200 {id, status}; v2's status follows at once and current_status after the
    transition delay, as v2's own start and stop do."""
    emulator.settings.transition_delay = 2.0
    flow_id = emulator.seed.flow_id
    assert json_of(await api.post(f"/v1/tasks/start/{flow_id}")) == {
        "id": flow_id,
        "status": "active",
    }
    shown = data_of(await api.get(f"/v2/flows/{flow_id}"))["attributes"]
    assert (shown["status"], shown["current_status"]) == ("active", "inactive")
    fake_clock.advance(2.0)
    assert data_of(await api.get(f"/v2/flows/{flow_id}"))["attributes"]["current_status"] == (
        "active"
    )
    assert json_of(await api.post(f"/v1/tasks/stop/{flow_id}")) == {
        "id": flow_id,
        "status": "inactive",
    }
    assert data_of(await api.get(f"/v2/flows/{flow_id}"))["attributes"]["status"] == "inactive"


async def test_start_and_stop_answer_as_v2_does(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Starting a running task is a 409, as in v2; stopping a stopped one changes
    nothing, as in v2."""
    flow_id = emulator.seed.flow_id
    before = emulator.platform.flows[flow_id].updated_at
    assert json_of(await api.post(f"/v1/tasks/stop/{flow_id}"))["status"] == "inactive"
    assert emulator.platform.flows[flow_id].updated_at == before
    json_of(await api.post(f"/v1/tasks/start/{flow_id}"))
    assert "already active" in v1_error_of(await api.post(f"/v1/tasks/start/{flow_id}"), 409)
    # v2 agrees on the state v1 left.
    assert (await api.post(f"/v2/flows/{flow_id}/start")).status_code == 409


async def test_a_flow_started_through_v2_stops_through_v1(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    flow_id = emulator.seed.flow_id
    assert (await api.post(f"/v2/flows/{flow_id}/start")).status_code == 202
    assert json_of(await api.post(f"/v1/tasks/stop/{flow_id}"))["status"] == "inactive"
    assert emulator.platform.flows[flow_id].status == "inactive"


async def test_suspend_is_v2s_suspended_state(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """Suspending an active task answers "suspended" and v2 shows the flow suspended; a
    suspended task may be stopped, or started again; stopping an inactive one changes
    nothing."""
    flow_id = emulator.seed.flow_id
    assert "active" in v1_error_of(await api.post(f"/v1/tasks/suspend/{flow_id}"), 409)
    json_of(await api.post(f"/v1/tasks/start/{flow_id}"))
    assert json_of(await api.post(f"/v1/tasks/suspend/{flow_id}")) == {
        "id": flow_id,
        "status": "suspended",
    }
    assert data_of(await api.get(f"/v2/flows/{flow_id}"))["attributes"]["status"] == "suspended"
    assert json_of(await api.post(f"/v1/tasks/stop/{flow_id}"))["status"] == "inactive"
    assert json_of(await api.post(f"/v1/tasks/stop/{flow_id}"))["status"] == "inactive"
    json_of(await api.post(f"/v1/tasks/start/{flow_id}"))
    json_of(await api.post(f"/v1/tasks/suspend/{flow_id}"))
    assert json_of(await api.post(f"/v1/tasks/start/{flow_id}"))["status"] == "active"
    assert emulator.platform.flows[flow_id].status == "active"


async def test_stopping_an_inactive_task_can_be_strict(emulator: Emulator) -> None:
    """With ``stop_inactive_conflict`` a stop of an inactive task is a 409, as in v2."""
    emulator.settings = attrs.evolve(emulator.settings, stop_inactive_conflict=True)
    seed = emulator.seed
    async with http_client(emulator, (seed.owner.email, seed.owner.api_key)) as api:
        v1_error_of(await api.post(f"/v1/tasks/stop/{seed.flow_id}"), 409)


async def test_bodiless_form_posts_are_accepted(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """The Node client sends start with an empty form-encoded body."""
    response = await api.post(
        f"/v1/tasks/start/{emulator.seed.flow_id}",
        headers={"content-type": "application/x-www-form-urlencoded", "content-length": "0"},
    )
    assert json_of(response)["status"] == "active"


async def test_delete_answers_deleted_and_v2_forgets_the_flow(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    task_id = await create(api, {"name": "gone", "nodes": [TIMER]})
    assert json_of(await api.delete(f"/v1/tasks/{task_id}")) == {"id": task_id, "status": "deleted"}
    assert (await api.get(f"/v2/flows/{task_id}")).status_code == 404
    v1_error_of(await api.post(f"/v1/tasks/start/{task_id}"), 404)


async def test_a_v2_deleted_flow_is_gone_for_v1(api: httpx.AsyncClient, emulator: Emulator) -> None:
    flow_id = emulator.seed.flow_id
    assert (await api.delete(f"/v2/flows/{flow_id}")).status_code == 204
    v1_error_of(await api.delete(f"/v1/tasks/{flow_id}"), 404)
    v1_error_of(await api.get(f"/v1/tasks/{flow_id}/steps/step_1"), 404)


async def test_step_gives_what_the_runtime_reads(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The seed flow's step_1: its fields, its snapshot, passthrough on."""
    flow_id = emulator.seed.flow_id
    step = json_of(await api.get(f"/v1/tasks/{flow_id}/steps/step_1"))
    node = emulator.platform.flows[flow_id].nodes[0]
    assert step == {
        "id": "step_1",
        "comp_id": node["component_id"],
        "function": "receive",
        "config": {},
        "snapshot": {"lastPoll": "2024-01-01T18:00:00.000Z"},
        "variables": {},
        "is_passthrough": True,
    }


async def test_a_v1_steps_config_has_its_accounts_keys(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A step with an account: the account's keys, then the step's config over them;
    no snapshot yet is {}."""
    credential = emulator.platform.credentials[emulator.seed.credential_ids["petstore"]]
    node = petstore_node(emulator, config={"status": "sold", "apiKey": "from-config"})
    task_id = await create(api, {"name": "t", "nodes": [TIMER, node]})
    step = json_of(await api.get(f"/v1/tasks/{task_id}/steps/step_2"))
    assert step["config"] == {**credential.keys, "status": "sold", "apiKey": "from-config"}
    assert step["snapshot"] == {}
    assert step["function"] == "createPetWithPromise"


async def test_step_follows_v2_changes(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A snapshot put and a passthrough switched off through v2 show in v1's step."""
    task_id = await create(api, {"name": "t", "nodes": [TIMER]})
    emulator.platform.flows.set_snapshot(task_id, "step_1", {"cursor": 7})
    body = {
        "data": {
            "type": "flow",
            "id": task_id,
            "attributes": {"nodes_config": {"step_1": {"passthrough": {"disabled": True}}}},
        }
    }
    assert (await api.patch(f"/v2/flows/{task_id}", json=body)).status_code == 200
    step = json_of(await api.get(f"/v1/tasks/{task_id}/steps/step_1"))
    assert (step["snapshot"], step["is_passthrough"]) == ({"cursor": 7}, False)
    v1_error_of(await api.get(f"/v1/tasks/{task_id}/steps/step_9"), 404)


async def test_tasks_of_another_workspace_are_refused(
    guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """The guest is no member of the private workspace: 403 on its flows; the shared
    workspace's flow is allowed."""
    flow_id = private_flow_id(emulator)
    for response in (
        await guest_api.post(f"/v1/tasks/start/{flow_id}"),
        await guest_api.get(f"/v1/tasks/{flow_id}/steps/step_1"),
        await guest_api.delete(f"/v1/tasks/{flow_id}"),
    ):
        v1_error_of(response, 403)
    assert flow_id in emulator.platform.flows
    allowed = await guest_api.get(f"/v1/tasks/{emulator.seed.flow_id}/steps/step_1")
    assert json_of(allowed)["id"] == "step_1"


async def test_a_fault_rule_naming_a_task_entry_applies(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A fault rule for v1.tasks.start answers its status on that route only."""
    emulator.faults.fail(503, times=1, route="v1.tasks.start")
    flow_id = emulator.seed.flow_id
    assert (await api.post(f"/v1/tasks/start/{flow_id}")).status_code == 503
    assert json_of(await api.post(f"/v1/tasks/start/{flow_id}"))["status"] == "active"
