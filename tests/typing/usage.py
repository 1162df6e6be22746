"""How the SDK reads to a type checker: checked by ``mypy --strict tests/typing``.

Nothing here runs: pytest does not collect this file (no ``test_`` name), and every
statement sits in an async function that is never called.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, assert_type

from elasticio import (
    AsyncClient,
    Component,
    ComponentAccess,
    ComponentDescriptor,
    ComponentEnv,
    ComponentVersion,
    DecodeError,
    ElasticioError,
    Flow,
    FlowSort,
    FlowStatus,
    Include,
    Page,
    Paginator,
    RateLimitError,
    RawResponse,
    RetryPolicy,
    User,
)
from elasticio.jsonapi import Document, Resource


async def list_components_and_walk_to_a_descriptor() -> None:
    """List a contract's components, then follow each to its latest descriptor."""
    async with AsyncClient(email="me@example.com", api_key="my-api-key") as client:
        assert_type(client, AsyncClient)
        components = client.components.list(contract_id="CONTRACT_ID", access="private")
        assert_type(components, Paginator[Component])
        async for component in components:
            assert_type(component, Component)
            assert_type(component.name, str | None)
            assert_type(component.whitelisted_contract_ids, tuple[str, ...])
            latest = component.latest_version
            assert_type(latest, ComponentVersion | None)
            if latest is not None:
                assert_type(latest.date, datetime | None)
                descriptor = await latest.descriptor()
                assert_type(descriptor, ComponentDescriptor)
                assert_type(descriptor.actions, Mapping[str, Any])
            assert_type(await component.versions(), list[ComponentVersion])
            assert_type(await component.descriptor(), ComponentDescriptor)


async def page_by_page_and_all_at_once(client: AsyncClient) -> None:
    """Pages, collect(), and the single-resource calls."""
    async for page in client.components.list_all().pages():
        assert_type(page, Page[Component])
        assert_type(page.items, tuple[Component, ...])
        assert_type(page.number, int)
        assert_type(page.document, Document)
    everything = await client.components.list_in_workspace("WORKSPACE_ID").collect()
    assert_type(everything, list[Component])
    component = await client.components.get("COMPONENT_ID", workspace_id="WORKSPACE_ID")
    assert_type(component, Component)
    versions = await client.components.versions(component.id)
    assert_type(versions, list[ComponentVersion])
    descriptor = await client.components.descriptor(component.id, versions[0].id)
    assert_type(descriptor, ComponentDescriptor)
    env = await client.components.set_env(component.id, {"API_URL": "https://example.com"})
    assert_type(env, ComponentEnv)
    assert_type(env.vars, Mapping[str, Any])
    await client.components.docker_pull(component.id)
    await client.components.docker_pull(component.id, revision=None)
    await client.components.delete_version(component.id, "latest")


async def back_off_when_rate_limited(client: AsyncClient) -> float | None:
    """Catch the 429 error and read how long the server asked us to wait."""
    patient = client.with_options(retry=RetryPolicy(max_retries=0))
    try:
        await patient.components.get("COMPONENT_ID")
    except RateLimitError as exc:
        assert_type(exc.retry_after, float | None)
        assert_type(exc.status_code, int)
        return exc.retry_after
    except ElasticioError:
        raise
    return None


def follow_a_relationship_by_hand(body: bytes) -> str | None:
    """Decode a JSON:API document and follow one relationship within it."""
    try:
        document = Document.parse(body)
    except DecodeError as exc:
        assert_type(exc.pointer, str)
        return None
    assert_type(document, Document)
    data = document.data
    assert_type(data, Resource | tuple[Resource, ...] | None)
    if not isinstance(data, Resource):
        return None
    related = document.related(data, "latest_version")
    assert_type(related, Resource | list[Resource] | None)
    if isinstance(related, Resource):
        assert_type(related.attributes, Mapping[str, Any])
        return related.id
    return None


async def read_the_raw_response(client: AsyncClient) -> None:
    """A typed call's HTTP answer beside its value, typed by the method it wraps."""
    raw = await client.with_raw_response(client.users.get, "USER_ID")
    assert_type(raw, RawResponse[User])
    assert_type(raw.parse(), User)
    assert_type(raw.request_id, str | None)
    assert_type(raw.status_code, int)


async def annotate_with_the_exported_literals(client: AsyncClient) -> None:
    """The Literal aliases users annotate their own values with are public."""
    sort: FlowSort = "-created_at"
    status: FlowStatus = "active"
    access: ComponentAccess = "private"
    include: Include = "members"
    async for flow in client.flows.list("WORKSPACE_ID", sort=sort, status=status, timeout=5):
        assert_type(flow, Flow)
    assert_type(client.components.list(contract_id="C", access=access), Paginator[Component])
    await client.contracts.get("CONTRACT_ID", include=include)
