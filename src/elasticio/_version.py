"""The installed distribution's version, read once on first use."""

from __future__ import annotations

from functools import cache
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as distribution_version

__all__ = ["version"]


@cache
def version() -> str:
    """The version of the installed ``elasticio`` distribution (``0+unknown`` from a bare tree)."""
    try:
        return distribution_version("elasticio")
    except PackageNotFoundError:
        return "0+unknown"
