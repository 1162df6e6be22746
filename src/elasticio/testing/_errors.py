"""Error answers: one exception type carrying a status, and the JSON:API body it becomes.

A handler raises `ReplyError` (usually through one of the helpers below); the app turns
it into ``{"errors": [{"status": <int>, "title": ..., "detail": ...}]}`` with the status
code and ``Content-Type: application/json``, the shape of the API's OpenAPI draft. An error
about a query parameter names it in ``source.parameter``, one about a member of the
request body in ``source.pointer`` (``/data/attributes/name``).

API v1 answers errors in plain JSON, ``{"message": <detail>}`` and any ``extra`` members
(``{"message": "Rejected.", "reason": ...}``); `ReplyError.plain_body` is that form.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

__all__ = [
    "NoSuchRecordError",
    "ReplyError",
    "bad_request",
    "conflict",
    "forbidden",
    "invalid",
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
        pointer: str | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.title = HTTPStatus(status).phrase
        self.detail = detail
        self.parameter = parameter
        self.pointer = pointer
        self.headers = headers or {}
        self.extra = extra or {}

    def __str__(self) -> str:
        return f"{self.status}: {self.detail}"

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"status": self.status, "title": self.title, "detail": self.detail}
        if self.parameter is not None:
            error["source"] = {"parameter": self.parameter}
        elif self.pointer is not None:
            error["source"] = {"pointer": self.pointer}
        return {"errors": [error]}

    def plain_body(self) -> dict[str, Any]:
        """The error as API v1 writes it.

        Examples:
            >>> ReplyError(400, "Rejected.", extra={"reason": "bad key"}).plain_body()
            {'message': 'Rejected.', 'reason': 'bad key'}
        """
        return {"message": self.detail, **self.extra}


class NoSuchRecordError(ReplyError, KeyError):
    """No record of a kind has the id: a 404 for a handler, and a `KeyError` for code
    that reads the platform's tables as the mappings they are.

    Examples:
        >>> str(NoSuchRecordError("flow", "f1"))
        "404: no such flow: 'f1'"
    """

    def __init__(self, label: str, identifier: str) -> None:
        super().__init__(404, f"no such {label}: {identifier!r}")


def bad_request(detail: str, *, parameter: str | None = None) -> ReplyError:
    return ReplyError(400, detail, parameter=parameter)


def invalid(pointer: str, problem: str) -> ReplyError:
    """A 400 about one member of the request body, named in the detail and the pointer.

    Examples:
        >>> invalid("/data/attributes/name", "is required").detail
        'data.attributes.name is required'
    """
    return ReplyError(400, f"{pointer.strip('/').replace('/', '.')} {problem}", pointer=pointer)


def unauthorized(detail: str) -> ReplyError:
    return ReplyError(401, detail)


def forbidden(detail: str = "You need a permission to access this resource.") -> ReplyError:
    return ReplyError(403, detail)


def conflict(detail: str) -> ReplyError:
    return ReplyError(409, detail)
