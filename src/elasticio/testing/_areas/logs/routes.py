"""A workspace's logs (``GET /v2/logs``), plain JSON ``{total, hits}``.

The filters are the docs': ``workspace_id`` (required), ``flow_ids[]``, ``from`` and
``to`` (ISO 8601, both inclusive), ``search`` (a case-insensitive part of the message,
each occurrence wrapped in ``<em>`` in the hits, as the docs say), ``levels[]`` (the
docs' levels; any of them), then ``offset`` (0) and ``limit`` (100). ``total`` counts
every line that passes the filters; ``hits`` are the newest first. A value the docs do
not allow is a 400 naming the parameter.

Reading them takes ``workspaces.logs.read_all`` in the workspace (its owners, admins and
integrators, the contract's owners, tenant admins): a guest of the workspace gets 403,
a caller outside its contract 404.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import UTC, datetime

from elasticio._catalog.v2 import LOGS_LIST
from elasticio.testing._areas.logs.store import LEVELS, LogRecord
from elasticio.testing._areas.workspaces.routes import reachable_workspace
from elasticio.testing._errors import bad_request
from elasticio.testing._jsonapi import Json
from elasticio.testing._permissions import require
from elasticio.testing._query import require_query
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._time import iso

__all__ = ["routes"]

routes = RouteTable()

_DIGITS = re.compile(r"[0-9]{1,9}")


def _moment(query: Mapping[str, str], name: str) -> datetime | None:
    raw = query.get(name)
    if raw is None:
        return None
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        raise bad_request(f"{name} must be an ISO 8601 date and time", parameter=name) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _count(query: Mapping[str, str], name: str, default: int) -> int:
    raw = query.get(name)
    if raw is None:
        return default
    if not _DIGITS.fullmatch(raw):
        raise bad_request(f"{name} must be a whole number from 0", parameter=name)
    return int(raw)


def _levels(values: tuple[str, ...]) -> frozenset[int]:
    wanted = set()
    for value in values:
        if not value.isascii() or not value.isdigit() or int(value) not in LEVELS:
            allowed = ", ".join(map(str, sorted(LEVELS)))
            raise bad_request(f"levels[] may be {allowed}; not {value!r}", parameter="levels[]")
        wanted.add(int(value))
    return frozenset(wanted)


def _hit(line: LogRecord, search: re.Pattern[str] | None) -> Json:
    message = line.message
    if search is not None:
        message = search.sub(lambda found: f"<em>{found[0]}</em>", message)
    return {
        "id": line.id,
        "workspace_id": line.workspace_id,
        "flow_id": line.flow_id,
        "user_id": line.user_id,
        "component_id": line.component_id,
        "container_id": line.container_id,
        "step_id": line.step_id,
        "exec_id": line.exec_id,
        "method": line.method,
        "api_username": line.api_username,
        "component_name": line.component_name,
        "timestamp": iso(line.timestamp),
        "level": line.level,
        "message": message,
    }


@routes.handle(LOGS_LIST)
def list_logs(call: Call) -> Reply:
    workspace = reachable_workspace(call, require_query(call.query, "workspace_id"))
    require(call, "workspaces.logs.read_all", workspace=workspace)
    flow_ids = set(call.arrays.get("flow_ids[]", ()))
    levels = _levels(call.arrays.get("levels[]", ()))
    start, end = _moment(call.query, "from"), _moment(call.query, "to")
    offset, limit = _count(call.query, "offset", 0), _count(call.query, "limit", 100)
    text = call.query.get("search", "")
    search = re.compile(re.escape(text), re.IGNORECASE) if text else None
    found = [
        line
        for line in call.platform.logs.of_workspace(workspace.id)
        if (not flow_ids or line.flow_id in flow_ids)
        and (not levels or line.level in levels)
        and (start is None or line.timestamp >= start)
        and (end is None or line.timestamp <= end)
        and (search is None or search.search(line.message))
    ]
    hits = [_hit(line, search) for line in found[offset : offset + limit]]
    return Reply(body={"total": len(found), "hits": hits})
