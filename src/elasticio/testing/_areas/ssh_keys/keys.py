"""SSH public keys in OpenSSH's one-line format: checking them and their fingerprints.

A key is ``<type> <base64 blob> [comment]``; the blob is a sequence of length-prefixed
strings that starts with the type again. The docs name RSA and DSA keys; ed25519 and
ECDSA keys are accepted as well. The check is structural (the right number of parts),
not cryptographic. The fingerprint is the classic one: the MD5 of the blob, as pairs of
hex digits joined by colons.

Examples:
    >>> key = example_rsa_key("demo")
    >>> parse_public_key(key + " me@host").type
    'ssh-rsa'
"""

from __future__ import annotations

import base64
import binascii
import hashlib

import attrs

__all__ = ["PublicKey", "example_rsa_key", "parse_public_key"]

# How many length-prefixed parts follow the type name in each kind of key's blob.
_PARTS = {
    "ssh-rsa": 2,  # e, n
    "ssh-dss": 4,  # p, q, g, y
    "ssh-ed25519": 1,  # the 32-byte point
    "ecdsa-sha2-nistp256": 2,  # curve name, point
    "ecdsa-sha2-nistp384": 2,
    "ecdsa-sha2-nistp521": 2,
}


@attrs.frozen
class PublicKey:
    """A checked key: its type, the normalised ``type base64 [comment]`` text, and its
    fingerprint."""

    type: str
    text: str
    fingerprint: str


def _parts(blob: bytes) -> list[bytes] | None:
    """The length-prefixed strings making up ``blob``, or None if it does not split."""
    parts, offset = [], 0
    while offset < len(blob):
        if offset + 4 > len(blob):
            return None
        length = int.from_bytes(blob[offset : offset + 4], "big")
        offset += 4
        if length == 0 or offset + length > len(blob):
            return None
        parts.append(blob[offset : offset + length])
        offset += length
    return parts


def parse_public_key(text: str) -> PublicKey:
    """Check an OpenSSH public key line; ValueError says what is wrong with it."""
    words = text.split()
    if len(words) < 2:
        raise ValueError("an SSH public key is '<type> <base64 data> [comment]'")
    kind, encoded = words[0], words[1]
    if kind not in _PARTS:
        raise ValueError(f"unsupported key type {kind!r}; use one of {', '.join(_PARTS)}")
    try:
        blob = base64.b64decode(encoded, validate=True)
    except binascii.Error:
        raise ValueError("the key data is not base64") from None
    parts = _parts(blob)
    if parts is None or parts[0] != kind.encode() or len(parts) != 1 + _PARTS[kind]:
        raise ValueError(f"the key data is not an {kind} public key")
    digest = hashlib.md5(blob, usedforsecurity=False).hexdigest()
    fingerprint = ":".join(digest[i : i + 2] for i in range(0, len(digest), 2))
    return PublicKey(type=kind, text=" ".join(words), fingerprint=fingerprint)


def _string(value: bytes) -> bytes:
    return len(value).to_bytes(4, "big") + value


def example_rsa_key(seed: str, *, bits: int = 2048) -> str:
    """A well-formed (not usable) ``ssh-rsa`` public key derived from ``seed``.

    Examples:
        >>> example_rsa_key("a") == example_rsa_key("a") != example_rsa_key("b")
        True
    """
    size = bits // 8
    stream = b""
    while len(stream) < size:
        stream += hashlib.sha256(f"{seed}:{len(stream)}".encode()).digest()
    modulus = bytearray(stream[:size])
    modulus[0] |= 0x80  # the top bit set: a full-size modulus
    modulus[-1] |= 0x01  # odd, as a product of two primes is
    exponent = (65537).to_bytes(3, "big")
    # mpints are signed: a leading zero byte keeps the modulus positive.
    blob = _string(b"ssh-rsa") + _string(exponent) + _string(b"\0" + bytes(modulus))
    return "ssh-rsa " + base64.b64encode(blob).decode()
