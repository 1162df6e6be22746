"""Scripted misbehaviour: rate limiting, injected errors, latency, dropped connections.

Every request passes `decide` before it reaches a handler, in this order:

1. **latency**: the first matching ``delay`` rule that fires makes the app await the
   emulator's ``sleep`` (inject a fake one and nothing really waits);
2. **rate limit** (``settings.rate_limit``): a token bucket per user (the Basic-auth
   username as sent), refilled at N tokens per second with a burst of N. An empty
   bucket answers 429 with ``Retry-After`` in whole seconds (at least 1);
3. **dropped connection**: see `ConnectionDropped`;
4. **injected error**: the first matching ``fail`` rule that fires answers its status
   (500 by default) with a JSON:API error body.

A rule matches every request (``route=None``) or those of one catalog entry, named
(``"flows.get"``) or given (``FLOWS_GET``); the entry's ``"METHOD /template"``
(``"GET /v2/flows/{flow_id}"``, the names before the catalog) is accepted too. A name
the emulator does not serve is refused at once, with the close ones suggested. A rule
fires on every matching request, or with a ``probability`` drawn from a random generator
seeded at creation, and ``times`` limits how often it fires; a spent rule is removed.

Examples:
    >>> faults.fail(503, times=2, route="flows.get")  # doctest: +SKIP
    >>> faults.delay(0.5, probability=0.1)  # doctest: +SKIP
"""

from __future__ import annotations

import difflib
import math
import random
from collections.abc import Callable, Collection
from typing import Literal

import attrs
import httpx

from elasticio._catalog import ENTRIES, Entry
from elasticio.testing._errors import ReplyError
from elasticio.testing._settings import EmulatorSettings

__all__ = ["NO_FAULT", "ConnectionDropped", "FaultRule", "Faults", "TokenBucket", "Verdict"]


class ConnectionDropped(httpx.RemoteProtocolError):
    """The emulator hung up on purpose.

    The app first starts a response (status 200, headers, a body promised but never sent)
    and then raises this. In process, ``httpx.ASGITransport`` passes the exception on to
    the caller: it is an `httpx.RemoteProtocolError`, the error httpx gives for a
    connection a real server closed. Served by uvicorn, the exception after a started
    response makes uvicorn close the socket (and log the traceback), so the client sees
    a truncated response: again ``httpx.RemoteProtocolError``.
    """


@attrs.define
class TokenBucket:
    """``rate`` tokens a second up to ``capacity``; each request takes one."""

    rate: float
    capacity: float
    tokens: float
    updated: float

    def take(self, now: float) -> float | None:
        """Take a token; None if one was there, else the seconds until one will be."""
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return None
        return (1.0 - self.tokens) / self.rate


@attrs.define(kw_only=True)
class FaultRule:
    """One scripted fault; ``times`` counts down as it fires (None: no limit).

    ``entry`` names the catalog entry whose requests it hits (None: every request).
    """

    kind: Literal["error", "latency", "drop"]
    entry: str | None = None
    times: int | None = None
    probability: float = 1.0
    status: int = 500
    seconds: float = 0.0
    retry_after: int | None = None

    @property
    def route(self) -> str | None:
        """The entry's ``"METHOD /template"``, as rules were named before the catalog."""
        return None if self.entry is None else ENTRIES[self.entry].route


Target = str | Entry | None
"""Which requests a rule hits: an entry's name, the entry, or None for all of them."""

_BY_ROUTE = {entry.route: name for name, entry in ENTRIES.items()}


@attrs.frozen
class Verdict:
    """What to do to one request before (or instead of) handling it."""

    delay: float = 0.0
    drop: bool = False
    problem: ReplyError | None = None


NO_FAULT = Verdict()
"""The verdict for a request nothing happens to (the usual one)."""


class Faults:
    """The fault script of one emulator. Change it at any time, also between requests."""

    def __init__(
        self,
        *,
        settings: EmulatorSettings,
        clock: Callable[[], float],
        entries: Collection[str],
        seed: int = 0,
    ) -> None:
        self._settings = settings
        self._clock = clock
        self._entries = frozenset(entries)
        self._seed = seed
        self.rules: list[FaultRule] = []
        self._buckets: dict[str, TokenBucket] = {}
        self._bucket_rate: float | None = None
        self._random = random.Random(seed)  # noqa: S311 - fault injection, not secrets

    def fail(
        self,
        status: int = 500,
        *,
        times: int | None = None,
        probability: float = 1.0,
        route: Target = None,
        retry_after: int | None = None,
    ) -> FaultRule:
        """Answer matching requests with ``status`` (a 5xx) and an error body."""
        if not 500 <= status <= 599:
            raise ValueError(f"injected errors are server errors (5xx), not {status}")
        return self._add(
            FaultRule(kind="error", status=status, retry_after=retry_after),
            times,
            probability,
            route,
        )

    def delay(
        self,
        seconds: float,
        *,
        times: int | None = None,
        probability: float = 1.0,
        route: Target = None,
    ) -> FaultRule:
        """Wait ``seconds`` (through the emulator's sleep) before answering."""
        if seconds < 0:
            raise ValueError("a delay cannot be negative")
        return self._add(FaultRule(kind="latency", seconds=seconds), times, probability, route)

    def drop(
        self, *, times: int | None = None, probability: float = 1.0, route: Target = None
    ) -> FaultRule:
        """Hang up instead of answering (see `ConnectionDropped`)."""
        return self._add(FaultRule(kind="drop"), times, probability, route)

    def remove(self, rule: FaultRule) -> None:
        self.rules.remove(rule)

    def clear(self) -> None:
        """Remove every rule, refill every bucket and re-seed the random generator."""
        self.rules.clear()
        self._buckets.clear()
        self._random = random.Random(self._seed)  # noqa: S311

    def decide(self, entry: str | None, user: str) -> Verdict:
        """What happens to a request for the entry named ``entry`` (None: no entry serves
        the path) by ``user``."""
        if not self.rules and self._settings.rate_limit is None:
            return NO_FAULT
        latency = self._fire("latency", entry)
        delay = latency.seconds if latency else 0.0
        limited = self._rate_limit(user)
        if limited is not None:
            return Verdict(delay=delay, problem=limited)
        if self._fire("drop", entry):
            return Verdict(delay=delay, drop=True)
        error = self._fire("error", entry)
        if error is not None:
            headers = {} if error.retry_after is None else {"Retry-After": str(error.retry_after)}
            problem = ReplyError(
                error.status, "Injected by the emulator's fault script.", headers=headers
            )
            return Verdict(delay=delay, problem=problem)
        return Verdict(delay=delay) if delay else NO_FAULT

    def _entry_name(self, route: Target) -> str | None:
        """The served entry's name ``route`` stands for; ValueError for any other."""
        if route is None:
            return None
        name = route.name if isinstance(route, Entry) else _BY_ROUTE.get(route, route)
        if name not in self._entries:
            close = difflib.get_close_matches(name, self._entries, n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise ValueError(f"unknown route {name!r}: the emulator serves no such entry{hint}")
        return name

    def _add(
        self, rule: FaultRule, times: int | None, probability: float, route: Target
    ) -> FaultRule:
        if times is not None and times < 1:
            raise ValueError("times must be at least 1 (or None for no limit)")
        if not 0.0 < probability <= 1.0:
            raise ValueError("probability must be in (0, 1]")
        rule.times, rule.probability, rule.entry = times, probability, self._entry_name(route)
        self.rules.append(rule)
        return rule

    def _fire(self, kind: str, entry: str | None) -> FaultRule | None:
        for rule in self.rules:
            if rule.kind != kind or (rule.entry is not None and rule.entry != entry):
                continue
            # Draw only for probabilistic rules, so certain ones do not shift the sequence.
            if rule.probability < 1.0 and self._random.random() >= rule.probability:
                continue
            if rule.times is not None:
                rule.times -= 1
                if rule.times == 0:
                    self.rules.remove(rule)
            return rule
        return None

    def _rate_limit(self, user: str) -> ReplyError | None:
        rate = self._settings.rate_limit
        if rate is None:
            return None
        if rate != self._bucket_rate:
            self._buckets.clear()
            self._bucket_rate = rate
        now = self._clock()
        burst = float(max(1, math.ceil(rate)))
        bucket = self._buckets.setdefault(user, TokenBucket(rate, burst, burst, now))
        wait = bucket.take(now)
        if wait is None:
            return None
        seconds = max(1, math.ceil(wait))
        return ReplyError(
            429,
            f"Please slow down: at most {rate:g} requests per second; retry in {seconds} s.",
            headers={"Retry-After": str(seconds)},
        )
