"""Accepting a non-2xx status as an outcome: pure in ``decipher``, and through ``send``."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import respx

from elasticio import AsyncClient, ConflictError, UnexpectedStatusError
from elasticio._http import RequestSpec, decipher
from tests._support.clock import FakeClock
from tests._support.executions import POLL_PATH, RESULT_PATH

NOW = datetime(2024, 1, 1, tzinfo=UTC)


def run(status_code: int, content: bytes, accept: frozenset[int]) -> object:
    """decipher() a GET of the poll URL with ``accept``."""
    return decipher(
        method="GET",
        url=f"https://api.elastic.io{POLL_PATH}",
        status_code=status_code,
        headers={"location": RESULT_PATH},
        content=content,
        retries_taken=0,
        now=NOW,
        accept=accept,
    )


def test_an_accepted_redirect_is_an_empty_document() -> None:
    """An accepted 303 gives an empty Document; its body (not JSON:API) is not decoded."""
    document = run(303, b'{"data": {}, "meta": {}}', frozenset({303}))
    assert getattr(document, "has_data", None) is False


def test_an_accepted_status_with_a_non_json_body_is_fine() -> None:
    """Whatever the body of an accepted status, nothing is decoded from it."""
    run(409, b"<html>not ready</html>", frozenset({409}))


def test_a_redirect_not_accepted_still_raises() -> None:
    """Without accept a 303 is still an UnexpectedStatusError."""
    with pytest.raises(UnexpectedStatusError):
        run(303, b"", frozenset())


def test_accepting_one_status_leaves_the_others_errors() -> None:
    """accept={303} does not let a 409 through."""
    with pytest.raises(ConflictError):
        run(409, b"", frozenset({303}))


def test_accepting_a_success_changes_nothing() -> None:
    """A 2xx in accept is decoded as usual."""
    document = run(200, b'{"data": {"type": "x", "id": "1"}}', frozenset({200}))
    assert getattr(document, "has_data", None) is True


async def test_send_returns_an_accepted_status(
    client: AsyncClient, router: respx.MockRouter, clock: FakeClock
) -> None:
    """client._send(spec, accept={303}) returns the 303 with its Location, not following it."""
    router.get(POLL_PATH).respond(303, headers={"Location": RESULT_PATH}, json={"data": {}})
    target = router.get(RESULT_PATH).respond(200, json={})
    response = await client._send(
        RequestSpec(method="GET", path=POLL_PATH), accept=frozenset({303})
    )
    assert response.status_code == 303
    assert response.headers["location"] == RESULT_PATH
    assert response.document.has_data is False
    assert target.call_count == 0
    assert clock.sleeps == []


async def test_send_without_accept_still_raises_for_a_redirect(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """The default send() keeps refusing 3xx."""
    router.get(POLL_PATH).respond(303, headers={"Location": RESULT_PATH})
    with pytest.raises(UnexpectedStatusError):
        await client._send(RequestSpec(method="GET", path=POLL_PATH))
