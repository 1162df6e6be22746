"""The object store as S3 answers a pre-signed URL: PUT the bytes to ``put_url``, GET
them from ``get_url``.

The URLs carry their own authority, so no ``Authorization`` is read. Errors are S3's
XML error documents:

* 403 ``AccessDenied``: a token that was never issued, or one whose slot has expired;
* 403 ``SignatureDoesNotMatch``: a GET with the put token, or a PUT with the get token;
* 404 ``NoSuchKey``: a GET before anything was put;
* 400 ``EntityTooLarge``: a body over the setting ``object_size_limit`` bytes;
* 405 ``MethodNotAllowed``: any other method.

A PUT answers 200 with the ``ETag`` (the MD5 of the bytes, quoted, as S3's); a GET
answers the bytes with the ``Content-Type`` they were put with (S3's
``binary/octet-stream`` when none was given). A second PUT replaces the object.
"""

from __future__ import annotations

import hashlib
from html import escape
from urllib.parse import unquote

from starlette.requests import Request
from starlette.responses import Response

from elasticio.testing._areas.resources.store import OBJECTS_PATH, ObjectStore, StoredObject

__all__ = ["is_object_path", "serve_object"]

_DEFAULT_TYPE = "binary/octet-stream"


def is_object_path(raw_path: str) -> bool:
    """True for a path of the object store rather than of the API.

    Examples:
        >>> is_object_path("/_objects/abc"), is_object_path("/v2/flows")
        (True, False)
    """
    return raw_path.startswith(OBJECTS_PATH)


def _s3_error(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> Response:
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<Error><Code>{code}</Code><Message>{escape(message)}</Message></Error>"
    )
    return Response(body, status_code=status, headers=headers, media_type="application/xml")


async def _body(request: Request, limit: int) -> bytes | None:
    """The request's bytes, or None as soon as they pass ``limit``."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


async def serve_object(store: ObjectStore, size_limit: int, request: Request) -> Response:
    """The answer of the object store to ``request``."""
    if request.method not in ("GET", "PUT"):
        return _s3_error(
            405,
            "MethodNotAllowed",
            "The specified method is not allowed against this resource.",
            {"Allow": "GET, PUT"},
        )
    raw = request.scope.get("raw_path", b"").decode("latin-1").split("?", 1)[0]
    found = store.find(unquote(raw[len(OBJECTS_PATH) :]))
    if found is None:
        return _s3_error(403, "AccessDenied", "Access Denied")
    slot, allows = found
    if store.expired(slot):
        return _s3_error(403, "AccessDenied", "Request has expired")
    if request.method.lower() != allows:
        return _s3_error(
            403,
            "SignatureDoesNotMatch",
            "The request signature we calculated does not match the signature you provided.",
        )
    if request.method == "GET":
        if slot.stored is None:
            return _s3_error(404, "NoSuchKey", "The specified key does not exist.")
        return Response(slot.stored.content, headers={"Content-Type": slot.stored.content_type})
    content = await _body(request, size_limit)
    if content is None:
        return _s3_error(
            400, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size"
        )
    content_type = request.headers.get("content-type") or _DEFAULT_TYPE
    slot.stored = StoredObject(content, content_type)
    etag = hashlib.md5(content, usedforsecurity=False).hexdigest()
    return Response(status_code=200, headers={"ETag": f'"{etag}"'})
