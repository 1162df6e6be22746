"""The one helper that puts ids and names into a path."""

from __future__ import annotations

from urllib.parse import quote

from elasticio._errors import UsageError

__all__ = ["segment"]


def segment(value: str) -> str:
    """Percent-encode ``value`` as exactly one path segment.

    Every reserved character, ``/`` included, is escaped, so an id such as
    ``../users/me`` or ``a/b?x#y`` stays inside its segment. Empty values and the dot
    segments ``.`` and ``..`` are refused: servers collapse them before routing; so is
    text with a lone surrogate, which has no UTF-8 form.

    Examples:
        >>> segment("a/b?x#y")
        'a%2Fb%3Fx%23y'
    """
    if not isinstance(value, str):
        raise UsageError(f"a path segment must be a string, not {type(value).__name__}")
    if value in ("", ".", ".."):
        raise UsageError(f"{value!r} cannot be used as an id or name in a URL path")
    try:
        return quote(value, safe="")
    except UnicodeEncodeError:
        # A lone surrogate (a JSON "\ud800" escape decodes to one) has no UTF-8 form.
        raise UsageError(
            f"{value!r} cannot be used as an id or name in a URL path: it is not valid Unicode"
        ) from None
