"""The pure rule that tells a failed execution from a finished one."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
import respx

from elasticio import (
    AsyncClient,
    BadRequestError,
    DecodeError,
    ErrorObject,
    ExecutionFailedError,
    ExecutionResult,
)
from elasticio.jsonapi import Document
from elasticio.models._declare import structure
from elasticio.models._executions import pending_status, rejection, result_resource
from tests._support.executions import EXECUTION_ID, POLL_PATH, RESULT_PATH, docs, ready


def finished(attributes: dict[str, Any], type_: str = "execution-result") -> Document:
    """A result document with the given attributes."""
    return Document.parse({"data": {"type": type_, "id": EXECUTION_ID, "attributes": attributes}})


def failure_of(document: Document) -> ExecutionFailedError:
    """The ExecutionFailedError the rule raises for ``document``."""
    with pytest.raises(ExecutionFailedError) as caught:
        result_resource(document, EXECUTION_ID)
    assert caught.value.execution_id == EXECUTION_ID
    return caught.value


async def fetched(router: respx.MockRouter, client: AsyncClient, answer: Any) -> ExecutionResult:
    """What the client makes of ``answer`` served at the result URL."""
    router.get(POLL_PATH).mock(return_value=ready())
    router.get(RESULT_PATH).mock(return_value=httpx.Response(200, json=answer))
    return await client.executions.get(EXECUTION_ID).result()


def test_the_docs_result_is_a_success() -> None:
    """The documented result example passes the rule and structures into its ``result``."""
    document = Document.parse(docs("result"))
    outcome = structure(ExecutionResult, document, result_resource(document, EXECUTION_ID))
    assert outcome.result["data"]["another_field"] == "another_value"
    assert outcome.document is document
    assert outcome.to_dict() == {
        "id": "5aafcd56d0516d0007758cff",
        "result": {"data": {"some_field_of_result": "value", "another_field": "another_value"}},
        "status": None,
        "extra": {},
    }


def test_a_result_built_by_hand_has_no_document() -> None:
    """``document`` is the response a result came from; one built by hand has none."""
    assert ExecutionResult(id=EXECUTION_ID).document is None


@pytest.mark.parametrize(
    "attributes",
    [
        {"result": {}, "error": None},
        {"result": {}, "error": ""},
        {"result": {}, "error": {}},
        {"result": {}, "error": False},
        {"result": {}, "status": "Pending request, waiting other process"},
        {"result": {}, "status": "success"},
        {"result": {"status": "failed"}},
        {"result": {"verified": False, "reason": "bad key"}},
    ],
    ids=[
        "null-error",
        "empty-error",
        "empty-object-error",
        "false-error",
        "pending-text",
        "success",
        "failed-inside-result",
        "not-verified",
    ],
)
def test_what_is_not_a_failure(attributes: dict[str, Any]) -> None:
    """Empty ``error`` members, other statuses and the component's own answer are results."""
    document = finished(attributes)
    assert result_resource(document, EXECUTION_ID) is document.data


@pytest.mark.parametrize("status", ["failed", "failure", "error", "errored", "rejected", "Failed"])
def test_failing_statuses(status: str) -> None:
    """Each documented failing status raises; without a reason the status is the reason."""
    assert failure_of(finished({"status": status})).reason == status


def test_reason_comes_before_error_and_result() -> None:
    """``reason`` is preferred over ``error``, which is preferred over ``result``."""
    document = finished({"status": "failed", "reason": "r", "error": "e", "result": {"x": 1}})
    assert failure_of(document).reason == "r"
    document = finished({"status": "failed", "error": "e", "result": {"x": 1}})
    assert failure_of(document).reason == "e"
    assert failure_of(finished({"status": "failed", "result": {"x": 1}})).reason == {"x": 1}


def test_an_error_member_alone_is_a_failure() -> None:
    """A non-empty ``error`` fails the execution whatever the status."""
    failure = failure_of(finished({"status": "done", "error": "Timeout"}))
    assert failure.reason == "Timeout"
    assert str(failure) == f"execution {EXECUTION_ID} failed: Timeout"


def test_top_level_errors_are_a_failure() -> None:
    """A document of JSON:API ``errors`` fails with those error objects as the reason."""
    failure = failure_of(Document.parse({"errors": [{"title": "Component crashed"}]}))
    assert failure.reason == (ErrorObject(title="Component crashed"),)
    assert "Component crashed" in str(failure)


def test_a_long_reason_is_cut_in_the_message_only() -> None:
    """The message keeps a short gist; ``reason`` keeps everything."""
    reason = "x" * 5000
    failure = failure_of(finished({"status": "failed", "reason": reason}))
    assert failure.reason == reason
    assert len(str(failure)) < 300


def test_a_structured_reason_without_text_gives_a_plain_message() -> None:
    """A reason with no message-like member is not dumped into the message."""
    failure = failure_of(finished({"status": "failed", "reason": {"code": 7, "secret": "s"}}))
    assert str(failure) == f"execution {EXECUTION_ID} failed"


async def test_another_resource_type_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A finished execution must be an execution-result."""
    answer = {"data": {"type": "flow", "id": EXECUTION_ID, "attributes": {"result": {}}}}
    with pytest.raises(DecodeError, match="execution-result") as caught:
        await fetched(router, client, answer)
    assert caught.value.pointer == "/data/type"


def test_a_failure_is_reported_before_the_type_is_checked() -> None:
    """A failing status fails the execution whatever the resource's type."""
    assert failure_of(finished({"status": "failed"}, type_="flow")).reason == "failed"


def test_no_resource_is_a_decode_error() -> None:
    """An empty result document is refused with the pointer /data."""
    with pytest.raises(DecodeError) as caught:
        result_resource(Document.parse({"data": None}), EXECUTION_ID)
    assert caught.value.pointer == "/data"


async def test_a_result_that_is_not_an_object_is_a_decode_error(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """``result`` is documented as an object; anything else names the attribute."""
    answer = {
        "data": {"type": "execution-result", "id": EXECUTION_ID, "attributes": {"result": [1]}}
    }
    with pytest.raises(DecodeError, match="result"):
        await fetched(router, client, answer)


async def test_a_missing_id_falls_back_to_the_execution_id(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """A result resource without an id takes the execution's."""
    answer = {"data": {"type": "execution-result", "attributes": {"result": {"ok": True}}}}
    outcome = await fetched(router, client, answer)
    assert (outcome.id, outcome.result) == (EXECUTION_ID, {"ok": True})


# -- 400 at the result URL -----------------------------------------------------------------


def bad_request(errors: tuple[ErrorObject, ...], body: bytes = b"") -> BadRequestError:
    """A 400 from the result URL with the given parsed errors."""
    return BadRequestError(status_code=400, errors=errors, body=body)


def test_rejection_takes_the_v1_reason() -> None:
    """The ``reason`` member of a v1 body is the failure's reason."""
    error = ErrorObject(title="Rejected.", meta={"reason": {"message": "Invalid API key"}})
    failure = rejection(bad_request((error,)), EXECUTION_ID)
    assert failure.reason == {"message": "Invalid API key"}
    assert str(failure) == f"execution {EXECUTION_ID} failed: Invalid API key"


def test_rejection_without_reason_takes_the_errors() -> None:
    """A JSON:API 400 gives its error objects as the reason."""
    error = ErrorObject(status=400, title="Bad argument error")
    assert rejection(bad_request((error,)), EXECUTION_ID).reason == (error,)


def test_rejection_of_a_bare_body_takes_its_text() -> None:
    """A 400 whose body is not JSON gives its text as the reason."""
    failure = rejection(bad_request((), b"component exploded"), EXECUTION_ID)
    assert failure.reason == "component exploded"


def test_pending_status_reads_the_text() -> None:
    """The poll's "still running" text is what a timeout reports as last seen."""
    assert pending_status(Document.parse(docs("poll_pending"))).startswith("Pending request")
    assert pending_status(Document()) == "pending"
