"""The fingerprint the platform shows for an SSH key, computed independently of the
emulator.

Example:
    >>> len(md5_fingerprint("ssh-rsa AAAA user@host").split(":"))
    16
"""

from __future__ import annotations

import base64
import hashlib

__all__ = ["md5_fingerprint"]


def md5_fingerprint(key: str) -> str:
    """The classic fingerprint of an OpenSSH public key line."""
    digest = hashlib.md5(base64.b64decode(key.split()[1]), usedforsecurity=False).hexdigest()
    return ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))
