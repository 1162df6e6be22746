"""run_bounded: every item's outcome in input order, a bounded number in flight, clean stops."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import respx

from elasticio import AsyncClient, NotFoundError, UsageError
from elasticio._bulk import BulkResult, Outcome, run_bounded

GUARD = 5.0  # a safety net against a hanging test, never reached when the code is right


class Held:
    """An operation that holds each item until the test releases it, counting how many
    are running at once and which were cancelled."""

    def __init__(self) -> None:
        self.entries: dict[Any, asyncio.Future[None]] = {}
        self.in_flight = 0
        self.most = 0
        self.cancelled: list[Any] = []
        self.changed = asyncio.Condition()

    async def __call__(self, item: Any) -> str:
        self.in_flight += 1
        self.most = max(self.most, self.in_flight)
        self.entries[item] = asyncio.get_running_loop().create_future()
        async with self.changed:
            self.changed.notify_all()
        try:
            await self.entries[item]
        except asyncio.CancelledError:
            self.cancelled.append(item)
            raise
        finally:
            self.in_flight -= 1
        return f"done {item}"

    @property
    def waiting(self) -> list[Any]:
        """The items held right now, oldest first."""
        return [item for item, entry in self.entries.items() if not entry.done()]

    async def until_waiting(self, count: int) -> None:
        """Wait until ``count`` items are held (the loop runs meanwhile, no sleeping)."""
        async with asyncio.timeout(GUARD), self.changed:
            await self.changed.wait_for(lambda: len(self.waiting) >= count)

    def release(self, item: Any) -> None:
        """Let ``item``'s operation return."""
        self.entries[item].set_result(None)


def other_tasks() -> set[asyncio.Task[Any]]:
    """Every task of the loop except the test's own."""
    return {t for t in asyncio.all_tasks() if t is not asyncio.current_task()}


async def double(n: int) -> int:
    """An operation that succeeds at once."""
    return n * 2


async def fail_odd(n: int) -> int:
    """An operation that fails for odd numbers."""
    if n % 2:
        raise ValueError(f"odd {n}")
    return n


# -- outcomes ------------------------------------------------------------------------------


async def test_outcomes_keep_input_order() -> None:
    """Items finishing in reverse order still come back in input order."""
    held = Held()
    run = asyncio.create_task(run_bounded(held, ["a", "b", "c", "d"], concurrency=4))
    await held.until_waiting(4)
    for item in ["d", "c", "b", "a"]:
        held.release(item)
        await asyncio.sleep(0)
    result = await run
    assert [o.item for o in result.outcomes] == ["a", "b", "c", "d"]
    assert [o.index for o in result.outcomes] == [0, 1, 2, 3]
    assert result.values() == ["done a", "done b", "done c", "done d"]


async def test_every_failure_is_reported() -> None:
    """With half of 100 items failing, all 100 outcomes are there, each with its error."""
    result = await run_bounded(fail_odd, range(100), concurrency=7)
    assert len(result.outcomes) == 100
    assert [o.item for o in result.failed] == list(range(1, 100, 2))
    assert [o.item for o in result.succeeded] == list(range(0, 100, 2))
    assert all(isinstance(o.error, ValueError) and o.value is None for o in result.failed)
    assert all(o.ok and o.error is None for o in result.succeeded)
    assert result.ok is False


async def test_values_raise_a_group_of_every_failure() -> None:
    """values() with failures raises an ExceptionGroup holding each error in input order."""
    result = await run_bounded(fail_odd, range(6), concurrency=2)
    with pytest.raises(ExceptionGroup) as caught:
        result.values()
    assert [str(e) for e in caught.value.exceptions] == ["odd 1", "odd 3", "odd 5"]
    assert "3 of 6" in str(caught.value)


async def test_values_can_be_caught_by_kind() -> None:
    """``except*`` picks the failures of one kind out of values()."""
    result = await run_bounded(fail_odd, [1, 2], concurrency=2)
    caught: list[BaseException] = []
    try:
        result.values()
    except* ValueError as group:
        caught.extend(group.exceptions)
    assert [str(e) for e in caught] == ["odd 1"]


async def test_values_when_all_succeed() -> None:
    """values() gives every value in input order, None values included."""

    async def maybe_none(n: int) -> int | None:
        return None if n == 1 else n

    result = await run_bounded(maybe_none, [0, 1, 2], concurrency=3)
    assert result.values() == [0, None, 2]
    assert result.ok is True
    assert result.outcomes[1].ok is True


async def test_no_items_no_outcomes() -> None:
    """An empty input gives an empty result."""
    result: BulkResult[int, int] = await run_bounded(double, [], concurrency=3)
    assert result == BulkResult(outcomes=())
    assert result.values() == []


async def test_on_done_sees_every_outcome_as_it_comes() -> None:
    """on_done is called once per item, in completion order, with that item's outcome."""
    held = Held()
    seen: list[Outcome[str, str]] = []
    reported = asyncio.Event()

    def record(outcome: Outcome[str, str]) -> None:
        seen.append(outcome)
        reported.set()

    run = asyncio.create_task(run_bounded(held, ["a", "b"], concurrency=2, on_done=record))
    await held.until_waiting(2)
    held.release("b")
    async with asyncio.timeout(GUARD):
        await reported.wait()
    held.release("a")
    await run
    assert [(o.item, o.value) for o in seen] == [("b", "done b"), ("a", "done a")]


# -- bounds and laziness -------------------------------------------------------------------


async def test_concurrency_is_respected() -> None:
    """No more than ``concurrency`` operations run at once, and all 30 complete."""
    held = Held()
    run = asyncio.create_task(run_bounded(held, range(30), concurrency=4))
    for released in range(30):
        await held.until_waiting(min(4, 30 - released))
        assert held.in_flight <= 4
        held.release(held.waiting[0])
    result = await run
    assert held.most == 4
    assert len(result.succeeded) == 30


async def test_items_are_pulled_lazily() -> None:
    """A generator is advanced only as workers free up: never ahead of the work."""
    pulled: list[int] = []

    def numbers() -> Iterator[int]:
        for n in range(100_000):
            pulled.append(n)
            yield n

    held = Held()
    run = asyncio.create_task(run_bounded(held, numbers(), concurrency=3))
    await held.until_waiting(3)
    assert pulled == [0, 1, 2]
    held.release(0)
    await held.until_waiting(3)
    assert pulled == [0, 1, 2, 3]
    run.cancel()
    with pytest.raises(asyncio.CancelledError):
        await run


async def test_a_long_generator_runs_through() -> None:
    """100 000 items from a generator complete with a few workers."""
    result = await run_bounded(double, (n for n in range(100_000)), concurrency=50)
    assert len(result.outcomes) == 100_000
    assert result.outcomes[-1].value == 199_998


async def test_async_iterables_are_accepted() -> None:
    """Items may come from an async iterator (a paginator, say), order kept."""

    async def numbers() -> AsyncIterator[int]:
        for n in range(20):
            await asyncio.sleep(0)
            yield n

    result = await run_bounded(double, numbers(), concurrency=4)
    assert result.values() == [n * 2 for n in range(20)]


@pytest.mark.parametrize("bad", [0, -1, True, 2.5])
async def test_nonsense_concurrency_is_refused(bad: Any) -> None:
    """concurrency must be a whole number of at least 1."""
    with pytest.raises(UsageError, match="concurrency"):
        await run_bounded(double, [1], concurrency=bad)


# -- stopping the whole run ----------------------------------------------------------------


async def test_cancelling_the_run_cancels_every_operation() -> None:
    """Cancelled from outside, the run cancels its operations and leaves no task behind."""
    before = other_tasks()
    held = Held()
    run = asyncio.create_task(run_bounded(held, range(10), concurrency=3))
    await held.until_waiting(3)
    run.cancel()
    with pytest.raises(asyncio.CancelledError):
        await run
    assert sorted(held.cancelled) == [0, 1, 2]
    assert other_tasks() == before


async def test_a_cancelled_run_starts_nothing_more() -> None:
    """Cancelled over 10,000 items whose operations swallow the cancellation, the run
    starts no new operation, raises CancelledError and says what had finished."""
    started: list[int] = []
    held = Held()

    async def stubborn(item: int) -> str:
        started.append(item)
        if item >= 5:
            return "started after the cancel"  # at once, so a run that goes on ends
        try:
            return await held(item)
        except asyncio.CancelledError:
            return f"swallowed {item}"  # a misbehaving operation: no re-raise

    finished: list[Outcome[int, str]] = []
    run = asyncio.create_task(
        run_bounded(stubborn, range(10_000), concurrency=4, on_done=finished.append)
    )
    await held.until_waiting(4)
    held.release(0)
    await held.until_waiting(4)
    run.cancel()
    with pytest.raises(asyncio.CancelledError) as caught:
        async with asyncio.timeout(GUARD):
            await run
    assert started == [0, 1, 2, 3, 4]
    assert sorted(o.item for o in finished) == [0, 1, 2, 3, 4]
    assert "5 operations had finished" in "".join(caught.value.__notes__)


async def test_keyboard_interrupt_stops_the_run() -> None:
    """A KeyboardInterrupt from one operation propagates; the others are cancelled."""
    before = other_tasks()
    held = Held()

    async def operation(item: int) -> str:
        if item == 3:
            await held.until_waiting(3)
            raise KeyboardInterrupt
        return await held(item)

    with pytest.raises(KeyboardInterrupt):
        await run_bounded(operation, range(10), concurrency=4)
    assert sorted(held.cancelled) == [0, 1, 2]
    assert other_tasks() == before


async def test_an_operation_giving_up_with_cancelled_error_stops_the_run() -> None:
    """A CancelledError raised by an operation itself is not an outcome: it propagates."""
    before = other_tasks()
    held = Held()

    async def operation(item: int) -> str:
        if item == 2:
            await held.until_waiting(2)
            raise asyncio.CancelledError
        return await held(item)

    with pytest.raises(asyncio.CancelledError):
        await run_bounded(operation, range(5), concurrency=3)
    assert sorted(held.cancelled) == [0, 1]
    assert other_tasks() == before


async def test_an_iterator_error_stops_the_run() -> None:
    """An error from the items iterator is not an item's outcome: it propagates."""

    def numbers() -> Iterator[int]:
        yield 1
        raise RuntimeError("the source broke")

    with pytest.raises(RuntimeError, match="the source broke"):
        await run_bounded(double, numbers(), concurrency=2)


async def test_an_on_done_error_stops_the_run() -> None:
    """An error in the on_done callback propagates as it is."""

    def explode(outcome: Outcome[int, int]) -> None:
        raise LookupError("progress bar broke")

    with pytest.raises(LookupError, match="progress bar broke"):
        await run_bounded(double, [1, 2], concurrency=1, on_done=explode)


# -- with the client -----------------------------------------------------------------------


async def test_bulk_requests_through_the_client(
    client: AsyncClient, router: respx.MockRouter
) -> None:
    """run_bounded over client calls reports the one 404 and keeps the other results."""
    router.get("/v2/things/2").respond(404)
    router.get(path__regex=r"/v2/things/\d+").respond(200, json={"meta": {"ok": True}})
    result = await run_bounded(
        lambda n: client.request("GET", f"/v2/things/{n}"), range(5), concurrency=2
    )
    assert [o.ok for o in result.outcomes] == [True, True, False, True, True]
    assert isinstance(result.outcomes[2].error, NotFoundError)
