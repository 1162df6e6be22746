"""Pub/Sub topics of a workspace: list (``search`` by name), one, create (201), update,
delete (204).

Members of the workspace may read and write its topics, as with credentials; a caller
outside the workspace gets 403, and a topic that is not in the URL's workspace is a 404.
Lists are not paged. A PATCH replaces ``schema`` as a whole; omitted attributes stay.
"""

from __future__ import annotations

from elasticio._catalog.v2 import (
    TOPICS_CREATE,
    TOPICS_DELETE,
    TOPICS_GET,
    TOPICS_LIST,
    TOPICS_UPDATE,
)
from elasticio.testing._areas.topics.store import TopicRecord
from elasticio.testing._areas.topics.views import topic_resource
from elasticio.testing._areas.workspaces.routes import workspace_for
from elasticio.testing._errors import NoSuchRecordError
from elasticio.testing._jsonapi import document
from elasticio.testing._request import Call, Reply
from elasticio.testing._router import RouteTable
from elasticio.testing._schema import Attr, Body

__all__ = ["routes", "topic_for"]

routes = RouteTable()

NEW_TOPIC = Body(
    "topic",
    attributes=(
        Attr("name", "string", required=True, filled=True),
        Attr("schema", "object", required=True),
    ),
)
TOPIC_CHANGES = Body(
    "topic",
    id="url",
    attributes=(Attr("name", "string", filled=True), Attr("schema", "object")),
)


def topic_for(call: Call, workspace_id: str, topic_id: str) -> TopicRecord:
    """A topic of a workspace the caller is in: 403 outside it, 404 when unknown there."""
    workspace = workspace_for(call, workspace_id)
    topic = call.platform.topics.get(topic_id)
    if topic is None or topic.workspace_id != workspace.id:
        raise NoSuchRecordError("topic", topic_id)
    return topic


@routes.handle(TOPICS_LIST)
def list_topics(call: Call, workspace_id: str) -> Reply:
    """A workspace's topics; ``search`` keeps those whose name contains it (any case)."""
    workspace = workspace_for(call, workspace_id)
    search = call.query.get("search", "").strip().casefold()
    found = call.platform.topics.where(
        lambda t: t.workspace_id == workspace.id and search in t.name.casefold()
    )
    return Reply(body=document([topic_resource(t) for t in found], self_link=call.path))


@routes.handle(TOPICS_GET)
def get_topic(call: Call, workspace_id: str, topic_id: str) -> Reply:
    return Reply(body=document(topic_resource(topic_for(call, workspace_id, topic_id))))


@routes.handle(TOPICS_CREATE, body=NEW_TOPIC)
def create_topic(call: Call, workspace_id: str) -> Reply:
    """201; ``name`` and ``schema`` are required."""
    workspace = workspace_for(call, workspace_id)
    attributes = call.payload().attributes
    topic = call.platform.topics.create(
        workspace_id=workspace.id,
        user_id=call.user.id,
        name=attributes["name"],
        schema=attributes["schema"],
    )
    return Reply(status=201, body=document(topic_resource(topic)))


@routes.handle(TOPICS_UPDATE, body=TOPIC_CHANGES)
def update_topic(call: Call, workspace_id: str, topic_id: str) -> Reply:
    topic = topic_for(call, workspace_id, topic_id)
    attributes = call.payload(url_id=topic.id).attributes
    if "name" in attributes:
        topic.name = attributes["name"]
    if "schema" in attributes:
        topic.schema = dict(attributes["schema"])
    return Reply(body=document(topic_resource(topic)))


@routes.handle(TOPICS_DELETE)
def delete_topic(call: Call, workspace_id: str, topic_id: str) -> Reply:
    call.platform.topics.delete(topic_for(call, workspace_id, topic_id).id)
    return Reply(status=204)
