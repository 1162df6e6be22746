"""Request bodies read against declared schemas: the primary resource's type and id, its
attributes (JSON type, required, nullable, allowed values) and its relationships.

A route declares the schema of its body (``@routes.handle(FLOWS_CREATE, body=NEW_FLOW)``)
and the handler reads it with ``call.payload()`` at the point it wants it checked. What
does not fit is a 400 naming the member in its detail (``data.attributes.name is
required``) and its ``source.pointer``; a resource of the wrong ``type``, or with an
``id`` other than the URL's, is a 409, as JSON:API prescribes. Attributes and
relationships the schema does not declare are ignored, as the platform ignores them.
API v1 bodies are plain JSON objects: `PlainBody` checks their members the same way.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any, Literal

import attrs

from elasticio.testing._errors import ReplyError, conflict, invalid

__all__ = ["Attr", "Body", "IdRule", "JsonType", "Payload", "PlainBody", "Rel"]

JsonType = Literal["string", "boolean", "integer", "object", "array", "any"]

IdRule = Literal["ignored", "given", "url", "url-optional"]
"""What ``data.id`` must be: anything (ignored); a non-empty string the request names
(given); the URL's id (url); the URL's id when present (url-optional)."""

_CHECKS: dict[str, tuple[type | tuple[type, ...], str]] = {
    "string": (str, "a string"),
    "boolean": (bool, "true or false"),
    "integer": (int, "an integer"),
    "object": (Mapping, "an object"),
    "array": (list, "a list"),
}


def _is(value: Any, type: JsonType) -> bool:
    if type == "any":
        return True
    if type == "integer" and isinstance(value, bool):
        return False
    return isinstance(value, _CHECKS[type][0])


@attrs.frozen
class Attr:
    """One attribute: present when ``required`` (and not null, unless ``nullable``), of JSON
    ``type``, one of ``choices`` if given; ``filled`` strings hold more than whitespace and
    ``filled`` lists an item; a list's ``items`` are of that JSON type.

    Examples:
        >>> Attr("type", choices=("ordinary", "long_running")).problem("batch")
        "must be one of 'ordinary', 'long_running'"
    """

    name: str
    type: JsonType = "any"
    required: bool = False
    nullable: bool = False
    filled: bool = False
    choices: tuple[Any, ...] = ()
    items: JsonType = "any"

    def problem(self, value: Any) -> str | None:
        """What is wrong with a present value, or None."""
        if value is None:
            return None if self.nullable else self._expected()
        fits = _is(value, self.type) and (
            self.items == "any" or all(_is(item, self.items) for item in value)
        )
        if not fits or (self.filled and not (value.strip() if isinstance(value, str) else value)):
            return self._expected()
        if self.choices and value not in self.choices:
            return f"must be one of {', '.join(repr(c) for c in self.choices)}"
        return None

    def _expected(self) -> str:
        if self.type == "any":
            return "cannot be null"
        what = _CHECKS[self.type][1]
        if self.items != "any":
            what += f" of {self.items}s"
        if self.filled:
            what = what.replace("a ", "a non-empty ", 1)
        return f"must be {what}"


@attrs.frozen
class Rel:
    """One to-one relationship to a ``type`` resource; ``nullable``: ``{"data": null}``
    (unlinking) is allowed."""

    name: str
    type: str
    required: bool = False
    nullable: bool = False


@attrs.frozen
class Payload:
    """A body that fits its schema: ``data.id``, the declared attributes that were given
    (null ones included) and the ids of the given relationships (None: unlinked)."""

    id: str | None
    attributes: dict[str, Any]
    links: dict[str, str | None]

    def link(self, name: str) -> str:
        """The id of the relationship ``name``, which the schema requires."""
        linked = self.links[name]
        if linked is None:
            raise TypeError(f"the relationship {name} is not required, so it may be null")
        return linked


def _member(parent: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    found = parent.get(name, {})
    if not isinstance(found, Mapping):
        raise invalid(f"/data/{name}", "must be an object")
    return found


@attrs.frozen
class Body:
    """The schema of a request body whose primary data is a ``type`` resource.

    Examples:
        >>> KEY = Body("sshkey", attributes=(Attr("key", "string", required=True),))
        >>> KEY.read({"data": {"type": "sshkey", "attributes": {"key": "ssh-rsa AAAA"}}})
        Payload(id=None, attributes={'key': 'ssh-rsa AAAA'}, links={})
    """

    type: str
    attributes: tuple[Attr, ...] = ()
    relationships: tuple[Rel, ...] = ()
    id: IdRule = "ignored"

    def requiring(self, names: Collection[str]) -> Body:
        """The same schema with the attributes called ``names`` required."""
        return attrs.evolve(
            self,
            attributes=tuple(
                attrs.evolve(a, required=True) if a.name in names else a for a in self.attributes
            ),
        )

    def read(self, body: Any, *, url_id: str | None = None) -> Payload:
        """Check ``body`` (parsed JSON) and return what it says.

        Raises:
            ReplyError: 400 for a missing or malformed member, 409 for a wrong type or id.
        """
        if not isinstance(body, Mapping) or not isinstance(body.get("data"), Mapping):
            raise ReplyError(
                400, "the body must be a JSON:API document with a 'data' object", pointer="/data"
            )
        data: Mapping[str, Any] = body["data"]
        given = data.get("type")
        if given is None:
            raise invalid("/data/type", "is required")
        if given != self.type:
            raise conflict(f"data.type must be {self.type!r}, not {given!r}")
        return Payload(
            id=self._id(data.get("id"), url_id),
            attributes=self._attributes(_member(data, "attributes")),
            links=self._links(_member(data, "relationships")),
        )

    def _id(self, given: Any, url_id: str | None) -> str | None:
        if self.id == "ignored":
            return None
        if given is None and self.id != "url-optional":
            raise invalid("/data/id", "is required")
        if self.id == "given":
            if not isinstance(given, str) or not given:
                raise invalid("/data/id", "must be a non-empty string")
        elif given is not None and given != url_id:
            raise conflict(f"data.id {given!r} does not match the URL's id {url_id!r}")
        return url_id if given is None else str(given)

    def _attributes(self, found: Mapping[str, Any]) -> dict[str, Any]:
        read: dict[str, Any] = {}
        for attr in self.attributes:
            pointer = f"/data/attributes/{attr.name}"
            value = found.get(attr.name)
            if attr.required and (value is None and not (attr.nullable and attr.name in found)):
                raise invalid(pointer, "is required")
            if attr.name in found:
                problem = attr.problem(value)
                if problem is not None:
                    raise invalid(pointer, problem)
                read[attr.name] = value
        return read

    def _links(self, found: Mapping[str, Any]) -> dict[str, str | None]:
        read: dict[str, str | None] = {}
        for rel in self.relationships:
            pointer = f"/data/relationships/{rel.name}"
            relationship = found.get(rel.name)
            if relationship is None:
                if rel.required:
                    raise invalid(pointer, "is required")
                continue
            unlinked = isinstance(relationship, Mapping) and relationship.get("data", 0) is None
            if unlinked and rel.nullable:
                read[rel.name] = None
                continue
            target = relationship.get("data") if isinstance(relationship, Mapping) else None
            if not isinstance(target, Mapping) or not isinstance(target.get("id"), str):
                raise invalid(f"{pointer}/data", "must have an id")
            if target.get("type") != rel.type:
                raise invalid(f"{pointer}/data/type", f"must be {rel.type!r}")
            read[rel.name] = target["id"]
        return read


@attrs.frozen
class PlainBody:
    """The schema of a plain-JSON request body (API v1): an object whose ``members`` are
    checked like JSON:API attributes. ``type`` names the body in the catalog
    (``"v1-task"``); members it does not declare are kept, as the platform keeps them.

    Examples:
        >>> TEAM = PlainBody("v1-team", members=(Attr("name", "string", required=True),))
        >>> TEAM.read({"name": "My team", "extra": 1})
        {'name': 'My team', 'extra': 1}
        >>> TEAM.read({"name": 7})
        Traceback (most recent call last):
        ...
        elasticio.testing._errors.ReplyError: 400: name must be a string
    """

    type: str
    members: tuple[Attr, ...] = ()

    def read(self, body: Any) -> dict[str, Any]:
        """``body`` once checked.

        Raises:
            ReplyError: 400 naming the first member that does not fit.
        """
        if not isinstance(body, Mapping):
            raise ReplyError(400, "the body must be a JSON object", pointer="")
        for member in self.members:
            value = body.get(member.name)
            if member.required and value is None and not (member.nullable and member.name in body):
                raise invalid(f"/{member.name}", "is required")
            if member.name in body:
                problem = member.problem(value)
                if problem is not None:
                    raise invalid(f"/{member.name}", problem)
        return dict(body)
