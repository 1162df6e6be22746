"""How the synchronous client reads to a type checker: checked by ``mypy --strict
tests/typing``. Nothing here runs (no ``test_`` name; the function is never called)."""

from __future__ import annotations

from typing import assert_type

from elasticio import (
    Client,
    ExecutionResult,
    Flow,
    FlowVersion,
    Page,
    RawResponse,
    SyncExecution,
    SyncPaginator,
    User,
    V1Team,
)


def read_flows_synchronously() -> None:
    """Get a flow, walk its versions, list and page, wait for an execution."""
    with Client(email="me@example.com", api_key="my-api-key") as client:
        assert_type(client.flows.get("FLOW_ID"), Flow)
        assert_type(client.flows.stop("FLOW_ID", wait=True), Flow)
        assert_type(client.flows.stop("FLOW_ID"), Flow | None)
        flows = client.flows.list("WORKSPACE_ID")
        assert_type(flows, SyncPaginator[Flow])
        for flow in flows:
            assert_type(flow, Flow)
            assert_type(client.run(flow.versions()), list[FlowVersion])
        for page in flows.pages():
            assert_type(page, Page[Flow])
        assert_type(flows.collect(), list[Flow])
        execution = client.executions.verify_credential(
            "COMPONENT_ID", workspace_id="WORKSPACE_ID", fields={}
        )
        assert_type(execution, SyncExecution)
        assert_type(execution.result(timeout=60), ExecutionResult)
        assert_type(client.executions.wait(execution), ExecutionResult)
        assert_type(client.v1.teams.list(), list[V1Team])
        assert_type(client.with_raw_response(client.users.me), RawResponse[User])
        assert_type(client.with_options(max_retries=0), Client)
