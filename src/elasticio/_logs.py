"""``ELASTICIO_LOG=debug|info``: the SDK's log lines on standard error, redacted.

A library leaves logging to the application; this variable is the shortcut for a
script or a terminal session. The SDK's lines never carry credentials, and the handler
installed here masks anything that looks like an Authorization value or URL user
information besides, should a caller's own message under ``elasticio`` hold one.

Examples:
    >>> redact("Authorization: Basic bWU6c2VjcmV0")
    'Authorization: Basic [redacted]'
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Mapping

__all__ = ["LEVELS", "VARIABLE", "configure_from_environment", "redact"]

VARIABLE = "ELASTICIO_LOG"
LEVELS: Mapping[str, int] = {"debug": logging.DEBUG, "info": logging.INFO}

_SECRETS = (
    (re.compile(r"\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]+", re.IGNORECASE), r"\1 [redacted]"),
    (re.compile(r"(://)[^/@\s:]+:[^/@\s]+@"), r"\1[redacted]@"),
)


def redact(text: str) -> str:
    """``text`` with Authorization values and URL passwords masked."""
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text


class _Redacting(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = redact(message)
        if masked != message:
            record.msg, record.args = masked, None
        return True


class _EnvironmentHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler ``ELASTICIO_LOG`` installs (at most one)."""


def configure_from_environment(environ: Mapping[str, str] | None = None) -> None:
    """Send the ``elasticio`` logger's lines to standard error at the level
    ``ELASTICIO_LOG`` names (``debug`` or ``info``, any case); any other value, or
    none, changes nothing. Called when a client is made; installs one handler at most.
    """
    value = (os.environ if environ is None else environ).get(VARIABLE, "")
    level = LEVELS.get(value.strip().lower())
    if level is None:
        return
    logger = logging.getLogger("elasticio")
    logger.setLevel(level)
    if any(isinstance(handler, _EnvironmentHandler) for handler in logger.handlers):
        return
    handler = _EnvironmentHandler()
    handler.setFormatter(logging.Formatter("[%(asctime)s %(levelname)s %(name)s] %(message)s"))
    handler.addFilter(_Redacting())
    logger.addHandler(handler)
