"""Scheduled executions: verify credential, dynamic metadata, select model; the 202, the
polling while pending, the 303 to the result, failures and unknown executions."""

from __future__ import annotations

import asyncio

import pytest

from elasticio import (
    AsyncClient,
    ExecutionFailedError,
    NotFoundError,
    PermissionDeniedError,
    PollPolicy,
    PollTimeoutError,
)
from elasticio.testing import Emulator
from tests._support.platform import petstore_id
from tests._support.rig import EXECUTION_TIME


async def test_verify_credential(client: AsyncClient, emulator: Emulator) -> None:
    """A credential with the required apiKey is verified."""
    execution = await client.executions.verify_credential(
        petstore_id(emulator), workspace_id=emulator.seed.workspace_id, fields={"apiKey": "k"}
    )
    assert execution.kind == "verify-credential"
    assert execution.id in emulator.platform.executions
    assert execution.poll_url.path == f"/v2/exec/poll/{execution.id}"
    result = await execution.result()
    assert (result.id, dict(result.result)) == (execution.id, {"verified": True})


async def test_verify_credential_without_a_required_field(
    client: AsyncClient, emulator: Emulator
) -> None:
    """A credential missing apiKey is not verified: a result that says so, not a failure."""
    execution = await client.executions.verify_credential(
        petstore_id(emulator), workspace_id=emulator.seed.workspace_id, fields={}
    )
    result = await execution.result()
    assert dict(result.result) == {
        "verified": False,
        "reason": "Missing required credential fields: apiKey",
    }


async def test_result_polls_while_pending(client: AsyncClient, emulator: Emulator) -> None:
    """While the execution runs the poll answers 200 and is asked again; then the 303 leads
    to the result."""
    emulator.settings.execution_time = EXECUTION_TIME
    execution = await client.executions.verify_credential(
        petstore_id(emulator), workspace_id=emulator.seed.workspace_id, fields={"apiKey": "k"}
    )
    scheduled = client.stats.requests
    result = await execution.result()
    assert dict(result.result) == {"verified": True}
    # At least one pending poll, the 303 and the result.
    assert client.stats.requests - scheduled >= 3
    assert client.stats.retries == 0


async def test_result_is_fetched_once(client: AsyncClient, emulator: Emulator) -> None:
    """A second result() returns the kept result without a request."""
    execution = await client.executions.verify_credential(
        petstore_id(emulator), workspace_id=emulator.seed.workspace_id, fields={"apiKey": "k"}
    )
    first = await execution.result()
    requests = client.stats.requests
    assert await execution.result() == first
    assert client.stats.requests == requests


async def test_concurrent_waits_share_one_poll(client: AsyncClient, emulator: Emulator) -> None:
    """Two result() calls at once wait together: one poll (the 303) and one result fetch."""
    execution = await client.executions.verify_credential(
        petstore_id(emulator), workspace_id=emulator.seed.workspace_id, fields={"apiKey": "k"}
    )
    first, second = await asyncio.gather(execution.result(), execution.result())
    assert first == second
    assert client.stats.requests == 1 + 2


async def test_result_by_id(client: AsyncClient, emulator: Emulator) -> None:
    """executions.get(id) makes a handle for an execution scheduled earlier."""
    scheduled = await client.executions.verify_credential(
        petstore_id(emulator), workspace_id=emulator.seed.workspace_id, fields={"apiKey": "k"}
    )
    result = await client.executions.get(scheduled.id).result()
    assert dict(result.result) == {"verified": True}


async def test_dynamic_metadata(client: AsyncClient, emulator: Emulator) -> None:
    """dynamic_metadata() returns in and out schemas built from the fields."""
    execution = await client.executions.dynamic_metadata(
        petstore_id(emulator),
        "latest",
        workspace_id=emulator.seed.workspace_id,
        module="createPetWithPromise",
        fields={"name": "Rex", "age": 3, "vaccinated": True},
        credential_id=emulator.seed.credential_ids["petstore"],
    )
    assert execution.kind == "dynamic-metadata"
    result = (await execution.result()).result
    assert result["in"]["properties"] == {
        "age": {"type": "number", "title": "age"},
        "name": {"type": "string", "title": "name"},
        "vaccinated": {"type": "boolean", "title": "vaccinated"},
    }
    assert result["in"]["required"] == ["age", "name", "vaccinated"]
    assert result["out"]["title"] == "Create a pet"


async def test_select_model_of_an_older_build(client: AsyncClient, emulator: Emulator) -> None:
    """select_model() on a pinned revision returns the options of the method."""
    revision = emulator.platform.components[petstore_id(emulator)].versions[0].revision
    execution = await client.executions.select_model(
        petstore_id(emulator),
        revision,
        workspace_id=emulator.seed.workspace_id,
        module="getPetsByStatus",
        method="listStatuses",
        fields={},
    )
    assert execution.kind == "select-model"
    assert dict((await execution.result()).result) == {
        "listStatuses_1": "ListStatuses 1",
        "listStatuses_2": "ListStatuses 2",
        "listStatuses_3": "ListStatuses 3",
    }


async def test_a_failed_execution_raises(client: AsyncClient, emulator: Emulator) -> None:
    """A module the component does not have fails the execution: ExecutionFailedError with
    the component's error as the reason."""
    execution = await client.executions.select_model(
        petstore_id(emulator),
        "latest",
        workspace_id=emulator.seed.workspace_id,
        module="noSuchModule",
        method="list",
        fields={},
    )
    with pytest.raises(ExecutionFailedError) as caught:
        await execution.result()
    assert caught.value.execution_id == execution.id
    assert caught.value.reason == emulator.platform.executions[execution.id].error
    assert isinstance(caught.value.reason, dict)
    assert caught.value.reason["name"] == "ModuleNotFound"
    assert "noSuchModule" in str(caught.value)


async def test_an_unknown_execution_is_not_found(client: AsyncClient) -> None:
    """Polling an execution the platform does not know is a NotFoundError."""
    with pytest.raises(NotFoundError):
        await client.executions.get("0" * 24).result()


async def test_another_users_execution_is_forbidden(
    client: AsyncClient, guest: AsyncClient, emulator: Emulator
) -> None:
    """An execution of the private workspace cannot be polled by the guest."""
    execution = await client.executions.verify_credential(
        petstore_id(emulator),
        workspace_id=emulator.seed.private_workspace_id,
        fields={"apiKey": "k"},
    )
    with pytest.raises(PermissionDeniedError):
        await guest.executions.get(execution.id).result()


async def test_result_gives_up_in_time(client: AsyncClient, emulator: Emulator) -> None:
    """An execution that takes longer than the timeout ends in PollTimeoutError."""
    emulator.settings.execution_time = 3600.0
    execution = await client.executions.verify_credential(
        petstore_id(emulator), workspace_id=emulator.seed.workspace_id, fields={"apiKey": "k"}
    )
    impatient = PollPolicy(interval=1 / 128, max_interval=1 / 128, timeout=1 / 16)
    with pytest.raises(PollTimeoutError) as caught:
        await execution.result(poll=impatient)
    assert caught.value.last == "Pending request, waiting other process"
