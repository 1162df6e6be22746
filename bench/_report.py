"""One figure of a benchmark, as ``nox -s bench`` gathers them into its summary table.

Each benchmark prints its own detailed report and, for every figure the issue sets a
target on, calls `record`: the figure, the floor (or peer) measured in the same run, and
the target ratio. When ``ELASTICIO_BENCH_REPORT`` names a file, the figure is appended to
it as one JSON line; ``bench/summary.py`` reads that file and prints the table.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass

__all__ = ["REPORT_VARIABLE", "Figure", "read", "record"]

REPORT_VARIABLE = "ELASTICIO_BENCH_REPORT"


@dataclass(frozen=True)
class Figure:
    """``value`` against ``floor`` (same unit, same run), judged against ``target``.

    ``at_most`` targets pass when ``value / floor <= target`` (the SDK's cost against a
    floor); the others pass when ``value / floor >= target`` (a speed-up over a peer:
    ``value`` is then the peer's cost and ``floor`` the SDK's). A
    figure with no target (``None``) is shown for information and judged ``info``.
    An absolute budget (say 10 µs) is a figure whose floor is the budget and target 1.
    """

    benchmark: str
    work: str
    value: float
    floor: float
    floor_name: str
    unit: str
    target: float | None
    at_most: bool = True

    @property
    def ratio(self) -> float:
        return self.value / self.floor if self.floor else float("inf")

    @property
    def passed(self) -> bool | None:
        if self.target is None:
            return None
        return self.ratio <= self.target if self.at_most else self.ratio >= self.target

    @property
    def verdict(self) -> str:
        return {None: "info", True: "PASS", False: "FAIL"}[self.passed]

    @property
    def target_text(self) -> str:
        if self.target is None:
            return "-"
        return f"{'<=' if self.at_most else '>='} {self.target:g}x"


def record(figure: Figure) -> Figure:
    """Print ``figure`` as a summary line and append it to the report file, if any."""
    print(
        f"[{figure.benchmark}] {figure.work}: {figure.value:,.4g} {figure.unit} vs "
        f"{figure.floor_name} {figure.floor:,.4g} {figure.unit} = {figure.ratio:.2f}x, "
        f"target {figure.target_text}: {figure.verdict}"
    )
    path = os.environ.get(REPORT_VARIABLE)
    if path:
        with open(path, "a", encoding="utf-8") as report:
            report.write(json.dumps(asdict(figure)) + "\n")
    return figure


def read(path: str) -> list[Figure]:
    """The figures recorded in ``path``, in order (none if it does not exist)."""
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as report:
        return [Figure(**json.loads(line)) for line in report if line.strip()]
