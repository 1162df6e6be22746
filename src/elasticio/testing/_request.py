"""What a handler receives (`Call`) and what it gives back (`Reply`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import attrs

from elasticio._catalog import Entry, Paged
from elasticio.testing._areas.users.store import UserRecord
from elasticio.testing._jsonapi import Json, page_request, paginate
from elasticio.testing._multipart import FormPart
from elasticio.testing._outbox import Outbox
from elasticio.testing._platform import Platform
from elasticio.testing._schema import Body, Payload, PlainBody
from elasticio.testing._settings import EmulatorSettings

__all__ = ["Call", "Reply"]

T = TypeVar("T")


@attrs.frozen(kw_only=True)
class Call:
    """One authenticated request, as a handler sees it.

    ``entry`` is the catalog entry being served (its placeholders reach the handler as
    keyword arguments, percent-decoded), ``query`` the query string (a name given twice
    is a 400 before the handler runs, but a ``name[]`` array, whose values are in
    ``arrays``), ``body`` the parsed JSON body or None (read it with
    `payload`), ``form`` the fields of a ``multipart/form-data`` body (then ``body`` is
    None), ``origin`` the scheme and host the request was sent to
    (``http://127.0.0.1``), for the absolute URLs some answers carry, ``outbox`` where
    requests the emulator sends on its own go (registration callbacks).
    """

    platform: Platform
    settings: EmulatorSettings
    user: UserRecord
    entry: Entry
    path: str
    query: Mapping[str, str]
    arrays: Mapping[str, tuple[str, ...]] = attrs.Factory(dict)
    body: Any = None
    schema: Body | PlainBody | None = None
    origin: str = ""
    outbox: Outbox = attrs.Factory(Outbox)
    form: Mapping[str, FormPart] | None = None

    def payload(self, *, url_id: str | None = None) -> Payload:
        """The body read against the route's schema (``url_id``: the id in the URL).

        Raises:
            ReplyError: the body does not fit (400 or 409).
        """
        if not isinstance(self.schema, Body):
            raise TypeError(f"{self.entry.name} declares no JSON:API body")
        return self.schema.read(self.body, url_id=url_id)

    def members(self) -> dict[str, Any]:
        """The plain-JSON body (API v1) read against the route's schema.

        Raises:
            ReplyError: the body does not fit (400).
        """
        if not isinstance(self.schema, PlainBody):
            raise TypeError(f"{self.entry.name} declares no plain-JSON body")
        return self.schema.read(self.body)

    def page(self, items: Sequence[T]) -> tuple[list[T], Json]:
        """The page of ``items`` the query asks for (``page[number]``, ``page[size]``, the
        entry's default size), and the ``meta`` block describing them all."""
        if not isinstance(self.entry.returns, Paged):
            raise TypeError(f"{self.entry.name} is not paged")
        return paginate(items, page_request(self.query, default_size=self.entry.returns.size))


@attrs.frozen
class Reply:
    """A successful answer: status, JSON body (None for an empty one), extra headers."""

    status: int = 200
    body: Any = None
    headers: Mapping[str, str] = attrs.Factory(dict)
