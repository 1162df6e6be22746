"""Ids, docs examples and canned platform answers shared by the executions tests."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.conftest import BASE_URL, load_fixture

COMPONENT_ID = "5a7c0c6b8b3f5e0011a1b2c3"
WORKSPACE_ID = "5a7c0c6b8b3f5e0011f00d42"
CREDENTIAL_ID = "5a7c0c6b8b3f5e0011c4ed01"
VPN_AGENT_ID = "5a7c0c6b8b3f5e0011a9e701"
REVISION = "3a6b0f2e9c1d4b5a6f7e8d9c0b1a2f3e4d5c6b7a"
MODULE = "getGoods"
METHOD = "listCategories"
EXECUTION_ID = "58becb8059a65f18c5c60e41"
POLL_PATH = f"/v2/exec/poll/{EXECUTION_ID}"
RESULT_PATH = f"/v2/exec/result/{EXECUTION_ID}"
POLL_URL = f"{BASE_URL}{POLL_PATH}"

_PLACEHOLDERS = {
    "{WORKSPACE_ID}": WORKSPACE_ID,
    "{CREDENTIAL_ID}": CREDENTIAL_ID,
    "{MODULE}": MODULE,
    "{METHOD}": METHOD,
}


def docs(name: str) -> Any:
    """A docs example from ``tests/fixtures/executions``, its placeholders filled in."""
    text = json.dumps(load_fixture(f"executions/{name}.json"))
    for placeholder, value in _PLACEHOLDERS.items():
        text = text.replace(placeholder, value)
    return json.loads(text)


def body(request: httpx.Request) -> Any:
    """The request's JSON body."""
    return json.loads(request.content)


def accepted(location: str = f"'{POLL_URL}'", name: str = "verify_credential") -> httpx.Response:
    """The 202 that schedules an execution; the Location quoted as in the docs."""
    return httpx.Response(202, headers={"Location": location}, json=docs(f"{name}_accepted"))


def pending() -> httpx.Response:
    """The poll URL's "still running" answer."""
    return httpx.Response(200, json=docs("poll_pending"))


def ready(location: str = RESULT_PATH) -> httpx.Response:
    """The poll URL's 303 naming the result (relative, as in the docs)."""
    return httpx.Response(303, headers={"Location": location}, json=docs("poll_ready"))


def result(attributes: dict[str, Any] | None = None) -> httpx.Response:
    """The result URL's 200; ``attributes`` replace the docs example's when given."""
    document = docs("result")
    if attributes is not None:
        document["data"]["attributes"] = attributes
    return httpx.Response(200, json=document)


def not_ready() -> httpx.Response:
    """The result URL's 409: the result is not there yet."""
    return httpx.Response(409, json={"errors": [{"status": 409, "title": "Conflict"}]})
