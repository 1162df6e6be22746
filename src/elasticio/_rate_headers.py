"""Reading a server's rate-limit headers, when it sends any. Pure: headers in, a value out.

Two spellings are common and both are read: the IETF draft's ``RateLimit-Limit``,
``RateLimit-Remaining`` and ``RateLimit-Reset`` (with the window in ``RateLimit-Policy:
100;w=60`` or in the limit itself, ``RateLimit-Limit: 100, 100;w=60``), and the older
``X-RateLimit-Limit``, ``X-RateLimit-Remaining`` and ``X-RateLimit-Reset``, whose reset
some servers give in seconds from now and others as a Unix time. The elastic.io API
documents neither; a client that never sees them never pays more than two lookups.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import attrs

__all__ = ["RateHeaders", "read_rate_headers"]

# A reset larger than this (about 31 years in seconds) is a Unix time, not a delay.
_EPOCH_THRESHOLD = 1e9
_WINDOW = re.compile(r";\s*w\s*=\s*([0-9]+(?:\.[0-9]+)?)", re.IGNORECASE)
_PREFIXES = ("ratelimit-", "x-ratelimit-")


@attrs.frozen
class RateHeaders:
    """What a response said about the client's quota.

    Attributes:
        remaining: requests left in the quota now.
        reset: seconds from now until the quota is whole again, if said.
        limit: the quota's size, if said.
        window: the seconds the quota is counted over, if said (``w=``).
    """

    remaining: int
    reset: float | None = None
    limit: int | None = None
    window: float | None = None

    @property
    def rate(self) -> float | None:
        """The sustained requests per second the quota allows, when limit and window are known.

        Examples:
            >>> RateHeaders(remaining=5, limit=100, window=60.0).rate
            1.6666666666666667
            >>> RateHeaders(remaining=5).rate is None
            True
        """
        if self.limit is None or not self.window:
            return None
        return self.limit / self.window


def read_rate_headers(headers: Mapping[str, str], *, now: float) -> RateHeaders | None:
    """The quota a response's headers state, or None if they state none readably.

    ``headers`` is looked up by lower-case names: an `httpx.Headers` (any case) or a dict
    with lower-case keys. ``now`` is the wall-clock time (Unix seconds), for a reset given
    as a Unix time.

    Examples:
        >>> read_rate_headers(
        ...     {"ratelimit-limit": "100", "ratelimit-remaining": "7", "ratelimit-reset": "2",
        ...      "ratelimit-policy": "100;w=1"},
        ...     now=0.0,
        ... )
        RateHeaders(remaining=7, reset=2.0, limit=100, window=1.0)
        >>> read_rate_headers({"x-ratelimit-remaining": "0",
        ...                    "x-ratelimit-reset": "1700000030"}, now=1700000000.0)
        RateHeaders(remaining=0, reset=30.0, limit=None, window=None)
        >>> read_rate_headers({"content-type": "application/json"}, now=0.0) is None
        True
    """
    for prefix in _PREFIXES:
        remaining = _count(headers.get(prefix + "remaining"))
        if remaining is None:
            continue
        limit_text = headers.get(prefix + "limit")
        window = _window(headers.get(prefix + "policy")) or _window(limit_text)
        return RateHeaders(
            remaining=remaining,
            reset=_reset(headers.get(prefix + "reset"), now),
            limit=_count(limit_text),
            window=window,
        )
    return None


def _first_number(text: str | None) -> float | None:
    """The leading number of ``text``'s first list item (``"100, 100;w=60"`` gives 100)."""
    if text is None:
        return None
    item = text.split(",", 1)[0].split(";", 1)[0].strip().strip('"')
    try:
        value = float(item)
    except ValueError:
        return None
    return value if math.isfinite(value) and value >= 0 else None


def _count(text: str | None) -> int | None:
    value = _first_number(text)
    return None if value is None else int(value)


def _window(text: str | None) -> float | None:
    if text is None:
        return None
    found = _WINDOW.search(text)
    if found is None:
        return None
    seconds = float(found[1])
    return seconds if seconds > 0 else None


def _reset(text: str | None, now: float) -> float | None:
    value = _first_number(text)
    if value is None:
        return None
    if value > _EPOCH_THRESHOLD:
        return max(0.0, value - now)
    return value
