"""``client.executions``: scheduled executions: verify credential, dynamic metadata,
select model (API v2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack
from urllib.parse import unquote

import attrs
import httpx

from elasticio._catalog import Entry
from elasticio._catalog.v2 import (
    EXECUTIONS_DYNAMIC_METADATA,
    EXECUTIONS_POLL,
    EXECUTIONS_RESULT,
    EXECUTIONS_SELECT_MODEL,
    EXECUTIONS_VERIFY_CREDENTIAL,
)
from elasticio._errors import APIProtocolError, BadRequestError, DecodeError
from elasticio._http import RequestSpec, Response, build_request, same_origin_url
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
from elasticio.resources._base import Namespace, linked, request

__all__ = ["Executions"]


_READY = frozenset({303})  # the poll URL's "done, the result is over there"
_NOT_READY = frozenset({409})  # the result URL's "not yet"


def _location(response: Response) -> str:
    location = str(response.headers.get("location", "")).strip().strip("'\"").strip()
    if not location:
        raise DecodeError(
            f"the {response.status_code} response to {response.method} {response.url} "
            "has no Location header"
        )
    return location


def _target(base_url: httpx.URL, response: Response) -> httpx.URL:
    """The same-origin URL ``response``'s ``Location`` names.

    Raises:
        DecodeError: there is no ``Location``.
        ForeignOriginError: it names another origin.
        APIProtocolError: it is no valid URL (naming the response).
    """
    try:
        return same_origin_url(base_url, _location(response))
    except APIProtocolError as exc:
        raise APIProtocolError(
            f"the {response.status_code} response to {response.method} {response.url} "
            f"has an invalid Location: {exc}",
            method=response.method,
            url=response.url,
            status_code=response.status_code,
            retries_taken=response.retries_taken,
        ) from exc


def _at(entry: Entry, url: httpx.URL) -> RequestSpec:
    """``entry``'s request sent to ``url``, a same-origin URL the server handed out."""
    return RequestSpec(method=entry.method, url=url, codec=entry.codec)


def _last_segment(url: httpx.URL) -> str:
    """The execution id at the end of a poll URL's path."""
    path = url.raw_path.split(b"?", 1)[0].decode("ascii").rstrip("/")
    execution_id = unquote(path.rsplit("/", 1)[-1])
    if not execution_id:
        raise DecodeError(f"no execution id at the end of the poll URL {url}")
    return execution_id


@attrs.define
class _Progress:
    """Where one wait has got to: the result URL, once the poll URL has named it."""

    result_url: httpx.URL | None = None


class Executions(Namespace):
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
        spec = request(EXECUTIONS_POLL, execution_id=execution_id)
        url = build_request(self._client.base_url, spec, headers={}).url
        return Execution(id=execution_id, poll_url=url, api=self)

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
        policy = poll or self._client.poll_policy
        if timeout is not None:
            policy = attrs.evolve(policy, timeout=timeout)
        progress = _Progress()

        async def look() -> ExecutionResult | str:
            if progress.result_url is None:
                # The handle's URL: the schedule's Location, or get()'s EXECUTIONS_POLL path.
                polled = await self._client._send(
                    RequestSpec(method="GET", url=execution.poll_url), accept=_READY
                )
                if polled.status_code not in _READY:
                    return pending_status(polled.document)
                progress.result_url = _target(self._client.base_url, polled)
            return await self._fetch_result(execution.id, progress.result_url)

        outcome = await self._client.wait_until(
            look,
            lambda seen: isinstance(seen, ExecutionResult),
            what=f"execution {execution.id}",
            policy=policy,
        )
        if not isinstance(outcome, ExecutionResult):  # wait_until returns only when done
            raise AssertionError("unreachable: a wait ended without a result")
        return outcome

    async def _fetch_result(self, execution_id: str, url: httpx.URL) -> ExecutionResult | str:
        try:
            response = await self._client._send(_at(EXECUTIONS_RESULT, url), accept=_NOT_READY)
        except BadRequestError as exc:
            raise rejection(exc, execution_id) from exc
        if response.status_code in _NOT_READY:
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
        spec = request(
            entry, json=body, options=options, component_id=component_id, version=version
        )
        response = await self._client._send(spec)
        poll_url = _target(self._client.base_url, response)
        return Execution(id=_last_segment(poll_url), poll_url=poll_url, kind=kind, api=self)

    @staticmethod
    def _relationships(
        workspace_id: str, credential_id: str | Unset, vpn_agent_id: str | Unset
    ) -> dict[str, RelationshipValue]:
        return {
            "workspace": Identifier("workspace", workspace_id),
            "credential": linked("credential", credential_id),
            "vpn_agent": linked("vpn-agent", vpn_agent_id),
        }
