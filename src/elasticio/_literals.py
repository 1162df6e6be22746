"""The fixed sets of strings the API takes, as types to annotate with.

Examples:
    >>> from elasticio import FlowSort
    >>> def newest_first() -> FlowSort:
    ...     return "-created_at"
"""

from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = [
    "ComponentAccess",
    "ExecutionKind",
    "FlowSort",
    "FlowStatus",
    "FlowType",
    "Include",
    "V1ExecutionType",
]

FlowStatus: TypeAlias = Literal["active", "inactive", "suspended"]
"""A flow's ``status`` (what was asked) or ``current_status`` (what runs)."""

FlowType: TypeAlias = Literal["ordinary", "long_running"]
"""A flow's ``type``."""

FlowSort: TypeAlias = Literal[
    "name", "-name", "created_at", "-created_at", "updated_at", "-updated_at"
]
"""A flow list's ``sort``: a field, ``-`` first for descending order."""

ComponentAccess: TypeAlias = Literal["private", "public", "all"]
"""The ``access`` filter of a component list."""

Include: TypeAlias = Literal["members", "invites"]
"""What a contract or workspace answer may include beside the resource itself."""

ExecutionKind: TypeAlias = Literal["verify-credential", "dynamic-metadata", "select-model"]
"""What a scheduled execution was asked to do."""

V1ExecutionType: TypeAlias = Literal["verify_credentials", "get_meta_model", "select_model"]
"""What an API v1 execution is asked to do (``client.v1.exec.schedule``)."""
