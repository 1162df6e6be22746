"""elasticio: an async Python SDK for the elastic.io integration platform REST API.

Examples:
    >>> from elasticio import AsyncClient
    >>> async with AsyncClient(email="me@example.com", api_key="...") as client:  # doctest: +SKIP
    ...     async for component in client.components.list(contract_id="CONTRACT_ID"):
    ...         print(component.name)
"""

import logging
from typing import Any

from elasticio._bulk import BulkResult, Outcome, run_bounded
from elasticio._client import AsyncClient, ClientStats
from elasticio._errors import (
    APIConnectionError,
    APIError,
    APIProtocolError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    DecodeError,
    ElasticioError,
    ErrorObject,
    ExecutionFailedError,
    ForeignOriginError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    PollTimeoutError,
    RateLimitError,
    ResponseTooLargeError,
    ServerError,
    UnexpectedStatusError,
    UsageError,
)
from elasticio._http import Response
from elasticio._literals import (
    ComponentAccess,
    ExecutionKind,
    FlowSort,
    FlowStatus,
    FlowType,
    Include,
    V1ExecutionType,
)
from elasticio._options import CallOptions, ListOptions
from elasticio._pagination import Page, Paginator
from elasticio._paths import segment
from elasticio._polling import PollPolicy
from elasticio._raw import RawResponse
from elasticio._retry import RetryPolicy
from elasticio.jsonapi import UNSET
from elasticio.models import (
    AuthClient,
    AuthSecret,
    Component,
    ComponentDescriptor,
    ComponentEnv,
    ComponentVersion,
    Contract,
    ContractInvite,
    ContractMember,
    ContractPolicy,
    ContractRole,
    Credential,
    DataSample,
    Execution,
    ExecutionResult,
    Flow,
    FlowComponentStats,
    FlowDraft,
    FlowEdge,
    FlowGraph,
    FlowNode,
    FlowQueueStats,
    FlowStats,
    FlowVersion,
    LogLine,
    LogPage,
    OpenIDIdentity,
    QuotaUsage,
    SignedUrl,
    Snapshot,
    SSHKey,
    StepQueueStats,
    Team,
    Topic,
    User,
    V1Accepted,
    V1Account,
    V1Component,
    V1Repo,
    V1SSHKey,
    V1Step,
    V1Task,
    V1Team,
    V1User,
    Workspace,
    WorkspaceInvite,
    WorkspaceMember,
    WorkspaceStats,
)

__all__ = [
    "UNSET",
    "APIConnectionError",
    "APIError",
    "APIProtocolError",
    "APITimeoutError",
    "AsyncClient",
    "AuthClient",
    "AuthSecret",
    "AuthenticationError",
    "BadRequestError",
    "BulkResult",
    "CallOptions",
    "ClientStats",
    "Component",
    "ComponentAccess",
    "ComponentDescriptor",
    "ComponentEnv",
    "ComponentVersion",
    "ConfigurationError",
    "ConflictError",
    "Contract",
    "ContractInvite",
    "ContractMember",
    "ContractPolicy",
    "ContractRole",
    "Credential",
    "DataSample",
    "DecodeError",
    "ElasticioError",
    "ErrorObject",
    "Execution",
    "ExecutionFailedError",
    "ExecutionKind",
    "ExecutionResult",
    "Flow",
    "FlowComponentStats",
    "FlowDraft",
    "FlowEdge",
    "FlowGraph",
    "FlowNode",
    "FlowQueueStats",
    "FlowSort",
    "FlowStats",
    "FlowStatus",
    "FlowType",
    "FlowVersion",
    "ForeignOriginError",
    "Include",
    "ListOptions",
    "LogLine",
    "LogPage",
    "NotFoundError",
    "OpenIDIdentity",
    "Outcome",
    "Page",
    "PaginationError",
    "Paginator",
    "PermissionDeniedError",
    "PollPolicy",
    "PollTimeoutError",
    "QuotaUsage",
    "RateLimitError",
    "RawResponse",
    "Response",
    "ResponseTooLargeError",
    "RetryPolicy",
    "SSHKey",
    "ServerError",
    "SignedUrl",
    "Snapshot",
    "StepQueueStats",
    "Team",
    "Topic",
    "UnexpectedStatusError",
    "UsageError",
    "User",
    "V1Accepted",
    "V1Account",
    "V1Component",
    "V1ExecutionType",
    "V1Repo",
    "V1SSHKey",
    "V1Step",
    "V1Task",
    "V1Team",
    "V1User",
    "Workspace",
    "WorkspaceInvite",
    "WorkspaceMember",
    "WorkspaceStats",
    "run_bounded",
    "segment",
]

# A library logs; the application decides where the lines go.
logging.getLogger("elasticio").addHandler(logging.NullHandler())


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from elasticio._version import version

        return version()
    raise AttributeError(f"module 'elasticio' has no attribute {name!r}")
