"""Error subscriptions of a flow (API digest §4.5): who is emailed when the flow fails.

Only the paths are known, from the release notes. The emulator shapes them after the
snapshots of a flow: a ``flow-subscription`` resource with an ``email`` (the caller's
when the request gives none), listed all at once, created with 201 and removed with 204.
An address is subscribed once (409 again). A member of the flow's workspace may list
them; a subscription is removed by its subscriber or by whoever may edit the flow.
"""

from __future__ import annotations

from elasticio._catalog.v2 import FLOWS_SUBSCRIBE, FLOWS_SUBSCRIPTIONS, FLOWS_UNSUBSCRIBE
from elasticio.testing._areas.flows.routes import flow_for
from elasticio.testing._areas.flows.views import subscription_resource
from elasticio.testing._errors import NoSuchRecordError, conflict, invalid
from elasticio.testing._jsonapi import document
from elasticio.testing._permissions import require
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body

__all__ = ["routes"]

routes = RouteTable()

NEW_SUBSCRIPTION = Body("flow-subscription", attributes=(Attr("email", "string", filled=True),))


@routes.handle(FLOWS_SUBSCRIPTIONS)
def list_subscriptions(call: Call, flow_id: str) -> Reply:
    flow = flow_for(call, flow_id)
    data = [subscription_resource(flow, s) for s in flow.subscriptions.values()]
    return Reply(body=document(data))


@routes.handle(FLOWS_SUBSCRIBE, body=NEW_SUBSCRIPTION)
def subscribe(call: Call, flow_id: str) -> Reply:
    """201 with the subscription; 409 when the address is subscribed already."""
    flow = flow_for(call, flow_id)
    email = str(call.payload().attributes.get("email", call.user.email))
    if "@" not in email:
        raise invalid("/data/attributes/email", "must be an email address")
    if any(s.email.casefold() == email.casefold() for s in flow.subscriptions.values()):
        raise conflict(f"{email} is subscribed to this flow already")
    subscription = call.platform.flows.subscribe(flow.id, user_id=call.user.id, email=email)
    return Reply(status=201, body=document(subscription_resource(flow, subscription)))


@routes.handle(FLOWS_UNSUBSCRIBE)
def unsubscribe(call: Call, flow_id: str, subscription_id: str) -> Reply:
    flow = flow_for(call, flow_id)
    subscription = flow.subscriptions.get(subscription_id)
    if subscription is None:
        raise NoSuchRecordError("subscription", subscription_id)
    if subscription.user_id != call.user.id:
        workspace = call.platform.workspaces[flow.workspace_id]
        require(call, "workspaces.flow.edit", workspace=workspace)
    del flow.subscriptions[subscription_id]
    return Reply(status=204)
