"""Print the summary table of the figures the benchmarks recorded in one ``nox -s bench`` run.

Usage::

    python bench/summary.py REPORT_FILE

The table is Markdown, so it can go into docs/benchmarks.md as printed, under the machine
line: when and where it ran (CPUs, Python, system, and the load average at the end, which
says whether other work shared the machine).
"""

from __future__ import annotations

import os
import platform
import sys
from datetime import UTC, datetime

from _report import Figure, read


def machine() -> str:
    """One line saying when and where the figures were taken."""
    try:
        load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        load = "n/a"
    return (
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} CPUs, "
        f"{platform.system()} {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}; load average at the end (1, 5, 15 min): {load}."
    )


def table(figures: list[Figure]) -> list[str]:
    """The figures as Markdown table lines; a figure with no target shows ``-`` and ``info``."""
    lines = [
        "| benchmark | work | value | floor or peer (same run) | ratio | target | result |",
        "|---|---|---:|---|---:|---|---|",
    ]
    for figure in figures:
        lines.append(
            f"| {figure.benchmark} | {figure.work} | {figure.value:,.4g} {figure.unit} | "
            f"{figure.floor_name}: {figure.floor:,.4g} {figure.unit} | {figure.ratio:.2f}x | "
            f"{figure.target_text} | {figure.verdict} |"
        )
    return lines


def tally(figures: list[Figure]) -> str:
    """How many figures with a target meet it, and how many are for information."""
    judged = [figure for figure in figures if figure.passed is not None]
    passed = sum(bool(figure.passed) for figure in judged)
    info = len(figures) - len(judged)
    return f"{passed} of {len(judged)} figures with a target meet it; {info} for information."


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python bench/summary.py REPORT_FILE")
    figures = read(sys.argv[1])
    print()
    print(machine())
    print()
    if not figures:
        print("No figure was recorded.")
        return
    print("\n".join(table(figures)))
    print()
    print(tally(figures))


if __name__ == "__main__":
    main()
