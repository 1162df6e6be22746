"""What a handler receives (:class:`Call`) and what it gives back (:class:`Reply`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from elasticio._catalog import Entry
from elasticio.testing._model import User
from elasticio.testing._platform import Platform
from elasticio.testing._settings import EmulatorSettings

__all__ = ["Call", "Reply"]


@attrs.frozen(kw_only=True)
class Call:
    """One authenticated request, as a handler sees it.

    ``entry`` is the catalog entry being served (its placeholders reach the handler as
    keyword arguments, percent-decoded), ``query`` the query string (the last value of a
    repeated name wins), ``body`` the parsed JSON body or None,
    ``origin`` the scheme and host the request was sent to (``http://127.0.0.1``), for
    the absolute URLs some answers carry.
    """

    platform: Platform
    settings: EmulatorSettings
    user: User
    entry: Entry
    path: str
    query: Mapping[str, str]
    body: Any = None
    origin: str = ""


@attrs.frozen
class Reply:
    """A successful answer: status, JSON body (None for an empty one), extra headers."""

    status: int = 200
    body: Any = None
    headers: Mapping[str, str] = attrs.Factory(dict)
