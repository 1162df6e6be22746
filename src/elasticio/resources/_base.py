"""What every resource namespace shares: the client it sends through, paged lists, the
checks on the resources an answer holds, and relationships to optional targets."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from elasticio._catalog import Entry
from elasticio._errors import DecodeError, UsageError
from elasticio._http import QueryParams, RequestSpec, Response
from elasticio._options import CallOptions, ListOptions, call_spec
from elasticio._pagination import DEFAULT_PREFETCH, Paginator
from elasticio.jsonapi import (
    Document,
    Identifier,
    RelationshipValue,
    Resource,
    Unset,
    encode_document,
)
from elasticio.models._declare import Model, structure
from elasticio.models._plain import PlainModel, structure_plain
from elasticio.resources._sender import Sender

__all__ = ["Namespace", "linked", "of_type", "one_resource", "request"]

T = TypeVar("T")
M = TypeVar("M", bound=Model)
P = TypeVar("P", bound=PlainModel)


def request(
    entry: Entry,
    *,
    params: QueryParams | None = None,
    json: Any = None,
    options: CallOptions | None = None,
    **path: str,
) -> RequestSpec:
    """The request for catalog ``entry``, its placeholders filled from ``path`` and the
    call's ``options`` applied.

    Examples:
        >>> from elasticio._catalog.v2 import FLOWS_GET
        >>> request(FLOWS_GET, flow_id="a/b").path
        '/v2/flows/a%2Fb'
    """
    return call_spec(
        entry.method,
        entry.path(**path),
        params=params,
        json=json,
        codec=entry.codec,
        options=options,
    )


def linked(type_: str, id_: str | Unset | None) -> Identifier | Unset | None:
    """A relationship's linkage for an optional argument: the identifier of ``id_``;
    ``UNSET`` (leave the relationship out) and ``None`` (send null) pass through."""
    if id_ is None or isinstance(id_, Unset):
        return id_
    return Identifier(type_, id_)


def of_type(resource: Resource, expected_type: str) -> Resource:
    """``resource``, once its type is checked to be ``expected_type``.

    Raises:
        DecodeError: the resource is of another type.
    """
    if resource.type != expected_type:
        raise DecodeError(
            f"expected a {expected_type!r} resource, got {resource.type!r}",
            pointer=f"{resource.pointer}/type",
        )
    return resource


def one_resource(document: Document, expected_type: str) -> Resource:
    """The single primary resource of ``document``, of type ``expected_type``.

    Raises:
        DecodeError: ``data`` is not one resource, or it is of another type.
    """
    data = document.data
    if not isinstance(data, Resource):
        raise DecodeError(f"expected one {expected_type!r} resource", pointer="/data")
    return of_type(data, expected_type)


class Namespace:
    """A group of endpoints, such as ``client.flows``, sending through the client.

    The ``_one``, ``_many``, ``_list`` and ``_nothing`` helpers execute a catalog entry:
    they build its request from ``path`` (the placeholders), ``params`` and ``body``, send
    it, and structure the answer into ``model`` bound to this namespace, with ``path`` as
    the context for relationships the answer leaves out.
    """

    def __init__(self, client: Sender) -> None:
        self._client = client

    def _structurer(
        self, model: type[M], path: Mapping[str, str]
    ) -> Callable[[Response, Resource], M]:
        def build(response: Response, resource: Resource) -> M:
            return structure(
                model,
                response.document,
                resource,
                api=self,
                context=path,
                request_id=response.request_id,
            )

        return build

    async def _one(
        self,
        entry: Entry,
        model: type[M],
        *,
        params: QueryParams | None = None,
        body: Any = None,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
        options: CallOptions | None = None,
        **path: str,
    ) -> M:
        """The one resource the answer to ``entry`` holds, as a ``model`` (``files``: a
        ``multipart/form-data`` body instead of ``body``)."""
        found = await self._optional(
            entry, model, params=params, body=body, files=files, options=options, **path
        )
        if found is None:
            raise DecodeError(
                f"expected one resource in the answer to {entry.route}", pointer="/data"
            )
        return found

    async def _optional(
        self,
        entry: Entry,
        model: type[M],
        *,
        params: QueryParams | None = None,
        body: Any = None,
        files: Mapping[str, tuple[str, bytes, str]] | None = None,
        options: CallOptions | None = None,
        **path: str,
    ) -> M | None:
        """The resource the answer to ``entry`` holds as a ``model``, or None when the
        answer holds none (204, an empty body, ``data`` null or ``{}``)."""
        spec = request(entry, params=params, json=body, options=options, **path)
        if files is not None:
            spec = attrs.evolve(spec, files=files)
        response = await self._client._send(spec)
        document = response.document
        data = document.data
        if isinstance(data, Resource):
            return self._structurer(model, path)(response, data)
        if data is None or not document.has_data:
            return None
        raise DecodeError(
            f"expected at most one resource in the answer to {entry.route}", pointer="/data"
        )

    async def _many(
        self,
        entry: Entry,
        model: type[M],
        *,
        params: QueryParams | None = None,
        options: CallOptions | None = None,
        **path: str,
    ) -> list[M]:
        """Every resource of the answer to ``entry`` (one request), as ``model`` objects."""
        spec = request(entry, params=params, options=options, **path)
        response = await self._client._send(spec)
        build = self._structurer(model, path)
        return [build(response, resource) for resource in response.document.primary]

    def _list(
        self,
        entry: Entry,
        model: type[M],
        *,
        params: QueryParams | None = None,
        page_size: int | None = None,
        options: ListOptions | None = None,
        **path: str,
    ) -> Paginator[M]:
        """An async iterator over the resources of ``entry``, fetching page after page
        while the answers say there are more (``page_size`` only for paged entries), at
        most ``options["max_pages"]`` pages (else the client's ``max_pages``)."""
        if page_size is not None and not entry.pages:
            raise UsageError(f"{entry.route} is not paged; page_size cannot be set")
        options = options or {}
        return self._paginate(
            request(entry, params=params, options=options, **path),
            self._structurer(model, path),
            page_size,
            max_pages=options.get("max_pages"),
            prefetch=options.get("prefetch"),
        )

    async def _nothing(
        self,
        entry: Entry,
        *,
        params: QueryParams | None = None,
        body: Any = None,
        options: CallOptions | None = None,
        **path: str,
    ) -> None:
        """Send ``entry``'s request; the answer carries nothing to return."""
        await self._client._fetch(request(entry, params=params, json=body, options=options, **path))

    async def _plain(
        self,
        entry: Entry,
        *,
        params: QueryParams | None = None,
        body: Any = None,
        options: CallOptions | None = None,
        **path: str,
    ) -> Response:
        """Send ``entry``'s plain-JSON request; the answer's value is in ``.json``."""
        if entry.codec != "plain":
            raise UsageError(f"{entry.route} answers JSON:API, not plain JSON")
        return await self._client._send(
            request(entry, params=params, json=body, options=options, **path)
        )

    async def _object(
        self,
        entry: Entry,
        model: type[P],
        *,
        params: QueryParams | None = None,
        body: Any = None,
        options: CallOptions | None = None,
        **path: str,
    ) -> P:
        """The JSON object the plain answer to ``entry`` is, as a ``model``."""
        response = await self._plain(entry, params=params, body=body, options=options, **path)
        return structure_plain(model, response.json, request_id=response.request_id)

    async def _objects(
        self,
        entry: Entry,
        model: type[P],
        *,
        member: str | None = None,
        params: QueryParams | None = None,
        options: CallOptions | None = None,
        **path: str,
    ) -> list[P]:
        """The JSON array the plain answer to ``entry`` is (or holds in ``member``), each
        object as a ``model``."""
        response = await self._plain(entry, params=params, options=options, **path)
        value, pointer = response.json, ""
        if member is not None:
            if not isinstance(value, dict):
                raise DecodeError(
                    f"expected an object with {member!r} in the answer to {entry.route}"
                )
            value, pointer = value.get(member), f"/{member}"
        if not isinstance(value, list):
            raise DecodeError(f"expected an array in the answer to {entry.route}", pointer=pointer)
        return [
            structure_plain(model, item, request_id=response.request_id, pointer=f"{pointer}/{n}")
            for n, item in enumerate(value)
        ]

    def _body(
        self,
        entry: Entry,
        *,
        id: str | None = None,
        attributes: Mapping[str, Any] | None = None,
        relationships: Mapping[str, RelationshipValue] | None = None,
    ) -> dict[str, Any]:
        """The JSON:API request document of ``entry``: its body type with these members."""
        if entry.body is None:
            raise UsageError(f"{entry.route} takes no body")
        return encode_document(
            entry.body, id=id, attributes=attributes, relationships=relationships
        )

    def _paginate(
        self,
        first: RequestSpec,
        item: Callable[[Response, Resource], T],
        page_size: int | None = None,
        *,
        max_pages: int | None = None,
        prefetch: int | None = None,
    ) -> Paginator[T]:
        """The list that starts with request ``first``, each resource built by ``item``,
        capped at ``max_pages`` pages (None: the client's ``max_pages``), fetching
        ``prefetch`` pages ahead (None: `DEFAULT_PREFETCH`)."""
        return Paginator(
            fetch=self._client._send,
            first=first,
            item=item,
            base_url=self._client.base_url,
            page_size=page_size,
            max_pages=self._client.max_pages if max_pages is None else max_pages,
            prefetch=DEFAULT_PREFETCH if prefetch is None else prefetch,
        )
