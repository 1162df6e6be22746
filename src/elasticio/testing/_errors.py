"""Error answers: one exception type carrying a status, and the JSON:API body it becomes.

A handler raises :class:`ReplyError` (usually through one of the helpers below); the app turns
it into ``{"errors": [{"status": <int>, "title": ..., "detail": ...}]}`` with the status
code and ``Content-Type: application/json``, the shape of the API's OpenAPI draft.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

__all__ = [
    "ReplyError",
    "bad_request",
    "conflict",
    "forbidden",
    "not_found",
    "unauthorized",
]


class ReplyError(Exception):
    """An error answer to one request."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        parameter: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status}: {detail}")
        self.status = status
        self.title = HTTPStatus(status).phrase
        self.detail = detail
        self.parameter = parameter
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"status": self.status, "title": self.title, "detail": self.detail}
        if self.parameter is not None:
            error["source"] = {"parameter": self.parameter}
        return {"errors": [error]}


def bad_request(detail: str, *, parameter: str | None = None) -> ReplyError:
    return ReplyError(400, detail, parameter=parameter)


def unauthorized(detail: str) -> ReplyError:
    return ReplyError(401, detail)


def forbidden(detail: str = "You need a permission to access this resource.") -> ReplyError:
    return ReplyError(403, detail)


def not_found(kind: str, identifier: str) -> ReplyError:
    return ReplyError(404, f"{kind} {identifier!r} not found")


def conflict(detail: str) -> ReplyError:
    return ReplyError(409, detail)
