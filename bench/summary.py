"""Print the summary table of the figures the benchmarks recorded in one ``nox -s bench`` run.

Usage::

    python bench/summary.py REPORT_FILE

The table is Markdown, so it can go into docs/benchmarks.md as printed.
"""

from __future__ import annotations

import os
import platform
import sys

from _report import read


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit("usage: python bench/summary.py REPORT_FILE")
    figures = read(sys.argv[1])
    print()
    print(
        f"Summary: Python {platform.python_version()}, {os.cpu_count()} CPUs, "
        f"{platform.system()} {platform.machine()}"
    )
    print()
    print("| benchmark | work | value | floor or peer (same run) | ratio | target | result |")
    print("|---|---|---:|---|---:|---|---|")
    for figure in figures:
        print(
            f"| {figure.benchmark} | {figure.work} | {figure.value:,.4g} {figure.unit} | "
            f"{figure.floor_name}: {figure.floor:,.4g} {figure.unit} | {figure.ratio:.2f}x | "
            f"{figure.target_text} | {figure.verdict} |"
        )
    judged = [figure for figure in figures if figure.passed is not None]
    passed = sum(bool(figure.passed) for figure in judged)
    print()
    print(f"{passed} of {len(judged)} figures with a target meet it.")


if __name__ == "__main__":
    main()
