"""What every resource namespace shares: the client it sends through, paged lists, the
checks on the resources an answer holds, and relationships to optional targets."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from elasticio._catalog import Entry
from elasticio._errors import DecodeError
from elasticio._http import QueryParams, RequestSpec
from elasticio._pagination import Paginator
from elasticio.jsonapi import Document, Identifier, Resource, Unset
from elasticio.resources._sender import Sender

__all__ = ["Namespace", "linked", "of_type", "one_resource", "request"]

T = TypeVar("T")


def request(
    entry: Entry, *, params: QueryParams | None = None, json: Any = None, **path: str
) -> RequestSpec:
    """The request for catalog ``entry``, its placeholders filled from ``path``.

    Example:
        >>> from elasticio._catalog.v2 import FLOWS_GET
        >>> request(FLOWS_GET, flow_id="a/b").path
        '/v2/flows/a%2Fb'
    """
    return RequestSpec(
        method=entry.method,
        path=entry.path(**path),
        params=params or {},
        json=json,
        codec=entry.codec,
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
    """A group of endpoints, such as ``client.flows``, sending through the client."""

    def __init__(self, client: Sender) -> None:
        self._client = client

    def _paginate(
        self,
        first: RequestSpec,
        item: Callable[[Document, Resource], T],
        page_size: int | None = None,
    ) -> Paginator[T]:
        """The list that starts with request ``first``, each resource built by ``item``."""
        return Paginator(
            fetch=self._client.fetch,
            first=first,
            item=item,
            base_url=self._client.base_url,
            page_size=page_size,
        )
