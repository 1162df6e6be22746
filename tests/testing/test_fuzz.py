"""The emulator under random requests: never a 500, never an error that is not JSON:API.

Random methods, paths (every catalog template with random or seeded placeholder values,
and paths of random segments), queries, bodies and callers, against a fresh seed each
time, in process. The default run is a few hundred examples with a fixed seed; the
``fuzz`` profile (``pytest --hypothesis-profile=fuzz tests/testing/test_fuzz.py``) runs
many more, at random.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any
from urllib.parse import quote

import attrs
import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from elasticio._catalog import ENTRIES
from elasticio.testing import Emulator
from tests._support.clock import FakeClock

FUZZING = settings.get_current_profile_name() == "fuzz"
SETTINGS = settings(
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
    **({} if FUZZING else {"max_examples": 200, "derandomize": True}),
)

_SEEDED = Emulator().seed
KNOWN_VALUES = sorted(
    {
        _SEEDED.owner.id,
        _SEEDED.guest.id,
        _SEEDED.contract_id,
        _SEEDED.team_id,
        _SEEDED.platform_team_id,
        _SEEDED.workspace_id,
        _SEEDED.private_workspace_id,
        _SEEDED.flow_id,
        _SEEDED.private_credential_id,
        _SEEDED.ssh_key_id,
        *_SEEDED.component_ids.values(),
        *_SEEDED.credential_ids.values(),
        *_SEEDED.data_sample_ids.values(),
        "latest",
        "me",
        "all",
        "step_1",
        "step_2",
        "support",
    }
)
TEMPLATES = sorted({entry.template for entry in ENTRIES.values()})
METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND"]
QUERY_NAMES = [
    "page[size]",
    "page[number]",
    "workspace_id",
    "contract_id",
    "filter[id]",
    "filter[access]",
    "filter[component]",
    "filter[status]",
    "filter[type]",
    "filter[user]",
    "filter[has_draft]",
    "filter[component_id]",
    "include",
    "sort",
    "search",
    "email",
    "iss",
    "sub",
]
TYPES = ["flow", "flow-draft", "component", "component-env", "credential", "data-sample"]
TYPES += ["snapshot", "sshkey", "member", "flow-copy", "verify-credential", "select-model"]

text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
token = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=1, max_size=8)
numbers = st.integers(-(2**70), 2**70).map(str)
values = st.one_of(st.sampled_from(KNOWN_VALUES), text, numbers)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(text, inner, max_size=4),
    max_leaves=12,
)


@st.composite
def paths(draw: st.DrawFn) -> str:
    """A catalog template with its placeholders filled, or random segments."""
    if draw(st.integers(0, 4)) == 0:
        segments = draw(st.lists(st.one_of(values, st.just("v2")), max_size=6))
    else:
        segments = []
        for part in draw(st.sampled_from(TEMPLATES)).strip("/").split("/"):
            placeholder = part.startswith("{") and part.endswith("}")
            segments.append(draw(values) if placeholder else part)
    raw = st.text("abc%2F09zZ-._~", min_size=1, max_size=6)  # raw, perhaps bad, escapes
    encoded = [draw(raw) if draw(st.integers(0, 9)) == 0 else quote(s, safe="") for s in segments]
    return "/" + "/".join(encoded) + draw(st.sampled_from(["", "", "/"]))


@st.composite
def documents(draw: st.DrawFn) -> Any:
    """A JSON:API-ish request document, with random members where they count."""
    data: dict[str, Any] = {"type": draw(st.sampled_from(TYPES) | text)}
    if draw(st.booleans()):
        data["id"] = draw(values | json_values)
    if draw(st.booleans()):
        data["attributes"] = draw(st.dictionaries(st.sampled_from(_ATTRIBUTES) | text, json_values))
    if draw(st.booleans()):
        relationship = st.fixed_dictionaries(
            {"data": st.fixed_dictionaries({"type": st.sampled_from(TYPES) | text, "id": values})}
        )
        data["relationships"] = draw(
            st.dictionaries(st.sampled_from(_RELATIONSHIPS) | text, relationship | json_values)
        )
    return {"data": data} if draw(st.integers(0, 5)) else draw(json_values)


_ATTRIBUTES = ["name", "type", "graph", "vars", "keys", "key", "title", "roles", "snapshot"]
_ATTRIBUTES += ["access", "whitelisted_contract_ids", "method", "result", "fields", "module"]
_RELATIONSHIPS = ["workspace", "component", "team", "contract", "credential", "dest_workspace"]
_RELATIONSHIPS += ["component_version", "vpn_agent"]


@attrs.frozen
class FuzzRequest:
    method: str
    path: str
    query: list[tuple[str, str]]
    body: bytes | None
    caller: str


def _dumps(value: Any) -> bytes:
    # The standard library writes what orjson will not: huge integers, NaN, Infinity.
    return json.dumps(value).encode()


bodies = st.one_of(
    st.none(),
    documents().map(_dumps),
    json_values.map(_dumps),
    st.binary(max_size=40),
)
fuzz_requests = st.builds(
    FuzzRequest,
    method=st.sampled_from(METHODS) | token,
    path=paths(),
    query=st.lists(st.tuples(st.sampled_from(QUERY_NAMES) | text, values), max_size=4),
    body=bodies,
    caller=st.sampled_from(["owner", "guest", "anonymous", "wrong key"]),
)


def _auth(emulator: Emulator, caller: str) -> tuple[str, str] | None:
    seed = emulator.seed
    return {
        "owner": (seed.owner.email, seed.owner.api_key),
        "guest": (seed.guest.email, seed.guest.api_key),
        "wrong key": (seed.owner.email, "not-the-key"),
    }.get(caller)


async def _send(emulator: Emulator, request: FuzzRequest) -> httpx.Response:
    transport = httpx.ASGITransport(app=emulator.app)
    auth = _auth(emulator, request.caller)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        url = httpx.URL(f"http://127.0.0.1{request.path}", params=request.query)
        return await client.request(request.method, url, content=request.body, auth=auth)


def _check(request: FuzzRequest, response: httpx.Response) -> None:
    assert response.status_code < 500, response.text
    if response.status_code < 400:
        return
    assert response.headers["content-type"] == "application/json"
    if request.method == "HEAD":
        return
    body = response.json()
    # API v1 (and the runtime's hooks) write their errors in plain JSON.
    if request.path.startswith(("/v1/", "/sailor-support/")):
        assert isinstance(body.get("message"), str), body
        return
    assert list(body) == ["errors"], body
    for error in body["errors"]:
        assert error["status"] == response.status_code
        assert isinstance(error["title"], str)
        assert isinstance(error["detail"], str)
    if response.status_code == 405:
        assert response.headers["allow"]


def test_random_requests_never_crash_the_emulator() -> None:
    """Any request gets a non-5xx answer, and any error is a JSON:API error document
    (``{"message": ...}`` on a v1 path)."""
    clock = FakeClock()
    emulator = Emulator(clock=clock, sleep=clock.sleep)
    with asyncio.Runner() as runner:

        @SETTINGS
        @given(request=fuzz_requests)
        def check(request: FuzzRequest) -> None:
            emulator.reset()
            _check(request, runner.run(_send(emulator, request)))

        check()
