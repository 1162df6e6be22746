"""``client.flows``: flows, their versions, drafts and snapshots (API v2)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any, Literal, TypeAlias, Unpack, overload

from elasticio._catalog import Entry
from elasticio._catalog.v2 import (
    FLOWS_COPY,
    FLOWS_CREATE,
    FLOWS_CREATE_SNAPSHOT,
    FLOWS_DELETE,
    FLOWS_DELETE_DRAFT,
    FLOWS_DELETE_SNAPSHOT,
    FLOWS_GET,
    FLOWS_GET_DRAFT,
    FLOWS_GET_SNAPSHOT,
    FLOWS_LIST,
    FLOWS_LIST_DELETED,
    FLOWS_PUT_DRAFT,
    FLOWS_RESTORE,
    FLOWS_RUN_NOW,
    FLOWS_SNAPSHOTS,
    FLOWS_START,
    FLOWS_STOP,
    FLOWS_SUBSCRIBE,
    FLOWS_SUBSCRIPTIONS,
    FLOWS_SUSPEND,
    FLOWS_THREAD_STATS,
    FLOWS_UNSUBSCRIBE,
    FLOWS_UPDATE,
    FLOWS_UPDATE_SNAPSHOT,
    FLOWS_VERSION,
    FLOWS_VERSIONS,
)
from elasticio._errors import UsageError
from elasticio._literals import FlowSort, FlowStatus, FlowType
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio._polling import PollPolicy
from elasticio.jsonapi import UNSET, Identifier, Unset
from elasticio.models._converter import attributes_from, to_plain
from elasticio.models._flow_activity import FlowSubscription, ThreadStats
from elasticio.models._flows import (
    Flow,
    FlowAttributes,
    FlowDraft,
    FlowGraph,
    FlowVersion,
    Snapshot,
)
from elasticio.resources._base import Namespace, linked

__all__ = ["Flows"]


Graph: TypeAlias = FlowGraph | Mapping[str, Any]


class Flows(Namespace):
    """Flows: list, get, create, update, delete, copy, start and stop; their versions,
    draft and per-step snapshots.

    Examples:
        >>> flow = await client.flows.start("FLOW_ID", wait=True)  # doctest: +SKIP
        >>> flow.current_status  # doctest: +SKIP
        'active'
    """

    # -- flows ---------------------------------------------------------------------------

    def list(
        self,
        workspace_id: str,
        *,
        status: FlowStatus | None = None,
        type: FlowType | None = None,
        user_id: str | None = None,
        has_draft: bool | None = None,
        component_id: str | None = None,
        search: str | None = None,
        sort: FlowSort | None = None,
        page_size: int | None = None,
        **options: Unpack[ListOptions],
    ) -> Paginator[Flow]:
        """The flows of a workspace. Iterate with ``async for``.

        Filters left as None are not sent. ``user_id`` keeps the flows that user created;
        ``search`` matches words in the name or description; ``sort`` names a field,
        with ``-`` for descending order (the platform's default order is by id).

        Examples:
            >>> async for flow in client.flows.list(
            ...     "WORKSPACE_ID", status="inactive", search="shopify", sort="-updated_at"
            ... ):
            ...     print(flow.id, flow.name)
        """
        params = {
            "workspace_id": workspace_id,
            "filter[status]": status,
            "filter[type]": type,
            "filter[user]": user_id,
            "filter[has_draft]": has_draft,
            "filter[component_id]": component_id,
            "search": search,
            "sort": sort,
        }
        return self._list(FLOWS_LIST, Flow, params=params, page_size=page_size, options=options)

    async def get(self, flow_id: str, **options: Unpack[CallOptions]) -> Flow:
        """One flow.

        Examples:
            >>> flow = await client.flows.get("FLOW_ID")
            >>> flow.status, flow.graph.nodes[0].id
            ('inactive', 'step_1')
        """
        return await self._one(FLOWS_GET, Flow, flow_id=flow_id, options=options)

    async def create(
        self,
        workspace_id: str,
        name: str,
        *,
        graph: Graph,
        type: FlowType = "ordinary",
        default_mapper_type: str = "jsonata",
        cron: str | Unset | None = UNSET,
        description: str | Unset | None = UNSET,
        nodes_config: Mapping[str, Any] | Unset = UNSET,
        stats_enabled: bool | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Flow:
        """Create an inactive flow in a workspace.

        ``graph`` is a [`FlowGraph`][elasticio.FlowGraph] or its JSON form;
        ``nodes_config`` maps step ids to their runtime options (``prefetch``,
        ``replicas``, ``log_level``, ...).

        Examples:
            >>> flow = await client.flows.create(
            ...     "WORKSPACE_ID",
            ...     "Minutely mail",
            ...     graph={
            ...         "nodes": [
            ...             {"id": "step_1", "command": "elasticio/timer:timer"},
            ...             {"id": "step_2", "command": "elasticio/email:send"},
            ...         ],
            ...         "edges": [{"source": "step_1", "target": "step_2"}],
            ...     },
            ...     cron="* * * * *",
            ... )
            >>> flow.status
            'inactive'
        """
        workspace = {"workspace": Identifier("workspace", workspace_id)}
        attributes = attributes_from(FlowAttributes, locals())
        body = self._body(FLOWS_CREATE, attributes=attributes, relationships=workspace)
        return await self._one(FLOWS_CREATE, Flow, body=body, options=options)

    async def update(
        self,
        flow_id: str,
        *,
        name: str | Unset = UNSET,
        type: FlowType | Unset = UNSET,
        graph: Graph | Unset = UNSET,
        default_mapper_type: str | Unset = UNSET,
        cron: str | Unset | None = UNSET,
        description: str | Unset | None = UNSET,
        nodes_config: Mapping[str, Any] | Unset = UNSET,
        stats_enabled: bool | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Flow:
        """Change some attributes of a flow; the platform saves a new version, which
        becomes the latest. Only the arguments given are sent (``None`` sends null).

        Raises:
            UsageError: no attribute was given.
            ConflictError: the flow belongs to a recipe deployment.

        Examples:
            >>> flow = await client.flows.update("FLOW_ID", name="Nightly sync", cron="0 2 * * *")
            >>> flow = await client.flows.update("FLOW_ID", description=None)  # sends null
        """
        attributes = attributes_from(FlowAttributes, locals())
        if not attributes:
            raise UsageError("update() needs at least one attribute to change")
        body = self._body(FLOWS_UPDATE, id=flow_id, attributes=attributes)
        return await self._one(FLOWS_UPDATE, Flow, body=body, flow_id=flow_id, options=options)

    async def delete(self, flow_id: str, **options: Unpack[CallOptions]) -> None:
        """Delete a flow.

        Examples:
            >>> await client.flows.delete("FLOW_ID")
        """
        await self._nothing(FLOWS_DELETE, flow_id=flow_id, options=options)

    async def copy(
        self,
        flow_id: str,
        *,
        dest_flow_id: str | Unset = UNSET,
        dest_workspace_id: str | Unset = UNSET,
        name: str | Unset = UNSET,
        topic_id: str | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Flow:
        """Copy a flow into the draft of another flow (``dest_flow_id``) or of a new flow
        in a workspace (``dest_workspace_id``); exactly one of the two. Experimental on
        the platform.

        The copy lands in the draft: the returned flow is the destination as it was (or
        the new, empty flow). ``name`` names the draft (and a new flow); ``topic_id``
        replaces the Pub/Sub topic of the copied steps.

        Examples:
            >>> new_flow = await client.flows.copy(
            ...     "FLOW_ID", dest_workspace_id="OTHER_WORKSPACE_ID", name="Nightly sync (copy)"
            ... )
            >>> draft = await new_flow.draft()
        """
        if isinstance(dest_flow_id, Unset) == isinstance(dest_workspace_id, Unset):
            raise UsageError("copy() needs exactly one of dest_flow_id and dest_workspace_id")
        body = self._body(
            FLOWS_COPY,
            attributes={"dest_flow_id": dest_flow_id, "name": name, "topic_id": topic_id},
            relationships={"dest_workspace": linked("workspace", dest_workspace_id)},
        )
        return await self._one(FLOWS_COPY, Flow, body=body, flow_id=flow_id, options=options)

    # -- start and stop ------------------------------------------------------------------

    async def _settle(
        self, flow_id: str, target: str, poll: PollPolicy | None, options: CallOptions
    ) -> Flow:
        return await self._client.wait_until(
            lambda: self.get(flow_id, **options),
            lambda flow: flow.current_status == target,
            what=f"flow {flow_id} to become {target}",
            policy=poll,
        )

    async def start(
        self,
        flow_id: str,
        *,
        wait: bool = False,
        poll: PollPolicy | None = None,
        **options: Unpack[CallOptions],
    ) -> Flow:
        """Start a flow. The platform answers at once with the flow, ``status`` active
        and ``current_status`` still the old state.

        With ``wait=True``, the flow is read again until ``current_status`` is
        ``active``, under ``poll`` (default: the client's policy, 90 s at most), and
        that flow is returned. ``poll`` is ignored without ``wait``.

        Raises:
            ConflictError: the flow is already active.
            PollTimeoutError: with ``wait``, the flow was not active in time; ``last``
                is the last [`Flow`][elasticio.Flow] read.

        Examples:
            >>> flow = await client.flows.start("FLOW_ID", wait=True)
            >>> flow.current_status
            'active'
        """
        flow = await self._one(FLOWS_START, Flow, flow_id=flow_id, options=options)
        if not wait or flow.current_status == "active":
            return flow
        return await self._settle(flow_id, "active", poll, options)

    @overload
    async def stop(
        self,
        flow_id: str,
        *,
        wait: Literal[False] = False,
        poll: PollPolicy | None = None,
        **options: Unpack[CallOptions],
    ) -> Flow | None: ...

    @overload
    async def stop(
        self,
        flow_id: str,
        *,
        wait: Literal[True],
        poll: PollPolicy | None = None,
        **options: Unpack[CallOptions],
    ) -> Flow: ...

    @overload
    async def stop(
        self,
        flow_id: str,
        *,
        wait: bool,
        poll: PollPolicy | None = None,
        **options: Unpack[CallOptions],
    ) -> Flow | None: ...

    async def stop(
        self,
        flow_id: str,
        *,
        wait: bool = False,
        poll: PollPolicy | None = None,
        **options: Unpack[CallOptions],
    ) -> Flow | None:
        """Stop a flow.

        The platform answers with an empty document, so without ``wait`` the result is
        None (or the flow, should the answer carry one). With ``wait=True``, the flow is
        read again until ``current_status`` is ``inactive``, under ``poll`` (default:
        the client's policy, 90 s at most), and that flow is returned.

        Raises:
            ConflictError: the platform refused the stop (the emulator does so for a
                flow that is already inactive only when its settings ask for it).
            PollTimeoutError: with ``wait``, the flow was not inactive in time; ``last``
                is the last [`Flow`][elasticio.Flow] read.

        Examples:
            >>> running = await client.flows.start("FLOW_ID", wait=True)
            >>> flow = await client.flows.stop("FLOW_ID", wait=True)
            >>> flow.current_status
            'inactive'
        """
        flow = await self._optional(FLOWS_STOP, Flow, flow_id=flow_id, options=options)
        if not wait or (flow is not None and flow.current_status == "inactive"):
            return flow
        return await self._settle(flow_id, "inactive", poll, options)

    async def run_now(self, flow_id: str, **options: Unpack[CallOptions]) -> None:
        """Run an active flow once, now, whatever its schedule.

        Known from the platform's OpenAPI draft (API digest §4.4), not from its rendered
        docs; the answer (202, an empty document) is taken to be the stop's.

        Raises:
            ConflictError: the flow is not active.

        Examples:
            >>> running = await client.flows.start("FLOW_ID", wait=True)
            >>> await client.flows.run_now("FLOW_ID")
        """
        await self._nothing(FLOWS_RUN_NOW, flow_id=flow_id, options=options)

    async def suspend(self, flow_id: str, **options: Unpack[CallOptions]) -> None:
        """Suspend an active flow: its ``status`` becomes ``suspended``, and
        ``current_status`` follows as after a stop; start it again to resume it.

        Known from the platform's OpenAPI draft (API digest §4.4); the answer (202, an
        empty document) is taken to be the stop's.

        Raises:
            ConflictError: the flow is not active.

        Examples:
            >>> running = await client.flows.start("FLOW_ID", wait=True)
            >>> await client.flows.suspend("FLOW_ID")
            >>> (await client.flows.get("FLOW_ID")).status
            'suspended'
        """
        await self._nothing(FLOWS_SUSPEND, flow_id=flow_id, options=options)

    # -- deleted flows -------------------------------------------------------------------

    def list_deleted(
        self, workspace_id: str, *, page_size: int | None = None, **options: Unpack[ListOptions]
    ) -> Paginator[Flow]:
        """A workspace's flows deleted lately, which `restore` can bring back (the
        platform keeps them for 24 hours); for tenant admins. Iterate with ``async for``.

        Known from the release notes (API digest §4.5); the answer is taken to be the
        flow list's (pages of flows); the emulator adds each flow's ``deleted_at``,
        found in ``extra``.

        Examples:
            >>> await client.flows.delete("OTHER_FLOW_ID")
            >>> async for flow in client.flows.list_deleted("WORKSPACE_ID"):
            ...     print(flow.id, flow.extra["deleted_at"])
        """
        params = {"workspace_id": workspace_id}
        return self._list(
            FLOWS_LIST_DELETED, Flow, params=params, page_size=page_size, options=options
        )

    async def restore(self, flow_id: str, **options: Unpack[CallOptions]) -> Flow:
        """Bring back a flow deleted lately, inactive; for tenant admins.

        Known from the release notes (API digest §4.5); the answer is taken to be the
        flow, as a get gives it.

        Raises:
            NotFoundError: no flow with that id was deleted lately.

        Examples:
            >>> await client.flows.delete("OTHER_FLOW_ID")
            >>> flow = await client.flows.restore("OTHER_FLOW_ID")
            >>> flow.status
            'inactive'
        """
        return await self._one(FLOWS_RESTORE, Flow, flow_id=flow_id, options=options)

    # -- versions ------------------------------------------------------------------------

    def versions(
        self, flow_id: str, *, page_size: int | None = None, **options: Unpack[ListOptions]
    ) -> Paginator[FlowVersion]:
        """A flow's versions, oldest first. Iterate with ``async for``.

        Examples:
            >>> async for version in client.flows.versions("FLOW_ID"):
            ...     print(version.id, version.created_at)
        """
        return self._list(
            FLOWS_VERSIONS, FlowVersion, page_size=page_size, flow_id=flow_id, options=options
        )

    async def version(
        self, flow_id: str, version_hash: str, **options: Unpack[CallOptions]
    ) -> FlowVersion:
        """One version of a flow, by its hash.

        Examples:
            >>> version = await client.flows.version("FLOW_ID", "VERSION_HASH")
            >>> version.flow_id == "FLOW_ID"
            True
        """
        return await self._one(
            FLOWS_VERSION, FlowVersion, flow_id=flow_id, version_hash=version_hash, options=options
        )

    # -- draft ---------------------------------------------------------------------------

    async def get_draft(self, flow_id: str, **options: Unpack[CallOptions]) -> FlowDraft:
        """The flow's draft.

        Raises:
            NotFoundError: the flow has no draft.

        Examples:
            >>> draft = await client.flows.get_draft("FLOW_ID")
            >>> draft.flow_id == "FLOW_ID"
            True
        """
        return await self._one(FLOWS_GET_DRAFT, FlowDraft, flow_id=flow_id, options=options)

    async def put_draft(
        self,
        flow_id: str,
        *,
        name: str,
        graph: Graph,
        cron: str | Unset | None = UNSET,
        description: str | Unset | None = UNSET,
        stats_enabled: bool | Unset = UNSET,
        snapshot: Any = UNSET,
        **options: Unpack[CallOptions],
    ) -> FlowDraft:
        """Create the flow's draft, or replace the one it has. The platform documents no
        way to publish a draft: copy its attributes with
        [`update`][elasticio.resources.Flows.update].

        Examples:
            >>> draft = await client.flows.put_draft(
            ...     "FLOW_ID",
            ...     name="Nightly sync (next)",
            ...     graph={
            ...         "nodes": [{"id": "step_1", "command": "elasticio/timer:timer"}],
            ...         "edges": [],
            ...     },
            ... )
        """
        attributes = attributes_from(FlowAttributes, locals())
        body = self._body(FLOWS_PUT_DRAFT, attributes=attributes)
        return await self._one(
            FLOWS_PUT_DRAFT, FlowDraft, body=body, flow_id=flow_id, options=options
        )

    async def delete_draft(self, flow_id: str, **options: Unpack[CallOptions]) -> None:
        """Discard the flow's draft.

        Examples:
            >>> await client.flows.delete_draft("FLOW_ID")
        """
        await self._nothing(FLOWS_DELETE_DRAFT, flow_id=flow_id, options=options)

    # -- snapshots -----------------------------------------------------------------------

    async def snapshots(
        self, flow_id: str, **options: Unpack[CallOptions]
    ) -> builtins.list[Snapshot]:
        """The snapshots of every step of a flow that has one.

        Examples:
            >>> for snapshot in await client.flows.snapshots("FLOW_ID"):
            ...     print(snapshot.step_id, snapshot.snapshot)
        """
        return await self._many(FLOWS_SNAPSHOTS, Snapshot, flow_id=flow_id, options=options)

    async def get_snapshot(
        self, flow_id: str, step_id: str, **options: Unpack[CallOptions]
    ) -> Snapshot:
        """The snapshot of one step.

        Examples:
            >>> snapshot = await client.flows.get_snapshot("FLOW_ID", "step_1")
        """
        return await self._one(
            FLOWS_GET_SNAPSHOT, Snapshot, flow_id=flow_id, step_id=step_id, options=options
        )

    async def create_snapshot(
        self, flow_id: str, step_id: str, snapshot: Any, **options: Unpack[CallOptions]
    ) -> Snapshot:
        """Store a snapshot for a step that has none; ``snapshot`` is any JSON value.
        Not allowed while the flow runs.

        Examples:
            >>> snapshot = await client.flows.create_snapshot("FLOW_ID", "step_2", {"cursor": 0})
        """
        body = self._snapshot_body(FLOWS_CREATE_SNAPSHOT, step_id, snapshot)
        return await self._one(
            FLOWS_CREATE_SNAPSHOT, Snapshot, body=body, flow_id=flow_id, options=options
        )

    async def update_snapshot(
        self, flow_id: str, step_id: str, snapshot: Any, **options: Unpack[CallOptions]
    ) -> Snapshot:
        """Replace the snapshot a step has. Not allowed while the flow runs.

        Examples:
            >>> snapshot = await client.flows.update_snapshot("FLOW_ID", "step_1", {"cursor": 100})
        """
        body = self._snapshot_body(FLOWS_UPDATE_SNAPSHOT, step_id, snapshot)
        return await self._one(
            FLOWS_UPDATE_SNAPSHOT,
            Snapshot,
            body=body,
            flow_id=flow_id,
            step_id=step_id,
            options=options,
        )

    def _snapshot_body(self, entry: Entry, step_id: str, snapshot: Any) -> dict[str, Any]:
        if isinstance(snapshot, Unset):
            raise UsageError("a snapshot needs a value (any JSON value; None sends null)")
        return self._body(entry, id=step_id, attributes={"snapshot": to_plain(snapshot)})

    async def delete_snapshot(
        self, flow_id: str, step_id: str, **options: Unpack[CallOptions]
    ) -> None:
        """Remove the snapshot of a step.

        Examples:
            >>> await client.flows.delete_snapshot("FLOW_ID", "step_1")
        """
        await self._nothing(
            FLOWS_DELETE_SNAPSHOT, flow_id=flow_id, step_id=step_id, options=options
        )

    # -- error subscriptions and thread stats ----------------------------------------------

    async def subscriptions(
        self, flow_id: str, **options: Unpack[CallOptions]
    ) -> builtins.list[FlowSubscription]:
        """Who is notified of the flow's errors.

        Known from the release notes (API digest §4.5); the shape, ``flow-subscription``
        resources listed at once, is the emulator's.

        Examples:
            >>> for subscription in await client.flows.subscriptions("FLOW_ID"):
            ...     print(subscription.email)
        """
        return await self._many(
            FLOWS_SUBSCRIPTIONS, FlowSubscription, flow_id=flow_id, options=options
        )

    async def subscribe(
        self, flow_id: str, *, email: str | Unset = UNSET, **options: Unpack[CallOptions]
    ) -> FlowSubscription:
        """Have ``email`` (by default, the caller's address) notified of the flow's errors.

        Known from the release notes (API digest §4.5); the request and answer shapes
        are the emulator's.

        Raises:
            ConflictError: the address is subscribed already.

        Examples:
            >>> subscription = await client.flows.subscribe("FLOW_ID", email="ops@example.com")
            >>> subscription.email
            'ops@example.com'
        """
        attributes = {} if isinstance(email, Unset) else {"email": email}
        body = self._body(FLOWS_SUBSCRIBE, attributes=attributes)
        return await self._one(
            FLOWS_SUBSCRIBE, FlowSubscription, body=body, flow_id=flow_id, options=options
        )

    async def unsubscribe(
        self, flow_id: str, subscription_id: str, **options: Unpack[CallOptions]
    ) -> None:
        """End an error subscription of the flow.

        Known from the release notes (API digest §4.5).

        Examples:
            >>> subscription = await client.flows.subscribe("FLOW_ID")
            >>> await client.flows.unsubscribe("FLOW_ID", subscription.id)
        """
        await self._nothing(
            FLOWS_UNSUBSCRIBE, flow_id=flow_id, subscription_id=subscription_id, options=options
        )

    async def thread_stats(self, workspace_id: str, **options: Unpack[CallOptions]) -> ThreadStats:
        """How many messages the workspace's flows handled, day by day
        (``GET /v2/threads/stats``).

        Known from the release notes (API digest §4.5); the answer's shape, one
        ``thread-stats`` resource with ``days``, is the emulator's.

        Examples:
            >>> stats = await client.flows.thread_stats("WORKSPACE_ID")
            >>> for day in stats.days:
            ...     print(day.date, day.messages)
        """
        params = {"workspace_id": workspace_id}
        return await self._one(FLOWS_THREAD_STATS, ThreadStats, params=params, options=options)
