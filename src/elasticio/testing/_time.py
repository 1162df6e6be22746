"""The emulator's sense of time: an injectable monotonic clock and a derived wall clock."""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import attrs

__all__ = ["EPOCH", "EmulatorClock", "iso", "millis"]

# Wall-clock time in the emulator starts here, whatever the real date: timestamps in
# responses are then the same on every run. Seeded data is dated before it.
EPOCH = datetime(2025, 1, 1, tzinfo=UTC)


# Records keep their timestamps, so answers format the same few again and again.
@functools.lru_cache(maxsize=1 << 16)
def iso(moment: datetime) -> str:
    """The API's timestamp format: ISO 8601 in UTC with milliseconds and a ``Z``.

    Examples:
        >>> iso(EPOCH)
        '2025-01-01T00:00:00.000Z'
    """
    return (
        moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    )


def millis(moment: datetime) -> int:
    """Milliseconds since the Unix epoch, as component versions give their ``date``."""
    return int(moment.timestamp() * 1000)


@attrs.define
class EmulatorClock:
    """Monotonic seconds from an injected clock, and wall time as ``EPOCH`` plus elapsed."""

    monotonic: Callable[[], float]
    origin: float = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.origin = self.monotonic()

    def rebase(self) -> None:
        """Make the wall clock read ``EPOCH`` again (used by a reset)."""
        self.origin = self.monotonic()

    def now(self) -> float:
        return self.monotonic()

    def wall(self) -> datetime:
        return EPOCH + timedelta(seconds=self.monotonic() - self.origin)
