"""How a topic looks in answers: its self link is ``/v2/topics/{id}``, as in the docs."""

from __future__ import annotations

from elasticio.testing._areas.topics.store import TopicRecord
from elasticio.testing._jsonapi import Json, link, resource

__all__ = ["topic_resource"]


def topic_resource(topic: TopicRecord) -> Json:
    return resource(
        "topic",
        topic.id,
        self_link=f"/v2/topics/{topic.id}",
        attributes={"name": topic.name, "schema": topic.schema},
        relationships={
            "workspace": link("workspace", topic.workspace_id),
            "user": link("user", topic.user_id),
        },
    )
