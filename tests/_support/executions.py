"""Ids, docs examples and canned platform answers for the executions' respx tests.

Example:
    >>> pending().status_code
    200
"""

from __future__ import annotations

from typing import Any

import httpx

from tests._support.components import COMPONENT_ID, REVISION, WORKSPACE_ID
from tests._support.docs import examples_of
from tests._support.offline import BASE_URL

__all__ = [
    "COMPONENT_ID",
    "CREDENTIAL_ID",
    "EXECUTION_ID",
    "METHOD",
    "MODULE",
    "POLL_PATH",
    "POLL_URL",
    "RESULT_PATH",
    "REVISION",
    "VPN_AGENT_ID",
    "WORKSPACE_ID",
    "accepted",
    "docs",
    "not_ready",
    "pending",
    "ready",
    "result",
]

CREDENTIAL_ID = "5a7c0c6b8b3f5e0011c4ed01"
VPN_AGENT_ID = "5a7c0c6b8b3f5e0011a9e701"
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


docs = examples_of("executions", _PLACEHOLDERS)
"""A docs example from ``tests/fixtures/executions`` by name, its placeholders filled in."""


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
