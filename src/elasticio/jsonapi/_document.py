"""Decoding JSON:API documents: Document, Resource, Relationship and the identity index."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Any, TypeAlias

import attrs

from elasticio._errors import DecodeError, ErrorObject
from elasticio.jsonapi import _json
from elasticio.jsonapi._errors import parse_error_objects
from elasticio.jsonapi._json import LARGE_BODY, collector_paused, loads

__all__ = ["Document", "Identifier", "Linkage", "Relationship", "Resource"]

_EMPTY: Mapping[str, Any] = MappingProxyType({})


@attrs.frozen
class Identifier:
    """A resource identifier: ``{"type": ..., "id": ...}``."""

    type: str
    id: str
    meta: Mapping[str, Any] = attrs.field(default=_EMPTY, eq=False, repr=False)


Linkage: TypeAlias = Identifier | tuple[Identifier, ...] | None


@attrs.frozen(kw_only=True)
class Relationship:
    """One member of a resource's ``relationships``.

    ``data`` is an [`Identifier`][elasticio.jsonapi.Identifier] (to-one), a tuple of
    them (to-many) or ``None`` (to-one ``null``, or no ``data`` at all). ``has_data``
    tells the last two apart: a relationship given only by ``links`` has ``has_data``
    false.
    """

    data: Linkage = None
    has_data: bool = False
    links: Mapping[str, Any] = _EMPTY
    meta: Mapping[str, Any] = _EMPTY
    extra: Mapping[str, Any] = _EMPTY

    @property
    def is_to_many(self) -> bool:
        """True when ``data`` is a list (possibly empty)."""
        return isinstance(self.data, tuple)


@attrs.define(eq=False, repr=False)
class Resource:
    """One resource object of a document.

    ``attributes``, ``links`` and ``meta`` are read-only views of the decoded members;
    members this class has no name for are in ``extra``. Resources compare by identity:
    within one document, a ``(type, id)`` pair is always the same object.
    """

    type: str
    id: str | None
    _raw: dict[str, Any]
    _section: str
    _position: int | None
    _relationships: Mapping[str, Relationship] | None = None

    def __repr__(self) -> str:
        return f"Resource(type={self.type!r}, id={self.id!r})"

    @property
    def attributes(self) -> Mapping[str, Any]:
        """The resource's ``attributes`` (empty when absent)."""
        return MappingProxyType(self._raw.get("attributes") or {})

    @property
    def links(self) -> Mapping[str, Any]:
        """The resource's ``links`` (empty when absent)."""
        return MappingProxyType(self._raw.get("links") or {})

    @property
    def meta(self) -> Mapping[str, Any]:
        """The resource's ``meta`` (empty when absent)."""
        return MappingProxyType(self._raw.get("meta") or {})

    @property
    def extra(self) -> Mapping[str, Any]:
        """Members other than type, id, attributes, relationships, links and meta."""
        return MappingProxyType({k: v for k, v in self._raw.items() if k not in _RESOURCE_MEMBERS})

    @property
    def pointer(self) -> str:
        """The JSON pointer of this resource within its document, e.g. ``/included/3``."""
        return _pointer(self._section, self._position)

    @property
    def relationships(self) -> Mapping[str, Relationship]:
        """The resource's relationships by name, built on first use."""
        if self._relationships is None:
            base = f"{self.pointer}/relationships"
            self._relationships = MappingProxyType(
                {
                    name: _relationship(
                        _relationship_object(self, name, value), f"{base}/{_escape(name)}"
                    )
                    for name, value in _relationship_members(self).items()
                }
            )
        return self._relationships

    def linkage(self, name: str) -> Linkage:
        """The ``data`` of relationship ``name``: an Identifier, a tuple of them, or None."""
        relationship = self.relationships.get(name)
        return None if relationship is None else relationship.data


_RESOURCE_MEMBERS = frozenset(("type", "id", "attributes", "relationships", "links", "meta"))
_DOCUMENT_MEMBERS = frozenset(("data", "included", "meta", "links", "errors", "jsonapi"))


def _identifier(raw: Any, pointer: str) -> Identifier:
    type_, id_ = _linked_key(raw, pointer)
    meta = raw.get("meta")
    return Identifier(type_, id_, MappingProxyType(meta) if type(meta) is dict else _EMPTY)


def _relationship(raw: dict[str, Any], pointer: str) -> Relationship:
    has_data = "data" in raw
    data = raw.get("data")
    linkage: Linkage
    if data is None:
        linkage = None
    elif type(data) is list:
        linkage = tuple(
            _identifier(item, f"{pointer}/data/{position}") for position, item in enumerate(data)
        )
    else:
        linkage = _identifier(data, f"{pointer}/data")
    members = {}
    for member in ("links", "meta"):
        value = raw.get(member)
        if value is not None and type(value) is not dict:
            raise DecodeError(f"'{member}' must be an object", pointer=f"{pointer}/{member}")
        members[member] = MappingProxyType(value) if value else _EMPTY
    return Relationship(
        data=linkage,
        has_data=has_data,
        links=members["links"],
        meta=members["meta"],
        extra=MappingProxyType(
            {k: v for k, v in raw.items() if k not in ("data", "links", "meta")}
        ),
    )


def _linked_key(raw: Any, pointer: str) -> tuple[str, str]:
    """The ``(type, id)`` of a resource identifier object, checked as it is read."""
    if type(raw) is dict:
        type_ = raw.get("type")
        id_ = raw.get("id")
        if type(type_) is str and type(id_) is str:
            return type_, id_
        bad = "/type" if type(type_) is not str else "/id"
        raise DecodeError(
            "a resource identifier needs string 'type' and 'id'", pointer=pointer + bad
        )
    raise DecodeError("a resource identifier must be an object", pointer=pointer)


def _relationship_members(resource: Resource) -> dict[str, Any]:
    raw = resource._raw.get("relationships")
    return raw if raw is not None else {}


def _relationship_object(resource: Resource, name: str, raw: Any) -> dict[str, Any]:
    if type(raw) is not dict:
        raise DecodeError(
            "a relationship must be an object", pointer=_relationship_pointer(resource, name)
        )
    return raw


def _relationship_pointer(resource: Resource, name: str) -> str:
    return f"{resource.pointer}/relationships/{_escape(name)}"


def _escape(name: str) -> str:
    """A member name as one reference token of a JSON pointer (RFC 6901)."""
    return name.replace("~", "~0").replace("/", "~1")


_KINDS = {"attributes": dict, "relationships": dict, "links": dict, "meta": dict}


def _wrap_section(
    items: list[Any],
    section: str,
    positions: Iterable[int | None],
    index: dict[tuple[str, str], Resource],
) -> list[Resource]:
    """Check and wrap the resources of ``data`` or ``included``, indexing each by
    ``(type, id)``; a pair already indexed stays the object it was.

    ``positions`` are the items' places in the section, for their pointers (``(None,)``
    for a ``data`` that is one resource). The members' own kinds are checked here; the
    identifiers inside relationships are checked when first read.

    The hot path of decoding, where a Python call per resource costs as much as its
    checks: they are written out inline, and each Resource is made without running its
    ``__init__`` (`_new_resource` says what that must set).
    """
    wrapped: list[Resource] = []
    append = wrapped.append
    known = index.setdefault
    for position, raw in zip(positions, items, strict=True):
        if type(raw) is dict:
            type_ = raw.get("type")
            id_ = raw.get("id")
            attributes = raw.get("attributes")
            relationships = raw.get("relationships")
            links = raw.get("links")
            meta = raw.get("meta")
            if (
                type(type_) is str
                and type_ != ""
                and (id_ is None or type(id_) is str)
                and (attributes is None or type(attributes) is dict)
                and (relationships is None or type(relationships) is dict)
                and (links is None or type(links) is dict)
                and (meta is None or type(meta) is dict)
            ):
                resource = _new_resource(Resource)
                resource.type = type_
                resource.id = id_
                resource._raw = raw
                resource._section = section
                resource._position = position
                resource._relationships = None
                append(resource if id_ is None else known((type_, id_), resource))
                continue
        raise _resource_error(raw, _pointer(section, position))
    return wrapped


# Makes an instance with no attribute set; whoever calls it sets every slot that
# Resource.__init__ would (a missing one would raise AttributeError when read).
_new_resource = object.__new__


def _resource_error(raw: Any, pointer: str) -> DecodeError:
    if type(raw) is not dict:
        return DecodeError("a resource must be an object", pointer=pointer)
    type_ = raw.get("type")
    if type(type_) is not str or not type_:
        return DecodeError("a resource needs a non-empty string 'type'", pointer=pointer + "/type")
    id_ = raw.get("id")
    if id_ is not None and type(id_) is not str:
        return DecodeError("a resource 'id' must be a string", pointer=pointer + "/id")
    member = next(m for m in _KINDS if raw.get(m) is not None and type(raw[m]) is not dict)
    return DecodeError(f"'{member}' must be an object", pointer=f"{pointer}/{member}")


def _pointer(section: str, position: int | None) -> str:
    return f"/{section}" if position is None else f"/{section}/{position}"


def _object_member(raw: dict[str, Any], name: str) -> Mapping[str, Any]:
    value = raw.get(name)
    if value is None:
        return _EMPTY
    if type(value) is not dict:
        raise DecodeError(f"'{name}' must be an object", pointer=f"/{name}")
    return MappingProxyType(value)


@attrs.frozen(kw_only=True)
class Document:
    """A decoded JSON:API document.

    Examples:
        >>> doc = Document.parse(b'{"data": {"type": "user", "id": "1"}}')
        >>> doc.get("user", "1").type
        'user'
    """

    data: Resource | tuple[Resource, ...] | None = None
    included: tuple[Resource, ...] = ()
    meta: Mapping[str, Any] = _EMPTY
    links: Mapping[str, Any] = _EMPTY
    errors: tuple[ErrorObject, ...] = ()
    jsonapi: Mapping[str, Any] = _EMPTY
    extra: Mapping[str, Any] = _EMPTY
    has_data: bool = False
    _index: Mapping[tuple[str, str], Resource] = attrs.field(default=_EMPTY, repr=False)

    @classmethod
    def parse(cls, source: bytes | bytearray | memoryview | str | Mapping[str, Any]) -> Document:
        """Decode a JSON:API document from JSON text or an already-parsed mapping.

        Raises:
            DecodeError: the text is not JSON, or the value is not a JSON:API document;
                ``pointer`` names the offending member.
        """
        if isinstance(source, bytes | bytearray | memoryview | str):
            size = len(source)
            with collector_paused(size >= LARGE_BODY, promote=size >= _json.PROMOTED_BODY):
                raw = loads(source)
                if type(raw) is not dict:
                    raise DecodeError("a JSON:API document must be a JSON object")
                return _decode(raw)
        raw = dict(source) if isinstance(source, Mapping) and type(source) is not dict else source
        if type(raw) is not dict:
            raise DecodeError("a JSON:API document must be a JSON object")
        return _decode(raw)

    @property
    def resources(self) -> tuple[Resource, ...]:
        """Every resource of the document, primary first, each once."""
        seen: set[int] = set()
        unique = []
        for resource in (*self.primary, *self.included):
            if id(resource) not in seen:
                seen.add(id(resource))
                unique.append(resource)
        return tuple(unique)

    @property
    def primary(self) -> tuple[Resource, ...]:
        """The primary data as a tuple, whether it was one resource, a list or null."""
        if self.data is None:
            return ()
        if isinstance(self.data, Resource):
            return (self.data,)
        return self.data

    def get(self, type: str, id: str) -> Resource | None:
        """The resource ``(type, id)`` from ``data`` or ``included``, or None."""
        return self._index.get((type, id))

    def resolve(self, identifier: Identifier) -> Resource | None:
        """The resource an identifier points at, or None when the document lacks it."""
        return self._index.get((identifier.type, identifier.id))

    def related(self, resource: Resource, name: str) -> Resource | list[Resource] | None:
        """Follow relationship ``name`` of ``resource`` within this document.

        A to-one relationship gives the target Resource, or None when it is ``null``,
        absent, or its target is not in the document. A to-many relationship gives the
        list of targets the document holds, in linkage order.
        """
        # The common case, well-formed linkage, read with plain subscripts; anything else
        # (absent, null, malformed) raises or falls through to the exact rules below.
        try:
            relationship = resource._raw["relationships"][name]
            if type(relationship) is dict:
                data = relationship["data"]
                if type(data) is dict:
                    type_ = data["type"]
                    id_ = data["id"]
                    if type(type_) is str and type(id_) is str:
                        return self._index.get((type_, id_))
                elif type(data) is list:
                    index = self._index
                    found = []
                    for item in data:
                        if type(item) is not dict:
                            break
                        type_ = item["type"]
                        id_ = item["id"]
                        if type(type_) is not str or type(id_) is not str:
                            break
                        target = index.get((type_, id_))
                        if target is not None:
                            found.append(target)
                    else:
                        return found
        except (KeyError, TypeError):
            pass
        return _related(self._index, resource, name)


def _related(
    index: Mapping[tuple[str, str], Resource], resource: Resource, name: str
) -> Resource | list[Resource] | None:
    """`Document.related`, every case: None when there is nothing to follow, DecodeError
    for linkage that is not well formed."""
    raw = resource._raw.get("relationships")
    if raw is None:
        return None
    relationship = raw.get(name)
    if relationship is None and name not in raw:
        return None
    data = _relationship_object(resource, name, relationship).get("data")
    if data is None:
        return None
    if type(data) is list:
        found = []
        for position, item in enumerate(data):
            type_, id_ = _linked_key(
                item, f"{_relationship_pointer(resource, name)}/data/{position}"
            )
            target = index.get((type_, id_))
            if target is not None:
                found.append(target)
        return found
    type_, id_ = _linked_key(data, f"{_relationship_pointer(resource, name)}/data")
    return index.get((type_, id_))


def _decode(raw: dict[str, Any]) -> Document:
    has_data = "data" in raw
    if has_data and "errors" in raw:
        raise DecodeError("a document must not hold both 'data' and 'errors'", pointer="/errors")
    index: dict[tuple[str, str], Resource] = {}
    data_raw = raw.get("data")
    data: Resource | tuple[Resource, ...] | None
    if data_raw is None or data_raw == {}:
        # The platform answers some actions (a flow's stop) with "data": {}, an empty
        # object where JSON:API wants null; it means no primary data.
        data = None
    elif type(data_raw) is dict:
        data = _wrap_section([data_raw], "data", (None,), index)[0]
    elif type(data_raw) is list:
        data = tuple(_wrap_section(data_raw, "data", range(len(data_raw)), index))
    else:
        raise DecodeError("'data' must be an object, an array or null", pointer="/data")

    included_raw = raw.get("included")
    included: tuple[Resource, ...] = ()
    if included_raw is not None:
        if type(included_raw) is not list:
            raise DecodeError("'included' must be an array", pointer="/included")
        included = tuple(_wrap_section(included_raw, "included", range(len(included_raw)), index))

    errors_raw = raw.get("errors")
    errors: tuple[ErrorObject, ...] = ()
    if errors_raw is not None:
        errors = parse_error_objects(errors_raw, pointer="/errors")

    return Document(
        data=data,
        included=included,
        meta=_object_member(raw, "meta"),
        links=_object_member(raw, "links"),
        errors=errors,
        jsonapi=_object_member(raw, "jsonapi"),
        extra=MappingProxyType({k: v for k, v in raw.items() if k not in _DOCUMENT_MEMBERS}),
        has_data=has_data,
        index=index,
    )
