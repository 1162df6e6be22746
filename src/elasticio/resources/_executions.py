"""``client.executions``: scheduled executions: verify credential, dynamic metadata,
select model (API v2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

import httpx

from elasticio._catalog import Entry
from elasticio._catalog.v2 import (
    EXECUTIONS_DYNAMIC_METADATA,
    EXECUTIONS_POLL,
    EXECUTIONS_RESULT,
    EXECUTIONS_SELECT_MODEL,
    EXECUTIONS_VERIFY_CREDENTIAL,
)
from elasticio._errors import BadRequestError
from elasticio._http import Response
from elasticio._options import CallOptions
from elasticio._polling import PollPolicy
from elasticio.jsonapi import UNSET, Identifier, RelationshipValue, Unset
from elasticio.models._declare import structure
from elasticio.models._executions import (
    Execution,
    ExecutionKind,
    ExecutionResult,
    pending_status,
    rejection,
    result_resource,
)
from elasticio.resources._base import linked
from elasticio.resources._waiting import NOT_READY, ExecutionWaiter, at

__all__ = ["Executions"]


class Executions(ExecutionWaiter):
    """Scheduled executions: a component's credential check, metadata or select model,
    run on a worker and waited for.

    Each call schedules the execution and returns an [`Execution`][elasticio.Execution]
    at once; ``await execution.result()`` polls until it is done.

    Examples:
        >>> execution = await client.executions.select_model(  # doctest: +SKIP
        ...     "COMPONENT_ID", "latest", workspace_id="WORKSPACE_ID",
        ...     module="createPetWithPromise", method="listCategories", fields={},
        ...     credential_id="CREDENTIAL_ID",
        ... )
        >>> options = (await execution.result()).result  # doctest: +SKIP
    """

    async def verify_credential(
        self,
        component_id: str,
        version: str = "latest",
        *,
        workspace_id: str,
        fields: Mapping[str, Any],
        vpn_agent_id: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Execution:
        """Schedule a check of credential ``fields`` against a component version
        (needs ``workspaces.credential.edit``).

        Examples:
            >>> execution = await client.executions.verify_credential(
            ...     "COMPONENT_ID", workspace_id="WORKSPACE_ID", fields={"apiKey": "..."}
            ... )
            >>> (await execution.result()).result
            {'verified': True}
        """
        body = self._body(
            EXECUTIONS_VERIFY_CREDENTIAL,
            attributes={"fields": dict(fields)},
            relationships={
                "workspace": Identifier("workspace", workspace_id),
                "vpn_agent": linked("vpn-agent", vpn_agent_id),
            },
        )
        return await self._schedule(
            EXECUTIONS_VERIFY_CREDENTIAL,
            "verify-credential",
            body,
            component_id,
            version,
            options=options,
        )

    async def dynamic_metadata(
        self,
        component_id: str,
        version: str,
        *,
        workspace_id: str,
        module: str,
        fields: Mapping[str, Any],
        credential_id: str | Unset = UNSET,
        vpn_agent_id: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Execution:
        """Schedule the metadata (in and out schemas) of ``module`` configured with
        ``fields`` (needs ``workspaces.flow.edit``).

        Examples:
            >>> execution = await client.executions.dynamic_metadata(
            ...     "COMPONENT_ID",
            ...     "latest",
            ...     workspace_id="WORKSPACE_ID",
            ...     module="createPetWithPromise",
            ...     fields={"status": "available"},
            ...     credential_id="CREDENTIAL_ID",
            ... )
            >>> metadata = (await execution.result()).result  # {"in": {...}, "out": {...}}
        """
        body = self._body(
            EXECUTIONS_DYNAMIC_METADATA,
            attributes={"module": module, "fields": dict(fields)},
            relationships=self._relationships(workspace_id, credential_id, vpn_agent_id),
        )
        return await self._schedule(
            EXECUTIONS_DYNAMIC_METADATA,
            "dynamic-metadata",
            body,
            component_id,
            version,
            options=options,
        )

    async def select_model(
        self,
        component_id: str,
        version: str,
        *,
        workspace_id: str,
        module: str,
        method: str,
        fields: Mapping[str, Any],
        credential_id: str | Unset = UNSET,
        vpn_agent_id: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Execution:
        """Schedule ``method`` of ``module``, which lists the options of a select field
        (needs ``workspaces.flow.edit``).

        Examples:
            >>> execution = await client.executions.select_model(
            ...     "COMPONENT_ID",
            ...     "latest",
            ...     workspace_id="WORKSPACE_ID",
            ...     module="createPetWithPromise",
            ...     method="listCategories",
            ...     fields={},
            ...     credential_id="CREDENTIAL_ID",
            ... )
            >>> options = (await execution.result(timeout=60)).result
        """
        body = self._body(
            EXECUTIONS_SELECT_MODEL,
            attributes={"module": module, "method": method, "fields": dict(fields)},
            relationships=self._relationships(workspace_id, credential_id, vpn_agent_id),
        )
        return await self._schedule(
            EXECUTIONS_SELECT_MODEL, "select-model", body, component_id, version, options=options
        )

    def get(self, execution_id: str) -> Execution:
        """A handle for an execution scheduled earlier, by its id (no request is made).

        Examples:
            >>> result = await client.executions.get("EXECUTION_ID").result()  # doctest: +SKIP
        """
        return self._handle(EXECUTIONS_POLL, execution_id)

    async def wait(
        self,
        execution: Execution,
        *,
        timeout: float | None = None,  # noqa: ASYNC109 - see Execution.result
        poll: PollPolicy | None = None,
    ) -> ExecutionResult:
        """Poll until ``execution`` is done: what
        [`Execution.result`][elasticio.Execution.result] does.

        A "still running" answer (200 at the poll URL, 409 at the result URL) is not a
        retry: it only leads to the next look, under ``poll`` (default the client's
        polling policy) and ``timeout`` seconds in all. The ``Location`` of the poll
        URL's 303 is resolved against the base URL and refused when it names another
        origin, so the credentials never travel there.

        Examples:
            >>> execution = await client.executions.verify_credential(
            ...     "COMPONENT_ID", workspace_id="WORKSPACE_ID", fields={"apiKey": "..."}
            ... )
            >>> result = await client.executions.wait(execution, timeout=60)
        """
        return await self._wait(execution, timeout=timeout, poll=poll)

    def _pending(self, response: Response) -> str:
        return pending_status(response.document)

    async def _fetch_result(self, execution_id: str, url: httpx.URL) -> ExecutionResult | str:
        try:
            response = await self._client._send(at(EXECUTIONS_RESULT, url), accept=NOT_READY)
        except BadRequestError as exc:
            raise rejection(exc, execution_id) from exc
        if response.status_code in NOT_READY:
            return "the result is not ready yet"
        document = response.document
        resource = result_resource(document, execution_id)
        # The execution's id stands in for a result resource sent without one.
        return structure(
            ExecutionResult,
            document,
            resource,
            api=self,
            context={"id": execution_id},
            request_id=response.request_id,
        )

    async def _schedule(
        self,
        entry: Entry,
        kind: ExecutionKind,
        body: Any,
        component_id: str,
        version: str,
        options: CallOptions,
    ) -> Execution:
        return await self._scheduled(
            entry, kind, body, options, component_id=component_id, version=version
        )

    @staticmethod
    def _relationships(
        workspace_id: str, credential_id: str | Unset, vpn_agent_id: str | Unset
    ) -> dict[str, RelationshipValue]:
        return {
            "workspace": Identifier("workspace", workspace_id),
            "credential": linked("credential", credential_id),
            "vpn_agent": linked("vpn-agent", vpn_agent_id),
        }
