"""A request's URL from the base URL and a path already checked, without parsing it again.

``httpx.URL.copy_with(raw_path=...)`` parses and validates the whole URL anew, character
by character: about a third of building a request. The SDK's paths are checked before
they get here (``_http._check_path``: percent-encoded, only the characters RFC 3986
allows), and for such a path httpx's parsing changes nothing, except dot segments, which
it resolves. So a path without them replaces the base URL's path as it is, in the parsed
form httpx keeps; anything else, or an httpx whose URL no longer has that form, takes
httpx's own way. ``tests/test_url.py`` checks that both ways give the same URL.
"""

from __future__ import annotations

from typing import Any

import httpx

__all__ = ["with_raw_path"]


def with_raw_path(base_url: httpx.URL, raw_path: str) -> httpx.URL:
    """``base_url`` with ``raw_path`` (a path and an optional ``?query``) in place of its own.

    ``raw_path`` must hold only what ``_http._check_path`` allows.

    Examples:
        >>> str(with_raw_path(httpx.URL("https://api.example.com"), "/v2/flows/1?a=b"))
        'https://api.example.com/v2/flows/1?a=b'

    Raises:
        httpx.InvalidURL: as ``httpx.URL.copy_with`` does, for a URL it refuses.
    """
    reference: Any = getattr(base_url, "_uri_reference", None)
    path, question, query = raw_path.partition("?")
    if (
        # The parsed form of httpx 0.23 to 0.28: a named tuple with these fields.
        not hasattr(reference, "_replace")
        or getattr(reference, "_fields", ())[4:6] != ("path", "query")
        or reference.query is not None
        or reference.fragment is not None
        or not path.startswith("/")
        or "/./" in f"{path}/"
        or "/../" in f"{path}/"
    ):
        return base_url.copy_with(raw_path=raw_path.encode("ascii"))
    url = httpx.URL.__new__(httpx.URL)
    url._uri_reference = reference._replace(path=path, query=query if question else None)
    return url
