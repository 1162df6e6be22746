"""Attachment storage: signed URL pairs (v1 and v2) and the object store they point at."""
