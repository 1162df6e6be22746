"""``multipart/form-data`` request bodies (a certificate file upload), read with the
standard library's MIME parser.

Examples:
    >>> body = (
    ...     b'--b\\r\\nContent-Disposition: form-data; name="cert"; filename="c.pem"\\r\\n'
    ...     b"\\r\\nPEM\\r\\n--b--\\r\\n"
    ... )
    >>> parse_form("multipart/form-data; boundary=b", body)["cert"].content
    b'PEM'
"""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

import attrs

from elasticio.testing._errors import bad_request

__all__ = ["FormPart", "is_form", "parse_form"]


@attrs.frozen
class FormPart:
    """One field of a form: its ``filename`` (None for a plain field) and content, which
    may be a key and so is never in the repr."""

    name: str
    filename: str | None
    content: bytes = attrs.field(repr=False)

    def text(self) -> str:
        """The content as UTF-8 text (undecodable bytes replaced)."""
        return self.content.decode("utf-8", errors="replace")


def is_form(content_type: str | None) -> bool:
    """True for a ``multipart/form-data`` media type."""
    return (content_type or "").split(";", 1)[0].strip().lower() == "multipart/form-data"


def parse_form(content_type: str, body: bytes) -> dict[str, FormPart]:
    """The fields of a ``multipart/form-data`` body, by name (the last of a repeated one).

    Raises:
        ReplyError: 400 when the body is no readable multipart form.
    """
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1", "replace")
    message = BytesParser(policy=policy.HTTP).parsebytes(head + body)
    if not isinstance(message, EmailMessage) or not message.is_multipart() or message.defects:
        raise bad_request("the multipart/form-data body cannot be read")
    fields: dict[str, FormPart] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if part.get_content_disposition() != "form-data" or not isinstance(name, str):
            continue
        payload = part.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else b""
        fields[name] = FormPart(name=name, filename=part.get_filename(), content=content)
    return fields
