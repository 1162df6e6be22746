"""Executions in API v1: schedule (202, Location, {"message": "ok"}), poll (200 not
ready, 303 ready, 404 gone or expired), result once ({"data"} or 400 Rejected), on the
same executions as v2."""

from __future__ import annotations

from typing import Any

import httpx

from elasticio.testing import Emulator
from tests._support.clock import FakeClock
from tests._support.docs import docs
from tests._support.emulator_http import data_of, json_of, ref, v1_error_of
from tests._support.platform import foreign_component


def verify(emulator: Emulator, **extra: Any) -> dict[str, Any]:
    return {
        "execution_type": "verify_credentials",
        "component": emulator.seed.component_ids["petstore"],
        "account_data": {"apiKey": "k"},
        **extra,
    }


def on_account(emulator: Emulator, execution_type: str, **extra: Any) -> dict[str, Any]:
    return {
        "execution_type": execution_type,
        "component": emulator.seed.component_ids["petstore"],
        "account_id": emulator.seed.credential_ids["petstore"],
        "action_or_trigger": "createPetWithPromise",
        **extra,
    }


async def schedule(api: httpx.AsyncClient, body: dict[str, Any]) -> str:
    response = await api.post("/v1/exec/schedule", json=body)
    assert json_of(response, 202) == {"message": "ok"}
    return response.headers["location"].rsplit("/", 1)[-1]


async def result_data(api: httpx.AsyncClient, execution_id: str) -> Any:
    assert (await api.get(f"/v1/exec/poll/{execution_id}")).status_code == 303
    return json_of(await api.get(f"/v1/exec/result/{execution_id}"))["data"]


async def test_schedule_answers_202_with_the_poll_url(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    response = await api.post("/v1/exec/schedule", json=verify(emulator))
    assert json_of(response, 202) == {"message": "ok"}
    execution_id = response.headers["location"].rsplit("/", 1)[-1]
    assert response.headers["location"] == f"http://127.0.0.1/v1/exec/poll/{execution_id}"
    assert emulator.platform.executions[execution_id].kind == "verify-credential"


async def test_poll_then_result_once(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """200 "Result not ready yet." until execution_time, then 303 to the result; the
    result is given once, after which poll and result are 404."""
    emulator.settings.execution_time = 3.0
    execution_id = await schedule(api, verify(emulator))
    polled = await api.get(f"/v1/exec/poll/{execution_id}")
    assert json_of(polled) == {"message": "Result not ready yet."}
    v1_error_of(await api.get(f"/v1/exec/result/{execution_id}"), 409)
    fake_clock.advance(3.0)
    polled = await api.get(f"/v1/exec/poll/{execution_id}")
    assert (polled.status_code, polled.json()) == (303, {"message": "Ready."})
    assert polled.headers["location"] == f"http://127.0.0.1/v1/exec/result/{execution_id}"
    assert json_of(await api.get(f"/v1/exec/result/{execution_id}")) == {"data": {"verified": True}}
    for again in ("poll", "result"):
        response = await api.get(f"/v1/exec/{again}/{execution_id}")
        assert v1_error_of(response, 404) == "Result does not exist."


async def test_an_unknown_execution_does_not_exist(api: httpx.AsyncClient) -> None:
    assert v1_error_of(await api.get("/v1/exec/poll/nope"), 404) == "Result does not exist."
    assert v1_error_of(await api.get("/v1/exec/result/nope"), 404) == "Result does not exist."


async def test_an_unfetched_result_expires(
    api: httpx.AsyncClient, emulator: Emulator, fake_clock: FakeClock
) -> None:
    """execution_lifetime seconds after it is ready, the result is 404 Expired."""
    emulator.settings.execution_lifetime = 60.0
    execution_id = await schedule(api, verify(emulator))
    fake_clock.advance(59.9)
    assert (await api.get(f"/v1/exec/poll/{execution_id}")).status_code == 303
    fake_clock.advance(0.1)
    assert v1_error_of(await api.get(f"/v1/exec/poll/{execution_id}"), 404) == "Expired."
    assert v1_error_of(await api.get(f"/v1/exec/result/{execution_id}"), 404) == "Expired."


async def test_verify_uses_v2s_outcomes(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """A missing required field is a result that says why; an account's keys are
    checked when no account_data is given."""
    refused = await schedule(api, verify(emulator, account_data={}))
    assert await result_data(api, refused) == {
        "verified": False,
        "reason": "Missing required credential fields: apiKey",
    }
    body = verify(emulator, account_id=emulator.seed.credential_ids["petstore"])
    del body["account_data"]
    assert await result_data(api, await schedule(api, body)) == {"verified": True}


async def test_meta_model_and_select_model(api: httpx.AsyncClient, emulator: Emulator) -> None:
    """get_meta_model is v2's dynamic metadata of cfg; select_model runs model_method."""
    meta = await schedule(api, on_account(emulator, "get_meta_model", cfg={"status": "sold"}))
    data = await result_data(api, meta)
    assert data["in"]["properties"] == {"status": {"type": "string", "title": "status"}}
    select = await schedule(api, on_account(emulator, "select_model", model_method="listStatuses"))
    assert await result_data(api, select) == {
        "listStatuses_1": "ListStatuses 1",
        "listStatuses_2": "ListStatuses 2",
        "listStatuses_3": "ListStatuses 3",
    }


async def test_a_failed_execution_is_rejected_with_a_reason(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """An unknown module fails: 400 {"message": "Rejected.", "reason": ...}, once."""
    execution_id = await schedule(
        api, on_account(emulator, "get_meta_model", action_or_trigger="nope")
    )
    assert (await api.get(f"/v1/exec/poll/{execution_id}")).status_code == 303
    response = await api.get(f"/v1/exec/result/{execution_id}")
    assert v1_error_of(response, 400) == "Rejected."
    assert response.json()["reason"]["name"] == "ModuleNotFound"
    v1_error_of(await api.get(f"/v1/exec/result/{execution_id}"), 404)


async def test_schedule_checks_the_body(api: httpx.AsyncClient, emulator: Emulator) -> None:
    petstore = emulator.seed.component_ids["petstore"]
    timer_account = {"execution_type": "verify_credentials", "component": petstore}
    cases = [
        ({"component": petstore}, 400, "execution_type"),
        ({"execution_type": "run", "component": petstore}, 400, "execution_type"),
        ({"execution_type": "verify_credentials"}, 400, "component"),
        (timer_account, 400, "account_id is required"),
        (on_account(emulator, "get_meta_model", action_or_trigger=None), 400, "action_or_trigger"),
        (on_account(emulator, "get_meta_model", account_id=None), 400, "account_id"),
        (on_account(emulator, "select_model"), 400, "model_method"),
        (verify(emulator, component="nope"), 404, "nope"),
        (on_account(emulator, "get_meta_model", account_id="nope"), 404, "nope"),
        (
            on_account(
                emulator,
                "get_meta_model",
                component=emulator.seed.component_ids["timer"],
            ),
            400,
            "another component",
        ),
    ]
    for body, status, needle in cases:
        response = await api.post("/v1/exec/schedule", json=body)
        assert needle in v1_error_of(response, status), body


async def test_the_docs_request_names_records_the_platform_lacks(api: httpx.AsyncClient) -> None:
    """The docs' example, placeholders left in, names no component: 404."""
    v1_error_of(await api.post("/v1/exec/schedule", json=docs("v1/exec/schedule-request")), 404)


async def test_a_component_the_caller_may_not_use_is_refused(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    body = verify(emulator, component=foreign_component(emulator).id)
    v1_error_of(await api.post("/v1/exec/schedule", json=body), 403)


async def test_another_users_execution_is_refused(
    api: httpx.AsyncClient, guest_api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """Scheduled on the private workspace's account, the guest may not poll it; one
    the guest scheduled in the shared workspace is theirs."""
    private = emulator.seed.private_credential_id
    component = emulator.platform.credentials[private].component_id
    body = {
        "execution_type": "verify_credentials",
        "component": component,
        "account_id": private,
    }
    execution_id = await schedule(api, body)
    v1_error_of(await guest_api.get(f"/v1/exec/poll/{execution_id}"), 403)
    v1_error_of(await guest_api.get(f"/v1/exec/result/{execution_id}"), 403)
    mine = await schedule(guest_api, verify(emulator))
    assert await result_data(guest_api, mine) == {"verified": True}


async def test_v1_and_v2_see_the_same_executions(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """A v1 execution is polled through v2, and a v2 one through v1."""
    v1_id = await schedule(api, verify(emulator))
    v2_result = data_of(await api.get(f"/v2/exec/result/{v1_id}"))
    assert v2_result["attributes"]["result"] == {"verified": True}
    petstore = emulator.seed.component_ids["petstore"]
    v2_body = {
        "data": {
            "type": "verify-credential",
            "attributes": {"fields": {"apiKey": "x"}},
            "relationships": {"workspace": ref("workspace", emulator.seed.workspace_id)},
        }
    }
    response = await api.post(
        f"/v2/components/{petstore}/versions/latest/verify-credential", json=v2_body
    )
    v2_id = data_of(response, 202)["id"]
    assert await result_data(api, v2_id) == {"verified": True}


async def test_a_fault_rule_naming_an_exec_entry_applies(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    emulator.faults.fail(500, times=1, route="v1.exec.schedule")
    assert (await api.post("/v1/exec/schedule", json=verify(emulator))).status_code == 500
    await schedule(api, verify(emulator))
