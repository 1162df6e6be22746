"""Flows: the list with its filters, search, sort and pages; get, create, update, delete,
copy; versions. The SDK's answers are checked against the emulator's records."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest

from elasticio import AsyncClient, FlowEdge, FlowGraph, FlowNode, FlowSort, NotFoundError
from elasticio.testing import Emulator, Seed
from elasticio.testing._areas.flows.store import FlowRecord
from tests._support.rig import Rig

GRAPH: dict[str, Any] = {
    "nodes": [
        {"id": "step_1", "command": "elasticio/timer:timer", "fields": {"interval": "hour"}},
        {"id": "step_2", "command": "acme-dev/petstore:createPetWithPromise"},
    ],
    "edges": [{"source": "step_1", "target": "step_2", "config": {"mapper": {"name": "name"}}}],
}


def timer_to_email() -> FlowGraph:
    """A typed graph: an hourly timer feeding an email step."""
    return FlowGraph(
        nodes=(
            FlowNode(id="step_1", command="elasticio/timer:timer", fields={"interval": "hour"}),
            FlowNode(id="step_2", command="elasticio/email:send"),
        ),
        edges=(FlowEdge(source="step_1", target="step_2", config={"mapper": {"to": '"a@b.c"'}}),),
    )


def stored_flows(emulator: Emulator, workspace_id: str | None = None) -> list[FlowRecord]:
    """The workspace's flows in the platform's default order (by id)."""
    wanted = workspace_id or emulator.seed.workspace_id
    flows = [f for f in emulator.platform.flows.values() if f.workspace_id == wanted]
    return sorted(flows, key=lambda f: f.id)


# -- list ----------------------------------------------------------------------------------


async def test_list_pages_through_the_workspace(client: AsyncClient, emulator: Emulator) -> None:
    """flows.list() yields all 200 flows of the shared workspace, 50 a page, by id."""
    flows = await client.flows.list(emulator.seed.workspace_id).collect()
    assert [f.id for f in flows] == [f.id for f in stored_flows(emulator)]
    assert len(flows) == 200
    assert client.stats.requests == 4


async def test_list_with_a_page_size(client: AsyncClient, emulator: Emulator) -> None:
    """page_size=30 gives seven pages for the private workspace's 100 flows."""
    paginator = client.flows.list(emulator.seed.private_workspace_id, page_size=30)
    pages = [page async for page in paginator.pages()]
    assert [len(p.items) for p in pages] == [30, 30, 30, 10]
    flat = [f.id for p in pages for f in p.items]
    assert flat == [f.id for f in stored_flows(emulator, emulator.seed.private_workspace_id)]


async def test_list_pages_through_a_whole_workspace(
    client: AsyncClient, emulator: Emulator, rig: Rig
) -> None:
    """With page_size 30 every flow of the workspace comes back, once, in as many pages."""
    expected = {
        f.id
        for f in emulator.platform.flows.values()
        if f.workspace_id == emulator.seed.workspace_id
    }
    flows = await client.flows.list(emulator.seed.workspace_id, page_size=30).collect()
    assert len(flows) == len(expected)
    assert {f.id for f in flows} == expected
    assert len(rig.log()) == math.ceil(len(expected) / 30)


FILTERS: list[tuple[str, dict[str, Any], Callable[[FlowRecord, Seed], bool]]] = [
    ("active", {"status": "active"}, lambda f, s: f.status == "active"),
    ("inactive", {"status": "inactive"}, lambda f, s: f.status == "inactive"),
    ("long-running", {"type": "long_running"}, lambda f, s: f.type == "long_running"),
    ("by-guest", {"user_id": "guest"}, lambda f, s: f.user_id == s.guest.id),
    ("with-draft", {"has_draft": True}, lambda f, s: f.draft is not None),
    ("without-draft", {"has_draft": False}, lambda f, s: f.draft is None),
    (
        "search",
        {"search": "shopify"},
        lambda f, s: "shopify" in f.name.lower() or "shopify" in (f.description or "").lower(),
    ),
    (
        "search-description",
        {"search": "Webhook-driven"},
        lambda f, s: "webhook-driven" in (f.description or "").lower(),
    ),
    (
        "combined",
        {"status": "active", "type": "ordinary", "search": "sync"},
        lambda f, s: f.status == "active" and f.type == "ordinary" and "sync" in f.name,
    ),
    (
        "by-component",
        {"component_id": "email"},
        lambda f, s: s.component_ids["email"] in f.component_ids,
    ),
]


@pytest.mark.parametrize(
    ("filters", "keep"), [(f, k) for _, f, k in FILTERS], ids=[name for name, _, _ in FILTERS]
)
async def test_list_filters(
    client: AsyncClient,
    emulator: Emulator,
    filters: dict[str, Any],
    keep: Callable[[FlowRecord, Seed], bool],
) -> None:
    """Each filter of flows.list() keeps exactly the flows the platform's records say."""
    seed = emulator.seed
    arguments = dict(filters)
    if arguments.get("user_id") == "guest":
        arguments["user_id"] = seed.guest.id
    if "component_id" in arguments:
        arguments["component_id"] = seed.component_ids[arguments["component_id"]]
    flows = await client.flows.list(seed.workspace_id, **arguments).collect()
    expected = [f.id for f in stored_flows(emulator) if keep(f, seed)]
    assert expected  # the filter is not vacuous
    assert [f.id for f in flows] == expected


@pytest.mark.parametrize("sort", ["name", "-name", "created_at", "-created_at", "-updated_at"])
async def test_list_sorted(client: AsyncClient, emulator: Emulator, sort: FlowSort) -> None:
    """sort= orders by the field (ties by id), "-" for descending, across every page."""
    flows = await client.flows.list(emulator.seed.private_workspace_id, sort=sort).collect()
    field = sort.removeprefix("-")
    expected = sorted(
        stored_flows(emulator, emulator.seed.private_workspace_id),
        key=lambda f: (getattr(f, field), f.id),
        reverse=sort.startswith("-"),
    )
    assert [f.id for f in flows] == [f.id for f in expected]


async def test_list_filters_by_status_type_user_and_draft(
    client: AsyncClient, emulator: Emulator
) -> None:
    """Each filter gives exactly the workspace's flows the platform holds with that property."""
    workspace_id = emulator.seed.workspace_id
    guest_id = emulator.seed.guest.id
    held = [f for f in emulator.platform.flows.values() if f.workspace_id == workspace_id]

    async def ids(**filters: Any) -> set[str]:
        return {f.id async for f in client.flows.list(workspace_id, **filters)}

    active = {f.id for f in held if f.status == "active"}
    long_running = {f.id for f in held if f.type == "long_running"}
    by_guest = {f.id for f in held if f.user_id == guest_id}
    drafted = {f.id for f in held if f.draft is not None}
    assert all((active, long_running, by_guest, drafted))
    assert await ids(status="active") == active
    assert await ids(type="long_running") == long_running
    assert await ids(user_id=guest_id) == by_guest
    assert await ids(has_draft=True) == drafted
    assert await ids(has_draft=False) == {f.id for f in held} - drafted


async def test_list_searches_and_sorts(client: AsyncClient, emulator: Emulator) -> None:
    """search matches names and descriptions; sort=-name gives names in reverse order."""
    found = await client.flows.list(
        emulator.seed.workspace_id, search="SHOPIFY", sort="-name"
    ).collect()
    assert found
    assert all(
        "shopify" in (f.name or "").lower() or "shopify" in (f.description or "").lower()
        for f in found
    )
    names = [f.name or "" for f in found]
    assert names == sorted(names, reverse=True)


# -- get, create, update, delete -----------------------------------------------------------


async def test_get(client: AsyncClient, emulator: Emulator) -> None:
    """flows.get() returns the flow's attributes, graph and relationships."""
    stored = emulator.platform.flows[emulator.seed.flow_id]
    flow = await client.flows.get(stored.id)
    assert (flow.name, flow.description, flow.type) == (
        stored.name,
        stored.description,
        stored.type,
    )
    assert (flow.status, flow.current_status, flow.is_settled) == ("inactive", "inactive", True)
    assert (flow.workspace_id, flow.user_id) == (stored.workspace_id, stored.user_id)
    assert flow.latest_version_id == stored.versions[-1].id
    assert stored.draft is not None
    assert flow.draft_id == stored.draft.id
    assert flow.graph is not None
    assert flow.graph.to_json() == stored.graph


async def test_create(client: AsyncClient, emulator: Emulator) -> None:
    """flows.create() stores an inactive flow with one version; commands name components."""
    flow = await client.flows.create(
        emulator.seed.private_workspace_id,
        "Nightly pets",
        graph=GRAPH,
        description="Adds a pet every hour",
        nodes_config={"step_2": {"replicas": 2}},
    )
    stored = emulator.platform.flows[flow.id]
    assert (stored.name, stored.description, stored.workspace_id, stored.user_id) == (
        "Nightly pets",
        "Adds a pet every hour",
        emulator.seed.private_workspace_id,
        emulator.seed.owner.id,
    )
    assert (flow.status, flow.current_status) == ("inactive", "inactive")
    assert len(stored.versions) == 1
    assert flow.latest_version_id == stored.versions[0].id
    assert flow.nodes_config == {"step_2": {"replicas": 2}}
    assert flow.graph is not None
    assert [n.component_id for n in flow.graph.nodes] == [
        emulator.seed.component_ids["timer"],
        emulator.seed.component_ids["petstore"],
    ]
    assert [e.id for e in flow.graph.edges] == ["mapper:step_1:step_2"]


async def test_create_from_a_flow_graph(client: AsyncClient, emulator: Emulator) -> None:
    """A FlowGraph read from one flow creates another with the same steps."""
    source = await client.flows.get(emulator.seed.flow_id)
    assert source.graph is not None
    flow = await client.flows.create(emulator.seed.workspace_id, "Clone", graph=source.graph)
    assert emulator.platform.flows[flow.id].graph == source.graph.to_json()
    assert isinstance(flow.graph, FlowGraph)


async def test_update_saves_a_new_version(client: AsyncClient, emulator: Emulator) -> None:
    """flows.update() changes only what is given and makes a new latest version."""
    stored = emulator.platform.flows[emulator.seed.flow_id]
    graph_before = stored.graph
    flow = await client.flows.update(stored.id, name="Renamed", cron="*/5 * * * *")
    assert (stored.name, stored.cron, stored.graph) == ("Renamed", "*/5 * * * *", graph_before)
    assert len(stored.versions) == 2
    assert flow.latest_version_id == stored.versions[-1].id
    assert (flow.name, flow.cron) == ("Renamed", "*/5 * * * *")
    latest = await flow.latest_version()
    assert (latest.id, latest.name) == (stored.versions[-1].id, "Renamed")


async def test_update_with_null_clears(client: AsyncClient, emulator: Emulator) -> None:
    """description=None sends null and clears the description."""
    flow = await client.flows.update(emulator.seed.flow_id, description=None)
    assert flow.description is None
    assert emulator.platform.flows[emulator.seed.flow_id].description is None


async def test_delete(client: AsyncClient, emulator: Emulator) -> None:
    """flows.delete() removes the flow; reading it again is a 404."""
    await client.flows.delete(emulator.seed.flow_id)
    assert emulator.seed.flow_id not in emulator.platform.flows
    with pytest.raises(NotFoundError):
        await client.flows.get(emulator.seed.flow_id)


async def test_create_get_update_delete(client: AsyncClient, emulator: Emulator) -> None:
    """A flow made with a typed graph can be read, changed (a new version) and deleted."""
    created = await client.flows.create(
        emulator.seed.workspace_id,
        "Hourly report",
        graph=timer_to_email(),
        description="Sends the report",
        nodes_config={"step_2": {"prefetch": 2, "log_level": "debug"}},
    )
    assert (created.status, created.current_status, created.type) == (
        "inactive",
        "inactive",
        "ordinary",
    )
    assert created.workspace_id == emulator.seed.workspace_id
    assert created.user_id == emulator.seed.owner.id
    assert created.graph is not None
    email = created.graph.node("step_2")
    assert email is not None
    assert email.component_id == emulator.seed.component_ids["email"]
    assert created.graph.edges[0].id == "mapper:step_1:step_2"

    fetched = await client.flows.get(created.id)
    assert fetched == created

    updated = await client.flows.update(created.id, name="Daily report", cron="0 6 * * *")
    assert (updated.name, updated.cron, updated.description) == (
        "Daily report",
        "0 6 * * *",
        "Sends the report",
    )
    assert updated.latest_version_id != created.latest_version_id

    await client.flows.delete(created.id)
    with pytest.raises(NotFoundError):
        await client.flows.get(created.id)


async def test_a_flow_read_can_be_sent_back(client: AsyncClient, emulator: Emulator) -> None:
    """The graph and nodes_config of a read flow go back unchanged through update()."""
    flow = await client.flows.create(
        emulator.seed.workspace_id,
        "Round trip",
        graph=timer_to_email(),
        nodes_config={"step_1": {"passthrough": {"disabled": True}}},
    )
    assert flow.graph is not None
    again = await client.flows.update(flow.id, graph=flow.graph, nodes_config=flow.nodes_config)
    assert (again.graph, again.nodes_config) == (flow.graph, flow.nodes_config)


# -- copy ----------------------------------------------------------------------------------


async def test_copy_into_a_new_flow(client: AsyncClient, emulator: Emulator) -> None:
    """copy(dest_workspace_id=...) makes a new, empty flow whose draft holds the copy."""
    source = emulator.platform.flows[emulator.seed.flow_id]
    copy = await client.flows.copy(
        source.id, dest_workspace_id=emulator.seed.private_workspace_id, name="Copied"
    )
    stored = emulator.platform.flows[copy.id]
    assert copy.id != source.id
    assert (stored.name, stored.workspace_id) == ("Copied", emulator.seed.private_workspace_id)
    assert stored.graph == {"nodes": [], "edges": []}
    assert stored.draft is not None
    assert (stored.draft.name, stored.draft.graph) == ("Copied", source.graph)
    draft = await copy.draft()
    assert draft.name == "Copied"
    assert draft.graph is not None
    assert draft.graph.to_json() == source.graph


async def test_copy_into_another_flows_draft(client: AsyncClient, emulator: Emulator) -> None:
    """copy(dest_flow_id=...) overwrites that flow's draft and leaves the flow as it was."""
    source = emulator.platform.flows[emulator.seed.flow_id]
    target = stored_flows(emulator)[0]
    graph_before = target.graph
    answered = await client.flows.copy(source.id, dest_flow_id=target.id)
    assert answered.id == target.id
    assert target.graph == graph_before
    assert target.draft is not None
    assert (target.draft.name, target.draft.graph) == (source.name, source.graph)


# -- versions ------------------------------------------------------------------------------


async def test_versions(client: AsyncClient, emulator: Emulator) -> None:
    """flows.versions() yields the history oldest first, one version per save."""
    flow_id = emulator.seed.flow_id
    await client.flows.update(flow_id, name="Second")
    await client.flows.update(flow_id, name="Third")
    versions = await client.flows.versions(flow_id, page_size=2).collect()
    stored = emulator.platform.flows[flow_id].versions
    assert [v.id for v in versions] == [v.id for v in stored]
    assert [v.name for v in versions][1:] == ["Second", "Third"]
    assert all(v.flow_id == flow_id for v in versions)


async def test_version_by_hash(client: AsyncClient, emulator: Emulator) -> None:
    """flows.version() returns one version with its graph."""
    stored = emulator.platform.flows[emulator.seed.flow_id]
    version = await client.flows.version(stored.id, stored.versions[0].id)
    assert (version.id, version.name, version.user_id) == (
        stored.versions[0].id,
        stored.versions[0].name,
        stored.versions[0].user_id,
    )
    assert version.graph is not None
    assert version.graph.to_json() == stored.versions[0].graph


async def test_versions_from_a_flow(client: AsyncClient, emulator: Emulator) -> None:
    """Flow.versions() collects the same history as flows.versions()."""
    flow = await client.flows.get(emulator.seed.flow_id)
    versions = await flow.versions()
    assert [v.id for v in versions] == [v.id for v in emulator.platform.flows[flow.id].versions]


async def test_unknown_version_is_not_found(client: AsyncClient, emulator: Emulator) -> None:
    """A hash the flow never had is a 404."""
    with pytest.raises(NotFoundError):
        await client.flows.version(emulator.seed.flow_id, "0" * 40)
