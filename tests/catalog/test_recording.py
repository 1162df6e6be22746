"""Recording which catalog entries the SDK sent to an emulator, and when a run counts."""

from __future__ import annotations

from pathlib import Path

import httpx
import orjson
import pytest
from starlette.types import Receive, Scope, Send

from elasticio import AsyncClient
from elasticio._http import user_agent
from elasticio.testing import Emulator
from tests._support.api_coverage_plugin import TESTS, whole_suite
from tests._support.api_recording import Observed, Recorder, entry_for

SDK = user_agent()
ME = {"data": {"type": "user", "id": "u1", "attributes": {"email": "robot@example.com"}}}


@pytest.mark.parametrize(
    ("method", "path", "name"),
    [
        ("GET", "/v2/users/me", "users.me"),
        ("GET", "/v2/users/u1", "users.get"),
        ("GET", "/v2/components/all", "components.list_all"),
        ("GET", "/v2/components/c1", "components.get"),
        ("GET", "/v2/flows/a%2Fb/draft", "flows.get_draft"),
        ("GET", "/v2/flows/f1/", "flows.get"),
        ("GET", "/v2/flows?page[size]=2", "flows.list"),
        ("DELETE", "/v2/flows/f1", "flows.delete"),
    ],
)
def test_entry_for_a_request(method: str, path: str, name: str) -> None:
    """Literal segments win, an encoded slash stays in its segment, a trailing slash and
    the query are ignored, and the method tells entries of one path apart."""
    entry = entry_for(method, path)
    assert entry is not None
    assert entry.name == name


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/v2/nowhere"),
        ("PUT", "/v2/users/me"),
        ("GET", "/v2/flows//draft"),
        ("GET", "/v2/flows/a/b/draft"),
    ],
)
def test_no_entry_for_a_request_outside_the_catalog(method: str, path: str) -> None:
    """An unknown path, a wrong method or an empty or split placeholder fits no entry."""
    assert entry_for(method, path) is None


def test_recorder_counts_only_answered_sdk_requests() -> None:
    """Only the SDK's requests count, and only those answered without an error status."""
    recorder = Recorder()
    recorder.record("GET", "/v2/users/me", SDK, 200)
    recorder.record("GET", "/v2/users/me", SDK, 200)
    recorder.record("GET", "/v2/flows/f1", "python-httpx/0.28", 200)
    recorder.record("GET", "/v2/teams/t1", SDK, 404)
    recorder.record("GET", "/v2/contracts", SDK, None)
    recorder.record("GET", "/v2/nowhere", SDK, 200)
    recorder.record("GET", "/v2/exec/poll/e1", SDK, 303)
    assert recorder.answered == {"users.me": 2, "executions.poll": 1}
    assert recorder.exercised == {"users.me", "executions.poll"}


async def _users_me(scope: Scope, receive: Receive, send: Send) -> None:
    """A stand-in platform: answers every request with the same user document."""
    body = orjson.dumps(ME)
    headers = [(b"content-type", b"application/vnd.api+json")]
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def test_observed_app_records_the_sdk_and_passes_answers_through() -> None:
    """Behind Observed the SDK gets the app's answer, and the request is recorded; a
    plain httpx client's request is answered as well, but not recorded."""
    recorder = Recorder()
    transport = httpx.ASGITransport(app=Observed(_users_me, recorder))
    async with AsyncClient(
        email="robot@example.com",
        api_key="key",
        base_url="http://127.0.0.1",
        transport=transport,
    ) as client:
        me = await client.users.me()
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as plain:
        answer = await plain.get("/v2/flows/f1")
    assert me.id == "u1"
    assert answer.json() == ME
    assert recorder.answered == {"users.me": 1}


def test_every_emulator_of_the_session_is_observed() -> None:
    """An emulator built anywhere in the session serves its app through Observed."""
    assert isinstance(Emulator().app, Observed)


def _run(**changes: object) -> bool:
    run: dict[str, object] = {
        "args": ["tests"],
        "invocation_dir": TESTS.parent,
        "keyword": "",
        "markexpr": "",
        "deselected": 0,
        "collected": 10,
        "finished": 10,
        "exitstatus": pytest.ExitCode.OK,
    }
    run.update(changes)
    return whole_suite(**run)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"args": [str(TESTS)]},
        {"args": ["."]},
        {"args": [".."], "invocation_dir": TESTS / "catalog"},
        {"args": ["../../tests", "test_usage.py"], "invocation_dir": TESTS / "catalog"},
        {"exitstatus": pytest.ExitCode.TESTS_FAILED},
    ],
)
def test_whole_suite_runs(changes: dict[str, object]) -> None:
    """The tests directory, given or implied by a parent, with every test run: whole."""
    assert _run(**changes)


@pytest.mark.parametrize(
    "changes",
    [
        {"args": ["tests/catalog"]},
        {"args": ["tests/catalog/test_recording.py::test_every_emulator_of_the_session"]},
        {"args": [str(Path(TESTS.anchor) / "elsewhere")]},
        {"keyword": "flows"},
        {"markexpr": "slow"},
        {"deselected": 1},
        {"finished": 9},
        {"collected": 0, "finished": 0},
        {"exitstatus": pytest.ExitCode.INTERRUPTED},
    ],
)
def test_partial_runs(changes: dict[str, object]) -> None:
    """A subset, a filter, a deselection, an unfinished or interrupted run: not whole."""
    assert not _run(**changes)
