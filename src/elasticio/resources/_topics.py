"""``client.topics``: a workspace's Pub/Sub topics (API v2)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Unpack

from elasticio._catalog.v2 import (
    TOPICS_CREATE,
    TOPICS_DELETE,
    TOPICS_GET,
    TOPICS_LIST,
    TOPICS_UPDATE,
)
from elasticio._errors import UsageError
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Paginator
from elasticio.jsonapi import UNSET, Unset
from elasticio.models._topics import Topic
from elasticio.resources._base import Namespace

__all__ = ["Topics"]


class Topics(Namespace):
    """Pub/Sub topics of a workspace: list, get, create, update, delete.

    Examples:
        >>> topic = await client.topics.create(  # doctest: +SKIP
        ...     "WORKSPACE_ID", name="Person", schema={"type": "object"}
        ... )
    """

    def list(
        self, workspace_id: str, *, search: str | None = None, **options: Unpack[ListOptions]
    ) -> Paginator[Topic]:
        """The topics of a workspace, only those whose name contains ``search`` when it is
        given (one request: the API does not page them). Iterate with ``async for``.

        Examples:
            >>> async for topic in client.topics.list("WORKSPACE_ID", search="person"):
            ...     print(topic.name)
            Person
        """
        params = {"search": search}
        return self._list(
            TOPICS_LIST, Topic, params=params, options=options, workspace_id=workspace_id
        )

    async def get(self, workspace_id: str, topic_id: str, **options: Unpack[CallOptions]) -> Topic:
        """One topic of a workspace.

        Examples:
            >>> topic = await client.topics.get("WORKSPACE_ID", "TOPIC_ID")
            >>> topic.schema["title"]
            'Person'
        """
        return await self._one(
            TOPICS_GET, Topic, workspace_id=workspace_id, topic_id=topic_id, options=options
        )

    async def create(
        self,
        workspace_id: str,
        *,
        name: str,
        schema: Mapping[str, Any],
        **options: Unpack[CallOptions],
    ) -> Topic:
        """Create a topic in a workspace: a name and the JSON Schema of its messages.

        Examples:
            >>> topic = await client.topics.create(
            ...     "WORKSPACE_ID",
            ...     name="Order",
            ...     schema={"type": "object", "properties": {"total": {"type": "number"}}},
            ... )
        """
        body = self._body(TOPICS_CREATE, attributes={"name": name, "schema": dict(schema)})
        return await self._one(
            TOPICS_CREATE, Topic, body=body, workspace_id=workspace_id, options=options
        )

    async def update(
        self,
        workspace_id: str,
        topic_id: str,
        *,
        name: str | Unset = UNSET,
        schema: Mapping[str, Any] | Unset = UNSET,
        **options: Unpack[CallOptions],
    ) -> Topic:
        """Rename a topic or replace its schema; what is left out stays as it is.

        ``schema`` replaces the stored schema as a whole, it is not merged.

        Raises:
            UsageError: neither name nor schema was given.

        Examples:
            >>> topic = await client.topics.update("WORKSPACE_ID", "TOPIC_ID", name="Customer")
        """
        if isinstance(name, Unset) and isinstance(schema, Unset):
            raise UsageError("topics.update() needs name or schema")
        attributes = {"name": name, "schema": schema if isinstance(schema, Unset) else dict(schema)}
        body = self._body(TOPICS_UPDATE, id=topic_id, attributes=attributes)
        return await self._one(
            TOPICS_UPDATE,
            Topic,
            body=body,
            workspace_id=workspace_id,
            topic_id=topic_id,
            options=options,
        )

    async def delete(
        self, workspace_id: str, topic_id: str, **options: Unpack[CallOptions]
    ) -> None:
        """Delete a topic.

        Examples:
            >>> await client.topics.delete("WORKSPACE_ID", "TOPIC_ID")
        """
        await self._nothing(
            TOPICS_DELETE, workspace_id=workspace_id, topic_id=topic_id, options=options
        )
