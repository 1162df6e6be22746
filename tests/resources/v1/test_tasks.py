"""``client.v1.tasks``: each endpoint's request and decoded result, against the v1 docs."""

from __future__ import annotations

import pytest
import respx

from elasticio import AsyncClient, ConflictError, DecodeError, V1Step, V1Task
from tests._support.docs import docs
from tests._support.wire import body

TASK_ID = "5538bd9646208d02b3000005"


async def test_create_sends_name_nodes_and_cron(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """create() POSTs the docs' body to /v1/tasks/ and decodes {id}."""
    route = router.post("/v1/tasks/").respond(200, json=docs("v1/tasks/create"))
    request = docs("v1/tasks/create-request")
    task = await client.v1.tasks.create(request["name"], request["nodes"], cron="0 * * * *")
    sent = route.calls.last.request
    assert sent.headers["content-type"] == "application/json"
    assert body(sent) == {**request, "cron": "0 * * * *"}
    assert task == V1Task(id="55083c567aea6f030000001a")


async def test_create_leaves_out_an_unset_cron(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    route = router.post("/v1/tasks/").respond(200, json={"id": "t1"})
    await client.v1.tasks.create("t", [{"function": "a/b:c"}])
    assert body(route.calls.last.request) == {"name": "t", "nodes": [{"function": "a/b:c"}]}


@pytest.mark.parametrize(
    ("method", "verb", "path", "fixture"),
    [
        ("start", "POST", f"/v1/tasks/start/{TASK_ID}", "start"),
        ("stop", "POST", f"/v1/tasks/stop/{TASK_ID}", "stop"),
        ("delete", "DELETE", f"/v1/tasks/{TASK_ID}", "delete"),
    ],
)
async def test_state_changes_decode_the_docs_answers(
    client: AsyncClient, router: respx.MockRouter, method: str, verb: str, path: str, fixture: str
) -> None:
    """start, stop, delete: no body sent, {id, status} decoded."""
    route = router.route(method=verb, path=path).respond(200, json=docs(f"v1/tasks/{fixture}"))
    task = await getattr(client.v1.tasks, method)(TASK_ID)
    assert route.calls.last.request.content == b""
    assert task == V1Task(id=TASK_ID, status=docs(f"v1/tasks/{fixture}")["status"])


async def test_suspend_posts_to_the_suspend_path(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    route = router.post(f"/v1/tasks/suspend/{TASK_ID}").respond(
        200, json={"id": TASK_ID, "status": "suspended"}
    )
    assert (await client.v1.tasks.suspend(TASK_ID)).status == "suspended"
    assert route.call_count == 1


async def test_ids_are_percent_encoded(client: AsyncClient, router: respx.MockRouter) -> None:
    route = router.get(url__regex=r".*/v1/tasks/a%2Fb/steps/s%201$").respond(200, json={"id": "s"})
    await client.v1.tasks.step("a/b", "s 1")
    assert route.call_count == 1


async def test_step_decodes_what_the_runtime_reads(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The step's config is kept out of the repr; unknown members go to extra."""
    answer = {
        "id": "step_1",
        "comp_id": "c1",
        "function": "timer",
        "config": {"apiKey": "s3cr3t-key"},
        "snapshot": {"lastPoll": "2024-01-01"},
        "variables": {"ENV": "x"},
        "is_passthrough": True,
        "name": "Timer",
    }
    router.get(f"/v1/tasks/{TASK_ID}/steps/step_1").respond(200, json=answer)
    step = await client.v1.tasks.step(TASK_ID, "step_1")
    assert isinstance(step, V1Step)
    assert (step.config, step.snapshot, step.variables, step.is_passthrough) == (
        {"apiKey": "s3cr3t-key"},
        {"lastPoll": "2024-01-01"},
        {"ENV": "x"},
        True,
    )
    assert step.extra == {"name": "Timer"}
    assert "s3cr3t-key" not in repr(step)


async def test_a_wrong_type_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    router.get(f"/v1/tasks/{TASK_ID}/steps/step_1").respond(200, json={"id": "s", "config": []})
    with pytest.raises(DecodeError) as caught:
        await client.v1.tasks.step(TASK_ID, "step_1")
    assert caught.value.pointer == "/config"


async def test_a_v1_error_keeps_its_message(client: AsyncClient, router: respx.MockRouter) -> None:
    router.post(f"/v1/tasks/start/{TASK_ID}").respond(
        409, json={"message": "Flow is already active"}
    )
    with pytest.raises(ConflictError, match="Flow is already active"):
        await client.v1.tasks.start(TASK_ID)
