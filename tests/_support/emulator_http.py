"""Talking to the emulator with plain httpx, as its own tests do (never the SDK, so that the
two cannot share a misunderstanding of the API), and reading its answers.

Example:
    >>> ref("workspace", "w1")
    {'data': {'type': 'workspace', 'id': 'w1'}}
"""

from __future__ import annotations

from typing import Any

import httpx

from elasticio.testing import Emulator

__all__ = ["data_of", "error_of", "http_client", "json_of", "ref", "v1_error_of"]


def http_client(emulator: Emulator, auth: tuple[str, str] | None) -> httpx.AsyncClient:
    """A plain httpx client wired to the emulator's app in process."""
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=emulator.app),
        base_url="http://127.0.0.1",
        auth=auth,
    )


def error_of(response: httpx.Response, status: int) -> dict[str, Any]:
    """The single JSON:API error object of an error response, its shape checked."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert list(body) == ["errors"]
    (error,) = body["errors"]
    assert error["status"] == status
    assert isinstance(error["title"], str)
    assert error["title"]
    assert isinstance(error["detail"], str)
    assert error["detail"]
    return dict(error)


def data_of(response: httpx.Response, status: int = 200) -> Any:
    """The ``data`` member of a successful JSON response."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()["data"]


def v1_error_of(response: httpx.Response, status: int) -> str:
    """The message of an API v1 error answer (``{"message": ...}``), its shape checked."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert isinstance(body, dict)
    assert isinstance(body.get("message"), str)
    assert body["message"]
    return str(body["message"])


def json_of(response: httpx.Response, status: int = 200) -> Any:
    """The plain JSON body of a successful API v1 answer."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


def ref(type: str, id: str) -> dict[str, Any]:
    """A to-one relationship for a request body: ``{"data": {"type": ..., "id": ...}}``."""
    return {"data": {"type": type, "id": id}}
