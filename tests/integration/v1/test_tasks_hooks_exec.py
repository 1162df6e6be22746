"""API v1 tasks, the runtime's startup-data hooks and executions through the SDK against
the emulator, and what v2 sees of each change (and v1 of v2's)."""

from __future__ import annotations

import pytest

from elasticio import (
    AsyncClient,
    ConflictError,
    ExecutionFailedError,
    NotFoundError,
    PermissionDeniedError,
)
from elasticio.testing import Emulator
from tests._support.platform import petstore_id
from tests._support.rig import EXECUTION_TIME

TIMER = {"function": "elasticio/timer:timer", "config": {"interval": "minute"}}


async def test_a_v1_task_is_a_v2_flow(client: AsyncClient, emulator: Emulator) -> None:
    """Create, start, suspend, stop, step, delete through v1; v2 sees each state."""
    account = emulator.seed.credential_ids["petstore"]
    petstore = {"function": "acme-dev/petstore:createPetWithPromise", "account": account}
    task = await client.v1.tasks.create("v1 task", [TIMER, petstore], cron="*/5 * * * *")
    flow = await client.flows.get(task.id)
    assert (flow.name, flow.cron, flow.status) == ("v1 task", "*/5 * * * *", "inactive")
    assert (await client.v1.tasks.start(task.id)).status == "active"
    assert (await client.flows.get(task.id)).status == "active"
    assert (await client.v1.tasks.suspend(task.id)).status == "suspended"
    assert (await client.flows.get(task.id)).status == "suspended"
    assert (await client.v1.tasks.stop(task.id)).status == "inactive"
    step = await client.v1.tasks.step(task.id, "step_1")
    assert (step.config, step.snapshot, step.is_passthrough) == ({"interval": "minute"}, {}, True)
    assert (await client.v1.tasks.delete(task.id)).status == "deleted"
    with pytest.raises(NotFoundError):
        await client.flows.get(task.id)


async def test_a_v2_flow_is_a_v1_task(client: AsyncClient, emulator: Emulator) -> None:
    """v2's start shows as a v1 conflict; v1's stop as v2's status; v2's snapshot in
    v1's step."""
    flow_id = emulator.seed.flow_id
    await client.flows.start(flow_id)
    with pytest.raises(ConflictError, match="already active"):
        await client.v1.tasks.start(flow_id)
    assert (await client.v1.tasks.stop(flow_id)).status == "inactive"
    assert (await client.flows.get(flow_id)).status == "inactive"
    step = await client.v1.tasks.step(flow_id, "step_1")
    assert step.snapshot == {"lastPoll": "2024-01-01T18:00:00.000Z"}


async def test_startup_data_round_trip(client: AsyncClient, emulator: Emulator) -> None:
    """Store, refuse a second store, read, forget, then not found."""
    flow_id = emulator.seed.flow_id
    assert await client.v1.hooks.set_startup_data(flow_id, {"hook": 1}) == {"hook": 1}
    with pytest.raises(ConflictError):
        await client.v1.hooks.set_startup_data(flow_id, {"hook": 2})
    assert await client.v1.hooks.startup_data(flow_id) == {"hook": 1}
    await client.v1.hooks.delete_startup_data(flow_id)
    with pytest.raises(NotFoundError):
        await client.v1.hooks.startup_data(flow_id)


async def test_hooks_and_tasks_keep_to_the_callers_workspaces(
    client: AsyncClient, guest: AsyncClient, emulator: Emulator
) -> None:
    private = emulator.seed.private_workspace_id
    flow_id = next(f.id for f in emulator.platform.flows.values() if f.workspace_id == private)
    with pytest.raises(PermissionDeniedError):
        await guest.v1.hooks.set_startup_data(flow_id, {})
    with pytest.raises(PermissionDeniedError):
        await guest.v1.tasks.start(flow_id)
    assert (await client.v1.tasks.step(flow_id, "step_1")).id == "step_1"


async def test_exec_verify_credentials(client: AsyncClient, emulator: Emulator) -> None:
    """The v2 handle type, polled while pending; a second handle finds the result gone."""
    emulator.settings.execution_time = EXECUTION_TIME
    execution = await client.v1.exec.schedule(
        "verify_credentials", petstore_id(emulator), account_data={"apiKey": "k"}
    )
    assert execution.poll_url.path == f"/v1/exec/poll/{execution.id}"
    result = await execution.result()
    assert (result.id, dict(result.result)) == (execution.id, {"verified": True})
    with pytest.raises(NotFoundError, match=r"Result does not exist\."):
        await client.v1.exec.get(execution.id).result()


async def test_exec_meta_and_select_model(client: AsyncClient, emulator: Emulator) -> None:
    account = emulator.seed.credential_ids["petstore"]
    meta = await client.v1.exec.schedule(
        "get_meta_model",
        petstore_id(emulator),
        account_id=account,
        action_or_trigger="createPetWithPromise",
        cfg={"status": "sold"},
    )
    assert "status" in (await meta.result()).result["in"]["properties"]
    select = await client.v1.exec.schedule(
        "select_model",
        petstore_id(emulator),
        account_id=account,
        action_or_trigger="createPetWithPromise",
        model_method="list",
    )
    assert (await select.result()).result == {
        "list_1": "List 1",
        "list_2": "List 2",
        "list_3": "List 3",
    }


async def test_exec_failure_and_v2_visibility(client: AsyncClient, emulator: Emulator) -> None:
    """A failed run is ExecutionFailedError; a v2 execution is waited for through v1."""
    failed = await client.v1.exec.schedule(
        "get_meta_model",
        petstore_id(emulator),
        account_id=emulator.seed.credential_ids["petstore"],
        action_or_trigger="nope",
    )
    with pytest.raises(ExecutionFailedError, match="nope"):
        await failed.result()
    v2 = await client.executions.verify_credential(
        petstore_id(emulator), workspace_id=emulator.seed.workspace_id, fields={"apiKey": "k"}
    )
    assert dict((await client.v1.exec.get(v2.id).result()).result) == {"verified": True}


async def test_an_expired_result(client: AsyncClient, emulator: Emulator) -> None:
    """A result past its lifetime is a NotFoundError saying so."""
    execution = await client.v1.exec.schedule(
        "verify_credentials", petstore_id(emulator), account_data={"apiKey": "k"}
    )
    emulator.platform.executions[execution.id].expires_at = float("-inf")
    with pytest.raises(NotFoundError, match=r"Expired\."):
        await execution.result()
