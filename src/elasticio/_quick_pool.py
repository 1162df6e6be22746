"""httpcore's connection pool with a cheaper bookkeeping step, for the SDK's own clients.

Every time a request enters or leaves httpcore's pool, the pool looks over all of its
connections: it asks each whether it has expired (for an idle connection, a system call
to see whether the server closed the socket) and, for each idle one, looks over all of
them again. With a connection per concurrency slot (64 by default) that is thousands of
calls and dozens of system calls per request: at 32 requests in flight, most of the
client's CPU (bench/overhead.py).

`QuickPool` keeps the pool's behaviour and does less of that work:

* a step drops closed connections, as httpcore's does, and if no request waits for a
  connection, that is all it does;
* a waiting request's step looks at connections in order until one fits, checking each
  idle one it meets for expiry, so a connection the server closed is never handed out;
* all of them are swept at most once a `SWEEP`: expired connections closed (keep-alive
  expiry is honoured to within that), and idle ones beyond
  ``max_keepalive_connections`` closed, the oldest kept (as the limit means, where
  httpcore counts every connection);
* a waiting request gets the first available connection for its origin, else a new one
  within ``max_connections``, else an idle connection is closed to make room: the order
  httpcore follows, except that an idle connection already given to a request that has
  not started on it yet goes to a second request only if no other one is available
  (httpcore's pool gives it, and the second request then finds it busy and goes through
  the pool again: most of the pool's steps at 32 in flight).

It applies to the plain pool of httpx's default transport only (not to proxies' pools),
and only where httpcore's pool has the step it replaces and the state it reads (httpcore
1.0.x, `fits`); otherwise the stock pool stays.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable

import httpcore
import httpx
from httpcore._async import connection_pool as httpcore_pool

__all__ = ["SWEEP", "QuickPool", "fits", "quicken"]

# How often every connection is checked for expiry, in seconds.
SWEEP = 1.0
# What QuickPool reads of httpcore's pool, besides the step it replaces.
_STATE = ("_connections", "_requests", "_max_connections", "_max_keepalive_connections")

_Connection = httpcore.AsyncConnectionInterface


class QuickPool(httpcore.AsyncConnectionPool):
    """`httpcore.AsyncConnectionPool` whose bookkeeping step only drops closed
    connections unless a request waits for one, and then looks at them only until one
    fits."""

    # Injected by tests; the pool's I/O stays httpcore's.
    clock: Callable[[], float] = time.monotonic
    _next_sweep = -float("inf")

    def _assign_requests_to_connections(self) -> list[_Connection]:
        closing: list[_Connection] = []
        now = self.clock()
        if now >= self._next_sweep:
            self._next_sweep = now + SWEEP
            self._sweep(closing)
        elif any(connection.is_closed() for connection in self._connections):
            # A closed connection is dropped at once, as httpcore does (a cheap check;
            # it is the expiry check of every idle one that costs a system call each).
            self._connections = [each for each in self._connections if not each.is_closed()]
        waiting = [request for request in self._requests if request.is_queued()]
        if not waiting:
            return closing
        # Connections given to requests that have not started on them yet. httpcore hands
        # such a connection (still idle) to the next request too, which then finds it
        # busy and goes through the pool again: another idle one is better, if any.
        taken = {id(request.connection) for request in self._requests if not request.is_queued()}
        for request in waiting:
            connection = self._connection_for(request.request.url.origin, taken, closing)
            if connection is None:
                break  # the pool is full: the rest wait too
            request.assign_to_connection(connection)
            taken.add(id(connection))
        return closing

    def _sweep(self, closing: list[_Connection]) -> None:
        """Drop closed connections; close expired ones and idle ones past the keep-alive
        limit (the oldest idle ones are kept)."""
        kept: list[_Connection] = []
        idle = 0
        for connection in self._connections:
            if connection.is_closed():
                continue
            if connection.has_expired() or (
                connection.is_idle() and idle >= self._max_keepalive_connections
            ):
                closing.append(connection)
                continue
            idle += connection.is_idle()
            kept.append(connection)
        self._connections = kept

    def _connection_for(
        self, origin: httpcore.Origin, taken: set[int], closing: list[_Connection]
    ) -> _Connection | None:
        """A connection for a request to ``origin``: reused (one not ``taken`` first),
        new, or None (the request waits). Closed connections met on the way are dropped,
        expired ones closed."""
        connections = self._connections
        spare: _Connection | None = None  # an idle connection to close to make room
        shared: _Connection | None = None  # an available one, but taken
        index = 0
        while index < len(connections):
            connection = connections[index]
            if connection.is_closed() or (connection.is_idle() and connection.has_expired()):
                # Closed, or closed by the server (or past keep-alive) while it was idle.
                del connections[index]
                if not connection.is_closed():
                    closing.append(connection)
                continue
            index += 1
            if connection.can_handle_request(origin) and connection.is_available():
                if id(connection) not in taken:
                    return connection
                if shared is None:
                    shared = connection
            elif spare is None and connection.is_idle():
                spare = connection
        if shared is not None:
            return shared  # as httpcore would
        if len(connections) >= self._max_connections:
            if spare is None:
                return None
            connections.remove(spare)
            closing.append(spare)
        connection = self.create_connection(origin)
        connections.append(connection)
        return connection


@functools.cache
def _requests_take_connections() -> bool:
    """Whether httpcore's queued requests can be asked for and given a connection."""
    kind = getattr(httpcore_pool, "AsyncPoolRequest", None)
    request = None if kind is None else kind(httpcore.Request("GET", "http://x/"))
    return all(
        hasattr(request, name) for name in ("is_queued", "assign_to_connection", "connection")
    )


def fits(pool: httpcore.AsyncConnectionPool) -> bool:
    """Whether ``pool`` (of the installed httpcore) has the step `QuickPool` replaces and
    the state it reads."""
    step = getattr(type(pool), "_assign_requests_to_connections", None)
    return (
        callable(step)
        and all(hasattr(pool, name) for name in _STATE)
        and _requests_take_connections()
    )


def quicken(http: httpx.AsyncClient) -> bool:
    """Give ``http``'s default transport a `QuickPool` in place of httpcore's plain pool;
    True if it did. Transports given by the user, and proxies' pools, are left alone."""
    transport = getattr(http, "_transport", None)
    pool = getattr(transport, "_pool", None)
    if type(transport) is not httpx.AsyncHTTPTransport:
        return False
    if type(pool) is not httpcore.AsyncConnectionPool or not fits(pool):
        return False
    # The same object, its state untouched, with the cheaper step: a pool just built
    # holds no connection and no request yet.
    pool.__class__ = QuickPool
    return True
