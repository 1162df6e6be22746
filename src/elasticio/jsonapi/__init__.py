"""A generic JSON:API codec: decode documents with an identity index, encode request bodies.

Examples:
    >>> from elasticio.jsonapi import Document
    >>> doc = Document.parse(
    ...     b'{"data": {"type": "a", "id": "1",'
    ...     b' "relationships": {"b": {"data": {"type": "b", "id": "2"}}}},'
    ...     b' "included": [{"type": "b", "id": "2", "attributes": {"n": 1}}]}'
    ... )
    >>> doc.related(doc.data, "b").attributes["n"]
    1
"""

from elasticio._errors import DecodeError, ErrorObject
from elasticio.jsonapi._document import Document, Identifier, Linkage, Relationship, Resource
from elasticio.jsonapi._encoder import (
    UNSET,
    RelationshipValue,
    Unset,
    encode_document,
    encode_resource,
)

__all__ = [
    "UNSET",
    "DecodeError",
    "Document",
    "ErrorObject",
    "Identifier",
    "Linkage",
    "Relationship",
    "RelationshipValue",
    "Resource",
    "Unset",
    "encode_document",
    "encode_resource",
]
