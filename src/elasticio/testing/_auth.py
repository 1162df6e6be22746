"""HTTP Basic authentication: the email is the username, the API key the password."""

from __future__ import annotations

import base64
import binascii
import functools
import hmac

from elasticio.testing._areas.users.store import UserRecord
from elasticio.testing._errors import unauthorized
from elasticio.testing._platform import Platform

__all__ = ["authenticate", "basic_credentials"]


# Remembered per header value: a client sends the same one on every request.
@functools.lru_cache(maxsize=256)
def basic_credentials(header: str | None) -> tuple[str, str] | None:
    """``(username, password)`` from an ``Authorization: Basic`` header, or None.

    Examples:
        >>> basic_credentials("Basic YTpi")
        ('a', 'b')
    """
    if not header:
        return None
    scheme, _, encoded = header.strip().partition(" ")
    if scheme.lower() != "basic" or not encoded:
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    username, sep, password = decoded.partition(":")
    return (username, password) if sep else None


def authenticate(platform: Platform, header: str | None) -> UserRecord:
    """The user the header names, or a 401."""
    if not header:
        raise unauthorized("No authorization header was provided.")
    credentials = basic_credentials(header)
    if credentials is None:
        raise unauthorized("The authorization header must be HTTP Basic: email and API key.")
    user = platform.users.by_email(credentials[0])
    if user is None or not hmac.compare_digest(user.api_key, credentials[1]):
        raise unauthorized("No valid API key provided.")
    return user
