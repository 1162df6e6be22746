"""``VirtualClock``: time moves by sleeps and advances only."""

from __future__ import annotations

import asyncio

import pytest

from elasticio.testing import VirtualClock


def test_sleeps_move_the_clock_and_are_recorded() -> None:
    """Each sleep moves the clock by its length at once; a negative one counts as 0."""
    clock = VirtualClock(start=5.0)

    async def main() -> None:
        await asyncio.gather(clock.sleep(2.0), clock.sleep(3.0), clock.sleep(-1.0))

    asyncio.run(main())
    assert clock() == 10.0
    assert sorted(clock.sleeps) == [-1.0, 2.0, 3.0]


def test_advance_moves_without_a_sleep_and_never_back() -> None:
    """``advance`` is time passing elsewhere: not a sleep; a negative step is refused."""
    clock = VirtualClock()
    clock.advance(1.5)
    assert (clock(), clock.sleeps) == (1.5, [])
    with pytest.raises(ValueError, match="cannot go back"):
        clock.advance(-0.1)
    assert clock() == 1.5
    assert repr(clock) == "<VirtualClock now=1.5 sleeps=0>"
