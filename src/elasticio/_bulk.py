"""Running one operation over many items, a bounded number at a time.

Examples:
    >>> result = await run_bounded(  # doctest: +SKIP
    ...     lambda flow_id: client.flows.start(flow_id), flow_ids, concurrency=50
    ... )
    >>> for outcome in result.failed:  # doctest: +SKIP
    ...     print(outcome.item, outcome.error)
"""

from __future__ import annotations

import asyncio
from collections.abc import (
    AsyncIterable,
    AsyncIterator,
    Awaitable,
    Callable,
    Iterable,
    Mapping,
    Sized,
)
from typing import Generic, TypeVar, cast

import attrs

from elasticio._errors import UsageError

__all__ = ["BulkResult", "Outcome", "run_bounded"]

T = TypeVar("T")
R = TypeVar("R")


@attrs.frozen(kw_only=True)
class Outcome(Generic[T, R]):
    """What became of one item: the operation's ``value``, or the ``error`` it raised.

    ``index`` is the item's position in the input.
    """

    index: int
    item: T
    value: R | None = None
    error: Exception | None = None

    @property
    def ok(self) -> bool:
        """True when the operation returned (its value may be None)."""
        return self.error is None


@attrs.frozen(kw_only=True)
class BulkResult(Generic[T, R]):
    """Every item's [`Outcome`][elasticio.Outcome], in input order."""

    outcomes: tuple[Outcome[T, R], ...]

    @property
    def succeeded(self) -> tuple[Outcome[T, R], ...]:
        """The outcomes whose operation returned, in input order."""
        return tuple(o for o in self.outcomes if o.ok)

    @property
    def failed(self) -> tuple[Outcome[T, R], ...]:
        """The outcomes whose operation raised, in input order."""
        return tuple(o for o in self.outcomes if not o.ok)

    @property
    def ok(self) -> bool:
        """True when no operation raised."""
        return all(o.ok for o in self.outcomes)

    def values(self) -> list[R]:
        """Every value, in input order, when all operations succeeded.

        Raises:
            ExceptionGroup: some operations raised; the group holds each of their errors,
                in input order, so ``except* NotFoundError`` picks out one kind.
        """
        failed = self.failed
        if failed:
            raise ExceptionGroup(
                f"{len(failed)} of {len(self.outcomes)} operations failed",
                [o.error for o in failed if o.error is not None],
            )
        # With no error, each value is what the operation returned: an R (maybe None).
        return [cast(R, o.value) for o in self.outcomes]


class _Abort(Exception):  # noqa: N818 - internal: carries a BaseException out of a worker
    """A worker's way to stop the run with an exception that must not become an outcome.

    Raising a KeyboardInterrupt or CancelledError from a task would escape to the event
    loop or be taken for the task's own cancellation; this wrapper lets the task group
    cancel the other workers, and `run_bounded` raises the original.
    """

    def __init__(self, cause: BaseException) -> None:
        super().__init__(repr(cause))
        self.cause = cause


class _Source(Generic[T]):
    """The items, numbered, handed out one at a time to whichever worker asks."""

    def __init__(self, items: Iterable[T] | AsyncIterable[T]) -> None:
        self._sync = iter(items) if isinstance(items, Iterable) else None
        self._async: AsyncIterator[T] | None = None if isinstance(items, Iterable) else aiter(items)
        # An async iterator must not be advanced by two workers at once.
        self._lock = asyncio.Lock()
        self._next_index = 0
        self._exhausted = False

    async def next(self) -> tuple[int, T] | None:
        if self._exhausted:
            return None
        if self._sync is not None:
            try:
                item = next(self._sync)
            except StopIteration:
                self._exhausted = True
                return None
        else:
            async with self._lock:
                if self._exhausted or self._async is None:
                    return None
                try:
                    item = await anext(self._async)
                except StopAsyncIteration:
                    self._exhausted = True
                    return None
        index = self._next_index
        self._next_index += 1
        return index, item


def _first_cause(group: BaseExceptionGroup[BaseException]) -> BaseException:
    """The first leaf of a task group's error, unwrapped from its _Abort."""
    leaf: BaseException = group
    while isinstance(leaf, BaseExceptionGroup):
        leaf = leaf.exceptions[0]
    return leaf.cause if isinstance(leaf, _Abort) else leaf


def _finished(outcomes: Mapping[int, Outcome[T, R]], how: str) -> str:
    """A note for the exception that stopped a run: what had finished by then."""
    failed = sum(1 for o in outcomes.values() if not o.ok)
    return (
        f"run_bounded {how}: {len(outcomes)} operations had finished ({failed} failed), "
        "each reported to on_done; no operation was started after the stop"
    )


async def run_bounded(
    operation: Callable[[T], Awaitable[R]],
    items: Iterable[T] | AsyncIterable[T],
    *,
    concurrency: int,
    on_done: Callable[[Outcome[T, R]], object] | None = None,
) -> BulkResult[T, R]:
    """Run ``operation(item)`` for every item, at most ``concurrency`` at a time.

    ``concurrency`` workers pull items one by one, so a generator of 100 000 ids (or an
    async iterator, such as a paginator) is consumed as the work proceeds, never turned
    into 100 000 tasks at once. Each item's outcome, its value or the ``Exception`` it
    raised, is kept: one failure does not stop the others, and the result lists every
    outcome in input order. ``on_done`` is called with each outcome as it comes (for a
    progress bar).

    What is not an item's failure stops the whole run: a ``BaseException`` that is not
    an ``Exception`` (cancellation, ``KeyboardInterrupt``), an error raised by the items
    iterator, or an error raised by ``on_done``. The operations still running are then
    cancelled and waited for, no new one is started (even when an operation swallows
    its cancellation and returns), and that exception propagates with a note saying how
    many operations had finished; each of those was reported to ``on_done``, so a run
    that may be cancelled keeps its results there.

    The client's own ``max_concurrency`` still applies on top of ``concurrency``.

    Examples:
        >>> flows = client.flows.list("WORKSPACE_ID", status="inactive")  # doctest: +SKIP
        >>> ids = [flow.id async for flow in flows]  # doctest: +SKIP
        >>> result = await run_bounded(  # doctest: +SKIP
        ...     lambda fid: client.flows.start(fid), ids, concurrency=50
        ... )
        >>> print(f"{len(result.succeeded)} started, {len(result.failed)} failed")  # doctest: +SKIP
        >>> flows = result.values()  # raises an ExceptionGroup if any failed  # doctest: +SKIP

    Raises:
        UsageError: ``concurrency`` is not a whole number of at least 1.
    """
    if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
        raise UsageError(f"concurrency must be a whole number of at least 1, not {concurrency!r}")
    workers = min(concurrency, len(items)) if isinstance(items, Sized) else concurrency
    source = _Source(items)
    outcomes: dict[int, Outcome[T, R]] = {}

    async def work() -> None:
        task = asyncio.current_task()
        try:
            while True:
                if task is not None and task.cancelling():
                    # An operation swallowed this worker's cancellation: start nothing more.
                    raise asyncio.CancelledError
                if (pulled := await source.next()) is None:
                    break
                index, item = pulled
                outcome: Outcome[T, R]
                try:
                    value = await operation(item)
                except Exception as exc:
                    outcome = Outcome(index=index, item=item, error=exc)
                else:
                    outcome = Outcome(index=index, item=item, value=value)
                outcomes[index] = outcome
                if on_done is not None:
                    on_done(outcome)
        except asyncio.CancelledError as exc:
            if task is not None and task.cancelling():
                raise  # this worker is being cancelled: let it be
            raise _Abort(exc) from exc  # the operation itself gave up
        except Exception:
            raise  # the iterator or on_done failed: the task group stops the others
        except BaseException as exc:
            raise _Abort(exc) from exc

    failure: BaseException | None = None
    try:
        async with asyncio.TaskGroup() as group:
            for _ in range(workers):
                group.create_task(work())
    except BaseExceptionGroup as exc:
        failure = _first_cause(exc)
    except asyncio.CancelledError as exc:
        exc.add_note(_finished(outcomes, "cancelled"))
        raise
    if failure is not None:
        # Raised here, outside the handler, so it keeps its own cause and traceback.
        failure.add_note(_finished(outcomes, "stopped"))
        raise failure
    return BulkResult(outcomes=tuple(outcomes[i] for i in range(len(outcomes))))
