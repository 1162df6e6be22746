"""Scheduled executions: the handle that is polled, the result it ends in, and the rule
that tells a failed execution from a finished one."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final, Protocol

import attrs
import httpx

from elasticio._errors import APIError, DecodeError, ErrorObject, ExecutionFailedError, UsageError
from elasticio._literals import ExecutionKind
from elasticio.jsonapi import Document, Resource
from elasticio.models._declare import Model, model

if TYPE_CHECKING:
    from elasticio._polling import PollPolicy

__all__ = [
    "FAILED_STATUSES",
    "Execution",
    "ExecutionKind",
    "ExecutionResult",
    "ExecutionsAPI",
    "pending_status",
    "rejection",
    "result_resource",
]


FAILED_STATUSES: Final = frozenset({"failed", "failure", "error", "errored", "rejected"})
"""``status`` values (compared without case or surrounding blanks) that mean failure."""

_RESULT_TYPE = "execution-result"
_SUMMARY_KEYS = ("message", "detail", "title", "error")
_SUMMARY_MAX = 200


class ExecutionsAPI(Protocol):
    """What an `Execution` needs to wait for its result."""

    async def wait(
        self,
        execution: Execution,
        *,
        timeout: float | None = None,  # noqa: ASYNC109 - see Execution.result
        poll: PollPolicy | None = None,
    ) -> ExecutionResult: ...


@model("execution-result")
class ExecutionResult(Model):
    """The outcome of a finished scheduled execution.

    ``result`` is what the component returned (``data.attributes.result``): the
    credential check, the metadata, or the select options. ``document`` is the whole
    decoded response, for anything the model has no field for.

    Examples:
        >>> outcome = await client.executions.get("EXECUTION_ID").result()  # doctest: +SKIP
        >>> outcome.result  # doctest: +SKIP
        {'verified': True}
    """

    id: str
    result: Mapping[str, Any] = attrs.field(factory=dict)
    status: str | None = None

    @property
    def document(self) -> Document | None:
        """The decoded response the result came from (None for one built by hand)."""
        return None if self._binding is None else self._binding.document


@attrs.define
class _Memo:
    result: ExecutionResult | None = None
    # Callers waiting at once share one wait, rather than each fetching the result.
    lock: asyncio.Lock = attrs.field(factory=asyncio.Lock)


@attrs.frozen(kw_only=True)
class Execution:
    """A scheduled execution: a handle to wait on, made by ``client.executions``.

    ``id`` is the execution id, ``poll_url`` the same-origin URL that is polled, and
    ``kind`` what was asked (``None`` for a handle made from a bare id).

    Examples:
        >>> execution = await client.executions.verify_credential(  # doctest: +SKIP
        ...     "COMPONENT_ID", workspace_id="WORKSPACE_ID", fields={"apiKey": "..."}
        ... )
        >>> (await execution.result(timeout=60)).result  # doctest: +SKIP
        {'verified': True}
    """

    id: str
    poll_url: httpx.URL
    kind: ExecutionKind | None = None
    _api: ExecutionsAPI | None = attrs.field(default=None, eq=False, repr=False, alias="api")
    _memo: _Memo = attrs.field(factory=_Memo, eq=False, repr=False, init=False)

    async def result(
        self,
        # A deadline for the polling policy, on the client's (injectable) clock; an
        # asyncio.timeout around the call would cut a request off halfway instead.
        timeout: float | None = None,  # noqa: ASYNC109
        poll: PollPolicy | None = None,
    ) -> ExecutionResult:
        """Wait for the execution to finish and return its result.

        Polls ``poll_url`` under ``poll`` (default: the client's polling policy), with
        ``timeout`` seconds in all when given. Once obtained, the result is kept: the
        platform may hand a result out only once, so later calls return it without a
        request.

        Raises:
            ExecutionFailedError: the execution ended in failure; ``reason`` says why.
            PollTimeoutError: the result did not come in time.
            NotFoundError: the platform does not know the execution (or it expired).
            ForeignOriginError: the platform pointed the result at another origin.
        """
        if self._api is None:
            raise UsageError("Execution.result() needs a handle made by client.executions")
        async with self._memo.lock:
            if self._memo.result is None:
                self._memo.result = await self._api.wait(self, timeout=timeout, poll=poll)
            return self._memo.result


def pending_status(document: Document) -> str:
    """What a "still running" poll answer says about the execution, for messages."""
    data = document.data
    if isinstance(data, Resource):
        status = data.attributes.get("status")
        if isinstance(status, str) and status.strip():
            return status
    return "pending"


def _summary(reason: object) -> str:
    """A short, printable gist of a failure reason (the full one stays on the error)."""
    if isinstance(reason, Mapping):
        for key in _SUMMARY_KEYS:
            value = reason.get(key)
            if isinstance(value, str) and value.strip():
                return _summary(value)
        return ""
    if isinstance(reason, str):
        text = " ".join(reason.split())
        return text if len(text) <= _SUMMARY_MAX else text[: _SUMMARY_MAX - 1] + "…"
    if isinstance(reason, tuple) and reason and all(isinstance(e, ErrorObject) for e in reason):
        return _summary("; ".join(d for d in (e.describe() for e in reason) if d))
    return ""


def _failed(execution_id: str, reason: object) -> ExecutionFailedError:
    gist = _summary(reason)
    message = f"execution {execution_id} failed" + (f": {gist}" if gist else "")
    return ExecutionFailedError(message, execution_id=execution_id, reason=reason)


def _has_value(value: object) -> bool:
    """True for anything but null, false and empty strings, arrays and objects."""
    if value is None or value is False:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, Mapping | list | tuple):
        return bool(value)
    return True


def _failure_reason(attributes: Mapping[str, Any]) -> tuple[bool, object]:
    """Whether a finished execution's attributes report failure, and the reason given."""
    error = attributes.get("error")
    status = attributes.get("status")
    failed_status = isinstance(status, str) and status.strip().lower() in FAILED_STATUSES
    if not _has_value(error) and not failed_status:
        return False, None
    for candidate in (attributes.get("reason"), error, attributes.get("result"), status):
        if _has_value(candidate):
            return True, candidate
    return True, None


def result_resource(document: Document, execution_id: str) -> Resource:
    """The resource of a finished execution's result document, once the document is
    checked not to report a failure.

    The platform documents no shape for a failed execution in API v2, so this rule is
    deliberately wide. The execution failed when the document

    * carries top-level ``errors`` (reason: the error objects), or
    * has a ``data.attributes.error`` that is not null, false or empty, or
    * has a ``data.attributes.status`` of ``failed``, ``failure``, ``error``,
      ``errored`` or ``rejected`` (any case).

    The reason is the first non-empty of ``reason``, ``error``, ``result`` and
    ``status``. A component's own answer inside ``result`` (such as a credential check
    that says "not verified") is a result, not a failure.

    Examples:
        >>> document = Document.parse({"data": {"type": "execution-result", "id": "E1"}})
        >>> result_resource(document, "E1")
        Resource(type='execution-result', id='E1')

    Raises:
        ExecutionFailedError: the document reports failure.
        DecodeError: the document holds no resource.
    """
    if document.errors:
        raise _failed(execution_id, document.errors)
    data = document.data
    if not isinstance(data, Resource):
        raise DecodeError(f"expected one {_RESULT_TYPE!r} resource", pointer="/data")
    failed, reason = _failure_reason(data.attributes)
    if failed:
        raise _failed(execution_id, reason)
    return data


def rejection(error: APIError, execution_id: str) -> ExecutionFailedError:
    """The failure a 400 at the result URL stands for.

    API v1 answered a failed execution with ``400 {"message": "Rejected.", "reason":
    {...}}``; the reason is that ``reason`` member when present, else the error objects,
    else the body's text.
    """
    errors = error.errors
    if len(errors) == 1 and "reason" in errors[0].meta:
        return _failed(execution_id, errors[0].meta["reason"])
    if errors:
        return _failed(execution_id, errors)
    text = error.body.decode("utf-8", errors="replace").strip()
    return _failed(execution_id, text or None)
