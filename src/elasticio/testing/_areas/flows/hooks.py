"""The component runtime's startup-data hooks
(``/sailor-support/hooks/task/{task_id}/startup/data``, below the base URL, no ``/v1``).

One JSON value per task (a flow): a POST stores it (a POST without a body stores
``{}``), a GET reads it, a DELETE forgets it. A POST while a value is stored is a 409,
and a GET or DELETE with none stored a 404. The runtime (``lib/hooksData.js`` of
``elasticio-sailor-nodejs``) reads an error's text from ``body.error``, so these errors
carry it there as well as in ``message``. The task must be in one of the caller's
workspaces, like any flow.
"""

from __future__ import annotations

from elasticio._catalog.v1 import (
    V1_HOOKS_DELETE_STARTUP_DATA,
    V1_HOOKS_SET_STARTUP_DATA,
    V1_HOOKS_STARTUP_DATA,
)
from elasticio.testing._areas.flows.routes import flow_for
from elasticio.testing._areas.flows.store import FlowRecord
from elasticio.testing._errors import ReplyError
from elasticio.testing._json import clone
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import PlainBody

__all__ = ["routes"]

routes = RouteTable()

# Any JSON value is stored as it is, so the body is read whole rather than by member.
HOOK_DATA = PlainBody("v1-hook-data")

_STARTUP = "startup"


def _error(status: int, text: str) -> ReplyError:
    return ReplyError(status, text, extra={"error": text})


def _stored(call: Call, task_id: str) -> FlowRecord:
    flow = flow_for(call, task_id)
    if _STARTUP not in flow.hook_data:
        raise _error(404, "No startup data is stored for this task.")
    return flow


@routes.handle(V1_HOOKS_STARTUP_DATA)
def get_startup_data(call: Call, task_id: str) -> Reply:
    return Reply(body=clone(_stored(call, task_id).hook_data[_STARTUP]))


@routes.handle(V1_HOOKS_SET_STARTUP_DATA, body=HOOK_DATA)
def set_startup_data(call: Call, task_id: str) -> Reply:
    flow = flow_for(call, task_id)
    if _STARTUP in flow.hook_data:
        raise _error(409, "Startup data is already stored for this task.")
    flow.hook_data[_STARTUP] = clone({} if call.body is None else call.body)
    return Reply(body=clone(flow.hook_data[_STARTUP]))


@routes.handle(V1_HOOKS_DELETE_STARTUP_DATA)
def delete_startup_data(call: Call, task_id: str) -> Reply:
    del _stored(call, task_id).hook_data[_STARTUP]
    return Reply(body={})
