"""``client.v1.exec``: component executions scheduled through API v1 (credential
checks, metadata, select models), waited for with the same handle as API v2's."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Unpack

import httpx

from elasticio._catalog.v1 import V1_EXEC_POLL, V1_EXEC_RESULT, V1_EXEC_SCHEDULE
from elasticio._errors import BadRequestError, DecodeError
from elasticio._http import Response
from elasticio._literals import ExecutionKind, V1ExecutionType
from elasticio._options import CallOptions
from elasticio._polling import PollPolicy
from elasticio.jsonapi import UNSET, Unset
from elasticio.models._executions import Execution, ExecutionResult, rejection
from elasticio.resources._waiting import NOT_READY, ExecutionWaiter, at

__all__ = ["V1Exec"]

_KINDS: Final[Mapping[str, ExecutionKind]] = {
    "verify_credentials": "verify-credential",
    "get_meta_model": "dynamic-metadata",
    "select_model": "select-model",
}


class V1Exec(ExecutionWaiter):
    """Executions in API v1: ``schedule`` returns an [`Execution`][elasticio.Execution]
    at once, and ``await execution.result()`` polls ``/v1/exec/poll/{id}`` until the
    result is there. A v1 result is handed out once: a second handle on a fetched or
    expired result gets a `NotFoundError` (``Result does not exist.``, ``Expired.``);
    a failed execution is an `ExecutionFailedError` with the platform's ``reason``."""

    _poll_codec = "plain"

    async def schedule(
        self,
        execution_type: V1ExecutionType,
        component: str,
        *,
        account_data: Mapping[str, Any] | Unset = UNSET,
        account_id: str | Unset = UNSET,
        action_or_trigger: str | Unset = UNSET,
        model_method: str | Unset = UNSET,
        cfg: Mapping[str, Any] | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Execution:
        """Schedule ``execution_type`` on the latest build of ``component`` (its id):
        ``verify_credentials`` with ``account_data``; ``get_meta_model`` of
        ``action_or_trigger`` with ``account_id`` (and ``cfg``); ``select_model``, the
        same and ``model_method``.

        Examples:
            >>> execution = await client.v1.exec.schedule(
            ...     "verify_credentials", "COMPONENT_ID", account_data={"apiKey": "..."}
            ... )
            >>> (await execution.result()).result
            {'verified': True}
        """
        given = {
            "account_data": account_data,
            "account_id": account_id,
            "action_or_trigger": action_or_trigger,
            "model_method": model_method,
            "cfg": cfg,
        }
        body: dict[str, Any] = {"execution_type": execution_type, "component": component}
        body.update({name: value for name, value in given.items() if not isinstance(value, Unset)})
        return await self._scheduled(V1_EXEC_SCHEDULE, _KINDS.get(execution_type), body, options)

    def get(self, execution_id: str) -> Execution:
        """A handle for an execution scheduled earlier, by its id (no request is made).

        Examples:
            >>> result = await client.v1.exec.get("EXECUTION_ID").result()
        """
        return self._handle(V1_EXEC_POLL, execution_id)

    async def wait(
        self,
        execution: Execution,
        *,
        timeout: float | None = None,  # noqa: ASYNC109 - see Execution.result
        poll: PollPolicy | None = None,
    ) -> ExecutionResult:
        """Poll until ``execution`` is done and fetch its result (once): what
        [`Execution.result`][elasticio.Execution.result] does.

        The poll URL's 200 leads to the next look, under ``poll`` (default the client's
        polling policy) and ``timeout`` seconds in all; its 303's ``Location`` is
        resolved against the base URL and refused on another origin.

        Examples:
            >>> execution = await client.v1.exec.schedule(
            ...     "verify_credentials", "COMPONENT_ID", account_data={"apiKey": "..."}
            ... )
            >>> result = await client.v1.exec.wait(execution, timeout=60)
        """
        return await self._wait(execution, timeout=timeout, poll=poll)

    def _pending(self, response: Response) -> str:
        found = response.json.get("message") if isinstance(response.json, dict) else None
        return found if isinstance(found, str) and found.strip() else "pending"

    async def _fetch_result(self, execution_id: str, url: httpx.URL) -> ExecutionResult | str:
        try:
            response = await self._client._send(at(V1_EXEC_RESULT, url), accept=NOT_READY)
        except BadRequestError as exc:
            raise rejection(exc, execution_id) from exc
        if response.status_code in NOT_READY:
            return "the result is not ready yet"
        value = response.json
        data = value.get("data") if isinstance(value, dict) else None
        if not isinstance(data, dict):
            raise DecodeError(
                f"expected an object in the answer to GET {response.url}", pointer="/data"
            )
        return ExecutionResult(id=execution_id, result=data)
