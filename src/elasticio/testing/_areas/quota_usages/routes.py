"""Quota usages (plain JSON ``{"data": ...}``): a contract's or a workspace's total for a
period, their history, a workspace's flows, a flow's history (see `meter` for the
figures).

``from`` and ``to`` are required ISO dates (a time, if given, is ignored) and both
inclusive; ``group_by`` is ``day`` (the default; ids like ``2019-09-01``) or ``month``
(ids like ``2019-09``). A history lists each day or month of the period from the
platform's first record to today, zeros included; the per-flow list holds the flows
that used something, the largest memory first.

Who may read: a contract's figures, its members (403 for others); a workspace's total,
the members of its contract; a workspace's history, its members and the contract's
members with ``contracts.workspace.listAll`` (owners, admins); a workspace's flows and a
flow's history, the workspace's members. A workspace outside the caller's contracts is a
404; tenant admins may read everything.

The newer endpoints, known only from the release notes (API digest §4.5), are shaped
after those above: ``/v2/quotas/limits`` and ``/v2/quotas/usages`` take the contract as
``contract_id`` in the query and answer ``{"data": {"memory", "cpu", "messages"}}``, the
contract's monthly limits (see `limits`) and what it used this calendar month up to now;
the messages history answers ``{"data": [{"id", "messages"}]}`` over a period as the
histories above, counting messages as the thread stats do (`threads.messages_on`). The
contract's members may read them (403 for others).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta

from elasticio._catalog.v2 import (
    QUOTA_USAGES_CONTRACT,
    QUOTA_USAGES_CONTRACT_HISTORY,
    QUOTA_USAGES_FLOW_HISTORY,
    QUOTA_USAGES_LIMITS,
    QUOTA_USAGES_MESSAGES_HISTORY,
    QUOTA_USAGES_USAGES,
    QUOTA_USAGES_WORKSPACE,
    QUOTA_USAGES_WORKSPACE_FLOWS,
    QUOTA_USAGES_WORKSPACE_HISTORY,
)
from elasticio.testing._areas.contracts import permissions as contract_permissions
from elasticio.testing._areas.contracts.routes import contract_for
from elasticio.testing._areas.flows.store import FlowRecord
from elasticio.testing._areas.flows.threads import messages_on
from elasticio.testing._areas.quota_usages.meter import Span, Usage, period_days, running_span
from elasticio.testing._areas.workspaces.routes import reachable_workspace
from elasticio.testing._areas.workspaces.store import WorkspaceRecord
from elasticio.testing._errors import bad_request, forbidden
from elasticio.testing._jsonapi import Json
from elasticio.testing._query import choice, require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable

__all__ = ["routes"]

routes = RouteTable()


def _day(query: Mapping[str, str], name: str) -> date:
    raw = require_query(query, name)
    try:
        return datetime.fromisoformat(raw).date() if "T" in raw else date.fromisoformat(raw)
    except ValueError:
        raise bad_request(f"{name} must be an ISO 8601 date", parameter=name) from None


def _period(call: Call) -> tuple[date, date]:
    return _day(call.query, "from"), _day(call.query, "to")


def _spans(call: Call, flows: Iterable[FlowRecord]) -> list[tuple[str, Span]]:
    """The running flows among ``flows``, by id, with their running time."""
    now, wall = call.platform.clock.now(), call.platform.clock.wall()
    spans = ((flow.id, running_span(flow, now=now, wall=wall)) for flow in flows)
    return [(flow_id, span) for flow_id, span in spans if span is not None]


def _sum(spans: list[tuple[str, Span]], first: date, last: date) -> Usage:
    return sum((span.used(first, last) for _, span in spans), Usage())


def _figures(usage: Usage) -> Json:
    return {"memory": usage.memory, "cpu": usage.cpu}


def _days(call: Call) -> list[tuple[str, date]]:
    """Each day of the queried period that can hold usage, with its key: the day, or its
    month for ``group_by=month``."""
    first, last = _period(call)
    monthly = choice(call.query, "group_by", ("day", "month")) == "month"
    earliest = min((flow.created_at.date() for flow in call.platform.flows.values()), default=last)
    days = period_days(first, last, earliest=earliest, today=call.platform.clock.wall().date())
    return [(day.isoformat()[:7] if monthly else day.isoformat(), day) for day in days]


def _history(call: Call, flows: list[FlowRecord]) -> Reply:
    spans = _spans(call, flows)
    buckets: dict[str, Usage] = {}
    for key, day in _days(call):
        buckets[key] = buckets.get(key, Usage()) + _sum(spans, day, day)
    return Reply(body={"data": [{"id": key, **_figures(u)} for key, u in buckets.items()]})


def _messages(call: Call, flows: list[FlowRecord], day: date) -> int:
    now = call.platform.clock.wall()
    start = datetime.combine(day, time(), tzinfo=UTC)
    return sum(messages_on(flow, start, now) for flow in flows) if start <= now else 0


def _flows_of(call: Call, workspace_ids: set[str]) -> list[FlowRecord]:
    return call.platform.flows.where(lambda flow: flow.workspace_id in workspace_ids)


def _contract_flows(call: Call, contract_id: str) -> list[FlowRecord]:
    contract = contract_for(call, contract_id)
    workspaces = call.platform.workspaces.where(lambda w: w.contract_id == contract.id)
    return _flows_of(call, {w.id for w in workspaces})


def _in_contract(call: Call, workspace_id: str) -> WorkspaceRecord:
    workspace = reachable_workspace(call, workspace_id)
    contract = call.platform.contracts[workspace.contract_id]
    if not call.user.tenant_admin and call.user.id not in contract.members:
        raise forbidden("Only members of the workspace's contract may read its usage.")
    return workspace


def _member_of(call: Call, workspace_id: str) -> WorkspaceRecord:
    workspace = reachable_workspace(call, workspace_id)
    if not call.user.tenant_admin and call.user.id not in workspace.members:
        raise forbidden("Only members of the workspace may read this usage.")
    return workspace


@routes.handle(QUOTA_USAGES_CONTRACT)
def contract_usage(call: Call, contract_id: str) -> Reply:
    spans = _spans(call, _contract_flows(call, contract_id))
    return Reply(body={"data": _figures(_sum(spans, *_period(call)))})


@routes.handle(QUOTA_USAGES_CONTRACT_HISTORY)
def contract_history(call: Call, contract_id: str) -> Reply:
    return _history(call, _contract_flows(call, contract_id))


@routes.handle(QUOTA_USAGES_WORKSPACE)
def workspace_usage(call: Call, workspace_id: str) -> Reply:
    workspace = _in_contract(call, workspace_id)
    first, last = _period(call)
    used = [span.used(first, last) for _, span in _spans(call, _flows_of(call, {workspace.id}))]
    total = sum(used, Usage())
    ran = sum(1 for usage in used if usage.memory or usage.cpu)
    return Reply(body={"data": {**_figures(total), "flows": ran}})


@routes.handle(QUOTA_USAGES_WORKSPACE_HISTORY)
def workspace_history(call: Call, workspace_id: str) -> Reply:
    workspace = reachable_workspace(call, workspace_id)
    contract = call.platform.contracts[workspace.contract_id]
    if call.user.id not in workspace.members and not contract_permissions.holds(
        call.user, contract, "contracts.workspace.listAll"
    ):
        raise forbidden("This requires membership of the workspace or contracts.workspace.listAll.")
    return _history(call, _flows_of(call, {workspace.id}))


@routes.handle(QUOTA_USAGES_WORKSPACE_FLOWS)
def workspace_flows_usage(call: Call, workspace_id: str) -> Reply:
    workspace = _member_of(call, workspace_id)
    first, last = _period(call)
    used = [
        (flow_id, span.used(first, last))
        for flow_id, span in _spans(call, _flows_of(call, {workspace.id}))
    ]
    ranked = sorted(
        ((flow_id, u) for flow_id, u in used if u.memory or u.cpu),
        key=lambda item: (-item[1].memory, item[0]),
    )
    return Reply(body={"data": [{**_figures(u), "id": flow_id} for flow_id, u in ranked]})


@routes.handle(QUOTA_USAGES_FLOW_HISTORY)
def flow_history(call: Call, flow_id: str) -> Reply:
    flow = call.platform.flows[flow_id]
    _member_of(call, flow.workspace_id)
    return _history(call, [flow])


def _queried_contract(call: Call) -> str:
    return require_query(call.query, "contract_id")


@routes.handle(QUOTA_USAGES_LIMITS)
def quota_limits(call: Call) -> Reply:
    contract = contract_for(call, _queried_contract(call))
    limits = call.platform.quota_limits.of(contract.id)
    body = {"memory": limits.memory, "cpu": limits.cpu, "messages": limits.messages}
    return Reply(body={"data": body})


@routes.handle(QUOTA_USAGES_USAGES)
def quota_usages(call: Call) -> Reply:
    contract_id = _queried_contract(call)
    flows = _contract_flows(call, contract_id)
    today = call.platform.clock.wall().date()
    first = today.replace(day=1)
    month = [first + timedelta(days=n) for n in range(today.day)]
    messages = sum(_messages(call, flows, day) for day in month)
    used = _sum(_spans(call, flows), first, today)
    return Reply(body={"data": {**_figures(used), "messages": messages}})


@routes.handle(QUOTA_USAGES_MESSAGES_HISTORY)
def messages_history(call: Call, contract_id: str) -> Reply:
    flows = _contract_flows(call, contract_id)
    buckets: dict[str, int] = {}
    for key, day in _days(call):
        buckets[key] = buckets.get(key, 0) + _messages(call, flows, day)
    return Reply(body={"data": [{"id": key, "messages": n} for key, n in buckets.items()]})
