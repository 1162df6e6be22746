"""The request log: a ring of the most recent requests, and counters over them all."""

from __future__ import annotations

import httpx
import pytest

from elasticio.testing import Emulator, RecordedRequest, RequestLog
from tests._support.emulator_http import data_of, error_of


def _request(status: int | None, entry: str | None = "users.me") -> RecordedRequest:
    return RecordedRequest(
        method="GET",
        path="/v2/users/me",
        query="",
        user=None,
        entry=entry,
        route=None,
        status=status,
    )


def test_the_oldest_request_goes_when_the_log_is_full() -> None:
    """A full log forgets its oldest request and keeps counting."""
    log = RequestLog(size=2)
    first, second, third = _request(200), _request(404), _request(429)
    for request in (first, second, third):
        log.append(request)
    assert log == [second, third]
    assert (len(log), log.total, log[-1], log[:1]) == (2, 3, third, [second])


def test_counters_count_every_request() -> None:
    """Statuses and entries count the requests the ring no longer holds too."""
    log = RequestLog(size=1)
    for status in (200, 200, None):
        log.append(_request(status))
    log.append(_request(404, entry=None))
    assert dict(log.statuses) == {200: 2, None: 1, 404: 1}
    assert dict(log.entries) == {"users.me": 3, None: 1}


def test_clear_forgets_requests_and_counts() -> None:
    """After ``clear`` the log is empty and its counters are zero."""
    log = RequestLog(size=3)
    log.append(_request(200))
    log.clear()
    assert (log, log.total, log.statuses, log.entries) == ([], 0, {}, {})


def test_shrinking_keeps_the_newest_requests() -> None:
    """A smaller size keeps the most recent requests."""
    log = RequestLog(size=3)
    requests = [_request(status) for status in (200, 201, 202)]
    for request in requests:
        log.append(request)
    log.size = 1
    assert (log, log.size) == ([requests[-1]], 1)


def test_a_size_below_one_is_refused() -> None:
    """The log holds at least one request."""
    with pytest.raises(ValueError, match="at least one request"):
        RequestLog(size=2).size = 0


async def test_the_emulator_keeps_the_last_requests_of_the_setting(
    api: httpx.AsyncClient, emulator: Emulator
) -> None:
    """``request_log_size`` bounds ``emulator.requests``, also when changed later."""
    emulator.settings.request_log_size = 2
    data_of(await api.get("/v2/users/me"))
    error_of(await api.get("/v2/nothing-here"), 404)
    data_of(await api.get(f"/v2/flows/{emulator.seed.flow_id}"))
    assert [r.entry for r in emulator.requests] == [None, "flows.get"]
    assert emulator.requests.total == 3
    assert emulator.requests.statuses == {200: 2, 404: 1}
